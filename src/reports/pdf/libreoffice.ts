import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * DOCX → PDF through LibreOffice headless (`soffice --headless --convert-to pdf`). Each conversion
 * runs in its own temporary folder; the process keeps one private LibreOffice user profile
 * (-env:UserInstallation in the temporary folder, removed at exit), so other processes and other
 * LibreOffice users never share it, and conversions within the process take turns (one profile
 * admits one LibreOffice at a time; a warm profile starts about twice as fast as a new one). A
 * conversion that takes too long is killed. The binary is VSOKO_SOFFICE when set, otherwise
 * `soffice` (or `libreoffice`) on PATH.
 */

export const PDF_UNAVAILABLE =
  'Формирование PDF недоступно: на сервере не установлен LibreOffice (пакет libreoffice-writer-nogui) или не указан путь к нему в VSOKO_SOFFICE. Скачайте справку в формате DOCX.';

const TIMEOUT_MS = 120_000;

let profileDir: string | null = null;
/** The process's private LibreOffice profile folder, created on first use. */
function profile(): string {
  if (!profileDir) {
    const dir = mkdtempSync(path.join(tmpdir(), 'vsoko-soffice-profile-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    profileDir = dir;
  }
  return profileDir;
}

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

let queue: Promise<unknown> = Promise.resolve();
/** Runs conversions one after another (they share the profile). */
function inTurn<T>(work: () => Promise<T>): Promise<T> {
  const result = queue.then(work, work);
  queue = result.catch(() => undefined);
  return result;
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
  return inTurn(async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'vsoko-pdf-'));
    try {
      const input = path.join(dir, 'report.docx');
      await writeFile(input, docx);
      await run(
        binary,
        [
          `-env:UserInstallation=${pathToFileURL(profile()).href}`,
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
