import type { Actor } from '../core/access/actor';
import { invalid, notFound } from '../core/errors';
import { STANDARD_SUBJECTS } from '../core/registry/subjects';
import { checkSchedule, parallelOf } from '../core/schedules/check';
import {
  PROCEDURE_KINDS,
  type ProcedureKind,
  type ScheduleCheck,
  type ScheduleData,
} from '../core/schedules/model';
import type { Db } from '../db/database';
import { findOrgById } from '../db/repositories/organisations';
import { findAcademicYear, listSubjects } from '../db/repositories/reference';
import { findSchedule, replaceSchedule, type ScheduleRecord } from '../db/repositories/schedules';
import { parseScheduleFile, resolveSubject, type KnownSubject } from '../importers/schedule';
import { readTables, TableReadError } from '../importers/tables';
import type { SaveScheduleRequest } from '../shared/schedules';
import { audit } from './audit';
import type { ServiceDeps } from './deps';
import { requireInScope, requireWritable } from './guard';
import type { UploadedFile } from './documents';

const isKind = (k: string): k is ProcedureKind =>
  (PROCEDURE_KINDS as readonly string[]).includes(k);

/** The schedule record as the pure checks read it. */
export function scheduleDataOf(record: ScheduleRecord | null): ScheduleData {
  if (!record) return { entries: [], curriculum: [], lessonsPerDay: [] };
  return {
    entries: record.entries.map((e) => ({
      className: e.className,
      parallel: e.parallel,
      subjectCode: e.subjectCode,
      subjectName: e.subjectName,
      date: e.date,
      lesson: e.lesson,
      kind: isKind(e.kind) ? e.kind : 'control',
      durationMin: e.durationMin,
      wholeClass: e.wholeClass,
    })),
    curriculum: record.curriculum.map((c) => ({
      parallel: c.parallel,
      subjectCode: c.subjectCode,
      subjectName: c.subjectName,
      weeklyHours: c.weeklyHours,
    })),
    lessonsPerDay: record.lessons.map((l) => ({
      parallel: l.parallel,
      weekday: l.weekday,
      lessons: l.lessons,
    })),
  };
}

export interface ScheduleResult {
  orgId: number;
  orgName: string;
  academicYearId: number;
  academicYearName: string;
  record: ScheduleRecord | null;
  data: ScheduleData;
  check: ScheduleCheck;
}

async function knownSubjects(db: Db): Promise<KnownSubject[]> {
  return (await listSubjects(db)).map((s) => ({ code: s.code, name: s.name }));
}

export class ScheduleService {
  constructor(private readonly deps: ServiceDeps) {}

  private async target(db: Db, orgId: number, academicYearId: number) {
    const org = await findOrgById(db, orgId);
    if (!org) throw notFound('Организация');
    const year = await findAcademicYear(db, academicYearId);
    if (!year) throw invalid('Учебный год не найден');
    return { org: org.org, year };
  }

  private async result(db: Db, orgId: number, academicYearId: number): Promise<ScheduleResult> {
    const { org, year } = await this.target(db, orgId, academicYearId);
    const record = await findSchedule(db, orgId, academicYearId);
    const data = scheduleDataOf(record);
    return {
      orgId,
      orgName: org.shortName,
      academicYearId,
      academicYearName: year.name,
      record,
      data,
      check: checkSchedule(data),
    };
  }

  async get(actor: Actor, orgId: number, academicYearId: number): Promise<ScheduleResult> {
    const { db } = this.deps.database;
    const { org } = await this.target(db, orgId, academicYearId);
    requireInScope(
      actor,
      'schedule.read',
      { orgId, municipalityId: org.municipalityId },
      'Организация',
    );
    return this.result(db, orgId, academicYearId);
  }

  /** Entered in the UI: replaces the whole schedule, curriculum and lessons per day. */
  async save(actor: Actor, orgId: number, input: SaveScheduleRequest) {
    const { db } = this.deps.database;
    const { org } = await this.target(db, orgId, input.academicYearId);
    requireWritable(
      actor,
      'schedule.read',
      'schedule.manage',
      { orgId, municipalityId: org.municipalityId },
      'Организация',
    );
    const subjects = await knownSubjects(db);
    const data: ScheduleData = {
      entries: input.entries.map((e, i) => {
        const className = e.className.replace(/[\s-]/g, '').toUpperCase();
        const parallel = parallelOf(className);
        if (!parallel)
          throw invalid(`Строка ${i + 1}: класс «${e.className}» — ожидается вида «5А»`);
        const s = resolveSubject(e.subjectName, subjects);
        return { ...e, className, parallel, subjectCode: s.code, subjectName: s.name };
      }),
      curriculum: input.curriculum.map((c) => {
        const s = resolveSubject(c.subjectName, subjects);
        return {
          parallel: c.parallel,
          subjectCode: s.code,
          subjectName: s.name,
          weeklyHours: c.weeklyHours,
        };
      }),
      lessonsPerDay: input.lessonsPerDay,
    };
    const seen = new Set<string>();
    for (const c of data.curriculum) {
      const key = `${c.parallel}:${c.subjectCode}`;
      if (seen.has(key))
        throw invalid(`Учебный план: ${c.subjectName} в ${c.parallel} классе указан дважды`);
      seen.add(key);
    }
    return this.store(actor, orgId, input.academicYearId, data, null, 'введён вручную');
  }

  /** Uploaded XLSX/CSV: all or nothing, every error naming file, sheet, row and column. */
  async upload(actor: Actor, orgId: number, academicYearId: number, file: UploadedFile) {
    const { db } = this.deps.database;
    const { org } = await this.target(db, orgId, academicYearId);
    requireWritable(
      actor,
      'schedule.read',
      'schedule.manage',
      { orgId, municipalityId: org.municipalityId },
      'Организация',
    );
    let sheets;
    try {
      sheets = await readTables(file.fileName, file.bytes);
    } catch (error) {
      if (error instanceof TableReadError)
        throw invalid(`Файл «${file.fileName}»: ${error.message}`);
      throw error;
    }
    const parsed = parseScheduleFile(file.fileName, sheets, await knownSubjects(db));
    if (parsed.errors.length) {
      const shown = parsed.errors.slice(0, 20).join('\n');
      const more = parsed.errors.length > 20 ? `\n… и ещё ${parsed.errors.length - 20}` : '';
      throw invalid(`График не загружен, ошибок: ${parsed.errors.length}.\n${shown}${more}`, {
        errors: parsed.errors,
      });
    }
    const existing = await findSchedule(db, orgId, academicYearId);
    const keep = scheduleDataOf(existing);
    return this.store(
      actor,
      orgId,
      academicYearId,
      {
        entries: parsed.entries,
        curriculum: parsed.curriculum ?? keep.curriculum,
        lessonsPerDay: parsed.lessonsPerDay ?? keep.lessonsPerDay,
      },
      file.fileName,
      `загружен из файла «${file.fileName}»`,
    );
  }

  private async store(
    actor: Actor,
    orgId: number,
    academicYearId: number,
    data: ScheduleData,
    sourceFileName: string | null,
    how: string,
  ) {
    await this.deps.database.transaction(async ({ db }) => {
      const { org, year } = await this.target(db, orgId, academicYearId);
      requireWritable(
        actor,
        'schedule.read',
        'schedule.manage',
        { orgId, municipalityId: org.municipalityId },
        'Организация',
      );
      if (org.category !== 'school') throw invalid('График оценочных процедур ведёт только школа');
      const before = await findSchedule(db, orgId, academicYearId);
      const id = await replaceSchedule(
        db,
        {
          municipalityId: org.municipalityId,
          orgId,
          academicYearId,
          sourceFileName,
          updatedBy: actor.system ? null : actor.userId,
        },
        {
          entries: data.entries.map((e, position) => ({ ...e, position })),
          curriculum: data.curriculum,
          lessons: data.lessonsPerDay,
        },
      );
      const check = checkSchedule(data);
      await audit(db, actor, {
        action: before ? 'update' : 'create',
        entity: 'assessment_schedule',
        entityId: id,
        municipalityId: org.municipalityId,
        orgId,
        summary: `График оценочных процедур «${org.shortName}» на ${year.name} ${how}: ${data.entries.length} процедур, нарушений ${check.violations.length}`,
        before: before
          ? {
              entries: before.entries.length,
              curriculum: before.curriculum.length,
              lessonsPerDay: before.lessons.length,
            }
          : null,
        after: {
          entries: data.entries.length,
          curriculum: data.curriculum.length,
          lessonsPerDay: data.lessonsPerDay.length,
          violations: check.violations.length,
        },
      });
    });
    return this.result(this.deps.database.db, orgId, academicYearId);
  }

  /** The check of a school's schedule for the monitoring, without access checks (caller's job). */
  async checkFor(db: Db, orgId: number, academicYearId: number): Promise<ScheduleCheck | null> {
    const record = await findSchedule(db, orgId, academicYearId);
    return record ? checkSchedule(scheduleDataOf(record)) : null;
  }
}

/**
 * Checks a schedule file without storing it (the CLI `schedule:check`): the file's own curriculum
 * and lessons-per-day sheets are used; subjects resolve against the standard list.
 */
export async function checkScheduleFile(
  fileName: string,
  bytes: Buffer,
): Promise<{ errors: string[]; data: ScheduleData; check: ScheduleCheck | null }> {
  let sheets;
  try {
    sheets = await readTables(fileName, bytes);
  } catch (error) {
    if (error instanceof TableReadError)
      return {
        errors: [`Файл «${fileName}»: ${error.message}`],
        data: scheduleDataOf(null),
        check: null,
      };
    throw error;
  }
  const parsed = parseScheduleFile(fileName, sheets, STANDARD_SUBJECTS);
  const data: ScheduleData = {
    entries: parsed.entries,
    curriculum: parsed.curriculum ?? [],
    lessonsPerDay: parsed.lessonsPerDay ?? [],
  };
  return {
    errors: parsed.errors,
    data,
    check: parsed.errors.length ? null : checkSchedule(data),
  };
}
