import type { Actor } from '../../core/access/actor';
import { invalid } from '../../core/errors';
import type { Db } from '../../db/database';
import { findOrgsByIds } from '../../db/repositories/organisations';
import { findPerson, listOrgPeople } from '../../db/repositories/planPeople';
import { listTargets, touchPlan, updateActivity } from '../../db/repositories/plans';
import { insertSchoolTasks, updateSchoolTask } from '../../db/repositories/planTracking';
import { audit } from '../audit';
import type { ServiceDeps } from '../deps';
import { label, type PlanActivityService } from './activities';
import {
  loadExecutable,
  loadTracked,
  loadWritablePlan,
  type Tracked,
  type TrackedRef,
} from './access';

/**
 * The responsible person of an activity or a school's task and, for whoever may choose, the
 * people of the executing organisation.
 */
export async function responsibleOf(db: Db, t: Tracked, mayChoose: boolean) {
  const userId = t.task ? t.task.responsibleUserId : t.activity.responsibleUserId;
  return {
    responsible: userId ? await findPerson(db, userId) : null,
    responsibleCandidates: mayChoose ? await listOrgPeople(db, t.target.orgId) : [],
  };
}

/** Who does the work: schools by the cascade, a person by name. */
export class PlanAssignService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly activities: PlanActivityService,
  ) {}

  /**
   * Sets (or clears) the person answering for an activity or a school's task: a user of the
   * executing organisation (the plan's owner, or the school), chosen by whoever may execute.
   */
  async setResponsible(actor: Actor, ref: TrackedRef, userId: number | null) {
    await this.deps.database.transaction(async ({ db }) => {
      const t = await loadExecutable(db, actor, ref);
      const people = await listOrgPeople(db, t.target.orgId);
      const person = userId === null ? null : people.find((p) => p.id === userId);
      if (person === undefined)
        throw invalid('Ответственным можно назначить только сотрудника организации-исполнителя');
      const before = t.task ? t.task.responsibleUserId : t.activity.responsibleUserId;
      if (before === userId) return;
      if (t.task) await updateSchoolTask(db, t.task.id, { responsibleUserId: userId });
      else await updateActivity(db, t.activity.id, { responsibleUserId: userId });
      await touchPlan(db, t.plan.id);
      const whose = t.task ? ` (${t.task.orgName})` : '';
      await audit(db, actor, {
        action: 'assign',
        entity: t.task ? 'plan_school_task' : 'plan_activity',
        entityId: t.task?.id ?? t.activity.id,
        municipalityId: t.target.municipalityId,
        orgId: t.target.orgId,
        summary: person
          ? `Ответственный за мероприятие ${label(t.activity)}${whose}: ${person.fullName}`
          : `Снят ответственный за мероприятие ${label(t.activity)}${whose}`,
        before: { responsibleUserId: before },
        after: { responsibleUserId: userId },
      });
    });
    return this.activities.detail(actor, ref);
  }

  /**
   * The cascade: one task per target school (by default the schools named in the activity).
   * Schools that already have the task are kept; only schools of the plan's municipality qualify.
   */
  async cascade(actor: Actor, activityId: number, orgIds?: number[]) {
    await this.deps.database.transaction(async ({ db }) => {
      const { activity } = await loadTracked(db, actor, { activityId });
      const { plan } = await loadWritablePlan(db, actor, activity.planId);
      if (plan.level === 'school')
        throw invalid('Назначать мероприятия школам можно из плана района или муниципалитета');
      const ids = orgIds?.length
        ? orgIds
        : (await listTargets(db, [activityId])).map((t) => t.orgId);
      if (!ids.length) {
        throw invalid(
          'Укажите школы: в тексте мероприятия не названы ОО (например, «ОО №№ 8, 212»)',
        );
      }
      const orgs = await findOrgsByIds(db, ids);
      const bad = ids.filter(
        (id) =>
          !orgs.some(
            (o) =>
              o.id === id && o.category === 'school' && o.municipalityId === plan.municipalityId,
          ),
      );
      if (bad.length)
        throw invalid('Назначать можно только школам муниципалитета, которому принадлежит план');
      const created = await insertSchoolTasks(
        db,
        ids.map((orgId) => ({ activityId, orgId, municipalityId: plan.municipalityId })),
      );
      await touchPlan(db, plan.id);
      await audit(db, actor, {
        action: 'cascade',
        entity: 'plan_activity',
        entityId: activityId,
        municipalityId: plan.municipalityId,
        orgId: plan.orgId,
        summary: `Мероприятие ${label(activity)} назначено школам: ${orgs.map((o) => o.shortName).join(', ')} (новых задач: ${created.length})`,
        after: { orgIds: ids, created: created.map((c) => c.id) },
      });
    });
    return this.activities.detail(actor, { activityId });
  }
}
