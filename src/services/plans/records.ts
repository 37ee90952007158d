import type { Actor } from '../../core/access/actor';
import { coversMunicipality, inScope, resolveScope } from '../../core/access/scope';
import { notFound } from '../../core/errors';
import { recordUrl, type RecordLinkKind } from '../../core/plans/model';
import type { Db } from '../../db/database';
import { findCampaignRef, findDocumentRef, findPlanRef } from '../../db/repositories/planPeople';

const NAMES: Record<RecordLinkKind, string> = {
  document: 'Запись реестра документов',
  monitoring: 'Кампания мониторинга',
  monitoring_report: 'Кампания мониторинга',
  plan: 'Запись о плане мероприятий',
};

/**
 * The record an evidence link points to, if it exists and the actor may read it: its title
 * and where it opens. A record outside the actor's scope is reported as not found.
 */
export async function resolveRecord(
  db: Db,
  actor: Actor,
  kind: RecordLinkKind,
  id: number,
): Promise<{ title: string; url: string }> {
  const found = { url: recordUrl(kind, id) };
  if (kind === 'document') {
    const doc = await findDocumentRef(db, id);
    if (doc && inScope(resolveScope(actor, 'document.read'), doc)) return { ...found, ...doc };
  } else if (kind === 'plan') {
    const plan = await findPlanRef(db, id);
    if (plan && inScope(resolveScope(actor, 'plan.read'), plan)) return { ...found, ...plan };
  } else {
    const campaign = await findCampaignRef(db, id);
    const scope = resolveScope(actor, 'monitoring.read');
    const readable =
      campaign &&
      (coversMunicipality(scope, campaign.municipalityId) ||
        campaign.orgIds.some((orgId) =>
          inScope(scope, { orgId, municipalityId: campaign.municipalityId }),
        ));
    if (campaign && readable) {
      const title =
        kind === 'monitoring_report' ? `Аналитическая справка: ${campaign.title}` : campaign.title;
      return { ...found, title };
    }
  }
  throw notFound(NAMES[kind]);
}
