import { scoreAnswers, type Answers } from './scoring';
import { indicatorsOf, type TemplateDefinition } from './template';
import type { CardStatus, SelfStatus } from './workflow';

export interface ScreenSchoolInput {
  campaignSchoolId: number;
  orgId: number;
  orgName: string;
  self: { status: SelfStatus; answers: Answers };
  card: { status: CardStatus; answers: Answers };
  /** Violations found by the automatic schedule check, or null when no schedule was given. */
  scheduleViolations: number | null;
}

/** A school's score in the previous campaign: overall and by indicator key. */
export interface PreviousScore {
  percent: number | null;
  fractions: Record<string, number | null>;
}

export type ScoreSource = 'expert' | 'self' | 'none';

export interface ScreenRow {
  campaignSchoolId: number;
  orgId: number;
  orgName: string;
  selfStatus: SelfStatus;
  cardStatus: CardStatus;
  /** Whose answers the scores come from: the expert card once started, else the self-report. */
  source: ScoreSource;
  percent: number | null;
  selfPercent: number | null;
  expertPercent: number | null;
  previousPercent: number | null;
  delta: number | null;
  requiredAnswered: number;
  requiredTotal: number;
  cells: { key: string; fraction: number | null; previous: number | null }[];
  scheduleViolations: number | null;
}

const hasAnswers = (a: Answers) => Object.keys(a).length > 0;

/** The rows of the monitoring screen: schools × indicators, with change since the previous run. */
export function buildScreen(
  def: TemplateDefinition,
  schools: ScreenSchoolInput[],
  previous: Map<number, PreviousScore>,
): ScreenRow[] {
  const keys = indicatorsOf(def).map((x) => x.indicator.key);
  return schools.map((s) => {
    const self = scoreAnswers(def, s.self.answers);
    const expert = scoreAnswers(def, s.card.answers);
    const source: ScoreSource =
      s.card.status !== 'not_started' && hasAnswers(s.card.answers)
        ? 'expert'
        : s.self.status !== 'not_started' && hasAnswers(s.self.answers)
          ? 'self'
          : 'none';
    const used = source === 'expert' ? expert : source === 'self' ? self : null;
    const prev = previous.get(s.orgId);
    const percent = used?.percent ?? null;
    return {
      campaignSchoolId: s.campaignSchoolId,
      orgId: s.orgId,
      orgName: s.orgName,
      selfStatus: s.self.status,
      cardStatus: s.card.status,
      source,
      percent,
      selfPercent: hasAnswers(s.self.answers) ? self.percent : null,
      expertPercent: hasAnswers(s.card.answers) ? expert.percent : null,
      previousPercent: prev?.percent ?? null,
      delta:
        percent !== null && prev?.percent !== undefined && prev.percent !== null
          ? Math.round((percent - prev.percent) * 10) / 10
          : null,
      requiredAnswered: used?.requiredAnswered ?? 0,
      requiredTotal: self.requiredTotal,
      cells: keys.map((key) => ({
        key,
        fraction: used?.indicators.find((i) => i.key === key)?.fraction ?? null,
        previous: prev?.fractions[key] ?? null,
      })),
      scheduleViolations: s.scheduleViolations,
    };
  });
}

/** Score of a finished run for comparison: the expert card when there is one, else the self-report. */
export function previousScoreOf(
  def: TemplateDefinition,
  self: Answers,
  card: Answers,
): PreviousScore {
  const r = scoreAnswers(def, hasAnswers(card) ? card : self);
  return {
    percent: hasAnswers(card) || hasAnswers(self) ? r.percent : null,
    fractions: Object.fromEntries(r.indicators.map((i) => [i.key, i.fraction])),
  };
}
