/**
 * School subjects as used by ВПР, ОГЭ/ЕГЭ and journals. `code` is our stable key; `fisCode` is the
 * two-digit code used in ФИС ОКО / ГИА files where known (methodology.md §2.1 — an inference [I]).
 */
export interface SubjectDef {
  code: string;
  name: string;
  shortName: string;
  fisCode: string | null;
}

export const STANDARD_SUBJECTS: readonly SubjectDef[] = [
  { code: 'rus', name: 'Русский язык', shortName: 'РУ', fisCode: '01' },
  { code: 'math', name: 'Математика', shortName: 'МА', fisCode: '02' },
  { code: 'phys', name: 'Физика', shortName: 'ФИ', fisCode: '03' },
  { code: 'chem', name: 'Химия', shortName: 'ХИ', fisCode: '04' },
  { code: 'inf', name: 'Информатика', shortName: 'ИН', fisCode: '05' },
  { code: 'bio', name: 'Биология', shortName: 'БИ', fisCode: '06' },
  { code: 'hist', name: 'История', shortName: 'ИС', fisCode: '07' },
  { code: 'geo', name: 'География', shortName: 'ГЕ', fisCode: '08' },
  { code: 'eng', name: 'Английский язык', shortName: 'АЯ', fisCode: '09' },
  { code: 'ger', name: 'Немецкий язык', shortName: 'НЯ', fisCode: '10' },
  { code: 'fra', name: 'Французский язык', shortName: 'ФЯ', fisCode: '11' },
  { code: 'soc', name: 'Обществознание', shortName: 'ОБ', fisCode: '12' },
  { code: 'lit', name: 'Литература', shortName: 'ЛИ', fisCode: '18' },
  { code: 'world', name: 'Окружающий мир', shortName: 'ОМ', fisCode: '24' },
  { code: 'litread', name: 'Литературное чтение', shortName: 'ЛЧ', fisCode: null },
];

/** Finds a subject by its Russian name as written in file titles («Русский язык», «математика»). */
export function findSubjectByName(
  subjects: readonly SubjectDef[],
  raw: string,
): SubjectDef | undefined {
  const needle = raw.trim().toLowerCase().replace(/ё/g, 'е');
  return subjects.find((s) => s.name.toLowerCase().replace(/ё/g, 'е') === needle);
}
