import { Badge, Group, Text } from '@mantine/core';
import type { AssignmentView } from '../../../../src/shared/auth';

/** «Роль — область» of one assignment. */
export const scopeText = (a: AssignmentView) =>
  a.scopeKind === 'municipality' ? a.municipalityName : a.orgNames.join(', ');

export function AssignmentBadges({ assignments }: { assignments: AssignmentView[] }) {
  if (!assignments.length) return <Text c="dimmed">нет ролей</Text>;
  return (
    <Group gap={4}>
      {assignments.map((a) => (
        <Badge key={a.id} variant="light" title={scopeText(a)} tt="none">
          {a.roleLabel}
          {a.scopeKind !== 'municipality' ? `: ${scopeText(a)}` : ''}
        </Badge>
      ))}
    </Group>
  );
}
