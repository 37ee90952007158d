import JSZip from 'jszip';

/** The visible text of a DOCX, paragraph by paragraph, for assertions in tests. */
export async function docxText(buffer: Buffer | Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file('word/document.xml')?.async('string');
  if (!xml) throw new Error('not a DOCX: word/document.xml missing');
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<w:br\/>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The images of a DOCX (its word/media parts) as name and bytes, for assertions in tests. */
export async function docxImages(
  buffer: Buffer | Uint8Array,
): Promise<{ name: string; bytes: Uint8Array }[]> {
  const zip = await JSZip.loadAsync(buffer);
  const files = zip.file(/^word\/media\//);
  return Promise.all(
    files.map(async (f) => ({ name: f.name, bytes: await f.async('uint8array') })),
  );
}
