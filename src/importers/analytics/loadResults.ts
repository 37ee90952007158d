/**
 * Results files → the engine's input, without a database: each file goes through the ФИС ОКО
 * importers (`parseResultsFile`, `detectTestKey`, `analyseResults` with the shipped catalog), then
 * works of the same test are merged. All-or-nothing: any error in any file refuses the whole set.
 */
import type { InputTest, InputWork } from '../../core/analytics/build';
import { STANDARD_SUBJECTS } from '../../core/registry/subjects';
import { formatIssue, type ImportIssue } from '../../core/results/issues';
import { KNOWN_TESTS } from '../../core/results/knownTests';
import { describeTestKey, type TestKey } from '../../core/results/types';
import { analyseResults, detectTestKey, type TestChoice } from '../results/analyse';
import { parseResultsFile } from '../results/index';

export interface LoadedResults {
  tests: InputTest[];
  files: { file: string; test: string; works: number; schools: number }[];
  warnings: string[];
}

export class ResultsLoadError extends Error {
  constructor(readonly issues: readonly string[]) {
    super(issues.join('\n'));
  }
}

/** Subject key used by the engine: the catalog code, with the paper form when there is one. */
export const subjectKey = (key: TestKey): string =>
  key.form ? `${key.subjectCode}:${key.form}` : key.subjectCode;

/** Display name of an engine subject key. */
export function subjectName(code: string): string {
  const [base, form] = code.split(':');
  const name = STANDARD_SUBJECTS.find((s) => s.code === base)?.name ?? code;
  return form ? `${name} (${form})` : name;
}

const SUBJECT_ALIASES: Record<string, string> = { mat: 'math', ru: 'rus', rya: 'rus' };

/**
 * The test named by a file name such as `forma_sbora_vpr_2023_mat_4_sch780312.csv`:
 * procedure, year, subject code (catalog code or a short alias) and grade, in that order.
 * Empty when the name does not follow the pattern.
 */
export function testFromFileName(name: string): TestChoice {
  const base = name.split(/[\\/]/).pop()?.toLowerCase() ?? '';
  const m =
    /(?:^|[_\-. ])(vpr|впр)[_\-. ](20\d\d)[_\-. ]([a-z]+)[_\-. ](\d{1,2})(?=[_\-. ]|$)/.exec(base);
  if (!m) return {};
  const raw = m[3] as string;
  const code = SUBJECT_ALIASES[raw] ?? raw;
  if (!STANDARD_SUBJECTS.some((s) => s.code === code)) return {};
  return { procedure: 'vpr', year: Number(m[2]), subjectCode: code, grade: Number(m[4]) };
}

export async function loadResults(
  files: readonly { name: string; bytes: Uint8Array }[],
): Promise<LoadedResults> {
  const errors: string[] = [];
  const warnings: string[] = [];
  const byKey = new Map<
    string,
    {
      key: TestKey;
      tasks: InputTest['tasks'];
      cuts: InputTest['cuts'];
      works: InputWork[];
      file: string;
    }
  >();
  const out: LoadedResults['files'] = [];
  const report = (issues: readonly ImportIssue[]) => {
    for (const i of issues) {
      if (i.severity === 'error') errors.push(formatIssue(i));
      else if (i.severity === 'warning') warnings.push(formatIssue(i));
    }
  };
  for (const f of files) {
    const parsed = await parseResultsFile(f.name, f.bytes);
    // A school's «Форма сбора результатов» has no title: the test comes from its file name.
    const detected = detectTestKey(
      parsed,
      parsed.title ? {} : testFromFileName(f.name),
      STANDARD_SUBJECTS,
    );
    report(parsed.issues.filter((i) => i.severity === 'error'));
    report(detected.issues);
    if (!detected.key || parsed.issues.some((i) => i.severity === 'error')) continue;
    const key = detected.key;
    const catalog =
      KNOWN_TESTS.find(
        (t) =>
          t.procedure === key.procedure &&
          t.year === key.year &&
          t.session === key.session &&
          t.subjectCode === key.subjectCode &&
          t.grade === key.grade &&
          t.form === key.form,
      ) ?? null;
    const testName = describeTestKey(key, subjectName(key.subjectCode));
    const analysis = analyseResults(parsed, key, catalog, testName);
    report(analysis.issues.filter((i) => !parsed.issues.includes(i)));
    if (!analysis.ok || !analysis.structure.tasks) continue;
    const tasks = analysis.structure.tasks.map((t) => ({
      code: t.code,
      max: t.max,
      level: t.level,
    }));
    const cs = analysis.structure.cutScores;
    const cuts: InputTest['cuts'] = cs ? [cs.min3, cs.min4, cs.min5] : null;
    const works: InputWork[] = [];
    let missingLogin = false;
    for (const w of analysis.works) {
      const school = w.schoolLogin ?? parsed.schoolLoginHint;
      if (!school) {
        missingLogin = true;
        continue;
      }
      works.push({
        school,
        className: w.className,
        scores: w.scores,
        total: w.total,
        mark: w.finalMark,
        journal: w.journalMark,
        absent: w.absent,
      });
    }
    if (missingLogin) {
      errors.push(
        `Файл «${f.name}»: не указан логин ОО (нет столбца «ОО», логина sch… нет в имени файла)`,
      );
      continue;
    }
    const id = `${key.procedure}|${key.year}|${key.session}|${subjectKey(key)}|${key.grade}`;
    const existing = byKey.get(id);
    if (existing) {
      const same =
        existing.tasks.length === tasks.length &&
        existing.tasks.every((t, i) => t.code === tasks[i]?.code && t.max === tasks[i]?.max);
      if (!same) {
        errors.push(
          `Файл «${f.name}»: задания не совпадают с файлом «${existing.file}» той же работы (${testName})`,
        );
        continue;
      }
      existing.works.push(...works);
      existing.cuts ??= cuts;
    } else byKey.set(id, { key, tasks, cuts, works, file: f.name });
    out.push({
      file: f.name,
      test: testName,
      works: works.filter((w) => !w.absent).length,
      schools: new Set(works.map((w) => w.school)).size,
    });
  }
  if (errors.length) throw new ResultsLoadError(errors);
  return {
    files: out,
    warnings,
    tests: [...byKey.values()].map((e) => ({
      subject: subjectKey(e.key),
      grade: e.key.grade,
      year: e.key.year,
      tasks: e.tasks,
      cuts: e.cuts,
      works: e.works,
    })),
  };
}
