import {
  Anchor,
  Button,
  Divider,
  Drawer,
  FileInput,
  Group,
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
import {
  ACTIVITY_STATUS_LABELS,
  SETTABLE_STATUSES,
  type SettableStatus,
} from '../../../../src/core/plans/status';
import {
  EVIDENCE_RECORD_KINDS,
  EVIDENCE_RECORD_LABELS,
  type EvidenceRecordKind,
} from '../../../../src/core/plans/model';
import type { ActivityDetailView } from '../../../../src/shared/plans';
import { planApi, type TrackedKind } from '../../api/plans';
import { ErrorAlert, formatDateTime, notifySaved, QueryState } from '../../components/common';
import { EditActivity } from './EditActivity';
import { StatusBadge, ruDate } from './status';

function Tracking({ d, kind, id }: { d: ActivityDetailView; kind: TrackedKind; id: number }) {
  const qc = useQueryClient();
  const current = d.schoolTask ? d.schoolTask.status : d.activity.status;
  const [status, setStatus] = useState<SettableStatus>(current);
  const [note, setNote] = useState('');
  const [comment, setComment] = useState('');
  const [linkTitle, setLinkTitle] = useState('');
  const [linkUrl, setLinkUrl] = useState('');
  const [linkKind, setLinkKind] = useState<EvidenceRecordKind>('document');
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
  const addLink = useMutation({
    mutationFn: () =>
      planApi.addLink(kind, id, { recordKind: linkKind, title: linkTitle, url: linkUrl }),
    onSuccess: () =>
      done('Подтверждение добавлено').then(() => {
        setLinkTitle('');
        setLinkUrl('');
      }),
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
      <Group align="flex-end">
        <Select
          label="Подтверждение"
          w={160}
          data={EVIDENCE_RECORD_KINDS.map((k) => ({ value: k, label: EVIDENCE_RECORD_LABELS[k] }))}
          value={linkKind}
          onChange={(v) => setLinkKind((v as EvidenceRecordKind) ?? 'document')}
        />
        <TextInput
          label="Название"
          value={linkTitle}
          onChange={(e) => setLinkTitle(e.currentTarget.value)}
        />
        <TextInput
          label="Ссылка"
          style={{ flex: 1 }}
          value={linkUrl}
          onChange={(e) => setLinkUrl(e.currentTarget.value)}
        />
        <Button
          variant="default"
          onClick={() => addLink.mutate()}
          disabled={!linkTitle || !linkUrl}
          loading={addLink.isPending}
        >
          Добавить ссылку
        </Button>
      </Group>
      <ErrorAlert error={addLink.error} />
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
  const cascade = useMutation({
    mutationFn: () => planApi.cascade(d.activity.id),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['plan-detail'] });
      await qc.invalidateQueries({ queryKey: ['plan'] });
      notifySaved('Задачи школам созданы');
    },
  });
  if (d.schoolTask) return null;
  const canCascade = d.canManage && d.activity.targetSchools.length > 0;
  if (!d.schoolTasks.length && !canCascade) return null;
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={5}>Школы</Title>
        {canCascade ? (
          <Button
            size="xs"
            variant="light"
            onClick={() => cascade.mutate()}
            loading={cascade.isPending}
          >
            Назначить школам ({d.activity.targetSchools.length})
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={cascade.error} />
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
      {d.canExecute ? <Tracking d={d} kind={kind} id={id} key={`${kind}${id}`} /> : null}
      <Divider />
      <Title order={5}>Подтверждения</Title>
      {d.evidence.length ? (
        d.evidence.map((e) => (
          <Text size="sm" key={e.id}>
            {e.recordKindLabel}:{' '}
            {e.documentId ? (
              <Anchor href={`/api/documents/${e.documentId}/file`}>{e.title}</Anchor>
            ) : (
              <Anchor href={e.url ?? '#'} target="_blank">
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
