import type { Actor } from '../../core/access/actor';
import { coversMunicipality, inScope, resolveScope } from '../../core/access/scope';
import type { CampaignSchoolRecord } from '../../db/repositories/monitoring';

const target = (r: CampaignSchoolRecord) => ({
  orgId: r.cs.orgId,
  municipalityId: r.municipalityId,
});

/** Whether the actor may read a campaign school (own school, supervised school, district). */
export const canReadSchool = (actor: Actor, r: CampaignSchoolRecord) =>
  inScope(resolveScope(actor, 'monitoring.read'), target(r));

/** A school administrator fills the self-report of their own school. */
export const canRespond = (actor: Actor, r: CampaignSchoolRecord) =>
  inScope(resolveScope(actor, 'monitoring.respond'), target(r));

/**
 * An expert fills the card of a school their group was assigned to in this campaign, never of the
 * school where they work (resolveScope leaves the workplace out).
 */
export const canAssess = (actor: Actor, r: CampaignSchoolRecord) =>
  inScope(resolveScope(actor, 'monitoring.assess'), target(r)) &&
  (actor.system === true || actor.expertGroupIds.includes(r.cs.expertGroupId));

export const coversCampaign = (actor: Actor, municipalityId: number) =>
  coversMunicipality(resolveScope(actor, 'monitoring.read'), municipalityId);
