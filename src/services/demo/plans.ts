import type { Actor } from '../../core/access/actor';
import { calendarYearPeriod, academicYearPeriod, type Period } from '../../core/plans/deadline';
import type { PlanLevel } from '../../core/plans/model';
import { isoToday, type SettableStatus } from '../../core/plans/status';
import type { Rng } from '../../core/random';
import { loadActor } from '../../db/repositories/actors';
import { listActivities } from '../../db/repositories/plans';
import { findUserById } from '../../db/repositories/users';
import type { PlanColumnDef } from '../../db/schema/plans';
import type { DemoContext, DemoStep } from './index';
import type { SeedPlanData } from './seedPlanData';
import seedPlans from './seedPlans.json';

/**
 * Plans of measures in the demo district: the five seed plans, transcribed faithfully from the
 * seed documents (seedPlans.json, made by the real importer from the DOCX fixtures), with
 * simulated execution: statuses, notes, comments and evidence, and the cascade of seed 001's
 * targeted activities to its schools №№ 8, 212, 215, 236, 367, 448 (all exist in the demo).
 * Seeds 003 and 004 come from other municipalities; in the demo they stand for the
 * municipality-level plan and road map of the district's education department. Besides, this
 * year's plan is made from seed 000 with «new year's plan from last year's», so that the demo
 * has work in progress, deadlines ahead (reminders) and overdue items today.
 */
const SEEDS = seedPlans as SeedPlanData[];

interface Placement {
  seed: string;
  level: PlanLevel;
  owner: (ctx: DemoContext) => number;
  actorLogin: string;
  period: Period;
  place: string | null;
}

const school = (ctx: DemoContext, number: string) => {
  const s = ctx.world.schools.find((x) => x.number === number);
  if (!s) throw new Error(`demo school ${number} missing`);
  return s.id;
};

const PLACEMENTS: Placement[] = [
  {
    seed: '000',
    level: 'district',
    owner: (c) => c.world.bodies.imc,
    actorLogin: 'imc',
    period: calendarYearPeriod(2023),
    place: 'г. Санкт-Петербург',
  },
  {
    seed: '001',
    level: 'district',
    owner: (c) => c.world.bodies.imc,
    actorLogin: 'coko',
    period: calendarYearPeriod(2023),
    place: 'г. Санкт-Петербург',
  },
  {
    seed: '002',
    level: 'school',
    owner: (c) => school(c, '312'),
    actorLogin: 'school312',
    period: academicYearPeriod(2022),
    place: null,
  },
  {
    seed: '003',
    level: 'municipality',
    owner: (c) => c.world.bodies.uo,
    actorLogin: 'uo',
    period: academicYearPeriod(2022),
    place: null,
  },
  {
    seed: '004',
    level: 'municipality',
    owner: (c) => c.world.bodies.uo,
    actorLogin: 'uo',
    period: academicYearPeriod(2022),
    place: null,
  },
];

const NOTES = [
  'Проведено, протокол размещён в папке мероприятия',
  'Выполнено в срок',
  'Выполнено, материалы направлены в ОО',
  'Проведено совместно с ЦОКО',
];
const COMMENTS = [
  'Прошу приложить протокол и список участников',
  'Материалы размещены на сайте',
  'Перенесено по согласованию с отделом образования',
  'Справка направлена в ИМЦ',
];

async function actorOf(ctx: DemoContext, login: string): Promise<Actor> {
  const id = ctx.world.users.get(login);
  const user = id ? await findUserById(ctx.deps.database.db, id) : null;
  if (!user) throw new Error(`demo user ${login} missing`);
  return loadActor(ctx.deps.database.db, user);
}

/** A status for an activity as of today: past deadlines mostly done, current ones in progress. */
function simulatedStatus(
  rng: Rng,
  from: string | null,
  to: string | null,
  today: string,
): SettableStatus {
  if (!to) return rng.chance(0.6) ? 'in_progress' : rng.chance(0.5) ? 'done' : 'planned';
  if (to < today) return rng.chance(0.04) ? 'cancelled' : rng.chance(0.86) ? 'done' : 'in_progress';
  if ((from ?? to) <= today) return rng.chance(0.75) ? 'in_progress' : 'planned';
  return 'planned';
}

async function execute(ctx: DemoContext, actor: Actor, planId: number, today: string) {
  const { activities } = ctx.services.plans;
  for (const a of await listActivities(ctx.deps.database.db, [planId])) {
    const status = simulatedStatus(ctx.rng, a.deadlineFrom, a.deadlineTo, today);
    if (status === 'planned') continue;
    const ref = { activityId: a.id };
    await activities.setStatus(actor, ref, {
      status,
      note:
        status === 'done'
          ? ctx.rng.pick(NOTES)
          : status === 'cancelled'
            ? 'Отменено решением совещания'
            : null,
    });
    if (status === 'done' && ctx.rng.chance(0.5)) {
      await activities.addLink(actor, ref, {
        recordKind: ctx.rng.pick(['protocol', 'report'] as const),
        title: ctx.rng.chance(0.5) ? 'Протокол совещания' : 'Аналитическая справка',
        url: `https://imc-frunz.example/materials/${a.id}`,
      });
    }
    if (status === 'done' && ctx.rng.chance(0.2)) {
      await activities.addFile(actor, ref, 'Протокол (скан)', {
        fileName: `protokol-${a.id}.txt`,
        mimeType: 'text/plain',
        bytes: Buffer.from(`Протокол. ${a.text}\nДемонстрационный документ.`),
      });
    }
    if (ctx.rng.chance(0.15)) await activities.comment(actor, ref, ctx.rng.pick(COMMENTS));
  }
}

/**
 * Every third activity of a plan gets a responsible person: the plan's author when they work in
 * the owner organisation, otherwise its first employee.
 */
async function assignPeople(ctx: DemoContext, actor: Actor, planId: number) {
  const rows = await listActivities(ctx.deps.database.db, [planId]);
  const first = rows[0];
  if (!first) return;
  const { responsibleCandidates: people } = await ctx.services.plans.activities.detail(actor, {
    activityId: first.id,
  });
  const self = actor.system ? undefined : people.find((p) => p.id === actor.userId);
  const person = self ?? people[0];
  if (!person) return;
  for (const [i, a] of rows.entries()) {
    if (i % 3 === 0)
      await ctx.services.plans.assign.setResponsible(actor, { activityId: a.id }, person.id);
  }
}

/** Seed 001: activities naming schools go to those schools, which report on their own tasks. */
async function cascade(ctx: DemoContext, district: Actor, planId: number, today: string) {
  const { activities, assign } = ctx.services.plans;
  const db = ctx.deps.database.db;
  for (const a of await listActivities(db, [planId])) {
    if (!/ОО\s*№№|в\s*№№/u.test(a.text)) continue;
    const detail = await assign.cascade(district, a.id);
    for (const t of detail.schoolTasks) {
      const number = ctx.world.schools.find((s) => s.id === t.task.orgId)?.number ?? '';
      const schoolActor = await actorOf(ctx, `school${number}`);
      // The school administrator answers for the school's task personally.
      if (!schoolActor.system)
        await assign.setResponsible(schoolActor, { schoolTaskId: t.task.id }, schoolActor.userId);
      const status = simulatedStatus(ctx.rng, a.deadlineFrom, a.deadlineTo, today);
      if (status === 'planned') continue;
      const ref = { schoolTaskId: t.task.id };
      await activities.setStatus(schoolActor, ref, { status, note: null });
      if (status === 'done' && ctx.rng.chance(0.7)) {
        await activities.addLink(schoolActor, ref, {
          recordKind: 'report',
          title: `Справка ОО № ${number}`,
          url: `https://school${number}.example/vsoko/${a.id}`,
        });
      }
    }
  }
}

export const plansDemoStep: DemoStep = {
  name: 'планы мероприятий (пять планов-образцов и план текущего года)',
  async run(ctx) {
    const today = isoToday(ctx.deps.now());
    const created = new Map<string, number>();
    for (const p of PLACEMENTS) {
      const seed = SEEDS.find((s) => s.id === p.seed);
      if (!seed) throw new Error(`seed plan ${p.seed} missing`);
      const actor = await actorOf(ctx, p.actorLogin);
      const id = await ctx.services.plans.plans.createDraft(
        actor,
        {
          orgId: p.owner(ctx),
          level: p.level,
          title: seed.title,
          period: p.period,
          approval: seed.approval,
          place: p.place,
          goals: seed.goals,
          columns: seed.columns as PlanColumnDef[],
          objectives: seed.objectives,
          sections: seed.sections,
          activities: seed.activities,
        },
        'import',
      );
      created.set(p.seed, id);
      await execute(ctx, actor, id, today);
      await assignPeople(ctx, actor, id);
      if (p.seed === '001') await cascade(ctx, actor, id, today);
    }
    // This year's plan from last year's (seed 000), executed up to today.
    const imc = await actorOf(ctx, 'imc');
    const year = Number(today.slice(0, 4));
    const current = await ctx.services.plans.documents.copy(imc, created.get('000') ?? 0, {
      periodStart: `${year}-01-01`,
      periodEnd: `${year}-12-31`,
    });
    await execute(ctx, imc, current, today);
    await assignPeople(ctx, imc, current);
    ctx.progress(`  планов: ${created.size + 1}`);
  },
};
