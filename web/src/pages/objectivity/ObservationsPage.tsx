import {
  Alert,
  Anchor,
  Button,
  Card,
  FileButton,
  Group,
  Pagination,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type {
  ObservationItem,
  ObservationList,
  ObservationRow,
} from '../../../../src/shared/objectivityObserve';
import { analysisApi } from '../../api/analysis';
import { observeApi } from '../../api/objectivityObserve';
import { useSession } from '../../auth/session';
import {
  formatDateTime,
  notifyError,
  notifySaved,
  PageHeader,
  QueryState,
} from '../../components/common';
import { ObservedComparison } from './ObservedComparison';

type Value = 'yes' | 'no' | 'unknown';
const VALUES: { value: Value; label: string }[] = [
  { value: 'yes', label: 'да' },
  { value: 'no', label: 'нет' },
  { value: 'unknown', label: 'не известно' },
];
const toValue = (v: boolean | null): Value => (v === null ? 'unknown' : v ? 'yes' : 'no');
const fromValue = (v: Value): boolean | null => (v === 'unknown' ? null : v === 'yes');
const PAGE = 50;

interface Filters {
  orgId: string | null;
  year: string | null;
  subject: string | null;
  grade: string | null;
  value: Value | null;
}
const NO_FILTERS: Filters = { orgId: null, year: null, subject: null, grade: null, value: null };

const itemOf = (r: ObservationRow, observed: boolean | null): ObservationItem => ({
  orgId: r.orgId,
  year: r.year,
  subject: r.subject,
  grade: r.grade,
  observed,
});

const options = (rows: ObservationRow[], f: (r: ObservationRow) => [string, string]) =>
  [...new Map(rows.map(f)).entries()]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label, 'ru', { numeric: true }));

function OutdatedNotice({ list }: { list: ObservationList }) {
  const { can } = useSession();
  const client = useQueryClient();
  const rerun = useMutation({
    mutationFn: (municipalityId: number) => analysisApi.start({ municipalityId }),
    onSuccess: async (run) => {
      notifySaved(`Анализ выполнен с учётом отметок: запуск № ${run.id}`);
      await client.invalidateQueries({ queryKey: ['analysis'] });
      await client.invalidateQueries({ queryKey: ['objectivity'] });
    },
    onError: notifyError,
  });
  return list.status
    .filter((s) => s.outdated)
    .map((s) => (
      <Alert key={s.municipalityId} color="yellow" title="Отметки изменены после анализа">
        <Group justify="space-between">
          <Text size="sm">
            Отметки о наблюдении изменены {formatDateTime(s.lastMarkChange)}, после последнего
            запуска анализа № {s.latestRunId} ({formatDateTime(s.latestRunStartedAt)}): сохранённый
            анализ их ещё не учитывает.
          </Text>
          {can('analysis.run') && (
            <Button loading={rerun.isPending} onClick={() => rerun.mutate(s.municipalityId)}>
              Пересчитать анализ
            </Button>
          )}
        </Group>
      </Alert>
    ));
}

function MarksTable({ list }: { list: ObservationList }) {
  const client = useQueryClient();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [page, setPage] = useState(1);
  const [bulk, setBulk] = useState<Value>('yes');
  const set = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  const rows = useMemo(
    () =>
      list.rows.filter(
        (r) =>
          (!filters.orgId || String(r.orgId) === filters.orgId) &&
          (!filters.year || String(r.year) === filters.year) &&
          (!filters.subject || r.subject === filters.subject) &&
          (!filters.grade || String(r.grade) === filters.grade) &&
          (!filters.value || toValue(r.observed) === filters.value),
      ),
    [list.rows, filters],
  );
  const save = useMutation({
    mutationFn: observeApi.set,
    onSuccess: async (s) => {
      notifySaved(`Изменено отметок: ${s.changed}, без изменений: ${s.unchanged}`);
      await client.invalidateQueries({ queryKey: ['objectivity'] });
    },
    onError: notifyError,
  });
  const shown = rows.slice((page - 1) * PAGE, page * PAGE);
  return (
    <Stack>
      <Group align="flex-end">
        <Select
          label="Школа"
          searchable
          clearable
          data={options(list.rows, (r) => [String(r.orgId), r.orgShortName])}
          value={filters.orgId}
          onChange={(v) => set({ orgId: v })}
        />
        <Select
          label="Год"
          clearable
          w={110}
          data={options(list.rows, (r) => [String(r.year), String(r.year)])}
          value={filters.year}
          onChange={(v) => set({ year: v })}
        />
        <Select
          label="Предмет"
          clearable
          data={options(list.rows, (r) => [r.subject, r.subjectName])}
          value={filters.subject}
          onChange={(v) => set({ subject: v })}
        />
        <Select
          label="Класс"
          clearable
          w={100}
          data={options(list.rows, (r) => [String(r.grade), String(r.grade)])}
          value={filters.grade}
          onChange={(v) => set({ grade: v })}
        />
        <Select
          label="Наблюдение"
          clearable
          w={150}
          data={VALUES}
          value={filters.value}
          onChange={(v) => set({ value: (v as Value | null) ?? null })}
        />
      </Group>
      {list.canManage && rows.length > 0 && (
        <Group align="flex-end">
          <Select
            label={`Для всех отобранных работ (${rows.length})`}
            w={260}
            data={VALUES}
            value={bulk}
            allowDeselect={false}
            onChange={(v) => setBulk((v as Value | null) ?? 'yes')}
          />
          <Button
            variant="light"
            loading={save.isPending}
            onClick={() => save.mutate(rows.map((r) => itemOf(r, fromValue(bulk))))}
          >
            Отметить отобранные
          </Button>
        </Group>
      )}
      <Table highlightOnHover aria-label="Отметки о наблюдении">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>ОО</Table.Th>
            <Table.Th>Год</Table.Th>
            <Table.Th>Предмет</Table.Th>
            <Table.Th>Класс</Table.Th>
            <Table.Th>Работ</Table.Th>
            <Table.Th>Наблюдение</Table.Th>
            <Table.Th>Кем и когда отмечено</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((r) => (
            <Table.Tr key={`${r.orgId}-${r.year}-${r.subject}-${r.grade}`}>
              <Table.Td>{r.orgShortName}</Table.Td>
              <Table.Td>{r.year}</Table.Td>
              <Table.Td>{r.subjectName}</Table.Td>
              <Table.Td>{r.grade}</Table.Td>
              <Table.Td>{r.works}</Table.Td>
              <Table.Td>
                {list.canManage ? (
                  <Select
                    aria-label={`Наблюдение: ${r.orgShortName}, ${r.year}, ${r.subjectName}, ${r.grade} класс`}
                    w={140}
                    size="xs"
                    data={VALUES}
                    value={toValue(r.observed)}
                    allowDeselect={false}
                    onChange={(v) => v && save.mutate([itemOf(r, fromValue(v as Value))])}
                  />
                ) : (
                  VALUES.find((v) => v.value === toValue(r.observed))?.label
                )}
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {r.marked ? `${r.setByLogin}, ${formatDateTime(r.setAt)}` : 'не отмечено'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {rows.length === 0 && <Text c="dimmed">Нет работ по выбранным условиям.</Text>}
      {rows.length > PAGE && (
        <Pagination total={Math.ceil(rows.length / PAGE)} value={page} onChange={setPage} />
      )}
      {filters.orgId && (
        <Card withBorder>
          <ObservedComparison orgId={Number(filters.orgId)} />
        </Card>
      )}
    </Stack>
  );
}

/**
 * Which ВПР administrations ran with public observers («общественное наблюдение»): district staff
 * mark them here or upload the CSV of `vsoko analyze`; schools see their own marks.
 */
export function ObservationsPage() {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ['objectivity', 'observations'],
    queryFn: () => observeApi.list(),
  });
  const upload = useMutation({
    mutationFn: observeApi.upload,
    onSuccess: async (s) => {
      notifySaved(
        `Файл загружен: строк ${s.rows}, изменено отметок ${s.changed}, без изменений ${s.unchanged}`,
      );
      await client.invalidateQueries({ queryKey: ['objectivity'] });
    },
    onError: notifyError,
  });
  return (
    <>
      <PageHeader
        title="Общественное наблюдение на ВПР"
        subtitle="Отметки о том, какие работы проходили с общественными наблюдателями. Анализ объективности сравнивает с ними годы без наблюдателя"
        actions={
          <>
            <Anchor href={observeApi.exportUrl()} download>
              <Button variant="default">Скачать CSV</Button>
            </Anchor>
            {query.data?.canManage && (
              <FileButton onChange={(f) => f && upload.mutate(f)} accept=".csv">
                {(p) => (
                  <Button {...p} loading={upload.isPending}>
                    Загрузить CSV
                  </Button>
                )}
              </FileButton>
            )}
          </>
        }
      />
      <QueryState query={query}>
        {(list) => (
          <Stack>
            <OutdatedNotice list={list} />
            {list.canManage && (
              <Text size="sm" c="dimmed">
                CSV: столбцы «Логин ОО;Год;Предмет;Параллель;Общественное наблюдение», значения «да»
                или «нет» — тот же файл, что читает команда vsoko analyze. Файл загружается целиком
                или не загружается совсем.
              </Text>
            )}
            <MarksTable list={list} />
          </Stack>
        )}
      </QueryState>
    </>
  );
}
