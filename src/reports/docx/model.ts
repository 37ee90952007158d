/**
 * A report as data: official Russian documents (plans, programmes, справки) are built as this
 * model and rendered to DOCX by render.ts. Pure: no I/O.
 */
export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export type Inline = string | TextRun[];

export interface TableColumn {
  title: string;
  /** Relative width; columns share the page width in proportion. */
  width?: number;
}

/** A table row: cells, or a full-width section row such as «1. Информационная работа». */
export type TableRow = { cells: Inline[]; bold?: boolean } | { section: string };

export type Block =
  | { kind: 'heading'; text: string; level: 1 | 2 | 3 }
  | { kind: 'paragraph'; text: Inline; align?: 'left' | 'center' | 'right' | 'justify' }
  | { kind: 'list'; items: Inline[]; ordered?: boolean }
  | { kind: 'table'; columns: TableColumn[]; rows: TableRow[]; fontSize?: number }
  | { kind: 'image'; png: Uint8Array; width: number; height: number; caption?: string }
  | { kind: 'pageBreak' };

/** The «УТВЕРЖДАЮ» block in the top right corner of an approved document. */
export interface ApprovalBlock {
  /** Position lines, e.g. ["Директор ГБУ «ИМЦ»", "Фрунзенского района"]. */
  position: string[];
  /** Name as signed, e.g. «О.А. Иванова». */
  name: string;
  /** E.g. «Приказ от 12.01.2023 № 14-о/2023». */
  order?: string;
}

export interface OfficialDocument {
  approval?: ApprovalBlock;
  /** Document kind in capitals above the title, e.g. «ПЛАН МЕРОПРИЯТИЙ», «АНАЛИТИЧЕСКАЯ СПРАВКА». */
  heading?: string;
  title: string;
  /** Place and year under the title, e.g. «г. Санкт-Петербург, 2023 г.». */
  placeAndYear?: string;
  blocks: Block[];
  orientation?: 'portrait' | 'landscape';
}
