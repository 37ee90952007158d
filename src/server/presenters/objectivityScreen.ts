import { OFFICIAL_LIST_LABELS } from '../../core/objectivity/officialLists';
import type {
  OfficialListEntryRow,
  OfficialListImportRow,
} from '../../db/repositories/objectivityScreen';

export function presentListImport(row: OfficialListImportRow) {
  return {
    id: row.id,
    list: row.list,
    listLabel: OFFICIAL_LIST_LABELS[row.list],
    years: row.years,
    fileName: row.fileName,
    rows: row.rows,
    matched: row.matched,
    unknownLogins: row.unknownLogins,
    importedByLogin: row.importedByLogin,
    importedAt: row.importedAt.toISOString(),
  };
}

export function presentListEntry(row: OfficialListEntryRow) {
  return {
    list: row.list,
    listLabel: OFFICIAL_LIST_LABELS[row.list],
    year: row.year,
    markers:
      row.markers && row.markerTotal !== null ? { ...row.markers, total: row.markerTotal } : null,
    note: row.note,
  };
}
