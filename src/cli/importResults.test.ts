import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliSandbox, root } from '../../test/cli';
import { PGlite } from '@electric-sql/pglite';
import { individualResultsTable, tableToCsv } from '../importers/results/writers';
import { collectFiles } from './commands/importResults';

const fixtures = path.join(root, 'test/fixtures/results');
const { work, vsoko } = cliSandbox('vsoko-cli-import-', 60_000);

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

  it('a CLI import killed midway (SIGKILL) leaves the database unchanged', async () => {
    // Runs after the test above: the data directory holds one imported file.
    const data = path.join(work, 'data');
    const count = async () => {
      const db = await PGlite.create(path.join(data, 'pgdata'));
      const q = async (t: string) =>
        (await db.query<{ n: number }>(`select count(*)::int as n from ${t}`)).rows[0]?.n;
      const out = {
        works: await q('result_works'),
        batches: await q('result_batches'),
        orgs: await q('organisations'),
        tests: await q('assessment_tests'),
      };
      await db.close();
      return out;
    };
    const before = await count();
    const works = Array.from({ length: 300 * 40 }, (_, i) => ({
      schoolLogin: `sch77${String(Math.floor(i / 40)).padStart(4, '0')}`,
      schoolName: `Школа ${Math.floor(i / 40)}`,
      participantCode: String(10000 + (i % 40)),
      className: '6А',
      variant: 1,
      absent: false,
      scores: [1, 0, 1],
      mark: 3 as const,
      journalMark: 4 as const,
    }));
    const file = path.join(work, 'big.csv');
    writeFileSync(
      file,
      tableToCsv(
        individualResultsTable({
          title: 'ВПР 2021 Математика 6 класс',
          municipality: 'Муниципальное образование «Пример»',
          tasks: [1, 1, 1].map((max, i) => ({ code: String(i + 1), max, level: 'Б' as const })),
          works,
        }),
      ),
    );
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'import', file], {
      cwd: root,
      env: { ...process.env, VSOKO_DATA_DIR: data, DATABASE_URL: '' },
    });
    let output = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        // Killed inside the transaction, after the first schools' works were copied.
        if (/\n\s+5\/300 /.test(output)) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => resolve());
      child.on('error', reject);
    });
    await new Promise((r) => child.once('close', r));
    expect(output).toMatch(/5\/300 Школа 4: работ 40/);
    expect(output).not.toContain('Файлов: 1');
    expect(await count()).toEqual(before);
  }, 120_000);
});
