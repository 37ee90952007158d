/**
 * Schedules of assessment procedures («график оценочных процедур») as data. Pure: no I/O.
 * Sources of the limits are in limits.ts.
 */

/** Kinds of procedures a school puts in its schedule (levels listed in methodology.md §4). */
export const PROCEDURE_KINDS = [
  'vpr',
  'niko',
  'regional',
  'control',
  'check',
  'diagnostic',
  'intermediate',
] as const;
export type ProcedureKind = (typeof PROCEDURE_KINDS)[number];

export const PROCEDURE_KIND_LABELS: Record<ProcedureKind, string> = {
  vpr: 'ВПР',
  niko: 'НИКО',
  regional: 'Региональная работа',
  control: 'Контрольная работа',
  check: 'Проверочная работа',
  diagnostic: 'Диагностическая работа',
  intermediate: 'Промежуточная аттестация',
};

/** One procedure of the schedule. */
export interface ScheduleEntry {
  /** Class name as the school writes it, e.g. «5А». */
  className: string;
  /** Parallel (grade) 1–11, taken from the class name. */
  parallel: number;
  subjectCode: string;
  subjectName: string;
  /** ISO date YYYY-MM-DD. */
  date: string;
  /** Lesson number in the day, from 1. */
  lesson: number;
  kind: ProcedureKind;
  durationMin: number;
  /** Whether all students of the class write it at the same time. */
  wholeClass: boolean;
}

/** Curriculum (учебный план): weekly hours of a subject in a parallel. */
export interface CurriculumLine {
  parallel: number;
  subjectCode: string;
  subjectName: string;
  weeklyHours: number;
}

/** Lessons per day of a parallel; weekday 1 (Monday) … 6 (Saturday), or null for every day. */
export interface LessonsPerDay {
  parallel: number;
  weekday: number | null;
  lessons: number;
}

export interface ScheduleData {
  entries: ScheduleEntry[];
  curriculum: CurriculumLine[];
  lessonsPerDay: LessonsPerDay[];
}

export const RULES = ['share', 'per_day', 'gap', 'edge_lesson', 'vpr_window'] as const;
export type RuleCode = (typeof RULES)[number];

export const RULE_LABELS: Record<RuleCode, string> = {
  share: 'Не более 10% учебного времени по предмету',
  per_day: 'Не более одной процедуры в классе в день',
  gap: 'Не чаще одного раза в 2,5 недели по предмету',
  edge_lesson: 'Не на первом и не на последнем уроке',
  vpr_window: 'ВПР в сроки федерального графика',
};

export interface Violation {
  rule: RuleCode;
  className: string;
  subjectName: string | null;
  /** Indexes of the entries involved, in the order given. */
  entryIndexes: number[];
  message: string;
}

/** A check that could not be made for lack of data, with what to add. */
export interface MissingData {
  rule: RuleCode;
  message: string;
}

export interface ClassSubjectLoad {
  className: string;
  parallel: number;
  subjectCode: string;
  subjectName: string;
  procedures: number;
  minutes: number;
  /** Annual hours of the subject, or null when the curriculum lacks it. */
  annualHours: number | null;
  /** Share of annual study time in %, or null. */
  sharePercent: number | null;
}

export interface ScheduleCheck {
  /** Entries that count as assessment procedures (whole class, ≥30 min). */
  counted: number;
  /** Entries left out of the checks, with the reason. */
  excluded: { entryIndex: number; reason: string }[];
  violations: Violation[];
  missing: MissingData[];
  loads: ClassSubjectLoad[];
}
