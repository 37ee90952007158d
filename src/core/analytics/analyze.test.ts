import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { buildDataset } from './build';
import { buildDossier, sampleNote, works } from './dossier';
import { regionRow, standardTables } from './standardTables';
import { tinyTest } from './testing';
import { DEFAULT_SIMULATION, simulate } from './validation/simulate';

describe('standard tables', () => {
  it('marks, journal comparison, score distribution and tasks by level', () => {
    const t = tinyTest(
      [
        { total: 2, scores: [1, 1], mark: 5, journal: 4 },
        { total: 1, scores: [1, 0], mark: 3, journal: 3 },
        { total: 0, scores: [0, 0], mark: 2, journal: 3 },
        { total: 1, scores: [0, 1], mark: 3 },
      ],
      { itemMax: [1, 1], maxTotal: 2, cuts: [1, 2, 2] },
    );
    const design = { ...t.design, itemLevels: ['Б', 'П'] };
    const tables = standardTables({ ...t, design }, [0, 1, 2, 3]);
    expect(tables.marks.percent).toEqual([25, 50, 0, 25]);
    expect(tables.marks.successRate).toBe(75);
    expect(tables.marks.qualityRate).toBe(25);
    expect(tables.marks.meanMark).toBe(3.25);
    expect(tables.journal).toMatchObject({ pairs: 3, lowered: 1, confirmed: 1, raised: 1 });
    expect(tables.scoreDistribution).toEqual([25, 50, 25]);
    expect(tables.tasks.map((x) => [x.level, x.percent, x.achieved])).toEqual([
      ['Б', 50, false],
      ['П', 50, true],
    ]);
    const empty = standardTables(t, []);
    expect(empty.marks.percent).toBeNull();
    expect(empty.journal.percent).toBeNull();
    expect(regionRow(undefined)).toEqual({ missing: 'нет данных региона' });
  });
});

describe('analyze on tiny data', () => {
  it('gives every school-year an entry, p = 1 when nothing can be computed, and a Russian dossier', () => {
    const { data, problems } = buildDataset([
      {
        subject: 'math',
        grade: 5,
        year: 2024,
        tasks: [
          { code: '1', max: 1, level: 'Б' },
          { code: '2', max: 2, level: 'П' },
        ],
        cuts: null,
        works: [
          {
            school: 'sch1',
            className: '5А',
            scores: [1, 2],
            total: null,
            mark: 5,
            journal: 5,
            absent: false,
          },
          {
            school: 'sch1',
            className: '5А',
            scores: [0, 1],
            total: null,
            mark: 3,
            journal: 4,
            absent: false,
          },
          {
            school: 'sch2',
            className: '5Б',
            scores: [1, 1],
            total: null,
            mark: 4,
            journal: null,
            absent: false,
          },
          {
            school: 'sch2',
            className: '5Б',
            scores: [0, 0],
            total: null,
            mark: 2,
            journal: 3,
            absent: false,
          },
          {
            school: 'sch2',
            className: '5Б',
            scores: [null, null],
            total: null,
            mark: null,
            journal: 3,
            absent: true,
          },
        ],
      },
    ]);
    expect(problems).toEqual([]);
    expect(data.tests[0]?.n).toBe(4);
    expect(data.tests[0]?.design.cuts).toEqual([1, 2, 3]);
    const result = analyze(data);
    expect(result.schools.map((s) => [s.school, s.year, s.p, s.flagged, s.tests])).toEqual([
      ['sch1', 2024, 1, false, 0],
      ['sch2', 2024, 1, false, 0],
    ]);
    const dossier = buildDossier(result.schools[0]!, (c) => c);
    expect(dossier.summary).toMatch(/Недостаточно данных/);
    expect(dossier.caveats.join(' ')).toMatch(/Мало работ/);
    expect(result.tests[0]?.region).toEqual({ missing: 'нет данных региона' });
  });

  it('reports a test whose cut scores cannot be derived', () => {
    const { problems } = buildDataset([
      {
        subject: 'rus',
        grade: 4,
        year: 2025,
        tasks: [{ code: '1', max: 2, level: null }],
        cuts: null,
        works: [
          {
            school: 'sch1',
            className: null,
            scores: [1],
            total: 1,
            mark: 3,
            journal: 3,
            absent: false,
          },
        ],
      },
    ]);
    expect(problems[0]?.message).toMatch(/границы отметок/);
  });

  it('Russian plurals and sample notes', () => {
    expect([1, 2, 5, 11, 21, 22].map(works)).toEqual([
      '1 работа',
      '2 работы',
      '5 работ',
      '11 работ',
      '21 работа',
      '22 работы',
    ]);
    expect(sampleNote(12)).toMatch(/меньше 20/);
    expect(sampleNote(30)).toMatch(/грубая/);
    expect(sampleNote(60)).toBeNull();
  });
});

describe('class-level units on a simulated district', () => {
  // Schools of two classes (~25 pupils each); in a manipulating school only class «5А» gets help
  // on the hardest tasks.
  const { data, truth } = simulate({
    ...DEFAULT_SIMULATION,
    seed: 11,
    schools: 80,
    years: [2023, 2024],
    sizes: [50],
    scope: 'class',
    manipulation: { kind: 'help', strength: 0.6, h: 0.7, k: 4 },
  });
  const result = analyze(data);

  it('analyses each class of 10+ works, with the concordance dispersion estimated over classes', () => {
    for (const sy of result.schools) {
      const unit = sy.units[0];
      expect(unit?.classes.map((c) => c.name)).toEqual(['5А', '5Б']);
      for (const c of unit?.classes ?? [])
        expect(c.indicators.map((i) => i.indicator)).toEqual([
          'cutExcess',
          'misfit',
          'itemProfile',
          'concordance',
        ]);
    }
  });

  it('names the manipulated class in the driver and in the dossier, in Russian', () => {
    const flagged = result.schools.filter(
      (s) => s.flagged && truth.manipulated.has(`${s.school}|${s.year}`),
    );
    expect(flagged.length).toBeGreaterThan(0);
    const byClass = flagged.filter((s) => s.driver?.className === '5А');
    expect(byClass.length).toBeGreaterThan(0);
    const dossier = buildDossier(byClass[0]!, (c) => c);
    const classEvidence = dossier.evidence.filter((e) => e.className === '5А');
    expect(classEvidence.length).toBeGreaterThan(0);
    expect(classEvidence[0]?.text).toMatch(/^Класс 5А: /);
    expect(classEvidence[0]?.text).toMatch(/Однородность класса/);
    // Honest classes of the same schools do not drive the flags.
    expect(flagged.some((s) => s.driver?.className === '5Б')).toBe(false);
  });
});
