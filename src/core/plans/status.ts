/**
 * Activity statuses and the rules of tracking: what is overdue, what is due soon. Pure.
 * The stored status is what people set; «просрочено» is derived from the deadline and today.
 */
export const ACTIVITY_STATUSES = [
  'planned',
  'in_progress',
  'done',
  'overdue',
  'cancelled',
] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** Statuses a person sets; «просрочено» is never set by hand. */
export const SETTABLE_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type SettableStatus = (typeof SETTABLE_STATUSES)[number];

export const ACTIVITY_STATUS_LABELS: Record<ActivityStatus, string> = {
  planned: 'запланировано',
  in_progress: 'в работе',
  done: 'выполнено',
  overdue: 'просрочено',
  cancelled: 'отменено',
};

export const isClosed = (status: SettableStatus): boolean =>
  status === 'done' || status === 'cancelled';

/** Overdue: not done or cancelled and the normalised deadline ended before today. */
export function isOverdue(
  status: SettableStatus,
  deadlineTo: string | null,
  today: string,
): boolean {
  return !isClosed(status) && deadlineTo !== null && deadlineTo < today;
}

/** The status shown to people: the stored one, or «просрочено» when the deadline has passed. */
export function effectiveStatus(
  status: SettableStatus,
  deadlineTo: string | null,
  today: string,
): ActivityStatus {
  return isOverdue(status, deadlineTo, today) ? 'overdue' : status;
}

/** Days from `today` to `date` (negative when past). */
export function daysUntil(date: string, today: string): number {
  return Math.round(
    (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000,
  );
}

/** Default horizon of reminders before a deadline, in days. */
export const REMINDER_DAYS = 14;

/**
 * Whether to remind about an open activity: its deadline ends within `days` from today.
 * Long ranges (a whole year) are reminded about only in their last `days` days, like any other.
 */
export function isDueSoon(
  status: SettableStatus,
  deadlineTo: string | null,
  today: string,
  days = REMINDER_DAYS,
): boolean {
  if (isClosed(status) || deadlineTo === null) return false;
  const left = daysUntil(deadlineTo, today);
  return left >= 0 && left <= days;
}

/** Today's date as ISO `YYYY-MM-DD` in UTC. */
export const isoToday = (now: Date): string => now.toISOString().slice(0, 10);
