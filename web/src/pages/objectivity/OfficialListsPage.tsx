import {
  Alert,
  Button,
  Card,
  FileInput,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { objectivityScreenApi, type ListImportResult } from '../../api/objectivityScreen';
import { ErrorAlert, formatDateTime, PageHeader, QueryState } from '../../components/common';

const LISTS = [
  { value: 'federal', label: 'Федеральный список ОО с признаками необъективных результатов' },
  { value: 'shnor', label: 'Список ШНОР (школы с низкими результатами обучения)' },
];

/** Upload of the official lists and what is loaded per year. */
export function OfficialListsPage() {
  const client = useQueryClient();
  const [list, setList] = useState<string>('federal');
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ListImportResult | null>(null);
  const overview = useQuery({
    queryKey: ['objectivity', 'lists'],
    queryFn: objectivityScreenApi.lists,
  });
  const upload = useMutation({
    mutationFn: () => {
      const form = new FormData();
      form.append('list', list);
      if (file) form.append('file', file);
      return objectivityScreenApi.importList(form);
    },
    onSuccess: async (r) => {
      setResult(r);
      setFile(null);
      await client.invalidateQueries({ queryKey: ['objectivity'] });
    },
    onError: () => setResult(null),
  });
  return (
    <>
      <PageHeader
        title="Официальные списки"
        subtitle={
          <>
            Федеральный список ОО с признаками необъективных результатов ВПР и список ШНОР — рядом с
            признаками нашего анализа на экране{' '}
            <Link to="/objectivity">«Объективность результатов»</Link>
          </>
        }
      />
      <Stack>
        <Card withBorder>
          <Stack>
            <Title order={4}>Загрузить список</Title>
            <Text size="sm" c="dimmed">
              Федеральный список: столбцы «Год, Логин, Муниципалитет, ОО, 4 РУ, 4 МА, 5 РУ, 5 МА,
              Количество маркеров» (маркеры — целые числа, итог — их сумма). Список ШНОР: «Год,
              Логин, Муниципалитет, ОО, Основание» (муниципалитет и основание — по желанию). Файлы
              XLSX или CSV (UTF-8 или Windows-1251). Файл загружается целиком или не загружается
              вовсе; строки школ вашего муниципалитета за годы файла заменяют прежние, повторная
              загрузка того же списка ничего не меняет.
            </Text>
            <Group align="flex-end">
              <Select
                label="Список"
                w={460}
                data={LISTS}
                value={list}
                onChange={(v) => setList(v ?? 'federal')}
                allowDeselect={false}
              />
              <FileInput
                label="Файл"
                placeholder="выберите .xlsx или .csv"
                accept=".xlsx,.csv"
                value={file}
                onChange={setFile}
                w={280}
              />
              <Button
                leftSection={<IconUpload size={16} />}
                disabled={!file}
                loading={upload.isPending}
                onClick={() => upload.mutate()}
              >
                Загрузить
              </Button>
            </Group>
            <ErrorAlert error={upload.error} title="Список не загружен" />
            {result && (
              <Alert color={result.changed ? 'green' : 'blue'} title={result.message}>
                {result.otherMunicipality.length > 0 && (
                  <div>
                    Школы других муниципалитетов (пропущены): {result.otherMunicipality.join(', ')}
                  </div>
                )}
                {result.unknownLogins.length > 0 && (
                  <div>Логины не найдены в реестре: {result.unknownLogins.join(', ')}</div>
                )}
              </Alert>
            )}
          </Stack>
        </Card>
        <QueryState query={overview}>
          {(o) => (
            <>
              <Title order={4}>Загружено по годам</Title>
              {o.counts.length ? (
                <Table aria-label="Загруженные списки по годам">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Год</Table.Th>
                      <Table.Th>Список</Table.Th>
                      <Table.Th>Школ муниципалитета</Table.Th>
                      <Table.Th>Маркеров</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {o.counts.map((c) => (
                      <Table.Tr key={`${c.list}:${c.year}`}>
                        <Table.Td>{c.year}</Table.Td>
                        <Table.Td>{c.listLabel}</Table.Td>
                        <Table.Td>{c.schools}</Table.Td>
                        <Table.Td>{c.list === 'federal' ? c.markers : '—'}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              ) : (
                <Text c="dimmed">Списки ещё не загружались.</Text>
              )}
              <Title order={4}>История загрузок</Title>
              {o.imports.length ? (
                <Table aria-label="История загрузок списков">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Когда</Table.Th>
                      <Table.Th>Кто</Table.Th>
                      <Table.Th>Список</Table.Th>
                      <Table.Th>Годы</Table.Th>
                      <Table.Th>Файл</Table.Th>
                      <Table.Th>Строк / школ муниципалитета</Table.Th>
                      <Table.Th>Логины не найдены</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {o.imports.map((i) => (
                      <Table.Tr key={i.id}>
                        <Table.Td>{formatDateTime(i.importedAt)}</Table.Td>
                        <Table.Td>{i.importedByLogin}</Table.Td>
                        <Table.Td>{i.listLabel}</Table.Td>
                        <Table.Td>{i.years.join(', ')}</Table.Td>
                        <Table.Td>{i.fileName}</Table.Td>
                        <Table.Td>
                          {i.rows} / {i.matched}
                        </Table.Td>
                        <Table.Td>{i.unknownLogins.join(', ') || '—'}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              ) : null}
            </>
          )}
        </QueryState>
      </Stack>
    </>
  );
}
