import { SYSTEM_ACTOR } from '../../../core/access/actor';
import type { Rng } from '../../../core/random';
import { tableToCsv, type ExportWork } from '../../../importers/results/writers';
import type { DemoContext } from '../index';
import type { DemoYear } from '../world';
import type { LinkSource } from './links';
import {
  simulatedStructure,
  simulateSchoolWorks,
  taskDifficulties,
  type SimClass,
  type SimPupil,
  type SimTest,
} from './simulation';

/** ОГЭ scales used by the simulation (simulated, not from the catalog). */
const OGE = [
  {
    code: 'rus',
    name: 'Русский язык',
    file: 'rus',
    max: 37,
    cuts: { min3: 15, min4: 23, min5: 31 },
  },
  { code: 'math', name: 'Математика', file: 'mat', max: 31, cuts: { min3: 8, min4: 15, min5: 22 } },
] as const;

/**
 * The pupils of a grade-9 class: its cohort (school, letter) as the ВПР years left it, moved on
 * by a year's drift; a cohort the ВПР years never saw is drawn like any new one.
 */
export type CohortOf = (schoolId: number, letter: string, size: number) => SimPupil[];

/**
 * ОГЭ for grade 9, one file per subject in the per-student shape (no task columns): primary
 * score from the same ability model (a paper of simulated tasks), mark by the scale above. The
 * pupils are the grade-9 cohorts of the ВПР simulation: the class that wrote ВПР in grade 8 a
 * year before (and grade 7 before that) writes ОГЭ with its abilities (plus a year's drift), so
 * linked ВПР, ОГЭ and internal marks belong to the same simulated students. `rng` is the ОГЭ's
 * own stream: changing the ОГЭ model never moves the ВПР data.
 */
export async function importOge(
  ctx: DemoContext,
  rng: Rng,
  year: DemoYear,
  calendarYear: number,
  cohortOf: CohortOf,
) {
  let works = 0;
  const sources: LinkSource[] = [];
  // One set of pupils per class for the year (both subjects), as for ВПР.
  const classesOf = new Map<number, SimClass[]>();
  for (const school of ctx.world.schools) {
    const list = await ctx.services.classes.list(SYSTEM_ACTOR, school.id, year.id);
    classesOf.set(
      school.id,
      list
        .filter((c) => c.cls.parallel === 9)
        .map((c) => ({
          className: `9${c.cls.letter}`,
          pupils: cohortOf(school.id, c.cls.letter, c.cls.studentCount ?? 25),
        })),
    );
  }
  for (const subject of OGE) {
    const tasks = simulatedStructure(rng, subject.max);
    const test: SimTest = {
      subject: subject.code,
      grade: 9,
      tasks,
      cutScores: subject.cuts,
      difficulty: taskDifficulties(rng, tasks),
    };
    const all: ExportWork[] = [];
    const rows: (string | number)[][] = [
      [`ОГЭ ${calendarYear} ${subject.name} 9 класс`],
      ['ОО', 'Муниципалитет', 'Название ОО', 'Код участника', 'Класс', 'Первичный балл', 'Отметка'],
    ];
    for (const [s, school] of ctx.world.schools.entries()) {
      const classes = classesOf.get(school.id) ?? [];
      // ОГЭ is honest in the demo: the manifest's schools manipulate ВПР only.
      for (const w of simulateSchoolWorks(
        rng,
        test,
        { ...school, number: '' },
        classes,
        -1,
        100000 + s * 300,
      )) {
        all.push(w);
        if (w.absent) continue;
        const total = w.scores.reduce<number>((a, x) => a + (x ?? 0), 0);
        rows.push([
          school.fisLogin,
          ctx.world.municipalityName,
          school.shortName,
          w.participantCode,
          w.className,
          total,
          w.mark ?? '',
        ]);
      }
    }
    const out = await ctx.services.resultImports.importFile(
      SYSTEM_ACTOR,
      {
        fileName: `oge_${calendarYear}_${subject.file}_9.csv`,
        bytes: tableToCsv(rows),
        choice: {},
      },
      { createSchools: false },
    );
    works += out.works;
    sources.push({
      procedure: 'oge',
      subjectCode: subject.code,
      subjectName: subject.name,
      grade: 9,
      works: all,
    });
  }
  return { works, sources, files: OGE.length };
}
