/**
 * The analysis run's part of the school card: the regional aggregates fed to the engine as
 * `Dataset.region`, and the figures of every test stored with the run (per school, per
 * municipality) so the screens read them instead of recomputing from works.
 */
import type { AnalysisResult } from '../../core/analytics/analyze';
import { testKey, type Dataset, type RegionAggregate } from '../../core/analytics/types';
import { runFigures } from '../../core/objectivity/figuresRun';
import type { Db } from '../../db/database';
import {
  insertFigures,
  listRegionAggregates,
  regionOfMunicipality,
  type FiguresInsert,
} from '../../db/repositories/objectivityCard';

/** Regional aggregates of the municipality's region by the engine's test key. */
export async function loadRegion(
  db: Db,
  municipalityId: number,
  procedure: string,
): Promise<Map<string, RegionAggregate>> {
  const regionId = await regionOfMunicipality(db, municipalityId);
  const out = new Map<string, RegionAggregate>();
  if (regionId === null) return out;
  for (const r of await listRegionAggregates(db, regionId, procedure)) {
    out.set(testKey(r.subject, r.grade, r.year), {
      participants: r.participants,
      markPercent: r.markPercent,
      ...(r.journalPercent ? { journalPercent: r.journalPercent } : {}),
      taskPercent: r.taskPercent,
    });
  }
  return out;
}

/** Computes and stores the figures of a run (inside the run's transaction). */
export async function storeRunFigures(
  db: Db,
  runId: number,
  municipalityId: number,
  data: Dataset,
  result: AnalysisResult,
): Promise<number> {
  const rows: FiguresInsert[] = [];
  for (const t of runFigures(data, result)) {
    const base = { runId, municipalityId, subject: t.subject, grade: t.grade, year: t.year };
    rows.push({
      ...base,
      orgId: null,
      works: t.municipality.marks.participants,
      figures: { figures: t.municipality, classes: [] },
    });
    for (const s of t.schools) {
      const orgId = Number(s.school);
      if (!Number.isInteger(orgId)) continue;
      rows.push({
        ...base,
        orgId,
        works: s.figures.marks.participants,
        figures: { figures: s.figures, classes: s.classes },
      });
    }
  }
  await insertFigures(db, rows);
  return rows.length;
}
