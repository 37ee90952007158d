/** The plan of measures: levels and labels shared by the server and the web. Pure. */
export const PLAN_LEVELS = ['district', 'municipality', 'school'] as const;
export type PlanLevel = (typeof PLAN_LEVELS)[number];

export const PLAN_LEVEL_LABELS: Record<PlanLevel, string> = {
  district: 'район',
  municipality: 'муниципалитет',
  school: 'образовательная организация',
};

export const EVIDENCE_KINDS = ['file', 'link'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** Kinds of records an evidence link points to (other modules' records or any address). */
export const EVIDENCE_RECORD_KINDS = [
  'document',
  'report',
  'monitoring',
  'monitoring_report',
  'plan',
  'protocol',
  'url',
] as const;
export type EvidenceRecordKind = (typeof EVIDENCE_RECORD_KINDS)[number];

export const EVIDENCE_RECORD_LABELS: Record<EvidenceRecordKind, string> = {
  document: 'документ',
  report: 'отчёт, справка',
  monitoring: 'мониторинг',
  monitoring_report: 'аналитическая справка мониторинга',
  plan: 'план мероприятий',
  protocol: 'протокол',
  url: 'ссылка',
};

/**
 * Kinds that link a record of another module by id: a registry document, a monitoring campaign,
 * its аналитическая справка, another plan. The others are free addresses.
 */
export const RECORD_LINK_KINDS = ['document', 'monitoring', 'monitoring_report', 'plan'] as const;
export type RecordLinkKind = (typeof RECORD_LINK_KINDS)[number];

export const isRecordLinkKind = (k: string): k is RecordLinkKind =>
  (RECORD_LINK_KINDS as readonly string[]).includes(k);

/** Where a linked record opens in the application (page or file). */
export function recordUrl(kind: RecordLinkKind, id: number): string {
  switch (kind) {
    case 'document':
      return `/api/documents/${id}/file`;
    case 'monitoring':
      return `/monitoring/campaigns/${id}`;
    case 'monitoring_report':
      return `/api/monitoring/campaigns/${id}/report.docx`;
    case 'plan':
      return `/plans/${id}`;
  }
}

/** «1.1.», «11», null → how the number is shown in tables: as written, without a trailing dot. */
export const displayNumber = (n: string | null): string => (n ? n.replace(/\.$/, '') : '');
