import { createHash } from 'node:crypto';
import { issue, type ImportIssue, type IssueWhere } from '../../core/results/issues';
import type { JournalMapping, MappedJournalMark } from '../../core/results/journalMarks';
import { findReplacedFiles, type ReplacedFile } from '../../core/results/journalReplace';
import { findSchoolLogin } from '../../core/results/title';
import type { Db } from '../../db/database';
import {
  findActiveJournalFile,
  findJournalFiles,
  findLinkedParticipants,
  listActiveMarkKeys,
  listSubjectRefs,
} from '../../db/repositories/journalMarks';
import { findOrgByFisLogin, findOrgById } from '../../db/repositories/organisations';
import { findStudentsByCodes } from '../../db/repositories/students';
import {
  parseJournalFile,
  suggestJournalMapping,
  type ParsedJournalFile,
} from '../../importers/results/journal';

export interface JournalReplacement extends ReplacedFile {
  fileName: string;
  importedAt: Date;
}

export interface JournalPlan {
  parsed: ParsedJournalFile;
  mapping: JournalMapping;
  sha256: string;
  alreadyImported: boolean;
  /** Student code → the school's student id, where the code resolves to one. */
  studentIds: Map<string, number>;
  /** Active earlier files of the same school and year this file replaces. */
  replaces: JournalReplacement[];
  /** The file's issues and the replacement's notes and warnings. */
  issues: ImportIssue[];
  ok: boolean;
}

/** Codes that are the school's student ids or ВПР participant codes it linked to one student. */
async function resolveStudents(db: Db, orgId: number, marks: readonly MappedJournalMark[]) {
  const codes = [...new Set(marks.map((m) => m.studentCode))];
  const found = await findStudentsByCodes(db, orgId, codes);
  const studentIds = new Map(found.map((s) => [s.code, s.id]));
  // A code linked to two different students (two administrations) stays unlinked, not guessed.
  const rest = codes.filter((c) => !studentIds.has(c));
  const byCode = new Map<string, Set<number>>();
  for (const l of await findLinkedParticipants(db, orgId, rest)) {
    byCode.set(l.code, (byCode.get(l.code) ?? new Set()).add(l.studentId));
  }
  for (const [code, ids] of byCode) {
    if (ids.size === 1) studentIds.set(code, [...ids][0] as number);
  }
  return studentIds;
}

/**
 * Everything a journal import would do, computed without changing anything: the mapped marks
 * and every issue, the students they resolve to, whether the same bytes are already active for
 * this school and year, and which earlier active files they replace (journalReplace.ts). The
 * preview shows it; the commit carries it out inside its transaction.
 */
export async function buildJournalPlan(
  db: Db,
  target: { orgId: number; year: number },
  fileName: string,
  bytes: Buffer,
  mapping: JournalMapping | null,
): Promise<JournalPlan> {
  const subjects = await listSubjectRefs(db);
  const first = await parseJournalFile(fileName, bytes, mapping ?? {}, subjects);
  const chosen = mapping ?? suggestJournalMapping(first.table.headers);
  const parsed = mapping ? first : await parseJournalFile(fileName, bytes, chosen, subjects);
  const studentIds = await resolveStudents(db, target.orgId, parsed.marks);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const alreadyImported =
    (await findActiveJournalFile(db, target.orgId, target.year, sha256)) !== null;
  const issues = [...parsed.issues];
  const where = { file: fileName, sheet: parsed.table.sheet };
  const ok = !issues.some((i) => i.severity === 'error');
  if (alreadyImported) {
    issues.push(
      issue(
        where,
        'note',
        'Этот файл уже загружен для этой ОО и учебного года (совпадает содержимое): повторная загрузка ничего не изменит. Чтобы загрузить его с другим сопоставлением столбцов, сначала отмените прежнюю загрузку',
      ),
    );
  }
  let replaces: JournalReplacement[] = [];
  if (ok && !alreadyImported) {
    const earlier = await listActiveMarkKeys(db, target.orgId, target.year, [
      ...new Set(parsed.marks.map((m) => m.subjectId)),
    ]);
    const found = findReplacedFiles(
      parsed.marks.map((m) => ({ ...m, studentId: studentIds.get(m.studentCode) ?? null })),
      earlier.map((e) => ({
        ...e,
        kind: e.kind as MappedJournalMark['kind'],
        termType: e.termType as MappedJournalMark['termType'],
      })),
    );
    const files = new Map(
      (
        await findJournalFiles(
          db,
          found.map((f) => f.fileId),
        )
      ).map((r) => [r.file.id, r.file]),
    );
    replaces = found.map((f) => ({
      ...f,
      fileName: files.get(f.fileId)?.fileName ?? '',
      importedAt: files.get(f.fileId)?.importedAt ?? new Date(0),
    }));
    for (const r of replaces) {
      issues.push(
        issue(
          where,
          'note',
          `Файл заменит прежнюю загрузку № ${r.fileId} («${r.fileName}»): в ней отметок тех же обучающихся по тем же предметам за те же периоды — ${r.overlapping}; прежняя загрузка останется в истории, её можно вернуть отменой новой`,
        ),
      );
      if (r.dropped) {
        issues.push(
          issue(
            where,
            'warning',
            `В заменяемой загрузке № ${r.fileId} («${r.fileName}») есть отметки, которых нет в новом файле: ${r.dropped} (например, ${r.droppedExamples.join('; ')}). После замены они перестанут учитываться`,
          ),
        );
      }
    }
  }
  return { parsed, mapping: chosen, sha256, alreadyImported, studentIds, replaces, issues, ok };
}

/**
 * The school of a journal file named only by its bytes (CLI): the chosen one, or the one whose
 * `sch…` login the file name carries. A name with another school's login is refused, as for
 * result files. Returns the school's id or the error.
 */
export async function resolveJournalSchool(
  db: Db,
  where: IssueWhere,
  orgId: number | undefined,
): Promise<number | ImportIssue> {
  const login = findSchoolLogin(where.file);
  const hinted = login ? await findOrgByFisLogin(db, login) : null;
  if (orgId === undefined) {
    if (hinted) return hinted.id;
    return issue(
      where,
      'error',
      login
        ? `ОО с логином ${login} из имени файла нет в реестре`
        : 'ОО не указана, а в имени файла нет логина ОО (sch…)',
    );
  }
  if (login && hinted?.id !== orgId) {
    const chosen = await findOrgById(db, orgId);
    return issue(
      where,
      'error',
      `Файл относится к ОО с логином ${login}${hinted ? ` («${hinted.shortName}»)` : ''}, а загружается для «${chosen?.org.shortName ?? orgId}»: загрузите файл своей ОО`,
    );
  }
  return orgId;
}
