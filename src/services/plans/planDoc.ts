import { progressOf } from '../../core/plans/progress';
import type { Db } from '../../db/database';
import { listComments, listHistory, listPlanEvidence } from '../../db/repositories/planTracking';
import type { PlanColumnDef } from '../../db/schema/plans';
import type { PlanDoc } from '../../reports/plans/model';
import type { PlanBundle } from './bundle';

/** The plan as documents need it: activities with evidence, notes and schools' progress. */
export async function planDocOf(db: Db, b: PlanBundle, withNotes: boolean): Promise<PlanDoc> {
  const evidence = withNotes ? await listPlanEvidence(db, b.plan.id) : [];
  const activities = [];
  for (const a of b.activities) {
    const notes: string[] = [];
    if (withNotes) {
      for (const h of await listHistory(db, a.id, null)) if (h.note) notes.push(h.note);
      for (const c of await listComments(db, a.id, null)) notes.push(c.text);
    }
    const tasks = b.schoolTasks.filter((t) => t.task.activityId === a.id);
    activities.push({
      id: a.id,
      sectionId: a.sectionId,
      objectiveId: a.objectiveId,
      parentId: a.parentId,
      number: a.number,
      text: a.text,
      deadlineText: a.deadlineText,
      deadlineFrom: a.deadlineFrom,
      deadlineTo: a.deadlineTo,
      result: a.result,
      executorsText: a.executorsText,
      participants: a.participants,
      targetSchools: b.targets.filter((t) => t.activityId === a.id).map((t) => t.name),
      status: a.status,
      evidence: evidence
        .filter((e) => e.evidence.activityId === a.id && e.evidence.schoolTaskId === null)
        .map((e) => e.evidence.title),
      notes,
      schools: tasks.length
        ? progressOf(
            tasks.map((t) => ({ status: t.task.status, deadlineTo: a.deadlineTo })),
            b.today,
          )
        : null,
    });
  }
  return {
    title: b.plan.title,
    orgName: b.orgName,
    approval:
      b.plan.approvalName || b.plan.approvalPosition
        ? {
            position: b.plan.approvalPosition ?? '',
            name: b.plan.approvalName ?? '',
            orderNumber: b.plan.approvalOrderNumber,
            orderDate: b.plan.approvalOrderDate,
          }
        : null,
    place: b.plan.place,
    periodStart: b.plan.periodStart,
    periodEnd: b.plan.periodEnd,
    goals: b.plan.goals,
    columns: b.plan.columns as PlanColumnDef[],
    objectives: b.objectives.map((o) => ({ id: o.id, text: o.text })),
    sections: b.sections.map((s) => ({ id: s.id, number: s.number, title: s.title })),
    activities,
  };
}
