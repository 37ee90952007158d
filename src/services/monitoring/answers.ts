import { invalid } from '../../core/errors';
import { scoreAnswers, type Answers } from '../../core/monitoring/scoring';
import { indicatorsOf } from '../../core/monitoring/template';
import type { Db } from '../../db/database';
import { findDocument } from '../../db/repositories/documents';
import type { CampaignHead } from '../../db/repositories/monitoring';

/** Answers may cite only documents of the school's own registry; keys must be the template's. */
export async function checkAnswers(db: Db, head: CampaignHead, orgId: number, answers: Answers) {
  const keys = new Set(indicatorsOf(head.version.definition).map((x) => x.indicator.key));
  for (const [key, a] of Object.entries(answers)) {
    if (!keys.has(key)) throw invalid(`Показателя «${key}» нет в шаблоне этого мониторинга`);
    for (const docId of a.documentIds ?? []) {
      const d = await findDocument(db, docId);
      if (!d || d.doc.orgId !== orgId)
        throw invalid('Подтверждающий документ должен быть из реестра документов этой ОО');
    }
  }
}

export function missingRequired(head: CampaignHead, answers: Answers): string[] {
  const score = scoreAnswers(head.version.definition, answers);
  return indicatorsOf(head.version.definition)
    .filter(
      (x) =>
        x.indicator.required && !score.indicators.find((i) => i.key === x.indicator.key)?.answered,
    )
    .map((x) => `«${x.indicator.title}»`);
}
