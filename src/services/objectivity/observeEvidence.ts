import { z } from 'zod';
import type { AnalysisResultRow } from '../../db/repositories/analysisRuns';

/** The part of a stored dossier's evidence entry the comparison shows. */
const storedEvidence = z.object({
  subject: z.string(),
  grade: z.number(),
  indicator: z.string(),
  p: z.number(),
  n: z.number(),
  text: z.string(),
});

/**
 * The observerGap evidence of one school's stored results (a run's school-years) for one
 * subject (by its Russian name, as the dossier stores it) and grade, by year.
 */
export function observerGapEvidence(
  results: readonly { result: AnalysisResultRow }[],
  subjectName: string,
  grade: number,
): { year: number; p: number; n: number; text: string }[] {
  const out: { year: number; p: number; n: number; text: string }[] = [];
  for (const { result } of results) {
    for (const raw of result.dossier.evidence) {
      const e = storedEvidence.safeParse(raw);
      if (!e.success || e.data.indicator !== 'observerGap') continue;
      if (e.data.subject !== subjectName || e.data.grade !== grade) continue;
      out.push({ year: result.year, p: e.data.p, n: Math.round(e.data.n), text: e.data.text });
    }
  }
  return out.sort((a, b) => a.year - b.year);
}
