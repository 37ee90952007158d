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
      const rows: (string | number)[][] = [HEADER];
      for (const source of sources.filter((s) => s.grade === grade)) {
        const students = codes.get(source)?.get(school.fisLogin);
        for (const w of source.works) {
          if (w.schoolLogin !== school.fisLogin || w.journalMark === null) continue;
          rows.push([
            students?.get(w.participantCode) ?? w.participantCode,
            w.className,
            source.subjectName,
            periodOf(source),
            w.journalMark,
          ]);
        }
      }
      if (rows.length === 1) continue;
      const base = `journal_${school.fisLogin}_${academicYear}_${grade}`;
      const out = await ctx.services.journalMarks.importBytes(
        SYSTEM_ACTOR,
        { orgId: school.id, year: academicYear },
        `${base}.csv`,
        tableToCsv(rows),
        MAPPING,
      );
      marks += out.marks;
    }
  }
  return marks;
}
