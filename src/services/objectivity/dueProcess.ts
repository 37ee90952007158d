import type { Actor } from '../../core/access/actor';
import { inScope, resolveScope } from '../../core/access/scope';
import { INDICATOR_TITLES } from '../../core/analytics/dossier';
import type { IndicatorId } from '../../core/analytics/indicators/result';
import { invalid, notFound } from '../../core/errors';
import {
  DECISION_LABELS,
  DUE_PROCESS_LABELS,
  dueProcessStatus,
  type Decision,
} from '../../core/objectivity/dueProcess';
import { RISK_LABELS, riskLevel } from '../../core/objectivity/risk';
import { findDocument, insertDocument } from '../../db/repositories/documents';
import {
  findExplanation,
  findListEntry,
  insertDecision,
  insertExplanation,
  latestDoneRuns,
  listDecisions,
  listExplanations,
} from '../../db/repositories/objectivityScreen';
import { findOrgsByIds } from '../../db/repositories/organisations';
import { MAX_DOCUMENT_BYTES } from '../../shared/documents';
import type { DecisionRequest, DueProcessView } from '../../shared/objectivityScreen';
import { audit } from '../audit';
import type { ServiceDeps } from '../deps';
import { requireInScope, requireWritable } from '../guard';
import type { RunStore } from './runStore';

export interface ExplanationFile {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
}

interface StoredEvidence {
  subject: string;
  grade: number;
  /** Absent in runs stored before engine 1.1. */
  className?: string | null;
  indicator: string;
  p: number;
  n: number;
  text: string;
}

/**
 * Due process of a school-year with signs of non-objective results: the school sees its own
 * flag and evidence and explains; district staff decide with a reason. Explanations and
 * decisions are only ever added (the history stays), each step is audited.
 */
export class DueProcessService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly runs: RunStore,
  ) {}

  private async school(actor: Actor, orgId: number) {
    const [org] = await findOrgsByIds(this.deps.database.db, [orgId]);
    if (!org || org.category !== 'school') throw notFound('Организация');
    requireInScope(
      actor,
      'objectivity.read',
      { orgId, municipalityId: org.municipalityId },
      'Организация',
    );
    return org;
  }

  /** The school-year's stored result (newest finished run of the municipality with one). */
  private async result(municipalityId: number, orgId: number, year: number) {
    // Newest run first, as the screen does: the first with a result of that year.
    const runs = (await latestDoneRuns(this.deps.database.db, [municipalityId])).sort(
      (a, b) => b.id - a.id,
    );
    for (const run of runs) {
      const found = (await this.runs.share(run, orgId)).results.find((r) => r.year === year);
      if (found) return found;
    }
    return null;
  }

  async view(actor: Actor, orgId: number, year: number): Promise<DueProcessView> {
    const org = await this.school(actor, orgId);
    const { db } = this.deps.database;
    const result = await this.result(org.municipalityId, orgId, year);
    const explanations = await listExplanations(db, orgId, year);
    const decisions = await listDecisions(db, orgId, year);
    const risk = riskLevel(result);
    const events: DueProcessView['events'] = [];
    for (const e of explanations) {
      const doc = e.documentId ? await findDocument(db, e.documentId) : null;
      events.push({
        kind: 'explanation',
        id: e.id,
        at: e.createdAt.toISOString(),
        authorName: e.authorName,
        authorLogin: e.authorLogin,
        text: e.text,
        decision: null,
        decisionLabel: null,
        file: doc ? { name: doc.doc.fileName, sizeBytes: doc.doc.sizeBytes } : null,
      });
    }
    for (const d of decisions) {
      events.push({
        kind: 'decision',
        id: d.id,
        at: d.createdAt.toISOString(),
        authorName: d.authorName,
        authorLogin: d.authorLogin,
        text: d.reason,
        decision: d.decision,
        decisionLabel: DECISION_LABELS[d.decision],
        file: null,
      });
    }
    events.sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id);
    const lastDecision = decisions.at(-1);
    const status = dueProcessStatus(
      explanations.at(-1)?.createdAt ?? null,
      lastDecision ? { decision: lastDecision.decision, at: lastDecision.createdAt } : null,
    );
    const target = { orgId, municipalityId: org.municipalityId };
    const evidence = ((result?.dossier.evidence ?? []) as StoredEvidence[]).map((e) => ({
      subject: e.subject,
      grade: e.grade,
      className: e.className ?? null,
      indicator: e.indicator,
      title: INDICATOR_TITLES[e.indicator as IndicatorId] ?? e.indicator,
      p: e.p,
      n: e.n,
      text: e.text,
    }));
    return {
      orgId,
      orgName: org.shortName,
      year,
      risk,
      riskLabel: RISK_LABELS[risk],
      summary: result?.dossier.summary ?? null,
      evidence,
      status,
      statusLabel: DUE_PROCESS_LABELS[status],
      events,
      canExplain: inScope(resolveScope(actor, 'objectivity.explain'), target),
      canDecide: inScope(resolveScope(actor, 'objectivity.decide'), target),
    };
  }

  /** A school's explanation (text and an optional file, kept as a document of the school). */
  async explain(
    actor: Actor,
    orgId: number,
    body: { year: number; text: string },
    file: ExplanationFile | null,
  ) {
    const org = await this.school(actor, orgId);
    const target = { orgId, municipalityId: org.municipalityId };
    requireWritable(actor, 'objectivity.read', 'objectivity.explain', target, 'Организация');
    const result = await this.result(org.municipalityId, orgId, body.year);
    const listed = await findListEntry(this.deps.database.db, 'federal', orgId, body.year);
    const risk = riskLevel(result);
    if (risk !== 'high' && risk !== 'elevated' && !listed)
      throw invalid(
        `У ОО нет признаков необъективности за ${body.year} год (ни по анализу, ни по федеральному списку) — пояснение не требуется`,
      );
    if (file && !file.bytes.length) throw invalid(`Файл «${file.fileName}» пуст`);
    if (file && file.bytes.length > MAX_DOCUMENT_BYTES)
      throw invalid(`Файл «${file.fileName}» больше ${MAX_DOCUMENT_BYTES / 1024 / 1024} МБ`);
    const stored = file ? await this.deps.storage.put(file.bytes) : null;
    try {
      return await this.deps.database.transaction(async ({ db }) => {
        let documentId: number | null = null;
        if (file && stored) {
          const doc = await insertDocument(db, {
            municipalityId: org.municipalityId,
            orgId,
            kind: 'other',
            title: `Пояснение к признакам необъективности результатов, ${body.year}`,
            description: null,
            fileName: file.fileName,
            mimeType: file.mimeType,
            sizeBytes: stored.size,
            sha256: stored.sha256,
            storageKey: stored.key,
            uploadedBy: actor.system ? null : actor.userId,
          });
          documentId = doc.id;
          await audit(db, actor, {
            action: 'create',
            entity: 'document',
            entityId: doc.id,
            municipalityId: org.municipalityId,
            orgId,
            summary: `Файл пояснения «${file.fileName}» загружен в «${org.shortName}»`,
            after: { fileName: file.fileName, sha256: stored.sha256 },
          });
        }
        const row = await insertExplanation(db, {
          municipalityId: org.municipalityId,
          orgId,
          year: body.year,
          text: body.text,
          documentId,
          authorId: actor.system ? null : actor.userId,
          authorLogin: actor.login,
          authorName: actor.fullName,
        });
        await audit(db, actor, {
          action: 'create',
          entity: 'objectivity_explanation',
          entityId: row.id,
          municipalityId: org.municipalityId,
          orgId,
          summary: `«${org.shortName}»: пояснение к признакам необъективности за ${body.year} год`,
          after: { year: body.year, text: body.text, documentId },
        });
        return row;
      });
    } catch (error) {
      if (stored) await this.deps.storage.remove(stored.key);
      throw error;
    }
  }

  /** A decision of district staff with its reason; the earlier ones stay in the history. */
  async decide(actor: Actor, orgId: number, body: DecisionRequest) {
    const org = await this.school(actor, orgId);
    requireWritable(
      actor,
      'objectivity.read',
      'objectivity.decide',
      { orgId, municipalityId: org.municipalityId },
      'Организация',
    );
    if (!body.reason.trim()) throw invalid('Укажите основание решения');
    return this.deps.database.transaction(async ({ db }) => {
      const previous = (await listDecisions(db, orgId, body.year)).at(-1) ?? null;
      const row = await insertDecision(db, {
        municipalityId: org.municipalityId,
        orgId,
        year: body.year,
        decision: body.decision,
        reason: body.reason.trim(),
        authorId: actor.system ? null : actor.userId,
        authorLogin: actor.login,
        authorName: actor.fullName,
      });
      await audit(db, actor, {
        action: 'create',
        entity: 'objectivity_decision',
        entityId: row.id,
        municipalityId: org.municipalityId,
        orgId,
        summary: `«${org.shortName}», ${body.year}: решение «${DECISION_LABELS[body.decision as Decision]}» — ${row.reason}`,
        before: previous ? { decision: previous.decision, reason: previous.reason } : null,
        after: { decision: row.decision, reason: row.reason, year: body.year },
      });
      return row;
    });
  }

  /** The file attached to an explanation, for everyone who may read the school's status. */
  async openFile(actor: Actor, explanationId: number) {
    const { db } = this.deps.database;
    const e = await findExplanation(db, explanationId);
    if (!e) throw notFound('Пояснение');
    await this.school(actor, e.orgId);
    const found = e.documentId ? await findDocument(db, e.documentId) : null;
    if (!found) throw notFound('Файл пояснения');
    return { doc: found.doc, stream: await this.deps.storage.open(found.doc.storageKey) };
  }
}
