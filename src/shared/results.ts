import { z } from 'zod';
import { CERTAINTIES, PROCEDURES, SESSIONS, TASK_LEVELS } from '../core/results/types';
import { paged } from './common';

/** The HTTP contract of the test catalog, result imports and the results browser. */

export const RESULTS_FILE_KIND_LABELS = {
  individual: '«Индивидуальные результаты» (выгрузка ФИС ОКО)',
  school_form: '«Форма сбора результатов» (протокол ОО)',
} as const;

export const MAX_RESULTS_FILE_BYTES = 200 * 1024 * 1024;

const taskView = z.object({
  code: z.string(),
  max: z.number().int(),
  level: z.enum(TASK_LEVELS).nullable(),
  skill: z.string().nullable().optional(),
});

const cutScores = z.object({
  min3: z.number().int(),
  min4: z.number().int(),
  min5: z.number().int(),
});

export const testView = z.object({
  id: z.number().int(),
  name: z.string(),
  procedure: z.enum(PROCEDURES),
  year: z.number().int(),
  session: z.enum(SESSIONS),
  subjectId: z.number().int(),
  subjectCode: z.string(),
  subjectName: z.string(),
  grade: z.number().int(),
  form: z.string(),
  tasks: z.array(taskView),
  maxTotal: z.number().int().nullable(),
  cutScores: cutScores.nullable(),
  structureCertainty: z.enum(CERTAINTIES).nullable(),
  scaleCertainty: z.enum(CERTAINTIES).nullable(),
  source: z.string().nullable(),
});
export type TestView = z.infer<typeof testView>;

export const testListQuery = z.object({
  procedure: z.enum(PROCEDURES).optional(),
  year: z.coerce.number().int().optional(),
  subjectId: z.coerce.number().int().optional(),
  grade: z.coerce.number().int().optional(),
});

const taskInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{1,2}(\.\d{1,2}){0,2}$/, 'Номер задания: цифры через точку, например 5 или 5.1'),
  max: z.number().int().min(1).max(100),
  level: z.enum(TASK_LEVELS).nullable(),
  skill: z.string().trim().max(500).nullish(),
});

export const testFields = {
  tasks: z.array(taskInput).max(80),
  maxTotal: z.number().int().min(1).max(500).nullable(),
  cutScores: cutScores.nullable(),
  source: z.string().trim().max(2000).nullable(),
};

export const createTestRequest = z.object({
  procedure: z.enum(PROCEDURES),
  year: z.number().int().min(2015).max(2100),
  session: z.enum(SESSIONS).default('spring'),
  subjectId: z.number().int().positive(),
  grade: z.number().int().min(1).max(11),
  form: z.string().trim().max(50).default(''),
  ...testFields,
});
export type CreateTestRequest = z.infer<typeof createTestRequest>;

export const updateTestRequest = z.object(testFields).partial();
export type UpdateTestRequest = z.infer<typeof updateTestRequest>;

export const testResponse = z.object({ data: testView });
export const testListResponse = z.object({ data: z.array(testView) });

export const importIssueView = z.object({
  severity: z.enum(['error', 'warning', 'note']),
  file: z.string(),
  sheet: z.string().nullable(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  message: z.string(),
});
export type ImportIssueView = z.infer<typeof importIssueView>;

/** What the upload form says about the test (each optional when the file's title says it). */
export const importChoice = z.object({
  procedure: z.enum(PROCEDURES).optional(),
  year: z.coerce.number().int().min(2015).max(2100).optional(),
  session: z.enum(SESSIONS).optional(),
  subjectCode: z.string().trim().min(1).max(20).optional(),
  grade: z.coerce.number().int().min(1).max(11).optional(),
  form: z.string().trim().max(50).optional(),
  /** The school a school form belongs to. */
  orgId: z.coerce.number().int().positive().optional(),
});
export type ImportChoice = z.infer<typeof importChoice>;

export const importSchoolView = z.object({
  login: z.string().nullable(),
  name: z.string().nullable(),
  municipality: z.string().nullable(),
  orgId: z.number().int().nullable(),
  orgName: z.string().nullable(),
  willCreate: z.boolean(),
  works: z.number().int(),
  absent: z.number().int(),
  classes: z.array(z.string()),
  replacesBatchId: z.number().int().nullable(),
});

export const importPreviewView = z.object({
  uploadKey: z.string(),
  fileName: z.string(),
  sheet: z.string().nullable(),
  kind: z.enum(['individual', 'school_form']).nullable(),
  kindLabel: z.string().nullable(),
  testName: z.string().nullable(),
  testId: z.number().int().nullable(),
  /** Where the structure comes from: the catalog, the file, or nowhere (refused). */
  tasks: z.array(taskView),
  maxTotal: z.number().int().nullable(),
  cutScores: cutScores.nullable(),
  schools: z.array(importSchoolView),
  works: z.number().int(),
  absent: z.number().int(),
  alreadyImported: z.boolean(),
  ok: z.boolean(),
  issues: z.array(importIssueView),
});
export type ImportPreviewView = z.infer<typeof importPreviewView>;
export const importPreviewResponse = z.object({ data: importPreviewView });

export const commitImportRequest = importChoice.extend({
  uploadKey: z.string().regex(/^[0-9a-f]{2}\/[0-9a-f-]{36}$/, 'Неверный ключ загрузки'),
  fileName: z.string().trim().min(1).max(300),
});
export type CommitImportRequest = z.infer<typeof commitImportRequest>;

export const importOutcomeView = z.object({
  status: z.enum(['imported', 'already_imported']),
  fileName: z.string(),
  testId: z.number().int(),
  testName: z.string(),
  batchIds: z.array(z.number().int()),
  works: z.number().int(),
  schoolsCreated: z.array(z.string()),
  replacedBatchIds: z.array(z.number().int()),
  issues: z.array(importIssueView),
});
export type ImportOutcomeView = z.infer<typeof importOutcomeView>;
export const importOutcomeResponse = z.object({ data: importOutcomeView });

export const BATCH_STATUSES = ['active', 'replaced', 'undone'] as const;
export const BATCH_STATUS_LABELS: Record<(typeof BATCH_STATUSES)[number], string> = {
  active: 'действует',
  replaced: 'заменена исправленным файлом',
  undone: 'отменена',
};

export const batchView = z.object({
  id: z.number().int(),
  fileName: z.string(),
  fileKind: z.string(),
  sha256: z.string(),
  testId: z.number().int(),
  testName: z.string(),
  orgId: z.number().int(),
  orgName: z.string(),
  orgLogin: z.string().nullable(),
  status: z.enum(BATCH_STATUSES),
  statusLabel: z.string(),
  replacesId: z.number().int().nullable(),
  works: z.number().int(),
  absent: z.number().int(),
  importedAt: z.string(),
  importedBy: z.string(),
  undoneAt: z.string().nullable(),
  undoneBy: z.string().nullable(),
});
export type BatchView = z.infer<typeof batchView>;

export const batchListQuery = z.object({
  orgId: z.coerce.number().int().optional(),
  testId: z.coerce.number().int().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export const batchListResponse = paged(batchView);
export const batchResponse = z.object({ data: batchView });

/** A test with results in the caller's scope, per school. */
export const resultTestView = z.object({
  test: testView,
  schools: z.array(
    z.object({
      orgId: z.number().int(),
      orgName: z.string(),
      works: z.number().int(),
      absent: z.number().int(),
    }),
  ),
});
export type ResultTestView = z.infer<typeof resultTestView>;
export const resultTestListResponse = z.object({ data: z.array(resultTestView) });

export const worksQuery = z.object({
  orgId: z.coerce.number().int().positive(),
  className: z.string().trim().max(10).optional(),
});

export const workView = z.object({
  id: z.number().int(),
  participantCode: z.string(),
  className: z.string().nullable(),
  variant: z.number().int().nullable(),
  absent: z.boolean(),
  scores: z.array(z.number().int().nullable()),
  total: z.number().int().nullable(),
  mark: z.number().int().nullable(),
  markFromFile: z.boolean(),
  journalMark: z.number().int().nullable(),
});
export type WorkView = z.infer<typeof workView>;

export const resultSummaryView = z.object({
  participants: z.number().int(),
  present: z.number().int(),
  absent: z.number().int(),
  marks: z.object({
    '2': z.number().int(),
    '3': z.number().int(),
    '4': z.number().int(),
    '5': z.number().int(),
    none: z.number().int(),
  }),
  /** Works per primary score 0..max. */
  histogram: z.array(z.number().int()),
  meanTotal: z.number().nullable(),
  tasks: z.array(
    z.object({
      code: z.string(),
      level: z.enum(TASK_LEVELS).nullable(),
      max: z.number().int(),
      /** Share of the possible points scored, 0..1; null without present works. */
      success: z.number().nullable(),
    }),
  ),
  levels: z.array(z.object({ level: z.enum(TASK_LEVELS), success: z.number().nullable() })),
});
export type ResultSummaryView = z.infer<typeof resultSummaryView>;

export const worksResponse = z.object({
  data: z.object({
    test: testView,
    orgId: z.number().int(),
    orgName: z.string(),
    classes: z.array(z.string()),
    works: z.array(workView),
    summary: resultSummaryView,
  }),
});
export type WorksData = z.infer<typeof worksResponse>['data'];
