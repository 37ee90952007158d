import { Alert, Anchor, List, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconBell } from '@tabler/icons-react';
import { Link } from 'react-router';
import { planApi } from '../../api/plans';
import { useSession } from '../../auth/session';

/** In-app reminders on the home page: deadlines of the next two weeks and overdue tasks. */
export function RemindersCard() {
  const { can } = useSession();
  const q = useQuery({
    queryKey: ['my-tasks', 'reminders'],
    queryFn: planApi.reminders,
    enabled: can('plan.read'),
  });
  const items = q.data ?? [];
  if (!items.length) return null;
  const overdue = items.filter((i) => i.effectiveStatus === 'overdue');
  const soon = items.filter((i) => i.dueSoon);
  return (
    <Alert
      icon={<IconBell size={18} />}
      color={overdue.length ? 'red' : 'yellow'}
      title="Напоминания по планам мероприятий"
    >
      <Text size="sm">
        Срок в ближайшие две недели: {soon.length}; просрочено: {overdue.length}.{' '}
        <Anchor component={Link} to="/my-tasks">
          Мои задачи
        </Anchor>
      </Text>
      <List size="sm" mt="xs">
        {soon.slice(0, 5).map((i) => (
          <List.Item key={`${i.kind}${i.id}`}>
            {i.text.length > 100 ? `${i.text.slice(0, 97)}…` : i.text} — {i.deadline.text} (осталось{' '}
            {i.daysLeft} дн.)
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
