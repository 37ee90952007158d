/**
 * Class-level units. When a school unit has two or more classes of MIN_CLASS_WORKS works, each such
 * class is analysed on its own with the indicators that make sense for one teacher's class — the
 * cut-score excess, person misfit, «трудные задания выполнены лучше лёгких» and the journal
 * concordance — under the same nulls as schools, plus within-class homogeneity as supporting
 * evidence (never tested). Year change and the observer gap stay school-level.
 *
 * Expected scores of a class: the reference pmf given each pupil's journal mark, shifted by the
 * class's own context (its mean journal mark), so that a strong class of an average school is not
 * measured against the school's level. The over-dispersion of the concordance is estimated across
 * the test's class units (journal marks are one teacher's, so classes may vary more than schools);
 * with fewer than MIN_UNITS class units in the test the class concordance is not computed.
 */
import { expectedScores } from './expectedScores';
import {
  concordance,
  concordanceRaw,
  concordanceZ,
  type ConcordanceRaw,
} from './indicators/concordance';
import { cutExcess } from './indicators/cutExcess';
import { homogeneity, type Homogeneity } from './indicators/homogeneity';
import { itemProfile } from './indicators/itemProfile';
import { misfit } from './indicators/misfit';
import { estimateRho, MIN_UNITS } from './indicators/overdispersion';
import { notComputed, type IndicatorResult } from './indicators/result';
import type { Reference } from './reference';
import type { Unit } from './unit';

export interface ClassAnalysis {
  /** Index into `Dataset.classes`. */
  klass: number;
  /** The class name as in the file («5А»). */
  name: string;
  works: number;
  /** cutExcess, misfit, itemProfile, concordance. */
  indicators: IndicatorResult[];
  homogeneity: Homogeneity;
}

export interface PendingClass {
  analysis: ClassAnalysis;
  concordanceRaw: ConcordanceRaw;
}

/** Every class-level indicator except the concordance (which waits for the class ρ). */
export function analyseClass(unit: Unit, ref: Reference, name: string): PendingClass {
  const exp = expectedScores(unit, ref);
  return {
    concordanceRaw: concordanceRaw(unit, exp),
    analysis: {
      klass: unit.klass,
      name,
      works: unit.works.length,
      indicators: [cutExcess(unit, exp), misfit(unit, ref), itemProfile(unit, ref)],
      homogeneity: homogeneity(unit, exp),
    },
  };
}

/**
 * Adds the concordance to every pending class of one test. `forRho` are the classes whose
 * dispersion stands for the null (those of schools not known to be unobserved when observations
 * exist); ρ is null with fewer than MIN_UNITS of them.
 */
export function finishClassConcordance(
  pending: readonly PendingClass[],
  forRho: readonly PendingClass[],
): number | null {
  const zs: number[] = [];
  const ms: number[] = [];
  for (const c of forRho) {
    const z = concordanceZ(c.concordanceRaw);
    if (z !== null) {
      zs.push(z);
      ms.push(c.concordanceRaw.informative);
    }
  }
  const rho = zs.length >= MIN_UNITS ? estimateRho(zs, ms) : null;
  for (const c of pending)
    c.analysis.indicators.push(
      rho === null
        ? notComputed(
            'concordance',
            c.concordanceRaw.informative,
            'мало классов в районе, чтобы оценить разброс по классам',
            { ...c.concordanceRaw.details, rho: 0 },
          )
        : concordance(c.concordanceRaw, rho),
    );
  return rho;
}
