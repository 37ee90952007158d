import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { collectFiles } from './commands/importResults';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = path.join(root, 'test/fixtures/results');
const work = mkdtempSync(path.join(os.tmpdir(), 'vsoko-cli-import-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function vsoko(args: string[]) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: root,
    env: { ...process.env, VSOKO_DATA_DIR: path.join(work, 'data'), DATABASE_URL: '' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: res.status, out: res.stdout, err: res.stderr };
}

describe('vsoko import', () => {
  it('collects CSV and XLSX files from folders recursively', () => {
    const dir = path.join(work, 'tree');
    mkdirSync(path.join(dir, 'b'), { recursive: true });
    copyFileSync(path.join(fixtures, 'wrong_headers.csv'), path.join(dir, 'b', 'x.csv'));
    copyFileSync(path.join(fixtures, 'README.md'), path.join(dir, 'readme.md'));
    expect(collectFiles([dir]).map((f) => path.relative(dir, f))).toEqual([
      path.join('b', 'x.csv'),
    ]);
  });

  it('imports a municipal export, creates its schools, skips a repeat and refuses a bad file', () => {
    const created = vsoko([
      'user:create',
      '--login',
      'admin',
      '--name',
      'Администратор',
      '--password',
      'secret-123',
      '--region-code',
      '78',
      '--region',
      'Санкт-Петербург',
      '--municipality',
      'Муниципальное образование «Пример»',
    ]);
    expect(created.status).toBe(0);
    const dir = path.join(work, 'files');
    mkdirSync(dir, { recursive: true });
    copyFileSync(
      path.join(fixtures, 'individual_vpr_2024_rus_5_win1251.csv'),
      path.join(dir, 'a.csv'),
    );
    copyFileSync(
      path.join(fixtures, 'individual_vpr_2024_rus_5_win1251.csv'),
      path.join(dir, 'b.csv'),
    );
    copyFileSync(path.join(fixtures, 'truncated_row.csv'), path.join(dir, 'c.csv'));
    const res = vsoko(['import', dir]);
    expect(res.status).toBe(1);
    expect(res.out).toContain('создана ОО sch780101 «ГБОУ школа № 101»');
    expect(res.out).toContain('Файлов: 3; загружено: 1; уже были загружены: 1; отклонено: 1');
    expect(res.out).toContain('Загружено работ: 9');
    expect(res.out).toContain(
      'Создано ОО: 2 (sch780101 «ГБОУ школа № 101», sch780204 «ГБОУ гимназия № 204»)',
    );
    expect(res.err).toContain(
      'ошибка: Файл «c.csv», строка 3: в строке 7 столбцов, в заголовке 11: строка неполная (файл обрезан или повреждён?)',
    );
    expect(res.err).toContain('Ошибка: отклонено файлов: 1 из 3; база данных для них не изменена');
  }, 120_000);
});
