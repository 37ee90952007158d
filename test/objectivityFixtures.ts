import { insertResults, insertRun } from '../src/db/repositories/analysisRuns';
import type { Db } from '../src/db/database';

/** One stored school-year of a run, as the analysis service writes it (dossier trimmed). */
export interface StoredSchoolYear {
  orgId: number;
  login: string;
  year: number;
  flagged?: boolean;
  supportList?: boolean;
  yearsInRow?: number;
  q?: number;
  evidence?: { subject: string; grade: number; indicator: string; p: number; n: number }[];
  units?: { subject: string; grade: number; works: number }[];
}

/**
 * Stores a finished analysis run with the given results, the way AnalysisRunService does: the
 * objectivity screens read stored runs only, so their tests start from stored rows.
 */
export async function storeRun(
  db: Db,
  municipalityId: number,
  years: number[],
  results: StoredSchoolYear[],
) {
  const run = await insertRun(db, {
    municipalityId,
    procedure: 'vpr',
    q: 0.05,
    supportQ: 0.1,
    years,
    engineVersion: 'test',
    trigger: 'manual',
    status: 'done',
    schools: new Set(results.map((r) => r.orgId)).size,
    flagged: results.filter((r) => r.flagged).length,
    works: 0,
    startedByLogin: 'system',
    finishedAt: new Date(),
  });
  await insertResults(
    db,
    results.map((r) => ({
      runId: run.id,
      orgId: r.orgId,
      schoolLogin: r.login,
      year: r.year,
      p: r.q ?? 0.5,
      score: 1,
      qValue: r.q ?? 0.5,
      flagged: r.flagged ?? false,
      supportList: r.supportList ?? false,
      yearsInRow: r.yearsInRow ?? 0,
      tests: 4,
      dossier: {
        summary: r.flagged ? 'Есть статистические признаки необъективности результатов.' : 'Нет.',
        evidence: (r.evidence ?? []).map((e) => ({
          ...e,
          title: e.indicator,
          z: null,
          effect: null,
          text: `Описание показателя ${e.indicator}`,
          causes: '',
          sampleNote: null,
          chart: null,
        })),
        caveats: [],
        driver: null,
        units: r.units ?? [],
      },
    })),
  );
  return run;
}
