import { Button, Group, Select, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ActivityDetailView } from '../../../../src/shared/plans';
import { planApi } from '../../api/plans';
import { ErrorAlert, notifySaved } from '../../components/common';

/** Editing an activity's text, number, section, deadline as written, result and executors. */
export function EditActivity({ d, onRemoved }: { d: ActivityDetailView; onRemoved: () => void }) {
  const qc = useQueryClient();
  const a = d.activity;
  const plan = useQuery({ queryKey: ['plan', d.plan.id], queryFn: () => planApi.get(d.plan.id) });
  const [number, setNumber] = useState(a.number ?? '');
  const [text, setText] = useState(a.text);
  const [deadline, setDeadline] = useState(a.deadline.text);
  const [result, setResult] = useState(a.result);
  const [executors, setExecutors] = useState(a.executorsText);
  const [participants, setParticipants] = useState(a.participants);
  const [section, setSection] = useState<string | null>(a.sectionId ? String(a.sectionId) : null);
  const [objective, setObjective] = useState<string | null>(
    a.objectiveId ? String(a.objectiveId) : null,
  );
  const objectives = plan.data?.objectives ?? [];
  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: ['plan-detail'] });
    await qc.invalidateQueries({ queryKey: ['plan'] });
    await qc.invalidateQueries({ queryKey: ['plans'] });
  };
  const save = useMutation({
    mutationFn: () =>
      planApi.updateActivity(a.id, {
        number: number || null,
        text,
        deadlineText: deadline,
        result,
        executorsText: executors,
        participants,
        sectionId: section ? Number(section) : null,
        objectiveId: objective ? Number(objective) : null,
      }),
    onSuccess: () => refresh().then(() => notifySaved('Мероприятие сохранено')),
  });
  const remove = useMutation({
    mutationFn: () => planApi.removeActivity(a.id),
    onSuccess: () => refresh().then(onRemoved),
  });
  return (
    <Stack gap="xs">
      <Title order={5}>Изменить мероприятие</Title>
      <Group grow>
        <TextInput label="№" value={number} onChange={(e) => setNumber(e.currentTarget.value)} />
        <Select
          label="Раздел"
          clearable
          data={(plan.data?.sections ?? []).map((s) => ({
            value: String(s.id),
            label: `${s.number ? `${s.number}. ` : ''}${s.title}`.slice(0, 80),
          }))}
          value={section}
          onChange={setSection}
        />
      </Group>
      {objectives.length ? (
        <Select
          label="Задача плана"
          clearable
          data={objectives.map((o) => ({ value: String(o.id), label: o.text.slice(0, 100) }))}
          value={objective}
          onChange={setObjective}
        />
      ) : null}
      <Textarea
        label="Мероприятие"
        autosize
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <Group grow>
        <TextInput
          label="Срок (как в документе)"
          value={deadline}
          onChange={(e) => setDeadline(e.currentTarget.value)}
        />
        <TextInput
          label="Исполнители"
          value={executors}
          onChange={(e) => setExecutors(e.currentTarget.value)}
        />
      </Group>
      <Textarea
        label="Результат"
        autosize
        value={result}
        onChange={(e) => setResult(e.currentTarget.value)}
      />
      <TextInput
        label="Участники"
        value={participants}
        onChange={(e) => setParticipants(e.currentTarget.value)}
      />
      <ErrorAlert error={save.error ?? remove.error} />
      <Group justify="space-between">
        <Button
          color="red"
          variant="subtle"
          onClick={() => remove.mutate()}
          loading={remove.isPending}
        >
          Удалить мероприятие
        </Button>
        <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!text.trim()}>
          Сохранить изменения
        </Button>
      </Group>
    </Stack>
  );
}
