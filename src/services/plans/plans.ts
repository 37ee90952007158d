import type { Actor } from '../../core/access/actor';
import { invalid, notFound } from '../../core/errors';
import type { Period } from '../../core/plans/deadline';
import type { Approval } from '../../core/plans/header';
import { PLAN_LEVEL_LABELS, type PlanLevel } from '../../core/plans/model';
import { isoToday, type SettableStatus } from '../../core/plans/status';
import type { ActivityDraft, SectionDraft } from '../../core/plans/table';
import type { Db } from '../../db/database';
import { findOrgById } from '../../db/repositories/organisations';
import {
  activityStatuses,
  deletePlan,
  insertObjective,
  insertPlan,
  insertSection,
  listActivities,
  listPlans,
  listSections,
  updatePlan,
} from '../../db/repositories/plans';
import { orgScopeWhere } from '../../db/repositories/scope';
import { plans } from '../../db/schema';
import type { PlanColumnDef } from '../../db/schema/plans';
import type { CreatePlanRequest, UpdatePlanRequest } from '../../shared/plans';
import { audit, diff } from '../audit';
import type { ServiceDeps } from '../deps';
import { requireScope, requireWritable } from '../guard';
import { loadPlan, loadWritablePlan } from './access';
import { loadBundle } from './bundle';
import { insertResolvedActivity, loadDirectory, updateResolvedActivity } from './resolve';

export const DEFAULT_COLUMNS: PlanColumnDef[] = [
  { key: 'number', title: '№ п/п' },
  { key: 'text', title: 'Мероприятия' },
  { key: 'deadline', title: 'Срок реализации' },
  { key: 'result', title: 'Результат' },
  { key: 'executors', title: 'Исполнители' },
];

/** A whole plan to create at once: from an import, from last year's plan, or the demo. */
export interface PlanDraft {
  orgId: number;
  level: PlanLevel;
  title: string;
  period: Period;
  approval: Approval | null;
  place: string | null;
  goals: string[];
  columns: PlanColumnDef[];
  objectives: string[];
  sections: SectionDraft[];
  activities: (ActivityDraft & { status?: SettableStatus })[];
  sourcePlanId?: number | null;
}

function checkPeriod(start: string, end: string) {
  if (start > end) throw invalid('Начало периода плана позже его окончания');
}

export class PlanService {
  constructor(private readonly deps: ServiceDeps) {}

  private today() {
    return isoToday(this.deps.now());
  }

  async list(actor: Actor, q: { level?: PlanLevel | undefined; orgId?: number | undefined }) {
    const { db } = this.deps.database;
    const scope = requireScope(actor, 'plan.read');
    const rows = await listPlans(db, {
      scope: orgScopeWhere(scope, plans.orgId, plans.municipalityId),
      ...(q.level ? { level: q.level } : {}),
      ...(q.orgId ? { orgId: q.orgId } : {}),
    });
    const statuses = await activityStatuses(
      db,
      rows.map((r) => r.plan.id),
    );
    return { rows, statuses, today: this.today() };
  }

  async get(actor: Actor, id: number) {
    const { db } = this.deps.database;
    const row = await loadPlan(db, actor, id);
    return loadBundle(db, actor, row, this.today());
  }

  private async ownerFor(db: Db, actor: Actor, orgId: number, level: PlanLevel) {
    const org = await findOrgById(db, orgId);
    if (!org) throw notFound('Организация');
    requireWritable(
      actor,
      'plan.read',
      'plan.manage',
      { orgId, municipalityId: org.org.municipalityId },
      'Организация',
    );
    if (level === 'school' && org.org.category !== 'school') {
      throw invalid('План образовательной организации ведёт сама школа: выберите школу');
    }
    if (level !== 'school' && org.org.category !== 'body') {
      throw invalid(`План уровня «${PLAN_LEVEL_LABELS[level]}» ведёт орган или учреждение района`);
    }
    return org.org;
  }

  async create(actor: Actor, input: CreatePlanRequest) {
    checkPeriod(input.periodStart, input.periodEnd);
    const id = await this.createDraft(actor, {
      orgId: input.orgId,
      level: input.level,
      title: input.title,
      period: { start: input.periodStart, end: input.periodEnd },
      approval: input.approval
        ? {
            position: input.approval.position,
            name: input.approval.name,
            orderNumber: input.approval.orderNumber ?? null,
            orderDate: input.approval.orderDate ?? null,
          }
        : null,
      place: input.place ?? null,
      goals: input.goals ?? [],
      columns: input.columns ?? DEFAULT_COLUMNS,
      objectives: [],
      sections: [],
      activities: [],
    });
    return this.get(actor, id);
  }

  /**
   * Creates a plan with its sections, tasks and activities in one transaction; `also` runs in
   * the same transaction after the plan exists (e.g. the caller's own audit entry).
   */
  async createDraft(
    actor: Actor,
    draft: PlanDraft,
    action = 'create',
    also?: (db: Db, planId: number) => Promise<void>,
  ): Promise<number> {
    checkPeriod(draft.period.start, draft.period.end);
    return this.deps.database.transaction(async ({ db }) => {
      const org = await this.ownerFor(db, actor, draft.orgId, draft.level);
      const plan = await insertPlan(db, {
        municipalityId: org.municipalityId,
        orgId: org.id,
        level: draft.level,
        title: draft.title,
        approvalPosition: draft.approval?.position ?? null,
        approvalName: draft.approval?.name ?? null,
        approvalOrderNumber: draft.approval?.orderNumber ?? null,
        approvalOrderDate: draft.approval?.orderDate ?? null,
        place: draft.place,
        periodStart: draft.period.start,
        periodEnd: draft.period.end,
        goals: draft.goals,
        columns: draft.columns,
        sourcePlanId: draft.sourcePlanId ?? null,
        createdBy: actor.system ? null : actor.userId,
      });
      const sectionIds: number[] = [];
      for (const [position, s] of draft.sections.entries()) {
        sectionIds.push(
          (await insertSection(db, { planId: plan.id, position, number: s.number, title: s.title }))
            .id,
        );
      }
      const objectiveIds: number[] = [];
      for (const [position, text] of draft.objectives.entries()) {
        objectiveIds.push((await insertObjective(db, { planId: plan.id, position, text })).id);
      }
      const dir = await loadDirectory(db, org.municipalityId);
      const activityIds: number[] = [];
      for (const [position, a] of draft.activities.entries()) {
        const row = await insertResolvedActivity(
          db,
          plan.id,
          {
            sectionId: a.sectionIndex === null ? null : (sectionIds[a.sectionIndex] ?? null),
            objectiveId: a.taskIndex === null ? null : (objectiveIds[a.taskIndex] ?? null),
            parentId: a.parentIndex === null ? null : (activityIds[a.parentIndex] ?? null),
            position: position + 1,
            number: a.number,
            text: a.text,
            deadlineText: a.deadline,
            result: a.result,
            executorsText: a.executors,
            participants: a.participants,
          },
          draft.period,
          dir,
          a.status ?? 'planned',
        );
        activityIds.push(row.id);
      }
      await audit(db, actor, {
        action,
        entity: 'plan',
        entityId: plan.id,
        municipalityId: plan.municipalityId,
        orgId: plan.orgId,
        summary: `${action === 'import' ? 'Импортирован' : action === 'copy' ? 'Создан по плану прошлого года' : 'Создан'} план «${plan.title}» (${draft.activities.length} мероприятий) в «${org.shortName}»`,
        after: {
          title: plan.title,
          level: plan.level,
          period: draft.period,
          sections: draft.sections.length,
          activities: draft.activities.length,
          sourcePlanId: draft.sourcePlanId ?? null,
        },
      });
      if (also) await also(db, plan.id);
      return plan.id;
    });
  }

  async update(actor: Actor, id: number, input: UpdatePlanRequest) {
    await this.deps.database.transaction(async ({ db }) => {
      const { plan } = await loadWritablePlan(db, actor, id);
      const periodStart = input.periodStart ?? plan.periodStart;
      const periodEnd = input.periodEnd ?? plan.periodEnd;
      checkPeriod(periodStart, periodEnd);
      const row = await updatePlan(db, id, {
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.place !== undefined ? { place: input.place } : {}),
        ...(input.goals !== undefined ? { goals: input.goals } : {}),
        ...(input.columns !== undefined ? { columns: input.columns } : {}),
        ...(input.approval !== undefined
          ? {
              approvalPosition: input.approval?.position ?? null,
              approvalName: input.approval?.name ?? null,
              approvalOrderNumber: input.approval?.orderNumber ?? null,
              approvalOrderDate: input.approval?.orderDate ?? null,
            }
          : {}),
        periodStart,
        periodEnd,
      });
      if (periodStart !== plan.periodStart || periodEnd !== plan.periodEnd) {
        // Months written without a year move with the period.
        const dir = await loadDirectory(db, plan.municipalityId);
        for (const a of await listActivities(db, [id])) {
          await updateResolvedActivity(db, a, {}, { start: periodStart, end: periodEnd }, dir);
        }
      }
      const changes = diff(plan, row, [
        'title',
        'place',
        'goals',
        'columns',
        'approvalPosition',
        'approvalName',
        'approvalOrderNumber',
        'approvalOrderDate',
        'periodStart',
        'periodEnd',
      ]);
      if (changes) {
        await audit(db, actor, {
          action: 'update',
          entity: 'plan',
          entityId: id,
          municipalityId: plan.municipalityId,
          orgId: plan.orgId,
          summary: `Изменён план «${row.title}»`,
          ...changes,
        });
      }
    });
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: number) {
    await this.deps.database.transaction(async ({ db }) => {
      const { plan } = await loadWritablePlan(db, actor, id);
      await deletePlan(db, id);
      await audit(db, actor, {
        action: 'delete',
        entity: 'plan',
        entityId: id,
        municipalityId: plan.municipalityId,
        orgId: plan.orgId,
        summary: `Удалён план «${plan.title}»`,
        before: { title: plan.title, level: plan.level },
      });
    });
  }

  async addSection(actor: Actor, planId: number, input: { number: string | null; title: string }) {
    await this.deps.database.transaction(async ({ db }) => {
      const { plan } = await loadWritablePlan(db, actor, planId);
      const sections = await listSections(db, planId);
      const row = await insertSection(db, {
        planId,
        position: sections.length,
        number: input.number,
        title: input.title,
      });
      await audit(db, actor, {
        action: 'create',
        entity: 'plan_section',
        entityId: row.id,
        municipalityId: plan.municipalityId,
        orgId: plan.orgId,
        summary: `В план «${plan.title}» добавлен раздел «${row.title}»`,
        after: row,
      });
    });
    return this.get(actor, planId);
  }
}
