import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SIMULATION, simulate } from '../../core/analytics/validation/simulate';
import { datasetToFiles, observationsCsv } from '../../importers/analytics/writeDataset';

const TSX = path.resolve('node_modules/.bin/tsx');
const MAIN = path.resolve('src/cli/main.ts');

function run(args: string[]) {
  const r = spawnSync(TSX, [MAIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface SchoolEntry {
  school: string;
  year: number;
  flagged: boolean;
  score: number;
  p: number;
  yearsInRow: number;
  evidence: { indicator: string; p: number; text: string; n: number }[];
}

/** SHA-256 of the JSON written for the simulated files below, the temporary folder as «<dir>». */
const CLI_JSON_SHA256 = 'a4847d410defd48203832adb8b21a68f77e8c060f4ae0c9a696734894d3206bd';

describe('vsoko analyze (CLI contract)', () => {
  let dir = '';
  const sim = simulate({
    ...DEFAULT_SIMULATION,
    seed: 11,
    schools: 60,
    years: [2022, 2023, 2024],
    sizes: [25, 50],
    manipulatedShare: 0.15,
    manipulation: { kind: 'lenient', strength: 0.8 },
  });

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'vsoko-analyze-'));
    for (const f of datasetToFiles(sim.data)) writeFileSync(path.join(dir, f.name), f.bytes);
    writeFileSync(path.join(dir, 'observations.csv'), observationsCsv(sim.data));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one entry per school and year with the agreed fields', () => {
    const out = path.join(dir, 'out.json');
    const r = run([
      'analyze',
      dir,
      '--observations',
      path.join(dir, 'observations.csv'),
      '--json',
      out,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Анализ объективности результатов/);
    expect(r.stdout).not.toMatch(/^\s*[{[]/m);
    const text = readFileSync(out, 'utf8');
    const json = JSON.parse(text) as { schools: SchoolEntry[] };
    // The whole document is pinned (temporary paths aside): speed work must not change a figure.
    const pinned = text.split(JSON.stringify(dir).slice(1, -1)).join('<dir>');
    expect(createHash('sha256').update(pinned).digest('hex')).toBe(CLI_JSON_SHA256);
    const keys = json.schools.map((s) => `${s.school}|${s.year}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBe(60 * 3);
    for (const s of json.schools) {
      expect(s.school).toMatch(/^sch\d+$/);
      expect([2022, 2023, 2024]).toContain(s.year);
      expect(typeof s.flagged).toBe('boolean');
      expect(s.p).toBeGreaterThan(0);
      expect(s.p).toBeLessThanOrEqual(1);
      expect(s.score).toBeCloseTo(-Math.log10(s.p), 9);
      expect(Array.isArray(s.evidence)).toBe(true);
      expect(Number.isInteger(s.yearsInRow)).toBe(true);
      if (s.flagged) expect(s.evidence.length).toBeGreaterThan(0);
    }
    const flagged = json.schools.filter((s) => s.flagged);
    const truePositives = flagged.filter((s) => sim.truth.manipulated.has(`${s.school}|${s.year}`));
    expect(flagged.length).toBeGreaterThan(0);
    expect(truePositives.length / flagged.length).toBeGreaterThan(0.8);
    // A school's first manipulated year can be flagged (years in a row is not a gate).
    expect(flagged.some((s) => sim.truth.firstManipulated.has(`${s.school}|${s.year}`))).toBe(true);
    const evidence = flagged[0]?.evidence[0];
    expect(evidence?.text).toMatch(/[а-я]/);
  });

  it('a larger q flags at least as many school-years', () => {
    const strict = path.join(dir, 'strict.json');
    const loose = path.join(dir, 'loose.json');
    expect(run(['analyze', dir, '--q', '0.01', '--json', strict]).code).toBe(0);
    expect(run(['analyze', dir, '--q', '0.2', '--json', loose]).code).toBe(0);
    const count = (f: string) =>
      (JSON.parse(readFileSync(f, 'utf8')) as { schools: SchoolEntry[] }).schools.filter(
        (s) => s.flagged,
      ).length;
    expect(count(loose)).toBeGreaterThanOrEqual(count(strict));
  });

  it('reads a real-shaped ФИС ОКО export (Windows-1251, absent pupils, missing marks)', () => {
    const out = path.join(dir, 'sample.json');
    const r = run([
      'analyze',
      path.resolve('test/fixtures/results/individual_vpr_2024_rus_5_win1251.csv'),
      '--json',
      out,
    ]);
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8')) as { schools: SchoolEntry[] };
    expect(json.schools.map((s) => s.school).sort()).toEqual(['sch780101', 'sch780204']);
    expect(json.schools.every((s) => s.year === 2024 && s.flagged === false)).toBe(true);
  });

  it('refuses bad input with a Russian message naming the file', () => {
    const missing = run(['analyze', path.join(dir, 'nope'), '--json', path.join(dir, 'x.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/не найдены/);
    const badObs = path.join(dir, 'bad-observations.csv');
    writeFileSync(
      badObs,
      'Логин ОО;Год;Предмет;Параллель;Общественное наблюдение\nsch790001;2023;Математика;5;может быть\n',
    );
    const r = run(['analyze', dir, '--observations', badObs, '--json', path.join(dir, 'y.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad-observations\.csv.*строка 2.*«да» или «нет»/);
    const badQ = run(['analyze', dir, '--q', '2', '--json', path.join(dir, 'z.json')]);
    expect(badQ.code).toBe(1);
    expect(badQ.stderr).toMatch(/--q/);
  });
});
