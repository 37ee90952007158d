import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  dataOf,
  errorOf,
  signIn,
  type Client,
  type TestContext,
} from '../../../test/app';
import { buildMunicipality, buildSchool, buildUser, PASSWORD } from '../../../test/factories';
import { journalWorkbook } from '../../../test/fixtures/results/journal';
import { multipart } from '../../../test/multipart';
import { SYSTEM_ACTOR } from '../../core/access/actor';
import { auditLog, journalMarkFiles, journalMarks } from '../../db/schema';

const ERRORS_CSV = 'journal_marks_errors_win1251.csv';
const fixture = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/results/${name}`, import.meta.url));

interface Preview {
  uploadKey: string;
  headers: string[];
  mapping: Record<string, number | null>;
  marksCount: number;
  sample: { row: number; studentCode: string; subjectName: string; period: string; mark: number }[];
  linkedStudents: number;
  alreadyImported: boolean;
  issues: { severity: string; row: number | null; column: string | null; message: string }[];
  ok: boolean;
}

let ctx: TestContext;
let admin: Client;
let school: Client;
let ids: { s1: number; s2: number };

const upload = (client: Client, orgId: number, name: string, bytes: Buffer) => {
  const form = multipart(
    { orgId, year: 2024 },
    { name, type: 'application/octet-stream', content: bytes },
  );
  return client.post('/api/results/journal/upload', form.payload, form.headers);
};
const counts = async () => ({
  files: await ctx.database.db.$count(journalMarkFiles),
  marks: await ctx.database.db.$count(journalMarks),
});

beforeAll(async () => {
  ctx = await createTestContext();
  const db = ctx.database.db;
  const m = await buildMunicipality(db, 'МО «Журнал»');
  const s1 = await buildSchool(db, m.id, { fisLogin: 'sch790001', shortName: 'Школа № 1' });
  const s2 = await buildSchool(db, m.id, { fisLogin: 'sch790002', shortName: 'Школа № 2' });
  ids = { s1: s1.id, s2: s2.id };
  await buildUser(db, { login: 'uoj', role: 'district_admin', municipalityId: m.id });
  await buildUser(db, {
    login: 'zam1',
    role: 'school_admin',
    municipalityId: m.id,
    orgIds: [s1.id],
  });
  await buildUser(db, {
    login: 'zam2',
    role: 'school_admin',
    municipalityId: m.id,
    orgIds: [s2.id],
  });
  await ctx.services.students.add(SYSTEM_ACTOR, s1.id, { codes: ['ST-7'] });
  admin = await signIn(ctx.app, 'uoj', PASSWORD);
  school = await signIn(ctx.app, 'zam1', PASSWORD);
});
afterAll(() => ctx.close());

describe('journal marks over HTTP', () => {
  it('uploads, guesses the mapping, previews; a refused commit changes nothing', async () => {
    const p = dataOf<Preview>(await upload(school, ids.s1, ERRORS_CSV, fixture(ERRORS_CSV)));
    expect(p.headers).toEqual(['ФИО', 'Код ученика', 'Класс', 'Предмет', 'Период', 'Оценка']);
    expect(p.mapping).toEqual({ studentCode: 1, className: 2, subject: 3, period: 4, mark: 5 });
    expect(p.ok).toBe(false);
    expect(p.issues.filter((i) => i.severity === 'error').map((i) => [i.row, i.column])).toEqual([
      [6, '4 «Предмет»'],
      [7, '5 «Период»'],
      [7, '6 «Оценка»'],
      [8, '2 «Код ученика»'],
      [9, '6 «Оценка»'],
    ]);
    const before = await counts();
    const res = await school.post('/api/results/journal/imports', {
      uploadKey: p.uploadKey,
      fileName: ERRORS_CSV,
      orgId: ids.s1,
      year: 2024,
      mapping: p.mapping,
    });
    expect(errorOf(res).message).toMatch(
      /^Файл не загружен\. Файл «journal_marks_errors_win1251\.csv», строка 6, столбец 4 «Предмет»: предмет «Физкультура» не найден/,
    );
    expect(await counts()).toEqual(before);
  });

  it('re-previews with a changed mapping, imports once, and the same file again changes nothing', async () => {
    const bytes = await journalWorkbook();
    const first = dataOf<Preview>(await upload(school, ids.s1, 'journal.xlsx', bytes));
    // The user swaps class and code by mistake: the preview shows it.
    const wrong = { ...first.mapping, studentCode: 2, className: 4 };
    const body = (mapping: Record<string, number | null>) => ({
      uploadKey: first.uploadKey,
      fileName: 'journal.xlsx',
      orgId: ids.s1,
      year: 2024,
      mapping,
    });
    const swapped = dataOf<Preview>(await school.post('/api/results/journal/preview', body(wrong)));
    expect(swapped.sample.map((s) => s.studentCode)).toEqual(['7Б', '7Б', '7Б', '7Б']);
    expect(swapped.linkedStudents).toBe(0);
    const right = dataOf<Preview>(
      await school.post('/api/results/journal/preview', body(first.mapping)),
    );
    expect(
      right.sample.map((s) => [s.row, s.studentCode, s.subjectName, s.period, s.mark]),
    ).toEqual([
      [2, 'ST-7', 'Математика', '1 триместр', 3],
      [3, 'ST-7', 'Математика', 'Промежуточная аттестация', 4],
      [5, 'ST-7', 'Русский язык', '2 полугодие', 5],
      [6, 'ST-7', 'Математика', 'Итоговая аттестация', 2],
    ]);
    expect(right.linkedStudents).toBe(1);
    const done = dataOf<{ status: string; marks: number }>(
      await school.post('/api/results/journal/imports', body(first.mapping)),
    );
    expect(done).toMatchObject({ status: 'imported', marks: 4 });
    const after = await counts();
    const again = dataOf<{ status: string }>(
      await school.post('/api/results/journal/imports', body(first.mapping)),
    );
    expect(again.status).toBe('already_imported');
    expect(await counts()).toEqual(after);
    const audits = await ctx.database.db.select().from(auditLog);
    expect(audits.filter((a) => a.entity === 'journal_mark_file')).toHaveLength(1);

    const marks = dataOf<{ studentCode: string; linked: boolean; period: string; mark: number }[]>(
      await school.get(`/api/results/journal/marks?orgId=${ids.s1}&year=2024`),
    );
    expect(marks.map((m) => [m.studentCode, m.linked, m.period, m.mark])).toContainEqual([
      'ST-7',
      true,
      'Промежуточная аттестация',
      4,
    ]);
    const history = dataOf<{ fileName: string; marksCount: number }[]>(
      await admin.get('/api/results/journal/imports'),
    );
    expect(history.map((h) => [h.fileName, h.marksCount])).toEqual([['journal.xlsx', 4]]);
  });

  it('a corrected export replaces the import over HTTP; undo restores it; scope is checked', async () => {
    const body = async (client: Client, orgId: number, name: string, text: string) => {
      const p = dataOf<Preview & { replaces: { fileId: number; dropped: number }[] }>(
        await upload(client, orgId, name, Buffer.from(text)),
      );
      return {
        preview: p,
        req: { uploadKey: p.uploadKey, fileName: name, orgId, year: 2024, mapping: p.mapping },
      };
    };
    const header = 'Код обучающегося;Предмет;Период;Отметка\n';
    const first = await body(school, ids.s1, 'q1.csv', `${header}ST-7;Русский язык;1 четверть;3\n`);
    expect(first.preview.replaces).toEqual([]);
    const one = dataOf<{ fileId: number }>(
      await school.post('/api/results/journal/imports', first.req),
    );
    const fixed = await body(
      school,
      ids.s1,
      'q1-fixed.csv',
      `${header}ST-7;Русский язык;1 четверть;4\n`,
    );
    expect(fixed.preview.replaces.map((r) => [r.fileId, r.dropped])).toEqual([[one.fileId, 0]]);
    const two = dataOf<{ fileId: number; replacedFileIds: number[] }>(
      await school.post('/api/results/journal/imports', fixed.req),
    );
    expect(two.replacedFileIds).toEqual([one.fileId]);
    type FileRow = { id: number; status: string; replacesIds: number[] };
    const listed = dataOf<FileRow[]>(
      await school.get(`/api/results/journal/imports?orgId=${ids.s1}`),
    );
    expect(listed.filter((f) => [one.fileId, two.fileId].includes(f.id))).toEqual([
      expect.objectContaining({ id: two.fileId, status: 'active', replacesIds: [one.fileId] }),
      expect.objectContaining({ id: one.fileId, status: 'replaced' }),
    ]);
    const quarter = async () =>
      dataOf<{ period: string; mark: number }[]>(
        await school.get(`/api/results/journal/marks?orgId=${ids.s1}&year=2024`),
      ).filter((m) => m.period === '1 четверть');
    expect((await quarter()).map((m) => m.mark)).toEqual([4]);

    // Another school's user: not found; a district user of the municipality may undo.
    const other = await signIn(ctx.app, 'zam2', PASSWORD);
    expect((await other.post(`/api/results/journal/imports/${two.fileId}/undo`)).statusCode).toBe(
      404,
    );
    const undone = dataOf<{ status: string; undoneByLogin: string }>(
      await school.post(`/api/results/journal/imports/${two.fileId}/undo`),
    );
    expect(undone).toMatchObject({ status: 'undone', undoneByLogin: 'zam1' });
    expect((await quarter()).map((m) => m.mark)).toEqual([3]);
    const refused = await admin.post(`/api/results/journal/imports/${two.fileId}/undo`);
    expect(refused.statusCode).toBe(400);
    expect(errorOf(refused).message).toBe(
      'Отменить можно только действующую загрузку: эта уже отменена',
    );
    const audits = await ctx.database.db.select().from(auditLog);
    expect(
      audits.filter((a) => a.entity === 'journal_mark_file' && a.action === 'undo'),
    ).toHaveLength(1);
  });

  it('a school user imports only its own school', async () => {
    const res = await upload(school, ids.s2, 'journal.xlsx', await journalWorkbook());
    expect(res.statusCode).toBe(404);
    expect((await school.get(`/api/results/journal/marks?orgId=${ids.s2}`)).statusCode).toBe(404);
  });
});
