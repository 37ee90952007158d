/**
 * The validation study: run the engine on simulated districts and measure, per indicator, per
 * kind of manipulation and combined, the empirical false-positive rate at nominal 5 %, power at an
 * empirical 5 % false-positive rate, and the realised FDR and recall of the BH decisions.
 */
import { analyze } from '../analyze';
import { combineSchoolYear } from '../combine';
import type { IndicatorId } from '../indicators/result';
import { quantile } from '../stats/robust';
import {
  DEFAULT_SIMULATION,
  simulate,
  type Manipulation,
  type SchoolKind,
  type SimulationConfig,
} from './simulate';

export const INDICATORS: readonly IndicatorId[] = [
  'cutExcess',
  'misfit',
  'itemProfile',
  'concordance',
  'yearChange',
  'observerGap',
];

export interface Record {
  school: string;
  year: number;
  schoolKind: SchoolKind;
  /** True for a manipulated school-year. */
  manipulated: boolean;
  first: boolean;
  /** Honest school-year: never-manipulating school (honest or high performer). */
  clean: boolean;
  p: Partial<{ [K in IndicatorId]: number }>;
  /** p-values of the class-level tests of the school-year, per indicator (classes analysed). */
  classP: Partial<{ [K in IndicatorId]: number[] }>;
  /** Combined p (the engine's, classes in the family). */
  combined: number;
  /** Combined p with classes as evidence only (the school's own tests). */
  combinedSchoolOnly: number;
  flagged: boolean;
  size: number;
}

export function runScenario(config: SimulationConfig): Record[] {
  const { data, truth } = simulate(config);
  const result = analyze(data);
  const index = new Map(data.schools.map((s, i) => [s, i]));
  return result.schools.map((sy) => {
    const s = index.get(sy.school) as number;
    const key = `${sy.school}|${sy.year}`;
    const unit = sy.units[0];
    const p: Record['p'] = {};
    for (const ind of unit?.indicators ?? []) if (ind.p !== null) p[ind.indicator] = ind.p;
    const classP: Record['classP'] = {};
    for (const c of unit?.classes ?? [])
      for (const ind of c.indicators)
        if (ind.p !== null) (classP[ind.indicator] ??= []).push(ind.p);
    const schoolKind = truth.kind[s] as SchoolKind;
    return {
      school: sy.school,
      year: sy.year,
      schoolKind,
      manipulated: truth.manipulated.has(key),
      first: truth.firstManipulated.has(key),
      clean: schoolKind !== 'manipulator',
      p,
      classP,
      combined: sy.p,
      combinedSchoolOnly: combineSchoolYear(sy.units, { classShare: 0 }).p ?? 1,
      flagged: sy.flagged,
      size: unit?.works ?? 0,
    };
  });
}

export interface Metrics {
  /** Share of clean school-years with p ≤ 0.05 (null when none computed). */
  fpr: number | null;
  /** Power at an empirical 5 % false-positive rate (threshold = 5 % quantile of clean p). */
  power: number | null;
  cleanCount: number;
  manipulatedCount: number;
}

export function metrics(
  records: readonly Record[],
  pick: (r: Record) => number | undefined,
  positives?: (r: Record) => boolean,
): Metrics {
  const clean = records
    .filter((r) => r.clean)
    .map(pick)
    .filter((p): p is number => p !== undefined);
  const manip = records.filter(positives ?? ((r) => r.manipulated)).map(pick);
  const threshold = quantile(clean, 0.05);
  const fpr = clean.length ? clean.filter((p) => p <= 0.05).length / clean.length : null;
  // A school-year where the indicator cannot be computed counts as not detected.
  const power =
    threshold === null || !manip.length
      ? null
      : manip.filter((p) => p !== undefined && p <= threshold).length / manip.length;
  return { fpr, power, cleanCount: clean.length, manipulatedCount: manip.length };
}

export interface BhMetrics {
  fdr: number | null;
  recall: number | null;
  recallFirst: number | null;
  flagged: number;
}

export function bhMetrics(records: readonly Record[]): BhMetrics {
  const flagged = records.filter((r) => r.flagged);
  const manip = records.filter((r) => r.manipulated);
  const first = records.filter((r) => r.first);
  return {
    flagged: flagged.length,
    fdr: flagged.length ? flagged.filter((r) => !r.manipulated).length / flagged.length : null,
    recall: manip.length ? manip.filter((r) => r.flagged).length / manip.length : null,
    recallFirst: first.length ? first.filter((r) => r.flagged).length / first.length : null,
  };
}

export interface Scenario {
  label: string;
  strong: boolean;
  manipulation: Manipulation | null;
}

export const SCENARIOS: readonly Scenario[] = [
  { label: 'нет манипуляций', strong: false, manipulation: null },
  {
    label: 'мягкая проверка у границ, q = 0,15',
    strong: false,
    manipulation: { kind: 'lenient', strength: 0.15 },
  },
  {
    label: 'мягкая проверка у границ, q = 0,3',
    strong: false,
    manipulation: { kind: 'lenient', strength: 0.3 },
  },
  {
    label: 'мягкая проверка у границ, q = 0,6',
    strong: true,
    manipulation: { kind: 'lenient', strength: 0.6 },
  },
  {
    label: 'помощь на трудных, f = 0,3, h = 0,5, k = 3',
    strong: false,
    manipulation: { kind: 'help', strength: 0.3, h: 0.5, k: 3 },
  },
  {
    label: 'помощь на трудных, f = 0,5, h = 0,6, k = 4',
    strong: true,
    manipulation: { kind: 'help', strength: 0.5, h: 0.6, k: 4 },
  },
  {
    label: 'подтянуто до журнала, доля 0,3',
    strong: false,
    manipulation: { kind: 'toJournal', strength: 0.3 },
  },
  {
    label: 'подтянуто до журнала, доля 0,6',
    strong: false,
    manipulation: { kind: 'toJournal', strength: 0.6 },
  },
  {
    label: 'подтянуто до журнала, все',
    strong: true,
    manipulation: { kind: 'toJournal', strength: 1 },
  },
  {
    label: 'прибавка всем, +1 балл',
    strong: false,
    manipulation: { kind: 'flatGain', strength: 1 },
  },
  {
    label: 'прибавка всем, +2 балла',
    strong: false,
    manipulation: { kind: 'flatGain', strength: 2 },
  },
  {
    label: 'прибавка всем, +3 балла',
    strong: true,
    manipulation: { kind: 'flatGain', strength: 3 },
  },
];

export interface StudyOptions {
  seed: number;
  /** Simulated districts per scenario. */
  replicates: number;
  schools: number;
  sizes: readonly number[];
}

export interface ScenarioResult {
  scenario: Scenario;
  records: Record[];
}

/** The class study: schools of two to four classes with class effects; manipulation by one class or all. */
export const CLASS_STUDY = {
  sizes: [50, 75, 100],
  sigmaClass: 0.3,
} as const;

export interface ClassScenarioResult extends ScenarioResult {
  scope: 'school' | 'class';
}

export function runClassStudy(options: Omit<StudyOptions, 'sizes'>): ClassScenarioResult[] {
  // One teacher's class: the strong settings. The whole school (two to four classes, so more works
  // than the main study's schools): the setting just below the strong one of each kind, where
  // power is not saturated and a cost of testing classes would show.
  const runs = SCENARIOS.flatMap((scenario, i) => {
    if (!scenario.strong) return [];
    const below = SCENARIOS[i - 1] as Scenario;
    return [
      { scope: 'class' as const, scenario },
      { scope: 'school' as const, scenario: below },
    ];
  });
  return runs.map(({ scope, scenario }, si) => {
    const records: Record[] = [];
    for (let r = 0; r < options.replicates; r++) {
      records.push(
        ...runScenario({
          ...DEFAULT_SIMULATION,
          schools: options.schools,
          sizes: CLASS_STUDY.sizes,
          sigmaClass: CLASS_STUDY.sigmaClass,
          scope,
          seed: options.seed + 500_000 + 1000 * si + r,
          manipulation: scenario.manipulation,
        }),
      );
    }
    return { scope, scenario, records };
  });
}

export function runStudy(
  options: StudyOptions,
  scenarios: readonly Scenario[] = SCENARIOS,
): ScenarioResult[] {
  return scenarios.map((scenario, si) => {
    const records: Record[] = [];
    for (let r = 0; r < options.replicates; r++) {
      records.push(
        ...runScenario({
          ...DEFAULT_SIMULATION,
          schools: options.schools,
          sizes: options.sizes,
          seed: options.seed + 1000 * si + r,
          manipulation: scenario.manipulation,
        }),
      );
    }
    return { scenario, records };
  });
}
