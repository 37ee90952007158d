import type { Readable } from 'node:stream';
import type { Actor } from '../../core/access/actor';
import { invalid, notFound } from '../../core/errors';
import { formatIssue, issue, type ImportIssue } from '../../core/results/issues';
import {
  periodLabel,
  type JournalMapping,
  type MappedJournalMark,
} from '../../core/results/journalMarks';
import type { Db } from '../../db/database';
import {
  findJournalFileById,
  findJournalFiles,
  insertJournalFile,
  insertJournalMarks,
  listJournalFiles,
  listSchoolMarks,
  setJournalFilesStatus,
} from '../../db/repositories/journalMarks';
import { findOrgById } from '../../db/repositories/organisations';
import { orgScopeWhere } from '../../db/repositories/scope';
import { journalMarkFiles } from '../../db/schema';
import {
  applyColumnSpec,
  readJournalTable,
  suggestJournalMapping,
  type JournalColumnSpec,
} from '../../importers/results/journal';
import { audit } from '../audit';
import type { ServiceDeps } from '../deps';
import { requireInScope, requireScope, requireWritable } from '../guard';
import { buildJournalPlan, resolveJournalSchool } from './journalPlan';
import { fileView, type JournalOutcome } from './journalViews';

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
 * again for the same school and year change nothing; a corrected file replaces the earlier
 * imports it overlaps (journalPlan.ts), and undo restores them.
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
    const a = await buildJournalPlan(this.deps.database.db, target, fileName, bytes, mapping);
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
      replaces: a.replaces.map((r) => ({
        fileId: r.fileId,
        fileName: r.fileName,
        importedAt: r.importedAt.toISOString(),
        overlapping: r.overlapping,
        dropped: r.dropped,
      })),
      issues: a.issues,
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

  /**
   * Imports bytes (HTTP commit, CLI, demo) in one transaction: refused files change nothing, the
   * same bytes again for the same school and year change nothing, and earlier active files the
   * marks overlap (same student, subject and period) are replaced, history kept.
   */
  async importBytes(
    actor: Actor,
    target: JournalTarget,
    fileName: string,
    bytes: Buffer,
    mapping: JournalMapping,
  ): Promise<JournalOutcome> {
    return this.deps.database.transaction(async ({ db }) => {
      const org = await this.requireSchool(db, actor, target.orgId);
      const a = await buildJournalPlan(db, target, fileName, bytes, mapping);
      if (!a.ok) {
        const errors: ImportIssue[] = a.issues.filter((i) => i.severity === 'error');
        const more = errors.length > 5 ? ` (и ещё ошибок: ${errors.length - 5})` : '';
        throw invalid(
          `Файл не загружен. ${errors.slice(0, 5).map(formatIssue).join('; ')}${more}`,
          { issues: a.issues },
        );
      }
      const warnings = a.issues.filter((i) => i.severity !== 'error');
      if (a.alreadyImported) {
        return {
          status: 'already_imported',
          fileId: null,
          marks: 0,
          replacedFileIds: [],
          issues: warnings,
        };
      }
      const replaced = a.replaces.map((r) => r.fileId);
      await setJournalFilesStatus(db, replaced, 'replaced');
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
        replacesIds: replaced,
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
      const replacedText = replaced.length ? `; заменены загрузки № ${replaced.join(', ')}` : '';
      await audit(db, actor, {
        action: 'import',
        entity: 'journal_mark_file',
        entityId: file.id,
        municipalityId: org.municipalityId,
        orgId: org.id,
        summary: `Загружены отметки из электронного журнала для «${org.shortName}» за ${target.year}/${target.year + 1} уч. год из файла «${fileName}»: отметок ${a.parsed.marks.length}${replacedText}`,
        after: {
          fileName,
          sha256: a.sha256,
          marks: a.parsed.marks.length,
          mapping: a.mapping,
          replacesIds: replaced,
        },
      });
      return {
        status: 'imported',
        fileId: file.id,
        marks: a.parsed.marks.length,
        replacedFileIds: replaced,
        issues: warnings,
      };
    });
  }

  /**
   * Imports a journal export named only by its bytes (CLI): the school from `orgId` or the
   * `sch…` login in the file name, the columns from their headers, overridden by named ones.
   * Refused with every issue when the school or a column cannot be found.
   */
  async importFile(
    actor: Actor,
    req: {
      fileName: string;
      bytes: Buffer;
      year: number;
      orgId?: number | undefined;
      columns?: JournalColumnSpec | undefined;
    },
  ): Promise<JournalOutcome & { orgName: string; mapping: JournalMapping; headers: string[] }> {
    const { db } = this.deps.database;
    const table = await readJournalTable(req.fileName, req.bytes);
    const where = { file: req.fileName, sheet: table.sheet };
    const refuse = (issues: ImportIssue[]) => {
      const errors = issues.filter((i) => i.severity === 'error');
      return invalid(`Файл не загружен. ${errors.slice(0, 5).map(formatIssue).join('; ')}`, {
        issues,
      });
    };
    if (table.issues.some((i) => i.severity === 'error')) throw refuse(table.issues);
    const orgId = await resolveJournalSchool(db, where, req.orgId);
    if (typeof orgId !== 'number') throw refuse([orgId]);
    const applied = applyColumnSpec(
      table.headers,
      suggestJournalMapping(table.headers),
      req.columns ?? {},
    );
    if (applied.errors.length) throw refuse(applied.errors.map((m) => issue(where, 'error', m)));
    const out = await this.importBytes(
      actor,
      { orgId, year: req.year },
      req.fileName,
      req.bytes,
      applied.mapping,
    );
    const org = await findOrgById(db, orgId);
    return {
      ...out,
      orgName: org?.org.shortName ?? '',
      mapping: applied.mapping,
      headers: table.headers,
    };
  }

  async history(actor: Actor, orgId?: number) {
    const scope = requireScope(actor, 'result.read');
    const rows = await listJournalFiles(
      this.deps.database.db,
      orgScopeWhere(scope, journalMarkFiles.orgId, journalMarkFiles.municipalityId),
      orgId,
    );
    return rows.map(fileView);
  }

  /**
   * Undoes an active import: its marks stop counting, and the files it replaced become active
   * again. A replaced or undone import cannot be undone (undo the one that replaced it first).
   */
  async undo(actor: Actor, fileId: number) {
    return this.deps.database.transaction(async ({ db }) => {
      const row = await findJournalFileById(db, fileId);
      if (!row) throw notFound('Загрузка');
      const { file } = row;
      requireWritable(
        actor,
        'result.read',
        'result.import',
        { orgId: file.orgId, municipalityId: file.municipalityId },
        'Загрузка',
      );
      if (file.status !== 'active') {
        throw invalid(
          file.status === 'replaced'
            ? 'Отменить можно только действующую загрузку: эта уже заменена другой, сначала отмените ту'
            : 'Отменить можно только действующую загрузку: эта уже отменена',
        );
      }
      await setJournalFilesStatus(db, [fileId], 'undone', actor.login);
      const restored = (await findJournalFiles(db, file.replacesIds))
        .filter((r) => r.file.status === 'replaced')
        .map((r) => r.file.id);
      await setJournalFilesStatus(db, restored, 'active');
      await audit(db, actor, {
        action: 'undo',
        entity: 'journal_mark_file',
        entityId: fileId,
        municipalityId: file.municipalityId,
        orgId: file.orgId,
        summary: `Отменена загрузка отметок из электронного журнала № ${fileId} («${file.fileName}», «${row.orgShortName}», ${file.year}/${file.year + 1} уч. год)${restored.length ? `; снова действуют загрузки № ${restored.join(', ')}` : ''}`,
        before: { status: 'active' },
        after: { status: 'undone', restored },
      });
      const after = (await findJournalFileById(db, fileId)) as NonNullable<typeof row>;
      return fileView({ ...after.file, orgShortName: after.orgShortName });
    });
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
