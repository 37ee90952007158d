import type { Actor } from '../../core/access/actor';
import { notFound } from '../../core/errors';
import {
  findObjective,
  insertObjective,
  listObjectives,
  touchPlan,
  updateObjective,
} from '../../db/repositories/plans';
import { audit } from '../audit';
import type { ServiceDeps } from '../deps';
import { loadWritablePlan } from './access';
import { shortText } from './activities';

/** The plan's tasks («Задачи» under its goals), added and edited by hand. */
export class PlanObjectiveService {
  constructor(private readonly deps: ServiceDeps) {}

  async add(actor: Actor, planId: number, text: string) {
    return this.deps.database.transaction(async ({ db }) => {
      const { plan } = await loadWritablePlan(db, actor, planId);
      const position = (await listObjectives(db, planId)).length;
      const row = await insertObjective(db, { planId, position, text });
      await touchPlan(db, planId);
      await audit(db, actor, {
        action: 'create',
        entity: 'plan_objective',
        entityId: row.id,
        municipalityId: plan.municipalityId,
        orgId: plan.orgId,
        summary: `В план «${shortText(plan.title)}» добавлена задача «${shortText(text)}»`,
        after: row,
      });
      return planId;
    });
  }

  async update(actor: Actor, id: number, text: string) {
    return this.deps.database.transaction(async ({ db }) => {
      const before = await findObjective(db, id);
      if (!before) throw notFound('Задача плана');
      const { plan } = await loadWritablePlan(db, actor, before.planId);
      if (before.text === text) return plan.id;
      const row = await updateObjective(db, id, text);
      await touchPlan(db, plan.id);
      await audit(db, actor, {
        action: 'update',
        entity: 'plan_objective',
        entityId: id,
        municipalityId: plan.municipalityId,
        orgId: plan.orgId,
        summary: `Изменена задача плана «${shortText(plan.title)}»: «${shortText(row.text)}»`,
        before: { text: before.text },
        after: { text: row.text },
      });
      return plan.id;
    });
  }
}
