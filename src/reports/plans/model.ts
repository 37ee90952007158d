import type { Approval } from '../../core/plans/header';
import type { Progress } from '../../core/plans/progress';
import type { SettableStatus } from '../../core/plans/status';
import type { PlanColumn } from '../../core/plans/table';

/** A plan as its documents need it (built by the service from the database). */
export interface PlanDocActivity {
  id: number;
  sectionId: number | null;
  objectiveId: number | null;
  parentId: number | null;
  number: string | null;
  text: string;
  deadlineText: string;
  deadlineFrom: string | null;
  deadlineTo: string | null;
  result: string;
  executorsText: string;
  participants: string;
  targetSchools: string[];
  status: SettableStatus;
  /** Titles of evidence, notes of status changes and comments: what was done. */
  evidence: string[];
  notes: string[];
  schools: Progress | null;
}

export interface PlanDoc {
  title: string;
  orgName: string;
  approval: Approval | null;
  place: string | null;
  periodStart: string;
  periodEnd: string;
  goals: string[];
  columns: { key: PlanColumn; title: string }[];
  objectives: { id: number; text: string }[];
  sections: { id: number; number: string | null; title: string }[];
  activities: PlanDocActivity[];
}

export const ruDate = (iso: string | null): string =>
  iso ? iso.split('-').reverse().join('.') : '';

/** «Приказ от 12.01.2023 № 14-о/2023». */
export function orderLine(a: Approval): string | undefined {
  if (!a.orderNumber && !a.orderDate) return undefined;
  return `Приказ${a.orderDate ? ` от ${ruDate(a.orderDate)}` : ''}${a.orderNumber ? ` № ${a.orderNumber}` : ''}`;
}

/** Rows in the official order: sections in turn, activities by position inside each. */
export function orderedRows(
  plan: PlanDoc,
): ({ section: PlanDoc['sections'][number] } | { activity: PlanDocActivity })[] {
  const rows: ({ section: PlanDoc['sections'][number] } | { activity: PlanDocActivity })[] = [];
  const loose = plan.activities.filter((a) => a.sectionId === null);
  for (const a of loose) rows.push({ activity: a });
  for (const s of plan.sections) {
    rows.push({ section: s });
    for (const a of plan.activities.filter((x) => x.sectionId === s.id)) rows.push({ activity: a });
  }
  return rows;
}
