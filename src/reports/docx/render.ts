import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageBreak,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow as DocxRow,
  TextRun as DocxRun,
  WidthType,
} from 'docx';
import type { Block, Inline, OfficialDocument, TableRow } from './model';

const FONT = 'Times New Roman';
/** Half-points: 14 pt body text, as Russian official documents use. */
const BODY = 28;
const TWIP_PER_CM = 567;

const runs = (inline: Inline, size = BODY, bold = false): DocxRun[] =>
  typeof inline === 'string'
    ? inline
        .split('\n')
        .map((line, i) => new DocxRun({ text: line, font: FONT, size, bold, break: i > 0 ? 1 : 0 }))
    : inline.map(
        (r) =>
          new DocxRun({
            text: r.text,
            font: FONT,
            size,
            bold: bold || (r.bold ?? false),
            italics: r.italic ?? false,
          }),
      );

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

function approval(doc: OfficialDocument): Paragraph[] {
  if (!doc.approval) return [];
  const a = doc.approval;
  const line = (text: string, bold = false) =>
    new Paragraph({
      indent: { left: 9 * TWIP_PER_CM },
      children: [new DocxRun({ text, font: FONT, size: BODY, bold })],
    });
  return [
    line('УТВЕРЖДАЮ', true),
    ...a.position.map((p) => line(p)),
    line(`____________ / ${a.name}`),
    ...(a.order ? [line(a.order)] : []),
    new Paragraph({ children: [] }),
  ];
}

function table(block: Extract<Block, { kind: 'table' }>, pageWidth: number): Table {
  const size = block.fontSize ? block.fontSize * 2 : 24;
  const total = block.columns.reduce((s, c) => s + (c.width ?? 1), 0);
  const widths = block.columns.map((c) => Math.round(((c.width ?? 1) / total) * pageWidth));
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const cell = (inline: Inline, width: number, bold = false, span = 1) =>
    new TableCell({
      borders,
      columnSpan: span,
      width: { size: width, type: WidthType.DXA },
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [new Paragraph({ children: runs(inline, size, bold) })],
    });
  const header = new DocxRow({
    tableHeader: true,
    children: block.columns.map((c, i) => cell(c.title, widths[i] ?? 0, true)),
  });
  const body = block.rows.map((row: TableRow) =>
    'section' in row
      ? new DocxRow({ children: [cell(row.section, pageWidth, true, block.columns.length)] })
      : new DocxRow({
          children: row.cells.map((c, i) => cell(c, widths[i] ?? 0, row.bold ?? false)),
        }),
  );
  return new Table({
    width: { size: pageWidth, type: WidthType.DXA },
    columnWidths: widths,
    rows: [header, ...body],
  });
}

function block(b: Block, pageWidth: number): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [
        new Paragraph({
          heading:
            b.level === 1
              ? HeadingLevel.HEADING_1
              : b.level === 2
                ? HeadingLevel.HEADING_2
                : HeadingLevel.HEADING_3,
          spacing: { before: 240, after: 120 },
          children: [
            new DocxRun({ text: b.text, font: FONT, size: b.level === 1 ? 30 : BODY, bold: true }),
          ],
        }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          alignment: ALIGN[b.align ?? 'justify'],
          indent: b.align === 'center' ? undefined : { firstLine: Math.round(1.25 * TWIP_PER_CM) },
          spacing: { after: 120 },
          children: runs(b.text),
        }),
      ];
    case 'list':
      return b.items.map(
        (item) =>
          new Paragraph({
            numbering: { reference: b.ordered ? 'ordered' : 'bullets', level: 0 },
            children: runs(item),
          }),
      );
    case 'table':
      return [table(b, pageWidth), new Paragraph({ children: [] })];
    case 'image':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new ImageRun({
              type: 'png',
              data: b.png,
              transformation: { width: b.width, height: b.height },
            }),
          ],
        }),
        ...(b.caption
          ? [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new DocxRun({ text: b.caption, font: FONT, size: 24, italics: true })],
              }),
            ]
          : []),
      ];
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

/** Renders an official document: A4, Times New Roman 14, «УТВЕРЖДАЮ» block, title, body. */
export async function renderDocx(doc: OfficialDocument): Promise<Buffer> {
  const landscape = doc.orientation === 'landscape';
  const margins = {
    left: 3 * TWIP_PER_CM,
    right: 1.5 * TWIP_PER_CM,
    top: 2 * TWIP_PER_CM,
    bottom: 2 * TWIP_PER_CM,
  };
  const pageWidth = (landscape ? 29.7 : 21) * TWIP_PER_CM - margins.left - margins.right;
  const centered = (text: string, bold: boolean) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      children: [new DocxRun({ text, font: FONT, size: BODY, bold })],
    });
  const document = new Document({
    creator: 'vsoko',
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    numbering: {
      config: [
        {
          reference: 'ordered',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT },
          ],
        },
        {
          reference: 'bullets',
          levels: [
            { level: 0, format: LevelFormat.BULLET, text: '–', alignment: AlignmentType.LEFT },
          ],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: landscape
              ? {
                  orientation: PageOrientation.LANDSCAPE,
                  width: 29.7 * TWIP_PER_CM,
                  height: 21 * TWIP_PER_CM,
                }
              : { width: 21 * TWIP_PER_CM, height: 29.7 * TWIP_PER_CM },
            margin: margins,
          },
        },
        children: [
          ...approval(doc),
          ...(doc.heading ? [centered(doc.heading, true)] : []),
          centered(doc.title, !doc.heading),
          ...(doc.placeAndYear ? [centered(doc.placeAndYear, false)] : []),
          ...doc.blocks.flatMap((b) => block(b, pageWidth)),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
