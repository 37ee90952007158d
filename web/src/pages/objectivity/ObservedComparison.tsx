import { Alert, Badge, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ObservedComparisonView } from '../../../../src/shared/objectivityObserve';
import { observeApi } from '../../api/objectivityObserve';
import { QueryState } from '../../components/common';

type Side = NonNullable<ObservedComparisonView['observed']>;

const num = (x: number | null, digits = 1) =>
  x === null ? '—' : x.toFixed(digits).replace('.', ',');
const signed = (x: number | null, digits = 1) =>
  x === null ? '' : ` (${x > 0 ? '+' : x < 0 ? '−' : '±'}${num(Math.abs(x), digits)})`;

function SideRow({ label, side }: { label: string; side: Side | null }) {
  if (!side)
    return (
      <Table.Tr>
        <Table.Td>{label}</Table.Td>
        <Table.Td colSpan={5}>
          <Text size="sm" c="dimmed">
            нет таких лет
          </Text>
        </Table.Td>
      </Table.Tr>
    );
  const { school, difference } = side;
  return (
    <Table.Tr>
      <Table.Td>
        {label}: {side.years.join(', ')}
      </Table.Td>
      <Table.Td>{school.n}</Table.Td>
      <Table.Td>
        {num(school.scorePct)}
        {signed(difference.scorePct)}
      </Table.Td>
      <Table.Td>
        {num(school.meanMark, 2)}
        {signed(difference.meanMark, 2)}
      </Table.Td>
      <Table.Td>
        {num(school.share2)}
        {signed(difference.share2)}
      </Table.Td>
      <Table.Td>
        {num(school.share45)}
        {signed(difference.share45)}
      </Table.Td>
    </Table.Tr>
  );
}

function SeriesCard({ row }: { row: ObservedComparisonView }) {
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={5}>
          {row.subjectName}, {row.grade} класс
        </Title>
        <Table aria-label={`Наблюдение: ${row.subjectName}, ${row.grade} класс`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Годы</Table.Th>
              <Table.Th>Работ</Table.Th>
              <Table.Th>Средний первичный балл, %</Table.Th>
              <Table.Th>Средняя отметка</Table.Th>
              <Table.Th>«2», %</Table.Th>
              <Table.Th>«4» и «5», %</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <SideRow label="С наблюдателем" side={row.observed} />
            <SideRow label="Без наблюдателя" side={row.unobserved} />
          </Table.Tbody>
        </Table>
        {row.unknownYears.length > 0 && (
          <Text size="sm" c="dimmed">
            Нет сведений о наблюдении: {row.unknownYears.join(', ')}.
          </Text>
        )}
        {row.scoreGap !== null && (
          <Text size="sm">
            Без наблюдателя школа на {num(Math.abs(row.scoreGap))} п. п. среднего первичного балла{' '}
            {row.scoreGap >= 0 ? 'выше' : 'ниже'} относительно района, чем с наблюдателем.
          </Text>
        )}
        {row.evidence.map((e) => (
          <Alert key={e.year} color="orange" title={`Признак в анализе: ${e.year} год`}>
            <Text size="sm">{e.text}</Text>
            <Badge variant="light" mt={4}>
              p = {e.p < 0.0001 ? '< 0,0001' : num(e.p, 4)}, работ {e.n}
            </Badge>
          </Alert>
        ))}
      </Stack>
    </Card>
  );
}

/**
 * Results of one school in years with public observers against years without them, each beside
 * the municipality of the same years (in brackets: the difference with the municipality), and
 * the observerGap evidence of the latest stored analysis run.
 */
export function ObservedComparison(props: { orgId: number }) {
  const query = useQuery({
    queryKey: ['objectivity', 'observed', props.orgId],
    queryFn: () => observeApi.comparison(props.orgId),
  });
  return (
    <QueryState query={query}>
      {(data) => (
        <Stack>
          <Title order={4}>Результаты с наблюдателем и без: {data.orgShortName}</Title>
          <Text size="sm" c="dimmed">
            В скобках — разница с районом за те же годы. Разница сама по себе нарушения не
            доказывает: состав учеников от года к году меняется.
          </Text>
          {data.rows.length ? (
            data.rows.map((row) => <SeriesCard key={`${row.subject}-${row.grade}`} row={row} />)
          ) : (
            <Text c="dimmed">У школы нет результатов ВПР.</Text>
          )}
          {data.runId === null && (
            <Text size="sm" c="dimmed">
              Анализ объективности ещё не выполнялся.
            </Text>
          )}
        </Stack>
      )}
    </QueryState>
  );
}
