import { Badge, Button, Card, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { journalApi, type JournalFile } from '../../api/journalMarks';
import { canAt } from '../../auth/access';
import { useRequiredSession } from '../../auth/session';
import { formatDateTime, notifyError, notifySaved, QueryState } from '../../components/common';

const STATUS_COLOR: Record<JournalFile['status'], string> = {
  active: 'green',
  replaced: 'gray',
  undone: 'red',
};

/** Journal-mark imports, newest first: state, what each replaced, undo for the active ones. */
export function JournalHistory() {
  const session = useRequiredSession();
  const queryClient = useQueryClient();
  const history = useQuery({
    queryKey: ['results', 'journal-history'],
    queryFn: journalApi.history,
  });
  const undo = useMutation({
    mutationFn: (id: number) => journalApi.undo(id),
    onSuccess: async (f) => {
      notifySaved(`Загрузка отметок № ${f.id} отменена`);
      await queryClient.invalidateQueries({ queryKey: ['results'] });
    },
    onError: notifyError,
  });
  const confirmUndo = (f: JournalFile) => {
    if (
      window.confirm(
        `Отменить загрузку отметок № ${f.id} («${f.fileName}», ${f.orgShortName})? Её отметки перестанут учитываться; если она заменила более ранние загрузки, они снова станут действующими.`,
      )
    ) {
      undo.mutate(f.id);
    }
  };
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        История загрузок отметок
      </Title>
      <QueryState query={history}>
        {(files) =>
          files.length ? (
            <Table withTableBorder striped data-testid="journal-history">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>№</Table.Th>
                  <Table.Th>Когда, кто</Table.Th>
                  <Table.Th>ОО</Table.Th>
                  <Table.Th>Учебный год</Table.Th>
                  <Table.Th>Файл</Table.Th>
                  <Table.Th>Отметок</Table.Th>
                  <Table.Th>Состояние</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {files.map((f) => (
                  <Table.Tr key={f.id} data-testid={`journal-file-${f.id}`}>
                    <Table.Td>{f.id}</Table.Td>
                    <Table.Td>
                      {formatDateTime(f.importedAt)}
                      <Text size="xs" c="dimmed">
                        {f.importedByLogin}
                      </Text>
                    </Table.Td>
                    <Table.Td>{f.orgShortName}</Table.Td>
                    <Table.Td>
                      {f.year}/{f.year + 1}
                    </Table.Td>
                    <Table.Td>{f.fileName}</Table.Td>
                    <Table.Td>{f.marksCount}</Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLOR[f.status]} variant="light">
                        {f.statusLabel}
                      </Badge>
                      {f.replacesIds.length ? (
                        <Text size="xs" c="dimmed">
                          заменила № {f.replacesIds.join(', ')}
                        </Text>
                      ) : null}
                      {f.undoneAt ? (
                        <Text size="xs" c="dimmed">
                          {formatDateTime(f.undoneAt)}, {f.undoneByLogin}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      {f.status === 'active' &&
                      canAt(session, 'result.import', {
                        orgId: f.orgId,
                        municipalityId: f.municipalityId,
                      }) ? (
                        <Button
                          size="xs"
                          variant="light"
                          color="red"
                          onClick={() => confirmUndo(f)}
                          loading={undo.isPending && undo.variables === f.id}
                        >
                          Отменить
                        </Button>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : (
            <Text c="dimmed">Отметки из электронных журналов ещё не загружались.</Text>
          )
        }
      </QueryState>
    </Card>
  );
}
