/**
 * Due process of a school-year with signs of non-objective results: the school explains, the
 * district decides. Nothing is overwritten; the newest decision is in force.
 */
export const DECISIONS = ['cleared', 'keep_risk', 'observers', 'recheck'] as const;
export type Decision = (typeof DECISIONS)[number];

export const DECISION_LABELS: Record<Decision, string> = {
  cleared: 'признаки сняты',
  keep_risk: 'оставить в зоне риска',
  observers: 'направить наблюдателей',
  recheck: 'перепроверка работ',
};

/** Where the case stands, for the screen. */
export type DueProcessStatus = 'none' | 'explained' | Decision;

export const DUE_PROCESS_LABELS: Record<DueProcessStatus, string> = {
  none: 'нет пояснений и решений',
  explained: 'пояснение ОО, ждёт решения',
  ...DECISION_LABELS,
};

/**
 * The status from the newest explanation and the newest decision: a decision answers every
 * explanation given before it; an explanation after the last decision waits for a new one.
 */
export function dueProcessStatus(
  lastExplanationAt: Date | null,
  lastDecision: { decision: Decision; at: Date } | null,
): DueProcessStatus {
  if (lastDecision && (!lastExplanationAt || lastExplanationAt <= lastDecision.at))
    return lastDecision.decision;
  return lastExplanationAt ? 'explained' : 'none';
}
