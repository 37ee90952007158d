/**
 * The ФИС ОКО standard tables of one test as an XLSX workbook: «Статистика по отметкам»,
 * «Распределение первичных баллов», «Выполнение заданий», «Сравнение отметок с отметками по
 * журналу», with a row or column per level (school, municipality, region when imported).
 */
import { markFor } from '../../core/analytics/types';
import type { FiguresView, RegionFiguresView, StandardReports } from '../../shared/objectivityCard';
import { renderXlsx, type Sheet } from '../xlsx/table';

interface Level {
  name: string;
  figures: FiguresView | null;
  region: Extract<RegionFiguresView, { level: 'region' }> | null;
}

const pct = (x: number | null | undefined): number | null => (x === undefined ? null : x);

function levels(r: StandardReports): Level[] {
  const out: Level[] = [];
  if (r.school) out.push({ name: r.school.name, figures: r.school.figures, region: null });
  if (r.municipality) out.push({ name: 'Муниципалитет', figures: r.municipality, region: null });
  if (r.region && 'level' in r.region)
    out.push({ name: 'Регион', figures: null, region: r.region });
  return out;
}

export async function standardReportsXlsx(r: StandardReports): Promise<Buffer> {
  const t = r.selected;
  const title = [
    t ? `ВПР ${t.year}, ${t.subjectName}, ${t.grade} класс` : 'Нет данных',
    r.region && 'missing' in r.region ? 'Регион: нет данных региона' : '',
  ].filter(Boolean);
  const lv = levels(r);
  const marks: Sheet<Level> = {
    name: 'Статистика по отметкам',
    title,
    columns: [
      { header: 'Уровень', width: 30, value: (l) => l.name },
      {
        header: 'Кол-во участников',
        value: (l) => l.figures?.marks.participants ?? l.region?.participants ?? null,
      },
      ...[0, 1, 2, 3].map((k) => ({
        header: `«${k + 2}», %`,
        value: (l: Level) => pct(l.figures?.marks.percent?.[k] ?? l.region?.percent[k]),
      })),
      {
        header: 'Успеваемость, %',
        value: (l) => l.figures?.marks.successRate ?? l.region?.successRate ?? null,
      },
      {
        header: 'Качество, %',
        value: (l) => l.figures?.marks.qualityRate ?? l.region?.qualityRate ?? null,
      },
      {
        header: 'Средняя отметка',
        value: (l) => l.figures?.marks.meanMark ?? l.region?.meanMark ?? null,
      },
    ],
    rows: lv,
  };
  const journal: Sheet<Level> = {
    name: 'Сравнение с журналом',
    title,
    columns: [
      { header: 'Уровень', width: 30, value: (l) => l.name },
      { header: 'Работ с обеими отметками', value: (l) => l.figures?.journal.pairs ?? null },
      ...['Понизили', 'Подтвердили', 'Повысили'].map((h, k) => ({
        header: `${h}, %`,
        value: (l: Level) =>
          pct(l.figures ? l.figures.journal.percent?.[k] : l.region?.journalPercent?.[k]),
      })),
    ],
    rows: lv,
  };
  const base = r.school?.figures ?? r.municipality;
  const totals = base ? base.scores.counts.map((_, i) => i) : [];
  const scores: Sheet<number> = {
    name: 'Распределение баллов',
    title,
    columns: [
      { header: 'Первичный балл', value: (t) => t },
      { header: 'Отметка', value: (t) => (base ? markFor(t, base.scores.cuts) : null) },
      ...lv
        .filter((l) => l.figures)
        .flatMap((l) => [
          {
            header: `${l.name}, % участников`,
            value: (t: number) => pct(l.figures?.scores.percent[t]),
          },
          ...(l.figures?.scores.expected
            ? [
                {
                  header: `${l.name}, ожидаемо (работ)`,
                  value: (t: number) => pct(l.figures?.scores.expected?.[t]),
                },
              ]
            : []),
        ]),
    ],
    rows: totals,
  };
  const taskRows = base?.tasks.tasks ?? [];
  const tasks: Sheet<number> = {
    name: 'Выполнение заданий',
    title,
    columns: [
      { header: 'Задание', value: (i) => taskRows[i]?.task ?? '' },
      { header: 'Уровень', value: (i) => taskRows[i]?.level ?? '' },
      { header: 'Макс. балл', value: (i) => taskRows[i]?.max ?? null },
      ...lv.map((l) => ({
        header: `${l.name}, %`,
        value: (i: number) =>
          pct((l.figures?.tasks.tasks ?? l.region?.tasks.tasks ?? [])[i]?.percent ?? null),
      })),
    ],
    rows: taskRows.map((_, i) => i),
  };
  return renderXlsx([marks, scores, tasks, journal] as Sheet<unknown>[]);
}
