import { z } from 'zod';
import { SCORE_LEVEL_LABELS } from '../core/monitoring/scoring';
import { EVIDENCE_MODES, INDICATOR_TYPES, TEMPLATE_PURPOSES } from '../core/monitoring/template';
import { CAMPAIGN_STATUSES, CARD_STATUSES, SELF_STATUSES } from '../core/monitoring/workflow';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Дата в формате ГГГГ-ММ-ДД');
const optionalNumber = z.number().optional();

export const indicatorSchema = z.object({
  key: z.string().trim().min(1).max(64),
  title: z.string().trim().min(1, 'Укажите название показателя').max(500),
  type: z.enum(INDICATOR_TYPES),
  weight: z.number().min(0).max(100),
  required: z.boolean(),
  hint: z.string().max(1000).optional(),
  scaleMax: z.number().int().min(1).max(100).optional(),
  target: z.object({ min: optionalNumber, max: optionalNumber }).optional(),
  evidence: z.enum(EVIDENCE_MODES),
});

export const definitionSchema = z.object({
  sections: z
    .array(
      z.object({
        key: z.string().trim().min(1).max(64),
        title: z.string().trim().min(1, 'Укажите название раздела').max(300),
        indicators: z.array(indicatorSchema).max(200),
      }),
    )
    .max(50),
});

export const answerSchema = z.object({
  value: z.union([z.boolean(), z.number(), z.string().max(5000), z.null()]),
  comment: z.string().max(3000).optional(),
  documentIds: z.array(z.number().int().positive()).max(20).optional(),
  links: z
    .array(z.string().trim().url('Ссылка должна начинаться с http:// или https://').max(1000))
    .max(10)
    .optional(),
});
export const answersSchema = z.record(z.string(), answerSchema);

export const templateVersionView = z.object({
  id: z.number().int(),
  version: z.number().int(),
  note: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  usedByCampaigns: z.number().int(),
});

export const templateView = z.object({
  id: z.number().int(),
  municipalityId: z.number().int(),
  code: z.string(),
  title: z.string(),
  purpose: z.enum(TEMPLATE_PURPOSES),
  purposeLabel: z.string(),
  description: z.string().nullable(),
  versions: z.array(templateVersionView),
  latest: z.object({
    id: z.number().int(),
    version: z.number().int(),
    definition: definitionSchema,
  }),
});
export type TemplateView = z.infer<typeof templateView>;

export const templateListQuery = z.object({ municipalityId: z.coerce.number().int().positive() });
export const createTemplateRequest = z.object({
  municipalityId: z.number().int().positive(),
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9_-]{2,40}$/, 'Код: латинские буквы, цифры, _ и -'),
  title: z.string().trim().min(1).max(300),
  purpose: z.enum(TEMPLATE_PURPOSES),
  description: z.string().trim().max(2000).optional(),
  definition: definitionSchema,
});
export type CreateTemplateRequest = z.infer<typeof createTemplateRequest>;
export const newVersionRequest = z.object({
  definition: definitionSchema,
  note: z.string().trim().max(1000).optional(),
});
export type NewVersionRequest = z.infer<typeof newVersionRequest>;

export const campaignSchoolSummary = z.object({
  campaignSchoolId: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  expertGroupId: z.number().int(),
  expertGroupName: z.string(),
  selfStatus: z.enum(SELF_STATUSES),
  cardStatus: z.enum(CARD_STATUSES),
  selfPercent: z.number().nullable(),
  cardPercent: z.number().nullable(),
});

export const campaignView = z.object({
  id: z.number().int(),
  municipalityId: z.number().int(),
  academicYearId: z.number().int(),
  academicYearName: z.string(),
  title: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  statusLabel: z.string(),
  regulation: z.string().nullable(),
  regulationDocumentId: z.number().int().nullable(),
  startsOn: z.string(),
  selfReportDue: z.string(),
  expertDue: z.string(),
  previousCampaignId: z.number().int().nullable(),
  templateId: z.number().int(),
  templateVersionId: z.number().int(),
  templateTitle: z.string(),
  templateVersion: z.number().int(),
  schools: z.array(campaignSchoolSummary),
});
export type CampaignView = z.infer<typeof campaignView>;

export const createCampaignRequest = z
  .object({
    municipalityId: z.number().int().positive(),
    academicYearId: z.number().int().positive(),
    title: z.string().trim().min(1, 'Укажите название').max(300),
    templateVersionId: z.number().int().positive(),
    regulation: z.string().trim().max(500).optional(),
    regulationDocumentId: z.number().int().positive().optional(),
    startsOn: isoDate,
    selfReportDue: isoDate,
    expertDue: isoDate,
    previousCampaignId: z.number().int().positive().optional(),
    /** Target schools; the expert group is the one supervising the school unless given. */
    schools: z
      .array(
        z.object({
          orgId: z.number().int().positive(),
          expertGroupId: z.number().int().positive().optional(),
        }),
      )
      .min(1, 'Выберите хотя бы одну ОО'),
  })
  .refine((v) => v.startsOn <= v.selfReportDue && v.selfReportDue <= v.expertDue, {
    message: 'Сроки: начало ≤ срок самоотчёта ≤ срок экспертизы',
    path: ['expertDue'],
  });
export type CreateCampaignRequest = z.infer<typeof createCampaignRequest>;

export const updateCampaignRequest = z.object({
  status: z.enum(CAMPAIGN_STATUSES).optional(),
  title: z.string().trim().min(1).max(300).optional(),
  regulation: z.string().trim().max(500).optional(),
  selfReportDue: isoDate.optional(),
  expertDue: isoDate.optional(),
});
export type UpdateCampaignRequest = z.infer<typeof updateCampaignRequest>;

export const saveSelfRequest = z.object({
  answers: answersSchema,
  submit: z.boolean().default(false),
});
export type SaveSelfRequest = z.infer<typeof saveSelfRequest>;
export const saveCardRequest = z.object({
  answers: answersSchema,
  comment: z.string().trim().max(5000).optional(),
  finalize: z.boolean().default(false),
});
export type SaveCardRequest = z.infer<typeof saveCardRequest>;
export const returnSelfRequest = z.object({
  comment: z.string().trim().min(1, 'Напишите, что доработать').max(3000),
});

export const reopenRequest = z.object({
  reason: z.string().trim().min(1, 'Укажите причину').max(3000),
});
export type ReopenRequest = z.infer<typeof reopenRequest>;

const scoreView = z.object({
  percent: z.number().nullable(),
  sections: z.array(
    z.object({ key: z.string(), title: z.string(), percent: z.number().nullable() }),
  ),
  indicators: z.array(
    z.object({
      key: z.string(),
      scored: z.boolean(),
      answered: z.boolean(),
      fraction: z.number().nullable(),
      unconfirmed: z.boolean(),
    }),
  ),
  requiredAnswered: z.number().int(),
  requiredTotal: z.number().int(),
});

export const campaignSchoolView = z.object({
  id: z.number().int(),
  campaign: z.object({
    id: z.number().int(),
    title: z.string(),
    status: z.enum(CAMPAIGN_STATUSES),
    academicYearName: z.string(),
    selfReportDue: z.string(),
    expertDue: z.string(),
  }),
  orgId: z.number().int(),
  orgName: z.string(),
  expertGroupName: z.string(),
  templateTitle: z.string(),
  templateVersion: z.number().int(),
  definition: definitionSchema,
  self: z.object({
    status: z.enum(SELF_STATUSES),
    answers: answersSchema,
    submittedAt: z.string().nullable(),
    returnComment: z.string().nullable(),
    score: scoreView,
  }),
  card: z.object({
    status: z.enum(CARD_STATUSES),
    answers: answersSchema,
    comment: z.string().nullable(),
    expertName: z.string().nullable(),
    finalAt: z.string().nullable(),
    score: scoreView,
  }),
  documents: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      kindLabel: z.string(),
      fileName: z.string(),
      version: z.number().int(),
      isCurrent: z.boolean(),
    }),
  ),
  schedule: z
    .object({
      violations: z.number().int(),
      missing: z.number().int(),
      messages: z.array(z.string()),
    })
    .nullable(),
  history: z.array(
    z.object({
      at: z.string(),
      userName: z.string(),
      action: z.string(),
      actionLabel: z.string(),
      comment: z.string().nullable(),
      percent: z.number().nullable(),
    }),
  ),
  can: z.object({
    editSelf: z.boolean(),
    editCard: z.boolean(),
    returnSelf: z.boolean(),
    reopenCard: z.boolean(),
  }),
});
export type CampaignSchoolView = z.infer<typeof campaignSchoolView>;

export const screenView = z.object({
  campaign: campaignView.omit({ schools: true }),
  previousTitle: z.string().nullable(),
  indicators: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      sectionTitle: z.string(),
      weight: z.number(),
      scored: z.boolean(),
    }),
  ),
  rows: z.array(
    z.object({
      campaignSchoolId: z.number().int(),
      orgId: z.number().int(),
      orgName: z.string(),
      selfStatus: z.enum(SELF_STATUSES),
      cardStatus: z.enum(CARD_STATUSES),
      source: z.enum(['expert', 'self', 'none']),
      percent: z.number().nullable(),
      level: z.enum(Object.keys(SCORE_LEVEL_LABELS) as ['high', 'medium', 'low', 'none']),
      selfPercent: z.number().nullable(),
      expertPercent: z.number().nullable(),
      previousPercent: z.number().nullable(),
      delta: z.number().nullable(),
      requiredAnswered: z.number().int(),
      requiredTotal: z.number().int(),
      cells: z.array(
        z.object({
          key: z.string(),
          fraction: z.number().nullable(),
          previous: z.number().nullable(),
        }),
      ),
      scheduleViolations: z.number().int().nullable(),
    }),
  ),
  totals: z.object({
    schools: z.number().int(),
    selfSubmitted: z.number().int(),
    cardsFinal: z.number().int(),
    averagePercent: z.number().nullable(),
  }),
});
export type ScreenView = z.infer<typeof screenView>;

export const templateResponse = z.object({ data: templateView });
export const templateListResponse = z.object({ data: z.array(templateView) });
export const campaignResponse = z.object({ data: campaignView });
export const campaignListResponse = z.object({ data: z.array(campaignView) });
export const campaignSchoolResponse = z.object({ data: campaignSchoolView });
export const screenResponse = z.object({ data: screenView });
