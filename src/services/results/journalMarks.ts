import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Actor } from '../../core/access/actor';
import { invalid, notFound } from '../../core/errors';
import { formatIssue, type ImportIssue } from '../../core/results/issues';
import {
  periodLabel,
  type JournalMapping,
  type MappedJournalMark,
} from '../../core/results/journalMarks';
import type { Db } from '../../db/database';
import {
  findJournalFile,
  findLinkedParticipants,
  insertJournalFile,
  insertJournalMarks,
  listJournalFiles,
  listSchoolMarks,
  listSubjectRefs,
} from '../../db/repositories/journalMarks';
import { findOrgById } from '../../db/repositories/organisations';
import { orgScopeWhere } from '../../db/repositories/scope';
import { findStudentsByCodes } from '../../db/repositories/students';
import { journalMarkFiles } from '../../db/schema';
import { parseJournalFile, suggestJournalMapping } from '../../importers/results/journal';
import { audit } from '../audit';
import type { ServiceDeps } from '../deps';
import { requireInScope, requireScope, requireWritable } from '../guard';

export interface JournalTarget {
  orgId: number;
  year: number;
}

const SAMPLE_ROWS = 20;

const readAll = async (stream: Readable): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks);
};

const markView = (m: MappedJournalMark) => ({
  row: m.row,
  studentCode: m.studentCode,
  className: m.className,
  subjectName: m.subjectName,
  period: periodLabel(m),
  kind: m.kind,
  mark: m.mark,
});

/**
 * Internal marks from electronic journals: the user uploads an export, maps its columns
 * (student code, class, subject, period, mark), previews the mapped rows and every error, and
 * commits. One file is one school's marks for one academic year; all or nothing; the same bytes
 * again for the same school change nothing.
 */
export class JournalMarkService {
  constructor(private readonly deps: ServiceDeps) {}

  private async requireSchool(db: Db, actor: Actor, orgId: number) {
    const row = await findOrgById(db, orgId);
    if (!row) throw notFound('Организация');
    requireWritable(
      actor,
      'result.read',
      'result.import',
      { orgId, municipalityId: row.org.municipalityId },
      'Организация',
    );
    return row.org;
  }

  private async analyse(
    db: Db,
    orgId: number,
    fileName: string,
    bytes: Buffer,
    mapping: JournalMapping | null,
  ) {
    const subjects = await listSubjectRefs(db);
    const first = await parseJournalFile(fileName, bytes, mapping ?? {}, subjects);
    const chosen = mapping ?? suggestJournalMapping(first.table.headers);
    const parsed = mapping ? first : await parseJournalFile(fileName, bytes, chosen, subjects);
    const codes = [...new Set(parsed.marks.map((m) => m.studentCode))];
    const found = await findStudentsByCodes(db, orgId, codes);
    const studentIds = new Map(found.map((s) => [s.code, s.id]));
    // Codes that are not student ids may be ВПР participant codes the school has linked; a code
    // linked to two different students (two administrations) stays unlinked rather than guessed.
    const rest = codes.filter((c) => !studentIds.has(c));
    const byCode = new Map<string, Set<number>>();
    for (const l of await findLinkedParticipants(db, orgId, rest)) {
      byCode.set(l.code, (byCode.get(l.code) ?? new Set()).add(l.studentId));
    }
    for (const [code, ids] of byCode) {
      if (ids.size === 1) studentIds.set(code, [...ids][0] as number);
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const already = await findJournalFile(db, orgId, sha256);
    return {
      parsed,
      mapping: chosen,
      sha256,
      alreadyImported: already !== null,
      studentIds,
      ok: !parsed.issues.some((i) => i.severity === 'error'),
    };
  }

  /** Stores the upload and previews it with the given mapping or a guessed one. */
  async upload(
    actor: Actor,
    target: JournalTarget,
    file: { fileName: string; bytes: Buffer },
    mapping: JournalMapping | null = null,
  ) {
    const { db } = this.deps.database;
    await this.requireSchool(db, actor, target.orgId);
    const stored = await this.deps.storage.put(file.bytes);
    return this.present(stored.key, file.fileName, target, file.bytes, mapping);
  }

  private async open(uploadKey: string): Promise<Buffer> {
    try {
      return await readAll(await this.deps.storage.open(uploadKey));
    } catch {
      throw invalid('Загруженный файл не найден: загрузите его ещё раз');
    }
  }

  /** The preview of an uploaded file under a (changed) mapping: nothing is stored. */
  async preview(
    actor: Actor,
    req: JournalTarget & { uploadKey: string; fileName: string; mapping: JournalMapping },
  ) {
    await this.requireSchool(this.deps.database.db, actor, req.orgId);
    const bytes = await this.open(req.uploadKey);
    return this.present(req.uploadKey, req.fileName, req, bytes, req.mapping);
  }

  private async present(
    uploadKey: string,
    fileName: string,
    target: JournalTarget,
    bytes: Buffer,
    mapping: JournalMapping | null,
  ) {
    const a = await this.analyse(this.deps.database.db, target.orgId, fileName, bytes, mapping);
    return {
      uploadKey,
      fileName,
      sheet: a.parsed.table.sheet,
      headers: a.parsed.table.headers,
      mapping: a.mapping,
      marksCount: a.parsed.marks.length,
      sample: a.parsed.marks.slice(0, SAMPLE_ROWS).map(markView),
      linkedStudents: a.studentIds.size,
      alreadyImported: a.alreadyImported,
      issues: a.parsed.issues,
      ok: a.ok,
    };
  }

  /** Imports an uploaded file in one transaction. */
  async commit(
    actor: Actor,
    req: JournalTarget & { uploadKey: string; fileName: string; mapping: JournalMapping },
  ) {
    const bytes = await this.open(req.uploadKey);
    return this.importBytes(actor, req, req.fileName, bytes, req.mapping);
  }

  /** Imports bytes (HTTP commit, CLI, demo): refused files change nothing. */
  async importBytes(
    actor: Actor,
    target: JournalTarget,
    fileName: string,
    bytes: Buffer,
    mapping: JournalMapping,
  ): Promise<{ status: 'imported' | 'already_imported'; fileId: number | null; marks: number }> {
    return this.deps.database.transaction(async ({ db }) => {
      const org = await this.requireSchool(db, actor, target.orgId);
      const a = await this.analyse(db, target.orgId, fileName, bytes, mapping);
      if (!a.ok) {
        const errors: ImportIssue[] = a.parsed.issues.filter((i) => i.severity === 'error');
        const more = errors.length > 5 ? ` (и ещё ошибок: ${errors.length - 5})` : '';
        throw invalid(
          `Файл не загружен. ${errors.slice(0, 5).map(formatIssue).join('; ')}${more}`,
          { issues: a.parsed.issues },
        );
      }
      if (a.alreadyImported) return { status: 'already_imported', fileId: null, marks: 0 };
      const file = await insertJournalFile(db, {
        sha256: a.sha256,
        fileName,
        orgId: org.id,
        municipalityId: org.municipalityId,
        year: target.year,
        mapping: { ...a.mapping, sheet: a.parsed.table.sheet },
        marksCount: a.parsed.marks.length,
        importedBy: actor.system ? null : actor.userId,
        importedByLogin: actor.login,
      });
      await insertJournalMarks(
        db,
        a.parsed.marks.map((m) => ({
          fileId: file.id,
          orgId: org.id,
          year: target.year,
          studentCode: m.studentCode,
          studentId: a.studentIds.get(m.studentCode) ?? null,
          className: m.className,
          subjectId: m.subjectId,
          kind: m.kind,
          termType: m.termType,
          termNo: m.termNo,
          mark: m.mark,
          sourceRow: m.row,
        })),
      );
      await audit(db, actor, {
        action: 'import',
        entity: 'journal_mark_file',
        entityId: file.id,
        municipalityId: org.municipalityId,
        orgId: org.id,
        summary: `Загружены отметки из электронного журнала для «${org.shortName}» за ${target.year}/${target.year + 1} уч. год из файла «${fileName}»: отметок ${a.parsed.marks.length}`,
        after: { fileName, sha256: a.sha256, marks: a.parsed.marks.length, mapping: a.mapping },
      });
      return { status: 'imported', fileId: file.id, marks: a.parsed.marks.length };
    });
  }

  async history(actor: Actor, orgId?: number) {
    const scope = requireScope(actor, 'result.read');
    const rows = await listJournalFiles(
      this.deps.database.db,
      orgScopeWhere(scope, journalMarkFiles.orgId, journalMarkFiles.municipalityId),
      orgId,
    );
    return rows.map((r) => ({ ...r, importedAt: r.importedAt.toISOString() }));
  }

  /** A school's internal marks, for the results browser. */
  async marksOf(actor: Actor, orgId: number, year?: number) {
    const { db } = this.deps.database;
    const row = await findOrgById(db, orgId);
    if (!row) throw notFound('Организация');
    requireInScope(
      actor,
      'result.read',
      { orgId, municipalityId: row.org.municipalityId },
      'Организация',
    );
    const rows = await listSchoolMarks(db, orgId, year);
    return rows.map((r) => ({
      studentCode: r.studentCode,
      linked: r.studentId !== null,
      className: r.className,
      subjectName: r.subjectName,
      year: r.year,
      period: periodLabel({
        kind: r.kind as MappedJournalMark['kind'],
        termType: r.termType as MappedJournalMark['termType'],
        termNo: r.termNo,
      }),
      kind: r.kind as MappedJournalMark['kind'],
      mark: r.mark,
    }));
  }
}
