import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { SYSTEM_ACTOR } from '../../core/access/actor';
import { AppError } from '../../core/errors';
import { formatIssue, type ImportIssue } from '../../core/results/issues';
import { PROCEDURES, SESSIONS, type Procedure, type Session } from '../../core/results/types';
import { openRuntime, readEnv, describeDatabase } from '../runtime';

export interface ImportOptions {
  procedure?: string;
  year?: string;
  session?: string;
  subject?: string;
  grade?: string;
  form?: string;
  orgId?: string;
  municipalityId?: string;
}

const RESULT_FILE = /\.(csv|xlsx)$/i;

/** Files named on the command line, folders read recursively (CSV and XLSX), sorted by path. */
export function collectFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) throw new Error(`Файл или папка не найдены: ${p}`);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (!name.startsWith('.') && !name.startsWith('~$')) walk(path.join(p, name));
      }
    } else if (RESULT_FILE.test(p) || paths.includes(p)) out.push(p);
  };
  for (const p of paths) walk(p);
  return out;
}

const toInt = (label: string, v: string | undefined): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) throw new Error(`${label}: ожидается целое число, получено «${v}»`);
  return n;
};

function choiceFrom(o: ImportOptions) {
  if (o.procedure && !(PROCEDURES as readonly string[]).includes(o.procedure)) {
    throw new Error(`--procedure: одно из ${PROCEDURES.join(', ')}`);
  }
  if (o.session && !(SESSIONS as readonly string[]).includes(o.session)) {
    throw new Error(`--session: одно из ${SESSIONS.join(', ')}`);
  }
  return {
    procedure: o.procedure as Procedure | undefined,
    year: toInt('--year', o.year),
    session: o.session as Session | undefined,
    subjectCode: o.subject,
    grade: toInt('--grade', o.grade),
    form: o.form,
    orgId: toInt('--org-id', o.orgId),
  };
}

export const printIssues = (
  issues: readonly ImportIssue[],
  severity: ImportIssue['severity'],
  limit = 10,
) => {
  const of = issues.filter((i) => i.severity === severity);
  for (const i of of.slice(0, limit))
    console.log(
      `    ${severity === 'warning' ? 'предупреждение' : 'примечание'}: ${formatIssue(i)}`,
    );
  if (of.length > limit) console.log(`    … и ещё ${of.length - limit}`);
};

/** A refused file's errors (with file, sheet, row, column) on stderr. */
export function printRefusal(error: unknown): void {
  const details =
    error instanceof AppError
      ? (error.details as { issues?: ImportIssue[] } | undefined)
      : undefined;
  const errors = details?.issues?.filter((i) => i.severity === 'error');
  if (errors?.length) {
    console.error(`    Файл отклонён:`);
    for (const i of errors.slice(0, 20)) console.error(`    ошибка: ${formatIssue(i)}`);
    if (errors.length > 20) console.error(`    … и ещё ошибок: ${errors.length - 20}`);
  } else {
    console.error(`    Файл отклонён: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * `vsoko import <files or folders>`: imports result files with administrator rights, creating
 * schools that a municipal export names but the registry lacks. Every file is its own
 * transaction; a refused file is reported and the command ends with exit code 1.
 */
export async function importCommand(paths: string[], o: ImportOptions): Promise<void> {
  const files = collectFiles(paths);
  if (!files.length) throw new Error('Не найдено ни одного файла CSV или XLSX');
  const choice = choiceFrom(o);
  const runtime = await openRuntime(readEnv());
  const summary = { imported: 0, already: 0, refused: 0, works: 0, created: [] as string[] };
  try {
    console.log(`База данных: ${describeDatabase(runtime.database)}`);
    // The stored analysis is re-run once after all files, not after each one.
    const { changed } = await runtime.services.analysisRuns.deferReruns(async () => {
      for (const [index, file] of files.entries()) {
        const name = path.basename(file);
        console.log(`[${index + 1}/${files.length}] ${file}`);
        const bytes = readFileSync(file);
        try {
          const out = await runtime.services.resultImports.importFile(
            SYSTEM_ACTOR,
            { fileName: name, bytes, choice },
            { createSchools: true, municipalityId: toInt('--municipality-id', o.municipalityId) },
            ({ school, works, index: i, of }) => {
              console.log(`    ${i}/${of} ${school}: работ ${works}`);
            },
          );
          printIssues(out.issues, 'warning');
          if (out.status === 'already_imported') {
            summary.already++;
            console.log(`    уже загружен ранее: ${out.testName}`);
          } else {
            summary.imported++;
            summary.works += out.works;
            summary.created.push(...out.schoolsCreated);
            console.log(`    загружено: ${out.testName}, работ ${out.works}`);
            for (const s of out.schoolsCreated) console.log(`    создана ОО ${s}`);
          }
        } catch (error) {
          summary.refused++;
          printRefusal(error);
        }
      }
    });
    for (const municipalityId of changed) {
      console.log(`Анализ объективности по муниципалитету ${municipalityId}…`);
      const run = await runtime.services.analysisRuns.rerunNow(
        SYSTEM_ACTOR,
        municipalityId,
        'import',
      );
      console.log(
        run.status === 'done'
          ? `    запуск № ${run.id}: школ ${run.schools}, школо-лет с признаками ${run.flagged}`
          : `    запуск № ${run.id} не выполнен: ${run.error ?? ''}`,
      );
    }
  } finally {
    await runtime.close();
  }
  console.log('');
  console.log(
    `Файлов: ${files.length}; загружено: ${summary.imported}; уже были загружены: ${summary.already}; отклонено: ${summary.refused}`,
  );
  console.log(`Загружено работ: ${summary.works}`);
  console.log(
    `Создано ОО: ${summary.created.length}${summary.created.length ? ` (${summary.created.join(', ')})` : ''}`,
  );
  if (summary.refused) {
    throw new Error(
      `отклонено файлов: ${summary.refused} из ${files.length}; база данных для них не изменена`,
    );
  }
}
