import { Badge, Button, Pagination, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { BatchView } from '../../../../src/shared/results';
import { resultsApi } from '../../api/results';
import { useSession } from '../../auth/session';
import { formatDateTime, notifyError, notifySaved, QueryState } from '../../components/common';

const STATUS_COLOR: Record<BatchView['status'], string> = {
  active: 'green',
  replaced: 'gray',
  undone: 'red',
};

/** Imports, newest first, with undo for the active ones. */
export function ImportHistory() {
  const { can } = useSession();
  const [page, setPage] = useState(1);
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ['results', 'imports', page],
    queryFn: () => resultsApi.history({ page, pageSize: 20 }),
  });
  const undo = useMutation({
    mutationFn: (id: number) => resultsApi.undo(id),
    onSuccess: async (b) => {
      notifySaved(`Загрузка № ${b.id} отменена`);
      await queryClient.invalidateQueries({ queryKey: ['results'] });
    },
    onError: notifyError,
  });
  const confirmUndo = (b: BatchView) => {
    if (
      window.confirm(
        `Отменить загрузку № ${b.id} («${b.fileName}», ${b.orgName})? Если она заменила более раннюю, та снова станет действующей.`,
      )
    ) {
      undo.mutate(b.id);
    }
  };
  return (
    <QueryState query={query}>
      {(data) =>
        data.items.length ? (
          <>
            <Table striped withTableBorder data-testid="import-history">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>№</Table.Th>
                  <Table.Th>Когда, кто</Table.Th>
                  <Table.Th>Файл</Table.Th>
                  <Table.Th>Работа</Table.Th>
                  <Table.Th>ОО</Table.Th>
                  <Table.Th>Работ</Table.Th>
                  <Table.Th>Состояние</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((b) => (
                  <Table.Tr key={b.id}>
                    <Table.Td>{b.id}</Table.Td>
                    <Table.Td>
                      {formatDateTime(b.importedAt)}
                      <Text size="xs" c="dimmed">
                        {b.importedBy}
                      </Text>
                    </Table.Td>
                    <Table.Td>{b.fileName}</Table.Td>
                    <Table.Td>{b.testName}</Table.Td>
                    <Table.Td>{b.orgName}</Table.Td>
                    <Table.Td>
                      {b.works}
                      {b.absent ? ` (отсутствовали ${b.absent})` : ''}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLOR[b.status]} variant="light">
                        {b.statusLabel}
                      </Badge>
                      {b.replacesId ? (
                        <Text size="xs" c="dimmed">
                          заменила № {b.replacesId}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      {b.status === 'active' && can('result.import') ? (
                        <Button
                          size="xs"
                          variant="light"
                          color="red"
                          onClick={() => confirmUndo(b)}
                          loading={undo.isPending}
                        >
                          Отменить
                        </Button>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {data.total > 20 ? (
              <Pagination
                mt="sm"
                total={Math.ceil(data.total / 20)}
                value={page}
                onChange={setPage}
              />
            ) : null}
          </>
        ) : (
          <Text c="dimmed">Загрузок пока нет.</Text>
        )
      }
    </QueryState>
  );
}
