/**
 * Import of the regional ФИС ОКО aggregates (docs/objectivity-card.md): all-or-nothing, errors
 * naming file, sheet, row and column; a re-import of the same file changes nothing. Stored per
 * region; the region's municipalities with results are re-analysed so runs carry the region.
 */
import type { Actor } from '../../core/access/actor';
import { coversMunicipality } from '../../core/access/scope';
import { forbidden, invalid, notFound } from '../../core/errors';
import { STANDARD_SUBJECTS } from '../../core/registry/subjects';
import { formatIssue } from '../../core/results/issues';
import { municipalitiesWithResults } from '../../db/repositories/analysisRuns';
import {
  insertRegionAggregate,
  listRegionAggregates,
  municipalitiesOfRegion,
  regionOfMunicipality,
  updateRegionAggregate,
} from '../../db/repositories/objectivityCard';
import { findOrgById, findOrgsByIds } from '../../db/repositories/organisations';
import { subjectName } from '../../importers/analytics/loadResults';
import { parseRegionAggregates } from '../../importers/objectivity/regionAggregates';
import { readTables, TableReadError } from '../../importers/tables';
import type { RegionAggregateView, RegionImportResult } from '../../shared/objectivityCard';
import { audit } from '../audit';
import type { ServiceDeps } from '../deps';
import { requireInScope, requireScope } from '../guard';

export type RegionChanged = (actor: Actor, municipalityIds: number[]) => Promise<void>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export class RegionAggregateService {
  private readonly listeners: RegionChanged[] = [];

  constructor(private readonly deps: ServiceDeps) {}

  /** Called after an import changed the region's figures (the analysis re-runs). */
  onRegionChanged(listener: RegionChanged): void {
    this.listeners.push(listener);
  }

  /** The municipality whose region is meant: the asked one, or the caller's only one. */
  private async municipalityFor(
    actor: Actor,
    permission: 'objectivity.read' | 'objectivity.manage',
    requested: number | undefined,
  ): Promise<number> {
    const scope = requireScope(actor, permission);
    if (requested !== undefined) {
      if (coversMunicipality(scope, requested)) return requested;
      if (permission === 'objectivity.manage') throw forbidden();
      const orgs = await findOrgsByIds(this.deps.database.db, scope.orgIds);
      if (orgs.some((o) => o.municipalityId === requested)) return requested;
      throw notFound('Муниципалитет');
    }
    if (scope.municipalityIds.length === 1) return scope.municipalityIds[0] as number;
    if (permission === 'objectivity.read' && !scope.municipalityIds.length) {
      const [first] = await findOrgsByIds(this.deps.database.db, scope.orgIds);
      if (first) return first.municipalityId;
    }
    throw invalid('Укажите муниципалитет');
  }

  private async regionOf(municipalityId: number): Promise<number> {
    const regionId = await regionOfMunicipality(this.deps.database.db, municipalityId);
    if (regionId === null) throw notFound('Муниципалитет');
    return regionId;
  }

  /** Imported aggregates of the region of a school, a municipality or the caller's own. */
  async list(
    actor: Actor,
    where: { municipalityId?: number | undefined; orgId?: number | undefined } = {},
  ): Promise<RegionAggregateView[]> {
    let m: number;
    if (where.orgId !== undefined) {
      const org = (await findOrgById(this.deps.database.db, where.orgId))?.org;
      if (!org) throw notFound('Организация');
      const target = { orgId: org.id, municipalityId: org.municipalityId };
      requireInScope(actor, 'objectivity.read', target, 'Организация');
      m = org.municipalityId;
    } else m = await this.municipalityFor(actor, 'objectivity.read', where.municipalityId);
    const rows = await listRegionAggregates(this.deps.database.db, await this.regionOf(m));
    return rows.map((r) => ({
      id: r.id,
      subject: r.subject,
      subjectName: subjectName(r.subject),
      grade: r.grade,
      year: r.year,
      participants: r.participants,
      markPercent: r.markPercent,
      journalPercent: r.journalPercent ?? null,
      tasks: Object.keys(r.taskPercent).length,
      fileName: r.fileName,
      importedByLogin: r.importedByLogin,
      importedAt: r.importedAt.toISOString(),
    }));
  }

  /** Reads, checks and stores the file for the region of the caller's municipality. */
  async importFile(
    actor: Actor,
    file: { fileName: string; bytes: Buffer },
    municipalityId?: number,
  ): Promise<RegionImportResult> {
    const m = await this.municipalityFor(actor, 'objectivity.manage', municipalityId);
    const regionId = await this.regionOf(m);
    let sheets;
    try {
      sheets = await readTables(file.fileName, file.bytes);
    } catch (e) {
      if (e instanceof TableReadError) throw invalid(`Файл «${file.fileName}»: ${e.message}`);
      throw e;
    }
    const parsed = parseRegionAggregates(file.fileName, sheets, STANDARD_SUBJECTS);
    const errors = parsed.issues.filter((i) => i.severity === 'error');
    if (errors.length) {
      const more = errors.length > 10 ? `; и ещё ошибок: ${errors.length - 10}` : '';
      throw invalid(`Файл не загружен. ${errors.slice(0, 10).map(formatIssue).join('; ')}${more}`, {
        issues: errors,
      });
    }
    const { database } = this.deps;
    const out = await database.transaction(async ({ db }) => {
      const existing = await listRegionAggregates(db, regionId);
      const counts = { rows: parsed.rows.length, added: 0, changed: 0, unchanged: 0 };
      const changedTests: string[] = [];
      for (const row of parsed.rows) {
        const values = {
          participants: row.participants,
          markPercent: row.markPercent,
          journalPercent: row.journalPercent,
          taskPercent: row.taskPercent,
        };
        const old = existing.find(
          (e) =>
            e.procedure === row.procedure &&
            e.subject === row.subject &&
            e.grade === row.grade &&
            e.year === row.year,
        );
        const label = `${subjectName(row.subject)}, ${row.grade} класс, ${row.year}`;
        const stamp = {
          fileName: file.fileName,
          importedByLogin: actor.login,
          importedAt: this.deps.now(),
        };
        if (!old) {
          await insertRegionAggregate(db, {
            regionId,
            procedure: row.procedure,
            subject: row.subject,
            grade: row.grade,
            year: row.year,
            ...values,
            ...stamp,
          });
          counts.added += 1;
          changedTests.push(label);
        } else if (
          old.participants === values.participants &&
          same(old.markPercent, values.markPercent) &&
          same(old.journalPercent ?? null, values.journalPercent) &&
          same(old.taskPercent, values.taskPercent)
        ) {
          counts.unchanged += 1;
        } else {
          await updateRegionAggregate(db, old.id, { ...values, ...stamp });
          counts.changed += 1;
          changedTests.push(label);
        }
      }
      if (counts.added || counts.changed) {
        await audit(db, actor, {
          action: 'import',
          entity: 'region_aggregates',
          entityId: regionId,
          municipalityId: m,
          orgId: null,
          summary: `Региональные показатели ФИС ОКО из файла «${file.fileName}»: добавлено ${counts.added}, изменено ${counts.changed} (${changedTests.join('; ')})`,
          after: { fileName: file.fileName, ...counts, tests: changedTests },
        });
      }
      return counts;
    });
    if (out.added || out.changed) {
      const withResults = new Set(await municipalitiesWithResults(database.db));
      const affected = (await municipalitiesOfRegion(database.db, regionId)).filter((id) =>
        withResults.has(id),
      );
      for (const listener of this.listeners) await listener(actor, affected);
    }
    return out;
  }
}
