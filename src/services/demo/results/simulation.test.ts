import { describe, expect, it } from 'vitest';
import { createRng } from '../../../core/random';
import { markFromScore } from '../../../core/results/marks';
import type { TaskDef } from '../../../core/results/types';
import type { ExportWork } from '../../../importers/results/writers';
import { DEMO_MANIPULATIONS } from './manifest';
import {
  simulatedCutScores,
  simulatedStructure,
  simulateSchoolWorks,
  taskDifficulties,
  type SimClass,
  type SimTest,
} from './simulation';

const rng0 = createRng(7);
const tasks: TaskDef[] = simulatedStructure(rng0, 30);
const test: SimTest = {
  subject: 'math',
  grade: 6,
  tasks,
  cutScores: simulatedCutScores(30),
  difficulty: taskDifficulties(rng0, tasks),
};
const classes = (seed: number): SimClass[] => {
  const rng = createRng(seed);
  return [
    { className: '6А', pupils: Array.from({ length: 3000 }, () => ({ ability: rng.normal() })) },
  ];
};
const run = (number: string, yearIndex: number, subject: 'rus' | 'math' = 'math') =>
  simulateSchoolWorks(
    createRng(11),
    { ...test, subject },
    { number, fisLogin: `sch78${number}`, shortName: number },
    classes(3),
    yearIndex,
    10000,
  ).filter((w) => !w.absent);
const total = (w: ExportWork) => w.scores.reduce<number>((s, x) => s + (x ?? 0), 0);
const share = (works: ExportWork[], f: (w: ExportWork) => boolean) =>
  works.filter(f).length / works.length;
const honest = run('8', 2);

describe('demo ВПР simulation', () => {
  it('builds structures that add up and scales that rise', () => {
    expect(tasks.reduce((s, t) => s + t.max, 0)).toBe(30);
    expect(test.cutScores).toEqual({ min3: 9, min4: 17, min5: 24 });
    expect(tasks.at(-1)?.level).toBe('В');
  });

  it('is deterministic and keeps absent pupils and marks consistent with the scale', () => {
    expect(run('8', 2)).toEqual(honest);
    for (const w of honest) expect(w.mark).toBe(markFromScore(test.cutScores, total(w)));
    expect(
      honest.every((w) => w.scores.every((s, i) => s === null || s <= (tasks[i]?.max ?? 0))),
    ).toBe(true);
  });

  it('applies each manipulation of the manifest, and only there', () => {
    expect(DEMO_MANIPULATIONS.map((m) => `${m.schoolNumber}:${m.kind}`)).toEqual([
      '207:lenient_near_cut',
      '226:help_on_hard_tasks',
      '305:raised_to_journal',
      '320:flat_gain',
    ]);
    const cuts = [test.cutScores.min3, test.cutScores.min4, test.cutScores.min5];
    const justBelow = (w: ExportWork) => cuts.some((c) => c - total(w) >= 1 && c - total(w) <= 2);
    expect(share(run('207', 0), justBelow)).toBeLessThan(share(honest, justBelow) / 3);

    const hard = (w: ExportWork) =>
      tasks.reduce((s, t, i) => s + (t.level === 'Б' ? 0 : (w.scores[i] ?? 0)), 0);
    const meanHard = (ws: ExportWork[]) => ws.reduce((s, w) => s + hard(w), 0) / ws.length;
    expect(meanHard(run('226', 1))).toBeGreaterThan(meanHard(honest) * 1.3);
    // 226 manipulates Mathematics only.
    expect(meanHard(run('226', 1, 'rus'))).toBeCloseTo(meanHard(run('8', 1, 'rus')), 5);

    const below = (w: ExportWork) => w.journalMark !== null && (w.mark ?? 0) < w.journalMark;
    expect(share(run('305', 2, 'rus'), below)).toBeLessThan(share(run('8', 2, 'rus'), below) / 3);
    // 305 is honest in the first year.
    expect(run('305', 0, 'rus')).toEqual(
      run('8', 0, 'rus').map((w) => ({ ...w, schoolLogin: 'sch78305', schoolName: '305' })),
    );

    const mean = (ws: ExportWork[]) => ws.reduce((s, w) => s + total(w), 0) / ws.length;
    expect(mean(run('320', 2)) - mean(honest)).toBeGreaterThan(2.5);
    expect(mean(run('320', 1))).toBeCloseTo(mean(run('8', 1)), 5);
  });
});
