import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/app';
import { buildMunicipality, buildSchool } from '../../../test/factories';
import { SYSTEM_ACTOR } from '../../core/access/actor';
import { listAttestationMarks } from '../../db/repositories/objectivitySupport';
import { auditLog, journalMarkFiles, journalMarks } from '../../db/schema';

/**
 * Replacement and undo of journal-mark imports: a corrected export for the same students,
 * subjects and periods replaces the earlier import (history kept), the same bytes again change
 * nothing, another class's or another period's export is added beside, and undo restores what
 * an import replaced.
 */
const MAPPING = { studentCode: 0, className: 1, subject: 2, period: 3, mark: 4 };
const csv = (rows: string[][]) =>
  Buffer.from(
    ['Код обучающегося;Класс;Предмет;Период;Отметка', ...rows.map((r) => r.join(';'))].join('\n'),
  );

const class5a = csv([
  ['ST-1', '5А', 'Математика', '1 четверть', '3'],
  ['ST-2', '5А', 'Математика', '1 четверть', '4'],
  ['ST-3', '5А', 'Математика', '1 четверть', '5'],
  ['ST-1', '5А', 'Математика', 'Промежуточная аттестация', '3'],
]);
const class5b = csv([['ST-9', '5Б', 'Математика', '1 четверть', '2']]);
/** 5А corrected: ST-1's quarter mark fixed, ST-3's row (entered by mistake) removed. */
const class5aFixed = csv([
  ['ST-1', '5А', 'Математика', '1 четверть', '4'],
  ['ST-2', '5А', 'Математика', '1 четверть', '4'],
  ['ST-1', '5А', 'Математика', 'Промежуточная аттестация', '4'],
]);
const quarter2 = csv([['ST-1', '5А', 'Математика', '2 четверть', '5']]);

let ctx: TestContext;
let orgId: number;
let orgName: string;

const importFile = (name: string, bytes: Buffer, year = 2024) =>
  ctx.services.journalMarks.importBytes(SYSTEM_ACTOR, { orgId, year }, name, bytes, MAPPING);
const marks = async () =>
  (await ctx.services.journalMarks.marksOf(SYSTEM_ACTOR, orgId, 2024))
    .map((m) => `${m.studentCode} ${m.period} ${m.mark}`)
    .sort();
const statuses = async () =>
  Object.fromEntries(
    (await ctx.services.journalMarks.history(SYSTEM_ACTOR, orgId)).map((f) => [
      f.fileName,
      f.status,
    ]),
  );
const counts = async () => ({
  files: await ctx.database.db.$count(journalMarkFiles),
  marks: await ctx.database.db.$count(journalMarks),
  audit: await ctx.database.db.$count(auditLog),
});

beforeAll(async () => {
  ctx = await createTestContext();
  const m = await buildMunicipality(ctx.database.db, 'МО «Замена»');
  const school = await buildSchool(ctx.database.db, m.id, {
    fisLogin: 'sch790501',
    shortName: 'Школа № 501',
  });
  orgId = school.id;
  orgName = school.shortName;
  await ctx.services.students.add(SYSTEM_ACTOR, orgId, { codes: ['ST-1', 'ST-2', 'ST-3'] });
});
afterAll(() => ctx.close());

describe('journal-mark imports: replace and undo', () => {
  let first: number;
  let fixed: number;

  it('adds another class’s export beside the first; nothing is replaced', async () => {
    const a = await importFile('5a.csv', class5a);
    const b = await importFile('5b.csv', class5b);
    expect([a.status, a.replacedFileIds, b.status, b.replacedFileIds]).toEqual([
      'imported',
      [],
      'imported',
      [],
    ]);
    first = a.fileId as number;
    expect(await statuses()).toEqual({ '5a.csv': 'active', '5b.csv': 'active' });
    expect(await marks()).toHaveLength(5);
  });

  it('previews the replacement, naming the marks that stop counting', async () => {
    const p = await ctx.services.journalMarks.upload(
      SYSTEM_ACTOR,
      { orgId, year: 2024 },
      { fileName: '5a-fixed.csv', bytes: class5aFixed },
      MAPPING,
    );
    expect(p.ok).toBe(true);
    expect(p.replaces.map((r) => [r.fileId, r.fileName, r.overlapping, r.dropped])).toEqual([
      [first, '5a.csv', 3, 1],
    ]);
    expect(p.issues.filter((i) => i.severity === 'warning').map((i) => i.message)).toEqual([
      `В заменяемой загрузке № ${first} («5a.csv») есть отметки, которых нет в новом файле: 1 (например, ST-3 — Математика, 1 четверть). После замены они перестанут учитываться`,
    ]);
  });

  it('a corrected export replaces the earlier import; the same bytes again change nothing', async () => {
    const out = await importFile('5a-fixed.csv', class5aFixed);
    expect(out).toMatchObject({ status: 'imported', marks: 3, replacedFileIds: [first] });
    fixed = out.fileId as number;
    expect(await statuses()).toEqual({
      '5a-fixed.csv': 'active',
      '5b.csv': 'active',
      '5a.csv': 'replaced',
    });
    expect(await marks()).toEqual([
      'ST-1 1 четверть 4',
      'ST-1 Промежуточная аттестация 4',
      'ST-2 1 четверть 4',
      'ST-9 1 четверть 2',
    ]);
    const history = await ctx.services.journalMarks.history(SYSTEM_ACTOR, orgId);
    expect(history.find((f) => f.id === fixed)?.replacesIds).toEqual([first]);
    expect(history.find((f) => f.id === first)?.statusLabel).toBe('заменена исправленным файлом');
    // Only the active imports' attestation marks reach the external-vs-internal comparison.
    const attestation = await listAttestationMarks(ctx.database.db, orgId, [2024]);
    expect(attestation.map((m) => m.mark)).toEqual([4]);

    const before = await counts();
    const again = await importFile('5a-fixed-copy.csv', class5aFixed);
    expect(again).toMatchObject({ status: 'already_imported', fileId: null, replacedFileIds: [] });
    expect(await counts()).toEqual(before);
    // The same bytes for another academic year are another import.
    const other = await importFile('5a-fixed.csv', class5aFixed, 2023);
    expect(other).toMatchObject({ status: 'imported', replacedFileIds: [] });
  });

  it('another period’s export is added beside the corrected one', async () => {
    const out = await importFile('q2.csv', quarter2);
    expect(out.replacedFileIds).toEqual([]);
    expect(await marks()).toContain('ST-1 2 четверть 5');
  });

  it('undo restores the import it replaced, audited; only active imports can be undone', async () => {
    const undone = await ctx.services.journalMarks.undo(SYSTEM_ACTOR, fixed);
    expect(undone).toMatchObject({ id: fixed, status: 'undone', undoneByLogin: 'system' });
    expect(await statuses()).toMatchObject({
      '5a-fixed.csv': 'undone',
      '5a.csv': 'active',
      '5b.csv': 'active',
    });
    expect(await marks()).toEqual([
      'ST-1 1 четверть 3',
      'ST-1 2 четверть 5',
      'ST-1 Промежуточная аттестация 3',
      'ST-2 1 четверть 4',
      'ST-3 1 четверть 5',
      'ST-9 1 четверть 2',
    ]);
    const [entry] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'undo'));
    expect(entry?.summary).toBe(
      `Отменена загрузка отметок из электронного журнала № ${fixed} («5a-fixed.csv», «${orgName}», 2024/2025 уч. год); снова действуют загрузки № ${first}`,
    );
    await expect(ctx.services.journalMarks.undo(SYSTEM_ACTOR, fixed)).rejects.toThrow(
      'Отменить можно только действующую загрузку: эта уже отменена',
    );
    await expect(ctx.services.journalMarks.undo(SYSTEM_ACTOR, 999_999)).rejects.toThrow(
      'Загрузка не найдена',
    );
  });

  it('the undone file imported again replaces once more; a replaced import cannot be undone', async () => {
    const out = await importFile('5a-fixed.csv', class5aFixed);
    expect(out).toMatchObject({ status: 'imported', replacedFileIds: [first] });
    await expect(ctx.services.journalMarks.undo(SYSTEM_ACTOR, first)).rejects.toThrow(
      'Отменить можно только действующую загрузку: эта уже заменена другой, сначала отмените ту',
    );
  });

  it('a refused file changes nothing, replacements included', async () => {
    const before = await counts();
    const bad = csv([
      ['ST-1', '5А', 'Математика', '1 четверть', '4'],
      ['ST-2', '5А', 'Математика', '1 четверть', '7'],
    ]);
    await expect(importFile('bad.csv', bad)).rejects.toThrow(
      'Файл не загружен. Файл «bad.csv», строка 3, столбец 5 «Отметка»: отметка «7» не из 2, 3, 4, 5',
    );
    expect(await counts()).toEqual(before);
  });

  it('a file named for another school is refused; the login in the name picks the school', async () => {
    await expect(
      ctx.services.journalMarks.importFile(SYSTEM_ACTOR, {
        fileName: 'otmetki_sch790777.csv',
        bytes: quarter2,
        year: 2024,
        orgId,
      }),
    ).rejects.toThrow(
      'Файл не загружен. Файл «otmetki_sch790777.csv»: Файл относится к ОО с логином sch790777, а загружается для «Школа № 501»: загрузите файл своей ОО',
    );
    const out = await ctx.services.journalMarks.importFile(SYSTEM_ACTOR, {
      fileName: 'otmetki_sch790501.csv',
      bytes: quarter2,
      year: 2025,
      columns: { className: '', mark: 'отметка' },
    });
    expect(out).toMatchObject({ status: 'imported', orgName: 'Школа № 501', marks: 1 });
    expect(out.mapping).toEqual(MAPPING);
  });
});
