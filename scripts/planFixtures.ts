/**
 * Builds the DOCX fixtures of the five seed plans (test/fixtures/plans/*.docx) from the seed
 * texts, through HTML and LibreOffice — a tool other than our own exporter, so that importing
 * them tests the importer against an independent DOCX writer. Needs `soffice` on the PATH:
 *   npx tsx scripts/planFixtures.ts /work/shared/domain/seeds
 * Each seed text has its own layout (tab-separated rows, one cell per line, Markdown tables);
 * the tables keep the seeds' page breaks as separate tables, merged cells as colspan/rowspan.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br/>');

interface Cell {
  text: string;
  colspan?: number;
  rowspan?: number;
}
type Table = Cell[][];

const para = (text: string) => `<p>${esc(text)}</p>`;
const table = (rows: Table) =>
  `<table border="1" cellspacing="0" cellpadding="4">${rows
    .map(
      (r) =>
        `<tr>${r
          .map(
            (c) =>
              `<td${c.colspan ? ` colspan="${c.colspan}"` : ''}${c.rowspan ? ` rowspan="${c.rowspan}"` : ''}>${esc(c.text)}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('')}</table><p></p>`;

/** 000, 001: paragraphs, then tab-separated tables split by blank lines; section rows span. */
function tabSeparated(text: string): string {
  const lines = text.split('\n');
  const firstHeader = lines.findIndex((l) => l.startsWith('№ п/п\t'));
  const html = lines
    .slice(0, firstHeader)
    .map((l) => l.trim())
    .filter(Boolean)
    .map(para);
  let current: Table = [];
  for (const line of lines.slice(firstHeader)) {
    if (!line.trim()) {
      if (current.length) html.push(table(current));
      current = [];
      continue;
    }
    const cells = line.split('\t');
    if (cells.slice(1).every((c) => !c.trim()))
      current.push([{ text: cells[0]!.trim(), colspan: 5 }]);
    else current.push(cells.map((c) => ({ text: c.trim() })));
  }
  if (current.length) html.push(table(current));
  return html.join('\n');
}

/** 002: goals as paragraphs; table 1 with a «Задачи» cell merged down; table 2 without it. */
function schoolPlan(text: string): string {
  const lines = text.split('\n');
  const headerAt = lines.findIndex((l) => l.startsWith('Задачи\t'));
  const html: string[] = [];
  let bold: string[] | null = null;
  for (const raw of lines.slice(0, headerAt)) {
    const l = raw.trim();
    if (!l) continue;
    if (l.startsWith('**')) bold = [];
    if (bold) {
      bold.push(l.replace(/\*\*/g, ''));
      if (l.endsWith('**')) {
        html.push(`<p><b>${esc(bold.join('\n'))}</b></p>`);
        bold = null;
      }
      continue;
    }
    html.push(para(l));
  }
  const blocks: string[][] = [[]];
  for (const line of lines.slice(headerAt)) {
    if (!line.trim()) blocks.push([]);
    else blocks.at(-1)!.push(line);
  }
  const [first, ...rest] = blocks.filter((b) => b.length);
  const [header, ...rows] = first!;
  const t1: Table = [header!.split('\t').map((c) => ({ text: c.trim() }))];
  rows.forEach((line, i) => {
    const cells = line.split('\t').map((c) => ({ text: c.trim() }));
    if (i === 0) t1.push([{ text: cells[0]!.text, rowspan: rows.length }, ...cells.slice(1)]);
    else t1.push(cells.slice(1));
  });
  html.push(table(t1));
  for (const block of rest)
    html.push(table(block.map((l) => l.split('\t').map((c) => ({ text: c.trim() })))));
  return html.join('\n');
}

/** 003: one cell per line (a tab starts a cell), rows split by blank lines. */
function cellPerLine(text: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('\t'));
  const html = lines
    .slice(0, start)
    .map((l) => l.replace(/\[bookmark:[^\]]*\]/g, '').trim())
    .filter(Boolean)
    .map(para);
  const rows: Table = [];
  let row: Cell[] = [];
  for (const line of lines.slice(start)) {
    if (line === '') {
      if (row.length) rows.push(row);
      row = [];
    } else if (line.startsWith('\t')) row.push({ text: line.slice(1).trim() });
    else if (row.length) row.at(-1)!.text += `\n${line.trim()}`;
  }
  if (row.length) rows.push(row);
  html.push(table(rows.filter((r) => r.length > 1)));
  return html.join('\n');
}

/** 004: the order as paragraphs, then Markdown tables; an all-empty header row is dropped. */
function markdown(text: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('|'));
  const html = lines
    .slice(0, start)
    .map((l) => l.trim())
    .filter(Boolean)
    .map(para);
  let current: Table = [];
  for (const line of lines.slice(start)) {
    if (!line.startsWith('|')) {
      if (current.length) html.push(table(current));
      current = [];
      continue;
    }
    if (/^\|[-|\s]+\|$/.test(line)) continue;
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((c) => ({ text: c.trim() }));
    if (cells.every((c) => !c.text)) continue;
    current.push(cells);
  }
  if (current.length) html.push(table(current));
  return html.join('\n');
}

const LAYOUT: Record<string, (text: string) => string> = {
  '000': tabSeparated,
  '001': tabSeparated,
  '002': schoolPlan,
  '003': cellPerLine,
  '004': markdown,
};

const seedsDir = process.argv[2] ?? '/work/shared/domain/seeds';
const outDir = path.resolve('test/fixtures/plans');
const work = mkdtempSync(path.join(os.tmpdir(), 'plan-fixtures-'));
for (const file of readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()) {
  const id = file.slice(0, 3);
  const layout = LAYOUT[id];
  if (!layout) continue;
  const body = layout(readFileSync(path.join(seedsDir, file), 'utf8'));
  const htmlPath = path.join(work, `seed-${id}.html`);
  writeFileSync(
    htmlPath,
    `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${body}</body></html>`,
  );
  execFileSync('soffice', [
    '--headless',
    '--infilter=HTML (StarWriter)',
    '--convert-to',
    'docx:MS Word 2007 XML',
    '--outdir',
    work,
    htmlPath,
  ]);
  renameSync(path.join(work, `seed-${id}.docx`), path.join(outDir, `seed-${id}.docx`));
  console.log(`test/fixtures/plans/seed-${id}.docx`);
}
