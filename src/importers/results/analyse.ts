import { findSubjectByName, type SubjectDef } from '../../core/registry/subjects';
import { issue, type ImportIssue } from '../../core/results/issues';
import { markFromScore } from '../../core/results/marks';
import { resolveStructure, type ResolvedStructure } from '../../core/results/resolve';
import type { Mark, Procedure, Session, TestDef, TestKey } from '../../core/results/types';
import { checkWorks, workTotal, type ParsedWork } from '../../core/results/works';
import type { ParsedResultsFile } from './types';

/** What the upload form or CLI options say about the test (each optional). */
export interface TestChoice {
  procedure?: Procedure | undefined;
  year?: number | undefined;
  session?: Session | undefined;
  subjectCode?: string | undefined;
  grade?: number | undefined;
  form?: string | undefined;
}

/**
 * The test a file belongs to: its title («ВПР 2024 Русский язык 5 класс») and the options
 * together. A title and an option that disagree refuse the file rather than pick one.
 */
export function detectTestKey(
  parsed: ParsedResultsFile,
  choice: TestChoice,
  subjects: readonly SubjectDef[],
): { key: TestKey | null; issues: ImportIssue[] } {
  const where = { file: parsed.file, sheet: parsed.sheet };
  const issues: ImportIssue[] = [];
  const t = parsed.title;
  let titleSubject: string | undefined;
  if (t) {
    const s = findSubjectByName(subjects, t.subjectName);
    if (s) titleSubject = s.code;
    else if (!choice.subjectCode)
      issues.push(
        issue(
          where,
          'error',
          `Предмет «${t.subjectName}» из заголовка файла не найден в справочнике предметов`,
        ),
      );
  }
  const pick = <T extends string | number>(
    label: string,
    fromTitle: T | undefined,
    fromChoice: T | undefined,
  ) => {
    if (fromTitle !== undefined && fromChoice !== undefined && fromTitle !== fromChoice) {
      issues.push(
        issue(
          where,
          'error',
          `${label}: в заголовке файла «${fromTitle}», в параметрах загрузки «${fromChoice}»`,
        ),
      );
    }
    return fromChoice ?? fromTitle;
  };
  const procedure = pick('Процедура', t?.procedure, choice.procedure);
  const year = pick('Год', t?.year, choice.year);
  const subjectCode = pick('Предмет', titleSubject, choice.subjectCode);
  const grade = pick('Класс (параллель)', t?.grade, choice.grade);
  const form = pick('Форма работы', t?.form || undefined, choice.form || undefined) ?? '';
  const missing = [
    !procedure && 'процедуру',
    !year && 'год',
    !subjectCode && 'предмет',
    !grade && 'параллель',
  ].filter(Boolean);
  if (missing.length) {
    issues.push(
      issue(
        where,
        'error',
        `В файле нет заголовка с названием работы: укажите ${missing.join(', ')} при загрузке`,
      ),
    );
  }
  if (issues.some((i) => i.severity === 'error') || !procedure || !year || !subjectCode || !grade) {
    return { key: null, issues };
  }
  return {
    key: { procedure, year, session: choice.session ?? 'spring', subjectCode, grade, form },
    issues,
  };
}

export interface SchoolSummary {
  /** ФИС ОКО login (`sch…`); null for a school form without a login in its name. */
  login: string | null;
  name: string | null;
  municipality: string | null;
  works: number;
  absent: number;
  classes: string[];
}

/** A work ready to be stored: total and mark settled, with where the mark came from. */
export interface ReadyWork extends ParsedWork {
  total: number | null;
  /** The file's mark, or the catalog scale's when the file has none (school form). */
  finalMark: Mark | null;
  markFromFile: boolean;
}

export interface ResultsAnalysis {
  structure: ResolvedStructure;
  works: ReadyWork[];
  schools: SchoolSummary[];
  issues: ImportIssue[];
  /** No errors: the file may be imported. */
  ok: boolean;
}

/**
 * Checks a parsed file against its test: structure and marks against the catalog, scores against
 * the task maxima, participant codes for duplicates, classes against the grade. Pure.
 */
export function analyseResults(
  parsed: ParsedResultsFile,
  key: TestKey,
  catalog: TestDef | null,
  testName: string,
): ResultsAnalysis {
  const where = { file: parsed.file, sheet: parsed.sheet };
  const structure = resolveStructure(
    where,
    catalog,
    {
      tasks: parsed.tasks,
      maxTotal: parsed.maxTotal,
      marks: parsed.works.flatMap((w) => {
        const total = workTotal(w);
        return w.mark !== null && total !== null
          ? [{ score: total, mark: w.mark, row: w.row }]
          : [];
      }),
    },
    testName,
  );
  const issues = [...parsed.issues, ...structure.issues];
  if (structure.tasks) {
    issues.push(
      ...checkWorks(where, parsed.works, structure.tasks, parsed.tasks, catalog?.cutScores ?? null),
    );
  }
  const wrongGrade = parsed.works.filter((w) => w.parallel !== null && w.parallel !== key.grade);
  if (wrongGrade.length) {
    issues.push(
      issue(
        where,
        'warning',
        `${wrongGrade.length} участн. из классов другой параллели (например, строка ${wrongGrade[0]?.row}: класс ${wrongGrade[0]?.className}), а работа — для ${key.grade} класса`,
      ),
    );
  }
  const works: ReadyWork[] = parsed.works.map((w) => {
    const total = workTotal(w);
    const fromScale = markFromScore(structure.cutScores, total);
    return {
      ...w,
      total,
      finalMark: w.mark ?? fromScale,
      markFromFile: w.mark !== null,
    };
  });
  const bySchool = new Map<string, SchoolSummary & { classSet: Set<string> }>();
  for (const w of works) {
    const login = w.schoolLogin ?? parsed.schoolLoginHint;
    const k = login ?? '';
    let s = bySchool.get(k);
    if (!s) {
      s = {
        login,
        name: w.schoolName,
        municipality: w.municipality,
        works: 0,
        absent: 0,
        classes: [],
        classSet: new Set(),
      };
      bySchool.set(k, s);
    }
    s.works++;
    if (w.absent) s.absent++;
    if (w.className) s.classSet.add(w.className);
  }
  const schools = [...bySchool.values()].map(({ classSet, ...s }) => ({
    ...s,
    classes: [...classSet].sort((a, b) => a.localeCompare(b, 'ru', { numeric: true })),
  }));
  return {
    structure,
    works,
    schools,
    issues,
    ok: !issues.some((i) => i.severity === 'error'),
  };
}
