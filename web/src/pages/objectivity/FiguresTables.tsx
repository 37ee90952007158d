import { Badge, Table, Text } from '@mantine/core';
import { markFor } from '../../../../src/core/analytics/types';
import type { FiguresView, RegionFiguresView } from '../../../../src/shared/objectivityCard';

/** The ФИС ОКО standard tables as Mantine tables; one row (or column) per level of comparison. */

export type RegionLevel = Extract<RegionFiguresView, { level: 'region' }>;
export interface LevelRow {
  name: string;
  figures?: FiguresView | null;
  region?: RegionLevel | null;
}

export const ru = (x: number | null | undefined, digits = 1) =>
  x === null || x === undefined
    ? '—'
    : x.toLocaleString('ru-RU', { maximumFractionDigits: digits, minimumFractionDigits: 0 });

export const regionOf = (r: RegionFiguresView | null | undefined): RegionLevel | null =>
  r && 'level' in r ? r : null;

/** «Статистика по отметкам». */
export function MarksTable({ rows }: { rows: LevelRow[] }) {
  return (
    <Table striped withTableBorder aria-label="Статистика по отметкам">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Уровень</Table.Th>
          <Table.Th>Участников</Table.Th>
          {[2, 3, 4, 5].map((m) => (
            <Table.Th key={m}>«{m}», %</Table.Th>
          ))}
          <Table.Th>Успеваемость, %</Table.Th>
          <Table.Th>Качество, %</Table.Th>
          <Table.Th>Средняя отметка</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => {
          const m = r.figures?.marks;
          const g = r.region;
          return (
            <Table.Tr key={r.name}>
              <Table.Td>{r.name}</Table.Td>
              <Table.Td>{m?.participants ?? g?.participants ?? '—'}</Table.Td>
              {[0, 1, 2, 3].map((k) => (
                <Table.Td key={k}>
                  {ru(m ? (m.percent?.[k] ?? null) : (g?.percent[k] ?? null))}
                  {m ? (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      ({m.counts[k]})
                    </Text>
                  ) : null}
                </Table.Td>
              ))}
              <Table.Td>{ru(m ? m.successRate : g?.successRate)}</Table.Td>
              <Table.Td>{ru(m ? m.qualityRate : g?.qualityRate)}</Table.Td>
              <Table.Td>{ru(m ? m.meanMark : g?.meanMark, 2)}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/** The ВПР mark × journal mark matrix (counts), diagonal = confirmed. */
export function JournalMatrix({ figures }: { figures: FiguresView }) {
  const { matrix } = figures.journal;
  return (
    <Table withTableBorder withColumnBorders aria-label="Отметка ВПР × отметка по журналу">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>ВПР \ журнал</Table.Th>
          {[2, 3, 4, 5].map((j) => (
            <Table.Th key={j}>«{j}»</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {[2, 3, 4, 5].map((v) => (
          <Table.Tr key={v}>
            <Table.Th>«{v}»</Table.Th>
            {[2, 3, 4, 5].map((j) => {
              const c = matrix[v - 2]?.[j - 2] ?? 0;
              const bg =
                v === j
                  ? 'var(--mantine-color-green-0)'
                  : v > j
                    ? 'var(--mantine-color-red-0)'
                    : undefined;
              return (
                <Table.Td key={j} style={{ background: bg }}>
                  {c}
                </Table.Td>
              );
            })}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** «Сравнение отметок с отметками по журналу»: Понизили / Подтвердили / Повысили. */
export function JournalTable({ rows }: { rows: LevelRow[] }) {
  return (
    <Table striped withTableBorder aria-label="Сравнение отметок с отметками по журналу">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Уровень</Table.Th>
          <Table.Th>Работ с обеими отметками</Table.Th>
          <Table.Th>Понизили, %</Table.Th>
          <Table.Th>Подтвердили, %</Table.Th>
          <Table.Th>Повысили, %</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => {
          const j = r.figures?.journal;
          const p = j ? j.percent : (r.region?.journalPercent ?? null);
          return (
            <Table.Tr key={r.name}>
              <Table.Td>{r.name}</Table.Td>
              <Table.Td>{j ? j.pairs : '—'}</Table.Td>
              {[0, 1, 2].map((k) => (
                <Table.Td key={k}>
                  {ru(p?.[k] ?? null)}
                  {j ? (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      ({[j.lowered, j.confirmed, j.raised][k]})
                    </Text>
                  ) : null}
                </Table.Td>
              ))}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

const tasksOf = (r: LevelRow) => r.figures?.tasks ?? r.region?.tasks ?? null;

/** «Выполнение заданий»: per task and per level Б/П/В, with the «трудные лучше лёгких» sign. */
export function TasksTable({ rows }: { rows: LevelRow[] }) {
  const base = rows.map(tasksOf).find((t) => t !== null);
  if (!base) return <Text c="dimmed">Нет данных о заданиях.</Text>;
  return (
    <>
      <Table striped withTableBorder aria-label="Выполнение заданий по уровням">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Уровень сравнения</Table.Th>
            {base.levels.map((l) => (
              <Table.Th key={l.level}>
                {l.level} ({l.tasks} зад.), %
              </Table.Th>
            ))}
            <Table.Th>Трудные лучше лёгких</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => {
            const t = tasksOf(r);
            return (
              <Table.Tr key={r.name}>
                <Table.Td>{r.name}</Table.Td>
                {base.levels.map((l) => (
                  <Table.Td key={l.level}>
                    {ru(t?.levels.find((x) => x.level === l.level)?.percent ?? null)}
                  </Table.Td>
                ))}
                <Table.Td>
                  {t?.hardBeatsEasy === true ? (
                    <Badge color="red">да</Badge>
                  ) : t?.hardBeatsEasy === false ? (
                    'нет'
                  ) : (
                    '—'
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Table striped withTableBorder aria-label="Выполнение заданий">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Задание</Table.Th>
            <Table.Th>Уровень</Table.Th>
            <Table.Th>Макс. балл</Table.Th>
            {rows.map((r) => (
              <Table.Th key={r.name}>{r.name}, %</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {base.tasks.map((task, i) => (
            <Table.Tr key={task.task}>
              <Table.Td>{task.task}</Table.Td>
              <Table.Td>{task.level ?? '—'}</Table.Td>
              <Table.Td>{task.max}</Table.Td>
              {rows.map((r) => (
                <Table.Td key={r.name}>{ru(tasksOf(r)?.tasks[i]?.percent ?? null)}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}

/** «Распределение первичных баллов»: % of participants at each total per level. */
export function ScoresTable({ rows }: { rows: LevelRow[] }) {
  const levels = rows.filter((r) => r.figures);
  const base = levels[0]?.figures;
  if (!base) return null;
  return (
    <Table striped withTableBorder aria-label="Распределение первичных баллов">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Первичный балл</Table.Th>
          <Table.Th>Отметка</Table.Th>
          {levels.map((r) => (
            <Table.Th key={r.name}>{r.name}, %</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {base.scores.counts.map((_, t) => (
          <Table.Tr key={t}>
            <Table.Td>{t}</Table.Td>
            <Table.Td>{markFor(t, base.scores.cuts)}</Table.Td>
            {levels.map((r) => (
              <Table.Td key={r.name}>{ru(r.figures?.scores.percent[t] ?? null)}</Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
