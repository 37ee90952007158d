import type { EChartsOption } from 'echarts';
import { formatP, works as worksText } from '../../core/analytics/dossier';
import type { Recommendation } from '../../core/objectivity/recommendations';
import { chartToPng } from '../charts/png';
import type { Block, TableRow } from '../docx/model';
import {
  formatDateRu,
  formatNumber,
  formatPercent,
  PROCEDURE_LABELS,
  type LevelFigures,
  type ReportEvidence,
  type ReportRun,
  type ReportTest,
} from './model';

/** Shared sections of the district and the school report. */

const CHART = { width: 620, height: 300 };

/** Numbers figures («Рисунок N») and tables («Таблица N») through one document. */
export class Numbering {
  private figureNo = 1;
  private tableNo = 1;
  table(title: string): Block {
    return {
      kind: 'paragraph',
      align: 'right',
      text: [{ text: `Таблица ${this.tableNo++}. ${title}`, italic: true }],
    };
  }
  figure(option: EChartsOption | null, caption: string, height = CHART.height): Block[] {
    if (!option) return [];
    const size = { width: CHART.width, height };
    return [
      {
        kind: 'image',
        png: chartToPng(option, { ...size, scale: 2 }),
        ...size,
        caption: `Рисунок ${this.figureNo++}. ${caption}`,
      },
    ];
  }
}

/** «Источник: …» under a table or a chart: where the figures come from. */
export const source = (text: string): Block => ({
  kind: 'paragraph',
  align: 'left',
  text: [{ text: `Источник: ${text}.`, italic: true }],
});

export const runSource = (run: ReportRun) =>
  `таблица analysis_results, запуск анализа № ${run.id}${run.finishedAt ? ` от ${formatDateRu(run.finishedAt)}` : ''} (q = ${formatNumber(run.q, 2)})`;

export const testLabel = (t: { subject: string; grade: number; className?: string | null }) =>
  `${t.subject}, ${t.grade} класс${t.className ? `, ${t.className}` : ''}`;

/** Section «Использованные данные»: procedure, year, tests, counts, run, caveats. */
export function dataSection(
  n: number,
  args: {
    run: ReportRun;
    year: number;
    tests: ReportTest[];
    /** The coverage sentence, e.g. «Охват: ОО — 40, работ — 22 177.» */
    coverage: string;
    caveats: string[];
    numbering: Numbering;
  },
): Block[] {
  const { run, year, tests } = args;
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: `${n}. Использованные данные` },
    {
      kind: 'list',
      items: [
        `Процедура: ${PROCEDURE_LABELS[run.procedure] ?? run.procedure}, ${year} год.`,
        args.coverage,
        `Предметы и классы: ${tests.map(testLabel).join('; ') || 'нет'}.`,
        `Анализ объективности: запуск № ${run.id}${run.finishedAt ? ` от ${formatDateRu(run.finishedAt)}` : ''}, версия методики ${run.engineVersion}, годы в запуске: ${run.years.join(', ') || '—'}; уровень ложных обнаружений q = ${formatNumber(run.q, 2)} (список поддержки — q = ${formatNumber(run.supportQ, 2)}).`,
        'Методика: шесть статистических показателей (избыток работ у границ отметок, ошибки Гуттмана, трудные задания лучше лёгких, расхождение с журналом, изменение по годам, разница с годами с наблюдателем), рассчитанные по школе и по каждому её классу от 10 работ и объединённые по школе с поправкой на множественность проверок (взвешенный min-p) и контролем доли ложных обнаружений по Бенджамини–Хохбергу.',
      ],
    },
    args.numbering.table('Работы, вошедшие в анализ'),
    {
      kind: 'table',
      fontSize: 10,
      columns: [
        { title: 'Предмет', width: 4 },
        { title: 'Класс', width: 1 },
        { title: 'ОО в районе', width: 1.2 },
        { title: 'Участников', width: 2 },
      ],
      rows: tests.map((t) => ({
        cells: [
          t.subject,
          String(t.grade),
          String(t.schools),
          String(t.school?.participants ?? t.municipality.participants),
        ],
      })),
    },
    source(`таблица result_works (активные загрузки результатов), ${runSource(run)}`),
  ];
  const caveats = [
    ...(run.notes ? [run.notes] : []),
    ...args.caveats.filter((c) => !c.includes('не доказывают')),
    ...(tests.length && tests.every((t) => !t.region)
      ? ['Данные региона (ФИС ОКО) не загружены: сравнение с регионом не приводится.']
      : tests.some((t) => !t.region)
        ? [
            'Данные региона загружены не по всем предметам: где их нет, сравнение с регионом не приводится.',
          ]
        : []),
    'Признаки носят статистический характер: они указывают, где нужна проверка (наблюдение, перепроверка работ), но не доказывают нарушений.',
  ];
  blocks.push({ kind: 'paragraph', text: [{ text: 'Ограничения данных:', bold: true }] });
  blocks.push({ kind: 'list', items: [...new Set(caveats)] });
  return blocks;
}

const markCells = (f: LevelFigures | null): string[] =>
  f
    ? [
        String(f.participants),
        ...[0, 1, 2, 3].map((i) => formatPercent(f.markPercent?.[i] ?? null)),
        formatPercent(f.successRate),
        formatPercent(f.qualityRate),
      ]
    : ['нет данных', '—', '—', '—', '—', '—', '—'];

const MARK_COLUMNS = [
  { title: 'Участников', width: 1.5 },
  { title: '«2», %', width: 1 },
  { title: '«3», %', width: 1 },
  { title: '«4», %', width: 1 },
  { title: '«5», %', width: 1 },
  { title: 'Успевае­мость', width: 1.4 },
  { title: 'Качество', width: 1.2 },
];

/** Levels shown for a test: the school (if any), the municipality, the region (if imported). */
export function levelsOf(t: ReportTest, municipalityName: string) {
  return [
    ...(t.school ? [{ name: 'ОО', figures: t.school as LevelFigures | null }] : []),
    { name: municipalityName, figures: t.municipality as LevelFigures | null },
    ...(t.region ? [{ name: 'Регион', figures: t.region as LevelFigures | null }] : []),
  ];
}

/** Mark distribution table of all tests and levels, and the charts. */
export function marksTable(tests: ReportTest[], municipalityName: string, numbering: Numbering) {
  const rows: TableRow[] = tests.flatMap((t) => [
    { section: testLabel(t) },
    ...levelsOf(t, municipalityName).map((l) => ({ cells: [l.name, ...markCells(l.figures)] })),
  ]);
  return [
    numbering.table('Статистика по отметкам'),
    {
      kind: 'table',
      fontSize: 9,
      columns: [{ title: 'Уровень', width: 3 }, ...MARK_COLUMNS],
      rows,
    } satisfies Block,
  ];
}

/** Понизили / Подтвердили / Повысили of all tests and levels. */
export function journalTable(tests: ReportTest[], municipalityName: string, numbering: Numbering) {
  const rows: TableRow[] = tests.flatMap((t) => [
    { section: testLabel(t) },
    ...levelsOf(t, municipalityName).map((l) => {
      const f = l.figures;
      const p = f?.journalPercent ?? null;
      return {
        cells: [
          l.name,
          f?.pairs === null || f?.pairs === undefined ? '—' : String(f.pairs),
          formatPercent(p?.[0]),
          formatPercent(p?.[1]),
          formatPercent(p?.[2]),
        ],
      };
    }),
  ]);
  return [
    numbering.table('Сравнение отметок ВПР с отметками по журналу'),
    {
      kind: 'table',
      fontSize: 9,
      columns: [
        { title: 'Уровень', width: 3 },
        { title: 'Работ с обеими отметками', width: 2 },
        { title: 'Понизили, %', width: 1.5 },
        { title: 'Подтвердили, %', width: 1.5 },
        { title: 'Повысили, %', width: 1.5 },
      ],
      rows,
    } satisfies Block,
  ];
}

/** The evidence of one school-year: indicator, test, effect, p, n. */
export function evidenceTable(evidence: ReportEvidence[], numbering: Numbering, title: string) {
  return [
    numbering.table(title),
    {
      kind: 'table',
      fontSize: 9,
      columns: [
        { title: 'Показатель', width: 3 },
        { title: 'Предмет, класс', width: 2.2 },
        { title: 'Что выявлено', width: 5 },
        { title: 'p', width: 1.2 },
        { title: 'Работ (n)', width: 1.2 },
      ],
      rows: evidence.map((e) => ({
        cells: [e.title, testLabel(e), e.text, formatP(e.p), String(e.n)],
      })),
    } satisfies Block,
  ];
}

/** Possible causes and sample notes of the evidence, without repeats. */
export function causesList(evidence: ReportEvidence[]): Block[] {
  const causes = [...new Map(evidence.map((e) => [e.title, `${e.title}: ${e.causes}`])).values()];
  const notes = [
    ...new Set(evidence.flatMap((e) => (e.sampleNote ? [`${testLabel(e)}: ${e.sampleNote}`] : []))),
  ];
  return [
    {
      kind: 'paragraph',
      text: [{ text: 'Возможные причины (не доказательство нарушений):', bold: true }],
    },
    { kind: 'list', items: causes },
    ...(notes.length
      ? ([
          { kind: 'paragraph', text: [{ text: 'Объём выборки:', bold: true }] },
          { kind: 'list', items: notes },
        ] satisfies Block[])
      : []),
  ];
}

/** Section «Рекомендации»: what, who, by when. */
export function recommendationsSection(
  n: number,
  recs: Recommendation[],
  numbering: Numbering,
): Block[] {
  return [
    { kind: 'heading', level: 2, text: `${n}. Рекомендации` },
    numbering.table('Рекомендуемые мероприятия'),
    {
      kind: 'table',
      fontSize: 10,
      columns: [
        { title: '№', width: 0.6 },
        { title: 'Мероприятие', width: 6 },
        { title: 'Ответственные', width: 3 },
        { title: 'Срок', width: 1.6 },
      ],
      rows: recs.map((r, i) => ({
        cells: [String(i + 1), r.text, r.responsible, `до ${formatDateRu(r.deadline)}`],
      })),
    },
  ];
}

/** The closing lines: how the report was made and the signature line. */
export function closing(run: ReportRun, today: string, works: number): Block[] {
  return [
    {
      kind: 'paragraph',
      text: `Справка сформирована ${formatDateRu(today)} в АИС ВСОКО по сохранённому запуску анализа № ${run.id} (${worksText(works)} в году справки). Все числа таблиц и рисунков рассчитаны по загруженным результатам и могут быть проверены по указанным источникам.`,
    },
    {
      kind: 'paragraph',
      align: 'left',
      text: 'Исполнитель: ______________________ / ______________',
    },
  ];
}
