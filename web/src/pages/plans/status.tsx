import { Badge, Group, Progress, Text, Tooltip } from '@mantine/core';
import type { ActivityStatus } from '../../../../src/core/plans/status';
import { ACTIVITY_STATUS_LABELS } from '../../../../src/core/plans/status';
import type { ProgressView } from '../../../../src/shared/plans';

export const STATUS_COLORS: Record<ActivityStatus, string> = {
  planned: 'gray',
  in_progress: 'blue',
  done: 'green',
  overdue: 'red',
  cancelled: 'dark',
};

export function StatusBadge({ status }: { status: ActivityStatus }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="light">
      {ACTIVITY_STATUS_LABELS[status]}
    </Badge>
  );
}

/** Execution as a stacked bar with counts. */
export function ProgressBar({ progress }: { progress: ProgressView }) {
  const pct = (n: number) => (progress.total ? (n / progress.total) * 100 : 0);
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress.Root size="lg" w={160}>
        <Tooltip label={`выполнено: ${progress.done}`}>
          <Progress.Section value={pct(progress.done)} color="green" />
        </Tooltip>
        <Tooltip label={`в работе: ${progress.inProgress}`}>
          <Progress.Section value={pct(progress.inProgress)} color="blue" />
        </Tooltip>
        <Tooltip label={`просрочено: ${progress.overdue}`}>
          <Progress.Section value={pct(progress.overdue)} color="red" />
        </Tooltip>
      </Progress.Root>
      <Text size="xs" c="dimmed">
        {progress.done} из {progress.total}
        {progress.overdue ? `, просрочено ${progress.overdue}` : ''}
      </Text>
    </Group>
  );
}

export const ruDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('.') : '—');
