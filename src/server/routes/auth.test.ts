import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, dataOf, errorOf, signIn, type TestContext } from '../../../test/app';
import { buildMunicipality, buildSchool, buildUser, PASSWORD } from '../../../test/factories';
import { SESSION_COOKIE } from '../auth';

let ctx: TestContext;
let schoolId: number;
let municipalityId: number;

beforeAll(async () => {
  ctx = await createTestContext();
  const m = await buildMunicipality(ctx.database.db);
  const school = await buildSchool(ctx.database.db, m.id);
  schoolId = school.id;
  municipalityId = m.id;
  await buildUser(ctx.database.db, {
    login: 'zam',
    role: 'school_admin',
    municipalityId: m.id,
    orgIds: [school.id],
  });
  await buildUser(ctx.database.db, {
    login: 'gone',
    role: 'teacher',
    municipalityId: m.id,
    orgIds: [school.id],
    isActive: false,
  });
  await buildUser(ctx.database.db, {
    login: 'limited',
    role: 'teacher',
    municipalityId: m.id,
    orgIds: [school.id],
  });
});
afterAll(() => ctx.close());

describe('login', () => {
  it('opens a session with an httpOnly SameSite=Strict cookie and returns roles and a CSRF token', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'ZAM', password: PASSWORD },
    });
    const data = dataOf<{
      user: { login: string };
      assignments: { role: string; orgIds: number[] }[];
      csrfToken: string;
      permissions: string[];
    }>(res);
    expect(data.user.login).toBe('zam');
    expect(data.assignments).toEqual([
      expect.objectContaining({ role: 'school_admin', orgIds: [schoolId] }),
    ]);
    expect(data.csrfToken.length).toBeGreaterThan(20);
    expect(data.permissions).toContain('class.manage');
    expect(data.permissions).not.toContain('org.manage');
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  });

  it('refuses a wrong password, an unknown login and a disabled account with one Russian message', async () => {
    for (const payload of [
      { login: 'zam', password: 'wrong-password' },
      { login: 'nobody', password: PASSWORD },
      { login: 'gone', password: PASSWORD },
    ]) {
      const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload });
      expect(errorOf(res)).toEqual({
        status: 401,
        code: 'UNAUTHENTICATED',
        message: 'Неверный логин или пароль',
      });
    }
  });

  it('validates the request body in Russian', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: '' },
    });
    const err = errorOf(res);
    expect(err.status).toBe(400);
    expect(err.message).toContain('Введите логин');
  });

  it('limits failed logins per account', async () => {
    let last = 0;
    for (let i = 0; i < 11; i++) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: 'limited', password: 'bad' },
        remoteAddress: `10.0.0.${i}`,
      });
      last = res.statusCode;
    }
    expect(last).toBe(429);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'limited', password: PASSWORD },
      remoteAddress: '10.0.1.1',
    });
    expect(errorOf(res).message).toMatch(/Слишком много неудачных попыток входа/);
  });
});

describe('session', () => {
  it('requires a session for API routes', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/orgs' });
    expect(errorOf(res)).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });

  it('refuses a state-changing request without the CSRF header before reading its body', async () => {
    const client = await signIn(ctx.app, 'zam', PASSWORD);
    const res = await client.request('POST', '/api/orgs/1/classes', { nonsense: true });
    expect(res.statusCode).toBe(400); // with the header: validated
    const forged = await ctx.app.inject({
      method: 'POST',
      url: `/api/orgs/${schoolId}/classes`,
      cookies: { [SESSION_COOKIE]: 'x' },
      payload: {},
    });
    expect(errorOf(forged).code).toBe('UNAUTHENTICATED');
    const session = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'zam', password: PASSWORD },
    });
    const cookie = session.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? '';
    const noCsrf = await ctx.app.inject({
      method: 'POST',
      url: `/api/orgs/${schoolId}/classes`,
      cookies: { [SESSION_COOKIE]: cookie },
      payload: {},
    });
    expect(errorOf(noCsrf)).toMatchObject({ status: 403, code: 'CSRF' });
  });

  it('logs out: the cookie no longer works', async () => {
    const client = await signIn(ctx.app, 'zam', PASSWORD);
    expect((await client.get('/api/auth/session')).statusCode).toBe(200);
    expect((await client.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await client.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('changes the password, ends other sessions and records it in the audit log', async () => {
    await buildUser(ctx.database.db, {
      login: 'changer',
      role: 'school_admin',
      municipalityId,
      orgIds: [schoolId],
    });
    const a = await signIn(ctx.app, 'changer', PASSWORD);
    const b = await signIn(ctx.app, 'changer', PASSWORD);
    const wrong = await a.post('/api/auth/password', {
      currentPassword: 'nope',
      newPassword: 'another-password',
    });
    expect(errorOf(wrong).message).toBe('Текущий пароль указан неверно');
    const short = await a.post('/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'short',
    });
    expect(errorOf(short).message).toContain('не менее 8 символов');
    dataOf(
      await a.post('/api/auth/password', {
        currentPassword: PASSWORD,
        newPassword: 'another-password',
      }),
    );
    expect((await a.get('/api/auth/session')).statusCode).toBe(200);
    expect((await b.get('/api/auth/session')).statusCode).toBe(401);
    await signIn(ctx.app, 'changer', 'another-password');
    const audit = dataOf<{ items: { action: string; summary: string }[] }>(
      await a.get('/api/audit?action=password'),
    );
    expect(audit.items[0]?.summary).toBe('Пользователь changer сменил пароль');
  });
});

describe('meta and API docs', () => {
  it('are public', async () => {
    const meta = dataOf<{ setupRequired: boolean; demo: boolean }>(
      await ctx.app.inject({ method: 'GET', url: '/api/meta' }),
    );
    expect(meta).toMatchObject({ setupRequired: false, demo: false });
    const docs = await ctx.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(docs.statusCode).toBe(200);
    expect(Object.keys((docs.json() as { paths: object }).paths)).toContain('/api/orgs');
  });

  it('answers unknown API addresses with a JSON error', async () => {
    const client = await signIn(ctx.app, 'zam', PASSWORD);
    expect(errorOf(await client.get('/api/nothing-here'))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
      message: 'Адрес не найден',
    });
  });
});
