import type { Actor } from '../core/access/actor';
import { SCHOOL_GRANTABLE_ROLES, isRole } from '../core/access/roles';
import { coversMunicipality, inScope, type OrgScope } from '../core/access/scope';
import { conflict, forbidden, invalid, notFound } from '../core/errors';
import type { Db } from '../db/database';
import { findOrgById } from '../db/repositories/organisations';
import { orgScopeWhere } from '../db/repositories/scope';
import { deleteUserSessions } from '../db/repositories/sessions';
import {
  findUserByLogin,
  findUserWithWorkplace,
  insertUser,
  listUsers,
  loadAssignments,
  replaceAssignments,
  updateUser,
  type AssignmentRecord,
  type UserRow,
} from '../db/repositories/users';
import { users } from '../db/schema';
import type {
  AssignmentInput,
  CreateUserRequest,
  ResetPasswordRequest,
  UpdateUserRequest,
  UserListQuery,
} from '../shared/users';
import { audit, diff } from './audit';
import { hashPassword } from './auth/password';
import type { ServiceDeps } from './deps';
import { requireScope, requireWritable } from './guard';
import { validateAssignments } from './userAssignments';

export interface UserRecord {
  user: UserRow;
  workplaceName: string | null;
  assignments: AssignmentRecord[];
}

const describeAssignments = (records: AssignmentRecord[]) =>
  records.map((a) => ({ role: a.role, scope: a.scopeKind, orgs: a.orgs.map((o) => o.shortName) }));

const userTarget = (user: UserRow) => ({
  orgId: user.workplaceOrgId,
  municipalityId: user.municipalityId,
});

export class UserService {
  constructor(private readonly deps: ServiceDeps) {}

  async list(actor: Actor, q: UserListQuery) {
    const scope = requireScope(actor, 'user.read');
    const { db } = this.deps.database;
    const { rows, total } = await listUsers(db, {
      scope: orgScopeWhere(scope, users.workplaceOrgId, users.municipalityId),
      q: q.q,
      role: q.role,
      orgId: q.orgId,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    const assignments = await loadAssignments(
      db,
      rows.map((r) => r.user.id),
    );
    return {
      items: rows.map((r) => ({ user: r.user, workplaceName: r.workplaceName, assignments })),
      total,
    };
  }

  async get(actor: Actor, id: number): Promise<UserRecord> {
    const { db } = this.deps.database;
    const record = await this.load(db, id);
    const scope = requireScope(actor, 'user.read');
    if (!inScope(scope, userTarget(record.user)) && record.user.id !== actor.userId) {
      throw notFound('Пользователь');
    }
    return record;
  }

  async create(actor: Actor, input: CreateUserRequest): Promise<UserRecord> {
    const scope = requireScope(actor, 'user.manage');
    const passwordHash = await hashPassword(input.password);
    const id = await this.deps.database.transaction(async ({ db }) => {
      const workplaceOrgId = input.workplaceOrgId ?? null;
      await this.checkPlacement(db, scope, input.municipalityId, workplaceOrgId);
      if (await findUserByLogin(db, input.login)) {
        throw conflict(`Логин ${input.login} уже занят`);
      }
      const assignments = await validateAssignments(db, scope, input.assignments);
      const user = await insertUser(db, {
        login: input.login,
        passwordHash,
        fullName: input.fullName,
        position: input.position,
        email: input.email,
        phone: input.phone,
        municipalityId: input.municipalityId,
        workplaceOrgId,
        mustChangePassword: input.mustChangePassword,
      });
      await replaceAssignments(db, user.id, assignments);
      const { passwordHash: _omit, ...safe } = user;
      await audit(db, actor, {
        action: 'create',
        entity: 'user',
        entityId: user.id,
        municipalityId: user.municipalityId,
        orgId: user.workplaceOrgId,
        summary: `Создан пользователь ${user.login} (${user.fullName})`,
        after: { ...safe, assignments: describeAssignments(await loadAssignments(db, [user.id])) },
      });
      return user.id;
    });
    return this.load(this.deps.database.db, id);
  }

  async update(actor: Actor, id: number, input: UpdateUserRequest): Promise<UserRecord> {
    await this.deps.database.transaction(async ({ db }) => {
      const current = await this.load(db, id);
      const scope = requireWritable(
        actor,
        'user.read',
        'user.manage',
        userTarget(current.user),
        'Пользователь',
      );
      this.assertManageable(current, scope);
      if (input.isActive === false && id === actor.userId) {
        throw invalid('Нельзя отключить собственную учётную запись');
      }
      if (input.workplaceOrgId !== undefined) {
        await this.checkPlacement(db, scope, current.user.municipalityId, input.workplaceOrgId);
      }
      const row = await updateUser(db, id, input);
      if (input.isActive === false) await deleteUserSessions(db, id);
      const changes = diff(current.user, row, [
        'fullName',
        'position',
        'email',
        'phone',
        'workplaceOrgId',
        'isActive',
      ]);
      if (changes) {
        await audit(db, actor, {
          action: 'update',
          entity: 'user',
          entityId: id,
          municipalityId: row.municipalityId,
          orgId: row.workplaceOrgId,
          summary: `Изменён пользователь ${row.login}`,
          ...changes,
        });
      }
    });
    return this.load(this.deps.database.db, id);
  }

  async setAssignments(actor: Actor, id: number, inputs: AssignmentInput[]): Promise<UserRecord> {
    await this.deps.database.transaction(async ({ db }) => {
      const current = await this.load(db, id);
      const scope = requireWritable(
        actor,
        'user.read',
        'user.manage',
        userTarget(current.user),
        'Пользователь',
      );
      if (id === actor.userId) {
        throw forbidden('Собственные роли меняет другой администратор');
      }
      this.assertManageable(current, scope);
      const assignments = await validateAssignments(db, scope, inputs);
      await replaceAssignments(db, id, assignments);
      await deleteUserSessions(db, id);
      await audit(db, actor, {
        action: 'update',
        entity: 'user',
        entityId: id,
        municipalityId: current.user.municipalityId,
        orgId: current.user.workplaceOrgId,
        summary: `Изменены роли пользователя ${current.user.login}`,
        before: { assignments: describeAssignments(current.assignments) },
        after: { assignments: describeAssignments(await loadAssignments(db, [id])) },
      });
    });
    return this.load(this.deps.database.db, id);
  }

  async resetPassword(actor: Actor, id: number, input: ResetPasswordRequest): Promise<void> {
    const passwordHash = await hashPassword(input.password);
    await this.deps.database.transaction(async ({ db }) => {
      const current = await this.load(db, id);
      const scope = requireWritable(
        actor,
        'user.read',
        'user.manage',
        userTarget(current.user),
        'Пользователь',
      );
      this.assertManageable(current, scope);
      await updateUser(db, id, { passwordHash, mustChangePassword: input.mustChangePassword });
      await deleteUserSessions(db, id);
      await audit(db, actor, {
        action: 'password',
        entity: 'user',
        entityId: id,
        municipalityId: current.user.municipalityId,
        orgId: current.user.workplaceOrgId,
        summary: `Администратор задал новый пароль пользователю ${current.user.login}`,
      });
    });
  }

  private async load(db: Db, id: number): Promise<UserRecord> {
    const row = await findUserWithWorkplace(db, id);
    if (!row) throw notFound('Пользователь');
    return { ...row, assignments: await loadAssignments(db, [id]) };
  }

  /** Where a user may be placed by this caller: its municipality and workplace. */
  private async checkPlacement(
    db: Db,
    scope: OrgScope,
    municipalityId: number,
    workplaceOrgId: number | null,
  ) {
    if (workplaceOrgId === null) {
      if (!coversMunicipality(scope, municipalityId)) {
        throw invalid('Укажите место работы пользователя (вашу организацию)');
      }
      return;
    }
    const org = await findOrgById(db, workplaceOrgId);
    if (!org) throw invalid('Место работы не найдено');
    if (org.org.municipalityId !== municipalityId) {
      throw invalid('Место работы должно относиться к муниципалитету пользователя');
    }
    if (!inScope(scope, { orgId: workplaceOrgId, municipalityId })) throw forbidden();
  }

  /**
   * A school administrator manages only the school-level accounts of their school: an account
   * that also holds district roles or roles in other schools is managed by the district.
   */
  private assertManageable(record: UserRecord, scope: OrgScope) {
    if (coversMunicipality(scope, record.user.municipalityId)) return;
    const foreign = record.assignments.some(
      (a) =>
        !isRole(a.role) ||
        !SCHOOL_GRANTABLE_ROLES.includes(a.role) ||
        a.orgs.some((o) => !inScope(scope, { orgId: o.id, municipalityId: a.municipalityId })),
    );
    if (foreign) {
      throw forbidden(
        'Эту учётную запись ведёт администратор района: у неё есть роли вне вашей ОО',
      );
    }
  }
}
