import type { Actor } from '../../core/access/actor';
import { coversMunicipality } from '../../core/access/scope';
import { INDICATOR_TITLES } from '../../core/analytics/dossier';
import type { IndicatorId } from '../../core/analytics/indicators/result';
import { conflict, forbidden, invalid, notFound } from '../../core/errors';
import {
  listRunResults,
  listRuns,
  type AnalysisResultRow,
  type AnalysisRunRow,
} from '../../db/repositories/analysisRuns';
import { findOrgById } from '../../db/repositories/organisations';
import { findMunicipality } from '../../db/repositories/reference';
import { renderDocx } from '../../reports/docx/render';
import type { OfficialDocument } from '../../reports/docx/model';
import { buildDistrictReport } from '../../reports/objectivity/district';
import type {
  ReportEvidence,
  ReportRun,
  ReportSchoolResult,
} from '../../reports/objectivity/model';
import { buildSchoolReport } from '../../reports/objectivity/school';
import { docxToPdf, findSoffice, PDF_UNAVAILABLE, PdfCache } from '../../reports/pdf/libreoffice';
import type { ReportFormat } from '../../shared/objectivityReport';
import { audit } from '../audit';
import type { ServiceDeps } from '../deps';
import { requireInScope, requireScope } from '../guard';
import { loadReportTests } from './reportFigures';

export interface ReportFile {
  fileName: string;
  format: ReportFormat;
  bytes: Buffer;
}

export type ReportProgress = (message: string) => void;

const INDICATORS = Object.keys(INDICATOR_TITLES) as IndicatorId[];
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** The stored dossier evidence (JSON) as the report reads it; unknown indicators are left out. */
function evidenceOf(raw: unknown[]): ReportEvidence[] {
  return raw.flatMap((item) => {
    const e = (item ?? {}) as Record<string, unknown>;
    const indicator = INDICATORS.find((id) => id === e.indicator);
    if (!indicator) return [];
    return [
      {
        subject: str(e.subject),
        grade: num(e.grade),
        className: typeof e.className === 'string' ? e.className : null,
        indicator,
        title: str(e.title) || INDICATOR_TITLES[indicator],
        p: num(e.p),
        n: num(e.n),
        text: str(e.text),
        causes: str(e.causes),
        sampleNote: typeof e.sampleNote === 'string' ? e.sampleNote : null,
      },
    ];
  });
}

function resultOf(row: { result: AnalysisResultRow; orgName: string }): ReportSchoolResult {
  const r = row.result;
  return {
    orgId: r.orgId,
    name: row.orgName,
    login: r.schoolLogin,
    p: r.p,
    q: r.qValue,
    flagged: r.flagged,
    supportList: r.supportList,
    yearsInRow: r.yearsInRow,
    tests: r.tests,
    summary: r.dossier.summary,
    evidence: evidenceOf(r.dossier.evidence),
    caveats: r.dossier.caveats,
  };
}

const NO_FIGURES =
  'Стандартные таблицы ФИС ОКО с этим запуском не сохранены (запуск выполнен до их появления): выполните анализ заново, чтобы в справке были таблицы отметок и рисунки.';

const runOf = (run: AnalysisRunRow, figuresMissing: boolean): ReportRun => ({
  id: run.id,
  procedure: run.procedure,
  q: run.q,
  supportQ: run.supportQ,
  engineVersion: run.engineVersion,
  finishedAt: run.finishedAt?.toISOString() ?? null,
  years: run.years,
  works: run.works,
  schools: run.schools,
  notes: [run.error, figuresMissing ? NO_FIGURES : null].filter(Boolean).join(' ') || null,
});

/**
 * The analytical report («аналитическая справка») on the objectivity of results, for the
 * district and for one school, as DOCX or PDF. Reads the latest finished analysis run that covers
 * the year (analysis_runs, analysis_results and the figures stored with the run); every download
 * is recorded in the audit log.
 */
export class ObjectivityReportService {
  private readonly pdfCache = new PdfCache();

  constructor(private readonly deps: ServiceDeps) {}

  /** The latest finished ВПР run of the municipality with the year (or the latest and its year). */
  private async runFor(municipalityId: number, year: number | undefined) {
    const runs = (await listRuns(this.deps.database.db, [municipalityId], 200)).filter(
      (r) => r.status === 'done' && r.procedure === 'vpr' && r.years.length,
    );
    const run = year === undefined ? runs[0] : runs.find((r) => r.years.includes(year));
    if (!run)
      throw conflict(
        year === undefined
          ? 'Анализ объективности по муниципалитету ещё не выполнялся: загрузите результаты ВПР или выполните анализ на странице «Анализ объективности».'
          : `Нет выполненного анализа объективности с результатами ВПР ${year} года: загрузите результаты этого года или выполните анализ заново.`,
      );
    return { run, year: year ?? Math.max(...run.years) };
  }

  private today() {
    return this.deps.now().toISOString().slice(0, 10);
  }

  private pdfAvailable(format: ReportFormat) {
    if (format === 'pdf' && !findSoffice()) throw conflict(PDF_UNAVAILABLE);
  }

  private async output(
    doc: OfficialDocument,
    format: ReportFormat,
    baseName: string,
    progress: ReportProgress,
  ): Promise<ReportFile> {
    progress('Формирование DOCX…');
    const docx = await renderDocx(doc);
    if (format === 'docx') return { fileName: `${baseName}.docx`, format, bytes: docx };
    progress('Преобразование в PDF (LibreOffice)…');
    const bytes = await this.pdfCache.get(PdfCache.key(doc), () => docxToPdf(docx));
    return { fileName: `${baseName}.pdf`, format, bytes };
  }

  /** The municipality of a district report: the one asked for, or the caller's only one. */
  private municipalityFor(actor: Actor, requested: number | undefined): number {
    const scope = requireScope(actor, 'objectivity.read');
    if (requested !== undefined) {
      if (!coversMunicipality(scope, requested)) {
        if (!scope.any && !scope.municipalityIds.length)
          throw forbidden(
            'Справка по району доступна специалистам района; ОО может сформировать справку по своей организации.',
          );
        throw notFound('Муниципалитет');
      }
      return requested;
    }
    if (scope.municipalityIds.length === 1) return scope.municipalityIds[0] as number;
    if (scope.any || scope.municipalityIds.length > 1)
      throw invalid('Укажите муниципалитет (municipalityId), по которому формируется справка');
    throw forbidden(
      'Справка по району доступна специалистам района; ОО может сформировать справку по своей организации.',
    );
  }

  /** The district справка for a year. */
  async district(
    actor: Actor,
    query: { year?: number | undefined; municipalityId?: number | undefined },
    format: ReportFormat,
    progress: ReportProgress = () => {},
  ): Promise<ReportFile> {
    const municipalityId = this.municipalityFor(actor, query.municipalityId);
    this.pdfAvailable(format);
    const { db } = this.deps.database;
    const municipality = await findMunicipality(db, municipalityId);
    if (!municipality) throw notFound('Муниципалитет');
    const { run, year } = await this.runFor(municipalityId, query.year);
    progress(`Запуск анализа № ${run.id}, ${year} год: чтение результатов школ…`);
    const results = (await listRunResults(db, run.id, null))
      .filter((r) => r.result.year === year)
      .map(resultOf);
    const figures = await loadReportTests(db, run, year, null);
    progress(`ОО: ${results.length}, предметов и классов: ${figures.tests.length}`);
    const doc = buildDistrictReport({
      municipalityName: municipality.name,
      year,
      today: this.today(),
      run: runOf(run, figures.missing),
      tests: figures.tests,
      figuresSource: figures.source,
      results,
    });
    const file = await this.output(doc, format, `spravka-objectivity-${year}`, progress);
    await this.deps.database.transaction(async ({ db: tx }) => {
      await audit(tx, actor, {
        action: 'export',
        entity: 'objectivity_report',
        entityId: run.id,
        municipalityId,
        orgId: null,
        summary: `Сформирована аналитическая справка об объективности результатов ВПР ${year} (район, ${format.toUpperCase()}, запуск анализа № ${run.id})`,
      });
    });
    return file;
  }

  /** The справка of one school for a year (a school user: only its own school). */
  async school(
    actor: Actor,
    orgId: number,
    query: { year?: number | undefined },
    format: ReportFormat,
    progress: ReportProgress = () => {},
  ): Promise<ReportFile> {
    const { db } = this.deps.database;
    const found = await findOrgById(db, orgId);
    if (!found) throw notFound('Организация');
    const { org } = found;
    requireInScope(
      actor,
      'objectivity.read',
      { orgId, municipalityId: org.municipalityId },
      'Организация',
    );
    this.pdfAvailable(format);
    const { run, year } = await this.runFor(org.municipalityId, query.year);
    progress(`Запуск анализа № ${run.id}, ${year} год: ${org.shortName}`);
    const [row] = (await listRunResults(db, run.id, [orgId])).filter((r) => r.result.year === year);
    const figures = await loadReportTests(db, run, year, orgId);
    const doc = buildSchoolReport({
      municipalityName: found.municipalityName,
      year,
      today: this.today(),
      run: runOf(run, figures.missing),
      tests: figures.tests,
      figuresSource: figures.source,
      school: { name: org.shortName, fullName: org.fullName, login: org.fisLogin ?? '' },
      result: row ? resultOf(row) : null,
    });
    const file = await this.output(
      doc,
      format,
      `spravka-objectivity-${year}-${org.fisLogin ?? orgId}`,
      progress,
    );
    await this.deps.database.transaction(async ({ db: tx }) => {
      await audit(tx, actor, {
        action: 'export',
        entity: 'objectivity_report',
        entityId: run.id,
        municipalityId: org.municipalityId,
        orgId,
        summary: `Сформирована аналитическая справка об объективности результатов ВПР ${year}: ${org.shortName} (${format.toUpperCase()}, запуск анализа № ${run.id})`,
      });
    });
    return file;
  }
}
