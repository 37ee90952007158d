import type { EChartsOption } from 'echarts';
import { formatP, works as worksText } from '../../core/analytics/dossier';
import {
  journalComparisonChart,
  levelSuccessChart,
  scoreHistogramChart,
} from '../../core/objectivity/charts';
import {
  concordanceChart,
  markComparisonChart,
  markStackChart,
} from '../../core/objectivity/chartsReport';
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

export const testLabel = (t: { subject: string; grade: number }) =>
  `${t.subject}, ${t.grade} класс`;

const NOT_COMPUTED = 'Не рассчитано: ';
const SMALL = 'Мало работ (меньше 20): ';

/**
 * The dossier caveats of many schools, summarised: each indicator that could not be computed
 * once with the number of schools and tests concerned; schools with small samples counted; the
 * general «признаки не доказывают» line is left to the closing caveat.
 */
export function summariseCaveats(perSchool: string[][]): string[] {
  const missing = new Map<string, { schools: Set<number>; tests: Set<string> }>();
  const other = new Set<string>();
  let small = 0;
  perSchool.forEach((caveats, school) => {
    for (const c of caveats) {
      if (c.includes('не доказывают')) continue;
      if (c.startsWith(SMALL)) {
        small++;
        continue;
      }
      if (!c.startsWith(NOT_COMPUTED)) {
        other.add(c);
        continue;
      }
      for (const item of c.slice(NOT_COMPUTED.length).replace(/\.$/, '').split('; ')) {
        const [test, what] = item.split(' — ');
        if (!test || !what) continue;
        const entry = missing.get(what) ?? { schools: new Set(), tests: new Set() };
        entry.schools.add(school);
        entry.tests.add(test);
        missing.set(what, entry);
      }
    }
  });
  const one = perSchool.length === 1;
  return [
    ...[...missing].map(
      ([what, e]) =>
        `Не рассчитан показатель «${what.replace(': ', '» (')}): ${one ? '' : `ОО — ${e.schools.size}, `}предметов и классов — ${e.tests.size}.`,
    ),
    ...(small
      ? [
          one
            ? (perSchool[0]?.find((c) => c.startsWith(SMALL)) ?? '')
            : `Мало работ (меньше 20) по отдельным предметам и классам: ОО — ${small}.`,
        ]
      : []),
    ...other,
  ];
}

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
        'Методика: шесть статистических показателей (избыток работ у границ отметок, ошибки Гуттмана, трудные задания лучше лёгких, расхождение с журналом, изменение по годам, разница с годами с наблюдателем), объединённые по школе с поправкой на множественность проверок (min-p) и контролем доли ложных обнаружений по Бенджамини–Хохбергу.',
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

/**
 * Charts of one test at several levels (school report): marks, and the school card's journal
 * comparison chart.
 */
export function testCharts(t: ReportTest, municipalityName: string, numbering: Numbering): Block[] {
  const levels = levelsOf(t, municipalityName);
  return [
    ...numbering.figure(
      markComparisonChart(
        `Распределение отметок, % — ${testLabel(t)}`,
        levels.map((l) => ({ name: l.name, percent: l.figures?.markPercent ?? null })),
      ),
      `Распределение отметок: ${testLabel(t)}`,
    ),
    ...numbering.figure(
      journalComparisonChart(
        levels.map((l) => ({ name: l.name, percent: l.figures?.journalPercent ?? null })),
      ),
      `Понизили / Подтвердили / Повысили, %: ${testLabel(t)}`,
    ),
  ];
}

/**
 * The school card's evidence charts of a test with signs: the primary-score histogram with the
 * cut scores and the expected distribution, and task success by difficulty level.
 */
export function evidenceCharts(
  t: ReportTest,
  municipalityName: string,
  numbering: Numbering,
): Block[] {
  if (!t.detail) return [];
  const { school, municipality, regionLevels } = t.detail;
  return [
    ...numbering.figure(
      scoreHistogramChart(school, `Первичные баллы — ${testLabel(t)}`),
      `Распределение первичных баллов ОО с границами отметок и ожидаемым распределением: ${testLabel(t)}`,
    ),
    ...numbering.figure(
      levelSuccessChart([
        { name: 'ОО', levels: school.tasks.levels },
        { name: municipalityName, levels: municipality.tasks.levels },
        ...(regionLevels ? [{ name: 'Регион', levels: regionLevels }] : []),
      ]),
      `Выполнение заданий по уровням сложности: ${testLabel(t)}`,
    ),
  ];
}

/** Charts of all tests at the municipality level (district report). */
export function districtCharts(tests: ReportTest[], numbering: Numbering): Block[] {
  const height = 90 + 34 * tests.length;
  return [
    ...numbering.figure(
      markStackChart(
        'Распределение отметок по муниципалитету, %',
        tests.map((t) => ({ label: testLabel(t), percent: t.municipality.markPercent })),
      ),
      'Распределение отметок по предметам и классам (муниципалитет)',
      height,
    ),
    ...numbering.figure(
      concordanceChart(
        'Отметки ВПР и журнала по муниципалитету, %',
        tests.map((t) => ({ label: testLabel(t), percent: t.municipality.journalPercent })),
      ),
      'Понизили / Подтвердили / Повысили по предметам и классам (муниципалитет)',
      height,
    ),
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
