import { ActionIcon, Indicator, Menu, Text, Tooltip } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { TaskItemView } from '../../../../src/shared/plans';
import { planApi } from '../../api/plans';
import { useSession } from '../../auth/session';

const short = (s: string) => (s.length > 90 ? `${s.slice(0, 87)}…` : s);

/** Where a reminder leads: «Мои задачи» with the task's card open. */
export const taskLink = (t: TaskItemView) =>
  `/my-tasks?task=${t.kind}:${t.kind === 'activity' ? t.activityId : t.id}`;

const when = (t: TaskItemView) =>
  t.effectiveStatus === 'overdue'
    ? `просрочено (${t.deadline.text})`
    : `${t.deadline.text}, осталось ${t.daysLeft ?? 0} дн.`;

/**
 * The bell in the header: open tasks of the user and of their organisation due within 14 days
 * or overdue, computed on request; the dropdown links to each task.
 */
export function ReminderBell() {
  const { can } = useSession();
  const q = useQuery({
    queryKey: ['my-tasks', 'reminders'],
    queryFn: planApi.reminders,
    enabled: can('plan.read'),
    refetchInterval: 5 * 60_000,
  });
  if (!can('plan.read')) return null;
  const items = q.data ?? [];
  const overdue = items.filter((i) => i.effectiveStatus === 'overdue').length;
  return (
    <Menu position="bottom-end" width={380} withinPortal>
      <Menu.Target>
        <Tooltip label="Напоминания по планам мероприятий">
          <Indicator
            label={items.length}
            size={16}
            color={overdue ? 'red' : 'yellow'}
            disabled={!items.length}
          >
            <ActionIcon variant="subtle" aria-label="Напоминания" data-testid="reminder-bell">
              <IconBell size={20} />
            </ActionIcon>
          </Indicator>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {items.length
            ? `Срок в ближайшие 14 дней или просрочено: ${items.length}`
            : 'Нет задач со сроком в ближайшие 14 дней и просроченных'}
        </Menu.Label>
        {items.slice(0, 10).map((t) => (
          <Menu.Item key={`${t.kind}${t.id}`} component={Link} to={taskLink(t)}>
            <Text size="sm" lineClamp={2}>
              {t.number ? `${t.number.replace(/\.$/, '')} ` : ''}
              {short(t.text)}
            </Text>
            <Text size="xs" c={t.effectiveStatus === 'overdue' ? 'red' : 'dimmed'}>
              {when(t)} · {t.orgName}
            </Text>
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item component={Link} to="/my-tasks">
          Все мои задачи
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
