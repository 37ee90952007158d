import type { Actor } from '../../core/access/actor';
import { notFound } from '../../core/errors';
import {
  compareGroups,
  correlationWords,
  INTERNAL_KIND_LABELS,
  pairExternalInternal,
} from '../../core/objectivity/externalInternal';
import { PROCEDURE_LABELS, type Procedure } from '../../core/results/types';
import {
  listAttestationMarks,
  listLinkedExternalWorks,
  listLinkedYears,
} from '../../db/repositories/objectivitySupport';
import { findOrgsByIds } from '../../db/repositories/organisations';
import type { CompareView } from '../../shared/objectivitySupport';
import type { ServiceDeps } from '../deps';
import { requireInScope } from '../guard';

/**
 * External vs internal results of the same students for one school (issue 6 item 4, seed 001
 * item 3.2): ВПР / ОГЭ / ЕГЭ marks against промежуточная and итоговая аттестация marks, joined
 * through the school's code lists (participant code → pseudonymous student). Read-only.
 */
export class ExternalInternalService {
  constructor(private readonly deps: ServiceDeps) {}

  async compare(actor: Actor, orgId: number, year?: number): Promise<CompareView> {
    const { db } = this.deps.database;
    const [org] = await findOrgsByIds(db, [orgId]);
    if (!org) throw notFound('Организация');
    requireInScope(
      actor,
      'objectivity.read',
      { orgId, municipalityId: org.municipalityId },
      'Организация',
    );
    const years = await listLinkedYears(db, orgId);
    const shown = year ?? years[0] ?? null;
    // Works without a link to a student cannot be compared: a year without links has none.
    const works =
      shown === null || !years.includes(shown)
        ? []
        : await listLinkedExternalWorks(db, orgId, shown);
    const schoolYears = [...new Set(works.map((w) => w.year - 1))];
    const marks = await listAttestationMarks(db, orgId, schoolYears);
    const rows = pairExternalInternal(works, marks);
    const groups = compareGroups(rows).map((g) => ({
      procedure: g.procedure,
      procedureLabel: PROCEDURE_LABELS[g.procedure as Procedure] ?? g.procedure,
      year: g.year,
      subject: g.subject,
      grade: g.grade,
      kind: g.kind,
      kindLabel: INTERNAL_KIND_LABELS[g.kind],
      ...g.result,
      correlationText: correlationWords(g.result.spearman),
    }));
    return { orgId, orgName: org.shortName, year: shown, years, groups };
  }
}
