import type { Actor } from '../../core/access/actor';
import { coversMunicipality, resolveScope } from '../../core/access/scope';
import { forbidden, invalid, notFound } from '../../core/errors';
import {
  reopenCampaignRefusal,
  reopenCardRefusal,
  type CampaignStatus,
  type CardStatus,
} from '../../core/monitoring/workflow';
import type { Db } from '../../db/database';
import {
  findCampaign,
  findCampaignSchool,
  insertEvent,
  listCampaignSchools,
  updateCampaign,
  updateCampaignSchool,
} from '../../db/repositories/monitoring';
import { audit } from '../audit';
import { requireScope } from '../guard';
import { coversCampaign } from './access';

/** District staff managing the municipality of the campaign (`monitoring.manage`). */
export const canManage = (actor: Actor, municipalityId: number) =>
  coversMunicipality(resolveScope(actor, 'monitoring.manage'), municipalityId);

function ensureManage(actor: Actor, municipalityId: number, what: string) {
  const scope = requireScope(actor, 'monitoring.manage');
  if (coversMunicipality(scope, municipalityId)) return;
  if (!coversCampaign(actor, municipalityId)) throw notFound(what);
  throw forbidden();
}

const by = (actor: Actor) => ({
  userId: actor.system ? null : actor.userId,
  userName: actor.fullName,
});

/**
 * Reopens a final expert card (→ draft) so the expert can correct a mistake. The reason is
 * required and kept in the school's history and in the audit log.
 */
export async function reopenCard(db: Db, actor: Actor, id: number, reason: string) {
  const r = await findCampaignSchool(db, id);
  if (!r) throw notFound('ОО в мониторинге');
  ensureManage(actor, r.municipalityId, 'ОО в мониторинге');
  const head = await findCampaign(db, r.cs.campaignId);
  if (!head) throw notFound('Мониторинг');
  const refusal = reopenCardRefusal(
    head.campaign.status as CampaignStatus,
    r.cs.cardStatus as CardStatus,
  );
  if (refusal) throw invalid(refusal);
  await updateCampaignSchool(db, id, { cardStatus: 'draft', cardFinalAt: null });
  await insertEvent(db, {
    campaignSchoolId: id,
    ...by(actor),
    action: 'card_reopened',
    comment: reason,
    percent: r.cs.cardPercent,
  });
  await audit(db, actor, {
    action: 'update',
    entity: 'monitoring_expert_card',
    entityId: id,
    municipalityId: r.municipalityId,
    orgId: r.cs.orgId,
    summary: `Экспертная карта «${r.orgName}» открыта заново: ${reason}; мониторинг «${head.campaign.title}»`,
    before: { status: r.cs.cardStatus },
    after: { status: 'draft', reason },
  });
}

/**
 * Reopens a closed campaign (→ active). The reason goes to the history of every school of the
 * campaign and to the audit log.
 */
export async function reopenCampaign(db: Db, actor: Actor, id: number, reason: string) {
  const head = await findCampaign(db, id);
  if (!head) throw notFound('Мониторинг');
  const c = head.campaign;
  ensureManage(actor, c.municipalityId, 'Мониторинг');
  const refusal = reopenCampaignRefusal(c.status as CampaignStatus);
  if (refusal) throw invalid(refusal);
  await updateCampaign(db, id, { status: 'active' });
  for (const s of await listCampaignSchools(db, [id]))
    await insertEvent(db, {
      campaignSchoolId: s.cs.id,
      ...by(actor),
      action: 'campaign_reopened',
      comment: reason,
    });
  await audit(db, actor, {
    action: 'update',
    entity: 'monitoring_campaign',
    entityId: id,
    municipalityId: c.municipalityId,
    orgId: null,
    summary: `Мониторинг «${c.title}» открыт заново: ${reason}`,
    before: { status: c.status },
    after: { status: 'active', reason },
  });
}
