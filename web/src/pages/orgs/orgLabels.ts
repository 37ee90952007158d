import {
  BODY_KINDS,
  ORG_KIND_LABELS,
  SCHOOL_KINDS,
  type OrgKind,
} from '../../../../src/core/registry/organisations';

const option = (k: OrgKind) => ({ value: k, label: ORG_KIND_LABELS[k] });

/** Kinds of organisations for a Select, grouped into schools and bodies. */
export const KIND_GROUPS = [
  { group: 'Образовательные организации', items: SCHOOL_KINDS.map(option) },
  { group: 'Органы управления и методические службы', items: BODY_KINDS.map(option) },
];

export const kindOptions = (category: string | null) =>
  category === 'school'
    ? KIND_GROUPS.slice(0, 1)
    : category === 'body'
      ? KIND_GROUPS.slice(1)
      : KIND_GROUPS;

export const SORT_OPTIONS = [
  { value: 'number', label: 'По номеру' },
  { value: 'name', label: 'По наименованию' },
  { value: 'updated', label: 'Недавно изменённые' },
];
