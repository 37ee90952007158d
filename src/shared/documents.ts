import { z } from 'zod';

export const DOCUMENT_KINDS = [
  'local_act',
  'order',
  'protocol',
  'plan',
  'report',
  'site_publication',
  'schedule',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  local_act: 'Локальный акт',
  order: 'Приказ',
  protocol: 'Протокол',
  plan: 'План',
  report: 'Отчёт, справка',
  site_publication: 'Публикация на сайте',
  schedule: 'График',
  other: 'Другое',
};

export const documentView = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  kindLabel: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  version: z.number().int(),
  replacesId: z.number().int().nullable(),
  isCurrent: z.boolean(),
  uploadedByName: z.string().nullable(),
  uploadedAt: z.string(),
});
export type DocumentView = z.infer<typeof documentView>;

export const documentListQuery = z.object({
  orgId: z.coerce.number().int().optional(),
  kind: z.enum(DOCUMENT_KINDS).optional(),
  includeHistory: z.enum(['true', 'false']).optional(),
});
export type DocumentListQuery = z.infer<typeof documentListQuery>;

/** Fields sent with the file in a multipart upload. */
export const uploadDocumentFields = z.object({
  orgId: z.coerce.number().int().positive(),
  kind: z.enum(DOCUMENT_KINDS),
  title: z.string().trim().min(1, 'Укажите название документа').max(500),
  description: z.string().trim().max(2000).optional(),
  replacesId: z.coerce.number().int().positive().optional(),
});
export type UploadDocumentFields = z.infer<typeof uploadDocumentFields>;

export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

export const documentResponse = z.object({ data: documentView });
export const documentListResponse = z.object({ data: z.array(documentView) });
