import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../../core/access/actor';
import { PERMISSION_LIST, type Permission } from '../../core/access/permissions';
import { resolveScope } from '../../core/access/scope';
import { AppError, invalid } from '../../core/errors';
import { findLiveSessionActor, loadActor } from '../../db/repositories/actors';
import { findOrgById } from '../../db/repositories/organisations';
import {
  deleteSession,
  deleteUserSessions,
  insertSession,
  touchSession,
} from '../../db/repositories/sessions';
import {
  findUserById,
  findUserByLogin,
  loadAssignments,
  updateUser,
  type AssignmentRecord,
  type UserRow,
} from '../../db/repositories/users';
import type { ChangePasswordRequest } from '../../shared/auth';
import { audit } from '../audit';
import type { ServiceDeps } from '../deps';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password';
import { LoginRateLimiter } from './rateLimiter';

export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
const TOUCH_EVERY_MS = 5 * 60 * 1000;

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export interface ResolvedSession {
  sessionId: string;
  csrfToken: string;
  user: UserRow;
  actor: Actor;
}

export interface LoginMeta {
  ip: string | null;
  userAgent: string | null;
}

export class AuthService {
  private readonly limiter = new LoginRateLimiter();

  constructor(private readonly deps: ServiceDeps) {}

  /** Checks the password and opens a session; returns the cookie token. */
  async login(login: string, password: string, meta: LoginMeta) {
    const now = this.deps.now();
    const keys = [`login:${login.toLowerCase()}`, `ip:${meta.ip ?? '-'}`];
    const wait = Math.max(...keys.map((k) => this.limiter.retryAfter(k, now.getTime())));
    if (wait > 0) {
      throw new AppError(
        'RATE_LIMITED',
        `Слишком много неудачных попыток входа. Повторите через ${Math.ceil(wait / 60000)} мин.`,
      );
    }
    const { db } = this.deps.database;
    const user = await findUserByLogin(db, login);
    const ok = user
      ? await verifyPassword(password, user.passwordHash)
      : await verifyPassword(password, await dummyPasswordHash()).then(() => false);
    if (!user || !ok || !user.isActive) {
      for (const k of keys) this.limiter.fail(k, now.getTime());
      throw new AppError('UNAUTHENTICATED', 'Неверный логин или пароль');
    }
    for (const k of keys) this.limiter.reset(k);
    const token = randomBytes(32).toString('base64url');
    const sessionId = hashToken(token);
    const csrfToken = randomBytes(24).toString('base64url');
    const actor = await loadActor(db, user);
    await this.deps.database.transaction(async (tx) => {
      await insertSession(tx.db, {
        id: sessionId,
        userId: user.id,
        csrfToken,
        expiresAt: new Date(now.getTime() + SESSION_IDLE_MS),
        ip: meta.ip,
        userAgent: meta.userAgent?.slice(0, 300) ?? null,
      });
      await updateUser(tx.db, user.id, { lastLoginAt: now });
      await audit(tx.db, actor, {
        action: 'login',
        entity: 'session',
        entityId: user.id,
        municipalityId: user.municipalityId,
        orgId: user.workplaceOrgId,
        summary: `Вход пользователя ${user.login}`,
        after: { ip: meta.ip },
      });
    });
    return { token, session: { sessionId, csrfToken, user, actor } satisfies ResolvedSession };
  }

  /** The session behind a cookie token, or null when it is missing, expired or revoked. */
  async resolve(token: string): Promise<ResolvedSession | null> {
    const now = this.deps.now();
    const { db } = this.deps.database;
    const sessionId = hashToken(token);
    const row = await findLiveSessionActor(db, sessionId, now);
    if (!row) return null;
    if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      await touchSession(db, sessionId, now, new Date(now.getTime() + SESSION_IDLE_MS));
    }
    return { sessionId, csrfToken: row.session.csrfToken, user: row.user, actor: row.actor };
  }

  async logout(session: ResolvedSession): Promise<void> {
    await this.deps.database.transaction(async (tx) => {
      await deleteSession(tx.db, session.sessionId);
      await audit(tx.db, session.actor, {
        action: 'logout',
        entity: 'session',
        entityId: session.user.id,
        municipalityId: session.user.municipalityId,
        orgId: session.user.workplaceOrgId,
        summary: `Выход пользователя ${session.user.login}`,
      });
    });
  }

  async changePassword(session: ResolvedSession, input: ChangePasswordRequest): Promise<void> {
    const { db } = this.deps.database;
    const user = await findUserById(db, session.user.id);
    if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
      throw invalid('Текущий пароль указан неверно');
    }
    if (input.currentPassword === input.newPassword) {
      throw invalid('Новый пароль должен отличаться от текущего');
    }
    const passwordHash = await hashPassword(input.newPassword);
    await this.deps.database.transaction(async (tx) => {
      await updateUser(tx.db, user.id, { passwordHash, mustChangePassword: false });
      // Other sessions of this user end: a changed password locks out whoever knew the old one.
      await deleteUserSessions(tx.db, user.id, session.sessionId);
      await audit(tx.db, session.actor, {
        action: 'password',
        entity: 'user',
        entityId: user.id,
        municipalityId: user.municipalityId,
        orgId: user.workplaceOrgId,
        summary: `Пользователь ${user.login} сменил пароль`,
      });
    });
  }

  /** What the web client needs to know about the signed-in user. */
  async describe(session: ResolvedSession): Promise<SessionInfo> {
    const { db } = this.deps.database;
    const [assignments, workplace] = await Promise.all([
      loadAssignments(db, [session.user.id]),
      session.user.workplaceOrgId ? findOrgById(db, session.user.workplaceOrgId) : null,
    ]);
    return {
      user: session.user,
      workplaceName: workplace?.org.shortName ?? null,
      assignments,
      permissions: PERMISSION_LIST.filter((p) => resolveScope(session.actor, p).granted),
      csrfToken: session.csrfToken,
    };
  }
}

export interface SessionInfo {
  user: UserRow;
  workplaceName: string | null;
  assignments: AssignmentRecord[];
  permissions: Permission[];
  csrfToken: string;
}
