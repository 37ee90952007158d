import { SYSTEM_ACTOR } from '../../../core/access/actor';
import type { JournalMapping } from '../../../core/results/journalMarks';
import { tableToCsv } from '../../../importers/results/writers';
import type { DemoContext } from '../index';
import type { LinkSource, StudentCodes } from './links';

const HEADER = ['Код обучающегося', 'Класс', 'Предмет', 'Вид аттестации', 'Отметка'];
const MAPPING: JournalMapping = { studentCode: 0, className: 1, subject: 2, period: 3, mark: 4 };

/** ВПР grades get промежуточная аттестация; grade 9 (ОГЭ) gets итоговая. */
const periodOf = (source: LinkSource) =>
  source.procedure === 'oge' ? 'Итоговая аттестация' : 'Промежуточная аттестация';

/**
 * Internal marks for the latest year, one journal export per school and grade, consistent with
 * the simulation: each pupil's attestation mark in a subject is the journal mark the simulation
 * gave that pupil beside the external work of the same year — промежуточная аттестация for the
 * ВПР grades, итоговая аттестация for grade 9 (ОГЭ). The student column holds the school's
 * pseudonymous student code (linked by the code lists, links.ts), so external and internal
 * marks of the same students can be compared. Loaded through the journal-mark importer with an
 * explicit column mapping.
 */
export async function importJournalMarks(
  ctx: DemoContext,
  academicYear: number,
  sources: LinkSource[],
  codes: StudentCodes,
): Promise<number> {
  let marks = 0;
  for (const school of ctx.world.schools) {
    for (const grade of [...new Set(sources.map((s) => s.grade))]) {
      const rows = journalRows(school.fisLogin, grade, sources, codes);
      if (rows.length === 1) continue;
      const out = await ctx.services.journalMarks.importBytes(
        SYSTEM_ACTOR,
        { orgId: school.id, year: academicYear },
        `journal_${school.fisLogin}_${academicYear}_${grade}.csv`,
        tableToCsv(rows),
        MAPPING,
      );
      marks += out.marks;
    }
  }
  return marks;
}

function journalRows(
  login: string,
  grade: number,
  sources: LinkSource[],
  codes: StudentCodes,
): (string | number)[][] {
  const rows: (string | number)[][] = [HEADER];
  for (const source of sources.filter((s) => s.grade === grade)) {
    const students = codes.get(source)?.get(login);
    for (const w of source.works) {
      if (w.schoolLogin !== login || w.journalMark === null) continue;
      rows.push([
        students?.get(w.participantCode) ?? w.participantCode,
        w.className,
        source.subjectName,
        periodOf(source),
        w.journalMark,
      ]);
    }
  }
  return rows;
}

/**
 * The first school re-exports its grade-4 journal with one mark corrected (a 3 entered as 4):
 * the corrected file replaces the first import, which stays in the history as replaced.
 */
export async function replaceJournalExport(
  ctx: DemoContext,
  academicYear: number,
  sources: LinkSource[],
  codes: StudentCodes,
): Promise<void> {
  const school = ctx.world.schools[0];
  if (!school) return;
  const rows = journalRows(school.fisLogin, 4, sources, codes);
  const at = rows.findIndex((r, i) => i > 0 && r[4] === 4);
  if (at < 0) return;
  rows[at] = [...(rows[at] as (string | number)[]).slice(0, 4), 3];
  await ctx.services.journalMarks.importBytes(
    SYSTEM_ACTOR,
    { orgId: school.id, year: academicYear },
    `journal_${school.fisLogin}_${academicYear}_4_ispravlennyj.csv`,
    tableToCsv(rows),
    MAPPING,
  );
}
