import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * DOCX → PDF through LibreOffice headless (`soffice --headless --convert-to pdf`). Each conversion
 * runs in its own temporary folder with its own user profile (-env:UserInstallation), so parallel
 * conversions and other LibreOffice users do not clash; a conversion that takes too long is
 * killed. The binary is VSOKO_SOFFICE when set, otherwise `soffice` (or `libreoffice`) on PATH.
 */

export const PDF_UNAVAILABLE =
  'Формирование PDF недоступно: на сервере не установлен LibreOffice (пакет libreoffice-writer-nogui) или не указан путь к нему в VSOKO_SOFFICE. Скачайте справку в формате DOCX.';

const TIMEOUT_MS = 120_000;
const MAX_PARALLEL = 2;

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The LibreOffice binary, or null when it is not installed. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | null {
  const configured = env.VSOKO_SOFFICE?.trim();
  if (configured) return executable(configured) ? configured : null;
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean))
    for (const name of ['soffice', 'libreoffice']) {
      const file = path.join(dir, name);
      if (executable(file)) return file;
    }
  return null;
}

export class PdfUnavailableError extends Error {
  constructor() {
    super(PDF_UNAVAILABLE);
    this.name = 'PdfUnavailableError';
  }
}

let running = 0;
const waiting: (() => void)[] = [];
async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function run(binary: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr.on('data', (b: Buffer) => (output += b.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`LibreOffice не завершил преобразование в PDF за ${timeoutMs / 1000} с`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`LibreOffice завершился с кодом ${code}: ${output.trim()}`));
    });
  });
}

/** Converts DOCX bytes to PDF bytes; PdfUnavailableError when LibreOffice is not installed. */
export async function docxToPdf(
  docx: Uint8Array,
  options: { binary?: string | null; timeoutMs?: number } = {},
): Promise<Buffer> {
  const binary = options.binary === undefined ? findSoffice() : options.binary;
  if (!binary) throw new PdfUnavailableError();
  return slot(async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'vsoko-pdf-'));
    try {
      const input = path.join(dir, 'report.docx');
      await writeFile(input, docx);
      await run(
        binary,
        [
          `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`,
          '--headless',
          '--norestore',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          input,
        ],
        options.timeoutMs ?? TIMEOUT_MS,
      );
      return await readFile(path.join(dir, 'report.pdf'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}

/**
 * Conversions of identical content are done once: the key is a hash of what the document shows
 * (not of the DOCX bytes, which carry a creation time). A handful of recent results are kept.
 */
export class PdfCache {
  private readonly entries = new Map<string, Promise<Buffer>>();
  constructor(private readonly size = 16) {}

  static key(content: unknown): string {
    return createHash('sha256')
      .update(
        JSON.stringify(content, (_k, v: unknown) =>
          v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v,
        ),
      )
      .digest('hex');
  }

  get(key: string, make: () => Promise<Buffer>): Promise<Buffer> {
    const found = this.entries.get(key);
    if (found) {
      this.entries.delete(key);
      this.entries.set(key, found);
      return found;
    }
    const made = make();
    this.entries.set(key, made);
    made.catch(() => this.entries.delete(key));
    while (this.entries.size > this.size) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return made;
  }
}
