/**
 * M2b. Item profile: «трудные задания выполнены лучше лёгких».
 *
 * Per work: h = Σ_i d_i · x_i / max_i, with d_i the centred difficulty of task i in the reference
 * (1 − mean share of the maximum). Help on hard tasks raises h above what the work's total
 * predicts. The unit statistic is the conditional-on-total standardised sum of h (as in misfit),
 * per school unit and per class unit. Effect = mean h above expectation (share-of-maximum points weighted by
 * difficulty). The per-task table (observed vs expected mean score given the pupils' totals) is the
 * data behind the chart.
 *
 * Edge cases: as misfit; tasks all of equal difficulty → every d_i = 0 → p null.
 */
import type { Reference } from '../reference';
import type { Unit } from '../unit';
import { conditionalIndicator, type MisfitDetails } from './misfit';
import type { IndicatorResult } from './result';
import { zeros } from '../stats/zeros';

export const PROFILE_FLOOR = 0.01;

export interface ItemProfileRow {
  task: string;
  level: string | null;
  /** Reference share of the maximum (the task's easiness). */
  referenceShare: number;
  observedMean: number;
  expectedMean: number;
}

export interface ItemProfileDetails extends MisfitDetails {
  tasks: ItemProfileRow[];
  /** Correlation of (observed − expected) share with difficulty across tasks; null when undefined. */
  residualDifficultyCorrelation: number | null;
}

export function itemProfile(unit: Unit, ref: Reference): IndicatorResult<ItemProfileDetails> {
  const base = conditionalIndicator(
    'itemProfile',
    unit,
    ref.profile,
    ref.itemTotal,
    ref.profileMoments,
    PROFILE_FLOOR,
  );
  const { test, works } = unit;
  const items = test.design.itemMax.length;
  const obs = zeros(items);
  const ex = zeros(items);
  for (let k = 0; k < works.length; k++) {
    const w = works[k] as number;
    const r = ref.itemTotal[w] as number;
    for (let i = 0; i < items; i++) {
      obs[i] = (obs[i] as number) + (test.scores[w * items + i] as number);
      ex[i] = (ex[i] as number) + (ref.itemMeanByTotal[r * items + i] as number);
    }
  }
  const n = Math.max(1, works.length);
  const tasks: ItemProfileRow[] = [];
  const resid: number[] = [];
  const diff: number[] = [];
  for (let i = 0; i < items; i++) {
    const max = Math.max(1, test.design.itemMax[i] as number);
    tasks.push({
      task: test.design.itemLabels[i] ?? String(i + 1),
      level: test.design.itemLevels[i] ?? null,
      referenceShare: Math.round((ref.itemShare[i] as number) * 1000) / 1000,
      observedMean: Math.round(((obs[i] as number) / n) * 1000) / 1000,
      expectedMean: Math.round(((ex[i] as number) / n) * 1000) / 1000,
    });
    resid.push(((obs[i] as number) - (ex[i] as number)) / n / max);
    diff.push(ref.difficulty[i] as number);
  }
  return {
    ...base,
    details: {
      ...base.details,
      tasks,
      residualDifficultyCorrelation: works.length ? correlation(resid, diff) : null,
    },
  };
}

function correlation(a: readonly number[], b: readonly number[]): number | null {
  const n = a.length;
  if (n < 3) return null;
  const ma = a.reduce((s, x) => s + x, 0) / n;
  const mb = b.reduce((s, x) => s + x, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = (a[i] as number) - ma;
    const db = (b[i] as number) - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : null;
}
