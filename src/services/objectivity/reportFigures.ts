import type { Figures } from '../../core/objectivity/figures';
import { isRegionMissing, regionFigures } from '../../core/objectivity/figuresRegion';
import { testKey } from '../../core/analytics/types';
import type { Db } from '../../db/database';
import type { AnalysisRunRow } from '../../db/repositories/analysisRuns';
import { listFigures } from '../../db/repositories/objectivityCard';
import { countReportSchools } from '../../db/repositories/objectivityReport';
import { subjectName } from '../../importers/analytics/loadResults';
import type { LevelFigures, ReportTest } from '../../reports/objectivity/model';
import { loadRegion } from './runFigures';

/** The task structure of a test as the region figures need it, from the stored task rows. */
const designOf = (f: Figures) => ({
  itemLabels: f.tasks.tasks.map((t) => t.task),
  itemLevels: f.tasks.tasks.map((t) => t.level),
  itemMax: Uint8Array.from(f.tasks.tasks.map((t) => t.max)),
});

/** The report's view of one level of the stored ФИС ОКО figures. */
export const levelOf = (f: Figures): LevelFigures => ({
  participants: f.marks.participants,
  markPercent: f.marks.percent,
  successRate: f.marks.successRate,
  qualityRate: f.marks.qualityRate,
  meanMark: f.marks.meanMark,
  journalPercent: f.journal.percent,
  pairs: f.journal.pairs,
});

/**
 * The tests of the report year with the municipality's figures stored with the run
 * (objectivity_figures), the school's when `orgId` is given (only the tests it wrote), and the
 * region's from the imported aggregates (region_aggregates) through the card's core function.
 * `missing` when the run stored no figures (a run made before figures were stored).
 */
export async function loadReportTests(
  db: Db,
  run: AnalysisRunRow,
  year: number,
  orgId: number | null,
): Promise<{ tests: ReportTest[]; source: string; missing: boolean }> {
  const municipal = await listFigures(db, { runId: run.id, orgId: null, year });
  const own =
    orgId === null
      ? null
      : new Map(
          (await listFigures(db, { runId: run.id, orgId, year })).map((r) => [
            `${r.subject}|${r.grade}`,
            r.figures.figures,
          ]),
        );
  const region = await loadRegion(db, run.municipalityId, run.procedure);
  const schools = new Map(
    (await countReportSchools(db, run.id, year)).map((r) => [`${r.subject}|${r.grade}`, r.schools]),
  );
  let regionUsed = false;
  const tests: ReportTest[] = municipal.flatMap((m) => {
    const key = `${m.subject}|${m.grade}`;
    const school = own ? own.get(key) : null;
    if (own && !school) return [];
    const reg = regionFigures(
      region.get(testKey(m.subject, m.grade, year)),
      designOf(m.figures.figures),
    );
    if (!isRegionMissing(reg)) regionUsed = true;
    return [
      {
        subject: subjectName(m.subject),
        grade: m.grade,
        schools: schools.get(key) ?? 0,
        municipality: levelOf(m.figures.figures),
        school: school ? levelOf(school) : null,
        region: isRegionMissing(reg)
          ? null
          : {
              participants: reg.participants,
              markPercent: reg.percent,
              successRate: reg.successRate,
              qualityRate: reg.qualityRate,
              meanMark: reg.meanMark,
              journalPercent: reg.journalPercent,
              pairs: null,
            },
        hardBeatsEasy: school?.tasks.hardBeatsEasy ?? null,
        detail: school
          ? {
              school,
              municipality: m.figures.figures,
              regionLevels: isRegionMissing(reg) ? null : reg.tasks.levels,
            }
          : null,
      },
    ];
  });
  return {
    tests,
    source: `стандартные таблицы ФИС ОКО, рассчитанные по загруженным результатам при запуске анализа № ${run.id} (таблица objectivity_figures)${regionUsed ? '; регион — импортированные данные региона (таблица region_aggregates)' : ''}`,
    missing: !municipal.length,
  };
}
