import type { Actor } from '../core/access/actor';
import { resolveScope } from '../core/access/scope';
import { academicYearBounds, academicStartYearOf } from '../core/registry/academicYears';
import { STANDARD_SUBJECTS } from '../core/registry/subjects';
import { conflict } from '../core/errors';
import type { Db } from '../db/database';
import {
  clearCurrentAcademicYear,
  findAcademicYearByStart,
  insertAcademicYear,
  listAcademicYears,
  listMunicipalities,
  listSubjects,
  upsertSubjects,
} from '../db/repositories/reference';
import type { CreateAcademicYearRequest } from '../shared/reference';
import { audit } from './audit';
import { ensureKnownTests } from './results/catalog';
import type { ServiceDeps } from './deps';
import { requireScope } from './guard';

/**
 * Reference data every installation needs: the standard subjects and the current academic year.
 * Runs at every start; adds what is missing and never changes what users edited.
 */
export async function ensureReferenceData(db: Db, now: Date): Promise<void> {
  await upsertSubjects(
    db,
    STANDARD_SUBJECTS.map((s) => ({
      code: s.code,
      name: s.name,
      shortName: s.shortName,
      fisCode: s.fisCode,
    })),
  );
  const startYear = academicStartYearOf(now);
  if (!(await findAcademicYearByStart(db, startYear))) {
    const years = await listAcademicYears(db);
    const bounds = academicYearBounds(startYear);
    await insertAcademicYear(db, {
      startYear,
      name: bounds.name,
      startsOn: bounds.startsOn,
      endsOn: bounds.endsOn,
      isCurrent: !years.some((y) => y.isCurrent),
    });
  }
  await ensureKnownTests(db);
}

export class ReferenceService {
  constructor(private readonly deps: ServiceDeps) {}

  async get(actor: Actor) {
    const { db } = this.deps.database;
    requireScope(actor, 'reference.read');
    const orgScope = resolveScope(actor, 'org.read');
    const [municipalities, academicYears, subjects] = await Promise.all([
      listMunicipalities(db),
      listAcademicYears(db),
      listSubjects(db),
    ]);
    // Municipalities: those the caller works in (district staff) or whose schools it reaches.
    const visible = new Set([
      ...orgScope.municipalityIds,
      ...actor.assignments.map((a) => a.municipalityId),
    ]);
    return {
      municipalities: municipalities.filter((m) => orgScope.any || visible.has(m.id)),
      academicYears,
      subjects,
    };
  }

  async createAcademicYear(actor: Actor, input: CreateAcademicYearRequest) {
    requireScope(actor, 'reference.manage');
    return this.deps.database.transaction(async ({ db }) => {
      if (await findAcademicYearByStart(db, input.startYear)) {
        throw conflict(`Учебный год ${input.startYear}/${input.startYear + 1} уже есть`);
      }
      if (input.isCurrent) await clearCurrentAcademicYear(db);
      const bounds = academicYearBounds(input.startYear);
      const row = await insertAcademicYear(db, {
        startYear: input.startYear,
        name: bounds.name,
        startsOn: bounds.startsOn,
        endsOn: bounds.endsOn,
        isCurrent: input.isCurrent,
      });
      await audit(db, actor, {
        action: 'create',
        entity: 'academic_year',
        entityId: row.id,
        municipalityId: actor.assignments[0]?.municipalityId ?? null,
        orgId: null,
        summary: `Добавлен учебный год ${row.name}`,
        after: row,
      });
      return row;
    });
  }
}
