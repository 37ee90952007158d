import { SYSTEM_ACTOR } from '../../../core/access/actor';
import type { JournalMapping } from '../../../core/results/journalMarks';
import { tableToCsv, type ExportWork } from '../../../importers/results/writers';
import type { DemoContext } from '../index';

/** The ВПР works of one subject and grade of the latest demo year (all schools). */
export interface JournalSource {
  subjectName: string;
  grade: number;
  works: ExportWork[];
}

const HEADER = ['Код участника ВПР', 'Класс', 'Предмет', 'Вид аттестации', 'Отметка'];
const MAPPING: JournalMapping = { studentCode: 0, className: 1, subject: 2, period: 3, mark: 4 };

/**
 * Промежуточная аттестация for the year, one journal export per school and grade, consistent
 * with the simulation: each pupil's attestation mark in a subject is the journal mark the
 * simulation gave that pupil in the ВПР file of the same year (the ВПР participant code is the
 * student code). Loaded through the journal-mark importer with an explicit column mapping.
 */
export async function importJournalMarks(
  ctx: DemoContext,
  academicYear: number,
  sources: JournalSource[],
): Promise<number> {
  let marks = 0;
  for (const school of ctx.world.schools) {
    for (const grade of [...new Set(sources.map((s) => s.grade))]) {
      const rows: (string | number)[][] = [HEADER];
      for (const source of sources.filter((s) => s.grade === grade)) {
        for (const w of source.works) {
          if (w.schoolLogin !== school.fisLogin || w.journalMark === null) continue;
          rows.push([
            w.participantCode,
            w.className,
            source.subjectName,
            'Промежуточная аттестация',
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
