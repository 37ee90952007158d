import { randomBytes, timingSafeEqual } from 'node:crypto';
import { SYSTEM_ACTOR } from '../core/access/actor';
import { AppError, conflict } from '../core/errors';
import type { Db } from '../db/database';
import { findRegionByCode, insertMunicipality, insertRegion } from '../db/repositories/reference';
import { countUsers, insertUser, replaceAssignments } from '../db/repositories/users';
import type { SetupRequest } from '../shared/auth';
import { audit } from './audit';
import { hashPassword } from './auth/password';
import type { ServiceDeps } from './deps';

export interface FirstAdminInput {
  regionCode: string;
  regionName: string;
  municipalityName: string;
  login: string;
  fullName: string;
  password: string;
}

/**
 * Creates a region, a municipality and its first district administrator in one transaction.
 * Used by the one-time setup page and by `vsoko user:create` on an empty database.
 */
export async function createFirstAdministrator(
  db: Db,
  input: FirstAdminInput,
  passwordHash: string,
) {
  const region =
    (await findRegionByCode(db, input.regionCode)) ??
    (await insertRegion(db, input.regionCode, input.regionName));
  const municipality = await insertMunicipality(db, region.id, input.municipalityName);
  const user = await insertUser(db, {
    login: input.login,
    passwordHash,
    fullName: input.fullName,
    municipalityId: municipality.id,
  });
  await replaceAssignments(db, user.id, [
    {
      role: 'district_admin',
      scopeKind: 'municipality',
      municipalityId: municipality.id,
      orgIds: [],
    },
  ]);
  await audit(db, SYSTEM_ACTOR, {
    action: 'create',
    entity: 'user',
    entityId: user.id,
    municipalityId: municipality.id,
    orgId: null,
    summary: `Первоначальная настройка: ${region.name}, ${municipality.name}; администратор ${user.login}`,
    after: { region: region.name, municipality: municipality.name, login: user.login },
  });
  return { region, municipality, user };
}

/**
 * The one-time setup of a production installation. While no user exists, a setup code is
 * generated and printed to the server log; whoever can read the log may create the first
 * administrator through the setup page.
 */
export class SetupService {
  private token: string | null = null;

  constructor(private readonly deps: ServiceDeps) {}

  async isRequired(): Promise<boolean> {
    return (await countUsers(this.deps.database.db)) === 0;
  }

  /** Generates the setup code when setup is needed; returns it for the log. */
  async prepare(): Promise<string | null> {
    if (!(await this.isRequired())) return null;
    this.token ??= randomBytes(9).toString('base64url');
    return this.token;
  }

  async complete(input: SetupRequest) {
    const expected = this.token;
    const given = Buffer.from(input.setupToken);
    if (
      !expected ||
      given.length !== expected.length ||
      !timingSafeEqual(given, Buffer.from(expected))
    ) {
      throw new AppError(
        'FORBIDDEN',
        'Неверный код установки. Код напечатан в журнале сервера при запуске.',
      );
    }
    const passwordHash = await hashPassword(input.password);
    const result = await this.deps.database.transaction(async ({ db }) => {
      if ((await countUsers(db)) > 0)
        throw conflict('Система уже настроена: войдите под своей учётной записью');
      return createFirstAdministrator(db, input, passwordHash);
    });
    this.token = null;
    return result;
  }
}
