import {
  Anchor,
  Button,
  Divider,
  Drawer,
  FileInput,
  Group,
  MultiSelect,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  ACTIVITY_STATUS_LABELS,
  SETTABLE_STATUSES,
  type SettableStatus,
} from '../../../../src/core/plans/status';
import type { ActivityDetailView } from '../../../../src/shared/plans';
import { endpoints } from '../../api/endpoints';
import { planApi, type TrackedKind } from '../../api/plans';
import { ErrorAlert, formatDateTime, notifySaved, QueryState } from '../../components/common';
import { EditActivity } from './EditActivity';
import { EvidenceLink } from './EvidenceLink';
import { Responsible } from './Responsible';
import { StatusBadge, ruDate } from './status';

function Tracking({ d, kind, id }: { d: ActivityDetailView; kind: TrackedKind; id: number }) {
  const qc = useQueryClient();
  const current = d.schoolTask ? d.schoolTask.status : d.activity.status;
  const [status, setStatus] = useState<SettableStatus>(current);
  const [note, setNote] = useState('');
  const [comment, setComment] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileTitle, setFileTitle] = useState('');
  const done = async (message: string) => {
    await qc.invalidateQueries({ queryKey: ['plan-detail'] });
    await qc.invalidateQueries({ queryKey: ['plans'] });
    await qc.invalidateQueries({ queryKey: ['plan'] });
    await qc.invalidateQueries({ queryKey: ['my-tasks'] });
    notifySaved(message);
  };
  const saveStatus = useMutation({
    mutationFn: () => planApi.setStatus(kind, id, { status, note: note || null }),
    onSuccess: () => done('Статус сохранён').then(() => setNote('')),
  });
  const addComment = useMutation({
    mutationFn: () => planApi.comment(kind, id, comment),
    onSuccess: () => done('Комментарий добавлен').then(() => setComment('')),
  });
  const addFile = useMutation({
    mutationFn: () => {
      const f = new FormData();
      f.set('title', fileTitle || file?.name || 'Файл');
      if (file) f.set('file', file);
      return planApi.addFile(kind, id, f);
    },
    onSuccess: () =>
      done('Файл приложен').then(() => {
        setFile(null);
        setFileTitle('');
      }),
  });
  return (
    <Stack gap="xs">
      <Title order={5}>Отметка о выполнении</Title>
      <Responsible d={d} kind={kind} id={id} onDone={done} />
      <Group align="flex-end">
        <Select
          label="Статус"
          w={200}
          data={SETTABLE_STATUSES.map((s) => ({ value: s, label: ACTIVITY_STATUS_LABELS[s] }))}
          value={status}
          onChange={(v) => setStatus((v as SettableStatus) ?? current)}
        />
        <TextInput
          label="Примечание"
          style={{ flex: 1 }}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Button onClick={() => saveStatus.mutate()} loading={saveStatus.isPending}>
          Сохранить статус
        </Button>
      </Group>
      <ErrorAlert error={saveStatus.error} />
      <EvidenceLink kind={kind} id={id} onDone={done} />
      <Group align="flex-end">
        <FileInput
          label="Файл-подтверждение"
          w={260}
          value={file}
          onChange={setFile}
          placeholder="Выберите файл"
        />
        <TextInput
          label="Название файла"
          style={{ flex: 1 }}
          value={fileTitle}
          onChange={(e) => setFileTitle(e.currentTarget.value)}
        />
        <Button
          variant="default"
          onClick={() => addFile.mutate()}
          disabled={!file}
          loading={addFile.isPending}
        >
          Приложить файл
        </Button>
      </Group>
      <ErrorAlert error={addFile.error} />
      <Group align="flex-end">
        <Textarea
          label="Комментарий"
          style={{ flex: 1 }}
          autosize
          minRows={1}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
        />
        <Button
          variant="default"
          onClick={() => addComment.mutate()}
          disabled={!comment.trim()}
          loading={addComment.isPending}
        >
          Отправить
        </Button>
      </Group>
      <ErrorAlert error={addComment.error} />
    </Stack>
  );
}

function Schools({ d }: { d: ActivityDetailView }) {
  const qc = useQueryClient();
  const named = d.activity.targetSchools.map((t) => String(t.orgId));
  const [chosen, setChosen] = useState<string[]>(named);
  const schools = useQuery({
    queryKey: ['orgs', 'schools', d.plan.municipalityId],
    queryFn: () =>
      endpoints.orgs({ category: 'school', municipalityId: d.plan.municipalityId, pageSize: 500 }),
    enabled: d.canManage && !d.schoolTask && d.plan.level !== 'school',
  });
  const cascade = useMutation({
    mutationFn: () =>
      planApi.cascade(
        d.activity.id,
        chosen.map((id) => Number(id)),
      ),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['plan-detail'] });
      await qc.invalidateQueries({ queryKey: ['plan'] });
      notifySaved('Задачи школам созданы');
    },
  });
  if (d.schoolTask) return null;
  const canCascade = d.canManage && d.plan.level !== 'school';
  if (!d.schoolTasks.length && !canCascade) return null;
  const assigned = new Set(d.schoolTasks.map((t) => t.orgId));
  return (
    <Stack gap="xs">
      <Title order={5}>Школы</Title>
      {canCascade ? (
        <Group align="flex-end">
          <MultiSelect
            label="Назначить школам"
            description="По умолчанию — школы, названные в тексте мероприятия"
            style={{ flex: 1 }}
            searchable
            data={(schools.data?.items ?? []).map((o) => ({
              value: String(o.id),
              label: assigned.has(o.id) ? `${o.shortName} (назначено)` : o.shortName,
            }))}
            value={chosen}
            onChange={setChosen}
            data-testid="cascade-schools"
          />
          <Button
            variant="light"
            onClick={() => cascade.mutate()}
            disabled={!chosen.length}
            loading={cascade.isPending}
          >
            Назначить ({chosen.length})
          </Button>
        </Group>
      ) : null}
      <ErrorAlert error={cascade.error ?? schools.error} />
      {d.schoolTasks.length ? (
        <Table fz="sm">
          <Table.Tbody>
            {d.schoolTasks.map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td>{t.orgName}</Table.Td>
                <Table.Td>
                  <StatusBadge status={t.effectiveStatus} />
                </Table.Td>
                <Table.Td>подтверждений: {t.evidenceCount}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}

function Detail(props: {
  d: ActivityDetailView;
  kind: TrackedKind;
  id: number;
  onClose: () => void;
}) {
  const { d, kind, id } = props;
  const a = d.activity;
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {d.plan.title}
        {d.schoolTask ? ` · задача: ${d.schoolTask.orgName}` : ''}
      </Text>
      <Title order={4}>
        {a.number ? `${a.number.replace(/\.$/, '')}. ` : ''}
        {a.text}
      </Title>
      <Group>
        <StatusBadge status={a.effectiveStatus} />
        <Text size="sm">
          Срок: {a.deadline.text || 'не указан'}
          {a.deadline.from
            ? ` (${ruDate(a.deadline.from)} – ${ruDate(a.deadline.to)})`
            : ` (${a.deadline.kindLabel})`}
        </Text>
      </Group>
      {a.result ? <Text size="sm">Результат: {a.result}</Text> : null}
      {a.executorsText ? (
        <Text size="sm">
          Исполнители: {a.executors.map((e) => e.userName ?? e.orgName ?? e.label).join(', ')}
        </Text>
      ) : null}
      {a.participants ? <Text size="sm">Участники: {a.participants}</Text> : null}
      {a.targetSchools.length || a.unmatchedSchoolNumbers.length ? (
        <Text size="sm">
          Целевые ОО: {a.targetSchools.map((s) => s.name).join(', ')}
          {a.unmatchedSchoolNumbers.length
            ? ` (нет в реестре: №№ ${a.unmatchedSchoolNumbers.join(', ')})`
            : ''}
        </Text>
      ) : null}
      <Schools d={d} />
      {d.canExecute ? (
        <Tracking d={d} kind={kind} id={id} key={`${kind}${id}`} />
      ) : (
        <Text size="sm">Ответственный: {d.responsible?.fullName ?? 'не назначен'}</Text>
      )}
      <Divider />
      <Title order={5}>Подтверждения</Title>
      {d.evidence.length ? (
        d.evidence.map((e) => (
          <Text size="sm" key={e.id}>
            {e.recordKindLabel}:{' '}
            {e.documentId ? (
              <Anchor href={`/api/documents/${e.documentId}/file`}>{e.title}</Anchor>
            ) : e.recordId !== null && e.url?.startsWith('/') && !e.url.startsWith('/api/') ? (
              <Anchor component={Link} to={e.url}>
                {e.title}
              </Anchor>
            ) : (
              <Anchor href={e.url ?? '#'} target={e.recordId === null ? '_blank' : undefined}>
                {e.title}
              </Anchor>
            )}{' '}
            <Text span c="dimmed" size="xs">
              {e.userName}, {formatDateTime(e.at)}
            </Text>
          </Text>
        ))
      ) : (
        <Text size="sm" c="dimmed">
          Нет
        </Text>
      )}
      <Title order={5}>Комментарии</Title>
      {d.comments.length ? (
        d.comments.map((c) => (
          <Text size="sm" key={c.id}>
            <b>{c.userName}</b> ({formatDateTime(c.at)}): {c.text}
          </Text>
        ))
      ) : (
        <Text size="sm" c="dimmed">
          Нет
        </Text>
      )}
      {d.canManage && !d.schoolTask ? (
        <>
          <Divider />
          <EditActivity d={d} onRemoved={props.onClose} key={d.activity.id} />
          <Divider />
        </>
      ) : null}
      <Title order={5}>История</Title>
      {d.history.length ? (
        d.history.map((h) => (
          <Text size="sm" key={h.id}>
            {formatDateTime(h.at)} — {h.userName}:{' '}
            {h.fromStatus ? ACTIVITY_STATUS_LABELS[h.fromStatus as SettableStatus] : '—'} →{' '}
            {ACTIVITY_STATUS_LABELS[h.toStatus as SettableStatus]}
            {h.note ? ` («${h.note}»)` : ''}
          </Text>
        ))
      ) : (
        <Text size="sm" c="dimmed">
          Статус не менялся
        </Text>
      )}
    </Stack>
  );
}

/** The card of an activity or of one school's task, in a side drawer. */
export function ActivityDrawer(props: {
  target: { kind: TrackedKind; id: number } | null;
  onClose: () => void;
}) {
  const t = props.target;
  const detail = useQuery({
    queryKey: ['plan-detail', t?.kind, t?.id],
    queryFn: () => planApi.detail(t!.kind, t!.id),
    enabled: t !== null,
  });
  return (
    <Drawer
      opened={t !== null}
      onClose={props.onClose}
      position="right"
      size="xl"
      title="Мероприятие"
    >
      {t ? (
        <QueryState query={detail}>
          {(d) => <Detail d={d} kind={t.kind} id={t.id} onClose={props.onClose} />}
        </QueryState>
      ) : null}
    </Drawer>
  );
}
