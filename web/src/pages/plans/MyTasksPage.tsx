import { Alert, Checkbox, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconBell } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { TaskItemView } from '../../../../src/shared/plans';
import { planApi, type TrackedKind } from '../../api/plans';
import { PageHeader, QueryState } from '../../components/common';
import { ActivityDrawer } from './ActivityDrawer';
import { StatusBadge } from './status';

const when = (t: TaskItemView) =>
  t.daysLeft === null
    ? t.deadline.kindLabel
    : t.daysLeft < 0
      ? `просрочено на ${-t.daysLeft} дн.`
      : `осталось ${t.daysLeft} дн.`;

function TaskTable({
  items,
  onOpen,
}: {
  items: TaskItemView[];
  onOpen: (t: TaskItemView) => void;
}) {
  if (!items.length) return <Text c="dimmed">Задач нет.</Text>;
  return (
    <Table striped highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Мероприятие</Table.Th>
          <Table.Th>План</Table.Th>
          <Table.Th>Срок</Table.Th>
          <Table.Th>Статус</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((t) => (
          <Table.Tr
            key={`${t.kind}${t.id}`}
            style={{ cursor: 'pointer' }}
            onClick={() => onOpen(t)}
          >
            <Table.Td maw={520}>
              {t.number ? `${t.number.replace(/\.$/, '')}. ` : ''}
              {t.text}
              {t.kind === 'schoolTask' ? (
                <Text size="xs" c="dimmed">
                  задача школы: {t.orgName}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td maw={300}>
              <Link to={`/plans/${t.planId}`} onClick={(e) => e.stopPropagation()}>
                {t.planTitle}
              </Link>
            </Table.Td>
            <Table.Td>
              {t.deadline.text || '—'}
              <Text size="xs" c={t.effectiveStatus === 'overdue' ? 'red' : 'dimmed'}>
                {when(t)}
              </Text>
            </Table.Td>
            <Table.Td>
              <StatusBadge status={t.effectiveStatus} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function MyTasksPage() {
  const [view, setView] = useState<'org' | 'user'>('org');
  const [open, setOpen] = useState(true);
  const [params, setParams] = useSearchParams();
  const opened = /^(activity|schoolTask):(\d+)$/.exec(params.get('task') ?? '');
  const [picked, setTarget] = useState<{ kind: TrackedKind; id: number } | null>(null);
  // A reminder in the header opens its task here (?task=activity:12).
  const target = opened ? { kind: opened[1] as TrackedKind, id: Number(opened[2]) } : picked;
  const close = () => {
    setTarget(null);
    if (opened) setParams({}, { replace: true });
  };
  const tasks = useQuery({
    queryKey: ['my-tasks', view, open],
    queryFn: () => planApi.myTasks(view, open),
  });
  const reminders = useQuery({ queryKey: ['my-tasks', 'reminders'], queryFn: planApi.reminders });
  const soon = reminders.data?.filter((r) => r.dueSoon) ?? [];
  const overdue = reminders.data?.filter((r) => r.effectiveStatus === 'overdue') ?? [];
  return (
    <Stack>
      <PageHeader
        title="Мои задачи"
        subtitle="Мероприятия планов, где исполнитель — вы или ваша организация, и задачи, назначенные школе"
      />
      {soon.length || overdue.length ? (
        <Alert
          icon={<IconBell size={18} />}
          color={overdue.length ? 'red' : 'yellow'}
          title="Напоминания"
        >
          {soon.length ? `Срок в ближайшие две недели: ${soon.length}. ` : ''}
          {overdue.length ? `Просрочено: ${overdue.length}.` : ''}
        </Alert>
      ) : null}
      <Group>
        <SegmentedControl
          value={view}
          onChange={(v) => setView(v as 'org' | 'user')}
          data={[
            { value: 'org', label: 'Моей организации' },
            { value: 'user', label: 'Мои лично' },
          ]}
        />
        <Checkbox
          label="Только открытые"
          checked={open}
          onChange={(e) => setOpen(e.currentTarget.checked)}
        />
      </Group>
      <QueryState query={tasks}>
        {(items) => (
          <TaskTable
            items={items}
            onOpen={(t) =>
              setTarget({ kind: t.kind, id: t.kind === 'activity' ? t.activityId : t.id })
            }
          />
        )}
      </QueryState>
      <ActivityDrawer target={target} onClose={close} />
    </Stack>
  );
}
