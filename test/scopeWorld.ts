import { SYSTEM_ACTOR } from '../src/core/access/actor';
import type { Role } from '../src/core/access/roles';
import { insertClass } from '../src/db/repositories/classes';
import {
  insertExpertGroup,
  replaceMembers,
  replaceSchools,
} from '../src/db/repositories/expertGroups';
import { buildMunicipality, buildSchool, buildUser, currentYear } from './factories';
import type { TestContext } from './app';

/**
 * A small world for access tests. Municipality A has schools A1 and A2; municipality B has B1.
 * Expert group GA (municipality A) supervises A1 and A2; its member `expertA` works at A1, so
 * as an expert they reach A2 only. Every target school has a class, a student code, a teacher
 * and a document.
 */
export type Target = 'A1' | 'A2' | 'B1';
export const TARGETS: Target[] = ['A1', 'A2', 'B1'];

export const ACTORS = [
  'districtAdminA',
  'specialistA',
  'schoolAdminA1',
  'expertA',
  'observerA2',
  'teacherA1',
  'readonlyA',
  'districtAdminB',
] as const;
export type ActorName = (typeof ACTORS)[number];

export interface TargetRecords {
  municipalityId: number;
  orgId: number;
  classId: number;
  teacherId: number;
  documentId: number;
  expertGroupId: number;
}

export interface ScopeWorld {
  targets: Record<Target, TargetRecords>;
  academicYearId: number;
  logins: Record<ActorName, string>;
  roleOf: Record<ActorName, Role>;
}

export async function buildScopeWorld(ctx: TestContext): Promise<ScopeWorld> {
  const db = ctx.database.db;
  const mA = await buildMunicipality(db, 'Район А');
  const mB = await buildMunicipality(db, 'Район Б');
  const a1 = await buildSchool(db, mA.id, { shortName: 'Школа А1' });
  const a2 = await buildSchool(db, mA.id, { shortName: 'Школа А2' });
  const b1 = await buildSchool(db, mB.id, { shortName: 'Школа Б1' });
  const year = await currentYear(db);

  const make = async (
    login: ActorName,
    role: Role,
    municipalityId: number,
    orgIds: number[] = [],
    workplaceOrgId: number | null = orgIds[0] ?? null,
  ) => buildUser(db, { login, role, municipalityId, orgIds, workplaceOrgId });
  await make('districtAdminA', 'district_admin', mA.id);
  await make('specialistA', 'district_specialist', mA.id);
  await make('schoolAdminA1', 'school_admin', mA.id, [a1.id]);
  const expert = await make('expertA', 'expert', mA.id, [], a1.id);
  await make('observerA2', 'observer', mA.id, [a2.id], null);
  await make('teacherA1', 'teacher', mA.id, [a1.id]);
  await make('readonlyA', 'readonly', mA.id);
  await make('districtAdminB', 'district_admin', mB.id);

  const gA = await insertExpertGroup(db, { municipalityId: mA.id, name: 'Группа А' });
  await replaceMembers(db, gA.id, [{ userId: expert.id, isLeader: true }]);
  await replaceSchools(db, gA.id, [a1.id, a2.id]);
  const gB = await insertExpertGroup(db, { municipalityId: mB.id, name: 'Группа Б' });
  await replaceSchools(db, gB.id, [b1.id]);

  const records = async (org: typeof a1, municipalityId: number, groupId: number, tag: Target) => {
    const cls = await insertClass(db, {
      orgId: org.id,
      academicYearId: year.id,
      parallel: 5,
      letter: 'А',
    });
    const teacher = await buildUser(db, {
      login: `teacher-${tag}`,
      role: 'teacher',
      municipalityId,
      orgIds: [org.id],
    });
    await ctx.services.students.add(SYSTEM_ACTOR, org.id, {
      codes: [`${tag}-0001`],
      classId: cls.id,
    });
    const doc = await ctx.services.documents.upload(
      SYSTEM_ACTOR,
      { orgId: org.id, kind: 'local_act', title: `Положение ${tag}` },
      {
        fileName: `polozhenie-${tag}.txt`,
        mimeType: 'text/plain',
        bytes: Buffer.from(`Положение ${tag}`),
      },
    );
    return {
      municipalityId,
      orgId: org.id,
      classId: cls.id,
      teacherId: teacher.id,
      documentId: doc.doc.id,
      expertGroupId: groupId,
    };
  };
  return {
    targets: {
      A1: await records(a1, mA.id, gA.id, 'A1'),
      A2: await records(a2, mA.id, gA.id, 'A2'),
      B1: await records(b1, mB.id, gB.id, 'B1'),
    },
    academicYearId: year.id,
    logins: Object.fromEntries(ACTORS.map((a) => [a, a])) as Record<ActorName, string>,
    roleOf: {
      districtAdminA: 'district_admin',
      specialistA: 'district_specialist',
      schoolAdminA1: 'school_admin',
      expertA: 'expert',
      observerA2: 'observer',
      teacherA1: 'teacher',
      readonlyA: 'readonly',
      districtAdminB: 'district_admin',
    },
  };
}
