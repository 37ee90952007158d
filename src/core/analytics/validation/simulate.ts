/**
 * Seeded simulation of a district for the validation study: schools of realistic sizes, several
 * years, journal marks, observed administrations, honest high-performing schools, and schools that
 * manipulate results in their unobserved years from a random start year.
 */
import type { Rng } from '../../random';
import { createRng } from '../../random';
import { unitKey, type Dataset, type TestWorks } from '../types';
import { WorkColumns } from './columns';
import { SIM_CUTS, drawPcm, journalCuts, simItems } from './design';

export type ManipulationKind = 'lenient' | 'help' | 'toJournal' | 'flatGain';

export interface Manipulation {
  kind: ManipulationKind;
  /** lenient: probability q; help: share f of pupils; toJournal: share of lowered pupils raised; flatGain: points. */
  strength: number;
  /** help only: probability h per task and number k of hardest tasks. */
  h?: number;
  k?: number;
}

export interface SimulationConfig {
  seed: number;
  schools: number;
  years: readonly number[];
  /** Pupils per school-year: a fixed size or a list to draw from. */
  sizes: readonly number[];
  /** Share of schools that manipulate and share of honest high performers (μ = +highShift). */
  manipulatedShare: number;
  highShare: number;
  highShift: number;
  /** Probability that a school-year is observed (manipulation switched off). */
  observedShare: number;
  manipulation: Manipulation | null;
  sigmaSchool: number;
  /** SD of class effects within a school-year (0: classes are random splits of the school). */
  sigmaClass: number;
  /** Who manipulates in a manipulating school: every class, or only its first class (one teacher). */
  scope: 'school' | 'class';
  sigmaYear: number;
  sigmaJournal: number;
  subject: string;
  grade: number;
}

export const DEFAULT_SIMULATION: Omit<SimulationConfig, 'seed' | 'manipulation'> = {
  schools: 300,
  years: [2021, 2022, 2023, 2024],
  sizes: [25],
  manipulatedShare: 0.1,
  highShare: 0.1,
  highShift: 1,
  observedShare: 0.2,
  sigmaSchool: 0.5,
  sigmaClass: 0,
  scope: 'school',
  sigmaYear: 0.15,
  sigmaJournal: 0.6,
  subject: 'math',
  grade: 5,
};

export type SchoolKind = 'honest' | 'high' | 'manipulator';

export interface SimulationTruth {
  kind: SchoolKind[];
  /** First manipulated year per school (manipulators only). */
  startYear: (number | null)[];
  /** Keys `${school login}|${year}` of manipulated school-years. */
  manipulated: Set<string>;
  /** The first manipulated school-year of each manipulator. */
  firstManipulated: Set<string>;
}

export function simulate(config: SimulationConfig): { data: Dataset; truth: SimulationTruth } {
  const rng = createRng(config.seed);
  const items = simItems();
  const itemMax = Uint8Array.from(items.map((it) => it.steps.length));
  const nItems = items.length;
  const jc = journalCuts(Math.hypot(config.sigmaSchool, config.sigmaClass), config.sigmaJournal);
  const schools = Array.from({ length: config.schools }, (_, s) => `sch${790001 + s}`);
  const order = rng.shuffle(schools.map((_, i) => i));
  const nManip = Math.round(config.schools * config.manipulatedShare);
  const nHigh = Math.round(config.schools * config.highShare);
  const kind: SchoolKind[] = schools.map(() => 'honest');
  order.slice(0, nManip).forEach((s) => (kind[s] = 'manipulator'));
  order.slice(nManip, nManip + nHigh).forEach((s) => (kind[s] = 'high'));
  const mu = schools.map(
    (_, s) => (kind[s] === 'high' ? config.highShift : 0) + config.sigmaSchool * rng.normal(),
  );
  const later = config.years.slice(1);
  const startYear = schools.map((_, s) =>
    kind[s] === 'manipulator' && later.length ? rng.pick(later) : null,
  );
  const size = schools.map(() => rng.pick(config.sizes));
  const classes: string[] = [];
  const classOf = schools.map((login, s) => {
    const count = Math.max(1, Math.round((size[s] as number) / 25));
    return Array.from({ length: count }, (_, c) => {
      classes.push(`${login} ${config.grade}${'АБВГДЕ'[c] ?? c}`);
      return classes.length - 1;
    });
  });
  const observed = new Map<string, boolean>();
  const truth: SimulationTruth = {
    kind,
    startYear,
    manipulated: new Set(),
    firstManipulated: new Set(),
  };
  const tests: TestWorks[] = [];
  for (const year of config.years) {
    const out = new WorkColumns(nItems, config.schools * 32);
    schools.forEach((login, s) => {
      const isObserved = rng.chance(config.observedShare);
      observed.set(unitKey(login, config.subject, config.grade, year), isObserved);
      const muYear = (mu[s] as number) + config.sigmaYear * rng.normal();
      const pupils: { x: number[]; journal: number; klass: number }[] = [];
      const n = Math.max(2, Math.round((size[s] as number) * (0.9 + 0.2 * rng.next())));
      const cl = classOf[s] as number[];
      // Class effects are drawn only when asked, so the default design keeps its random stream.
      const classMu = cl.map(() => (config.sigmaClass > 0 ? config.sigmaClass * rng.normal() : 0));
      for (let p = 0; p < n; p++) {
        const theta = muYear + (classMu[p % cl.length] as number) + rng.normal();
        const x = items.map((it) => drawPcm(it, theta, rng.next()));
        const jv = theta + config.sigmaJournal * rng.normal();
        const journal = jv < jc[0] ? 2 : jv < jc[1] ? 3 : jv < jc[2] ? 4 : 5;
        pupils.push({ x, journal, klass: cl[p % cl.length] as number });
      }
      const start = startYear[s];
      if (
        config.manipulation &&
        start !== null &&
        start !== undefined &&
        year >= start &&
        !isObserved
      ) {
        const target = config.scope === 'class' ? pupils.filter((p) => p.klass === cl[0]) : pupils;
        manipulate(target, config.manipulation, itemMax, items, rng);
        truth.manipulated.add(`${login}|${year}`);
        const earlier = config.years.some(
          (y) => y >= start && y < year && truth.manipulated.has(`${login}|${y}`),
        );
        if (!earlier) truth.firstManipulated.add(`${login}|${year}`);
      }
      for (const p of pupils) out.push(s, p.klass, p.x, p.journal);
    });
    const { n, scores, total, mark, journal, school, klass } = out.columns();
    tests.push({
      design: {
        subject: config.subject,
        grade: config.grade,
        year,
        itemMax,
        itemLabels: items.map((_, i) => String(i + 1)),
        itemLevels: items.map((it) => ((it.steps[0] as number) < 0.5 ? 'Б' : 'П')),
        cuts: SIM_CUTS,
        maxTotal: itemMax.reduce((a, b) => a + b, 0),
      },
      n,
      school,
      klass,
      scores,
      total,
      mark,
      journal,
    });
  }
  return { data: { schools, classes, tests, observed }, truth };
}

/** Add `points` to a pupil's task scores: two-point tasks first, then the easiest open tasks. */
function addPoints(x: number[], points: number, itemMax: Uint8Array, rng: Rng): void {
  let left = points;
  const twoPoint = rng.shuffle(x.map((_, i) => i).filter((i) => (itemMax[i] as number) > 1));
  const onePoint = x.map((_, i) => i).filter((i) => (itemMax[i] as number) === 1);
  for (const i of [...twoPoint, ...onePoint]) {
    while (left > 0 && (x[i] as number) < (itemMax[i] as number)) {
      x[i] = (x[i] as number) + 1;
      left -= 1;
    }
    if (left <= 0) return;
  }
}

function manipulate(
  pupils: { x: number[]; journal: number }[],
  m: Manipulation,
  itemMax: Uint8Array,
  items: ReturnType<typeof simItems>,
  rng: Rng,
): void {
  const sum = (x: number[]): number => x.reduce((a, b) => a + b, 0);
  const cutOf = (mark: number): number => (mark <= 2 ? 0 : (SIM_CUTS[mark - 3] as number));
  if (m.kind === 'lenient') {
    for (const p of pupils) {
      const t = sum(p.x);
      const c = SIM_CUTS.find((cut) => t === cut - 1 || t === cut - 2);
      if (c !== undefined && rng.chance(m.strength)) addPoints(p.x, c - t, itemMax, rng);
    }
  } else if (m.kind === 'help') {
    const k = m.k ?? 3;
    const hardness = items.map((it, i) => ({
      i,
      d: it.steps.reduce((a, b) => a + b, 0) / it.steps.length,
    }));
    const hardest = hardness
      .sort((a, b) => b.d - a.d)
      .slice(0, k)
      .map((x) => x.i);
    for (const p of pupils) {
      if (!rng.chance(m.strength)) continue;
      for (const i of hardest) if (rng.chance(m.h ?? 0.5)) p.x[i] = itemMax[i] as number;
    }
  } else if (m.kind === 'toJournal') {
    for (const p of pupils) {
      const t = sum(p.x);
      const need = cutOf(p.journal);
      if (t < need && rng.chance(m.strength)) addPoints(p.x, need - t, itemMax, rng);
    }
  } else {
    for (const p of pupils) addPoints(p.x, m.strength, itemMax, rng);
  }
}
