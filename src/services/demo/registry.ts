import type { Rng } from '../../core/random';
import { academicStartYearOf, academicYearBounds } from '../../core/registry/academicYears';
import type { Tx } from '../../db/database';
import { insertClasses } from '../../db/repositories/classes';
import {
  insertExpertGroup,
  replaceMembers,
  replaceSchools,
} from '../../db/repositories/expertGroups';
import { insertOrg } from '../../db/repositories/organisations';
import {
  findAcademicYearByStart,
  insertAcademicYear,
  insertMunicipality,
  insertRegion,
  listSubjects,
} from '../../db/repositories/reference';
import { insertStudents } from '../../db/repositories/students';
import { insertUser, replaceAssignments, type AssignmentValues } from '../../db/repositories/users';
import { hashPassword } from '../auth/password';
import type { ServiceDeps } from '../deps';
import { ensureReferenceData } from '../reference';
import { personName, STREETS } from './names';
import { CLASS_LETTERS, DEMO_BODIES, DEMO_SCHOOLS, fisLoginOf, schoolNames } from './schools';
import { classKey, DEMO_PASSWORD, type DemoSchool, type DemoWorld, type DemoYear } from './world';

/** Years of history the demo holds before the current academic year. */
const PAST_YEARS = 3;

/** Classes per parallel for a school of a given size, fixed across years so cohorts move up. */
function classesPerParallel(rng: Rng, size: number): number[] {
  return Array.from({ length: 11 }, (_, i) => {
    const parallel = i + 1;
    let n = size + (rng.chance(0.2) ? rng.pick([-1, 1]) : 0);
    if (parallel >= 10) n = Math.max(1, Math.min(n, size - 1));
    return Math.max(1, Math.min(4, n));
  });
}

interface Ctx {
  tx: Tx;
  rng: Rng;
  world: DemoWorld;
}

/**
 * The registry of the demo district: region, municipality, bodies, ~40 schools with classes
 * for four academic years, pseudonymous students moving up a grade each year, users for
 * every role and three expert groups (seed 000 item 1.1).
 */
export async function createDemoRegistry(
  deps: ServiceDeps,
  rng: Rng,
  progress: (message: string) => void,
): Promise<DemoWorld> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return deps.database.transaction(async (tx) => {
    const { db } = tx;
    await ensureReferenceData(db, deps.now());
    const region = await insertRegion(db, '78', 'Санкт-Петербург');
    const municipality = await insertMunicipality(db, region.id, 'Фрунзенский район');
    const world: DemoWorld = {
      regionId: region.id,
      municipalityId: municipality.id,
      municipalityName: municipality.name,
      schools: [],
      bodies: { uo: 0, imc: 0, coko: 0, rmoRus: 0, rmoMath: 0, rmoPrimary: 0 },
      years: [],
      classIds: new Map(),
      users: new Map(),
      expertGroupIds: [],
    };
    const ctx: Ctx = { tx, rng, world };
    await createOrganisations(ctx);
    await createYears(ctx, academicStartYearOf(deps.now()));
    progress('  классы и коды обучающихся');
    const students = await createClassesAndStudents(ctx);
    progress('  пользователи и экспертные группы');
    await createUsers(ctx, passwordHash);
    await createExpertGroups(ctx);
    progress(
      `  ${world.schools.length} ОО, ${world.classIds.size} классов, ${students} обучающихся, ${world.users.size} пользователей`,
    );
    return world;
  });
}

async function createOrganisations({ tx, rng, world }: Ctx) {
  for (const [key, body] of Object.entries(DEMO_BODIES) as [
    keyof typeof DEMO_BODIES,
    (typeof DEMO_BODIES)[keyof typeof DEMO_BODIES],
  ][]) {
    const row = await insertOrg(tx.db, {
      municipalityId: world.municipalityId,
      category: 'body',
      kind: body.kind,
      fullName: body.fullName,
      shortName: body.shortName,
      address: `Санкт-Петербург, ${rng.pick(STREETS)}, д. ${rng.int(1, 60)}`,
    });
    world.bodies[key] = row.id;
  }
  for (const def of DEMO_SCHOOLS) {
    const names = schoolNames(def);
    const row = await insertOrg(tx.db, {
      municipalityId: world.municipalityId,
      category: 'school',
      kind: def.kind,
      fisLogin: fisLoginOf(def.number),
      number: def.number,
      fullName: names.fullName,
      shortName: names.shortName,
      address: `192${rng.int(100, 299)}, Санкт-Петербург, ${rng.pick(STREETS)}, д. ${rng.int(1, 120)}`,
      directorName: personName(rng, 0.7).fullName,
      phone: `+7 (812) ${rng.int(700, 799)}-${String(rng.int(0, 99)).padStart(2, '0')}-${String(rng.int(0, 99)).padStart(2, '0')}`,
      email: `school${def.number}@edu-frunz.example`,
      website: `https://school${def.number}.example`,
    });
    world.schools.push({
      id: row.id,
      number: def.number,
      kind: def.kind,
      fisLogin: fisLoginOf(def.number),
      shortName: names.shortName,
      classesPerParallel: classesPerParallel(rng, def.size),
    });
  }
}

async function createYears({ tx, world }: Ctx, currentStart: number) {
  for (let start = currentStart - PAST_YEARS; start <= currentStart; start++) {
    let row = await findAcademicYearByStart(tx.db, start);
    if (!row) {
      const b = academicYearBounds(start);
      row = await insertAcademicYear(tx.db, {
        startYear: start,
        name: b.name,
        startsOn: b.startsOn,
        endsOn: b.endsOn,
        isCurrent: start === currentStart,
      });
    }
    const year: DemoYear = { id: row.id, startYear: row.startYear, name: row.name };
    world.years.push(year);
  }
}

/**
 * A cohort is (school, year of entering grade 1, letter): its students stay together and move
 * up a grade every year, so the same pseudonymous student appears in grade 4 and then grade 5.
 */
async function createClassesAndStudents({ tx, rng, world }: Ctx): Promise<number> {
  let studentTotal = 0;
  for (const school of world.schools) {
    const cohortSizes = new Map<string, number>();
    const cohortKey = (entry: number, letter: string) => `${entry}${letter}`;
    const rows: { yearId: number; parallel: number; letter: string; entry: number }[] = [];
    for (const year of world.years) {
      for (let parallel = 1; parallel <= 11; parallel++) {
        const count = school.classesPerParallel[parallel - 1] ?? 1;
        for (const letter of CLASS_LETTERS.slice(0, count)) {
          const entry = year.startYear - parallel + 1;
          const key = cohortKey(entry, letter);
          if (!cohortSizes.has(key)) {
            const small = school.classesPerParallel.every((n) => n === 1);
            cohortSizes.set(key, small ? rng.int(14, 24) : rng.int(21, 30));
          }
          rows.push({ yearId: year.id, parallel, letter, entry });
        }
      }
    }
    const inserted = await insertClasses(
      tx.db,
      rows.map((r) => ({
        orgId: school.id,
        academicYearId: r.yearId,
        parallel: r.parallel,
        letter: r.letter,
        studentCount: cohortSizes.get(cohortKey(r.entry, r.letter)) ?? null,
      })),
    );
    for (const c of inserted) {
      world.classIds.set(classKey(school.id, c.academicYearId, c.parallel, c.letter), c.id);
    }
    // Students of every cohort, with codes the school would give: «212-00017».
    let seq = 0;
    const codesByCohort = new Map<string, string[]>();
    for (const [key, size] of cohortSizes) {
      codesByCohort.set(
        key,
        Array.from({ length: size }, () => `${school.number}-${String(++seq).padStart(5, '0')}`),
      );
    }
    const allCodes = [...codesByCohort.values()].flat();
    const idByCode = new Map<string, number>();
    for (let i = 0; i < allCodes.length; i += 2000) {
      for (const s of await insertStudents(tx.db, school.id, allCodes.slice(i, i + 2000))) {
        idByCode.set(s.code, s.id);
      }
    }
    studentTotal += allCodes.length;
    const memberships: string[] = [];
    for (const [i, r] of rows.entries()) {
      const classId = inserted[i]?.id;
      for (const code of codesByCohort.get(cohortKey(r.entry, r.letter)) ?? []) {
        memberships.push(`${idByCode.get(code)},${classId}\n`);
      }
    }
    await tx.copyCsv('class_memberships', ['student_id', 'class_id'], memberships);
  }
  return studentTotal;
}

async function addUser(
  { tx, rng, world }: Ctx,
  passwordHash: string,
  login: string,
  position: string,
  workplaceOrgId: number | null,
  assignments: AssignmentValues[],
) {
  const user = await insertUser(tx.db, {
    login,
    passwordHash,
    fullName: personName(rng).fullName,
    position,
    email: `${login}@edu-frunz.example`,
    municipalityId: world.municipalityId,
    workplaceOrgId,
  });
  await replaceAssignments(tx.db, user.id, assignments);
  world.users.set(login, user.id);
  return user;
}

async function createUsers(ctx: Ctx, passwordHash: string) {
  const { world } = ctx;
  const m = world.municipalityId;
  const district = (role: string): AssignmentValues[] => [
    { role, scopeKind: 'municipality', municipalityId: m, orgIds: [] },
  ];
  const school = (role: string, orgId: number): AssignmentValues[] => [
    { role, scopeKind: 'school', municipalityId: m, orgIds: [orgId] },
  ];
  await addUser(
    ctx,
    passwordHash,
    'admin',
    'Администратор системы, ИМЦ',
    world.bodies.imc,
    district('district_admin'),
  );
  await addUser(
    ctx,
    passwordHash,
    'imc',
    'Методист ИМЦ',
    world.bodies.imc,
    district('district_specialist'),
  );
  await addUser(
    ctx,
    passwordHash,
    'coko',
    'Специалист ЦОКО',
    world.bodies.coko,
    district('district_specialist'),
  );
  await addUser(
    ctx,
    passwordHash,
    'uo',
    'Главный специалист отдела образования',
    world.bodies.uo,
    district('district_specialist'),
  );
  await addUser(
    ctx,
    passwordHash,
    'head',
    'Начальник отдела образования',
    world.bodies.uo,
    district('readonly'),
  );
  for (const s of world.schools) {
    await addUser(
      ctx,
      passwordHash,
      `school${s.number}`,
      'Заместитель директора по УВР',
      s.id,
      school('school_admin', s.id),
    );
  }
  for (const number of ['212', '312', '8']) {
    const s = schoolByNumber(world, number);
    await addUser(
      ctx,
      passwordHash,
      `teacher${number}`,
      'Учитель начальных классов',
      s.id,
      school('teacher', s.id),
    );
  }
  // Experts work in schools of the district (seed 000 item 1.1: three expert groups).
  const expertSchools = ['201', '217', '193', '295', '302', '219', '311', '226', '301'];
  for (const [i, number] of expertSchools.entries()) {
    await addUser(
      ctx,
      passwordHash,
      `expert${i + 1}`,
      'Учитель, эксперт',
      schoolByNumber(world, number).id,
      district('expert'),
    );
  }
  const observed = ['212', '215'].map((n) => schoolByNumber(world, n).id);
  await addUser(ctx, passwordHash, 'observer', 'Общественный наблюдатель', null, [
    { role: 'observer', scopeKind: 'schools', municipalityId: m, orgIds: observed },
  ]);
}

const schoolByNumber = (world: DemoWorld, number: string): DemoSchool => {
  const s = world.schools.find((x) => x.number === number);
  if (!s) throw new Error(`demo school ${number} missing`);
  return s;
};

async function createExpertGroups({ tx, world }: Ctx) {
  const subjects = await listSubjects(tx.db);
  const subjectId = (code: string) => subjects.find((s) => s.code === code)?.id ?? null;
  const groups = [
    {
      name: 'Экспертная группа № 1 (начальное общее образование)',
      subject: null,
      experts: [1, 2, 3],
    },
    {
      name: 'Экспертная группа № 2 (русский язык и литература)',
      subject: 'rus',
      experts: [4, 5, 6],
    },
    { name: 'Экспертная группа № 3 (математика)', subject: 'math', experts: [7, 8, 9] },
  ];
  // Schools are dealt to the groups in turn; each group's experts work elsewhere.
  const assignments: number[][] = [[], [], []];
  for (const [i, s] of world.schools.entries()) assignments[i % 3]?.push(s.id);
  for (const [i, g] of groups.entries()) {
    const row = await insertExpertGroup(tx.db, {
      municipalityId: world.municipalityId,
      name: g.name,
      subjectId: g.subject ? subjectId(g.subject) : null,
      description:
        'Группа по совершенствованию ВСОКО: экспертиза локальных актов, графиков оценочных процедур и отчётов о самообследовании курируемых ОО.',
    });
    const members = g.experts.map((n, k) => ({
      userId: world.users.get(`expert${n}`) ?? 0,
      isLeader: k === 0,
    }));
    await replaceMembers(tx.db, row.id, members);
    await replaceSchools(tx.db, row.id, assignments[i] ?? []);
    world.expertGroupIds.push(row.id);
  }
}
