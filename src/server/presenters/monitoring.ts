import { TEMPLATE_PURPOSE_LABELS, type TemplatePurpose } from '../../core/monitoring/template';
import {
  CAMPAIGN_STATUS_LABELS,
  type CampaignStatus,
  type CardStatus,
  type SelfStatus,
} from '../../core/monitoring/workflow';
import type { TemplateVersionRow, TemplateRow } from '../../db/repositories/monitoring';
import type { CampaignRecord } from '../../services/monitoring/campaigns';
import { EVENT_LABELS, type CampaignService } from '../../services/monitoring/campaigns';
import type { MonitoringScreenService } from '../../services/monitoring/screen';
import { DOCUMENT_KIND_LABELS, DOCUMENT_KINDS, type DocumentKind } from '../../shared/documents';
import type {
  CampaignSchoolView,
  CampaignView,
  ScreenView,
  TemplateView,
} from '../../shared/monitoring';

export function presentTemplate(r: {
  template: TemplateRow;
  versions: {
    version: TemplateVersionRow;
    createdByName: string | null;
    usedByCampaigns: number | null;
  }[];
  latest: TemplateVersionRow;
}): TemplateView {
  return {
    id: r.template.id,
    municipalityId: r.template.municipalityId,
    code: r.template.code,
    title: r.template.title,
    purpose: r.template.purpose as TemplatePurpose,
    purposeLabel: TEMPLATE_PURPOSE_LABELS[r.template.purpose as TemplatePurpose],
    description: r.template.description,
    versions: r.versions.map((v) => ({
      id: v.version.id,
      version: v.version.version,
      note: v.version.note,
      createdAt: v.version.createdAt.toISOString(),
      createdByName: v.createdByName,
      usedByCampaigns: Number(v.usedByCampaigns ?? 0),
    })),
    latest: { id: r.latest.id, version: r.latest.version, definition: r.latest.definition },
  };
}

export function presentCampaign(r: CampaignRecord): CampaignView {
  const c = r.head.campaign;
  return {
    id: c.id,
    municipalityId: c.municipalityId,
    academicYearId: c.academicYearId,
    academicYearName: r.head.academicYearName,
    title: c.title,
    status: c.status as CampaignStatus,
    statusLabel: CAMPAIGN_STATUS_LABELS[c.status as CampaignStatus],
    regulation: c.regulation,
    regulationDocumentId: c.regulationDocumentId,
    startsOn: c.startsOn,
    selfReportDue: c.selfReportDue,
    expertDue: c.expertDue,
    previousCampaignId: c.previousCampaignId,
    templateId: r.head.template.id,
    templateVersionId: r.head.version.id,
    templateTitle: r.head.template.title,
    templateVersion: r.head.version.version,
    schools: r.schools.map((s) => ({
      campaignSchoolId: s.cs.id,
      orgId: s.cs.orgId,
      orgName: s.orgName,
      expertGroupId: s.cs.expertGroupId,
      expertGroupName: s.expertGroupName,
      selfStatus: s.cs.selfStatus as SelfStatus,
      cardStatus: s.cs.cardStatus as CardStatus,
      selfPercent: s.cs.selfPercent,
      cardPercent: s.cs.cardPercent,
    })),
  };
}

const kindOf = (k: string): DocumentKind =>
  (DOCUMENT_KINDS as readonly string[]).includes(k) ? (k as DocumentKind) : 'other';

export function presentCampaignSchool(
  r: Awaited<ReturnType<CampaignService['getSchool']>>,
): CampaignSchoolView {
  const cs = r.record.cs;
  const c = r.head.campaign;
  return {
    id: cs.id,
    campaign: {
      id: c.id,
      title: c.title,
      status: c.status as CampaignStatus,
      academicYearName: r.head.academicYearName,
      selfReportDue: c.selfReportDue,
      expertDue: c.expertDue,
    },
    orgId: cs.orgId,
    orgName: r.record.orgName,
    expertGroupName: r.record.expertGroupName,
    templateTitle: r.head.template.title,
    templateVersion: r.head.version.version,
    definition: r.head.version.definition,
    self: {
      status: cs.selfStatus as SelfStatus,
      answers: cs.selfAnswers,
      submittedAt: cs.selfSubmittedAt?.toISOString() ?? null,
      returnComment: cs.returnComment,
      score: r.selfScore,
    },
    card: {
      status: cs.cardStatus as CardStatus,
      answers: cs.cardAnswers,
      comment: cs.cardComment,
      expertName: r.record.expertName,
      finalAt: cs.cardFinalAt?.toISOString() ?? null,
      score: r.cardScore,
    },
    documents: r.documents.map((d) => ({
      id: d.doc.id,
      title: d.doc.title,
      kindLabel: DOCUMENT_KIND_LABELS[kindOf(d.doc.kind)],
      fileName: d.doc.fileName,
      version: d.doc.version,
      isCurrent: d.doc.isCurrent,
    })),
    schedule: r.schedule
      ? {
          violations: r.schedule.violations.length,
          missing: r.schedule.missing.length,
          messages: [
            ...r.schedule.violations.map((v) => v.message),
            ...r.schedule.missing.map((m) => m.message),
          ].slice(0, 50),
        }
      : null,
    history: r.history.map((e) => ({
      at: e.at.toISOString(),
      userName: e.userName,
      action: e.action,
      actionLabel: EVENT_LABELS[e.action] ?? e.action,
      comment: e.comment,
      percent: e.percent,
    })),
    can: r.can,
  };
}

export function presentScreen(
  d: Awaited<ReturnType<MonitoringScreenService['screen']>>,
): ScreenView {
  const { schools: _schools, ...campaign } = presentCampaign({ head: d.head, schools: [] });
  return {
    campaign,
    previousTitle: d.previousTitle,
    indicators: d.indicators.map((i) => ({
      key: i.key,
      title: i.title,
      sectionTitle: i.sectionTitle,
      weight: i.weight,
      scored: i.scored,
    })),
    rows: d.rows.map((r) => ({
      campaignSchoolId: r.campaignSchoolId,
      orgId: r.orgId,
      orgName: r.orgName,
      selfStatus: r.selfStatus,
      cardStatus: r.cardStatus,
      source: r.source,
      percent: r.percent,
      level: r.level,
      selfPercent: r.selfPercent,
      expertPercent: r.expertPercent,
      previousPercent: r.previousPercent,
      delta: r.delta,
      requiredAnswered: r.requiredAnswered,
      requiredTotal: r.requiredTotal,
      cells: r.cells,
      scheduleViolations: r.scheduleViolations,
    })),
    totals: {
      schools: d.totals.schools,
      selfSubmitted: d.totals.selfSubmitted,
      cardsFinal: d.totals.cardsFinal,
      averagePercent: d.totals.averagePercent,
    },
  };
}
