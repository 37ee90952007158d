import type { IndicatorId } from '../analytics/indicators/result';

/**
 * Recommendations of the analytical report, derived from the signs found: what to do, who is
 * responsible (roles and organisations, never named teachers) and by when (dates in the coming
 * school year, counted from the report date). Pure.
 */

export interface SchoolSigns {
  /** School name as shown in the report. */
  name: string;
  /** Statistically significant after the FDR control (the risk list). */
  flagged: boolean;
  /** On the wider support list (weak signs). */
  supportList: boolean;
  /** Indicators with nominal p ≤ 0.05 and where they fired. */
  signs: { indicator: IndicatorId; subject: string; grade: number }[];
}

export interface Recommendation {
  text: string;
  responsible: string;
  /** ISO date. */
  deadline: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The last day of the month `months` after the month of `today` (ISO date). */
export function monthEnd(today: string, months: number): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(last)}`;
}

/** The year of the next spring ВПР period (March–May) after `today`. */
export function nextVprYear(today: string): number {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return m <= 2 ? y : y + 1;
}

const has = (s: SchoolSigns, ...ids: IndicatorId[]) =>
  s.signs.some((x) => ids.includes(x.indicator));

/** «математика — 4, 7 кл.; русский язык — 5 кл.»: the tests of some signs, grouped by subject. */
export function testsText(signs: readonly { subject: string; grade: number }[]): string {
  const bySubject = new Map<string, Set<number>>();
  for (const s of signs) {
    const subject = s.subject.toLowerCase();
    bySubject.set(subject, (bySubject.get(subject) ?? new Set()).add(s.grade));
  }
  return [...bySubject]
    .map(([subject, grades]) => `${subject} — ${[...grades].sort((a, b) => a - b).join(', ')} кл.`)
    .join('; ');
}

/** «Школа № 5 (математика — 4 кл.; русский язык — 5 кл.)» for the signs of the given kinds. */
function where(s: SchoolSigns, ids: IndicatorId[]): string {
  const tests = testsText(s.signs.filter((x) => ids.includes(x.indicator)));
  return tests ? `${s.name} (${tests})` : s.name;
}

const list = (schools: SchoolSigns[], ids: IndicatorId[]) =>
  schools.map((s) => where(s, ids)).join(', ');

const UO = 'Отдел образования администрации района';
const IMC = 'ИМЦ района (методисты по предметам)';
const COKO = 'ЦОКО района (муниципальный координатор ВПР)';

/** District recommendations for the schools of the report. */
export function districtRecommendations(
  schools: SchoolSigns[],
  year: number,
  today: string,
): Recommendation[] {
  const v = nextVprYear(today);
  const flagged = schools.filter((s) => s.flagged);
  const support = schools.filter((s) => !s.flagged && s.supportList);
  const of = (...ids: IndicatorId[]) => flagged.filter((s) => has(s, ...ids));
  const out: Recommendation[] = [
    {
      text: `Рассмотреть справку на совещании руководителей ОО; направить ОО с признаками необъективности их результаты анализа ВПР ${year} с предложением представить пояснения.`,
      responsible: UO,
      deadline: monthEnd(today, 1),
    },
  ];
  if (flagged.length)
    out.push({
      text: `Направить на ВПР ${v} независимых общественных наблюдателей из других ОО в ОО: ${flagged.map((s) => s.name).join(', ')}.`,
      responsible: `${UO}; ${COKO}`,
      deadline: `${v}-03-01`,
    });
  const lenient = of('cutExcess');
  if (lenient.length) {
    out.push({
      text: `Организовать муниципальную перепроверку работ ВПР ${year} предметными комиссиями: ${list(lenient, ['cutExcess'])}.`,
      responsible: `${COKO}; ${IMC}`,
      deadline: monthEnd(today, 2),
    });
    out.push({
      text: 'Провести для учителей семинар по критериям оценивания заданий ВПР (работы на границах отметок).',
      responsible: IMC,
      deadline: monthEnd(today, 2),
    });
  }
  const helped = of('misfit', 'itemProfile');
  if (helped.length)
    out.push({
      text: `Обеспечить на ВПР ${v} проверку работ муниципальной комиссией (не учителями ОО) и соблюдение порядка проведения в аудиториях: ${list(helped, ['misfit', 'itemProfile'])}.`,
      responsible: `${COKO}; администрация ОО`,
      deadline: `${v}-05-31`,
    });
  const journal = of('concordance');
  if (journal.length)
    out.push({
      text: `Проанализировать систему текущего оценивания (положение о ВСОКО, соответствие отметок журнала результатам ВПР), провести собеседование с администрацией: ${list(journal, ['concordance'])}.`,
      responsible: `${IMC}; администрация ОО`,
      deadline: monthEnd(today, 3),
    });
  const changed = of('yearChange', 'observerGap');
  if (changed.length)
    out.push({
      text: `Сопоставить условия проведения ВПР по годам (наблюдатели, состав участников, смена учителя): ${list(changed, ['yearChange', 'observerGap'])}.`,
      responsible: `${IMC}; администрация ОО`,
      deadline: monthEnd(today, 2),
    });
  if (support.length)
    out.push({
      text: `Включить ОО со слабыми признаками (список поддержки) в выборочный контроль проведения ВПР ${v}: ${support.map((s) => s.name).join(', ')}.`,
      responsible: UO,
      deadline: `${v}-03-01`,
    });
  out.push({
    text: `Повторить анализ объективности по результатам ВПР ${v} и сравнить с настоящей справкой.`,
    responsible: `${COKO}; ${IMC}`,
    deadline: `${v}-06-30`,
  });
  return out;
}

const DIRECTOR = 'Директор ОО';
const DEPUTY = 'Заместитель директора по УВР';
const SMO = 'Руководители ШМО';

/** Recommendations for one school from its own signs. */
export function schoolRecommendations(
  school: SchoolSigns,
  year: number,
  today: string,
): Recommendation[] {
  const v = nextVprYear(today);
  const tests = (...ids: IndicatorId[]) =>
    testsText(school.signs.filter((x) => ids.includes(x.indicator)));
  const out: Recommendation[] = [
    {
      text: `Рассмотреть справку на педагогическом совете (совещании при директоре)${school.flagged ? '; при несогласии с выводами представить в отдел образования пояснения' : ''}.`,
      responsible: DIRECTOR,
      deadline: monthEnd(today, 1),
    },
  ];
  if (school.flagged)
    out.push({
      text: `Обеспечить присутствие независимых наблюдателей на всех ВПР ${v} в ОО.`,
      responsible: `${DIRECTOR}; отдел образования администрации района`,
      deadline: `${v}-03-01`,
    });
  if (has(school, 'cutExcess'))
    out.push({
      text: `Разобрать на ШМО критерии оценивания заданий ВПР и организовать перекрёстную проверку работ учителями, не работающими в классе: ${tests('cutExcess')}.`,
      responsible: `${DEPUTY}; ${SMO}`,
      deadline: monthEnd(today, 2),
    });
  if (has(school, 'misfit', 'itemProfile'))
    out.push({
      text: `Обеспечить соблюдение порядка проведения ВПР ${v}: рассадка, отсутствие подсказок, в аудитории не работает учитель, ведущий предмет в этом классе (${tests('misfit', 'itemProfile')}).`,
      responsible: DEPUTY,
      deadline: `${v}-03-01`,
    });
  if (has(school, 'concordance'))
    out.push({
      text: `Сопоставить текущие и итоговые отметки с результатами ВПР, при необходимости скорректировать положение о ВСОКО (${tests('concordance')}).`,
      responsible: `${DEPUTY}; ${SMO}`,
      deadline: monthEnd(today, 3),
    });
  if (has(school, 'yearChange', 'observerGap'))
    out.push({
      text: `Проанализировать условия проведения ВПР в разные годы — наблюдатели, состав участников, смена учителя (${tests('yearChange', 'observerGap')}).`,
      responsible: DEPUTY,
      deadline: monthEnd(today, 2),
    });
  if (!school.flagged && !school.signs.length)
    out.push({
      text: `Сохранить действующий порядок проведения и проверки ВПР; результаты ВПР ${v} использовать для корректировки рабочих программ.`,
      responsible: `${DEPUTY}; ${SMO}`,
      deadline: `${v}-06-30`,
    });
  return out;
}
