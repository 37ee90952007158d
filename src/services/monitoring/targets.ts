import { invalid } from '../../core/errors';
import type { Db } from '../../db/database';
import { expertGroupScope, listExpertGroups } from '../../db/repositories/expertGroups';
import { findOrgsByIds } from '../../db/repositories/organisations';
import type { CreateCampaignRequest } from '../../shared/monitoring';

/** Each target school with the expert group supervising it; the group needs an outside expert. */
export async function resolveTargets(db: Db, input: CreateCampaignRequest) {
  const orgIds = [...new Set(input.schools.map((s) => s.orgId))];
  if (orgIds.length !== input.schools.length) throw invalid('ОО указана дважды');
  const orgs = await findOrgsByIds(db, orgIds);
  const groups = (
    await listExpertGroups(db, expertGroupScope([input.municipalityId], [], false))
  ).filter((g) => g.group.isActive);
  return input.schools.map((s) => {
    const org = orgs.find((o) => o.id === s.orgId);
    if (!org || org.municipalityId !== input.municipalityId || org.category !== 'school')
      throw invalid('ОО не найдена среди школ муниципалитета');
    const supervising = groups.filter((g) => g.schools.some((x) => x.orgId === org.id));
    const group = s.expertGroupId
      ? supervising.find((g) => g.group.id === s.expertGroupId)
      : supervising.find((g) => g.members.some((m) => m.workplaceOrgId !== org.id));
    if (!group) {
      throw invalid(
        s.expertGroupId
          ? `Выбранная экспертная группа не курирует «${org.shortName}»`
          : `«${org.shortName}» не курирует ни одна действующая экспертная группа`,
      );
    }
    if (!group.members.some((m) => m.workplaceOrgId !== org.id)) {
      throw invalid(
        `В группе «${group.group.name}» нет эксперта из другой ОО: эксперт не оценивает свою школу («${org.shortName}»)`,
      );
    }
    return { orgId: org.id, groupId: group.group.id };
  });
}
