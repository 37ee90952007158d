import { Card, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { journalApi } from '../../api/journalMarks';
import { QueryState } from '../../components/common';

const SHOWN = 300;

/** Internal marks (journal) of the school's linked students: term and attestation marks. */
export function SchoolJournalMarks({ orgId }: { orgId: number }) {
  const marks = useQuery({
    queryKey: ['results', 'journal-marks', orgId],
    queryFn: () => journalApi.marks(orgId),
  });
  return (
    <Card withBorder data-testid="school-journal-marks">
      <Title order={4} mb="xs">
        Отметки из электронного журнала
      </Title>
      <QueryState query={marks}>
        {(all) => {
          const linked = all.filter((m) => m.linked);
          if (!all.length) {
            return (
              <Text c="dimmed">
                Отметки из электронного журнала для этой ОО не загружены (вкладка «Отметки из
                электронного журнала» в разделе «Загрузка результатов»).
              </Text>
            );
          }
          return (
            <>
              <Text size="sm" mb="xs">
                Отметок: {all.length}; у обучающихся, известных ОО по коду: {linked.length}
                {all.length > linked.length
                  ? ` (отметки ${all.length - linked.length} без связи с обучающимся не показаны: добавьте коды обучающихся или список кодов участников)`
                  : ''}
                {linked.length > SHOWN ? `; показаны первые ${SHOWN}` : ''}.
              </Text>
              <Table withTableBorder striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Код обучающегося</Table.Th>
                    <Table.Th>Класс</Table.Th>
                    <Table.Th>Учебный год</Table.Th>
                    <Table.Th>Предмет</Table.Th>
                    <Table.Th>Период</Table.Th>
                    <Table.Th>Отметка</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {linked.slice(0, SHOWN).map((m, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{m.studentCode}</Table.Td>
                      <Table.Td>{m.className ?? '—'}</Table.Td>
                      <Table.Td>
                        {m.year}/{m.year + 1}
                      </Table.Td>
                      <Table.Td>{m.subjectName}</Table.Td>
                      <Table.Td>{m.period}</Table.Td>
                      <Table.Td>{m.mark}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          );
        }}
      </QueryState>
    </Card>
  );
}
