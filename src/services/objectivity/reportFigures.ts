import type { Figures } from '../../core/objectivity/figures';
import { isRegionMissing, regionFigures } from '../../core/objectivity/figuresRegion';
import type { Db } from '../../db/database';
import type { AnalysisRunRow } from '../../db/repositories/analysisRuns';
import {
  countReportSchools,
  listRegionAggregatesFor,
  listReportFigures,
} from '../../db/repositories/objectivityReport';
import { subjectName } from '../../importers/analytics/loadResults';
import type { LevelFigures, ReportTest } from '../../reports/objectivity/model';

const NO_DESIGN = { itemLabels: [], itemLevels: [], itemMax: new Uint8Array() };

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
 * region's from the imported aggregates (region_aggregates) through the same core function the
 * card uses. `missing` when the run stored no figures (a run made before figures were stored).
 */
export async function loadReportTests(
  db: Db,
  run: AnalysisRunRow,
  year: number,
  orgId: number | null,
): Promise<{ tests: ReportTest[]; source: string; missing: boolean }> {
  const rows = await listReportFigures(db, run.id, year, orgId);
  const region = new Map(
    (await listRegionAggregatesFor(db, run.municipalityId, run.procedure, year)).map((r) => [
      `${r.subject}|${r.grade}`,
      r,
    ]),
  );
  const schools = new Map(
    (await countReportSchools(db, run.id, year)).map((r) => [`${r.subject}|${r.grade}`, r.schools]),
  );
  const keys = [...new Set(rows.map((r) => `${r.subject}|${r.grade}`))];
  const tests: ReportTest[] = keys.flatMap((key) => {
    const of = rows.filter((r) => `${r.subject}|${r.grade}` === key);
    const municipality = of.find((r) => r.orgId === null);
    const school = orgId === null ? null : of.find((r) => r.orgId === orgId);
    if (!municipality || (orgId !== null && !school)) return [];
    const aggregate = region.get(key);
    const reg = aggregate
      ? regionFigures(
          {
            participants: aggregate.participants,
            markPercent: aggregate.markPercent,
            ...(aggregate.journalPercent ? { journalPercent: aggregate.journalPercent } : {}),
          },
          NO_DESIGN,
        )
      : null;
    const schoolFigures = school?.figures.figures ?? null;
    return [
      {
        subject: subjectName(municipality.subject),
        grade: municipality.grade,
        schools: schools.get(key) ?? 0,
        municipality: levelOf(municipality.figures.figures),
        school: schoolFigures ? levelOf(schoolFigures) : null,
        region:
          reg && !isRegionMissing(reg)
            ? {
                participants: reg.participants,
                markPercent: reg.percent,
                successRate: reg.successRate,
                qualityRate: reg.qualityRate,
                meanMark: reg.meanMark,
                journalPercent: reg.journalPercent,
                pairs: null,
              }
            : null,
        hardBeatsEasy: schoolFigures?.tasks.hardBeatsEasy ?? null,
      },
    ];
  });
  return {
    tests,
    source: `стандартные таблицы ФИС ОКО, рассчитанные по загруженным результатам при запуске анализа № ${run.id} (таблица objectivity_figures)${region.size ? '; регион — импортированные данные региона (таблица region_aggregates)' : ''}`,
    missing: !rows.length,
  };
}
