import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { BinaryRows } from '../copyBinary';
import type { Db, Tx } from '../database';
import {
  assessmentTests,
  organisations,
  resultBatches,
  resultFiles,
  resultWorks,
  subjects,
} from '../schema';

export type ResultFileRow = typeof resultFiles.$inferSelect;
export type ResultBatchRow = typeof resultBatches.$inferSelect;

export async function findFilesBySha(db: Db, sha256: string) {
  return db
    .select({ file: resultFiles, batch: resultBatches })
    .from(resultFiles)
    .innerJoin(resultBatches, eq(resultBatches.fileId, resultFiles.id))
    .where(eq(resultFiles.sha256, sha256));
}

export async function insertResultFile(db: Db, values: typeof resultFiles.$inferInsert) {
  const [row] = await db.insert(resultFiles).values(values).returning();
  if (!row) throw new Error('insert result_files returned nothing');
  return row;
}

export async function insertBatch(db: Db, values: typeof resultBatches.$inferInsert) {
  const [row] = await db.insert(resultBatches).values(values).returning();
  if (!row) throw new Error('insert result_batches returned nothing');
  return row;
}

/** Many batches in a few multi-row inserts; rows come back in the given order. */
export async function insertBatches(
  db: Db,
  values: readonly (typeof resultBatches.$inferInsert)[],
): Promise<ResultBatchRow[]> {
  const out: ResultBatchRow[] = [];
  for (let i = 0; i < values.length; i += 500) {
    const rows = await db
      .insert(resultBatches)
      .values(values.slice(i, i + 500))
      .returning();
    rows.sort((a, b) => a.id - b.id);
    out.push(...rows);
  }
  return out;
}

export async function findActiveBatches(db: Db, testId: number, orgIds: number[]) {
  if (!orgIds.length) return [];
  return db
    .select()
    .from(resultBatches)
    .where(
      and(
        eq(resultBatches.testId, testId),
        inArray(resultBatches.orgId, orgIds),
        eq(resultBatches.status, 'active'),
      ),
    );
}

export async function setBatchStatus(
  db: Db,
  id: number,
  status: 'active' | 'replaced' | 'undone',
  undoneByLogin?: string,
) {
  await db
    .update(resultBatches)
    .set({
      status,
      ...(status === 'undone'
        ? { undoneAt: new Date(), undoneByLogin: undoneByLogin ?? null }
        : {}),
    })
    .where(eq(resultBatches.id, id));
}

/** Marks many batches as replaced by a newer import. */
export async function setBatchesReplaced(db: Db, ids: readonly number[]) {
  for (let i = 0; i < ids.length; i += 1000) {
    await db
      .update(resultBatches)
      .set({ status: 'replaced' })
      .where(inArray(resultBatches.id, ids.slice(i, i + 1000)));
  }
}

const batchView = {
  batch: resultBatches,
  fileName: resultFiles.fileName,
  fileKind: resultFiles.kind,
  sha256: resultFiles.sha256,
  importedAt: resultFiles.importedAt,
  importedByLogin: resultFiles.importedByLogin,
  orgShortName: organisations.shortName,
  orgFisLogin: organisations.fisLogin,
  procedure: assessmentTests.procedure,
  year: assessmentTests.year,
  session: assessmentTests.session,
  grade: assessmentTests.grade,
  form: assessmentTests.form,
  subjectName: subjects.name,
};

export async function findBatch(db: Db, id: number) {
  const [row] = await db
    .select(batchView)
    .from(resultBatches)
    .innerJoin(resultFiles, eq(resultFiles.id, resultBatches.fileId))
    .innerJoin(organisations, eq(organisations.id, resultBatches.orgId))
    .innerJoin(assessmentTests, eq(assessmentTests.id, resultBatches.testId))
    .innerJoin(subjects, eq(subjects.id, assessmentTests.subjectId))
    .where(eq(resultBatches.id, id));
  return row ?? null;
}

export interface BatchFilter {
  scope: SQL;
  orgId?: number | undefined;
  testId?: number | undefined;
  limit: number;
  offset: number;
}

export async function listBatches(db: Db, f: BatchFilter) {
  const conditions: SQL[] = [f.scope];
  if (f.orgId) conditions.push(eq(resultBatches.orgId, f.orgId));
  if (f.testId) conditions.push(eq(resultBatches.testId, f.testId));
  const where = and(...conditions);
  const [rows, [count]] = await Promise.all([
    db
      .select(batchView)
      .from(resultBatches)
      .innerJoin(resultFiles, eq(resultFiles.id, resultBatches.fileId))
      .innerJoin(organisations, eq(organisations.id, resultBatches.orgId))
      .innerJoin(assessmentTests, eq(assessmentTests.id, resultBatches.testId))
      .innerJoin(subjects, eq(subjects.id, assessmentTests.subjectId))
      .where(where)
      .orderBy(desc(resultBatches.id))
      .limit(f.limit)
      .offset(f.offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(resultBatches)
      .where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}

/**
 * The works to COPY into result_works, read by position so that a million works need no
 * objects: `length` works, each with `taskCount` task scores.
 */
export interface WorkColumns {
  length: number;
  taskCount: number;
  batchId(i: number): number;
  testId(i: number): number;
  orgId(i: number): number;
  participantCode(i: number): string;
  className(i: number): string | null;
  parallel(i: number): number | null;
  variant(i: number): number | null;
  absent(i: number): boolean;
  /** Null for «X» / not attempted, and for every task of an absent participant. */
  score(i: number, task: number): number | null;
  total(i: number): number | null;
  testScore(i: number): number | null;
  mark(i: number): number | null;
  markFromFile(i: number): boolean;
  journalMark(i: number): number | null;
  gender(i: number): string | null;
  sourceRow(i: number): number;
}

const WORK_COLUMNS = [
  'batch_id',
  'test_id',
  'org_id',
  'participant_code',
  'class_name',
  'parallel',
  'variant',
  'absent',
  'scores',
  'total',
  'test_score',
  'mark',
  'mark_from_file',
  'journal_mark',
  'gender',
  'source_row',
] as const;

/** Fixed part of a work row in binary COPY: field count, 16 lengths and the fixed-size values. */
const ROW_FIXED_BYTES = 2 + 16 * 4 + 3 * 4 + 6 * 2 + 2 * 1 + 4 + 20;

/**
 * Binary COPY rows for works `from`…`to - 1`, about a megabyte per chunk, encoded as COPY
 * consumes them (the whole file is never one buffer). Class names and genders repeat, so their
 * UTF-8 bytes are kept once.
 */
function* workChunks(
  works: WorkColumns,
  from: number,
  to: number,
): Generator<Uint8Array<ArrayBuffer>> {
  const out = new BinaryRows();
  const encoder = new TextEncoder();
  const bytesOf = new Map<string, Uint8Array>();
  const cached = (v: string | null): Uint8Array | null => {
    if (v === null) return null;
    let b = bytesOf.get(v);
    if (b === undefined) {
      b = encoder.encode(v);
      bytesOf.set(v, b);
    }
    return b;
  };
  const tasks = works.taskCount;
  for (let i = from; i < to; i++) {
    const code = works.participantCode(i);
    const className = cached(works.className(i));
    const gender = cached(works.gender(i));
    const done = out.reserve(
      ROW_FIXED_BYTES +
        6 * tasks +
        3 * code.length +
        (className?.length ?? 0) +
        (gender?.length ?? 0),
    );
    if (done) yield done;
    out.fields(WORK_COLUMNS.length);
    out.int4(works.batchId(i));
    out.int4(works.testId(i));
    out.int4(works.orgId(i));
    out.text(code);
    out.bytes(className);
    out.int2(works.parallel(i));
    out.int2(works.variant(i));
    out.bool(works.absent(i));
    out.beginInt2Array(tasks);
    for (let t = 0; t < tasks; t++) out.item(works.score(i, t));
    out.endArray();
    out.int2(works.total(i));
    out.int2(works.testScore(i));
    out.int2(works.mark(i));
    out.bool(works.markFromFile(i));
    out.int2(works.journalMark(i));
    out.bytes(gender);
    out.int4(works.sourceRow(i));
  }
  if (out.length) yield out.take();
}

/**
 * Bulk-loads works `from`…`to - 1` with binary COPY inside the caller's transaction, encoding
 * them chunk by chunk as COPY consumes them.
 */
export async function copyWorks(
  tx: Tx,
  works: WorkColumns,
  from = 0,
  to = works.length,
): Promise<void> {
  if (to <= from) return;
  await tx.copyBinary('result_works', WORK_COLUMNS, workChunks(works, from, to));
}

export type WorkRow = typeof resultWorks.$inferSelect;

/** Works of active batches for one test, limited to organisations (and a class). */
export async function listActiveWorks(
  db: Db,
  testId: number,
  orgIds: number[],
  className?: string,
): Promise<WorkRow[]> {
  if (!orgIds.length) return [];
  const conditions: SQL[] = [
    eq(resultWorks.testId, testId),
    inArray(resultWorks.orgId, orgIds),
    eq(resultBatches.status, 'active'),
  ];
  if (className) conditions.push(eq(resultWorks.className, className));
  const rows = await db
    .select({ work: resultWorks })
    .from(resultWorks)
    .innerJoin(resultBatches, eq(resultBatches.id, resultWorks.batchId))
    .where(and(...conditions))
    .orderBy(resultWorks.orgId, resultWorks.className, resultWorks.participantCode);
  return rows.map((r) => r.work);
}

/** Tests with active results in a scope, with the schools and works they have. */
export async function listTestsWithResults(db: Db, scope: SQL) {
  return db
    .select({
      testId: resultBatches.testId,
      orgId: resultBatches.orgId,
      works: sql<number>`sum(${resultBatches.worksCount})::int`,
      absent: sql<number>`sum(${resultBatches.absentCount})::int`,
    })
    .from(resultBatches)
    .where(and(eq(resultBatches.status, 'active'), scope))
    .groupBy(resultBatches.testId, resultBatches.orgId);
}

export async function countWorks(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(resultWorks);
  return row?.n ?? 0;
}

export async function countBatchesForTest(db: Db, testId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(resultBatches)
    .where(eq(resultBatches.testId, testId));
  return row?.n ?? 0;
}
