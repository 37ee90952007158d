import type { Actor } from '../../core/access/actor';
import type { Answers } from '../../core/monitoring/scoring';
import type { TemplateDefinition } from '../../core/monitoring/template';
import type { Rng } from '../../core/random';
import type { ProcedureKind } from '../../core/schedules/model';
import { loadActor } from '../../db/repositories/actors';
import { findUserById } from '../../db/repositories/users';
import type { SaveScheduleRequest } from '../../shared/schedules';
import type { DemoContext, DemoStep } from './index';
import type { DemoSchool, DemoYear } from './world';

/**
 * The ВСОКО monitoring of the demo district (all data simulated): the shipped templates; each
 * school's documents in its registry (one local act with a second version); schedules of
 * assessment procedures for the current year, about a third of them with violations of the
 * federal limits and some without a curriculum; a finished monitoring of the previous year and
 * one in progress this year (self-reports in every state, expert cards draft and final, one
 * report returned for revision), compared with each other on the screen.
 */
export const monitoringDemoStep: DemoStep = {
  name: 'мониторинг ВСОКО: шаблоны, документы, графики, два мониторинга',
  async run(ctx) {
    const { services, world, rng, deps } = ctx;
    const { db } = deps.database;
    const actors = new Map<string, Actor>();
    const actorOf = async (login: string): Promise<Actor> => {
      const cached = actors.get(login);
      if (cached) return cached;
      const id = world.users.get(login);
      const user = id ? await findUserById(db, id) : null;
      if (!user) throw new Error(`demo user ${login} missing`);
      const actor = await loadActor(db, user);
      actors.set(login, actor);
      return actor;
    };
    const admin = await actorOf('admin');
    await services.monitoringTemplates.installBuiltins(admin, world.municipalityId);
    const templates = await services.monitoringTemplates.list(admin, world.municipalityId);
    const check = templates.find((t) => t.template.code === 'vsoko_check');
    if (!check) throw new Error('vsoko_check template missing');
    const current = world.years[world.years.length - 1];
    const previous = world.years[world.years.length - 2];
    if (!current || !previous) throw new Error('demo years missing');

    // Quality of each school's ВСОКО paperwork, stable across the two runs.
    const quality = new Map(world.schools.map((s) => [s.id, 0.35 + rng.next() * 0.6]));
    const docs = new Map<number, number[]>();
    ctx.progress('  документы ОО и графики оценочных процедур');
    for (const [i, s] of world.schools.entries()) {
      const schoolActor = await actorOf(`school${s.number}`);
      docs.set(s.id, await uploadDocuments(ctx, schoolActor, s, i === 0));
      await services.schedules.save(schoolActor, s.id, scheduleOf(rng, current, i));
    }

    ctx.progress('  мониторинг прошлого года');
    const def = check.latest.definition;
    const last = await services.campaigns.create(admin, {
      municipalityId: world.municipalityId,
      academicYearId: previous.id,
      title: `Мониторинг ВСОКО ${previous.name}`,
      templateVersionId: check.latest.id,
      regulation: `Приказ ИМЦ от 20.01.${previous.startYear + 1} № 14-о «О мониторинге ВСОКО»`,
      startsOn: `${previous.startYear + 1}-04-01`,
      selfReportDue: `${previous.startYear + 1}-04-20`,
      expertDue: `${previous.startYear + 1}-05-31`,
      schools: world.schools.map((s) => ({ orgId: s.id })),
    });
    await services.campaigns.update(admin, last.head.campaign.id, { status: 'active' });
    for (const cs of last.schools) {
      const q = Math.max(0.1, (quality.get(cs.cs.orgId) ?? 0.5) - 0.12);
      const self = answersOf(rng, def, Math.min(1, q + 0.15), docs.get(cs.cs.orgId) ?? []);
      const schoolActor = await actorOf(`school${schoolNumber(world.schools, cs.cs.orgId)}`);
      await services.campaigns.saveSelf(schoolActor, cs.cs.id, { answers: self, submit: true });
      const expert = await expertFor(actorOf, cs.cs.orgId, cs.cs.expertGroupId, world.users);
      await services.campaigns.saveCard(expert, cs.cs.id, {
        answers: expertView(rng, def, self, q),
        comment: 'Экспертиза проведена по документам ОО и сайту',
        finalize: true,
      });
    }
    await services.campaigns.update(admin, last.head.campaign.id, { status: 'closed' });

    ctx.progress('  мониторинг текущего года (идёт)');
    const order = `Приказ ИМЦ от 10.10.${current.startYear} № 102-о «О мониторинге ВСОКО»`;
    const regulation = await services.documents.upload(
      admin,
      { orgId: world.bodies.imc, kind: 'order', title: order },
      {
        fileName: 'prikaz-monitoring-vsoko.txt',
        mimeType: 'text/plain; charset=utf-8',
        bytes: Buffer.from(`${order}\n\nДемонстрационный документ: содержание смоделировано.`),
      },
    );
    const now = await services.campaigns.create(admin, {
      regulationDocumentId: regulation.doc.id,
      municipalityId: world.municipalityId,
      academicYearId: current.id,
      title: `Мониторинг ВСОКО ${current.name}`,
      templateVersionId: check.latest.id,
      regulation: order,
      startsOn: `${current.startYear}-10-15`,
      selfReportDue: `${current.startYear}-11-20`,
      expertDue: `${current.startYear}-12-20`,
      previousCampaignId: last.head.campaign.id,
      schools: world.schools.map((s) => ({ orgId: s.id })),
    });
    await services.campaigns.update(admin, now.head.campaign.id, { status: 'active' });
    for (const [i, cs] of now.schools.entries()) {
      const q = quality.get(cs.cs.orgId) ?? 0.5;
      const stage = i % 6; // 0 not started, 1 draft, 2 submitted, 3 card draft, 4–5 final
      if (stage === 0) continue;
      const schoolActor = await actorOf(`school${schoolNumber(world.schools, cs.cs.orgId)}`);
      const self = answersOf(rng, def, Math.min(1, q + 0.15), docs.get(cs.cs.orgId) ?? []);
      await services.campaigns.saveSelf(schoolActor, cs.cs.id, {
        answers: self,
        submit: stage >= 2,
      });
      if (stage < 3) continue;
      const expert = await expertFor(actorOf, cs.cs.orgId, cs.cs.expertGroupId, world.users);
      if (stage === 3 && i % 12 === 3) {
        await services.campaigns.returnSelf(
          expert,
          cs.cs.id,
          'Приложите протоколы родительских собраний с рассмотрением вопросов ВСОКО',
        );
        continue;
      }
      await services.campaigns.saveCard(expert, cs.cs.id, {
        answers: expertView(rng, def, self, q),
        comment: stage >= 4 ? 'Замечания переданы администрации ОО' : 'Экспертиза продолжается',
        finalize: stage >= 4,
      });
    }
  },
};

const schoolNumber = (schools: DemoSchool[], orgId: number) =>
  schools.find((s) => s.id === orgId)?.number ?? '';

/** A member of the assigned group who does not work at the school. */
async function expertFor(
  actorOf: (login: string) => Promise<Actor>,
  orgId: number,
  groupId: number,
  users: Map<string, number>,
): Promise<Actor> {
  for (const login of [...users.keys()].filter((l) => l.startsWith('expert'))) {
    const a = await actorOf(login);
    if (a.expertGroupIds.includes(groupId) && a.workplaceOrgId !== orgId) return a;
  }
  throw new Error(`no outside expert for school ${orgId}`);
}

const DOCS = [
  { kind: 'local_act', title: 'Положение о внутренней системе оценки качества образования' },
  {
    kind: 'local_act',
    title:
      'Положение о формах, периодичности и порядке текущего контроля успеваемости и промежуточной аттестации',
  },
  { kind: 'protocol', title: 'Протокол педагогического совета (вопросы ВСОКО)' },
  { kind: 'plan', title: 'План мероприятий по обеспечению объективности оценочных процедур' },
  { kind: 'order', title: 'Приказ об утверждении графика оценочных процедур' },
] as const;

async function uploadDocuments(
  ctx: DemoContext,
  actor: Actor,
  s: DemoSchool,
  withVersion: boolean,
) {
  const ids: number[] = [];
  for (const d of DOCS) {
    const text = `${d.title}\n${s.shortName}\n\nДемонстрационный документ: содержание смоделировано.`;
    const row = await ctx.services.documents.upload(
      actor,
      { orgId: s.id, kind: d.kind, title: d.title },
      {
        fileName: `${d.kind}.txt`,
        mimeType: 'text/plain; charset=utf-8',
        bytes: Buffer.from(text),
      },
    );
    ids.push(row.doc.id);
  }
  if (withVersion && ids[0]) {
    const v2 = await ctx.services.documents.upload(
      actor,
      {
        orgId: s.id,
        kind: 'local_act',
        title: DOCS[0].title,
        replacesId: ids[0],
        description: 'Новая редакция',
      },
      {
        fileName: 'local_act-v2.txt',
        mimeType: 'text/plain; charset=utf-8',
        bytes: Buffer.from(`${DOCS[0].title}, редакция 2`),
      },
    );
    ids[0] = v2.doc.id;
  }
  return ids;
}

/** Answers of a school whose paperwork is complete with probability q. */
function answersOf(rng: Rng, def: TemplateDefinition, q: number, docIds: number[]): Answers {
  const out: Answers = {};
  const slug = `school-${docIds[0] ?? 0}`;
  for (const s of def.sections)
    for (const ind of s.indicators) {
      const has = rng.chance(q);
      const evidence =
        has && ind.evidence !== 'none' && (ind.type === 'evidence' || rng.chance(0.9))
          ? docIds.length && ind.type !== 'evidence'
            ? { documentIds: [rng.pick(docIds)] }
            : { links: [`https://${slug}.edu-frunz.example/vsoko/${ind.key}`] }
          : {};
      if (ind.type === 'yes_no') out[ind.key] = { value: has, ...evidence };
      else if (ind.type === 'scale')
        out[ind.key] = {
          value: Math.min(
            ind.scaleMax ?? 2,
            Math.round(q * (ind.scaleMax ?? 2) + rng.normal() * 0.4),
          ),
        };
      else if (ind.type === 'number') out[ind.key] = { value: has ? rng.int(1, 6) : 0 };
      else if (ind.type === 'evidence')
        out[ind.key] = has ? { value: null, ...evidence } : { value: false };
    }
  return out;
}

/** The expert confirms most answers and rejects some unconfirmed «yes» of weaker schools. */
function expertView(rng: Rng, def: TemplateDefinition, self: Answers, q: number): Answers {
  const out: Answers = {};
  for (const s of def.sections)
    for (const ind of s.indicators) {
      const a = self[ind.key];
      if (!a) continue;
      if (ind.type === 'yes_no' && a.value === true && rng.chance((1 - q) * 0.6)) {
        out[ind.key] = {
          value: false,
          comment: 'Документ не соответствует требованиям или устарел',
        };
      } else if (
        ind.type === 'scale' &&
        typeof a.value === 'number' &&
        a.value > 0 &&
        rng.chance(0.3)
      ) {
        out[ind.key] = { value: a.value - 1, comment: 'Неполно' };
      } else {
        out[ind.key] = { ...a };
      }
    }
  return out;
}

const SUBJECTS = [
  { name: 'Математика', hours: 5 },
  { name: 'Русский язык', hours: 5 },
  { name: 'История', hours: 2 },
  { name: 'Английский язык', hours: 3 },
  { name: 'Биология', hours: 1 },
];

/** A weekday on or after the date. */
function weekday(d: Date): string {
  const day = d.getUTCDay();
  if (day === 0) d.setUTCDate(d.getUTCDate() + 1);
  if (day === 6) d.setUTCDate(d.getUTCDate() + 2);
  return d.toISOString().slice(0, 10);
}

/** Grades 5–9, class «А»: a clean schedule, with violations added for about a third of schools. */
function scheduleOf(rng: Rng, year: DemoYear, index: number): SaveScheduleRequest {
  const sloppy = index % 3 === 1;
  const entries: SaveScheduleRequest['entries'] = [];
  const start = Date.UTC(year.startYear, 8, 15);
  for (let parallel = 5; parallel <= 9; parallel++) {
    const className = `${parallel}А`;
    for (const [k, subject] of SUBJECTS.entries()) {
      const count = subject.hours >= 3 ? 4 : 2;
      for (let n = 0; n < count; n++) {
        const d = new Date(start + ((n * 56 + k * 9 + parallel) % 240) * 86_400_000);
        const kind: ProcedureKind = n === count - 1 ? 'intermediate' : 'control';
        entries.push({
          className,
          subjectName: subject.name,
          date: weekday(d),
          lesson: 2 + ((n + k) % 3),
          kind,
          durationMin: 45,
          wholeClass: true,
        });
      }
    }
    if (sloppy && rng.chance(0.6)) {
      const first = entries.find(
        (e) => e.className === className && e.subjectName === 'Математика',
      );
      if (first) {
        const d = new Date(`${first.date}T00:00:00Z`);
        d.setUTCDate(d.getUTCDate() + 7);
        entries.push({ ...first, date: weekday(d), lesson: 1, kind: 'check' });
      }
    }
    if (sloppy && rng.chance(0.5)) {
      entries.push({
        className,
        subjectName: 'Биология',
        date: weekday(new Date(start + 150 * 86_400_000)),
        lesson: 3,
        kind: 'diagnostic',
        durationMin: 45,
        wholeClass: true,
      });
      entries.push({
        className,
        subjectName: 'Биология',
        date: weekday(new Date(start + 200 * 86_400_000)),
        lesson: 3,
        kind: 'check',
        durationMin: 45,
        wholeClass: true,
      });
    }
  }
  const withPlan = index % 7 !== 5;
  return {
    academicYearId: year.id,
    entries,
    curriculum: withPlan
      ? [5, 6, 7, 8, 9].flatMap((parallel) =>
          SUBJECTS.map((s) => ({ parallel, subjectName: s.name, weeklyHours: s.hours })),
        )
      : [],
    lessonsPerDay: [5, 6, 7, 8, 9].flatMap((parallel) => [
      { parallel, weekday: null, lessons: 6 },
      { parallel, weekday: 5, lessons: 5 },
    ]),
  };
}
