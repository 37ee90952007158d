import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  dataOf,
  signIn,
  type Client,
  type TestContext,
} from '../../../test/app';
import { buildMunicipality, buildSchool, buildUser, PASSWORD } from '../../../test/factories';

let ctx: TestContext;
let admin: Client;
let municipalityId: number;

beforeAll(async () => {
  ctx = await createTestContext();
  const db = ctx.database.db;
  const m = await buildMunicipality(db);
  municipalityId = m.id;
  const other = await buildMunicipality(db);
  const s1 = await buildSchool(db, m.id, { number: '10', shortName: 'Бета школа' });
  await buildSchool(db, m.id, { number: '2', shortName: 'Альфа школа' });
  await buildUser(db, { login: 'dadmin', role: 'district_admin', municipalityId: m.id });
  await buildUser(db, {
    login: 'exp1',
    role: 'expert',
    municipalityId: m.id,
    workplaceOrgId: s1.id,
  });
  await buildUser(db, { login: 'exp-other', role: 'expert', municipalityId: other.id });
  await buildUser(db, {
    login: 'teacher1',
    role: 'teacher',
    municipalityId: m.id,
    orgIds: [s1.id],
  });
  admin = await signIn(ctx.app, 'dadmin', PASSWORD);
});
afterAll(() => ctx.close());

describe('organisation list order', () => {
  const names = async (sort?: string) =>
    dataOf<{ items: { shortName: string }[] }>(
      await admin.get(`/api/orgs?category=school${sort ? `&sort=${sort}` : ''}`),
    ).items.map((o) => o.shortName);

  it('orders by number by default and by name on request', async () => {
    expect(await names()).toEqual(['Альфа школа', 'Бета школа']);
    expect(await names('name')).toEqual(['Альфа школа', 'Бета школа']);
  });

  it('puts the latest changed organisation first with sort=updated', async () => {
    const { items } = dataOf<{ items: { id: number; shortName: string }[] }>(
      await admin.get('/api/orgs?category=school&q=Бета'),
    );
    const beta = items[0];
    if (!beta) throw new Error('no school');
    dataOf(await admin.patch(`/api/orgs/${beta.id}`, { phone: '+7 000' }));
    expect((await names('updated'))[0]).toBe('Бета школа');
    expect(await names('number')).toEqual(['Альфа школа', 'Бета школа']);
  });
});

describe('expert group candidates', () => {
  it('lists the experts of the municipality only', async () => {
    const list = dataOf<{ login: string; workplaceName: string | null }[]>(
      await admin.get(`/api/expert-groups/candidates?municipalityId=${municipalityId}`),
    );
    expect(list.map((c) => c.login)).toEqual(['exp1']);
    expect(list[0]?.workplaceName).toBe('Бета школа');
  });
});
