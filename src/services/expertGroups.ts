import type { Actor } from '../core/access/actor';
import { coversMunicipality, type OrgScope } from '../core/access/scope';
import { forbidden, invalid, notFound } from '../core/errors';
import type { Db } from '../db/database';
import {
  expertGroupScope,
  findExpertGroup,
  insertExpertGroup,
  listExpertCandidates,
  listExpertGroups,
  replaceMembers,
  replaceSchools,
  updateExpertGroup,
  type ExpertGroupRecord,
} from '../db/repositories/expertGroups';
import { findOrgsByIds } from '../db/repositories/organisations';
import { loadAssignments, findUserById } from '../db/repositories/users';
import type { CreateExpertGroupRequest, UpdateExpertGroupRequest } from '../shared/expertGroups';
import { audit } from './audit';
import type { ServiceDeps } from './deps';
import { requireScope } from './guard';

const summaryOf = (g: ExpertGroupRecord) => ({
  name: g.group.name,
  isActive: g.group.isActive,
  members: g.members.map((m) => m.login),
  schools: g.schools.map((s) => s.shortName),
});

/** A group is visible district-wide, or to its own members (experts). */
function visible(actor: Actor, scope: OrgScope, g: ExpertGroupRecord): boolean {
  return (
    coversMunicipality(scope, g.group.municipalityId) ||
    (scope.granted && actor.expertGroupIds.includes(g.group.id))
  );
}

export class ExpertGroupService {
  constructor(private readonly deps: ServiceDeps) {}

  async list(actor: Actor) {
    const scope = requireScope(actor, 'expertGroup.read');
    return listExpertGroups(
      this.deps.database.db,
      expertGroupScope(scope.municipalityIds, actor.expertGroupIds, scope.any),
    );
  }

  async get(actor: Actor, id: number) {
    const scope = requireScope(actor, 'expertGroup.read');
    const record = await findExpertGroup(this.deps.database.db, id);
    if (!record || !visible(actor, scope, record)) throw notFound('Экспертная группа');
    return record;
  }

  /** Experts of a municipality who may be added to its groups. */
  async candidates(actor: Actor, municipalityId: number) {
    const scope = requireScope(actor, 'expertGroup.manage');
    if (!coversMunicipality(scope, municipalityId)) throw notFound('Муниципалитет');
    return listExpertCandidates(this.deps.database.db, municipalityId);
  }

  async create(actor: Actor, input: CreateExpertGroupRequest) {
    const scope = requireScope(actor, 'expertGroup.manage');
    if (!coversMunicipality(scope, input.municipalityId)) throw forbidden();
    const id = await this.deps.database.transaction(async ({ db }) => {
      await this.checkMembers(
        db,
        input.municipalityId,
        input.members.map((m) => m.userId),
      );
      await this.checkSchools(db, input.municipalityId, input.schoolOrgIds);
      const group = await insertExpertGroup(db, {
        municipalityId: input.municipalityId,
        name: input.name,
        subjectId: input.subjectId ?? null,
        description: input.description,
        isActive: input.isActive,
      });
      await replaceMembers(db, group.id, dedupeMembers(input.members));
      await replaceSchools(db, group.id, [...new Set(input.schoolOrgIds)]);
      const record = await findExpertGroup(db, group.id);
      if (!record) throw notFound('Экспертная группа');
      await audit(db, actor, {
        action: 'create',
        entity: 'expert_group',
        entityId: group.id,
        municipalityId: group.municipalityId,
        orgId: null,
        summary: `Создана экспертная группа «${group.name}»`,
        after: summaryOf(record),
      });
      return group.id;
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: number, input: UpdateExpertGroupRequest) {
    const scope = requireScope(actor, 'expertGroup.manage');
    await this.deps.database.transaction(async ({ db }) => {
      const current = await findExpertGroup(db, id);
      const readScope = requireScope(actor, 'expertGroup.read');
      if (!current || !visible(actor, readScope, current)) throw notFound('Экспертная группа');
      const municipalityId = current.group.municipalityId;
      if (!coversMunicipality(scope, municipalityId)) throw forbidden();
      await updateExpertGroup(db, id, {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.subjectId !== undefined ? { subjectId: input.subjectId ?? null } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.isActive !== undefined ? { isActive: input.isActive } : {}),
      });
      if (input.members) {
        await this.checkMembers(
          db,
          municipalityId,
          input.members.map((m) => m.userId),
        );
        await replaceMembers(db, id, dedupeMembers(input.members));
      }
      if (input.schoolOrgIds) {
        await this.checkSchools(db, municipalityId, input.schoolOrgIds);
        await replaceSchools(db, id, [...new Set(input.schoolOrgIds)]);
      }
      const after = await findExpertGroup(db, id);
      if (!after) throw notFound('Экспертная группа');
      await audit(db, actor, {
        action: 'update',
        entity: 'expert_group',
        entityId: id,
        municipalityId,
        orgId: null,
        summary: `Изменена экспертная группа «${after.group.name}»`,
        before: summaryOf(current),
        after: summaryOf(after),
      });
    });
    return this.get(actor, id);
  }

  /** Members must be users of the municipality who hold the expert role there. */
  private async checkMembers(db: Db, municipalityId: number, userIds: number[]) {
    const assignments = await loadAssignments(db, userIds);
    for (const userId of new Set(userIds)) {
      const user = await findUserById(db, userId);
      if (!user || user.municipalityId !== municipalityId) {
        throw invalid('Участник группы не найден среди пользователей муниципалитета');
      }
      const isExpert = assignments.some(
        (a) => a.userId === userId && a.role === 'expert' && a.municipalityId === municipalityId,
      );
      if (!isExpert) {
        throw invalid(`У пользователя ${user.fullName} нет роли «Эксперт» в этом муниципалитете`);
      }
    }
  }

  private async checkSchools(db: Db, municipalityId: number, orgIds: number[]) {
    const ids = [...new Set(orgIds)];
    const orgs = await findOrgsByIds(db, ids);
    if (orgs.length !== ids.length) throw invalid('Организация не найдена');
    for (const org of orgs) {
      if (org.municipalityId !== municipalityId || org.category !== 'school') {
        throw invalid(`«${org.shortName}» не является школой этого муниципалитета`);
      }
    }
  }
}

function dedupeMembers(members: { userId: number; isLeader: boolean }[]) {
  const byId = new Map<number, boolean>();
  for (const m of members) byId.set(m.userId, (byId.get(m.userId) ?? false) || m.isLeader);
  return [...byId].map(([userId, isLeader]) => ({ userId, isLeader }));
}
