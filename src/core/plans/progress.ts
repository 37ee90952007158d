/** Counting execution: totals by status and the plan dashboard's groupings. Pure. */
import { effectiveStatus, type SettableStatus } from './status';

export interface Progress {
  total: number;
  planned: number;
  inProgress: number;
  done: number;
  overdue: number;
  cancelled: number;
}

export interface Trackable {
  status: SettableStatus;
  deadlineTo: string | null;
}

export const emptyProgress = (): Progress => ({
  total: 0,
  planned: 0,
  inProgress: 0,
  done: 0,
  overdue: 0,
  cancelled: 0,
});

export function addTo(p: Progress, item: Trackable, today: string): Progress {
  p.total++;
  const s = effectiveStatus(item.status, item.deadlineTo, today);
  if (s === 'planned') p.planned++;
  else if (s === 'in_progress') p.inProgress++;
  else if (s === 'done') p.done++;
  else if (s === 'overdue') p.overdue++;
  else p.cancelled++;
  return p;
}

export function progressOf(items: readonly Trackable[], today: string): Progress {
  const p = emptyProgress();
  for (const item of items) addTo(p, item, today);
  return p;
}

export interface Group {
  key: string;
  label: string;
  progress: Progress;
}

/** Groups items by one or more keys each (an activity counts under each of its executors). */
export function groupProgress<T extends Trackable>(
  items: readonly T[],
  keysOf: (item: T) => { key: string; label: string }[],
  today: string,
): Group[] {
  const groups = new Map<string, Group>();
  for (const item of items) {
    for (const { key, label } of keysOf(item)) {
      const g = groups.get(key) ?? { key, label, progress: emptyProgress() };
      addTo(g.progress, item, today);
      groups.set(key, g);
    }
  }
  return [...groups.values()];
}

const MONTH_NAMES = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];

/** «2023-05» → «май 2023»; null → «без даты». */
export function monthLabel(month: string | null): string {
  if (!month) return 'без даты (по графику, по событию)';
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}
