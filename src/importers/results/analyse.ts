import { findSubjectByName, type SubjectDef } from '../../core/registry/subjects';
import { issue, type ImportIssue } from '../../core/results/issues';
import { markFromScore } from '../../core/results/marks';
import { resolveStructure, type ResolvedStructure } from '../../core/results/resolve';
import type { ScoredMark } from '../../core/results/cutScores';
import type {
  CutScores,
  Mark,
  Procedure,
  Session,
  TestDef,
  TestKey,
} from '../../core/results/types';
import { checkWorks, type ParsedWork } from '../../core/results/works';
import type { ParsedResultsFile } from './types';
import type { WorkStore } from './workStore';

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

/** The works of a file with their stored total and mark, computed from the store on demand. */
export class ReadyWorks implements Iterable<ReadyWork> {
  constructor(
    readonly store: WorkStore,
    readonly cutScores: CutScores | null,
  ) {}

  get length(): number {
    return this.store.length;
  }

  total(i: number): number | null {
    return this.store.total(i);
  }

  finalMark(i: number): Mark | null {
    return this.store.mark(i) ?? markFromScore(this.cutScores, this.store.total(i));
  }

  markFromFile(i: number): boolean {
    return this.store.mark(i) !== null;
  }

  get(i: number): ReadyWork {
    return {
      ...this.store.get(i),
      total: this.total(i),
      finalMark: this.finalMark(i),
      markFromFile: this.markFromFile(i),
    };
  }

  *[Symbol.iterator](): Iterator<ReadyWork> {
    for (let i = 0; i < this.length; i++) yield this.get(i);
  }

  map<T>(fn: (w: ReadyWork, i: number) => T): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.length; i++) out.push(fn(this.get(i), i));
    return out;
  }
}

export interface ResultsAnalysis {
  structure: ResolvedStructure;
  works: ReadyWorks;
  schools: SchoolSummary[];
  /** For each work (by its index in `works`), the index of its school in `schools`. */
  schoolOf: Int32Array;
  issues: ImportIssue[];
  /** No errors: the file may be imported. */
  ok: boolean;
}

/**
 * The file's (score, mark) pairs reduced to what the cut-score derivation reads: per mark, the
 * lowest and the highest score with the first row each occurs in.
 */
function scoredMarks(store: WorkStore): ScoredMark[] {
  const ranges = new Map<Mark, { lo: number; loRow: number; hi: number; hiRow: number }>();
  for (let i = 0; i < store.length; i++) {
    const mark = store.mark(i);
    const total = mark === null ? null : store.total(i);
    if (mark === null || total === null) continue;
    const r = ranges.get(mark);
    if (!r) ranges.set(mark, { lo: total, loRow: store.row(i), hi: total, hiRow: store.row(i) });
    else {
      if (total < r.lo) Object.assign(r, { lo: total, loRow: store.row(i) });
      if (total > r.hi) Object.assign(r, { hi: total, hiRow: store.row(i) });
    }
  }
  return [...ranges].flatMap(([mark, r]) => [
    { score: r.lo, mark, row: r.loRow },
    { score: r.hi, mark, row: r.hiRow },
  ]);
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
  const store = parsed.works;
  const structure = resolveStructure(
    where,
    catalog,
    { tasks: parsed.tasks, maxTotal: parsed.maxTotal, marks: scoredMarks(store) },
    testName,
    key.procedure === 'oge' || key.procedure === 'ege',
  );
  const issues = [...parsed.issues, ...structure.issues];
  if (structure.tasks) {
    issues.push(
      ...checkWorks(where, store, structure.tasks, parsed.tasks, catalog?.cutScores ?? null),
    );
  }
  let wrongGrade = 0;
  let firstWrong = -1;
  const schoolOf = new Int32Array(store.length);
  const bySchool = new Map<string, number>();
  const indexOfId = new Map<number, number>();
  const summaries: (SchoolSummary & { classSet: Set<string> })[] = [];
  for (let i = 0; i < store.length; i++) {
    const parallel = store.parallel(i);
    if (parallel !== null && parallel !== key.grade) {
      if (!wrongGrade) firstWrong = i;
      wrongGrade++;
    }
    const id = store.schoolId(i);
    let index = indexOfId.get(id);
    if (index === undefined) {
      const first = store.get(i);
      const login = first.schoolLogin ?? parsed.schoolLoginHint;
      index = bySchool.get(login ?? '');
      if (index === undefined) {
        index = summaries.length;
        bySchool.set(login ?? '', index);
        summaries.push({
          login,
          name: first.schoolName,
          municipality: first.municipality,
          works: 0,
          absent: 0,
          classes: [],
          classSet: new Set(),
        });
      }
      indexOfId.set(id, index);
    }
    schoolOf[i] = index;
    const s = summaries[index] as SchoolSummary & { classSet: Set<string> };
    s.works++;
    if (store.absent(i)) s.absent++;
    const className = store.className(i);
    if (className) s.classSet.add(className);
  }
  if (wrongGrade) {
    issues.push(
      issue(
        where,
        'warning',
        `${wrongGrade} участн. из классов другой параллели (например, строка ${store.row(firstWrong)}: класс ${store.className(firstWrong)}), а работа — для ${key.grade} класса`,
      ),
    );
  }
  const schools = summaries.map(({ classSet, ...s }) => ({
    ...s,
    classes: [...classSet].sort((a, b) => a.localeCompare(b, 'ru', { numeric: true })),
  }));
  return {
    structure,
    works: new ReadyWorks(store, structure.cutScores),
    schools,
    schoolOf,
    issues,
    ok: !issues.some((i) => i.severity === 'error'),
  };
}
