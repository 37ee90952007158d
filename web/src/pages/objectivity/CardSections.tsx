import { Badge, Card, List, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { dynamicsChart } from '../../../../src/core/objectivity/charts';
import type { FiguresView, SchoolCard } from '../../../../src/shared/objectivityCard';
import { EChart } from '../../components/EChart';
import { JournalMatrix, JournalTable, MarksTable, ru, TasksTable } from './FiguresTables';

const pEq = (p: number) =>
  p < 0.0001 ? 'p < 0,0001' : `p = ${p.toFixed(p < 0.01 ? 4 : 3).replace('.', ',')}`;

/** Dynamics of the selected subject × grade over the run's years. */
export function CardDynamics({ card }: { card: SchoolCard }) {
  const option = useMemo(() => dynamicsChart(card.dynamics), [card.dynamics]);
  if (!card.dynamics.length) return null;
  return (
    <Card withBorder>
      <Title order={4}>Динамика по годам</Title>
      {card.dynamics.length > 1 && option && (
        <EChart option={option} height={280} label="Динамика по годам" />
      )}
      <Table striped withTableBorder aria-label="Динамика по годам">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Год</Table.Th>
            <Table.Th>Участников</Table.Th>
            <Table.Th>Качество, %</Table.Th>
            <Table.Th>Качество (муниципалитет), %</Table.Th>
            <Table.Th>Средняя отметка</Table.Th>
            <Table.Th>Понизили, %</Table.Th>
            <Table.Th>Повысили, %</Table.Th>
            <Table.Th>Признаки</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {card.dynamics.map((d) => {
            const r = card.results.find((x) => x.year === d.year);
            return (
              <Table.Tr key={d.year}>
                <Table.Td>{d.year}</Table.Td>
                <Table.Td>{d.participants}</Table.Td>
                <Table.Td>{ru(d.qualityRate)}</Table.Td>
                <Table.Td>{ru(d.municipalityQualityRate)}</Table.Td>
                <Table.Td>{ru(d.meanMark, 2)}</Table.Td>
                <Table.Td>{ru(d.journalPercent?.[0] ?? null)}</Table.Td>
                <Table.Td>{ru(d.journalPercent?.[2] ?? null)}</Table.Td>
                <Table.Td>
                  {r?.flagged ? <Badge color="red">есть</Badge> : r ? 'нет' : '—'}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

/** Drill-down by class (classes of at least five works; class names only, no teachers). */
export function ClassDrillDown({ classes }: { classes: { name: string; figures: FiguresView }[] }) {
  const [name, setName] = useState<string | null>(null);
  if (!classes.length) return null;
  const chosen = classes.find((c) => c.name === name) ?? null;
  const rows = classes.map((c) => ({ name: `${c.name} класс`, figures: c.figures }));
  return (
    <Card withBorder>
      <Stack>
        <Title order={4}>По классам</Title>
        <Text size="sm" c="dimmed">
          Показаны классы, где писали работу не меньше пяти обучающихся. Сведения о классах служат
          для проверки процедуры и не используются для оценки учителей.
        </Text>
        <MarksTable rows={rows} />
        <JournalTable rows={rows} />
        <Select
          label="Класс подробно"
          placeholder="Выберите класс"
          value={name}
          data={classes.map((c) => c.name)}
          onChange={setName}
          w={220}
        />
        {chosen && (
          <>
            <JournalMatrix figures={chosen.figures} />
            <TasksTable rows={[{ name: `${chosen.name} класс`, figures: chosen.figures }]} />
          </>
        )}
      </Stack>
    </Card>
  );
}

/** The evidence dossier of each analysed year, as stored with the run. */
export function CardDossier({ results }: { results: SchoolCard['results'] }) {
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={4}>Доказательства (досье анализа)</Title>
        <Text size="sm" c="dimmed">
          Признаки статистические: они показывают, где нужна проверка (наблюдение, перепроверка
          работ), но не доказывают нарушений.
        </Text>
        {!results.length && <Text c="dimmed">Нет результатов анализа для этой школы.</Text>}
        {results.map((r) => (
          <Stack key={r.year} gap={4}>
            <Text fw={600}>
              {r.year} год:{' '}
              {r.flagged ? (
                <Badge color="red">признаки</Badge>
              ) : r.supportList ? (
                <Badge color="orange">поддержка</Badge>
              ) : (
                <Badge color="gray">нет</Badge>
              )}{' '}
              {pEq(r.p)}, q = {ru(r.q, 4)}
              {r.yearsInRow > 1 ? `, лет подряд: ${r.yearsInRow}` : ''}
            </Text>
            <Text size="sm">{r.summary}</Text>
            {r.evidence.length > 0 && (
              <List size="sm" spacing={4}>
                {r.evidence.map((e, i) => (
                  <List.Item key={i}>
                    <b>{e.title}</b> ({e.subject}, {e.grade} класс
                    {e.className ? `, ${e.className}` : ''}, {pEq(e.p)}, n = {e.n}): {e.text}{' '}
                    {e.causes}
                    {e.sampleNote ? ` ${e.sampleNote}` : ''}
                  </List.Item>
                ))}
              </List>
            )}
            {r.caveats.map((c, i) => (
              <Text key={i} size="xs" c="dimmed">
                {c}
              </Text>
            ))}
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}
