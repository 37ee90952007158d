import type { Actor } from '../core/access/actor';
import { coversMunicipality } from '../core/access/scope';
import { conflict, forbidden, invalid, notFound } from '../core/errors';
import { categoryOfKind, ORG_KIND_LABELS, type OrgKind } from '../core/registry/organisations';
import type { Db } from '../db/database';
import {
  findOrgByFisLogin,
  findOrgById,
  insertOrg,
  listOrgs,
  updateOrg,
  type OrgRow,
} from '../db/repositories/organisations';
import { findMunicipality } from '../db/repositories/reference';
import { orgScopeWhere } from '../db/repositories/scope';
import { organisations } from '../db/schema';
import type { CreateOrgRequest, OrgListQuery, UpdateOrgRequest } from '../shared/orgs';
import { audit, diff } from './audit';
import type { ServiceDeps } from './deps';
import { requireInScope, requireScope, requireWritable } from './guard';

const AUDITED: readonly (keyof OrgRow)[] = [
  'kind',
  'fisLogin',
  'number',
  'fullName',
  'shortName',
  'address',
  'directorName',
  'phone',
  'email',
  'website',
  'isActive',
];

async function assertFisLoginFree(db: Db, fisLogin: string | null, exceptId?: number) {
  if (!fisLogin) return;
  const other = await findOrgByFisLogin(db, fisLogin);
  if (other && other.id !== exceptId) {
    throw conflict(`Логин ФИС ОКО ${fisLogin} уже принадлежит организации «${other.shortName}»`);
  }
}

function checkKindFields(kind: OrgKind, fisLogin: string | null | undefined) {
  if (categoryOfKind(kind) === 'body' && fisLogin) {
    throw invalid('Логин ФИС ОКО указывается только для образовательных организаций');
  }
}

export class OrganisationService {
  constructor(private readonly deps: ServiceDeps) {}

  async list(actor: Actor, q: OrgListQuery) {
    const scope = requireScope(actor, 'org.read');
    return listOrgs(this.deps.database.db, {
      scope: orgScopeWhere(scope, organisations.id, organisations.municipalityId),
      category: q.category,
      kind: q.kind,
      municipalityId: q.municipalityId,
      q: q.q,
      includeInactive: q.includeInactive === 'true',
      sort: q.sort,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
  }

  async get(actor: Actor, id: number) {
    const row = await findOrgById(this.deps.database.db, id);
    if (!row) throw notFound('Организация');
    requireInScope(
      actor,
      'org.read',
      { orgId: id, municipalityId: row.org.municipalityId },
      'Организация',
    );
    return row;
  }

  async create(actor: Actor, input: CreateOrgRequest) {
    const scope = requireScope(actor, 'org.manage');
    if (!coversMunicipality(scope, input.municipalityId)) throw forbidden();
    checkKindFields(input.kind, input.fisLogin);
    return this.deps.database.transaction(async ({ db }) => {
      if (!(await findMunicipality(db, input.municipalityId)))
        throw invalid('Муниципалитет не найден');
      await assertFisLoginFree(db, input.fisLogin);
      const row = await insertOrg(db, { ...input, category: categoryOfKind(input.kind) });
      await audit(db, actor, {
        action: 'create',
        entity: 'organisation',
        entityId: row.id,
        municipalityId: row.municipalityId,
        orgId: row.id,
        summary: `Создана организация «${row.shortName}» (${ORG_KIND_LABELS[input.kind]})`,
        after: row,
      });
      return row;
    });
  }

  async update(actor: Actor, id: number, input: UpdateOrgRequest) {
    return this.deps.database.transaction(async ({ db }) => {
      const current = await findOrgById(db, id);
      if (!current) throw notFound('Организация');
      const target = { orgId: id, municipalityId: current.org.municipalityId };
      requireWritable(actor, 'org.read', 'org.manage', target, 'Организация');
      const kind = (input.kind ?? current.org.kind) as OrgKind;
      const fisLogin = input.fisLogin === undefined ? current.org.fisLogin : input.fisLogin;
      checkKindFields(kind, fisLogin);
      await assertFisLoginFree(db, fisLogin, id);
      const row = await updateOrg(db, id, { ...input, category: categoryOfKind(kind) });
      const changes = diff(current.org, row, AUDITED);
      if (changes) {
        await audit(db, actor, {
          action: 'update',
          entity: 'organisation',
          entityId: id,
          municipalityId: row.municipalityId,
          orgId: id,
          summary: `Изменена организация «${row.shortName}»`,
          ...changes,
        });
      }
      return row;
    });
  }
}
