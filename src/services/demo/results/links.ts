import { SYSTEM_ACTOR } from '../../../core/access/actor';
import { listClassRosters } from '../../../db/repositories/students';
import { tableToCsv, type ExportWork } from '../../../importers/results/writers';
import type { DemoContext } from '../index';
import type { DemoYear } from '../world';

/** The works of one external test of the latest demo year (all schools). */
export interface LinkSource {
  procedure: 'vpr' | 'oge';
  subjectCode: string;
  subjectName: string;
  grade: number;
  works: ExportWork[];
}

/** school login → participant code → student code, per test (codes repeat across tests). */
export type StudentCodes = Map<LinkSource, Map<string, Map<string, string>>>;

/**
 * Each school links the latest year's external works to its pseudonymous students by uploading
 * a code list per test («Код участника», «Код обучающегося»), through the code-link service.
 * The simulation gives the k-th work of a class to the k-th pupil of that class's cohort, and
 * the registry's cohort students are the same pupils in the same order, so the k-th work of
 * class «5Б» belongs to the k-th student of 5Б by code. Returns the codes for the journal step.
 */
export async function linkDemoCodes(
  ctx: DemoContext,
  year: DemoYear,
  calendarYear: number,
  sources: LinkSource[],
): Promise<{ codes: StudentCodes; linked: number }> {
  const codes: StudentCodes = new Map(sources.map((s) => [s, new Map()]));
  const testIds = new Map<LinkSource, number>();
  for (const source of sources) {
    const test = (
      await ctx.services.testCatalog.list(SYSTEM_ACTOR, {
        procedure: source.procedure,
        year: calendarYear,
        grade: source.grade,
      })
    ).find((t) => t.subjectCode === source.subjectCode && t.form === '');
    if (test) testIds.set(source, test.id);
  }
  let linked = 0;
  for (const school of ctx.world.schools) {
    const rosters = new Map<string, string[]>();
    for (const r of await listClassRosters(ctx.deps.database.db, school.id, year.id)) {
      const key = `${r.parallel}${r.letter}`;
      rosters.set(key, [...(rosters.get(key) ?? []), r.code]);
    }
    for (const source of sources) {
      const testId = testIds.get(source);
      const byCode = new Map<string, string>();
      const seen = new Map<string, number>();
      for (const w of source.works) {
        if (w.schoolLogin !== school.fisLogin || !w.className) continue;
        const k = seen.get(w.className) ?? 0;
        seen.set(w.className, k + 1);
        const student = rosters.get(w.className)?.[k];
        if (student) byCode.set(w.participantCode, student);
      }
      codes.get(source)!.set(school.fisLogin, byCode);
      if (testId === undefined || !byCode.size) continue;
      const rows: string[][] = [['Код участника', 'Код обучающегося']];
      for (const [participant, student] of byCode) rows.push([participant, student]);
      const out = await ctx.services.codeLinks.upload(SYSTEM_ACTOR, testId, school.id, {
        fileName: `kody_${source.procedure}_${calendarYear}_${source.subjectCode}_${source.grade}_${school.fisLogin}.csv`,
        bytes: tableToCsv(rows, { encoding: 'utf-8' }),
      });
      linked += out.linked;
    }
  }
  return { codes, linked };
}
