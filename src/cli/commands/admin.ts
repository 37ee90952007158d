import { writeFileSync } from 'node:fs';
import { SYSTEM_ACTOR } from '../../core/access/actor';
import { createDemo, isDatabaseEmpty } from '../../services/demo';
import { hashPassword } from '../../services/auth/password';
import { createFirstAdministrator } from '../../services/setup';
import { countUsers } from '../../db/repositories/users';
import { createUserRequest } from '../../shared/users';
import { renderPermissionsMarkdown } from '../permissionsDoc';
import { describeDatabase, openRuntime, readEnv, type Runtime } from '../runtime';
import { ROLES, type Role } from '../../core/access/roles';

async function withRuntime<T>(work: (rt: Runtime) => Promise<T>): Promise<T> {
  const runtime = await openRuntime(readEnv());
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
}

export async function migrateCommand() {
  await withRuntime(async (rt) => {
    console.log(`Миграции применены: ${describeDatabase(rt.database)}`);
  });
}

export async function demoCommand() {
  await withRuntime(async (rt) => {
    if (!(await isDatabaseEmpty(rt.services.deps))) {
      throw new Error(
        'База данных не пуста: демо-район создаётся только в пустой базе (задайте другой VSOKO_DATA_DIR или DATABASE_URL).',
      );
    }
    const world = await createDemo(rt.services.deps, rt.services, (m) => console.log(m));
    console.log(`Готово: демо-район «${world.municipalityName}», ${world.schools.length} ОО.`);
  });
}

export interface UserCreateOptions {
  login: string;
  name: string;
  password?: string;
  role: string;
  municipalityId?: string;
  orgId?: string;
  regionCode?: string;
  region?: string;
  municipality?: string;
}

/**
 * Creates a user from the command line. On an empty database it creates the region, the
 * municipality and the first district administrator.
 */
export async function userCreateCommand(o: UserCreateOptions) {
  const password = o.password ?? process.env.VSOKO_PASSWORD;
  if (!password)
    throw new Error('Укажите пароль: --password или переменная окружения VSOKO_PASSWORD');
  await withRuntime(async (rt) => {
    const { database, services } = rt;
    if ((await countUsers(database.db)) === 0) {
      if (!o.regionCode || !o.region || !o.municipality) {
        throw new Error(
          'База пуста: первый администратор создаётся вместе с регионом и муниципалитетом — укажите --region-code, --region и --municipality',
        );
      }
      if (password.length < 8) throw new Error('Пароль должен содержать не менее 8 символов');
      const hash = await hashPassword(password);
      const { user, municipality } = await database.transaction(({ db }) =>
        createFirstAdministrator(
          db,
          {
            regionCode: o.regionCode ?? '',
            regionName: o.region ?? '',
            municipalityName: o.municipality ?? '',
            login: o.login,
            fullName: o.name,
            password,
          },
          hash,
        ),
      );
      console.log(
        `Создан администратор района ${user.login} (${municipality.name}, id ${municipality.id})`,
      );
      return;
    }
    if (!(ROLES as readonly string[]).includes(o.role)) {
      throw new Error(`Неизвестная роль «${o.role}». Роли: ${ROLES.join(', ')}`);
    }
    const role = o.role as Role;
    const municipalityId = Number(o.municipalityId);
    if (!municipalityId) throw new Error('Укажите --municipality-id');
    const orgIds = o.orgId ? o.orgId.split(',').map(Number) : [];
    const scopeKind =
      orgIds.length === 0 ? 'municipality' : orgIds.length === 1 ? 'school' : 'schools';
    const input = createUserRequest.parse({
      login: o.login,
      fullName: o.name,
      municipalityId,
      workplaceOrgId: orgIds.length === 1 ? orgIds[0] : null,
      password,
      mustChangePassword: false,
      assignments: [{ role, scopeKind, municipalityId, orgIds }],
    });
    const created = await services.users.create(SYSTEM_ACTOR, input);
    console.log(`Создан пользователь ${created.user.login} (id ${created.user.id})`);
  });
}

export async function permissionsDocCommand(out: string) {
  writeFileSync(out, renderPermissionsMarkdown());
  console.log(`Записано: ${out}`);
}
