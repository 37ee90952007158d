import type { ImportIssue } from '../../core/results/issues';
import type { ParsedTitle } from '../../core/results/title';
import type { TaskLevel } from '../../core/results/types';
import type { WorkStore } from './workStore';

/** Which ФИС ОКО table a file holds. */
export type ResultsFileKind = 'individual' | 'school_form';

export const RESULTS_FILE_KIND_LABELS: Record<ResultsFileKind, string> = {
  individual: '«Индивидуальные результаты» (выгрузка ФИС ОКО)',
  school_form: '«Форма сбора результатов» (протокол ОО)',
};

export interface TaskColumn {
  code: string;
  max: number | null;
  level: TaskLevel | null;
  /** 0-based column index in the sheet. */
  index: number;
  header: string;
}

/** A parsed results file: everything the file says, names dropped, problems as data. */
export interface ParsedResultsFile {
  file: string;
  sheet: string | null;
  kind: ResultsFileKind | null;
  /** «ВПР 2024 Русский язык 5 класс» when the file has a title. */
  title: ParsedTitle | null;
  /** «Максимальный первичный балл». */
  maxTotal: number | null;
  /** A school login named by the file name or title lines (`sch780312`). */
  schoolLoginHint: string | null;
  tasks: TaskColumn[];
  /** The works, in file order, kept compactly (`works.get(i)` gives one as an object). */
  works: WorkStore;
  /** Headers of columns dropped because they hold personal names. */
  droppedNameColumns: string[];
  issues: ImportIssue[];
}

/** One row as read from a sheet: cell texts and the row's 1-based number. */
export interface RawRow {
  row: number;
  cells: string[];
}
