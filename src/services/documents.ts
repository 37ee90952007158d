import type { Readable } from 'node:stream';
import type { Actor } from '../core/access/actor';
import { invalid, notFound } from '../core/errors';
import {
  findDocument,
  insertDocument,
  listDocuments,
  markSuperseded,
} from '../db/repositories/documents';
import { findOrgById } from '../db/repositories/organisations';
import { orgScopeWhere } from '../db/repositories/scope';
import { documents } from '../db/schema';
import {
  DOCUMENT_KIND_LABELS,
  MAX_DOCUMENT_BYTES,
  type DocumentListQuery,
  type UploadDocumentFields,
} from '../shared/documents';
import { audit } from './audit';
import type { ServiceDeps } from './deps';
import { requireInScope, requireScope, requireWritable } from './guard';

export interface UploadedFile {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
}

export class DocumentService {
  constructor(private readonly deps: ServiceDeps) {}

  async list(actor: Actor, q: DocumentListQuery) {
    const scope = requireScope(actor, 'document.read');
    return listDocuments(this.deps.database.db, {
      scope: orgScopeWhere(scope, documents.orgId, documents.municipalityId),
      orgId: q.orgId,
      kind: q.kind,
      includeHistory: q.includeHistory === 'true',
    });
  }

  async get(actor: Actor, id: number) {
    const row = await findDocument(this.deps.database.db, id);
    if (!row) throw notFound('Документ');
    requireInScope(
      actor,
      'document.read',
      {
        orgId: row.doc.orgId,
        municipalityId: row.doc.municipalityId,
      },
      'Документ',
    );
    return row;
  }

  async open(
    actor: Actor,
    id: number,
  ): Promise<{ row: Awaited<ReturnType<DocumentService['get']>>; stream: Readable }> {
    const row = await this.get(actor, id);
    return { row, stream: await this.deps.storage.open(row.doc.storageKey) };
  }

  async upload(actor: Actor, fields: UploadDocumentFields, file: UploadedFile) {
    if (!file.bytes.length) throw invalid(`Файл «${file.fileName}» пуст`);
    if (file.bytes.length > MAX_DOCUMENT_BYTES) {
      throw invalid(`Файл «${file.fileName}» больше ${MAX_DOCUMENT_BYTES / 1024 / 1024} МБ`);
    }
    const org = await findOrgById(this.deps.database.db, fields.orgId);
    if (!org) throw notFound('Организация');
    requireWritable(
      actor,
      'document.read',
      'document.manage',
      {
        orgId: org.org.id,
        municipalityId: org.org.municipalityId,
      },
      'Организация',
    );
    const stored = await this.deps.storage.put(file.bytes);
    try {
      const id = await this.deps.database.transaction(async ({ db }) => {
        let version = 1;
        if (fields.replacesId) {
          const previous = await findDocument(db, fields.replacesId);
          if (!previous || previous.doc.orgId !== org.org.id) {
            throw invalid('Заменяемый документ не найден в этой организации');
          }
          if (!previous.doc.isCurrent)
            throw invalid('Заменять можно только текущую версию документа');
          version = previous.doc.version + 1;
          await markSuperseded(db, previous.doc.id);
        }
        const row = await insertDocument(db, {
          municipalityId: org.org.municipalityId,
          orgId: org.org.id,
          kind: fields.kind,
          title: fields.title,
          description: fields.description ?? null,
          fileName: file.fileName,
          mimeType: file.mimeType,
          sizeBytes: stored.size,
          sha256: stored.sha256,
          storageKey: stored.key,
          version,
          replacesId: fields.replacesId ?? null,
          uploadedBy: actor.system ? null : actor.userId,
        });
        await audit(db, actor, {
          action: 'create',
          entity: 'document',
          entityId: row.id,
          municipalityId: row.municipalityId,
          orgId: row.orgId,
          summary: `${DOCUMENT_KIND_LABELS[fields.kind]} «${row.title}» (версия ${version}) загружен в «${org.org.shortName}»`,
          after: { title: row.title, fileName: row.fileName, sha256: row.sha256, version },
        });
        return row.id;
      });
      return this.get(actor, id);
    } catch (error) {
      await this.deps.storage.remove(stored.key);
      throw error;
    }
  }
}
