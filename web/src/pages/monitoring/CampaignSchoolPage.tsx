import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Answers } from '../../../../src/core/monitoring/scoring';
import { CARD_STATUS_LABELS, SELF_STATUS_LABELS } from '../../../../src/core/monitoring/workflow';
import type { CampaignSchoolView } from '../../../../src/shared/monitoring';
import { endpoints } from '../../api/endpoints';
import { monitoringApi } from '../../api/monitoring';
import {
  ErrorAlert,
  formatDateTime,
  notifyError,
  notifySaved,
  PageHeader,
  QueryState,
} from '../../components/common';
import { AnswerInput, answerText, type DocOption } from './AnswerInput';
import { formatPercent } from './format';
import { DocumentUpload } from './DocumentUpload';
import { ReopenAction } from './ReopenAction';

type Mode = 'self' | 'card' | 'view';

function Form({ view, mode }: { view: CampaignSchoolView; mode: Mode }) {
  const client = useQueryClient();
  const initial: Answers =
    mode === 'card'
      ? Object.keys(view.card.answers).length
        ? view.card.answers
        : view.self.answers
      : view.self.answers;
  const [answers, setAnswers] = useState<Answers>(initial);
  const [comment, setComment] = useState(view.card.comment ?? '');
  const [returnComment, setReturnComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const docs = useQuery({
    queryKey: ['documents', view.orgId],
    queryFn: () => endpoints.documents({ orgId: view.orgId, includeHistory: 'true' }),
  });
  const docOptions: DocOption[] = (docs.data ?? []).map((d) => ({
    value: String(d.id),
    label: `${d.title} (${d.kindLabel}, версия ${d.version}${d.isCurrent ? '' : ', устарела'})`,
  }));

  const run = async (action: () => Promise<CampaignSchoolView>, message: string) => {
    setBusy(true);
    setError(null);
    try {
      const next = await action();
      client.setQueryData(['campaign-school', view.id], next);
      await client.invalidateQueries({ queryKey: ['monitoring'] });
      notifySaved(message);
    } catch (err) {
      setError(err);
      notifyError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack>
      {view.definition.sections.map((section) => (
        <Card withBorder key={section.key}>
          <Title order={4} mb="xs">
            {section.title}
          </Title>
          <Stack gap="md">
            {section.indicators.map((ind) => (
              <Group
                key={ind.key}
                align="flex-start"
                wrap="nowrap"
                data-testid={`indicator-${ind.key}`}
              >
                <Stack gap={0} w="40%">
                  <Text size="sm" fw={500}>
                    {ind.title}
                    {ind.required ? ' *' : ''}
                  </Text>
                  <Text size="xs" c="dimmed">
                    вес {ind.weight}
                    {ind.hint ? ` · ${ind.hint}` : ''}
                  </Text>
                  {mode === 'card' ? (
                    <Text size="xs" c="dimmed">
                      Самооценка ОО: {answerText(ind, view.self.answers[ind.key])}
                    </Text>
                  ) : null}
                </Stack>
                <div style={{ flex: 1 }}>
                  <AnswerInput
                    indicator={ind}
                    answer={answers[ind.key]}
                    documents={docOptions}
                    withComment={mode === 'card'}
                    onChange={(a) => setAnswers((prev) => ({ ...prev, [ind.key]: a }))}
                  />
                </div>
              </Group>
            ))}
          </Stack>
        </Card>
      ))}
      <ErrorAlert error={error} />
      {mode === 'self' ? (
        <Group>
          <DocumentUpload orgId={view.orgId} />
          <Button
            variant="default"
            loading={busy}
            onClick={() =>
              run(
                () => monitoringApi.saveSelf(view.id, { answers, submit: false }),
                'Черновик сохранён',
              )
            }
          >
            Сохранить черновик
          </Button>
          <Button
            loading={busy}
            onClick={() =>
              run(
                () => monitoringApi.saveSelf(view.id, { answers, submit: true }),
                'Самоотчёт отправлен',
              )
            }
          >
            Отправить самоотчёт
          </Button>
        </Group>
      ) : null}
      {mode === 'card' ? (
        <Card withBorder>
          <Textarea
            label="Заключение эксперта"
            autosize
            minRows={2}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
          />
          <Group mt="sm">
            <Button
              variant="default"
              loading={busy}
              onClick={() =>
                run(
                  () => monitoringApi.saveCard(view.id, { answers, comment, finalize: false }),
                  'Экспертная карта сохранена',
                )
              }
            >
              Сохранить карту
            </Button>
            <Button
              color="green"
              loading={busy}
              onClick={() =>
                run(
                  () => monitoringApi.saveCard(view.id, { answers, comment, finalize: true }),
                  'Карта итоговая и закрыта',
                )
              }
            >
              Сделать итоговой
            </Button>
          </Group>
          {view.can.returnSelf ? (
            <Group mt="md" align="flex-end">
              <Textarea
                label="Что доработать ОО"
                style={{ flex: 1 }}
                value={returnComment}
                onChange={(e) => setReturnComment(e.currentTarget.value)}
              />
              <Button
                color="orange"
                variant="light"
                loading={busy}
                onClick={() =>
                  run(() => monitoringApi.returnSelf(view.id, returnComment), 'Самоотчёт возвращён')
                }
              >
                Вернуть на доработку
              </Button>
            </Group>
          ) : null}
        </Card>
      ) : null}
    </Stack>
  );
}

const unconfirmed = (score: CampaignSchoolView['self']['score'], key: string) =>
  score.indicators.find((i) => i.key === key)?.unconfirmed ? (
    <Badge ml={4} size="xs" color="orange" variant="light">
      не подтверждено
    </Badge>
  ) : null;

function ReadOnly({ view }: { view: CampaignSchoolView }) {
  return (
    <Table withTableBorder striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Показатель</Table.Th>
          <Table.Th>Самооценка ОО</Table.Th>
          <Table.Th>Эксперт</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {view.definition.sections.flatMap((s) => [
          <Table.Tr key={s.key}>
            <Table.Td colSpan={3} fw={700}>
              {s.title}
            </Table.Td>
          </Table.Tr>,
          ...s.indicators.map((ind) => (
            <Table.Tr key={ind.key}>
              <Table.Td>{ind.title}</Table.Td>
              <Table.Td>
                {answerText(ind, view.self.answers[ind.key])}
                {unconfirmed(view.self.score, ind.key)}
              </Table.Td>
              <Table.Td>
                {answerText(ind, view.card.answers[ind.key])}
                {unconfirmed(view.card.score, ind.key)}
              </Table.Td>
            </Table.Tr>
          )),
        ])}
      </Table.Tbody>
    </Table>
  );
}

export function CampaignSchoolPage() {
  const id = Number(useParams().id);
  const query = useQuery({
    queryKey: ['campaign-school', id],
    queryFn: () => monitoringApi.campaignSchool(id),
  });
  const [mode, setMode] = useState<Mode | null>(null);
  const client = useQueryClient();
  const reopen = async (reason: string) => {
    try {
      const next = await monitoringApi.reopenCard(id, reason);
      client.setQueryData(['campaign-school', id], next);
      await client.invalidateQueries({ queryKey: ['monitoring'] });
      notifySaved('Экспертная карта открыта заново');
    } catch (err) {
      notifyError(err);
    }
  };
  return (
    <QueryState query={query}>
      {(view) => {
        const auto: Mode = view.can.editCard ? 'card' : view.can.editSelf ? 'self' : 'view';
        const current = mode ?? auto;
        return (
          <>
            <PageHeader
              title={view.orgName}
              subtitle={
                <>
                  <Anchor component={Link} to={`/monitoring/campaigns/${view.campaign.id}`}>
                    {view.campaign.title}
                  </Anchor>{' '}
                  · «{view.templateTitle}», версия {view.templateVersion} · экспертная группа «
                  {view.expertGroupName}»
                </>
              }
              actions={
                current !== 'view' ? (
                  <Button variant="subtle" onClick={() => setMode('view')}>
                    Сравнить ответы
                  </Button>
                ) : auto !== 'view' ? (
                  <Button variant="subtle" onClick={() => setMode(auto)}>
                    К заполнению
                  </Button>
                ) : null
              }
            />
            <Group mb="md">
              <Badge variant="light">Самоотчёт: {SELF_STATUS_LABELS[view.self.status]}</Badge>
              <Badge variant="light" color={view.card.status === 'final' ? 'green' : 'blue'}>
                Экспертная карта: {CARD_STATUS_LABELS[view.card.status]}
              </Badge>
              <Text size="sm">
                Самооценка:{' '}
                <b data-testid="self-percent">{formatPercent(view.self.score.percent)}</b> ·
                Эксперт: <b data-testid="card-percent">{formatPercent(view.card.score.percent)}</b>
              </Text>
              {view.can.reopenCard ? (
                <ReopenAction label="Открыть карту заново" onReopen={reopen} />
              ) : null}
            </Group>
            {view.self.status === 'returned' && view.self.returnComment ? (
              <Alert color="orange" mb="md" title="Самоотчёт возвращён на доработку">
                {view.self.returnComment}
              </Alert>
            ) : null}
            {view.card.comment ? (
              <Alert color="blue" mb="md" title="Заключение эксперта">
                {view.card.comment}
              </Alert>
            ) : null}
            {current === 'view' ? (
              <ReadOnly view={view} />
            ) : (
              <Form
                key={`${view.id}-${current}-${view.self.status}-${view.card.status}`}
                view={view}
                mode={current}
              />
            )}
            <Group align="flex-start" grow mt="lg">
              <Card withBorder>
                <Title order={5} mb="xs">
                  Подтверждающие документы (реестр ОО)
                </Title>
                {view.documents.length ? (
                  <Stack gap={4}>
                    {view.documents.map((d) => (
                      <Anchor key={d.id} href={endpoints.documentFileUrl(d.id)} size="sm">
                        {d.title} — {d.kindLabel}, версия {d.version}
                        {d.isCurrent ? '' : ' (есть более новая версия)'}
                      </Anchor>
                    ))}
                  </Stack>
                ) : (
                  <Text size="sm" c="dimmed">
                    В ответах нет ссылок на документы
                  </Text>
                )}
                <Title order={5} mt="md" mb="xs">
                  График оценочных процедур ({view.campaign.academicYearName})
                </Title>
                {view.schedule ? (
                  <Stack gap={2}>
                    <Text size="sm">
                      Нарушений: {view.schedule.violations}; не хватает данных для проверок:{' '}
                      {view.schedule.missing}
                    </Text>
                    {view.schedule.messages.slice(0, 10).map((m) => (
                      <Text size="xs" key={m}>
                        • {m}
                      </Text>
                    ))}
                  </Stack>
                ) : (
                  <Text size="sm" c="dimmed">
                    ОО не загрузила график
                  </Text>
                )}
              </Card>
              <Card withBorder>
                <Title order={5} mb="xs">
                  История
                </Title>
                <Table>
                  <Table.Tbody>
                    {view.history.map((h, i) => (
                      <Table.Tr key={i}>
                        <Table.Td>{formatDateTime(h.at)}</Table.Td>
                        <Table.Td>{h.userName}</Table.Td>
                        <Table.Td>
                          {h.actionLabel}
                          {h.percent !== null ? ` (${formatPercent(h.percent)})` : ''}
                          {h.comment ? `: ${h.comment}` : ''}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Card>
            </Group>
          </>
        );
      }}
    </QueryState>
  );
}
