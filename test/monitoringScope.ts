/**
 * Scope-matrix cases for the schedules and the ВСОКО monitoring (see scopeMatrix.test.ts). Each
 * target school gets a one-school campaign, so that reaching the campaign means reaching the school.
 */
import { SYSTEM_ACTOR } from '../src/core/access/actor';
import type { TemplateDefinition } from '../src/core/monitoring/template';
import { replaceMembers } from '../src/db/repositories/expertGroups';
import { findExpertGroup } from '../src/db/repositories/expertGroups';
import { updateCampaign, updateCampaignSchool } from '../src/db/repositories/monitoring';
import type { TestContext } from './app';
import { buildUser } from './factories';
import { multipart } from './multipart';
import { TARGETS, type ScopeWorld, type Target, type TargetRecords } from './scopeWorld';

interface Call {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}
interface TargetCase {
  kind: 'target';
  permission: string;
  call(t: TargetRecords, seq: number, world: ScopeWorld): Call | Promise<Call>;
}
interface ListCase {
  kind: 'list';
  permission: string;
  url: string;
  orgIds(data: unknown): (number | null)[];
}

export const SCOPE_DEFINITION: TemplateDefinition = {
  sections: [
    {
      key: 's',
      title: 'Документы',
      indicators: [
        {
          key: 'q',
          title: 'Положение о ВСОКО',
          type: 'yes_no',
          weight: 1,
          required: true,
          evidence: 'none',
        },
      ],
    },
  ],
};

interface Fixture {
  templateId: number;
  versionId: number;
  campaignId: number;
  campaignSchoolId: number;
}
let ctx: TestContext | null = null;
const fixtures = new Map<Target, Fixture>();
const fixtureOf = (t: TargetRecords): Fixture => {
  for (const [target, f] of fixtures) if (targetsByOrg.get(t.orgId) === target) return f;
  throw new Error('monitoring scope fixture missing: call prepareMonitoringScope first');
};
const targetsByOrg = new Map<number, Target>();

/** Templates, one-school campaigns (active) and outside experts so every group can assess. */
export async function prepareMonitoringScope(context: TestContext, world: ScopeWorld) {
  ctx = context;
  const db = context.database.db;
  const templates = new Map<number, { templateId: number; versionId: number }>();
  for (const target of TARGETS) {
    const t = world.targets[target];
    targetsByOrg.set(t.orgId, target);
    // An expert from outside the target school, so that the group can assess it.
    const group = await findExpertGroup(db, t.expertGroupId);
    if (!group) throw new Error('no group');
    if (!group.members.some((m) => m.workplaceOrgId !== t.orgId)) {
      const outsider = await buildUser(db, {
        login: `outside-expert-${target}`,
        role: 'expert',
        municipalityId: t.municipalityId,
        workplaceOrgId: null,
      });
      await replaceMembers(db, group.group.id, [
        ...group.members.map((m) => ({ userId: m.userId, isLeader: m.isLeader })),
        { userId: outsider.id, isLeader: false },
      ]);
    }
    let tpl = templates.get(t.municipalityId);
    if (!tpl) {
      const created = await context.services.monitoringTemplates.create(SYSTEM_ACTOR, {
        municipalityId: t.municipalityId,
        code: 'scope',
        title: 'Шаблон для проверки доступа',
        purpose: 'checklist',
        definition: SCOPE_DEFINITION,
      });
      tpl = { templateId: created.template.id, versionId: created.latest.id };
      templates.set(t.municipalityId, tpl);
    }
    const regulation = await context.services.documents.upload(
      SYSTEM_ACTOR,
      { orgId: t.orgId, kind: 'order', title: `Приказ о мониторинге ${target}` },
      { fileName: 'prikaz.txt', mimeType: 'text/plain', bytes: Buffer.from(target) },
    );
    const campaign = await context.services.campaigns.create(SYSTEM_ACTOR, {
      regulationDocumentId: regulation.doc.id,
      municipalityId: t.municipalityId,
      academicYearId: world.academicYearId,
      title: `Мониторинг ${target}`,
      templateVersionId: tpl.versionId,
      startsOn: '2025-09-01',
      selfReportDue: '2025-10-01',
      expertDue: '2025-11-01',
      schools: [{ orgId: t.orgId }],
    });
    await context.services.campaigns.update(SYSTEM_ACTOR, campaign.head.campaign.id, {
      status: 'active',
    });
    const cs = campaign.schools[0];
    if (!cs) throw new Error('no campaign school');
    fixtures.set(target, {
      ...tpl,
      campaignId: campaign.head.campaign.id,
      campaignSchoolId: cs.cs.id,
    });
  }
}

const setState = async (t: TargetRecords, values: Parameters<typeof updateCampaignSchool>[2]) => {
  if (!ctx) throw new Error('no context');
  // The campaign reopen case closes the campaign; every other state needs it running.
  await updateCampaign(ctx.database.db, fixtureOf(t).campaignId, { status: 'active' });
  await updateCampaignSchool(ctx.database.db, fixtureOf(t).campaignSchoolId, values);
};

let seq = 0;
const csv = (n: number) =>
  'Класс;Предмет;Дата;Урок;Вид процедуры;Длительность, мин\n' +
  `5А;Математика;${String((n % 27) + 1).padStart(2, '0')}.10.2025;3;Контрольная работа;45\n`;

export const SCHEDULE_CASES: Record<string, TargetCase | ListCase> = {
  'GET /api/orgs/:id/schedule': {
    kind: 'target',
    permission: 'schedule.read',
    call: (t, _s, w) => ({
      method: 'GET',
      url: `/api/orgs/${t.orgId}/schedule?academicYearId=${w.academicYearId}`,
    }),
  },
  'PUT /api/orgs/:id/schedule': {
    kind: 'target',
    permission: 'schedule.manage',
    call: (t, _s, w) => ({
      method: 'PUT',
      url: `/api/orgs/${t.orgId}/schedule`,
      body: {
        academicYearId: w.academicYearId,
        entries: [
          {
            className: '5А',
            subjectName: 'Математика',
            date: '2025-10-01',
            lesson: 3,
            kind: 'control',
            durationMin: 45,
          },
        ],
        curriculum: [{ parallel: 5, subjectName: 'Математика', weeklyHours: 5 }],
        lessonsPerDay: [{ parallel: 5, weekday: null, lessons: 6 }],
      },
    }),
  },
  'POST /api/orgs/:id/schedule/upload': {
    kind: 'target',
    permission: 'schedule.manage',
    call: (t, _s, w) => {
      const form = multipart(
        { academicYearId: w.academicYearId },
        { name: 'grafik.csv', type: 'text/csv', content: csv(++seq) },
      );
      return {
        method: 'POST',
        url: `/api/orgs/${t.orgId}/schedule/upload`,
        body: form.payload,
        headers: form.headers,
      };
    },
  },
};

export const MONITORING_CASES: Record<string, TargetCase | ListCase> = {
  'GET /api/monitoring/templates': {
    kind: 'target',
    permission: 'monitoring.manage',
    call: (t) => ({
      method: 'GET',
      url: `/api/monitoring/templates?municipalityId=${t.municipalityId}`,
    }),
  },
  'POST /api/monitoring/templates': {
    kind: 'target',
    permission: 'monitoring.manage',
    call: (t) => ({
      method: 'POST',
      url: '/api/monitoring/templates',
      body: {
        municipalityId: t.municipalityId,
        code: `scope-${++seq}`,
        title: `Шаблон ${seq}`,
        purpose: 'questionnaire',
        definition: SCOPE_DEFINITION,
      },
    }),
  },
  'POST /api/monitoring/templates/builtin': {
    kind: 'target',
    permission: 'monitoring.manage',
    call: (t) => ({
      method: 'POST',
      url: '/api/monitoring/templates/builtin',
      body: { municipalityId: t.municipalityId },
    }),
  },
  'GET /api/monitoring/templates/:id': {
    kind: 'target',
    permission: 'monitoring.manage',
    call: (t) => ({ method: 'GET', url: `/api/monitoring/templates/${fixtureOf(t).templateId}` }),
  },
  'POST /api/monitoring/templates/:id/versions': {
    kind: 'target',
    permission: 'monitoring.manage',
    call: (t) => ({
      method: 'POST',
      url: `/api/monitoring/templates/${fixtureOf(t).templateId}/versions`,
      body: { definition: SCOPE_DEFINITION, note: `Правка ${++seq}` },
    }),
  },
  'GET /api/monitoring/campaigns': {
    kind: 'list',
    permission: 'monitoring.read',
    url: '/api/monitoring/campaigns',
    orgIds: (d) =>
      (d as { schools: { orgId: number }[] }[]).flatMap((c) => c.schools.map((s) => s.orgId)),
  },
  'POST /api/monitoring/campaigns': {
    kind: 'target',
    permission: 'monitoring.manage',
    call: (t, _s, w) => ({
      method: 'POST',
      url: '/api/monitoring/campaigns',
      body: {
        municipalityId: t.municipalityId,
        academicYearId: w.academicYearId,
        title: `Мониторинг ${++seq}`,
        templateVersionId: fixtureOf(t).versionId,
        startsOn: '2025-09-01',
        selfReportDue: '2025-10-01',
        expertDue: '2025-11-01',
        schools: [{ orgId: t.orgId }],
      },
    }),
  },
  'GET /api/monitoring/campaigns/:id': {
    kind: 'target',
    permission: 'monitoring.read',
    call: (t) => ({ method: 'GET', url: `/api/monitoring/campaigns/${fixtureOf(t).campaignId}` }),
  },
  'PATCH /api/monitoring/campaigns/:id': {
    kind: 'target',
    permission: 'monitoring.manage',
    call: (t) => ({
      method: 'PATCH',
      url: `/api/monitoring/campaigns/${fixtureOf(t).campaignId}`,
      body: { regulation: `Приказ № ${++seq}` },
    }),
  },
  'GET /api/monitoring/campaigns/:id/screen': {
    kind: 'target',
    permission: 'monitoring.read',
    call: (t) => ({
      method: 'GET',
      url: `/api/monitoring/campaigns/${fixtureOf(t).campaignId}/screen`,
    }),
  },
  'GET /api/monitoring/campaigns/:id/screen.xlsx': {
    kind: 'target',
    permission: 'monitoring.read',
    call: (t) => ({
      method: 'GET',
      url: `/api/monitoring/campaigns/${fixtureOf(t).campaignId}/screen.xlsx`,
    }),
  },
  'GET /api/monitoring/campaigns/:id/report.docx': {
    kind: 'target',
    permission: 'monitoring.read',
    call: (t) => ({
      method: 'GET',
      url: `/api/monitoring/campaigns/${fixtureOf(t).campaignId}/report.docx`,
    }),
  },
  'GET /api/monitoring/campaigns/:id/regulation': {
    kind: 'target',
    permission: 'monitoring.read',
    call: (t) => ({
      method: 'GET',
      url: `/api/monitoring/campaigns/${fixtureOf(t).campaignId}/regulation`,
    }),
  },
  'GET /api/monitoring/campaign-schools/:id': {
    kind: 'target',
    permission: 'monitoring.read',
    call: (t) => ({
      method: 'GET',
      url: `/api/monitoring/campaign-schools/${fixtureOf(t).campaignSchoolId}`,
    }),
  },
  'PUT /api/monitoring/campaign-schools/:id/self': {
    kind: 'target',
    permission: 'monitoring.respond',
    call: async (t) => {
      await setState(t, { selfStatus: 'draft', cardStatus: 'draft' });
      return {
        method: 'PUT',
        url: `/api/monitoring/campaign-schools/${fixtureOf(t).campaignSchoolId}/self`,
        body: { answers: { q: { value: true } }, submit: false },
      };
    },
  },
  'PUT /api/monitoring/campaign-schools/:id/card': {
    kind: 'target',
    permission: 'monitoring.assess',
    call: async (t) => {
      await setState(t, { cardStatus: 'draft' });
      return {
        method: 'PUT',
        url: `/api/monitoring/campaign-schools/${fixtureOf(t).campaignSchoolId}/card`,
        body: { answers: { q: { value: false } }, comment: `Замечание ${++seq}` },
      };
    },
  },
  'POST /api/monitoring/campaign-schools/:id/return': {
    kind: 'target',
    permission: 'monitoring.assess',
    call: async (t) => {
      await setState(t, { selfStatus: 'submitted', cardStatus: 'draft' });
      return {
        method: 'POST',
        url: `/api/monitoring/campaign-schools/${fixtureOf(t).campaignSchoolId}/return`,
        body: { comment: 'Приложите протокол педсовета' },
      };
    },
  },
  'POST /api/monitoring/campaign-schools/:id/reopen': {
    kind: 'target',
    permission: 'monitoring.manage',
    call: async (t) => {
      await setState(t, { cardStatus: 'final' });
      return {
        method: 'POST',
        url: `/api/monitoring/campaign-schools/${fixtureOf(t).campaignSchoolId}/reopen`,
        body: { reason: 'Ошибка в оценке показателя' },
      };
    },
  },
  'POST /api/monitoring/campaigns/:id/reopen': {
    kind: 'target',
    permission: 'monitoring.manage',
    call: async (t) => {
      if (!ctx) throw new Error('no context');
      await updateCampaign(ctx.database.db, fixtureOf(t).campaignId, { status: 'closed' });
      return {
        method: 'POST',
        url: `/api/monitoring/campaigns/${fixtureOf(t).campaignId}/reopen`,
        body: { reason: 'Школа не успела из-за карантина' },
      };
    },
  },
};
