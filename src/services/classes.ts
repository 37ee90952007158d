import type { Actor } from '../core/access/actor';
import { conflict, invalid, notFound } from '../core/errors';
import { formatClassName, normaliseClassLetter } from '../core/registry/classes';
import {
  deleteClass,
  findClassById,
  findClassByName,
  insertClass,
  listClasses,
  updateClass,
} from '../db/repositories/classes';
import { findOrgById } from '../db/repositories/organisations';
import { findAcademicYear } from '../db/repositories/reference';
import type { Db } from '../db/database';
import { withSavepoint } from '../db/repositories/savepoint';
import type { CreateClassRequest, UpdateClassRequest } from '../shared/classes';
import { audit, diff } from './audit';
import type { ServiceDeps } from './deps';
import { requireInScope, requireWritable } from './guard';

async function loadSchool(db: Db, orgId: number) {
  const row = await findOrgById(db, orgId);
  if (!row) throw notFound('Организация');
  return row.org;
}

export class ClassService {
  constructor(private readonly deps: ServiceDeps) {}

  async list(actor: Actor, orgId: number, academicYearId?: number) {
    const { db } = this.deps.database;
    const org = await loadSchool(db, orgId);
    requireInScope(
      actor,
      'class.read',
      { orgId, municipalityId: org.municipalityId },
      'Организация',
    );
    return listClasses(db, orgId, academicYearId);
  }

  async create(actor: Actor, orgId: number, input: CreateClassRequest) {
    return this.deps.database.transaction(async ({ db }) => {
      const org = await loadSchool(db, orgId);
      requireWritable(
        actor,
        'class.read',
        'class.manage',
        {
          orgId,
          municipalityId: org.municipalityId,
        },
        'Организация',
      );
      if (org.category !== 'school')
        throw invalid('Классы есть только у образовательных организаций');
      const year = await findAcademicYear(db, input.academicYearId);
      if (!year) throw invalid('Учебный год не найден');
      const letter = normaliseClassLetter(input.letter);
      if (await findClassByName(db, orgId, year.id, input.parallel, letter)) {
        throw conflict(`Класс ${formatClassName(input.parallel, letter)} в ${year.name} уже есть`);
      }
      const row = await insertClass(db, {
        orgId,
        academicYearId: year.id,
        parallel: input.parallel,
        letter,
        profile: input.profile,
        studentCount: input.studentCount ?? null,
      });
      await audit(db, actor, {
        action: 'create',
        entity: 'class',
        entityId: row.id,
        municipalityId: org.municipalityId,
        orgId,
        summary: `Создан класс ${formatClassName(row.parallel, row.letter)} (${year.name}) в «${org.shortName}»`,
        after: row,
      });
      return { cls: row, academicYearName: year.name };
    });
  }

  async update(actor: Actor, classId: number, input: UpdateClassRequest) {
    return this.deps.database.transaction(async ({ db }) => {
      const current = await findClassById(db, classId);
      if (!current) throw notFound('Класс');
      requireWritable(
        actor,
        'class.read',
        'class.manage',
        {
          orgId: current.cls.orgId,
          municipalityId: current.municipalityId,
        },
        'Класс',
      );
      const parallel = input.parallel ?? current.cls.parallel;
      const letter =
        input.letter === undefined ? current.cls.letter : normaliseClassLetter(input.letter);
      const clash = await findClassByName(
        db,
        current.cls.orgId,
        current.cls.academicYearId,
        parallel,
        letter,
      );
      if (clash && clash.id !== classId) {
        throw conflict(
          `Класс ${formatClassName(parallel, letter)} в ${current.academicYearName} уже есть`,
        );
      }
      const row = await updateClass(db, classId, {
        parallel,
        letter,
        ...(input.profile !== undefined ? { profile: input.profile } : {}),
        ...(input.studentCount !== undefined ? { studentCount: input.studentCount } : {}),
      });
      const changes = diff(current.cls, row, ['parallel', 'letter', 'profile', 'studentCount']);
      if (changes) {
        await audit(db, actor, {
          action: 'update',
          entity: 'class',
          entityId: classId,
          municipalityId: current.municipalityId,
          orgId: row.orgId,
          summary: `Изменён класс ${formatClassName(row.parallel, row.letter)} (${current.academicYearName})`,
          ...changes,
        });
      }
      return { cls: row, academicYearName: current.academicYearName };
    });
  }

  async remove(actor: Actor, classId: number) {
    await this.deps.database.transaction(async ({ db }) => {
      const current = await findClassById(db, classId);
      if (!current) throw notFound('Класс');
      requireWritable(
        actor,
        'class.read',
        'class.manage',
        {
          orgId: current.cls.orgId,
          municipalityId: current.municipalityId,
        },
        'Класс',
      );
      const failed = await withSavepoint(db, () => deleteClass(db, classId));
      if (failed) {
        throw conflict(
          'Класс нельзя удалить: в нём есть обучающиеся или с ним связаны результаты работ',
        );
      }
      await audit(db, actor, {
        action: 'delete',
        entity: 'class',
        entityId: classId,
        municipalityId: current.municipalityId,
        orgId: current.cls.orgId,
        summary: `Удалён класс ${formatClassName(current.cls.parallel, current.cls.letter)} (${current.academicYearName})`,
        before: current.cls,
      });
    });
  }
}
