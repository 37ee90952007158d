import type { Actor } from '../../core/access/actor';
import { coversMunicipality } from '../../core/access/scope';
import { forbidden, invalid, notFound } from '../../core/errors';
import { scoreAnswers } from '../../core/monitoring/scoring';
import {
  CAMPAIGN_MOVES,
  CAMPAIGN_STATUS_LABELS,
  cardEditRefusal,
  reopenCardRefusal,
  returnRefusal,
  selfEditRefusal,
  type CampaignStatus,
  type CardStatus,
  type SelfStatus,
} from '../../core/monitoring/workflow';
import type { Db } from '../../db/database';
import { findDocument } from '../../db/repositories/documents';
import {
  findCampaign,
  findCampaignSchool,
  findVersion,
  insertCampaign,
  insertCampaignSchools,
  insertEvent,
  listCampaignHeads,
  listCampaignSchools,
  listEvents,
  updateCampaign,
  updateCampaignSchool,
  type CampaignHead,
  type CampaignSchoolRecord,
} from '../../db/repositories/monitoring';
import { findAcademicYear } from '../../db/repositories/reference';
import { orgScopeWhere } from '../../db/repositories/scope';
import { monitoringCampaignSchools, monitoringCampaigns } from '../../db/schema';
import type {
  CreateCampaignRequest,
  SaveCardRequest,
  SaveSelfRequest,
  UpdateCampaignRequest,
} from '../../shared/monitoring';
import { audit } from '../audit';
import type { ServiceDeps } from '../deps';
import { requireScope } from '../guard';
import type { ScheduleService } from '../schedules';
import { canAssess, canReadSchool, canRespond, coversCampaign } from './access';
import { checkAnswers, missingRequired } from './answers';
import { canManage, reopenCampaign, reopenCard } from './reopen';
import { resolveTargets } from './targets';

export const EVENT_LABELS: Record<string, string> = {
  self_saved: 'Самоотчёт сохранён',
  self_submitted: 'Самоотчёт отправлен',
  self_returned: 'Самоотчёт возвращён на доработку',
  card_saved: 'Экспертная карта сохранена',
  card_final: 'Экспертная карта итоговая (закрыта)',
  card_reopened: 'Экспертная карта открыта заново',
  campaign_reopened: 'Мониторинг открыт заново',
};

export interface CampaignRecord {
  head: CampaignHead;
  schools: CampaignSchoolRecord[];
}

const nameOf = (actor: Actor) => actor.fullName;

export class CampaignService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly schedules: ScheduleService,
  ) {}

  async list(actor: Actor): Promise<CampaignRecord[]> {
    const scope = requireScope(actor, 'monitoring.read');
    const { db } = this.deps.database;
    const heads = await listCampaignHeads(
      db,
      orgScopeWhere(scope, monitoringCampaignSchools.orgId, monitoringCampaigns.municipalityId),
    );
    const schools = await listCampaignSchools(
      db,
      heads.map((h) => h.campaign.id),
    );
    return heads
      .map((head) => ({
        head,
        schools: schools.filter(
          (s) => s.cs.campaignId === head.campaign.id && canReadSchool(actor, s),
        ),
      }))
      .filter((c) => c.schools.length > 0 || coversCampaign(actor, c.head.campaign.municipalityId));
  }

  async get(actor: Actor, id: number): Promise<CampaignRecord> {
    requireScope(actor, 'monitoring.read');
    const { db } = this.deps.database;
    const head = await findCampaign(db, id);
    if (!head) throw notFound('Мониторинг');
    const schools = (await listCampaignSchools(db, [id])).filter((s) => canReadSchool(actor, s));
    if (!schools.length && !coversCampaign(actor, head.campaign.municipalityId))
      throw notFound('Мониторинг');
    return { head, schools };
  }

  async create(actor: Actor, input: CreateCampaignRequest): Promise<CampaignRecord> {
    const scope = requireScope(actor, 'monitoring.manage');
    if (!coversMunicipality(scope, input.municipalityId)) throw notFound('Муниципалитет');
    const id = await this.deps.database.transaction(async ({ db }) => {
      const version = await findVersion(db, input.templateVersionId);
      if (!version || version.template.municipalityId !== input.municipalityId)
        throw invalid('Версия шаблона не найдена в этом муниципалитете');
      if (!(await findAcademicYear(db, input.academicYearId)))
        throw invalid('Учебный год не найден');
      if (input.previousCampaignId) {
        const prev = await findCampaign(db, input.previousCampaignId);
        if (!prev || prev.campaign.municipalityId !== input.municipalityId)
          throw invalid('Предыдущий мониторинг не найден в этом муниципалитете');
      }
      if (input.regulationDocumentId) {
        const doc = await findDocument(db, input.regulationDocumentId);
        if (!doc || doc.doc.municipalityId !== input.municipalityId)
          throw invalid('Документ-регламент не найден в этом муниципалитете');
      }
      const targets = await resolveTargets(db, input);
      const campaign = await insertCampaign(db, {
        municipalityId: input.municipalityId,
        academicYearId: input.academicYearId,
        title: input.title,
        templateVersionId: input.templateVersionId,
        status: 'draft',
        regulation: input.regulation ?? null,
        regulationDocumentId: input.regulationDocumentId ?? null,
        startsOn: input.startsOn,
        selfReportDue: input.selfReportDue,
        expertDue: input.expertDue,
        previousCampaignId: input.previousCampaignId ?? null,
        createdBy: actor.system ? null : actor.userId,
      });
      await insertCampaignSchools(
        db,
        targets.map((t) => ({ campaignId: campaign.id, orgId: t.orgId, expertGroupId: t.groupId })),
      );
      await audit(db, actor, {
        action: 'create',
        entity: 'monitoring_campaign',
        entityId: campaign.id,
        municipalityId: campaign.municipalityId,
        orgId: null,
        summary: `Создан мониторинг «${campaign.title}»: ${targets.length} ОО, шаблон «${version.template.title}» (версия ${version.version.version})`,
        after: { ...input, schools: targets },
      });
      return campaign.id;
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: number, input: UpdateCampaignRequest): Promise<CampaignRecord> {
    const scope = requireScope(actor, 'monitoring.manage');
    await this.deps.database.transaction(async ({ db }) => {
      const head = await findCampaign(db, id);
      if (!head) throw notFound('Мониторинг');
      const c = head.campaign;
      if (!coversMunicipality(scope, c.municipalityId)) {
        if (!coversCampaign(actor, c.municipalityId)) throw notFound('Мониторинг');
        throw forbidden();
      }
      const status = c.status as CampaignStatus;
      if (
        input.status &&
        input.status !== status &&
        !CAMPAIGN_MOVES[status].includes(input.status)
      ) {
        throw invalid(
          `Мониторинг в статусе «${CAMPAIGN_STATUS_LABELS[status]}» нельзя перевести в «${CAMPAIGN_STATUS_LABELS[input.status]}»`,
        );
      }
      const next = {
        title: input.title ?? c.title,
        status: input.status ?? status,
        regulation: input.regulation ?? c.regulation,
        selfReportDue: input.selfReportDue ?? c.selfReportDue,
        expertDue: input.expertDue ?? c.expertDue,
      };
      if (!(c.startsOn <= next.selfReportDue && next.selfReportDue <= next.expertDue))
        throw invalid('Сроки: начало ≤ срок самоотчёта ≤ срок экспертизы');
      await updateCampaign(db, id, next);
      await audit(db, actor, {
        action: 'update',
        entity: 'monitoring_campaign',
        entityId: id,
        municipalityId: c.municipalityId,
        orgId: null,
        summary: `Изменён мониторинг «${next.title}»${next.status !== status ? `: ${CAMPAIGN_STATUS_LABELS[next.status]}` : ''}`,
        before: {
          title: c.title,
          status,
          regulation: c.regulation,
          selfReportDue: c.selfReportDue,
          expertDue: c.expertDue,
        },
        after: next,
      });
    });
    return this.get(actor, id);
  }

  /** One school of a campaign with everything the drill-down shows. */
  async getSchool(actor: Actor, id: number) {
    requireScope(actor, 'monitoring.read');
    const { db } = this.deps.database;
    const r = await findCampaignSchool(db, id);
    if (!r || !canReadSchool(actor, r)) throw notFound('ОО в мониторинге');
    const head = await findCampaign(db, r.cs.campaignId);
    if (!head) throw notFound('Мониторинг');
    const def = head.version.definition;
    const docIds = new Set<number>();
    for (const a of [...Object.values(r.cs.selfAnswers), ...Object.values(r.cs.cardAnswers)])
      for (const d of a.documentIds ?? []) docIds.add(d);
    const documents = [];
    for (const docId of docIds) {
      const d = await findDocument(db, docId);
      if (d && d.doc.orgId === r.cs.orgId) documents.push(d);
    }
    const check = await this.schedules.checkFor(db, r.cs.orgId, head.campaign.academicYearId);
    const status = head.campaign.status as CampaignStatus;
    const self = r.cs.selfStatus as SelfStatus;
    const card = r.cs.cardStatus as CardStatus;
    return {
      record: r,
      head,
      selfScore: scoreAnswers(def, r.cs.selfAnswers),
      cardScore: scoreAnswers(def, r.cs.cardAnswers),
      documents,
      schedule: check,
      history: await listEvents(db, id),
      can: {
        editSelf: canRespond(actor, r) && selfEditRefusal(status, self, card) === null,
        editCard: canAssess(actor, r) && cardEditRefusal(status, card) === null,
        returnSelf: canAssess(actor, r) && returnRefusal(status, self, card) === null,
        reopenCard: canManage(actor, r.municipalityId) && reopenCardRefusal(status, card) === null,
      },
    };
  }

  private async load(db: Db, actor: Actor, id: number, role: 'respond' | 'assess') {
    const r = await findCampaignSchool(db, id);
    if (!r) throw notFound('ОО в мониторинге');
    const allowed = role === 'respond' ? canRespond(actor, r) : canAssess(actor, r);
    if (!allowed) {
      requireScope(actor, role === 'respond' ? 'monitoring.respond' : 'monitoring.assess');
      if (!canReadSchool(actor, r)) throw notFound('ОО в мониторинге');
      throw forbidden(
        role === 'assess'
          ? 'Эта ОО назначена другой экспертной группе или это ваша собственная школа'
          : undefined,
      );
    }
    const head = await findCampaign(db, r.cs.campaignId);
    if (!head) throw notFound('Мониторинг');
    return { r, head };
  }

  async saveSelf(actor: Actor, id: number, input: SaveSelfRequest) {
    await this.deps.database.transaction(async ({ db }) => {
      const { r, head } = await this.load(db, actor, id, 'respond');
      const refusal = selfEditRefusal(
        head.campaign.status as CampaignStatus,
        r.cs.selfStatus as SelfStatus,
        r.cs.cardStatus as CardStatus,
      );
      if (refusal) throw invalid(refusal);
      await checkAnswers(db, head, r.cs.orgId, input.answers);
      if (input.submit) {
        const missing = missingRequired(head, input.answers);
        if (missing.length)
          throw invalid(`Не заполнены обязательные показатели: ${missing.join(', ')}`);
      }
      const percent = scoreAnswers(head.version.definition, input.answers).percent;
      const status: SelfStatus = input.submit
        ? 'submitted'
        : r.cs.selfStatus === 'returned'
          ? 'returned'
          : 'draft';
      await updateCampaignSchool(db, id, {
        selfAnswers: input.answers,
        selfPercent: percent,
        selfStatus: status,
        ...(input.submit ? { selfSubmittedAt: new Date() } : {}),
      });
      const action = input.submit ? 'self_submitted' : 'self_saved';
      await insertEvent(db, {
        campaignSchoolId: id,
        userId: actor.system ? null : actor.userId,
        userName: nameOf(actor),
        action,
        percent,
        snapshot: input.answers,
      });
      await audit(db, actor, {
        action: 'update',
        entity: 'monitoring_self_report',
        entityId: id,
        municipalityId: r.municipalityId,
        orgId: r.cs.orgId,
        summary: `${EVENT_LABELS[action]}: «${r.orgName}», мониторинг «${head.campaign.title}»`,
        before: { status: r.cs.selfStatus, percent: r.cs.selfPercent },
        after: { status, percent },
      });
    });
    return this.getSchool(actor, id);
  }

  async saveCard(actor: Actor, id: number, input: SaveCardRequest) {
    await this.deps.database.transaction(async ({ db }) => {
      const { r, head } = await this.load(db, actor, id, 'assess');
      const refusal = cardEditRefusal(
        head.campaign.status as CampaignStatus,
        r.cs.cardStatus as CardStatus,
      );
      if (refusal) throw invalid(refusal);
      await checkAnswers(db, head, r.cs.orgId, input.answers);
      if (input.finalize) {
        const missing = missingRequired(head, input.answers);
        if (missing.length)
          throw invalid(`Не оценены обязательные показатели: ${missing.join(', ')}`);
      }
      const percent = scoreAnswers(head.version.definition, input.answers).percent;
      const status: CardStatus = input.finalize ? 'final' : 'draft';
      await updateCampaignSchool(db, id, {
        cardAnswers: input.answers,
        cardPercent: percent,
        cardStatus: status,
        cardComment: input.comment ?? null,
        expertUserId: actor.system ? null : actor.userId,
        ...(input.finalize ? { cardFinalAt: new Date() } : {}),
      });
      const action = input.finalize ? 'card_final' : 'card_saved';
      await insertEvent(db, {
        campaignSchoolId: id,
        userId: actor.system ? null : actor.userId,
        userName: nameOf(actor),
        action,
        comment: input.comment ?? null,
        percent,
        snapshot: input.answers,
      });
      await audit(db, actor, {
        action: 'update',
        entity: 'monitoring_expert_card',
        entityId: id,
        municipalityId: r.municipalityId,
        orgId: r.cs.orgId,
        summary: `${EVENT_LABELS[action]}: «${r.orgName}», ${percent ?? '—'}%, мониторинг «${head.campaign.title}»`,
        before: { status: r.cs.cardStatus, percent: r.cs.cardPercent },
        after: { status, percent, comment: input.comment ?? null },
      });
    });
    return this.getSchool(actor, id);
  }

  async returnSelf(actor: Actor, id: number, comment: string) {
    await this.deps.database.transaction(async ({ db }) => {
      const { r, head } = await this.load(db, actor, id, 'assess');
      const refusal = returnRefusal(
        head.campaign.status as CampaignStatus,
        r.cs.selfStatus as SelfStatus,
        r.cs.cardStatus as CardStatus,
      );
      if (refusal) throw invalid(refusal);
      await updateCampaignSchool(db, id, { selfStatus: 'returned', returnComment: comment });
      await insertEvent(db, {
        campaignSchoolId: id,
        userId: actor.system ? null : actor.userId,
        userName: nameOf(actor),
        action: 'self_returned',
        comment,
      });
      await audit(db, actor, {
        action: 'update',
        entity: 'monitoring_self_report',
        entityId: id,
        municipalityId: r.municipalityId,
        orgId: r.cs.orgId,
        summary: `Самоотчёт «${r.orgName}» возвращён на доработку: ${comment}`,
        before: { status: r.cs.selfStatus },
        after: { status: 'returned', comment },
      });
    });
    return this.getSchool(actor, id);
  }

  /** District staff reopen a final card (reason required, kept in history and audit). */
  async reopenCard(actor: Actor, id: number, reason: string) {
    await this.deps.database.transaction(({ db }) => reopenCard(db, actor, id, reason));
    return this.getSchool(actor, id);
  }

  /** District staff reopen a closed campaign (reason required, kept in history and audit). */
  async reopenCampaign(actor: Actor, id: number, reason: string): Promise<CampaignRecord> {
    await this.deps.database.transaction(({ db }) => reopenCampaign(db, actor, id, reason));
    return this.get(actor, id);
  }
}
