import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/app';
import { buildMunicipality } from '../../../test/factories';
import { SYSTEM_ACTOR } from '../../core/access/actor';
import type { Mark } from '../../core/results/types';
import { auditLog, organisations, resultBatches, resultFiles, resultWorks } from '../../db/schema';
import {
  individualResultsTable,
  tableToCsv,
  type ExportWork,
} from '../../importers/results/writers';

/**
 * The bulk path with files large enough for many COPY slices: a region-like «Индивидуальные
 * результаты» file (50 schools × 500 works) loads whole or not at all.
 */
const TASKS = [
  { code: '1', max: 1, level: 'Б' as const },
  { code: '2', max: 2, level: 'Б' as const },
  { code: '3', max: 3, level: 'П' as const },
];
const SCHOOLS = 50;
const PER_SCHOOL = 500;
/** Works start below the title lines, the level row and the header. */
const FIRST_ROW = 6;

const cut = (total: number): Mark => (total >= 5 ? 5 : total >= 4 ? 4 : total >= 2 ? 3 : 2);

function regionWorks(): ExportWork[] {
  return Array.from({ length: SCHOOLS * PER_SCHOOL }, (_, i) => {
    const absent = i % 97 === 5;
    const scores = absent ? [null, null, null] : [i % 2, i % 3, i % 7 === 0 ? null : i % 4];
    return {
      schoolLogin: `sch66${String(Math.floor(i / PER_SCHOOL)).padStart(4, '0')}`,
      schoolName: `Школа ${Math.floor(i / PER_SCHOOL)}`,
      participantCode: String(20000 + (i % PER_SCHOOL)),
      className: `7${'АБ'[i % 2]}`,
      variant: absent ? null : 1 + (i % 2),
      absent,
      scores,
      mark: absent ? null : cut(scores.reduce<number>((s, x) => s + (x ?? 0), 0)),
      journalMark: i % 5 === 0 ? null : 4,
    };
  });
}

const csvOf = (works: ExportWork[]) =>
  tableToCsv(
    individualResultsTable({
      title: 'ВПР 2022 Математика 7 класс',
      municipality: 'Район',
      tasks: TASKS,
      works,
    }),
  );

let ctx: TestContext;
let municipalityId: number;

async function counts() {
  const db = ctx.database.db;
  return {
    files: await db.$count(resultFiles),
    batches: await db.$count(resultBatches),
    works: await db.$count(resultWorks),
    orgs: await db.$count(organisations),
    audit: await db.$count(auditLog),
  };
}

const importCsv = (name: string, bytes: Buffer, progress?: (index: number, of: number) => void) =>
  ctx.services.resultImports.importFile(
    SYSTEM_ACTOR,
    { fileName: name, bytes, choice: {} },
    { createSchools: true, municipalityId },
    progress ? (p) => progress(p.index, p.of) : undefined,
  );

beforeAll(async () => {
  ctx = await createTestContext();
  municipalityId = (await buildMunicipality(ctx.database.db)).id;
});
afterAll(() => ctx.close());

describe('large files through the bulk path', () => {
  it('refuses a file whose last row is wrong, naming the row, and changes nothing', async () => {
    const works = regionWorks();
    const last = works.length - 1;
    works[last] = { ...(works[last] as ExportWork), scores: [1, 2, 9], mark: 5 };
    const before = await counts();
    await expect(importCsv('region-bad.csv', csvOf(works))).rejects.toThrow(
      `Файл «region-bad.csv», строка ${FIRST_ROW + last}, столбец 9 «3 (3б)»: балл 9 больше максимума задания 3 (3)`,
    );
    expect(await counts()).toEqual(before);
  }, 120_000);

  it('rolls back works already copied when the transaction fails near its end', async () => {
    const before = await counts();
    let reported = 0;
    await expect(
      importCsv('region-interrupted.csv', csvOf(regionWorks()), (index, of) => {
        reported = index;
        if (index === of) throw new Error('прервано на последней ОО');
      }),
    ).rejects.toThrow('прервано на последней ОО');
    expect(reported).toBe(SCHOOLS);
    expect(await counts()).toEqual(before);
  }, 120_000);

  it('loads every work in many slices, exactly as written; the same file again changes nothing', async () => {
    const works = regionWorks();
    const bytes = csvOf(works);
    const progress: number[] = [];
    const out = await importCsv('region.csv', bytes, (index) => progress.push(index));
    expect(out.status).toBe('imported');
    expect(out.works).toBe(works.length);
    expect(out.schoolsCreated).toHaveLength(SCHOOLS);
    expect(progress).toEqual(Array.from({ length: SCHOOLS }, (_, i) => i + 1));
    const db = ctx.database.db;
    const list = await db
      .select({
        source_row: resultWorks.sourceRow,
        login: organisations.fisLogin,
        participant_code: resultWorks.participantCode,
        class_name: resultWorks.className,
        absent: resultWorks.absent,
        scores: resultWorks.scores,
        total: resultWorks.total,
        mark: resultWorks.mark,
        journal_mark: resultWorks.journalMark,
        works_count: resultBatches.worksCount,
      })
      .from(resultWorks)
      .innerJoin(resultBatches, eq(resultBatches.id, resultWorks.batchId))
      .innerJoin(
        organisations,
        and(eq(organisations.id, resultWorks.orgId), eq(organisations.id, resultBatches.orgId)),
      )
      .where(eq(resultBatches.status, 'active'))
      .orderBy(resultWorks.sourceRow);
    expect(list).toHaveLength(works.length);
    list.forEach((r, k) => {
      const w = works[k] as ExportWork;
      const total = w.absent ? null : w.scores.reduce<number>((s, x) => s + (x ?? 0), 0);
      expect([
        r.source_row,
        r.login,
        r.participant_code,
        r.class_name,
        r.absent,
        r.scores,
        r.total,
        r.mark,
        r.journal_mark,
        r.works_count,
      ]).toEqual([
        FIRST_ROW + k,
        w.schoolLogin,
        w.participantCode,
        w.className,
        w.absent,
        w.scores,
        total,
        w.mark,
        w.journalMark,
        PER_SCHOOL,
      ]);
    });
    const after = await counts();
    const again = await importCsv('region-copy.csv', bytes);
    expect(again.status).toBe('already_imported');
    expect(await counts()).toEqual(after);
  }, 180_000);
});
