import type { Actor } from '../core/access/actor';
import { invalid, notFound } from '../core/errors';
import { findClassById } from '../db/repositories/classes';
import { findOrgById } from '../db/repositories/organisations';
import {
  addMemberships,
  findStudentsByCodes,
  insertStudents,
  listStudents,
} from '../db/repositories/students';
import type { AddStudentsRequest } from '../shared/students';
import { audit } from './audit';
import type { ServiceDeps } from './deps';
import { requireInScope, requireWritable } from './guard';

/** Pseudonymous student codes of a school. Names are never asked for nor stored. */
export class StudentService {
  constructor(private readonly deps: ServiceDeps) {}

  async list(actor: Actor, orgId: number, page: number, pageSize: number) {
    const { db } = this.deps.database;
    const org = await findOrgById(db, orgId);
    if (!org) throw notFound('Организация');
    requireInScope(
      actor,
      'student.read',
      { orgId, municipalityId: org.org.municipalityId },
      'Организация',
    );
    return listStudents(db, orgId, pageSize, (page - 1) * pageSize);
  }

  /** Adds codes (existing ones are kept) and optionally puts them into a class. */
  async add(actor: Actor, orgId: number, input: AddStudentsRequest) {
    return this.deps.database.transaction(async ({ db }) => {
      const org = await findOrgById(db, orgId);
      if (!org) throw notFound('Организация');
      requireWritable(
        actor,
        'student.read',
        'student.manage',
        {
          orgId,
          municipalityId: org.org.municipalityId,
        },
        'Организация',
      );
      if (org.org.category !== 'school')
        throw invalid('Обучающиеся есть только у образовательных организаций');
      const codes = [...new Set(input.codes)];
      let classId: number | null = null;
      if (input.classId) {
        const cls = await findClassById(db, input.classId);
        if (!cls || cls.cls.orgId !== orgId) throw invalid('Класс не найден в этой организации');
        classId = cls.cls.id;
      }
      const existing = await findStudentsByCodes(db, orgId, codes);
      const known = new Set(existing.map((s) => s.code));
      const created = await insertStudents(
        db,
        orgId,
        codes.filter((c) => !known.has(c)),
      );
      if (classId)
        await addMemberships(
          db,
          classId,
          [...existing, ...created].map((s) => s.id),
        );
      if (created.length || classId) {
        await audit(db, actor, {
          action: 'import',
          entity: 'student',
          entityId: null,
          municipalityId: org.org.municipalityId,
          orgId,
          summary: `Коды обучающихся «${org.org.shortName}»: добавлено ${created.length}, уже были ${existing.length}`,
          after: { created: created.length, existing: existing.length, classId },
        });
      }
      return { created: created.length, existing: existing.length };
    });
  }
}
