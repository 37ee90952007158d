import type { Rng } from '../../../core/random';
import { markFromScore } from '../../../core/results/marks';
import type { CutScores, Mark, TaskDef, TaskLevel } from '../../../core/results/types';
import type { ExportWork } from '../../../importers/results/writers';
import { manipulationsOf, type Manipulation } from './manifest';

/**
 * The demo's ВПР simulation (documented in docs/results.md):
 *
 * - Each pupil has an ability θ: school mean (N(0, 0.35), +0.35 for gymnasiums and lyceums) plus
 *   a personal N(0, 1) that stays with the pupil's cohort across years (drift N(0, 0.25) a year).
 * - Each task has a difficulty by level: Б ~ N(−1.1, 0.5), П ~ N(0.1, 0.5), В ~ N(0.8, 0.4).
 *   Points are earned one by one: point k of a task is earned with probability
 *   logistic(1.5·(θ − b − 0.35·(k − 1))) and the first miss stops the task. A pupil very
 *   unlikely to score leaves the task blank («X») with probability 0.35.
 * - 4 % of pupils are absent («отсутствовал»).
 * - The journal mark follows θ plus N(0, 0.5) noise (thresholds −1.9, −0.6, 0.8): journal marks
 *   run higher than ВПР marks, as they do in practice.
 * - The ВПР mark follows the primary score through the test's cut scores.
 * - Schools in the manifest (manifest.ts) then manipulate scores as their kind says.
 */

export interface SimTest {
  subject: 'rus' | 'math';
  grade: number;
  tasks: TaskDef[];
  cutScores: CutScores;
  /** Difficulty per task (same order as tasks). */
  difficulty: number[];
}

export interface SimPupil {
  ability: number;
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));

/** A plausible structure for a test whose tasks the catalog does not know. */
export function simulatedStructure(rng: Rng, maxTotal: number): TaskDef[] {
  const tasks: TaskDef[] = [];
  let left = maxTotal;
  let n = 0;
  while (left > 0) {
    n++;
    const max = Math.min(left, rng.pick([1, 1, 2, 2, 2, 3]));
    left -= max;
    tasks.push({ code: String(n), max, level: null });
  }
  const hard = Math.max(1, Math.round(tasks.length * 0.3));
  return tasks.map((t, i) => ({
    ...t,
    level:
      i >= tasks.length - hard ? (i === tasks.length - 1 && tasks.length > 8 ? 'В' : 'П') : 'Б',
  }));
}

/** Cut scores at about 30 %, 55 % and 80 % of the maximum. */
export function simulatedCutScores(maxTotal: number): CutScores {
  const min3 = Math.max(1, Math.round(maxTotal * 0.3));
  const min4 = Math.max(min3 + 1, Math.round(maxTotal * 0.55));
  const min5 = Math.max(min4 + 1, Math.min(maxTotal, Math.round(maxTotal * 0.8)));
  return { min3, min4, min5 };
}

const LEVEL_DIFFICULTY: Record<TaskLevel, [number, number]> = {
  Б: [-1.1, 0.5],
  П: [0.1, 0.5],
  В: [0.8, 0.4],
};

export function taskDifficulties(rng: Rng, tasks: readonly TaskDef[]): number[] {
  return tasks.map((t) => {
    const [mean, sd] = LEVEL_DIFFICULTY[t.level ?? 'Б'];
    return mean + sd * rng.normal();
  });
}

function scoreTask(rng: Rng, ability: number, difficulty: number, max: number): number | null {
  if (logistic(1.5 * (ability - difficulty)) < 0.08 && rng.chance(0.35)) return null;
  let points = 0;
  for (let k = 1; k <= max; k++) {
    if (!rng.chance(logistic(1.5 * (ability - difficulty - 0.35 * (k - 1))))) break;
    points++;
  }
  return points;
}

function journalMark(rng: Rng, ability: number): Mark {
  const x = ability + 0.5 * rng.normal();
  return x < -1.9 ? 2 : x < -0.6 ? 3 : x < 0.8 ? 4 : 5;
}

const total = (scores: readonly (number | null)[]) =>
  scores.reduce<number>((s, x) => s + (x ?? 0), 0);

/** Adds `points` to a work, task by task where room is left (hardest tasks last). */
function addPoints(scores: (number | null)[], tasks: readonly TaskDef[], points: number): void {
  let left = points;
  for (let pass = 0; pass < 3 && left > 0; pass++) {
    for (let i = 0; i < tasks.length && left > 0; i++) {
      const room = (tasks[i]?.max ?? 0) - (scores[i] ?? 0);
      if (room > 0) {
        scores[i] = (scores[i] ?? 0) + 1;
        left--;
      }
    }
  }
}

function manipulate(
  rng: Rng,
  m: Manipulation,
  test: SimTest,
  scores: (number | null)[],
  ability: number,
  journal: Mark | null,
): void {
  if (!rng.chance(m.rate)) return;
  const t = total(scores);
  const cuts = [test.cutScores.min3, test.cutScores.min4, test.cutScores.min5];
  switch (m.kind) {
    case 'lenient_near_cut': {
      const cut = cuts.find((c) => c - t >= 1 && c - t <= 2);
      if (cut !== undefined) addPoints(scores, test.tasks, cut - t);
      return;
    }
    case 'help_on_hard_tasks':
      test.tasks.forEach((task, i) => {
        if (task.level === 'П' || task.level === 'В') {
          scores[i] = scoreTask(rng, ability + 2, test.difficulty[i] ?? 0, task.max) ?? 0;
        }
      });
      return;
    case 'raised_to_journal': {
      const mark = markFromScore(test.cutScores, t);
      if (journal !== null && mark !== null && journal > mark) {
        const target =
          journal === 5
            ? test.cutScores.min5
            : journal === 4
              ? test.cutScores.min4
              : test.cutScores.min3;
        addPoints(scores, test.tasks, target - t);
      }
      return;
    }
    case 'flat_gain':
      addPoints(scores, test.tasks, 3);
      return;
  }
}

export interface SimClass {
  className: string;
  pupils: SimPupil[];
}

/** The works of one school for one test: one per pupil, absent ones included. */
export function simulateSchoolWorks(
  rng: Rng,
  test: SimTest,
  school: { number: string; fisLogin: string; shortName: string },
  classes: readonly SimClass[],
  yearIndex: number,
  firstCode: number,
): ExportWork[] {
  const manipulations = manipulationsOf(school.number, test.subject, yearIndex);
  const works: ExportWork[] = [];
  let code = firstCode;
  for (const cls of classes) {
    for (const pupil of cls.pupils) {
      const participantCode = String(code++);
      const journal = rng.chance(0.03) ? null : journalMark(rng, pupil.ability);
      const base = {
        schoolLogin: school.fisLogin,
        schoolName: school.shortName,
        participantCode,
        className: cls.className,
        journalMark: journal,
        gender: rng.chance(0.5) ? ('М' as const) : ('Ж' as const),
      };
      if (rng.chance(0.04)) {
        works.push({
          ...base,
          variant: null,
          absent: true,
          scores: test.tasks.map(() => null),
          mark: null,
        });
        continue;
      }
      const scores = test.tasks.map((t, i) =>
        scoreTask(rng, pupil.ability, test.difficulty[i] ?? 0, t.max),
      );
      for (const m of manipulations) manipulate(rng, m, test, scores, pupil.ability, journal);
      works.push({
        ...base,
        variant: rng.int(1, 2),
        absent: false,
        scores,
        mark: markFromScore(test.cutScores, total(scores)),
      });
    }
  }
  return works;
}
