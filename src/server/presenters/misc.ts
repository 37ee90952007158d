import type { DocumentRow } from '../../db/repositories/documents';
import type { ExpertGroupRecord } from '../../db/repositories/expertGroups';
import type { auditLog } from '../../db/schema';
import type { AuditEntryView } from '../../shared/audit';
import {
  DOCUMENT_KIND_LABELS,
  DOCUMENT_KINDS,
  type DocumentKind,
  type DocumentView,
} from '../../shared/documents';
import type { ExpertGroupView } from '../../shared/expertGroups';

export const presentExpertGroup = (r: ExpertGroupRecord): ExpertGroupView => ({
  id: r.group.id,
  municipalityId: r.group.municipalityId,
  name: r.group.name,
  subjectId: r.group.subjectId,
  subjectName: r.subjectName,
  description: r.group.description,
  isActive: r.group.isActive,
  members: r.members,
  schools: r.schools,
});

const isDocumentKind = (k: string): k is DocumentKind =>
  (DOCUMENT_KINDS as readonly string[]).includes(k);

export function presentDocument(r: {
  doc: DocumentRow;
  orgName: string;
  uploadedByName: string | null;
}): DocumentView {
  const kind = isDocumentKind(r.doc.kind) ? r.doc.kind : 'other';
  return {
    id: r.doc.id,
    orgId: r.doc.orgId,
    orgName: r.orgName,
    kind,
    kindLabel: DOCUMENT_KIND_LABELS[kind],
    title: r.doc.title,
    description: r.doc.description,
    fileName: r.doc.fileName,
    mimeType: r.doc.mimeType,
    sizeBytes: r.doc.sizeBytes,
    sha256: r.doc.sha256,
    version: r.doc.version,
    replacesId: r.doc.replacesId,
    isCurrent: r.doc.isCurrent,
    uploadedByName: r.uploadedByName,
    uploadedAt: r.doc.uploadedAt.toISOString(),
  };
}

export function presentAuditEntry(r: {
  entry: typeof auditLog.$inferSelect;
  orgName: string | null;
}): AuditEntryView {
  const e = r.entry;
  return {
    id: e.id,
    at: e.at.toISOString(),
    userLogin: e.userLogin,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    orgId: e.orgId,
    orgName: r.orgName,
    summary: e.summary,
    before: e.before ?? null,
    after: e.after ?? null,
  };
}
