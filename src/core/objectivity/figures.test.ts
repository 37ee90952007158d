import { describe, expect, it } from 'vitest';
import { analyze } from '../analytics/analyze';
import { buildDataset, type InputTest } from '../analytics/build';
import { tinyTest } from '../analytics/testing';
import { markFor, testKey } from '../analytics/types';
import { computeFigures, hardBeatsEasy, sumExpected } from './figures';
import { NO_REGION, regionFigures } from './figuresRegion';
import { runFigures } from './figuresRun';

describe('computeFigures', () => {
  // Three tasks (max 1, 1, 2), cuts 1/2/3 on a 0..4 scale.
  const test = tinyTest(
    [
      { scores: [0, 0, 0], total: 0, mark: 2, journal: 3 },
      { scores: [1, 0, 0], total: 1, mark: 3, journal: 3 },
      { scores: [1, 1, 0], total: 2, mark: 4, journal: 3 },
      { scores: [1, 1, 2], total: 4, mark: 5, journal: 5 },
      { scores: [0, 1, 2], total: 3, mark: 5, journal: 0 },
    ],
    { itemMax: [1, 1, 2], cuts: [1, 2, 3], maxTotal: 4 },
  );
  const test2 = { ...test, design: { ...test.design, itemLevels: ['Б', 'Б', 'П'] } };
  const f = computeFigures(test2, [0, 1, 2, 3, 4], 'school', [0.5, 1, 1.5, 1.254, 0.746]);

  it('counts marks with the ФИС ОКО shares', () => {
    expect(f.marks).toEqual({
      participants: 5,
      marked: 5,
      counts: [1, 1, 1, 2],
      percent: [20, 20, 20, 40],
      successRate: 80,
      qualityRate: 60,
      meanMark: 3.8,
    });
  });

  it('builds the primary-score histogram with the cut scores', () => {
    expect(f.scores.counts).toEqual([1, 1, 1, 1, 1]);
    expect(f.scores.percent).toEqual([20, 20, 20, 20, 20]);
    expect(f.scores.cuts).toEqual([1, 2, 3]);
    expect(f.scores.expected).toEqual([0.5, 1, 1.5, 1.25, 0.75]);
    // Marks follow the cut scores of the engine.
    expect([0, 1, 2, 3, 4].map((t) => markFor(t, f.scores.cuts))).toEqual([2, 3, 4, 5, 5]);
  });

  it('gives task success by task and level, and the «трудные лучше лёгких» sign', () => {
    expect(f.tasks.tasks.map((t) => t.percent)).toEqual([60, 60, 40]);
    expect(f.tasks.levels).toEqual([
      { level: 'Б', percent: 60, tasks: 2 },
      { level: 'П', percent: 40, tasks: 1 },
    ]);
    expect(f.tasks.hardBeatsEasy).toBe(false);
    expect(
      hardBeatsEasy([
        { level: 'Б', percent: 50, tasks: 3 },
        { level: 'В', percent: 70, tasks: 1 },
      ]),
    ).toBe(true);
    expect(hardBeatsEasy([{ level: 'Б', percent: 50, tasks: 3 }])).toBeNull();
  });

  it('compares ВПР marks with journal marks', () => {
    expect(f.journal.matrix).toEqual([
      [0, 1, 0, 0],
      [0, 1, 0, 0],
      [0, 1, 0, 0],
      [0, 0, 0, 1],
    ]);
    expect(f.journal).toMatchObject({
      pairs: 4,
      lowered: 1,
      confirmed: 2,
      raised: 1,
      percent: [25, 50, 25],
      withoutJournal: 1,
    });
  });

  it('handles an empty set', () => {
    const e = computeFigures(test, [], 'class');
    expect(e.marks.percent).toBeNull();
    expect(e.journal.percent).toBeNull();
    expect(e.scores.expected).toBeNull();
    expect(e.scores.counts).toEqual([0, 0, 0, 0, 0]);
  });

  it('sums expected distributions', () => {
    expect(
      sumExpected([
        [1, 2],
        [0.5, 0.25, 1],
      ]),
    ).toEqual([1.5, 2.25, 1]);
    expect(sumExpected([[1], null])).toBeNull();
  });
});

describe('regionFigures', () => {
  const design = {
    itemLabels: ['1', '2'],
    itemLevels: ['Б', 'В'],
    itemMax: Uint8Array.from([1, 2]),
  };
  it('says «нет данных региона» when nothing was imported', () => {
    expect(regionFigures(undefined, design)).toEqual({ missing: NO_REGION });
  });
  it('derives the region rows from the shares', () => {
    const r = regionFigures(
      {
        participants: 1000,
        markPercent: [10, 40, 35, 15],
        journalPercent: [20, 75, 5],
        taskPercent: { '1': 80, '2': 90 },
      },
      design,
    );
    expect(r).toMatchObject({
      level: 'region',
      successRate: 90,
      qualityRate: 50,
      meanMark: 3.55,
      journalPercent: [20, 75, 5],
    });
    if ('missing' in r) throw new Error('region expected');
    expect(r.tasks.tasks.map((t) => [t.percent, t.achieved])).toEqual([
      [80, true],
      [90, true],
    ]);
    expect(r.tasks.hardBeatsEasy).toBe(true);
  });
});

describe('runFigures', () => {
  const works = (school: string, shift: number) =>
    Array.from({ length: 24 }, (_, i) => {
      const a = (i + shift) % 2;
      const b = (i + shift) % 3 === 0 ? 2 : (i + shift) % 3 === 1 ? 1 : 0;
      const c = (i * 7 + shift) % 4 === 0 ? 1 : 0;
      const total = a + b + c;
      return {
        school,
        className: i < 12 ? '5А' : '5Б',
        scores: [a, b, c],
        total,
        mark: markFor(total, [1, 2, 3]),
        journal: 2 + ((i + shift) % 4),
        absent: false,
      };
    });
  const input: InputTest = {
    subject: 'ru',
    grade: 5,
    year: 2025,
    tasks: [
      { code: '1', max: 1, level: 'Б' },
      { code: '2', max: 2, level: 'П' },
      { code: '3', max: 1, level: 'В' },
    ],
    cuts: [1, 2, 3],
    works: [...works('10', 0), ...works('11', 1), ...works('12', 2)],
  };
  const { data } = buildDataset([input]);
  data.region = new Map([
    [testKey('ru', 5, 2025), { participants: 500, markPercent: [5, 30, 40, 25] as const }],
  ]);
  const result = analyze(data);
  const figures = runFigures(data, result);

  it('gives the numbers the engine computed, per school and for the municipality', () => {
    expect(figures).toHaveLength(1);
    const t = figures[0];
    if (!t) throw new Error('no test');
    expect(t.schools.map((s) => s.school)).toEqual(['10', '11', '12']);
    for (const s of t.schools) {
      const unit = result.schools.find((r) => r.school === s.school)?.units[0];
      if (!unit) throw new Error('no unit');
      expect(s.figures.marks.percent).toEqual(unit.tables.marks.percent);
      expect(s.figures.journal.percent).toEqual(unit.tables.journal.percent);
      expect(s.figures.tasks.tasks).toEqual(unit.tables.tasks);
      expect(s.figures.scores.expected?.length).toBe(5);
      // The expected distribution is a distribution of the school's pupils.
      const sum = (s.figures.scores.expected ?? []).reduce((a, x) => a + x, 0);
      expect(sum).toBeCloseTo(24, 1);
      expect(s.classes.map((c) => [c.name, c.figures.marks.participants])).toEqual([
        ['5А', 12],
        ['5Б', 12],
      ]);
    }
    expect(t.municipality.marks.percent).toEqual(result.tests[0]?.municipality.marks.percent);
    expect(t.municipality.marks.participants).toBe(72);
    expect(t.region).toMatchObject({ level: 'region', participants: 500, qualityRate: 65 });
  });
});
