import { Button, Group, Select, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { ActivityDetailView } from '../../../../src/shared/plans';
import { planApi, type TrackedKind } from '../../api/plans';
import { ErrorAlert } from '../../components/common';

/**
 * The person answering for the activity or the school's task: shown to all readers, chosen
 * among the executing organisation's people by whoever may execute.
 */
export function Responsible(props: {
  d: ActivityDetailView;
  kind: TrackedKind;
  id: number;
  onDone: (message: string) => Promise<void>;
}) {
  const { d } = props;
  const current = d.responsible ? String(d.responsible.id) : null;
  const [userId, setUserId] = useState<string | null>(current);
  const save = useMutation({
    mutationFn: () =>
      planApi.setResponsible(props.kind, props.id, userId === null ? null : Number(userId)),
    onSuccess: () => props.onDone('Ответственный сохранён'),
  });
  if (!d.canExecute) {
    return (
      <Text size="sm">Ответственный: {d.responsible ? d.responsible.fullName : 'не назначен'}</Text>
    );
  }
  return (
    <>
      <Group align="flex-end">
        <Select
          label="Ответственный"
          w={320}
          clearable
          searchable
          placeholder="Не назначен"
          data={d.responsibleCandidates.map((p) => ({
            value: String(p.id),
            label: p.position ? `${p.fullName}, ${p.position}` : p.fullName,
          }))}
          value={userId}
          onChange={setUserId}
          nothingFoundMessage="В организации нет пользователей"
          data-testid="responsible-select"
        />
        <Button
          variant="default"
          onClick={() => save.mutate()}
          disabled={userId === current}
          loading={save.isPending}
        >
          Назначить
        </Button>
      </Group>
      <ErrorAlert error={save.error} />
    </>
  );
}
