import { indicatorsOf, type Indicator, type TemplateDefinition } from './template';

/** One answer to an indicator, by a school (self-report) or an expert (expert card). */
export interface Answer {
  value: boolean | number | string | null;
  comment?: string | undefined;
  /** Documents of the school's registry that confirm the answer. */
  documentIds?: number[] | undefined;
  links?: string[] | undefined;
}
export type Answers = Record<string, Answer>;

export interface IndicatorScore {
  key: string;
  /** Whether the indicator enters the score at all (weight > 0 and a scorable type). */
  scored: boolean;
  answered: boolean;
  /** 0…1 of the indicator met; null when not scored or not answered. */
  fraction: number | null;
  /** Why a «yes» counts as 0: the required evidence is missing. */
  unconfirmed: boolean;
}

export interface ScoreResult {
  /** 0…100, unanswered scored indicators count as 0; null when nothing is scored. */
  percent: number | null;
  sections: { key: string; title: string; percent: number | null }[];
  indicators: IndicatorScore[];
  /** Required indicators answered / all required. */
  requiredAnswered: number;
  requiredTotal: number;
}

const hasEvidence = (a: Answer | undefined) =>
  Boolean(a && ((a.documentIds?.length ?? 0) > 0 || (a.links?.some((l) => l.trim()) ?? false)));

export const isScorable = (ind: Indicator) =>
  ind.weight > 0 &&
  (ind.type === 'yes_no' ||
    ind.type === 'scale' ||
    ind.type === 'evidence' ||
    (ind.type === 'number' &&
      ind.target !== undefined &&
      (ind.target.min !== undefined || ind.target.max !== undefined)));

/** Whether an answer gives a value for the indicator. */
export function isAnswered(ind: Indicator, a: Answer | undefined): boolean {
  if (!a) return false;
  switch (ind.type) {
    case 'yes_no':
      return typeof a.value === 'boolean';
    case 'scale':
    case 'number':
      return typeof a.value === 'number';
    case 'text':
      return typeof a.value === 'string' && a.value.trim() !== '';
    case 'evidence':
      return hasEvidence(a) || a.value === false;
  }
}

/** The part of the indicator met, before the evidence rule. */
function rawFraction(ind: Indicator, a: Answer): number | null {
  switch (ind.type) {
    case 'yes_no':
      return a.value === true ? 1 : 0;
    case 'scale': {
      const max = ind.scaleMax ?? 1;
      const v = typeof a.value === 'number' ? Math.min(Math.max(a.value, 0), max) : 0;
      return v / max;
    }
    case 'number': {
      const v = typeof a.value === 'number' ? a.value : NaN;
      const { min, max } = ind.target ?? {};
      return (min === undefined || v >= min) && (max === undefined || v <= max) ? 1 : 0;
    }
    case 'evidence':
      return hasEvidence(a) ? 1 : 0;
    case 'text':
      return null;
  }
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Scores answers against a template definition. Rules:
 * - yes/no: «да» = 1, «нет» = 0; scale: value / max; number: 1 inside the target range, else 0;
 *   document or link: 1 when attached; text is never scored;
 * - an indicator whose evidence is required counts as 0 while no document or link is attached;
 * - the score is Σ weight × part / Σ weight over scored indicators, in %; an unanswered scored
 *   indicator counts as 0 (completion is reported apart).
 */
export function scoreAnswers(def: TemplateDefinition, answers: Answers): ScoreResult {
  const indicators: IndicatorScore[] = [];
  const sectionSums = new Map<string, { w: number; got: number }>();
  let totalW = 0;
  let totalGot = 0;
  let requiredAnswered = 0;
  let requiredTotal = 0;
  for (const { section, indicator: ind } of indicatorsOf(def)) {
    const a = answers[ind.key];
    const answered = isAnswered(ind, a);
    if (ind.required) {
      requiredTotal++;
      if (answered) requiredAnswered++;
    }
    const scored = isScorable(ind);
    let fraction: number | null = null;
    let unconfirmed = false;
    if (scored && answered && a) {
      fraction = rawFraction(ind, a);
      if (fraction !== null && fraction > 0 && ind.evidence === 'required' && !hasEvidence(a)) {
        fraction = 0;
        unconfirmed = true;
      }
    }
    indicators.push({ key: ind.key, scored, answered, fraction, unconfirmed });
    if (!scored) continue;
    const s = sectionSums.get(section.key) ?? { w: 0, got: 0 };
    s.w += ind.weight;
    s.got += ind.weight * (fraction ?? 0);
    sectionSums.set(section.key, s);
    totalW += ind.weight;
    totalGot += ind.weight * (fraction ?? 0);
  }
  return {
    percent: totalW ? round1((totalGot / totalW) * 100) : null,
    sections: def.sections.map((s) => {
      const sum = sectionSums.get(s.key);
      return {
        key: s.key,
        title: s.title,
        percent: sum?.w ? round1((sum.got / sum.w) * 100) : null,
      };
    }),
    indicators,
    requiredAnswered,
    requiredTotal,
  };
}

/** Levels of the heat map (a convention of this system, not a federal norm). */
export type ScoreLevel = 'high' | 'medium' | 'low' | 'none';
export const SCORE_LEVEL_LABELS: Record<ScoreLevel, string> = {
  high: 'высокий (80% и выше)',
  medium: 'средний (50–79,9%)',
  low: 'низкий (ниже 50%)',
  none: 'нет оценки',
};
export function scoreLevel(percent: number | null): ScoreLevel {
  if (percent === null) return 'none';
  if (percent >= 80) return 'high';
  if (percent >= 50) return 'medium';
  return 'low';
}
