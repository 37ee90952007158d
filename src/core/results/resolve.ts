import { deriveCutScores, type ScoredMark } from './cutScores';
import { issue, type ImportIssue, type IssueWhere } from './issues';
import { formatCutScores } from './marks';
import { formatTaskHeader } from './taskHeader';
import { tasksTotal, type CutScores, type TaskDef, type TaskLevel, type TestDef } from './types';

/** The structure a file states about its test. */
export interface FileStructure {
  /** Task columns in order; `max` is null when the headers carry no maxima (school form). */
  tasks: { code: string; max: number | null; level: TaskLevel | null }[];
  /** «Максимальный первичный балл» from the title lines. */
  maxTotal: number | null;
  /** Works with both a primary score and a mark. */
  marks: ScoredMark[];
}

/** Facts the catalog lacks and the file supplies (stored with certainty `file`). */
export interface CatalogFill {
  tasks?: TaskDef[];
  maxTotal?: number;
  cutScores?: CutScores;
}

export interface ResolvedStructure {
  /** The tasks the works are stored against; null when unknown (the file is refused). */
  tasks: TaskDef[] | null;
  maxTotal: number | null;
  cutScores: CutScores | null;
  fill: CatalogFill;
  issues: ImportIssue[];
}

const describeTasks = (tasks: readonly { code: string; max: number | null }[]) =>
  tasks.map((t) => (t.max === null ? t.code : formatTaskHeader(t.code, t.max))).join(', ');

/**
 * Reconciles a file with the catalog's entry for its test. The catalog wins only where the file
 * says nothing; a contradiction in the task structure refuses the file (works could not be
 * stored against two structures), a contradiction in marks is a warning, and everything derived
 * from the file is stated as a note. Nothing is chosen silently.
 */
export function resolveStructure(
  where: IssueWhere,
  catalog: TestDef | null,
  file: FileStructure,
  testName: string,
): ResolvedStructure {
  const issues: ImportIssue[] = [];
  const fill: CatalogFill = {};
  const fileHasMaxima = file.tasks.length > 0 && file.tasks.every((t) => t.max !== null);
  const fileTasks: TaskDef[] = file.tasks.map((t) => ({
    code: t.code,
    max: t.max ?? 0,
    level: t.level,
  }));
  const fileSum = fileHasMaxima ? tasksTotal(fileTasks) : null;

  if (fileSum !== null && file.maxTotal !== null && fileSum !== file.maxTotal) {
    issues.push(
      issue(
        where,
        'error',
        `Сумма максимальных баллов заданий (${fileSum}) не равна максимальному первичному баллу в заголовке файла (${file.maxTotal})`,
      ),
    );
  }

  const catalogTasks = catalog?.tasks.length ? catalog.tasks : null;
  let tasks: TaskDef[] | null = null;
  if (catalogTasks) {
    const sameCodes =
      catalogTasks.length === file.tasks.length &&
      catalogTasks.every((t, i) => t.code === file.tasks[i]?.code);
    const sameMaxima = !fileHasMaxima || catalogTasks.every((t, i) => t.max === file.tasks[i]?.max);
    if (!sameCodes || !sameMaxima) {
      issues.push(
        issue(
          where,
          'error',
          `Задания в файле (${describeTasks(file.tasks)}) не совпадают с каталогом для «${testName}» (${describeTasks(catalogTasks)}). Исправьте каталог (раздел «Каталог работ») или файл.`,
        ),
      );
    } else {
      tasks = catalogTasks.map((t, i) => {
        const fromFile = file.tasks[i]?.level ?? null;
        if (t.level === null) return { ...t, level: fromFile };
        if (fromFile !== null && fromFile !== t.level) {
          issues.push(
            issue(
              where,
              'warning',
              `Уровень задания ${t.code}: в файле «${fromFile}», в каталоге «${t.level}». Используется каталог.`,
            ),
          );
        }
        return t;
      });
      if (tasks.some((t, i) => t.level !== catalogTasks[i]?.level)) {
        fill.tasks = tasks;
        issues.push(
          issue(where, 'note', 'Уровни сложности заданий (Б/П/В) взяты из файла в каталог'),
        );
      }
    }
  } else if (fileHasMaxima) {
    const catalogMax = catalog?.maxTotal ?? null;
    if (catalogMax !== null && fileSum !== catalogMax) {
      issues.push(
        issue(
          where,
          'error',
          `Сумма максимальных баллов заданий в файле (${fileSum}) не равна максимальному баллу в каталоге (${catalogMax}) для «${testName}». Исправьте каталог или файл.`,
        ),
      );
    } else {
      tasks = fileTasks;
      fill.tasks = fileTasks;
      issues.push(
        issue(
          where,
          'note',
          `Структура работы взята из заголовков файла: заданий — ${file.tasks.length}, максимум — ${fileSum}`,
        ),
      );
    }
  } else if (file.tasks.length) {
    issues.push(
      issue(
        where,
        'error',
        `В каталоге нет заданий работы «${testName}», а в файле не указаны максимальные баллы заданий. Добавьте работу в каталог (раздел «Каталог работ») или загрузите выгрузку «Индивидуальные результаты».`,
      ),
    );
  } else {
    issues.push(issue(where, 'error', 'В файле не найдены столбцы заданий'));
  }

  const maxTotal = tasks ? tasksTotal(tasks) : (catalog?.maxTotal ?? file.maxTotal);
  if (maxTotal !== null && catalog?.maxTotal == null && tasks) fill.maxTotal = maxTotal;

  let cutScores = catalog?.cutScores ?? null;
  if (file.marks.length) {
    const derived = deriveCutScores(file.marks);
    if (derived.conflicts.length) {
      issues.push(
        issue(
          where,
          'warning',
          `Отметки в файле не укладываются в одну шкалу: ${derived.conflicts.slice(0, 3).join('; ')}`,
        ),
      );
    } else if (!cutScores && derived.scale) {
      cutScores = derived.scale;
      fill.cutScores = derived.scale;
      issues.push(
        issue(
          where,
          'note',
          `Границы отметок выведены из файла: ${formatCutScores(derived.scale, maxTotal)}${derived.exact ? '' : ' (по наименьшему баллу каждой отметки; точная граница может быть ниже)'}`,
        ),
      );
    } else if (!cutScores) {
      issues.push(
        issue(
          where,
          'note',
          'Границы отметок не выведены: в файле встречаются не все отметки от «2» до «5»',
        ),
      );
    }
  }
  return { tasks, maxTotal, cutScores, fill, issues };
}
