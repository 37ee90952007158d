import type { Actor } from '../../core/access/actor';
import { isScorable, scoreAnswers, scoreLevel } from '../../core/monitoring/scoring';
import { buildScreen, previousScoreOf, type PreviousScore } from '../../core/monitoring/screen';
import { indicatorsOf } from '../../core/monitoring/template';
import {
  CAMPAIGN_STATUS_LABELS,
  type CampaignStatus,
  type CardStatus,
  type SelfStatus,
} from '../../core/monitoring/workflow';
import { notFound } from '../../core/errors';
import { findDocument } from '../../db/repositories/documents';
import { findCampaign, listCampaignSchools } from '../../db/repositories/monitoring';
import { findMunicipality } from '../../db/repositories/reference';
import { renderDocx } from '../../reports/docx/render';
import { buildMonitoringReport } from '../../reports/monitoring/report';
import { SOURCE_LABELS, type ScreenData } from '../../reports/monitoring/model';
import { renderXlsx, type Sheet } from '../../reports/xlsx/table';
import { SELF_STATUS_LABELS, CARD_STATUS_LABELS } from '../../core/monitoring/workflow';
import { audit } from '../audit';
import type { ServiceDeps } from '../deps';
import type { ScheduleService } from '../schedules';
import { canReadSchool } from './access';
import type { CampaignService } from './campaigns';

const average = (xs: (number | null)[]) => {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? Math.round((v.reduce((s, x) => s + x, 0) / v.length) * 10) / 10 : null;
};

export class MonitoringScreenService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly campaigns: CampaignService,
    private readonly schedules: ScheduleService,
  ) {}

  /** The screen of a campaign: only the schools the caller may see. */
  async screen(
    actor: Actor,
    id: number,
  ): Promise<ScreenData & { head: Awaited<ReturnType<CampaignService['get']>>['head'] }> {
    const { head, schools } = await this.campaigns.get(actor, id);
    const { db } = this.deps.database;
    const def = head.version.definition;
    const previous = new Map<number, PreviousScore>();
    let previousTitle: string | null = null;
    if (head.campaign.previousCampaignId) {
      const prev = await findCampaign(db, head.campaign.previousCampaignId);
      if (prev) {
        previousTitle = prev.campaign.title;
        for (const s of await listCampaignSchools(db, [prev.campaign.id])) {
          if (!canReadSchool(actor, s)) continue;
          previous.set(
            s.cs.orgId,
            previousScoreOf(prev.version.definition, s.cs.selfAnswers, s.cs.cardAnswers),
          );
        }
      }
    }
    const inputs = [];
    for (const s of schools) {
      const check = await this.schedules.checkFor(db, s.cs.orgId, head.campaign.academicYearId);
      inputs.push({
        campaignSchoolId: s.cs.id,
        orgId: s.cs.orgId,
        orgName: s.orgName,
        self: { status: s.cs.selfStatus as SelfStatus, answers: s.cs.selfAnswers },
        card: { status: s.cs.cardStatus as CardStatus, answers: s.cs.cardAnswers },
        scheduleViolations: check ? check.violations.length : null,
      });
    }
    const rows = buildScreen(def, inputs, previous).map((row) => {
      const s = schools.find((x) => x.cs.id === row.campaignSchoolId);
      const answers =
        row.source === 'expert'
          ? s?.cs.cardAnswers
          : row.source === 'self'
            ? s?.cs.selfAnswers
            : undefined;
      const sections = answers ? scoreAnswers(def, answers).sections : [];
      return {
        ...row,
        level: scoreLevel(row.percent),
        sectionPercents: Object.fromEntries(
          def.sections.map((sec) => [
            sec.key,
            sections.find((x) => x.key === sec.key)?.percent ?? null,
          ]),
        ),
      };
    });
    const municipality = await findMunicipality(db, head.campaign.municipalityId);
    const c = head.campaign;
    return {
      head,
      campaign: {
        id: c.id,
        title: c.title,
        statusLabel: CAMPAIGN_STATUS_LABELS[c.status as CampaignStatus],
        academicYearName: head.academicYearName,
        regulation: c.regulation,
        startsOn: c.startsOn,
        selfReportDue: c.selfReportDue,
        expertDue: c.expertDue,
        templateTitle: head.template.title,
        templateVersion: head.version.version,
      },
      municipalityName: municipality?.name ?? '',
      previousTitle,
      sections: def.sections.map((s) => ({ key: s.key, title: s.title })),
      indicators: indicatorsOf(def).map(({ section, indicator }) => ({
        key: indicator.key,
        title: indicator.title,
        sectionKey: section.key,
        sectionTitle: section.title,
        weight: indicator.weight,
        scored: isScorable(indicator),
      })),
      rows,
      totals: {
        schools: rows.length,
        selfSubmitted: rows.filter((r) => r.selfStatus === 'submitted').length,
        cardsFinal: rows.filter((r) => r.cardStatus === 'final').length,
        averagePercent: average(rows.map((r) => r.percent)),
        previousAverage: average(rows.map((r) => r.previousPercent)),
      },
    };
  }

  async xlsx(actor: Actor, id: number): Promise<{ fileName: string; bytes: Buffer }> {
    const d = await this.screen(actor, id);
    type Row = (typeof d.rows)[number];
    const sheet: Sheet<Row> = {
      name: 'Мониторинг',
      title: [
        `Мониторинг «${d.campaign.title}», ${d.campaign.academicYearName}`,
        `Шаблон «${d.campaign.templateTitle}», версия ${d.campaign.templateVersion}. Ячейки показателей: доля выполнения, %.`,
      ],
      columns: [
        { header: 'ОО', width: 28, value: (r) => r.orgName },
        { header: 'Самоотчёт', width: 16, value: (r) => SELF_STATUS_LABELS[r.selfStatus] },
        { header: 'Экспертная карта', width: 16, value: (r) => CARD_STATUS_LABELS[r.cardStatus] },
        { header: 'Итог, %', value: (r) => r.percent },
        { header: 'Источник', value: (r) => SOURCE_LABELS[r.source] },
        { header: 'Самооценка, %', value: (r) => r.selfPercent },
        { header: 'Эксперт, %', value: (r) => r.expertPercent },
        { header: 'Предыдущий, %', value: (r) => r.previousPercent },
        { header: 'Изменение, п.п.', value: (r) => r.delta },
        { header: 'Нарушений в графике', value: (r) => r.scheduleViolations },
        ...d.indicators.map((ind) => ({
          header: ind.title,
          width: 14,
          value: (r: Row) => {
            const f = r.cells.find((c) => c.key === ind.key)?.fraction;
            return f === null || f === undefined ? null : Math.round(f * 1000) / 10;
          },
        })),
      ],
      rows: d.rows,
    };
    return {
      fileName: `monitoring-${id}.xlsx`,
      bytes: await renderXlsx([sheet as Sheet<unknown>]),
    };
  }

  async report(actor: Actor, id: number): Promise<{ fileName: string; bytes: Buffer }> {
    const d = await this.screen(actor, id);
    const today = this.deps.now().toISOString().slice(0, 10);
    const bytes = await renderDocx(buildMonitoringReport(d, actor.fullName, today));
    await this.deps.database.transaction(async ({ db }) => {
      await audit(db, actor, {
        action: 'export',
        entity: 'monitoring_report',
        entityId: id,
        municipalityId: d.head.campaign.municipalityId,
        orgId: null,
        summary: `Сформирована аналитическая справка по мониторингу «${d.campaign.title}» (${d.rows.length} ОО)`,
      });
    });
    return { fileName: `spravka-monitoring-${id}.docx`, bytes };
  }

  /**
   * The regulation document of a campaign, for everyone who may read the campaign (a school or an
   * expert cannot open a district body's registry, but must see the order they work under).
   */
  async regulation(actor: Actor, id: number) {
    const { head } = await this.campaigns.get(actor, id);
    const docId = head.campaign.regulationDocumentId;
    const found = docId ? await findDocument(this.deps.database.db, docId) : null;
    if (!found) throw notFound('Документ-регламент');
    return { doc: found.doc, stream: await this.deps.storage.open(found.doc.storageKey) };
  }
}
