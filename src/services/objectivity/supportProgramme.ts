import type { Actor } from '../../core/access/actor';
import { invalid, notFound } from '../../core/errors';
import {
  buildSupportProgramme,
  initialsOf,
  schoolsRef,
  type ProgrammeEvidence,
  type ProgrammeSchool,
} from '../../core/objectivity/supportProgramme';
import { listRunResults } from '../../db/repositories/analysisRuns';
import { latestDoneRun, municipalitySchools } from '../../db/repositories/objectivitySupport';
import { findOrgsByIds } from '../../db/repositories/organisations';
import { bodiesOfMunicipality } from '../../db/repositories/plans';
import type { SupportProgrammeRequest } from '../../shared/objectivitySupport';
import { audit } from '../audit';
import type { ServiceDeps } from '../deps';
import { requireInScope, requireScope } from '../guard';
import { DEFAULT_COLUMNS, type PlanService } from '../plans/plans';

/** Which district body owns the programme: ИМЦ first (seed 001 is an ИМЦ document). */
const OWNER_KINDS = ['imc', 'coko', 'uo'];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The fields of a stored evidence entry the programme uses (others are ignored). */
export function readEvidence(list: readonly unknown[]): ProgrammeEvidence[] {
  const out: ProgrammeEvidence[] = [];
  for (const e of list) {
    if (!isRecord(e)) continue;
    const { subject, grade, indicator, title, n, p, className } = e;
    if (typeof subject !== 'string' || typeof grade !== 'number' || typeof title !== 'string')
      continue;
    out.push({
      subject,
      grade,
      className: typeof className === 'string' ? className : null,
      indicator: typeof indicator === 'string' ? indicator : '',
      title,
      n: typeof n === 'number' ? n : 0,
      p: typeof p === 'number' ? p : 1,
    });
  }
  return out;
}

/**
 * The targeted support programme (issue 6 item 6): district staff choose schools from the risk
 * list and get a plan of the plans module — owned by the district's ИМЦ (or ЦОКО, УО) — in the
 * shape of seed 001 with each school's figures from the municipality's latest finished analysis
 * run. The plan is then tracked, edited and exported like any other.
 */
export class SupportProgrammeService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly plans: PlanService,
  ) {}

  async create(actor: Actor, req: SupportProgrammeRequest) {
    const { db } = this.deps.database;
    requireScope(actor, 'plan.manage');
    const orgs = await findOrgsByIds(db, [...new Set(req.orgIds)]);
    const byId = new Map(orgs.map((o) => [o.id, o]));
    // In the seed's order: «ОО №№ 8, 212, 215» (by number, then by name).
    const ids = [...new Set(req.orgIds)].sort((a, b) => {
      const x = byId.get(a);
      const y = byId.get(b);
      return (
        (Number(x?.number) || Infinity) - (Number(y?.number) || Infinity) ||
        (x?.shortName ?? '').localeCompare(y?.shortName ?? '', 'ru')
      );
    });
    for (const id of ids) {
      const org = byId.get(id);
      if (!org) throw notFound('Организация');
      requireInScope(
        actor,
        'objectivity.read',
        { orgId: id, municipalityId: org.municipalityId },
        'Организация',
      );
      if (org.category !== 'school')
        throw invalid(`«${org.shortName}» — не образовательная организация: выберите школы`);
    }
    const municipalityId = orgs[0]!.municipalityId;
    if (orgs.some((o) => o.municipalityId !== municipalityId))
      throw invalid('Программа составляется для школ одного района: выберите школы одного района');

    const bodies = await bodiesOfMunicipality(db, municipalityId);
    const owner = OWNER_KINDS.map((k) => bodies.find((b) => b.kind === k)).find(Boolean);
    if (!owner)
      throw invalid(
        'В районе нет ИМЦ, ЦОКО или органа управления образованием, который ведёт программу: добавьте его в реестр',
      );

    const run = await latestDoneRun(db, municipalityId);
    const results = run
      ? (await listRunResults(db, run.id, null)).filter((r) => r.result.year === req.year)
      : [];
    const resultOf = new Map(results.map((r) => [r.result.orgId, r.result]));
    const schools: ProgrammeSchool[] = ids.map((id) => {
      const org = byId.get(id)!;
      const r = resultOf.get(id);
      return {
        orgId: id,
        number: org.number,
        shortName: org.shortName,
        result: r
          ? {
              flagged: r.flagged,
              supportList: r.supportList,
              yearsInRow: r.yearsInRow,
              evidence: readEvidence(r.dossier.evidence),
            }
          : null,
      };
    });
    const candidates = (await municipalitySchools(db, municipalityId)).map((s) => {
      const r = resultOf.get(s.id);
      return {
        orgId: s.id,
        number: s.number,
        shortName: s.shortName,
        flagged: !!(r?.flagged || r?.supportList),
      };
    });
    const startYear = req.startYear ?? req.year;
    const responsible = req.responsible ?? (actor.system ? null : initialsOf(actor.fullName));
    const programme = buildSupportProgramme({
      schools,
      candidates,
      resultsYear: req.year,
      startYear,
      runId: run?.id ?? null,
      responsible,
    });
    const observers = Object.fromEntries(
      [...programme.observers].map(([orgId, list]) => [orgId, list.map((c) => c.orgId)]),
    );
    const planId = await this.plans.createDraft(
      actor,
      {
        orgId: owner.id,
        level: 'district',
        title: req.title ?? programme.title,
        period: { start: `${startYear}-09-01`, end: `${startYear + 1}-08-31` },
        approval: null,
        place: null,
        goals: programme.goals,
        columns: [...DEFAULT_COLUMNS, { key: 'participants', title: 'Участники' }],
        objectives: [],
        sections: programme.sections,
        activities: programme.activities,
      },
      'create',
      async (tx, id) => {
        await audit(tx, actor, {
          action: 'generate',
          entity: 'plan',
          entityId: id,
          municipalityId,
          orgId: owner.id,
          summary: `Сформирована программа адресного сопровождения ${schoolsRef(schools)} по результатам ВПР ${req.year}${run ? ` (запуск анализа № ${run.id})` : ' (запусков анализа нет)'}`,
          after: { orgIds: ids, year: req.year, startYear, runId: run?.id ?? null, observers },
        });
      },
    );
    return {
      planId,
      runId: run?.id ?? null,
      schools: ids.length,
      activities: programme.activities.length,
    };
  }
}
