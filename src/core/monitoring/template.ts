/**
 * Monitoring templates: questionnaires, checklists and expert cards made of sections and
 * indicators. A template's definition never changes once used: an edit makes a new version,
 * and every campaign keeps the version it was run with. Pure: no I/O.
 */
export const TEMPLATE_PURPOSES = ['questionnaire', 'checklist', 'expert_card'] as const;
export type TemplatePurpose = (typeof TEMPLATE_PURPOSES)[number];
export const TEMPLATE_PURPOSE_LABELS: Record<TemplatePurpose, string> = {
  questionnaire: 'Анкета',
  checklist: 'Чек-лист',
  expert_card: 'Экспертная карта',
};

export const INDICATOR_TYPES = ['yes_no', 'scale', 'number', 'text', 'evidence'] as const;
export type IndicatorType = (typeof INDICATOR_TYPES)[number];
export const INDICATOR_TYPE_LABELS: Record<IndicatorType, string> = {
  yes_no: 'Да / нет',
  scale: 'Шкала 0…N',
  number: 'Число',
  text: 'Текст',
  evidence: 'Документ или ссылка',
};

export const EVIDENCE_MODES = ['none', 'optional', 'required'] as const;
export type EvidenceMode = (typeof EVIDENCE_MODES)[number];

export interface Indicator {
  /** Stable key inside the template; the same key in a later version means the same indicator. */
  key: string;
  title: string;
  type: IndicatorType;
  /** Weight in the score; 0 leaves the indicator out of the score. */
  weight: number;
  required: boolean;
  hint?: string | undefined;
  /** For `scale`: the top of the scale (0…scaleMax). */
  scaleMax?: number | undefined;
  /** For `number`: the value meets the indicator when it lies in [min, max]. */
  target?: { min?: number | undefined; max?: number | undefined } | undefined;
  /** Evidence (a registry document or a link) that confirms the answer. */
  evidence: EvidenceMode;
}

export interface Section {
  key: string;
  title: string;
  indicators: Indicator[];
}

export interface TemplateDefinition {
  sections: Section[];
}

const KEY = /^[a-z0-9_.-]{1,64}$/;

/** Problems with a definition, in Russian; empty when it can be saved. */
export function validateDefinition(def: TemplateDefinition): string[] {
  const errors: string[] = [];
  if (!def.sections.length) errors.push('В шаблоне нет ни одного раздела');
  const keys = new Set<string>();
  const sectionKeys = new Set<string>();
  let indicators = 0;
  for (const [si, s] of def.sections.entries()) {
    const where = `Раздел ${si + 1} «${s.title}»`;
    if (!s.title.trim()) errors.push(`Раздел ${si + 1}: нет названия`);
    if (!KEY.test(s.key)) errors.push(`${where}: ключ «${s.key}» — латинские буквы, цифры, _ . -`);
    if (sectionKeys.has(s.key)) errors.push(`${where}: ключ «${s.key}» повторяется`);
    sectionKeys.add(s.key);
    if (!s.indicators.length) errors.push(`${where}: нет показателей`);
    for (const [ii, ind] of s.indicators.entries()) {
      indicators++;
      const at = `${where}, показатель ${ii + 1} «${ind.title}»`;
      if (!ind.title.trim()) errors.push(`${where}, показатель ${ii + 1}: нет названия`);
      if (!KEY.test(ind.key))
        errors.push(`${at}: ключ «${ind.key}» — латинские буквы, цифры, _ . -`);
      if (keys.has(ind.key)) errors.push(`${at}: ключ «${ind.key}» повторяется`);
      keys.add(ind.key);
      if (!(ind.weight >= 0 && ind.weight <= 100)) errors.push(`${at}: вес от 0 до 100`);
      if (ind.type === 'scale' && !(Number.isInteger(ind.scaleMax) && (ind.scaleMax ?? 0) >= 1))
        errors.push(`${at}: для шкалы укажите максимум (целое ≥ 1)`);
      if (ind.type === 'number' && ind.target) {
        const { min, max } = ind.target;
        if (min !== undefined && max !== undefined && min > max)
          errors.push(`${at}: минимум цели больше максимума`);
      }
      if (ind.type === 'evidence' && ind.evidence === 'none')
        errors.push(`${at}: показатель-документ не может быть без подтверждения`);
    }
  }
  if (def.sections.length && !indicators) errors.push('В шаблоне нет ни одного показателя');
  return errors;
}

/** Indicators in order, with their section. */
export function indicatorsOf(
  def: TemplateDefinition,
): { section: Section; indicator: Indicator }[] {
  return def.sections.flatMap((section) =>
    section.indicators.map((indicator) => ({ section, indicator })),
  );
}
