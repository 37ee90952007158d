import { createHash } from 'node:crypto';
import type { Actor } from '../../core/access/actor';
import { coversMunicipality } from '../../core/access/scope';
import { invalid, notFound } from '../../core/errors';
import {
  OFFICIAL_LIST_LABELS,
  type OfficialList,
  type OfficialRow,
} from '../../core/objectivity/officialLists';
import {
  deleteEntries,
  entriesOfSchool,
  entryCounts,
  insertEntries,
  insertListImport,
  knownLogins,
  listEntries,
  listImports,
  schoolsByLogin,
} from '../../db/repositories/objectivityScreen';
import { findOrgsByIds } from '../../db/repositories/organisations';
import { readOfficialList } from '../../importers/objectivity/officialLists';
import { audit } from '../audit';
import type { ServiceDeps } from '../deps';
import { requireInScope, requireScope } from '../guard';

export interface ListFile {
  fileName: string;
  bytes: Buffer;
}

/** Key of an entry's content, to tell a re-import of the same list from a change. */
const entryKey = (e: {
  year: number;
  orgId: number;
  markers: { r4: number; m4: number; r5: number; m5: number } | null;
  markerTotal: number | null;
  note: string | null;
  listedName: string;
}) => {
  const m = e.markers ? [e.markers.r4, e.markers.m4, e.markers.r5, e.markers.m5] : null;
  return JSON.stringify([e.year, e.orgId, m, e.markerTotal, e.note, e.listedName]);
};

/**
 * The federal list of schools with signs of non-objective results and the ШНОР list: imported
 * all-or-nothing per municipality; the rows of the municipality's schools for the file's years
 * replace the earlier ones; re-importing the same content changes nothing.
 */
export class OfficialListService {
  constructor(private readonly deps: ServiceDeps) {}

  private municipalityFor(actor: Actor, requested: number | undefined): number {
    const scope = requireScope(actor, 'objectivity.manage');
    if (requested !== undefined) {
      if (!coversMunicipality(scope, requested)) throw notFound('Муниципалитет');
      return requested;
    }
    if (scope.municipalityIds.length === 1) return scope.municipalityIds[0] as number;
    throw invalid('Укажите муниципалитет, для которого загружается список');
  }

  async import(actor: Actor, list: OfficialList, file: ListFile, municipalityId?: number) {
    const mId = this.municipalityFor(actor, municipalityId);
    if (!file.bytes.length) throw invalid(`Файл «${file.fileName}» пуст`);
    const parsed = await readOfficialList(list, file.fileName, file.bytes);
    if (parsed.errors.length) {
      const shown = parsed.errors.slice(0, 20);
      const more = parsed.errors.length - shown.length;
      throw invalid(
        `Список не загружен, исправьте ошибки: ${shown.join('; ')}${more > 0 ? `; и ещё ${more}` : ''}`,
        { errors: parsed.errors },
      );
    }
    const { db } = this.deps.database;
    const schools = await schoolsByLogin(db, mId);
    const mine: { row: OfficialRow; orgId: number }[] = [];
    const foreign: string[] = [];
    for (const row of parsed.rows) {
      const org = schools.get(row.login.toLowerCase());
      if (org) mine.push({ row, orgId: org.id });
      else foreign.push(row.login.toLowerCase());
    }
    const known = await knownLogins(db, [...new Set(foreign)]);
    const otherMunicipality = [...new Set(foreign.filter((l) => known.has(l)))].sort();
    const unknown = [...new Set(foreign.filter((l) => !known.has(l)))].sort();
    const years = [...new Set(parsed.rows.map((r) => r.year))].sort((a, b) => a - b);
    const next = mine.map(({ row, orgId }) => ({
      municipalityId: mId,
      orgId,
      list,
      year: row.year,
      login: row.login,
      listedName: row.name,
      markers: row.markers,
      markerTotal: row.markerTotal,
      note: row.note,
    }));
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    return this.deps.database.transaction(async ({ db: tx }) => {
      const before = await listEntries(tx, mId, list, years);
      const same =
        before.length === next.length &&
        JSON.stringify(before.map(entryKey).sort()) === JSON.stringify(next.map(entryKey).sort());
      if (same) {
        return {
          changed: false,
          message: `Список уже загружен в таком виде: изменений нет (строк ОО муниципалитета: ${next.length})`,
          import: null,
          unknownLogins: unknown,
          otherMunicipality,
        };
      }
      const imp = await insertListImport(tx, {
        municipalityId: mId,
        list,
        years,
        fileName: file.fileName,
        sha256,
        rows: parsed.rows.length,
        matched: next.length,
        unknownLogins: unknown,
        importedByLogin: actor.login,
      });
      await deleteEntries(tx, mId, list, years);
      await insertEntries(
        tx,
        next.map((e) => ({ ...e, importId: imp.id })),
      );
      await audit(tx, actor, {
        action: 'import',
        entity: 'official_list',
        entityId: imp.id,
        municipalityId: mId,
        orgId: null,
        summary: `${OFFICIAL_LIST_LABELS[list]} за ${years.join(', ')}: загружен файл «${file.fileName}», ОО муниципалитета ${next.length} (было ${before.length}), логинов не найдено ${unknown.length}`,
        before: { schools: before.map((e) => e.login) },
        after: { schools: next.map((e) => e.login), unknownLogins: unknown, sha256 },
      });
      return {
        changed: true,
        message: `Загружено: ОО муниципалитета ${next.length} из ${parsed.rows.length} строк файла`,
        import: imp,
        unknownLogins: unknown,
        otherMunicipality,
      };
    });
  }

  /** What is loaded per year and list, and the import history, for the lists page. */
  async overview(actor: Actor, municipalityId?: number) {
    const scope = requireScope(actor, 'objectivity.manage');
    const { db } = this.deps.database;
    if (municipalityId !== undefined && !coversMunicipality(scope, municipalityId))
      throw notFound('Муниципалитет');
    const municipalities =
      municipalityId !== undefined ? [municipalityId] : scope.any ? 'any' : scope.municipalityIds;
    return {
      counts: await entryCounts(db, municipalities),
      imports: await listImports(db, municipalities),
    };
  }

  /** A school's entries on the official lists (for its card). */
  async ofSchool(actor: Actor, orgId: number) {
    const [org] = await findOrgsByIds(this.deps.database.db, [orgId]);
    if (!org) throw notFound('Организация');
    requireInScope(
      actor,
      'objectivity.read',
      { orgId, municipalityId: org.municipalityId },
      'Организация',
    );
    return entriesOfSchool(this.deps.database.db, orgId);
  }
}
