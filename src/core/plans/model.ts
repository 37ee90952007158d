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
  'protocol',
  'url',
] as const;
export type EvidenceRecordKind = (typeof EVIDENCE_RECORD_KINDS)[number];

export const EVIDENCE_RECORD_LABELS: Record<EvidenceRecordKind, string> = {
  document: 'документ',
  report: 'отчёт, справка',
  monitoring: 'мониторинг',
  protocol: 'протокол',
  url: 'ссылка',
};

/** «1.1.», «11», null → how the number is shown in tables: as written, without a trailing dot. */
export const displayNumber = (n: string | null): string => (n ? n.replace(/\.$/, '') : '');
