/**
 * The targeted support programme for schools with signs of non-objective results, in the shape
 * of seed 001 (Frunzensky district, 2023): four sections — information work; control of
 * procedures (observers from other schools, cross-checking and re-checking); analysis of results;
 * methodological help — with the chosen schools' figures from the latest stored analysis run
 * filled in. Pure: the service loads the run and creates the plan.
 */
import { yearsText } from '../analytics/dossier';
import { formatTargetSchools } from '../plans/schools';
import type { ActivityDraft, SectionDraft } from '../plans/table';

/** One indicator that fired for a school (from the stored dossier's evidence). */
export interface ProgrammeEvidence {
  subject: string;
  grade: number;
  /** The class of a class-level indicator; null for the whole school. */
  className: string | null;
  indicator: string;
  /** Russian title of the indicator («Избыток работ у границ отметок»). */
  title: string;
  n: number;
  p: number;
}

/** A chosen school with its result in the latest run (null: no stored result for the year). */
export interface ProgrammeSchool {
  orgId: number;
  number: string | null;
  shortName: string;
  result: {
    flagged: boolean;
    supportList: boolean;
    yearsInRow: number;
    evidence: ProgrammeEvidence[];
  } | null;
}

/** Any school of the municipality that could send observers. */
export interface ObserverCandidate {
  orgId: number;
  number: string | null;
  shortName: string;
  /** Flagged or on the support list in the latest run. */
  flagged: boolean;
}

export interface ProgrammeInput {
  schools: ProgrammeSchool[];
  candidates: ObserverCandidate[];
  /** Calendar year of the analysed ВПР (spring); the programme covers the next school year. */
  resultsYear: number;
  /** First calendar year of the programme's school year (2025 = 2025/26). */
  startYear: number;
  /** The analysis run the figures come from. */
  runId: number | null;
  /** A person responsible for the analysis items, as plans write people («Иванова И.И.»). */
  responsible: string | null;
  observersPerSchool?: number;
}

export interface Programme {
  title: string;
  goals: string[];
  sections: SectionDraft[];
  activities: ActivityDraft[];
  /** orgId of each chosen school → the schools chosen to send observers to it. */
  observers: Map<number, ObserverCandidate[]>;
}

export const PROGRAMME_OBSERVERS_PER_SCHOOL = 2;

const schoolYear = (start: number) => `${start}/${start + 1}`;

/** «ОО № 8» or «ОО «Школа А»» for a school without a number. */
export function schoolRef(s: { number: string | null; shortName: string }): string {
  return s.number ? `ОО № ${s.number}` : `ОО «${s.shortName}»`;
}

/** «ОО №№ 8, 212» (numbers) plus any schools without a number by name. */
export function schoolsRef(list: readonly { number: string | null; shortName: string }[]): string {
  const numbered = formatTargetSchools(list.filter((s) => s.number).map((s) => s.number as string));
  const named = list.filter((s) => !s.number).map((s) => `«${s.shortName}»`);
  if (!named.length) return numbered;
  return numbered ? `${numbered}, ${named.join(', ')}` : `ОО ${named.join(', ')}`;
}

/** «Фамилия И.О.» from a full name; null when the name is not «Фамилия Имя Отчество». */
export function initialsOf(fullName: string): string | null {
  const [surname, name, patronymic] = fullName.trim().split(/\s+/);
  if (!surname || !name || !patronymic || !/^[А-ЯЁ]/u.test(surname)) return null;
  return `${surname} ${name[0]}.${patronymic[0]}.`;
}

const lowerFirst = (s: string) => (s ? s[0]!.toLowerCase() + s.slice(1) : s);

/** Subject → grades that fired, in order: «Русский язык (4, 5 классы)». */
export function subjectsText(evidence: readonly ProgrammeEvidence[]): string {
  const bySubject = new Map<string, Set<number>>();
  for (const e of evidence)
    bySubject.set(e.subject, (bySubject.get(e.subject) ?? new Set()).add(e.grade));
  return [...bySubject]
    .sort(([a], [b]) => a.localeCompare(b, 'ru'))
    .map(([subject, grades]) => {
      const g = [...grades].sort((a, b) => a - b);
      return `${subject} (${g.join(', ')} ${g.length === 1 ? 'класс' : 'классы'})`;
    })
    .join('; ');
}

/** The school's figures: per subject and grade the indicators with n, then years in a row. */
export function figuresText(s: ProgrammeSchool, resultsYear: number): string {
  const r = s.result;
  if (!r) return `по ВПР ${resultsYear} года результатов анализа нет`;
  if (!r.evidence.length) return `по ВПР ${resultsYear} года статистических признаков не выявлено`;
  const units = new Map<string, ProgrammeEvidence[]>();
  for (const e of r.evidence) {
    const key = `${e.subject}\u0000${e.grade}`;
    units.set(key, [...(units.get(key) ?? []), e]);
  }
  const parts = [...units.values()]
    .sort((a, b) => a[0]!.subject.localeCompare(b[0]!.subject, 'ru') || a[0]!.grade - b[0]!.grade)
    .map((list) => {
      const head = `${list[0]!.subject}, ${list[0]!.grade} класс`;
      const inds = list
        .map(
          (e) =>
            `${lowerFirst(e.title)}${e.className ? ` в классе ${e.className}` : ''} (n = ${e.n})`,
        )
        .join(', ');
      return `${head} — ${inds}`;
    });
  const row = r.yearsInRow > 1 ? `; признаки ${yearsText(r.yearsInRow)} подряд` : '';
  return `ВПР ${resultsYear}: ${parts.join('; ')}${row}`;
}

/**
 * Observers for each chosen school: never the school itself nor another chosen school; schools
 * without flags first, then flagged ones only when nothing else is left; the load spread evenly
 * (least used first, then by number). Deterministic.
 */
export function chooseObservers(
  chosen: readonly { orgId: number }[],
  candidates: readonly ObserverCandidate[],
  perSchool = PROGRAMME_OBSERVERS_PER_SCHOOL,
): Map<number, ObserverCandidate[]> {
  const chosenIds = new Set(chosen.map((s) => s.orgId));
  const pool = candidates.filter((c) => !chosenIds.has(c.orgId));
  const used = new Map<number, number>();
  const byNumber = (a: ObserverCandidate, b: ObserverCandidate) =>
    (Number(a.number) || Infinity) - (Number(b.number) || Infinity) ||
    a.shortName.localeCompare(b.shortName, 'ru');
  const out = new Map<number, ObserverCandidate[]>();
  for (const school of chosen) {
    const ranked = pool
      .filter((c) => c.orgId !== school.orgId)
      .sort(
        (a, b) =>
          Number(a.flagged) - Number(b.flagged) ||
          (used.get(a.orgId) ?? 0) - (used.get(b.orgId) ?? 0) ||
          byNumber(a, b),
      );
    const picked = ranked.slice(0, perSchool);
    for (const p of picked) used.set(p.orgId, (used.get(p.orgId) ?? 0) + 1);
    out.set(school.orgId, picked);
  }
  return out;
}

interface Row {
  text: string;
  deadline: string;
  result: string;
  executors: string;
  participants?: string;
}

/** Builds the programme: title, goals, the four sections and their numbered activities. */
export function buildSupportProgramme(input: ProgrammeInput): Programme {
  const { schools, resultsYear, startYear } = input;
  if (!schools.length) throw new Error('no schools for the programme');
  const end = startYear + 1;
  const all = schoolsRef(schools);
  const past = schoolYear(resultsYear - 1);
  const person = input.responsible ? `, ${input.responsible}` : '';
  const observers = chooseObservers(
    schools,
    input.candidates,
    input.observersPerSchool ?? PROGRAMME_OBSERVERS_PER_SCHOOL,
  );
  const fired = (s: ProgrammeSchool) => s.result?.evidence ?? [];
  const subjectsOf = (s: ProgrammeSchool) => subjectsText(fired(s)) || 'по всем предметам';

  const sections: { title: string; rows: Row[] }[] = [
    {
      title: `Проведение информационно-разъяснительной работы, выявление причин необъективности результатов оценочных процедур за ${past} учебный год в ${all} и формирование позитивного отношения к оценочным процедурам`,
      rows: [
        {
          text: `Совещание заместителей директоров по УВР ${all} по итогам оценочных процедур ${past} учебного года`,
          deadline: `сентябрь ${startYear}`,
          result: 'Проведение информационно-разъяснительной работы',
          executors: 'АР, ИМЦ, ЦОКО',
        },
        ...schools.map((s) => ({
          text: `Собеседование с администрацией ${schoolRef(s)} о причинах признаков необъективности результатов: ${figuresText(s, resultsYear)}`,
          deadline: `октябрь ${startYear}`,
          result: 'Пояснения ОО о причинах. Протокол собеседования',
          executors: `ИМЦ, ЦОКО${person}, ОО`,
        })),
        {
          text: `Проведение методических мероприятий для педагогических работников ${all} по разбору типичных ошибок и критериям оценивания ВПР с целью формирования позитивного отношения к оценочным процедурам`,
          deadline: 'в течение года',
          result: 'Проведение информационно-разъяснительной работы',
          executors: 'ИМЦ, РМО',
        },
        {
          text: `Размещение на официальных сайтах ${all} информации об организации и проведении оценочных процедур`,
          deadline: 'в течение года',
          result:
            'Формирование позитивного отношения к ВПР как средству объективной оценки образовательных достижений обучающихся',
          executors: 'ИМЦ, ЦОКО, ОО',
        },
        {
          text: `Проведение консультаций с ответственными в ${all} по вопросам организации общественного наблюдения`,
          deadline: 'в течение года',
          result: 'Проведение информационно-разъяснительной работы',
          executors: 'ИМЦ, ЦОКО, ОО',
        },
        {
          text: `Организация горячей линии для ${all} в период подготовки, организации и проведения ВПР`,
          deadline: `март-май ${end}`,
          result:
            'Проведение информационно-разъяснительной работы по организации оценочных процедур',
          executors: 'ИМЦ, ЦОКО',
        },
      ],
    },
    {
      title: 'Контроль за организацией и проведением процедур оценки качества образования',
      rows: [
        {
          text: `Организация общественного наблюдения при проведении ВПР в ${all}, демонстрирующих признаки необъективности`,
          deadline: 'согласно графику наблюдения',
          result: 'Акты общественного наблюдения. Обеспечение объективного проведения ВПР',
          executors: 'АР, ИМЦ, ЦОКО, ОО',
        },
        ...schools.map((s) => {
          const from = observers.get(s.orgId) ?? [];
          return {
            text: `Привлечение специалистов из других ОО для наблюдения за проведением ВПР в ${schoolRef(s)}: ${subjectsOf(s)}`,
            deadline: 'согласно графику наблюдения',
            result: 'Списки и график работы общественных наблюдателей',
            executors: 'АР, ОО',
            participants: from.length
              ? `Наблюдатели из других школ: ${from.map((o) => (o.number ? `№ ${o.number}` : `«${o.shortName}»`)).join(', ')}`
              : 'Наблюдатели из других школ района',
          };
        }),
        ...schools.map((s) => ({
          text: `Организация перекрестной проверки и перепроверки работ ВПР в ${schoolRef(s)}: ${subjectsOf(s)}`,
          deadline: 'согласно графику оценочных процедур',
          result: 'Протоколы, отчёты о перепроверке. Обеспечение объективности результатов ВПР',
          executors: 'ЦОКО, РМО, ОО',
        })),
      ],
    },
    {
      title:
        'Выявление образовательных дефицитов, необъективных результатов и планирование работы в ОО',
      rows: [
        {
          text: `Анализ индивидуальных результатов обучающихся по параллелям в ${all}`,
          deadline: `август ${end}`,
          result: 'Аналитическая справка',
          executors: `ЦОКО${person}, ОО`,
        },
        {
          text: `Корреляция результатов внешних оценочных процедур (ВПР, ОГЭ, ЕГЭ) с результатами внутренних оценочных процедур ${all} (промежуточная и итоговая аттестация) у одних и тех же обучающихся`,
          deadline: `август ${end}`,
          result: 'Отчёт',
          executors: `ЦОКО${person}`,
        },
        ...schools.map((s) => ({
          text: `Анализ результатов ВПР в ${schoolRef(s)} в динамике: ${figuresText(s, resultsYear)}`,
          deadline: `август ${end}`,
          result: 'Аналитическая справка',
          executors: `ЦОКО${person}`,
        })),
        {
          text: `Сбор и анализ актов общественного наблюдения при проведении ВПР в ${all}`,
          deadline: `май ${end}`,
          result: 'Аналитическая справка',
          executors: 'ЦОКО',
        },
        {
          text: `Сбор и анализ результатов перепроверки ВПР в ${all}`,
          deadline: `июнь ${end}`,
          result:
            'Аналитическая справка об итогах перепроверки. Выявление проблем у педагогов ОО с критериальным оцениванием',
          executors: 'ЦОКО',
        },
      ],
    },
    {
      title:
        'Проведение методической профилактической работы по предупреждению необъективности образовательных результатов',
      rows: [
        ...subjectsHelp(schools),
        {
          text: `Оказание адресной консультативной методической помощи молодым педагогам ${all} по вопросам проведения и оценивания проверочных работ`,
          deadline: 'по плану работы РМО',
          result: 'Развитие профессиональной компетентности в области объективного оценивания ВПР',
          executors: 'ИМЦ, РМО, ОО',
        },
        {
          text: `Оказание адресной консультативной методической помощи директорам и заместителям директоров по УВР ${all} по вопросам управления качеством образования на основе результатов оценочных процедур`,
          deadline: 'в течение года',
          result:
            'Развитие профессиональной компетентности в области обеспечения объективности оценочных процедур, использования результатов для принятия управленческих решений',
          executors: 'АР, ИМЦ, ЦОКО, ОО',
        },
        {
          text: `Составление индивидуальных планов повышения квалификации для педагогов ${all}`,
          deadline: `декабрь ${startYear}`,
          result: 'Индивидуальные образовательные маршруты',
          executors: 'ИМЦ, ОО',
        },
        {
          text: `Мониторинг индивидуальных планов повышения квалификации для педагогов ${all}`,
          deadline: 'в течение года',
          result: 'Экран с результатами мониторинга',
          executors: 'ИМЦ, ЦОКО, ОО',
        },
      ],
    },
  ];

  const activities: ActivityDraft[] = [];
  sections.forEach((section, si) =>
    section.rows.forEach((row, ri) =>
      activities.push({
        number: `${si + 1}.${ri + 1}`,
        text: row.text,
        deadline: row.deadline,
        result: row.result,
        executors: row.executors,
        participants: row.participants ?? '',
        sectionIndex: si,
        taskIndex: null,
        parentIndex: null,
      }),
    ),
  );
  const flaggedCount = schools.filter((s) => s.result?.flagged || s.result?.supportList).length;
  return {
    title: `Программа профилактических мер по адресному сопровождению образовательных организаций, демонстрирующих признаки необъективного проведения оценочных процедур (${all}), на ${schoolYear(startYear)} учебный год`,
    goals: [
      `Адресное сопровождение ${all} по итогам анализа объективности результатов ВПР ${resultsYear} года${input.runId !== null ? ` (запуск анализа № ${input.runId})` : ''}: ОО с признаками необъективности — ${flaggedCount} из ${schools.length}.`,
      'Обеспечение объективности проведения и проверки оценочных процедур, формирование позитивного отношения к ним.',
    ],
    sections: sections.map((s, i) => ({ number: String(i + 1), title: s.title })),
    activities,
    observers,
  };
}

/** Methodological help per subject that fired, naming the grades and schools concerned. */
function subjectsHelp(schools: readonly ProgrammeSchool[]): Row[] {
  const bySubject = new Map<string, { grades: Set<number>; schools: ProgrammeSchool[] }>();
  for (const s of schools) {
    for (const e of s.result?.evidence ?? []) {
      const entry = bySubject.get(e.subject) ?? { grades: new Set(), schools: [] };
      entry.grades.add(e.grade);
      if (!entry.schools.includes(s)) entry.schools.push(s);
      bySubject.set(e.subject, entry);
    }
  }
  const rows: Row[] = [...bySubject]
    .sort(([a], [b]) => a.localeCompare(b, 'ru'))
    .map(([subject, { grades, schools: list }]) => {
      const g = [...grades].sort((a, b) => a - b);
      return {
        text: `Оказание адресной консультативной методической помощи педагогам по критериям оценивания ВПР по предмету «${subject}» (${g.join(', ')} ${g.length === 1 ? 'класс' : 'классы'}) в ${schoolsRef(list)}`,
        deadline: 'по плану работы РМО',
        result: 'Развитие профессиональной компетентности в области объективного оценивания ВПР',
        executors: 'ИМЦ, РМО, ОО',
      };
    });
  if (rows.length) return rows;
  return [
    {
      text: `Оказание адресной консультативной методической помощи педагогам по критериям оценивания ВПР в ${schoolsRef(schools)}`,
      deadline: 'по плану работы РМО',
      result: 'Развитие профессиональной компетентности в области объективного оценивания ВПР',
      executors: 'ИМЦ, РМО, ОО',
    },
  ];
}
