import { SYSTEM_ACTOR } from '../../../core/access/actor';
import { createRng, type Rng } from '../../../core/random';
import type { TaskDef } from '../../../core/results/types';
import {
  individualResultsTable,
  schoolFormTable,
  tableToCsv,
  tablesToXlsx,
  type ExportWork,
} from '../../../importers/results/writers';
import type { DemoContext, DemoStep } from '../index';
import type { DemoYear } from '../world';
import { importJournalMarks, replaceJournalExport } from './journal';
import { importOge } from './oge';
import { linkDemoCodes, type LinkSource } from './links';
import {
  simulatedCutScores,
  simulatedStructure,
  simulateSchoolWorks,
  taskDifficulties,
  type SimClass,
  type SimPupil,
  type SimTest,
} from './simulation';

const SUBJECTS = [
  { code: 'rus', name: 'Русский язык', file: 'rus', maxRange: [38, 45] },
  { code: 'math', name: 'Математика', file: 'mat', maxRange: [16, 20] },
] as const;
const GRADES = [4, 5, 6, 7, 8];
/** Years of ВПР results: the three academic years before the current one. */
export const DEMO_VPR_YEARS = 3;

/** Levels for catalog tasks that have none: the last third are П. */
const withLevels = (tasks: readonly TaskDef[]): TaskDef[] => {
  const hard = Math.round(tasks.length / 3);
  return tasks.map((t, i) => ({ ...t, level: t.level ?? (i >= tasks.length - hard ? 'П' : 'Б') }));
};

async function testFor(
  ctx: DemoContext,
  rng: Rng,
  year: number,
  subject: (typeof SUBJECTS)[number],
  grade: number,
): Promise<SimTest> {
  const entry = (
    await ctx.services.testCatalog.list(SYSTEM_ACTOR, { procedure: 'vpr', year, grade })
  ).find((t) => t.subjectCode === subject.code && t.form === '' && t.session === 'spring');
  const maxTotal = entry?.maxTotal ?? rng.int(subject.maxRange[0], subject.maxRange[1]);
  const tasks = entry?.tasks.length ? withLevels(entry.tasks) : simulatedStructure(rng, maxTotal);
  return {
    subject: subject.code,
    grade,
    tasks,
    cutScores: entry?.cutScores ?? simulatedCutScores(maxTotal),
    difficulty: taskDifficulties(rng, tasks),
  };
}

/**
 * Three years of ВПР (grades 4–8, Russian and Mathematics) for every demo school, simulated
 * (simulation.ts, manifest.ts) and written as the municipal «Индивидуальные результаты» export
 * (CSV Windows-1251 or XLSX), then loaded through the importers like a user's files. One school
 * also uploads its «Форма сбора результатов» for the latest Russian grade 4, with one score
 * corrected, which replaces its part of the municipal file (import history with a replacement).
 */
export const vprDemoStep: DemoStep = {
  name: 'результаты ВПР за три года',
  async run(ctx) {
    const { rng, world, services } = ctx;
    const years = world.years.slice(0, DEMO_VPR_YEARS);
    const schoolMean = new Map(
      world.schools.map((s) => [
        s.id,
        0.35 * rng.normal() + (s.kind === 'gymnasium' || s.kind === 'lyceum' ? 0.35 : 0),
      ]),
    );
    // Pupils per cohort (school, year of entering grade 1, letter), kept across years.
    const cohorts = new Map<string, SimPupil[]>();
    const pupilsOf = (
      schoolId: number,
      entry: number,
      letter: string,
      size: number,
      r: Rng = rng,
    ) => {
      const key = `${schoolId}:${entry}:${letter}`;
      let pupils = cohorts.get(key);
      if (!pupils) {
        const mean = schoolMean.get(schoolId) ?? 0;
        pupils = Array.from({ length: size }, () => ({ ability: mean + r.normal() }));
        cohorts.set(key, pupils);
      } else {
        for (const p of pupils) p.ability += 0.25 * r.normal();
      }
      return pupils;
    };
    // ОГЭ draws from its own stream, so that its model can change without moving the ВПР data.
    const ogeRng = createRng(rng.int(1, 0x7fffffff));
    let files = 0;
    let works = 0;
    const journalSources: LinkSource[] = [];
    const cohortSources: { year: DemoYear; calendarYear: number; source: LinkSource }[] = [];
    for (const [yearIndex, year] of years.entries()) {
      const vprYear = year.startYear + 1;
      const classes = new Map<number, SimClass[][]>();
      for (const school of world.schools) {
        const list = await services.classes.list(SYSTEM_ACTOR, school.id, year.id);
        classes.set(
          school.id,
          GRADES.map((grade) =>
            list
              .filter((c) => c.cls.parallel === grade)
              .map((c) => ({
                className: `${grade}${c.cls.letter}`,
                pupils: pupilsOf(
                  school.id,
                  year.startYear - grade + 1,
                  c.cls.letter,
                  c.cls.studentCount ?? 25,
                ),
              })),
          ),
        );
      }
      for (const subject of SUBJECTS) {
        for (const [g, grade] of GRADES.entries()) {
          const test = await testFor(ctx, rng, vprYear, subject, grade);
          const all: ExportWork[] = [];
          for (const [s, school] of world.schools.entries()) {
            all.push(
              ...simulateSchoolWorks(
                rng,
                test,
                school,
                classes.get(school.id)?.[g] ?? [],
                yearIndex,
                10000 + s * 300,
              ),
            );
          }
          const table = individualResultsTable({
            title: `ВПР ${vprYear} ${subject.name} ${grade} класс`,
            municipality: world.municipalityName,
            tasks: test.tasks,
            works: all,
          });
          const asXlsx = files % 3 === 2;
          const base = `individualnye_rezultaty_vpr_${vprYear}_${subject.file}_${grade}`;
          const fileName = asXlsx ? `${base}.xlsx` : `${base}.csv`;
          const bytes = asXlsx
            ? await tablesToXlsx([{ name: 'Результаты', table }])
            : tableToCsv(table);
          const out = await services.resultImports.importFile(
            SYSTEM_ACTOR,
            { fileName, bytes, choice: {} },
            { createSchools: false },
          );
          files++;
          works += out.works;
          // The latest grade-9 cohort's earlier ВПР (grade 8 a year before, 7 two years before).
          if (yearIndex < years.length - 1 && grade === 9 - (years.length - 1 - yearIndex)) {
            cohortSources.push({
              year,
              calendarYear: vprYear,
              source: {
                procedure: 'vpr',
                subjectCode: subject.code,
                subjectName: subject.name,
                grade,
                works: all,
              },
            });
          }
          if (yearIndex === years.length - 1) {
            journalSources.push({
              procedure: 'vpr',
              subjectCode: subject.code,
              subjectName: subject.name,
              grade,
              works: all,
            });
          }
          if (yearIndex === years.length - 1 && subject.code === 'rus' && grade === 4) {
            await uploadCorrectedForm(ctx, vprYear, test.tasks, all);
          }
        }
      }
      // Grade 9 this year is the cohort that was grade 8 last year: entry year start − 8.
      const oge = await importOge(ctx, ogeRng, year, vprYear, (schoolId, letter, size) =>
        pupilsOf(schoolId, year.startYear - 8, letter, size, ogeRng),
      );
      works += oge.works;
      files += oge.files;
      ctx.progress(`  ВПР и ОГЭ ${vprYear}: загружено файлов ${files}, работ ${works}`);
      if (yearIndex === years.length - 1) {
        // The latest year's works are linked to students; no random draws from here on.
        const sources = [...journalSources, ...oge.sources];
        const { codes, linked } = await linkDemoCodes(ctx, year, vprYear, sources);
        const marks = await importJournalMarks(ctx, year.startYear, sources, codes);
        ctx.progress(
          `  коды обучающихся ${vprYear}: связано работ ${linked}; промежуточная и итоговая аттестация ${year.startYear}/${vprYear}: отметок ${marks}`,
        );
        let earlier = 0;
        for (const c of cohortSources) {
          earlier += (await linkDemoCodes(ctx, c.year, c.calendarYear, [c.source])).linked;
        }
        ctx.progress(`  коды обучающихся 9 классов в прежних ВПР: связано работ ${earlier}`);
        await replaceJournalExport(ctx, year.startYear, sources, codes);
      }
    }
  },
};

/** The first school's own form for one test, with one score corrected (a later, fixed file). */
async function uploadCorrectedForm(
  ctx: DemoContext,
  year: number,
  tasks: TaskDef[],
  all: ExportWork[],
) {
  const school = ctx.world.schools[0];
  if (!school) return;
  const own = all.filter((w) => w.schoolLogin === school.fisLogin);
  const fixed = own.findIndex((w) => !w.absent && (w.scores[0] ?? 0) < (tasks[0]?.max ?? 0));
  const corrected = own.map((w, i) =>
    i === fixed ? { ...w, scores: w.scores.map((s, j) => (j === 0 ? (s ?? 0) + 1 : s)) } : w,
  );
  const bytes = tableToCsv(schoolFormTable({ tasks, works: corrected }), { encoding: 'utf-8' });
  await ctx.services.resultImports.importFile(
    SYSTEM_ACTOR,
    {
      fileName: `forma_sbora_vpr_${year}_rus_4_${school.fisLogin}.csv`,
      bytes,
      choice: { procedure: 'vpr', year, subjectCode: 'rus', grade: 4 },
    },
    { createSchools: false },
  );
}
