import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';
import { invalid } from '../../core/errors';
import type { RawCell, RawTable } from '../../core/plans/table';

/**
 * Reads a DOCX for plan import: the paragraphs before the first table (approval block, title,
 * goals) and every top-level table as cells with their horizontal span and vertical merge.
 * Parsing only: unzip (jszip) and XML (fast-xml-parser); the structure is built in core.
 */
export interface DocxContent {
  paragraphs: string[];
  tables: RawTable[];
}

type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const childrenOf = (node: XmlNode, tag: string): XmlNode[] =>
  (node[tag] as XmlNode[] | undefined) ?? [];
const tagOf = (node: XmlNode): string | undefined => Object.keys(node).find((k) => k !== ':@');

function find(nodes: XmlNode[], tag: string): XmlNode | undefined {
  return nodes.find((n) => tagOf(n) === tag);
}

/** The text of a run container: w:t, tabs and breaks, recursing into hyperlinks and fields. */
function textOf(nodes: XmlNode[]): string {
  let out = '';
  for (const n of nodes) {
    const tag = tagOf(n);
    if (!tag) continue;
    if (tag === '#text') out += String(n['#text'] ?? '');
    else if (tag === 'w:t') out += textOf(childrenOf(n, tag));
    else if (tag === 'w:tab') out += '\t';
    else if (tag === 'w:br' || tag === 'w:cr') out += '\n';
    else if (tag === 'w:pPr' || tag === 'w:rPr' || tag === 'w:instrText' || tag === 'w:delText')
      continue;
    else out += textOf(childrenOf(n, tag));
  }
  return out;
}

function cellOf(tc: XmlNode): RawCell {
  const children = childrenOf(tc, 'w:tc');
  const pr = childrenOf(find(children, 'w:tcPr') ?? {}, 'w:tcPr');
  const span = Number(find(pr, 'w:gridSpan')?.[':@']?.['@_w:val'] ?? 1) || 1;
  const vMerge = find(pr, 'w:vMerge');
  const merged = vMerge !== undefined && vMerge[':@']?.['@_w:val'] !== 'restart';
  const paragraphs = children
    .filter((n) => tagOf(n) === 'w:p')
    .map((p) => textOf(childrenOf(p, 'w:p')).trim());
  return { text: paragraphs.filter(Boolean).join('\n'), span, merged };
}

function tableOf(tbl: XmlNode): RawTable {
  const rows = childrenOf(tbl, 'w:tbl')
    .filter((n) => tagOf(n) === 'w:tr')
    .map((tr) =>
      childrenOf(tr, 'w:tr')
        .filter((n) => tagOf(n) === 'w:tc')
        .map(cellOf),
    );
  return { rows };
}

export async function readDocx(bytes: Buffer | Uint8Array, fileName: string): Promise<DocxContent> {
  let xml: string | undefined;
  try {
    const zip = await JSZip.loadAsync(bytes);
    xml = await zip.file('word/document.xml')?.async('string');
  } catch {
    xml = undefined;
  }
  if (!xml) throw invalid(`Файл «${fileName}» не является документом DOCX (нет word/document.xml)`);
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    trimValues: false,
    parseTagValue: false,
  });
  const root = parser.parse(xml) as XmlNode[];
  const document = find(root, 'w:document');
  const body = find(childrenOf(document ?? {}, 'w:document'), 'w:body');
  const content: DocxContent = { paragraphs: [], tables: [] };
  for (const node of childrenOf(body ?? {}, 'w:body')) {
    const tag = tagOf(node);
    if (tag === 'w:tbl') content.tables.push(tableOf(node));
    else if (tag === 'w:p' && !content.tables.length) {
      const text = textOf(childrenOf(node, 'w:p')).trim();
      if (text) content.paragraphs.push(text);
    }
  }
  return content;
}
