/**
 * Federal limits on schedules of assessment procedures.
 *
 * Source: joint letter of Минпросвещения России 06.08.2021 № СК-228/03 and Рособрнадзора
 * 06.08.2021 № 01-169/08-01 «Рекомендации для системы общего образования по основным подходам к
 * формированию графика проведения оценочных процедур в общеобразовательных организациях»; the
 * 10% cap including ВПР is fixed in the ФОП by Приказ Минпросвещения № 704 of 09.10.2024 (from
 * 01.09.2025). See methodology.md §4.
 */
export const LIMITS = {
  /** An «оценочная процедура» lasts at least 30 minutes and is written by the whole class. */
  minDurationMin: 30,
  /** Time on procedures ≤ 10% of the subject's study time in the parallel for the year. */
  maxSharePercent: 10,
  /** At most one procedure per class per day. */
  maxPerDay: 1,
  /** Per subject and parallel not more often than once every 2.5 weeks (17.5 days). */
  minGapDays: 17.5,
  /** Subjects with at most this many weekly lessons may be assessed on the first or last lesson. */
  edgeExceptionWeeklyHours: 1,
  /** Study weeks a year: 34, in grade 1 — 33 (methodology.md §4, [I]). */
  studyWeeks: (parallel: number) => (parallel === 1 ? 33 : 34),
  /** Minutes in an academic hour (a lesson), used to compare minutes with curriculum hours. */
  academicHourMin: 45,
} as const;

/**
 * Federal windows of ВПР by calendar year (dates within which schools hold ВПР), ISO dates
 * inclusive. Only years stated with a source are listed: 2025 — 11 April to 16 May
 * (methodology.md §5.1, [S]). For other years the check reports missing data.
 */
export const VPR_WINDOWS: Readonly<Record<number, { from: string; to: string }>> = {
  2025: { from: '2025-04-11', to: '2025-05-16' },
};
