import type { Actor } from '../../core/access/actor';
import { invalid, notFound } from '../../core/errors';
import { groupProgress, monthLabel, progressOf } from '../../core/plans/progress';
import { isClosed, isoToday } from '../../core/plans/status';
import { findOrgById } from '../../db/repositories/organisations';
import { findTaskActivities, findTaskSchoolTasks } from '../../db/repositories/planTracking';
import { findUserById } from '../../db/repositories/users';
import { renderExecutionReport } from '../../reports/plans/planDocx';
import type { MyTasksQuery } from '../../shared/plans';
import type { ServiceDeps } from '../deps';
import { requireInScope } from '../guard';
import { can, loadPlan, planTarget } from './access';
import { loadBundle } from './bundle';
import { planDocOf } from './planDoc';

export interface TaskItem {
  kind: 'activity' | 'schoolTask';
  id: number;
  activity: {
    id: number;
    planId: number;
    number: string | null;
    text: string;
    deadlineText: string;
    deadlineKind: string;
    deadlineFrom: string | null;
    deadlineTo: string | null;
    executorsText: string;
  };
  planTitle: string;
  orgId: number;
  orgName: string;
  status: 'planned' | 'in_progress' | 'done' | 'cancelled';
}

export class PlanTrackingService {
  constructor(private readonly deps: ServiceDeps) {}

  private today() {
    return isoToday(this.deps.now());
  }

  /**
   * «Мои задачи». `user`: activities naming the user as executor and schools' tasks assigned to
   * them. `org`: activities whose executors name the organisation, activities of its own plans
   * and the schools' tasks given to it.
   */
  async myTasks(actor: Actor, q: MyTasksQuery): Promise<{ items: TaskItem[]; today: string }> {
    const { db } = this.deps.database;
    let orgIds: number[] = [];
    let userId: number | null = actor.system ? null : actor.userId;
    if (q.view === 'org') {
      const orgId = q.orgId ?? actor.workplaceOrgId;
      if (!orgId) throw invalid('Укажите организацию: у пользователя не указано место работы');
      const org = await findOrgById(db, orgId);
      if (!org) throw notFound('Организация');
      requireInScope(
        actor,
        'plan.read',
        { orgId, municipalityId: org.org.municipalityId },
        'Организация',
      );
      orgIds = [orgId];
      userId = null;
    }
    const activities = await findTaskActivities(db, {
      userId,
      orgIds,
      planOwnerOrgIds: orgIds,
    });
    const tasks = await findTaskSchoolTasks(db, { userId, orgIds });
    const items: TaskItem[] = [];
    for (const r of activities) {
      if (!can(actor, 'plan.read', planTarget(r.plan))) continue;
      items.push({
        kind: 'activity',
        id: r.activity.id,
        activity: r.activity,
        planTitle: r.plan.title,
        orgId: r.plan.orgId,
        orgName: r.orgName,
        status: r.activity.status,
      });
    }
    for (const r of tasks) {
      const target = { orgId: r.task.orgId, municipalityId: r.task.municipalityId };
      if (!can(actor, 'plan.read', target)) continue;
      items.push({
        kind: 'schoolTask',
        id: r.task.id,
        activity: r.activity,
        planTitle: r.plan.title,
        orgId: r.task.orgId,
        orgName: r.orgName,
        status: r.task.status,
      });
    }
    const open = q.open === 'true';
    const today = this.today();
    return {
      items: items
        .filter((i) => !open || !isClosed(i.status))
        .sort(
          (a, b) =>
            (a.activity.deadlineTo ?? '9999').localeCompare(b.activity.deadlineTo ?? '9999') ||
            a.activity.id - b.activity.id,
        ),
      today,
    };
  }

  /**
   * In-app reminders: the open tasks of the user and of their workplace whose deadline ends in
   * the next days, and the overdue ones.
   */
  async reminders(actor: Actor) {
    const own = await this.myTasks(actor, { view: 'user', open: 'true' });
    let items = own.items;
    const user = actor.system ? null : await findUserById(this.deps.database.db, actor.userId);
    const workplace = user?.workplaceOrgId ?? null;
    if (
      workplace &&
      can(actor, 'plan.read', { orgId: workplace, municipalityId: user!.municipalityId })
    ) {
      const org = await this.myTasks(actor, { view: 'org', orgId: workplace, open: 'true' });
      const seen = new Set(items.map((i) => `${i.kind}:${i.id}`));
      items = [...items, ...org.items.filter((i) => !seen.has(`${i.kind}:${i.id}`))];
    }
    return { items, today: own.today };
  }

  /** Execution of one plan by section, executor, month of deadline and school. */
  async dashboard(actor: Actor, planId: number) {
    const { db } = this.deps.database;
    const row = await loadPlan(db, actor, planId);
    const b = await loadBundle(db, actor, row, this.today());
    const items = b.activities.map((a) => ({ ...a }));
    const sectionLabel = (id: number | null) => {
      const s = b.sections.find((x) => x.id === id);
      return s ? `${s.number ? `${s.number}. ` : ''}${s.title}` : 'Без раздела';
    };
    const executorsOf = (id: number) => b.executors.filter((e) => e.executor.activityId === id);
    return {
      planId,
      total: progressOf(items, b.today),
      bySection: b.sections.length
        ? groupProgress(
            items,
            (a) => [{ key: String(a.sectionId ?? 0), label: sectionLabel(a.sectionId) }],
            b.today,
          )
        : [],
      byExecutor: groupProgress(
        items,
        (a) => {
          const ex = executorsOf(a.id);
          return ex.length
            ? ex.map((e) => ({
                key: e.executor.label.toLowerCase(),
                label: e.userName ?? e.orgName ?? e.executor.label,
              }))
            : [{ key: '', label: 'Исполнитель не указан' }];
        },
        b.today,
      ).sort((x, y) => y.progress.total - x.progress.total),
      byMonth: groupProgress(
        items,
        (a) => [
          {
            key: a.deadlineTo?.slice(0, 7) ?? '~',
            label: monthLabel(a.deadlineTo?.slice(0, 7) ?? null),
          },
        ],
        b.today,
      ).sort((x, y) => x.key.localeCompare(y.key)),
      bySchool: groupProgress(
        b.schoolTasks.map((t) => ({
          status: t.task.status,
          deadlineTo: b.activities.find((a) => a.id === t.task.activityId)?.deadlineTo ?? null,
          orgId: t.task.orgId,
          orgName: t.orgName,
        })),
        (t) => [{ key: String(t.orgId), label: t.orgName }],
        b.today,
      ).sort((x, y) => x.label.localeCompare(y.label, 'ru')),
    };
  }

  /** The execution report for a period as DOCX. */
  async report(actor: Actor, planId: number, from: string, to: string) {
    if (from > to) throw invalid('Начало периода отчёта позже его окончания');
    const { db } = this.deps.database;
    const row = await loadPlan(db, actor, planId);
    const b = await loadBundle(db, actor, row, this.today());
    const doc = await planDocOf(db, b, true);
    return {
      fileName: `Справка о выполнении плана ${from}—${to}.docx`,
      bytes: await renderExecutionReport(doc, from, to, b.today),
    };
  }
}
