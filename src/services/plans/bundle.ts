import type { Actor } from '../../core/access/actor';
import type { Db } from '../../db/database';
import {
  listActivities,
  listExecutors,
  listObjectives,
  listSections,
  listTargets,
  type PlanRow,
} from '../../db/repositories/plans';
import { listSchoolTasks } from '../../db/repositories/planTracking';
import { can, planTarget } from './access';

/** A plan with everything its page and its documents show. */
export async function loadBundle(
  db: Db,
  actor: Actor,
  row: { plan: PlanRow; orgName: string },
  today: string,
) {
  const activities = await listActivities(db, [row.plan.id]);
  const ids = activities.map((a) => a.id);
  return {
    ...row,
    today,
    sections: await listSections(db, row.plan.id),
    objectives: await listObjectives(db, row.plan.id),
    activities,
    executors: await listExecutors(db, ids),
    targets: await listTargets(db, ids),
    schoolTasks: await listSchoolTasks(db, ids),
    canManage: can(actor, 'plan.manage', planTarget(row.plan)),
    canExecute: can(actor, 'plan.execute', planTarget(row.plan)),
  };
}

export type PlanBundle = Awaited<ReturnType<typeof loadBundle>>;
