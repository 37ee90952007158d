import { Badge, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import type { ComparisonGroupView } from '../../../../src/shared/objectivitySupport';
import { objectivitySupportApi } from '../../api/objectivitySupport';
import { QueryState } from '../../components/common';

const MARKS = [2, 3, 4, 5];
const pct = (share: number | null) =>
  share === null ? '—' : `${(share * 100).toFixed(1).replace('.', ',')} %`;
const num = (x: number | null, digits = 2) =>
  x === null ? '—' : x.toFixed(digits).replace('.', ',');

/** The agreement table of one group: external mark (rows) × internal mark (columns). */
function AgreementTable({ g }: { g: ComparisonGroupView }) {
  return (
    <Table withTableBorder withColumnBorders maw={520} aria-label="Таблица совпадения отметок">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>
            {g.procedureLabel} \ {g.kindLabel.toLowerCase()}
          </Table.Th>
          {MARKS.map((m) => (
            <Table.Th key={m}>«{m}»</Table.Th>
          ))}
          <Table.Th>Всего</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {MARKS.map((m, i) => (
          <Table.Tr key={m}>
            <Table.Th>«{m}»</Table.Th>
            {MARKS.map((_, j) => (
              <Table.Td
                key={j}
                bg={i === j ? 'var(--mantine-color-green-light)' : undefined}
                fw={i === j ? 600 : undefined}
              >
                {g.table[i]?.[j] ?? 0}
              </Table.Td>
            ))}
            <Table.Td>{(g.table[i] ?? []).reduce((a, b) => a + b, 0)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * External (ВПР, ОГЭ, ЕГЭ) vs internal (промежуточная, итоговая аттестация) marks of the same
 * students of one school: per procedure, subject and grade the share of equal marks,
 * Понизили / Подтвердили / Повысили, Spearman's correlation with n, and the agreement table.
 */
export function ExternalInternalPanel(props: { orgId: number; year?: number }) {
  const [year, setYear] = useState<number | undefined>(props.year);
  const [open, setOpen] = useState<Set<number>>(new Set());
  const query = useQuery({
    queryKey: ['objectivity', 'compare', props.orgId, year ?? null],
    queryFn: () => objectivitySupportApi.compare(props.orgId, year),
  });
  const toggle = (i: number) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(i)) next.delete(i);
      else next.add(i);
      return next;
    });
  return (
    <QueryState query={query}>
      {(view) => (
        <Stack>
          <Group justify="space-between" align="end">
            <Title order={4}>Внешние и внутренние результаты одних и тех же обучающихся</Title>
            {view.years.length > 0 && (
              <Select
                label="Год"
                w={120}
                data={view.years.map((y) => String(y))}
                value={view.year === null ? null : String(view.year)}
                onChange={(v) => v && setYear(Number(v))}
                allowDeselect={false}
              />
            )}
          </Group>
          <Text size="sm" c="dimmed">
            Работы связаны с обучающимися по спискам кодов участников; отметки промежуточной и
            итоговой аттестации берутся из загруженных выгрузок электронного журнала. «Понизили» —
            отметка внешней процедуры ниже внутренней, «Повысили» — выше. Расхождение само по себе
            нарушения не доказывает.
          </Text>
          {view.groups.length === 0 ? (
            <Text c="dimmed">
              Нет пар отметок: загрузите списки кодов участников (связь работ с обучающимися) и
              отметки промежуточной или итоговой аттестации из журнала.
            </Text>
          ) : (
            <Table striped aria-label="Внешние и внутренние отметки">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Процедура</Table.Th>
                  <Table.Th>Предмет, класс</Table.Th>
                  <Table.Th>Внутренняя отметка</Table.Th>
                  <Table.Th>n</Table.Th>
                  <Table.Th>Совпадение</Table.Th>
                  <Table.Th>Понизили</Table.Th>
                  <Table.Th>Подтвердили</Table.Th>
                  <Table.Th>Повысили</Table.Th>
                  <Table.Th>Средние (внеш. / внутр.)</Table.Th>
                  <Table.Th>ρ Спирмена</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {view.groups.map((g, i) => (
                  <Fragment key={i}>
                    <Table.Tr>
                      <Table.Td>
                        {g.procedureLabel} {g.year}
                      </Table.Td>
                      <Table.Td>
                        {g.subject}, {g.grade} класс
                      </Table.Td>
                      <Table.Td>{g.kindLabel}</Table.Td>
                      <Table.Td>{g.n}</Table.Td>
                      <Table.Td>{pct(g.agreement)}</Table.Td>
                      <Table.Td>
                        {pct(g.lowered.share)} ({g.lowered.count})
                      </Table.Td>
                      <Table.Td>
                        {pct(g.confirmed.share)} ({g.confirmed.count})
                      </Table.Td>
                      <Table.Td>
                        {pct(g.raised.share)} ({g.raised.count})
                      </Table.Td>
                      <Table.Td>
                        {num(g.meanExternal)} / {num(g.meanInternal)}
                      </Table.Td>
                      <Table.Td>
                        {num(g.spearman)}{' '}
                        <Text span size="xs" c="dimmed">
                          ({g.correlationText})
                        </Text>
                        {g.note && (
                          <Badge ml={4} color="yellow" variant="light" title={g.note}>
                            мало данных
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Button size="xs" variant="subtle" onClick={() => toggle(i)}>
                          {open.has(i) ? 'Скрыть' : 'Таблица'}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                    {open.has(i) && (
                      <Table.Tr>
                        <Table.Td colSpan={11}>
                          <Stack gap="xs" py="xs">
                            <AgreementTable g={g} />
                            {g.note && (
                              <Text size="xs" c="dimmed">
                                {g.note}
                              </Text>
                            )}
                          </Stack>
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      )}
    </QueryState>
  );
}
