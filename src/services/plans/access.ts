import type { Actor } from '../../core/access/actor';
import { inScope, resolveScope } from '../../core/access/scope';
import { notFound } from '../../core/errors';
import type { Db } from '../../db/database';
import {
  findActivity,
  findPlan,
  type ActivityRow,
  type PlanRow,
} from '../../db/repositories/plans';
import { findSchoolTask, type SchoolTaskRow } from '../../db/repositories/planTracking';
import { requireInScope, requireWritable } from '../guard';

export const planTarget = (plan: PlanRow) => ({
  orgId: plan.orgId,
  municipalityId: plan.municipalityId,
});

export const taskTarget = (task: SchoolTaskRow) => ({
  orgId: task.orgId,
  municipalityId: task.municipalityId,
});

export const can = (
  actor: Actor,
  permission: 'plan.read' | 'plan.manage' | 'plan.execute',
  target: { orgId: number | null; municipalityId: number },
) => inScope(resolveScope(actor, permission), target);

export async function loadPlan(db: Db, actor: Actor, planId: number) {
  const row = await findPlan(db, planId);
  if (!row) throw notFound('План');
  requireInScope(actor, 'plan.read', planTarget(row.plan), 'План');
  return row;
}

export async function loadWritablePlan(db: Db, actor: Actor, planId: number) {
  const row = await findPlan(db, planId);
  if (!row) throw notFound('План');
  requireWritable(actor, 'plan.read', 'plan.manage', planTarget(row.plan), 'План');
  return row;
}

/** What a status, comment or evidence is attached to: an activity or one school's task. */
export type TrackedRef = { activityId: number } | { schoolTaskId: number };

export interface Tracked {
  activity: ActivityRow;
  plan: PlanRow;
  task: (SchoolTaskRow & { orgName: string }) | null;
  target: { orgId: number; municipalityId: number };
}

/**
 * Loads an activity or a school's task for reading: a school's task is readable by the school
 * and by whoever reads the plan it comes from.
 */
export async function loadTracked(db: Db, actor: Actor, ref: TrackedRef): Promise<Tracked> {
  if ('activityId' in ref) {
    const row = await findActivity(db, ref.activityId);
    if (!row) throw notFound('Мероприятие');
    requireInScope(actor, 'plan.read', planTarget(row.plan), 'Мероприятие');
    return { activity: row.activity, plan: row.plan, task: null, target: planTarget(row.plan) };
  }
  const row = await findSchoolTask(db, ref.schoolTaskId);
  if (!row) throw notFound('Задача школы');
  const target = taskTarget(row.task);
  if (!can(actor, 'plan.read', target) && !can(actor, 'plan.read', planTarget(row.plan))) {
    throw notFound('Задача школы');
  }
  return {
    activity: row.activity,
    plan: row.plan,
    task: { ...row.task, orgName: row.orgName },
    target,
  };
}

/** For status, comments and evidence: the school edits only its own tasks. */
export async function loadExecutable(db: Db, actor: Actor, ref: TrackedRef): Promise<Tracked> {
  const tracked = await loadTracked(db, actor, ref);
  requireWritable(actor, 'plan.read', 'plan.execute', tracked.target, 'Мероприятие');
  return tracked;
}
