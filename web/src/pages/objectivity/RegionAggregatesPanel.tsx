import { Alert, Button, Card, FileInput, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { objectivityCardApi } from '../../api/objectivityCard';
import {
  errorMessage,
  formatDateTime,
  notifyError,
  notifySaved,
  QueryState,
} from '../../components/common';
import { ru } from './FiguresTables';

/** Imported regional ФИС ОКО aggregates and, for district staff, the upload of a new table. */
export function RegionAggregatesPanel({ canManage }: { canManage: boolean }) {
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const list = useQuery({
    queryKey: ['objectivity', 'region'],
    queryFn: objectivityCardApi.regionAggregates,
  });
  const upload = useMutation({
    mutationFn: (f: File) => objectivityCardApi.uploadRegion(f),
    onSuccess: async (r) => {
      notifySaved(
        r.added || r.changed
          ? `Загружено: добавлено ${r.added}, изменено ${r.changed}, без изменений ${r.unchanged}. Анализ выполнен заново.`
          : `Файл уже загружен: изменений нет (${r.unchanged} строк).`,
      );
      setFile(null);
      await client.invalidateQueries({ queryKey: ['objectivity'] });
    },
    onError: notifyError,
  });
  return (
    <Card withBorder>
      <Stack>
        <Title order={4}>Региональные показатели ФИС ОКО</Title>
        <Text size="sm" c="dimmed">
          Таблица XLSX (лист «Регион») или CSV: Год; Предмет; Класс; Количество участников; «2»;
          «3»; «4»; «5»; Понизили; Подтвердили; Повысили; Задание 1; Задание 2; … — доли в
          процентах. Файл загружается целиком или не загружается совсем; повторная загрузка того же
          файла ничего не меняет.
        </Text>
        {canManage && (
          <Group align="end">
            <FileInput
              label="Файл с региональными показателями"
              placeholder="Выберите .xlsx или .csv"
              accept=".xlsx,.csv"
              value={file}
              onChange={setFile}
              w={340}
            />
            <Button
              disabled={!file}
              loading={upload.isPending}
              onClick={() => file && upload.mutate(file)}
            >
              Загрузить
            </Button>
          </Group>
        )}
        {upload.error ? <Alert color="red">{errorMessage(upload.error)}</Alert> : null}
        <QueryState query={list}>
          {(rows) =>
            rows.length ? (
              <Table striped withTableBorder aria-label="Загруженные региональные показатели">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Год</Table.Th>
                    <Table.Th>Предмет</Table.Th>
                    <Table.Th>Класс</Table.Th>
                    <Table.Th>Участников</Table.Th>
                    <Table.Th>«2»–«5», %</Table.Th>
                    <Table.Th>Понизили / подтвердили / повысили, %</Table.Th>
                    <Table.Th>Заданий</Table.Th>
                    <Table.Th>Файл</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>{r.year}</Table.Td>
                      <Table.Td>{r.subjectName}</Table.Td>
                      <Table.Td>{r.grade}</Table.Td>
                      <Table.Td>{r.participants}</Table.Td>
                      <Table.Td>{r.markPercent.map((x) => ru(x)).join(' / ')}</Table.Td>
                      <Table.Td>
                        {r.journalPercent ? r.journalPercent.map((x) => ru(x)).join(' / ') : '—'}
                      </Table.Td>
                      <Table.Td>{r.tasks}</Table.Td>
                      <Table.Td>
                        {r.fileName}
                        <Text size="xs" c="dimmed">
                          {r.importedByLogin}, {formatDateTime(r.importedAt)}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : (
              <Text c="dimmed">Региональные показатели не загружены: нет данных региона.</Text>
            )
          }
        </QueryState>
      </Stack>
    </Card>
  );
}
