import {
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  List,
  Select,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { DecisionRequest, DueProcessView } from '../../../../src/shared/objectivityScreen';
import { objectivityScreenApi } from '../../api/objectivityScreen';
import {
  ErrorAlert,
  formatBytes,
  formatDateTime,
  notifySaved,
  QueryState,
} from '../../components/common';
import { DUE_COLORS, RiskBadge } from './badges';

const DECISIONS: { value: DecisionRequest['decision']; label: string }[] = [
  { value: 'cleared', label: 'Снять (признаки не подтвердились)' },
  { value: 'keep_risk', label: 'Оставить в зоне риска' },
  { value: 'observers', label: 'Направить наблюдателей' },
  { value: 'recheck', label: 'Перепроверка работ' },
];

const pText = (p: number) =>
  p < 0.0001 ? 'p < 0,0001' : `p = ${p.toFixed(p < 0.01 ? 4 : 3).replace('.', ',')}`;

function ExplainForm({ view }: { view: DueProcessView }) {
  const client = useQueryClient();
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const save = useMutation({
    mutationFn: () => {
      const form = new FormData();
      form.append('year', String(view.year));
      form.append('text', text);
      if (file) form.append('file', file);
      return objectivityScreenApi.explain(view.orgId, form);
    },
    onSuccess: async () => {
      setText('');
      setFile(null);
      notifySaved('Пояснение отправлено');
      await client.invalidateQueries({ queryKey: ['objectivity'] });
    },
  });
  return (
    <Stack gap="xs">
      <Title order={5}>Пояснение школы</Title>
      <Textarea
        label="Текст пояснения"
        autosize
        minRows={3}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <FileInput label="Файл (по желанию)" value={file} onChange={setFile} clearable w={360} />
      <ErrorAlert error={save.error} />
      <Group>
        <Button disabled={!text.trim()} loading={save.isPending} onClick={() => save.mutate()}>
          Отправить пояснение
        </Button>
      </Group>
    </Stack>
  );
}

function DecideForm({ view }: { view: DueProcessView }) {
  const client = useQueryClient();
  const [decision, setDecision] = useState<DecisionRequest['decision'] | null>(null);
  const [reason, setReason] = useState('');
  const save = useMutation({
    mutationFn: () =>
      objectivityScreenApi.decide(view.orgId, {
        year: view.year,
        decision: decision ?? 'keep_risk',
        reason,
      }),
    onSuccess: async () => {
      setReason('');
      setDecision(null);
      notifySaved('Решение записано');
      await client.invalidateQueries({ queryKey: ['objectivity'] });
    },
  });
  return (
    <Stack gap="xs">
      <Title order={5}>Решение</Title>
      <Select
        label="Решение"
        data={DECISIONS}
        value={decision}
        onChange={(v) => setDecision(v as DecisionRequest['decision'] | null)}
        w={360}
      />
      <Textarea
        label="Основание (обязательно)"
        autosize
        minRows={2}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
      <ErrorAlert error={save.error} />
      <Group>
        <Button
          disabled={!decision || !reason.trim()}
          loading={save.isPending}
          onClick={() => save.mutate()}
        >
          Записать решение
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * Due process of a school-year for its card: the flag and evidence (a school sees only its own),
 * the history of explanations and decisions, and the forms the caller may use.
 */
export function DueProcessPanel(props: { orgId: number; year: number }) {
  const query = useQuery({
    queryKey: ['objectivity', 'due-process', props.orgId, props.year],
    queryFn: () => objectivityScreenApi.dueProcess(props.orgId, props.year),
  });
  return (
    <QueryState query={query}>
      {(view) => (
        <Card withBorder>
          <Stack>
            <Group justify="space-between">
              <Title order={4}>Рассмотрение признаков, {view.year}</Title>
              <Group gap="xs">
                <RiskBadge risk={view.risk} label={`риск: ${view.riskLabel}`} />
                <Badge color={DUE_COLORS[view.status]} variant="light">
                  {view.statusLabel}
                </Badge>
              </Group>
            </Group>
            {view.summary && <Text size="sm">{view.summary}</Text>}
            {view.evidence.length > 0 && (
              <List size="sm" spacing={4}>
                {view.evidence.map((e, i) => (
                  <List.Item key={i}>
                    <b>{e.title}</b> ({e.subject}, {e.grade} класс
                    {e.className ? `, ${e.className}` : ''}, {pText(e.p)}, n = {e.n}): {e.text}
                  </List.Item>
                ))}
              </List>
            )}
            {view.events.length ? (
              <Timeline bulletSize={14} lineWidth={2} active={view.events.length}>
                {view.events.map((e) => (
                  <Timeline.Item
                    key={`${e.kind}:${e.id}`}
                    title={
                      e.kind === 'explanation'
                        ? `Пояснение ОО — ${e.authorName}`
                        : `Решение: ${e.decisionLabel ?? ''} — ${e.authorName}`
                    }
                  >
                    <Text size="xs" c="dimmed">
                      {formatDateTime(e.at)}
                    </Text>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {e.text}
                    </Text>
                    {e.file && (
                      <Anchor size="sm" href={objectivityScreenApi.explanationFileUrl(e.id)}>
                        {e.file.name} ({formatBytes(e.file.sizeBytes)})
                      </Anchor>
                    )}
                  </Timeline.Item>
                ))}
              </Timeline>
            ) : (
              <Text size="sm" c="dimmed">
                Пояснений и решений пока нет.
              </Text>
            )}
            {view.canExplain &&
              (view.risk === 'high' || view.risk === 'elevated' || view.events.length > 0) && (
                <ExplainForm view={view} />
              )}
            {view.canDecide && <DecideForm view={view} />}
          </Stack>
        </Card>
      )}
    </QueryState>
  );
}
