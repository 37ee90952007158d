import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SYSTEM_ACTOR } from '../../core/access/actor';
import { AppError } from '../../core/errors';
import type { ImportIssue } from '../../core/results/issues';
import {
  JOURNAL_ROLE_LABELS,
  JOURNAL_ROLES,
  type JournalMapping,
  type JournalRole,
} from '../../core/results/journalMarks';
import { describeDatabase, openRuntime, readEnv } from '../runtime';
import { collectFiles, printIssues, printRefusal } from './importResults';

export interface JournalImportOptions {
  year: string;
  orgId?: string;
  studentCode?: string;
  class?: string;
  subject?: string;
  period?: string;
  mark?: string;
}

/** The CLI option of each mapping role. */
export const COLUMN_OPTIONS: Record<JournalRole, keyof JournalImportOptions> = {
  studentCode: 'studentCode',
  className: 'class',
  subject: 'subject',
  period: 'period',
  mark: 'mark',
};

const toInt = (label: string, v: string | undefined): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) throw new Error(`${label}: ожидается целое число, получено «${v}»`);
  return n;
};

const describeMapping = (mapping: JournalMapping, headers: string[]) =>
  JOURNAL_ROLES.flatMap((role) => {
    const col = mapping[role];
    return col == null ? [] : [`${JOURNAL_ROLE_LABELS[role]} ← ${col + 1} «${headers[col]}»`];
  }).join('; ');

const missingColumn = (error: unknown) =>
  error instanceof AppError &&
  ((error.details as { issues?: ImportIssue[] } | undefined)?.issues ?? []).some((i) =>
    i.message.startsWith('не выбран столбец'),
  );

/**
 * `vsoko journal:import <files or folders> --year 2024`: imports electronic-journal exports (one
 * row per mark) with administrator rights. The school comes from `--org-id` or the `sch…` login
 * in the file name; the columns from their headers, or from `--student-code`, `--class`,
 * `--subject`, `--period`, `--mark` (1-based number or header). Every file is its own
 * transaction with the checks of the web import: a corrected export replaces the earlier import,
 * the same bytes again change nothing, a refused file is reported and the command exits 1.
 */
export async function journalImportCommand(
  paths: string[],
  o: JournalImportOptions,
): Promise<void> {
  const year = toInt('--year', o.year);
  if (year === undefined || year < 2015 || year > 2100) {
    throw new Error('--year: год начала учебного года, например 2024 для 2024/25');
  }
  const orgId = toInt('--org-id', o.orgId);
  const columns = Object.fromEntries(
    JOURNAL_ROLES.flatMap((role) => {
      const v = o[COLUMN_OPTIONS[role]];
      return v === undefined ? [] : [[role, v]];
    }),
  );
  const files = collectFiles(paths);
  if (!files.length) throw new Error('Не найдено ни одного файла CSV или XLSX');
  const runtime = await openRuntime(readEnv());
  const summary = { imported: 0, already: 0, refused: 0, marks: 0, replaced: 0 };
  try {
    console.log(`База данных: ${describeDatabase(runtime.database)}`);
    for (const [index, file] of files.entries()) {
      console.log(`[${index + 1}/${files.length}] ${file}`);
      try {
        const out = await runtime.services.journalMarks.importFile(SYSTEM_ACTOR, {
          fileName: path.basename(file),
          bytes: readFileSync(file),
          year,
          orgId,
          columns,
        });
        console.log(`    столбцы: ${describeMapping(out.mapping, out.headers)}`);
        printIssues(out.issues, 'warning');
        if (out.status === 'already_imported') {
          summary.already++;
          console.log(`    уже загружен ранее: «${out.orgName}», ${year}/${year + 1} уч. год`);
          continue;
        }
        summary.imported++;
        summary.marks += out.marks;
        summary.replaced += out.replacedFileIds.length;
        console.log(
          `    загружено: «${out.orgName}», ${year}/${year + 1} уч. год, отметок ${out.marks} (загрузка № ${out.fileId})`,
        );
        if (out.replacedFileIds.length) {
          console.log(`    заменены прежние загрузки № ${out.replacedFileIds.join(', ')}`);
        }
      } catch (error) {
        summary.refused++;
        printRefusal(error);
        if (missingColumn(error)) {
          console.error(
            '    Укажите столбцы параметрами --student-code, --class, --subject, --period, --mark (номер столбца с 1 или заголовок)',
          );
        }
      }
    }
  } finally {
    await runtime.close();
  }
  console.log('');
  console.log(
    `Файлов: ${files.length}; загружено: ${summary.imported}; уже были загружены: ${summary.already}; отклонено: ${summary.refused}`,
  );
  console.log(
    `Загружено отметок: ${summary.marks}; заменено прежних загрузок: ${summary.replaced}`,
  );
  if (summary.refused) {
    throw new Error(
      `отклонено файлов: ${summary.refused} из ${files.length}; база данных для них не изменена`,
    );
  }
}
