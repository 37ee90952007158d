import type { Certainty, CutScores, TaskDef, TestDef } from './types';

/**
 * ВПР structures and scales known from methodology.md §5.2, shipped as catalog data with their
 * certainty. A source that gives a year range («≤2024, year not stated») is entered for the
 * years named in `years`, and the note says so. Administrators correct and extend the catalog
 * in the UI; imports derive what is missing from the files' headers and marks.
 */
interface KnownTest {
  years: number[];
  subjectCode: string;
  grade: number;
  tasks?: TaskDef[];
  maxTotal: number;
  cutScores?: CutScores;
  structureCertainty: Certainty;
  scaleCertainty?: Certainty;
  source: string;
}

const tasksOf = (spec: readonly (readonly [string, number])[]): TaskDef[] =>
  spec.map(([code, max]) => ({ code, max, level: null }));

/** ВПР 2026 demo, Russian grade 4: tasks 4, 9, 10, 12 worth 3; 1, 3, 5, 8 worth 2; the rest 1. */
const RUS4_2026 = tasksOf([
  ['1', 2],
  ['2', 1],
  ['3', 2],
  ['4', 3],
  ['5', 2],
  ['6', 1],
  ['7', 1],
  ['8', 2],
  ['9', 3],
  ['10', 3],
  ['11', 1],
  ['12', 3],
]);

/** ВПР 2022–2023 Mathematics grade 4 (criteria of 2022 variant 1 and 2023 variant 2). */
const MATH4_2022 = tasksOf([
  ['1', 1],
  ['2', 1],
  ['3', 2],
  ['4', 1],
  ['5.1', 1],
  ['5.2', 1],
  ['6.1', 1],
  ['6.2', 1],
  ['7', 1],
  ['8', 2],
  ['9.1', 1],
  ['9.2', 1],
  ['10', 2],
  ['11', 2],
  ['12', 2],
]);

const VPR8_SCALES =
  'https://vpr-ege.ru/vpr/8-klass/2357-shkala-perevoda-ballov-vpr-v-otsenku-dlya-8-klassa';
const UNDATED = ' Год в источнике не указан; внесено для 2022–2024 (предположение).';

const KNOWN: KnownTest[] = [
  {
    years: [2026],
    subjectCode: 'rus',
    grade: 4,
    tasks: RUS4_2026,
    maxTotal: 24,
    cutScores: { min3: 10, min4: 16, min5: 21 },
    structureCertainty: 'S',
    scaleCertainty: 'S',
    source:
      'Демоверсия ВПР 2026 (ФИОКО), https://www.vpr-ege.ru/vpr/4-klass/russkij-yazyk/3061-demoversiya-vpr-2026-po-russkomu-yazyku-4-klass',
  },
  {
    years: [2025],
    subjectCode: 'rus',
    grade: 4,
    tasks: RUS4_2026,
    maxTotal: 24,
    cutScores: { min3: 10, min4: 16, min5: 21 },
    structureCertainty: 'I',
    scaleCertainty: 'I',
    source:
      '12 заданий, 45 минут, максимум 24 — по источнику; баллы заданий и границы отметок приняты как в 2026 году (предположение).',
  },
  {
    years: [2022, 2023, 2024],
    subjectCode: 'rus',
    grade: 4,
    maxTotal: 38,
    cutScores: { min3: 14, min4: 24, min5: 33 },
    structureCertainty: 'S',
    scaleCertainty: 'I',
    source:
      '15 заданий в 2 частях, максимум 38: https://vpr-ege.ru/vpr/4-klass/russkij-yazyk/497-demoversiya-vpr-2020-po-russkomu-yazyku-4-klass ; границы отметок — предположение.',
  },
  {
    years: [2025],
    subjectCode: 'rus',
    grade: 5,
    maxTotal: 24,
    cutScores: { min3: 12, min4: 16, min5: 20 },
    structureCertainty: 'S',
    scaleCertainty: 'S',
    source:
      'Аналитическая справка школы, https://multiurok.ru/files/analiz-vpr-v-5-klasse-po-russkomu-iazyku-2025-god.html',
  },
  {
    years: [2022, 2023, 2024],
    subjectCode: 'rus',
    grade: 5,
    maxTotal: 45,
    cutScores: { min3: 18, min4: 29, min5: 39 },
    structureCertainty: 'S',
    scaleCertainty: 'S',
    source:
      '12 заданий, 60 минут, максимум 45: https://uchitelya.com/russkiy-yazyk/209433-analiticheskaya-spravka-po-itogam-provedeniya-vpr-po-russkomu-yazyku-v-5-klasse.html',
  },
  {
    years: [2022, 2023],
    subjectCode: 'math',
    grade: 4,
    tasks: MATH4_2022,
    maxTotal: 20,
    cutScores: { min3: 6, min4: 10, min5: 15 },
    structureCertainty: 'S',
    scaleCertainty: 'I',
    source:
      'Критерии 2022 (вариант 1) и 2023 (вариант 2): https://topuch.com/sistema-ocenivaniya-proverochnoj-rabotiocenivanie-otdelenih-za/index.html ; границы отметок — предположение.',
  },
  ...(
    [
      ['rus', 51, { min3: 26, min4: 32, min5: 45 }],
      ['math', 25, { min3: 8, min4: 15, min5: 21 }],
      ['soc', 22, { min3: 8, min4: 14, min5: 19 }],
      ['hist', 17, { min3: 5, min4: 10, min5: 14 }],
      ['geo', 33, { min3: 10, min4: 21, min5: 29 }],
      ['bio', 29, { min3: 10, min4: 18, min5: 24 }],
      ['chem', 36, { min3: 10, min4: 19, min5: 28 }],
      ['phys', 18, { min3: 5, min4: 8, min5: 11 }],
    ] as const
  ).map(([subjectCode, maxTotal, cutScores]): KnownTest => ({
    years: [2022, 2023, 2024],
    subjectCode,
    grade: 8,
    maxTotal,
    cutScores,
    structureCertainty: 'S',
    scaleCertainty: 'S',
    source: `${VPR8_SCALES}.${UNDATED}`,
  })),
  {
    years: [2018],
    subjectCode: 'math',
    grade: 4,
    maxTotal: 18,
    structureCertainty: 'S',
    source:
      'https://uchitelya.com/matematika/121589-sistema-ocenivaniya-vpr-2018-g-matematika-4-klass-variant-1.html',
  },
];

/** The shipped ВПР catalog, one test definition per year. */
export const KNOWN_TESTS: readonly TestDef[] = KNOWN.flatMap((k) =>
  k.years.map((year): TestDef => ({
    procedure: 'vpr',
    year,
    session: 'spring',
    subjectCode: k.subjectCode,
    grade: k.grade,
    form: '',
    tasks: k.tasks ?? [],
    maxTotal: k.maxTotal,
    cutScores: k.cutScores ?? null,
    structureCertainty: k.structureCertainty,
    scaleCertainty: k.cutScores ? (k.scaleCertainty ?? 'I') : null,
    source: k.source,
  })),
);
