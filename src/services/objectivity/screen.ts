import type { Actor } from '../../core/access/actor';
import type { OrgScope } from '../../core/access/scope';
import type { Decision } from '../../core/objectivity/dueProcess';

import {
  buildScreenRows,
  type RawScreenRow,
  type ScreenRowOut,
} from '../../core/objectivity/screen';
import { findOrgsByIds } from '../../db/repositories/organisations';
import { latestDoneRuns, listScreenRows } from '../../db/repositories/objectivityScreen';
import { orgScopeWhere } from '../../db/repositories/scope';
import { organisations } from '../../db/schema';
import { renderXlsx, type Sheet } from '../../reports/xlsx/table';
import type { ScreenQuery, ScreenView } from '../../shared/objectivityScreen';
import type { ServiceDeps } from '../deps';
import { requireInScope, requireScope } from '../guard';
import { notFound } from '../../core/errors';
import type { RunStore } from './runStore';

const PROCEDURE_LABELS: Record<string, string> = { vpr: 'ВПР', oge: 'ОГЭ', ege: 'ЕГЭ' };
export const procedureLabel = (p: string) => PROCEDURE_LABELS[p] ?? p;

/** Municipalities the caller reaches, whole or through some of their schools. */
export async function visibleMunicipalities(
  deps: ServiceDeps,
  scope: OrgScope,
): Promise<number[] | 'any'> {
  if (scope.any) return 'any';
  const orgs = await findOrgsByIds(deps.database.db, scope.orgIds);
  return [...new Set([...scope.municipalityIds, ...orgs.map((o) => o.municipalityId)])];
}

/**
 * The district screen «Объективность результатов»: every school in the caller's reach with its
 * stored result of the latest finished run (no recomputation): two indexed queries, the run's
 * results from the run store.
 */
export class ObjectivityScreenService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly runs: RunStore,
  ) {}

  async screen(actor: Actor, q: ScreenQuery): Promise<ScreenView> {
    const scope = requireScope(actor, 'objectivity.read');
    const { db } = this.deps.database;
    if (q.orgId !== undefined) {
      const [org] = await findOrgsByIds(db, [q.orgId]);
      if (!org) throw notFound('Организация');
      requireInScope(
        actor,
        'objectivity.read',
        { orgId: org.id, municipalityId: org.municipalityId },
        'Организация',
      );
    }
    const runs = await latestDoneRuns(db, await visibleMunicipalities(this.deps, scope));
    const procedures = [...new Set(runs.map((r) => r.procedure))].sort();
    const procedure =
      q.procedure ?? (procedures.includes('vpr') ? 'vpr' : (procedures[0] ?? 'vpr'));
    const chosen = runs.filter((r) => r.procedure === procedure);
    const years = [...new Set(chosen.flatMap((r) => r.years))].sort((a, b) => b - a);
    // Without any finished run the schools are still listed («нет данных») for this year.
    const year = q.year ?? years[0] ?? this.deps.now().getUTCFullYear();
    const [stored, ...results] = await Promise.all([
      listScreenRows(
        db,
        orgScopeWhere(scope, organisations.id, organisations.municipalityId),
        year,
      ),
      // Newest run first: a school belongs to one municipality, so to at most one of them.
      ...[...chosen].sort((a, b) => b.id - a.id).map((run) => this.runs.screen(run, year)),
    ]);
    const resultOf = (orgId: number) => {
      for (const byOrg of results) {
        const found = byOrg.get(orgId);
        if (found) return found;
      }
      return null;
    };
    const raw: RawScreenRow[] = stored
      .filter((r) => q.orgId === undefined || r.orgId === q.orgId)
      .map((r) => ({
        orgId: r.orgId,
        name: r.name,
        login: r.login,
        result: resultOf(r.orgId),
        federal: r.federal,
        shnor: r.shnor,
        lastExplanationAt: r.lastExplanationAt ? new Date(r.lastExplanationAt) : null,
        lastDecision: r.lastDecision
          ? { decision: r.lastDecision.decision as Decision, at: new Date(r.lastDecision.at) }
          : null,
      }));
    const subjects = new Set<string>();
    const grades = new Set<number>();
    for (const r of raw)
      for (const u of r.result?.units ?? r.result?.evidence ?? []) {
        subjects.add(u.subject);
        grades.add(u.grade);
      }
    const rows = buildScreenRows(raw, {
      subject: q.subject,
      grade: q.grade,
      search: q.search,
      sort: q.sort,
      desc: q.desc === 'true',
    });
    const count = (level: ScreenRowOut['risk']) => rows.filter((r) => r.risk === level).length;
    return {
      year,
      procedure,
      years,
      procedures,
      subjects: [...subjects].sort((a, b) => a.localeCompare(b, 'ru')),
      grades: [...grades].sort((a, b) => a - b),
      runIds: chosen.map((r) => r.id),
      q: chosen[0]?.q ?? null,
      supportQ: chosen[0]?.supportQ ?? null,
      rows,
      totals: {
        schools: rows.length,
        high: count('high'),
        elevated: count('elevated'),
        none: count('none'),
        nodata: count('nodata'),
        federal: rows.filter((r) => r.federal && r.federal.total > 0).length,
        shnor: rows.filter((r) => r.shnor).length,
      },
    };
  }

  /** Exactly the rows and columns of the screen with the same filters, as XLSX. */
  async xlsx(actor: Actor, q: ScreenQuery): Promise<{ fileName: string; bytes: Buffer }> {
    const view = await this.screen(actor, q);
    const filters = [
      `процедура: ${procedureLabel(view.procedure)}`,
      `год: ${view.year ?? '—'}`,
      q.subject ? `предмет: ${q.subject}` : null,
      q.grade ? `класс: ${q.grade}` : null,
      q.search ? `поиск: «${q.search}»` : null,
    ].filter((x): x is string => x !== null);
    const sheet: Sheet<ScreenRowOut> = {
      name: 'Объективность',
      title: [
        'Объективность результатов',
        `Отбор — ${filters.join(', ')}. Выгружено ${this.deps.now().toISOString().slice(0, 10)}.`,
        `Уровень риска: высокий — признаки после поправки Бенджамини–Хохберга (q ≤ ${view.q ?? 0.05}); повышенный — список поддержки (q ≤ ${view.supportQ ?? 0.1}).`,
      ],
      columns: [
        { header: 'ОО', width: 36, value: (r) => r.name },
        { header: 'Логин', width: 14, value: (r) => r.login },
        { header: 'Уровень риска', width: 16, value: (r) => r.riskLabel },
        {
          header: 'Показатели',
          width: 60,
          value: (r) => r.indicators.map((i) => i.title).join('; '),
        },
        {
          header: 'Подробности',
          width: 80,
          value: (r) =>
            r.indicators.flatMap((i) => i.details.map((d) => `${i.title}: ${d}`)).join('\n'),
        },
        { header: 'Работ (n)', value: (r) => r.n },
        { header: 'Лет подряд', value: (r) => r.yearsInRow || null },
        { header: 'q', value: (r) => (r.q === null ? null : Number(r.q.toPrecision(3))) },
        { header: 'Федеральный список: 4 РУ', value: (r) => r.federal?.r4 ?? null },
        { header: '4 МА', value: (r) => r.federal?.m4 ?? null },
        { header: '5 РУ', value: (r) => r.federal?.r5 ?? null },
        { header: '5 МА', value: (r) => r.federal?.m5 ?? null },
        { header: 'Маркеров всего', value: (r) => r.federal?.total ?? null },
        { header: 'ШНОР', value: (r) => (r.shnor ? (r.shnor.note ?? 'да') : null) },
        { header: 'Рассмотрение', width: 28, value: (r) => r.dueStatusLabel },
      ],
      rows: view.rows,
    };
    return {
      fileName: `objectivity-${view.procedure}-${view.year ?? 'all'}.xlsx`,
      bytes: await renderXlsx([sheet as Sheet<unknown>]),
    };
  }
}
