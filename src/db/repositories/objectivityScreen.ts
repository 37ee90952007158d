import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { FederalMarkers } from '../schema';
import type { ScreenResult } from '../../core/objectivity/screen';
import type { Db } from '../database';
import { preparedPer } from '../prepared';
import {
  analysisResults,
  analysisRuns,
  objectivityDecisions,
  objectivityExplanations,
  officialListEntries,
  officialListImports,
  organisations,
} from '../schema';

const runColumns = {
  id: analysisRuns.id,
  status: analysisRuns.status,
  municipalityId: analysisRuns.municipalityId,
  procedure: analysisRuns.procedure,
  years: analysisRuns.years,
  q: analysisRuns.q,
  supportQ: analysisRuns.supportQ,
  finishedAt: analysisRuns.finishedAt,
};
const runOrder = [analysisRuns.municipalityId, analysisRuns.procedure, desc(analysisRuns.id)];

/** One municipality's: the case of every school card, prepared once. */
const latestDoneRunsOfQuery = preparedPer((db: Db) =>
  db
    .selectDistinctOn([analysisRuns.municipalityId, analysisRuns.procedure], runColumns)
    .from(analysisRuns)
    .where(
      and(
        eq(analysisRuns.status, 'done'),
        eq(analysisRuns.municipalityId, sql.placeholder('municipalityId')),
      ),
    )
    .orderBy(...runOrder)
    .prepare('vsoko_latest_done_runs_of'),
);

/** The newest finished run per municipality and procedure (index on municipality, id). */
export async function latestDoneRuns(db: Db, municipalityIds: number[] | 'any') {
  if (municipalityIds !== 'any' && !municipalityIds.length) return [];
  if (municipalityIds !== 'any' && municipalityIds.length === 1)
    return latestDoneRunsOfQuery(db).execute({ municipalityId: municipalityIds[0] });
  const conditions: SQL[] = [eq(analysisRuns.status, 'done')];
  if (municipalityIds !== 'any')
    conditions.push(inArray(analysisRuns.municipalityId, municipalityIds));
  return db
    .selectDistinctOn([analysisRuns.municipalityId, analysisRuns.procedure], runColumns)
    .from(analysisRuns)
    .where(and(...conditions))
    .orderBy(...runOrder);
}

/** The screen's compact results of every school of one run in one year. */
export async function listRunScreenResults(db: Db, runId: number, year: number) {
  return db
    .select({
      orgId: analysisResults.orgId,
      result: sql<ScreenResult>`jsonb_build_object(
          'flagged', ${analysisResults.flagged}, 'supportList', ${analysisResults.supportList},
          'p', ${analysisResults.p}, 'q', ${analysisResults.qValue},
          'yearsInRow', ${analysisResults.yearsInRow}, 'units', ${analysisResults.dossier}->'units',
          'evidence', (select coalesce(jsonb_agg(jsonb_build_object('subject', e->'subject',
            'grade', e->'grade', 'className', e->'className', 'indicator', e->'indicator',
            'p', e->'p', 'n', e->'n')), '[]'::jsonb)
            from jsonb_array_elements(${analysisResults.dossier}->'evidence') e))`,
    })
    .from(analysisResults)
    .where(and(eq(analysisResults.runId, runId), eq(analysisResults.year, year)));
}

/**
 * Every active school in `scope` with its official-list entries of the year and the newest
 * explanation and decision (what changes between runs; the run's results come from the run
 * store). One query; each part is an indexed lookup per school.
 */
export async function listScreenRows(db: Db, scope: SQL, year: number) {
  // Qualified by hand: drizzle renders a bare column inside a subquery without its table.
  const org = sql.raw('"organisations"."id"');
  const rows = await db
    .select({
      orgId: organisations.id,
      municipalityId: organisations.municipalityId,
      name: organisations.shortName,
      login: organisations.fisLogin,
      federal: sql<{
        markers: FederalMarkers;
        total: number;
      } | null>`(select jsonb_build_object('markers', f.markers, 'total', f.marker_total) from official_list_entries f where f.org_id = ${org} and f.list = 'federal' and f.year = ${year})`,
      shnor: sql<{
        note: string | null;
      } | null>`(select jsonb_build_object('note', s.note) from official_list_entries s where s.org_id = ${org} and s.list = 'shnor' and s.year = ${year})`,
      lastExplanationAt: sql<
        string | null
      >`(select max(x.created_at)::text from objectivity_explanations x where x.org_id = ${org} and x.year = ${year})`,
      lastDecision: sql<{
        decision: string;
        at: string;
      } | null>`(select jsonb_build_object('decision', d.decision, 'at', d.created_at) from objectivity_decisions d where d.org_id = ${org} and d.year = ${year} order by d.id desc limit 1)`,
    })
    .from(organisations)
    .where(and(scope, eq(organisations.category, 'school'), eq(organisations.isActive, true)))
    .orderBy(asc(organisations.shortName));
  return rows;
}

// ---- official lists -------------------------------------------------------------------------

export type OfficialListImportRow = typeof officialListImports.$inferSelect;
export type OfficialListEntryRow = typeof officialListEntries.$inferSelect;

/** Schools of a municipality by ФИС ОКО login (lower case). */
export async function schoolsByLogin(db: Db, municipalityId: number) {
  const rows = await db
    .select({ id: organisations.id, login: organisations.fisLogin, name: organisations.shortName })
    .from(organisations)
    .where(eq(organisations.municipalityId, municipalityId));
  return new Map(rows.filter((r) => r.login).map((r) => [(r.login as string).toLowerCase(), r]));
}

/** Every login known anywhere (to tell «другой муниципалитет» from «не найден»). */
export async function knownLogins(db: Db, logins: string[]): Promise<Set<string>> {
  if (!logins.length) return new Set();
  const rows = await db
    .select({ login: organisations.fisLogin })
    .from(organisations)
    .where(inArray(sql`lower(${organisations.fisLogin})`, logins));
  return new Set(rows.map((r) => (r.login ?? '').toLowerCase()));
}

export async function listEntries(
  db: Db,
  municipalityId: number,
  list: 'federal' | 'shnor',
  years: number[],
) {
  if (!years.length) return [];
  return db
    .select()
    .from(officialListEntries)
    .where(
      and(
        eq(officialListEntries.municipalityId, municipalityId),
        eq(officialListEntries.list, list),
        inArray(officialListEntries.year, years),
      ),
    );
}

export async function deleteEntries(
  db: Db,
  municipalityId: number,
  list: 'federal' | 'shnor',
  years: number[],
): Promise<void> {
  await db
    .delete(officialListEntries)
    .where(
      and(
        eq(officialListEntries.municipalityId, municipalityId),
        eq(officialListEntries.list, list),
        inArray(officialListEntries.year, years),
      ),
    );
}

export async function insertEntries(db: Db, rows: (typeof officialListEntries.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 500)
    await db.insert(officialListEntries).values(rows.slice(i, i + 500));
}

export async function insertListImport(db: Db, row: typeof officialListImports.$inferInsert) {
  const [out] = await db.insert(officialListImports).values(row).returning();
  return out as OfficialListImportRow;
}

export async function listImports(db: Db, municipalityIds: number[] | 'any') {
  if (municipalityIds !== 'any' && !municipalityIds.length) return [];
  return db
    .select()
    .from(officialListImports)
    .where(
      municipalityIds === 'any'
        ? undefined
        : inArray(officialListImports.municipalityId, municipalityIds),
    )
    .orderBy(desc(officialListImports.id))
    .limit(200);
}

/** Per municipality, list and year: how many schools are on the list. */
export async function entryCounts(db: Db, municipalityIds: number[] | 'any') {
  if (municipalityIds !== 'any' && !municipalityIds.length) return [];
  return db
    .select({
      municipalityId: officialListEntries.municipalityId,
      list: officialListEntries.list,
      year: officialListEntries.year,
      schools: sql<number>`count(*)::int`,
      markers: sql<number>`coalesce(sum(${officialListEntries.markerTotal}), 0)::int`,
    })
    .from(officialListEntries)
    .where(
      municipalityIds === 'any'
        ? undefined
        : inArray(officialListEntries.municipalityId, municipalityIds),
    )
    .groupBy(officialListEntries.municipalityId, officialListEntries.list, officialListEntries.year)
    .orderBy(desc(officialListEntries.year), officialListEntries.list);
}

/** One school's entries on every list, newest year first. */
export async function entriesOfSchool(db: Db, orgId: number) {
  return db
    .select()
    .from(officialListEntries)
    .where(eq(officialListEntries.orgId, orgId))
    .orderBy(desc(officialListEntries.year), officialListEntries.list);
}

// ---- due process ----------------------------------------------------------------------------

export type ExplanationRow = typeof objectivityExplanations.$inferSelect;
export type DecisionRow = typeof objectivityDecisions.$inferSelect;

export async function insertExplanation(
  db: Db,
  row: typeof objectivityExplanations.$inferInsert,
): Promise<ExplanationRow> {
  const [out] = await db.insert(objectivityExplanations).values(row).returning();
  return out as ExplanationRow;
}

export async function insertDecision(
  db: Db,
  row: typeof objectivityDecisions.$inferInsert,
): Promise<DecisionRow> {
  const [out] = await db.insert(objectivityDecisions).values(row).returning();
  return out as DecisionRow;
}

export async function listExplanations(db: Db, orgId: number, year: number) {
  return db
    .select()
    .from(objectivityExplanations)
    .where(and(eq(objectivityExplanations.orgId, orgId), eq(objectivityExplanations.year, year)))
    .orderBy(objectivityExplanations.id);
}

export async function listDecisions(db: Db, orgId: number, year: number) {
  return db
    .select()
    .from(objectivityDecisions)
    .where(and(eq(objectivityDecisions.orgId, orgId), eq(objectivityDecisions.year, year)))
    .orderBy(objectivityDecisions.id);
}

export async function findExplanation(db: Db, id: number): Promise<ExplanationRow | null> {
  const [row] = await db
    .select()
    .from(objectivityExplanations)
    .where(eq(objectivityExplanations.id, id));
  return row ?? null;
}

export async function findListEntry(
  db: Db,
  list: 'federal' | 'shnor',
  orgId: number,
  year: number,
) {
  const [row] = await db
    .select()
    .from(officialListEntries)
    .where(
      and(
        eq(officialListEntries.list, list),
        eq(officialListEntries.orgId, orgId),
        eq(officialListEntries.year, year),
      ),
    );
  return row ?? null;
}
