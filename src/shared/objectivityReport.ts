import { z } from 'zod';

/** Query of the district справка: the year (default: the latest analysed) and the municipality. */
export const districtReportQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** Needed only by a user who reaches several municipalities. */
  municipalityId: z.coerce.number().int().positive().optional(),
});
export type DistrictReportQuery = z.infer<typeof districtReportQuery>;

/** Query of the school справка. */
export const schoolReportQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type SchoolReportQuery = z.infer<typeof schoolReportQuery>;

export const schoolReportParams = z.object({ orgId: z.coerce.number().int().positive() });

export type ReportFormat = 'docx' | 'pdf';

export const REPORT_MIME: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};
