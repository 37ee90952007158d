import { Badge, Table, Text } from '@mantine/core';
import type { ImportIssueView } from '../../../../src/shared/results';

const SEVERITY = {
  error: { label: 'Ошибка', color: 'red' },
  warning: { label: 'Предупреждение', color: 'orange' },
  note: { label: 'Примечание', color: 'gray' },
} as const;

/** Every issue of a file with its place: file, sheet, row, column. */
export function IssuesTable({ issues }: { issues: ImportIssueView[] }) {
  if (!issues.length) return <Text c="dimmed">Замечаний нет.</Text>;
  const order = { error: 0, warning: 1, note: 2 };
  const sorted = [...issues].sort((a, b) => order[a.severity] - order[b.severity]);
  return (
    <Table striped withTableBorder data-testid="issues-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Вид</Table.Th>
          <Table.Th>Лист</Table.Th>
          <Table.Th>Строка</Table.Th>
          <Table.Th>Столбец</Table.Th>
          <Table.Th>Сообщение</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sorted.map((i, n) => (
          <Table.Tr key={n}>
            <Table.Td>
              <Badge color={SEVERITY[i.severity].color} variant="light">
                {SEVERITY[i.severity].label}
              </Badge>
            </Table.Td>
            <Table.Td>{i.sheet ?? '—'}</Table.Td>
            <Table.Td>{i.row ?? '—'}</Table.Td>
            <Table.Td>{i.column ?? '—'}</Table.Td>
            <Table.Td>{i.message}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
