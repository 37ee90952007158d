import type { Actor } from '../../core/access/actor';
import { coversMunicipality } from '../../core/access/scope';
import { conflict, invalid, notFound } from '../../core/errors';
import { BUILTIN_TEMPLATES } from '../../core/monitoring/builtins';
import {
  TEMPLATE_PURPOSE_LABELS,
  validateDefinition,
  type TemplateDefinition,
} from '../../core/monitoring/template';
import type { Db } from '../../db/database';
import {
  findTemplate,
  findTemplateByCode,
  insertTemplate,
  insertVersion,
  listTemplates,
  listVersions,
  type TemplateRow,
} from '../../db/repositories/monitoring';
import type { CreateTemplateRequest, NewVersionRequest } from '../../shared/monitoring';
import { audit } from '../audit';
import type { ServiceDeps } from '../deps';
import { requireScope } from '../guard';

function checkDefinition(def: TemplateDefinition) {
  const errors = validateDefinition(def);
  if (errors.length) throw invalid(`Шаблон не сохранён: ${errors.join('; ')}`, { errors });
}

export class MonitoringTemplateService {
  constructor(private readonly deps: ServiceDeps) {}

  /** District staff of the municipality manage its templates; others get 404 / 403. */
  private guard(actor: Actor, municipalityId: number) {
    const scope = requireScope(actor, 'monitoring.manage');
    if (!coversMunicipality(scope, municipalityId)) throw notFound('Шаблон');
  }

  private async withVersions(db: Db, templates: TemplateRow[]) {
    const versions = await listVersions(
      db,
      templates.map((t) => t.id),
    );
    return templates.map((t) => {
      const own = versions.filter((v) => v.version.templateId === t.id);
      const latest = own[0];
      if (!latest) throw new Error(`template ${t.id} has no version`);
      return { template: t, versions: own, latest: latest.version };
    });
  }

  async list(actor: Actor, municipalityId: number) {
    this.guard(actor, municipalityId);
    const { db } = this.deps.database;
    return this.withVersions(db, await listTemplates(db, municipalityId));
  }

  async get(actor: Actor, id: number) {
    const { db } = this.deps.database;
    const t = await findTemplate(db, id);
    if (!t) throw notFound('Шаблон');
    this.guard(actor, t.municipalityId);
    const [record] = await this.withVersions(db, [t]);
    if (!record) throw notFound('Шаблон');
    return record;
  }

  async create(actor: Actor, input: CreateTemplateRequest) {
    this.guard(actor, input.municipalityId);
    checkDefinition(input.definition);
    const id = await this.deps.database.transaction(async ({ db }) => {
      if (await findTemplateByCode(db, input.municipalityId, input.code))
        throw conflict(`Шаблон с кодом «${input.code}» уже есть`);
      return this.insert(db, actor, { ...input, description: input.description ?? null });
    });
    return this.get(actor, id);
  }

  private async insert(
    db: Db,
    actor: Actor,
    input: Omit<CreateTemplateRequest, 'description'> & { description: string | null },
  ) {
    const t = await insertTemplate(db, {
      municipalityId: input.municipalityId,
      code: input.code,
      title: input.title,
      purpose: input.purpose,
      description: input.description,
    });
    const v = await insertVersion(db, {
      templateId: t.id,
      version: 1,
      definition: input.definition,
      note: 'Первая версия',
      createdBy: actor.system ? null : actor.userId,
    });
    await audit(db, actor, {
      action: 'create',
      entity: 'monitoring_template',
      entityId: t.id,
      municipalityId: t.municipalityId,
      orgId: null,
      summary: `Создан шаблон «${t.title}» (${TEMPLATE_PURPOSE_LABELS[input.purpose]}), версия 1`,
      after: { code: t.code, versionId: v.id, definition: input.definition },
    });
    return t.id;
  }

  /** An edit makes a new version; campaigns keep the version they were started with. */
  async addVersion(actor: Actor, id: number, input: NewVersionRequest) {
    const { db: readDb } = this.deps.database;
    const t = await findTemplate(readDb, id);
    if (!t) throw notFound('Шаблон');
    this.guard(actor, t.municipalityId);
    checkDefinition(input.definition);
    await this.deps.database.transaction(async ({ db }) => {
      const [current] = await this.withVersions(db, [t]);
      if (!current) throw notFound('Шаблон');
      const version = current.latest.version + 1;
      const v = await insertVersion(db, {
        templateId: t.id,
        version,
        definition: input.definition,
        note: input.note ?? null,
        createdBy: actor.system ? null : actor.userId,
      });
      await audit(db, actor, {
        action: 'update',
        entity: 'monitoring_template',
        entityId: t.id,
        municipalityId: t.municipalityId,
        orgId: null,
        summary: `Шаблон «${t.title}»: новая версия ${version}${input.note ? ` (${input.note})` : ''}`,
        before: { version: current.latest.version, definition: current.latest.definition },
        after: { version, versionId: v.id, definition: input.definition },
      });
    });
    return this.get(actor, id);
  }

  /** Adds the shipped templates missing in a municipality (used by the demo and the CLI). */
  async installBuiltins(actor: Actor, municipalityId: number): Promise<number> {
    this.guard(actor, municipalityId);
    return this.deps.database.transaction(async ({ db }) => {
      let added = 0;
      for (const b of BUILTIN_TEMPLATES) {
        if (await findTemplateByCode(db, municipalityId, b.code)) continue;
        await this.insert(db, actor, {
          municipalityId,
          code: b.code,
          title: b.title,
          purpose: b.purpose,
          description: b.description,
          definition: b.definition,
        });
        added++;
      }
      return added;
    });
  }
}
