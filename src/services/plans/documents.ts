import type { Actor } from '../../core/access/actor';
import { invalid } from '../../core/errors';
import { shiftYears } from '../../core/plans/copy';
import { isoToday } from '../../core/plans/status';
import { PLAN_COLUMNS, type ColumnMapping, type PlanColumn } from '../../core/plans/table';
import type { PlanColumnDef } from '../../db/schema/plans';
import { importPlanFile, type PlanImport } from '../../importers/plans';
import { renderPlanDocx } from '../../reports/plans/planDocx';
import { renderPlanXlsx } from '../../reports/plans/planXlsx';
import { columnMapping, type CopyPlanRequest, type ImportPlanFields } from '../../shared/plans';
import type { ServiceDeps } from '../deps';
import type { UploadedFile } from '../documents';
import { loadPlan } from './access';
import { loadBundle } from './bundle';
import { planDocOf } from './planDoc';
import { DEFAULT_COLUMNS, type PlanDraft, type PlanService } from './plans';

const safeName = (title: string) =>
  title
    .replace(/[\\/:*?"<>|«»]/g, '')
    .slice(0, 80)
    .trim();

function parseMapping(json: string | undefined): ColumnMapping | undefined {
  if (!json) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw invalid('Соответствие колонок: неверный JSON');
  }
  const parsed = columnMapping.safeParse(raw);
  if (!parsed.success) throw invalid('Соответствие колонок: номера колонок от 0 до 30');
  if (parsed.data.text === undefined) throw invalid('Укажите колонку с текстом мероприятия');
  return parsed.data;
}

/** The plan's columns as the source titled them, in the source's order. */
function columnsOf(imp: PlanImport): PlanColumnDef[] {
  const header = imp.sample.find((row) => row.some((c) => c.trim())) ?? [];
  const entries = (Object.entries(imp.mapping) as [PlanColumn, number][])
    .filter(([key]) => PLAN_COLUMNS.includes(key))
    .sort((a, b) => a[1] - b[1]);
  const cols = entries.map(([key, index]) => ({
    key,
    title: header[index]?.replace(/\s+/g, ' ').trim() || key,
  }));
  return cols.some((c) => c.key === 'text') ? cols : DEFAULT_COLUMNS;
}

export class PlanDocumentService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly plans: PlanService,
  ) {}

  private today() {
    return isoToday(this.deps.now());
  }

  async exportDocx(actor: Actor, planId: number) {
    const { db } = this.deps.database;
    const b = await loadBundle(db, actor, await loadPlan(db, actor, planId), this.today());
    return {
      fileName: `${safeName(b.plan.title)}.docx`,
      bytes: await renderPlanDocx(await planDocOf(db, b, false)),
    };
  }

  async exportXlsx(actor: Actor, planId: number) {
    const { db } = this.deps.database;
    const b = await loadBundle(db, actor, await loadPlan(db, actor, planId), this.today());
    return {
      fileName: `${safeName(b.plan.title)}.xlsx`,
      bytes: await renderPlanXlsx(await planDocOf(db, b, false), b.today),
    };
  }

  /**
   * What an import would create, with the detected (or given) column mapping. Changes and
   * reveals nothing (it only reads the uploaded file), so any signed-in user may call it.
   */
  async preview(file: UploadedFile, mappingJson?: string) {
    const imp = await importPlanFile(file.bytes, file.fileName, parseMapping(mappingJson));
    return { fileName: file.fileName, imp };
  }

  /** Creates a plan from a DOCX or XLSX table, all or nothing. */
  async import(actor: Actor, fields: ImportPlanFields, file: UploadedFile): Promise<number> {
    const imp = await importPlanFile(file.bytes, file.fileName, parseMapping(fields.mapping));
    const title = fields.title || imp.header.title;
    if (!title) throw invalid(`Файл «${file.fileName}»: название плана не найдено, укажите его`);
    const start = fields.periodStart ?? imp.header.period?.start;
    const end = fields.periodEnd ?? imp.header.period?.end;
    if (!start || !end) {
      throw invalid(`Файл «${file.fileName}»: период плана не найден в названии, укажите его`);
    }
    const draft: PlanDraft = {
      orgId: fields.orgId,
      level: fields.level,
      title,
      period: { start, end },
      approval: imp.header.approval,
      place: null,
      goals: imp.header.goals,
      columns: columnsOf(imp),
      objectives: imp.structure.tasks,
      sections: imp.structure.sections,
      activities: imp.structure.activities,
    };
    return this.plans.createDraft(actor, draft, 'import');
  }

  /** A new year's plan from last year's: same structure, years moved, statuses reset. */
  async copy(actor: Actor, planId: number, input: CopyPlanRequest): Promise<number> {
    const { db } = this.deps.database;
    const b = await loadBundle(db, actor, await loadPlan(db, actor, planId), this.today());
    const shift = Number(input.periodStart.slice(0, 4)) - Number(b.plan.periodStart.slice(0, 4));
    const from = Number(b.plan.periodStart.slice(0, 4));
    const to = Number(b.plan.periodEnd.slice(0, 4));
    const move = (s: string) => shiftYears(s, shift, from, to);
    const sectionIndex = new Map(b.sections.map((s, i) => [s.id, i]));
    const objectiveIndex = new Map(b.objectives.map((o, i) => [o.id, i]));
    const activityIndex = new Map(b.activities.map((a, i) => [a.id, i]));
    return this.plans.createDraft(
      actor,
      {
        orgId: b.plan.orgId,
        level: b.plan.level,
        title: input.title ?? move(b.plan.title),
        period: { start: input.periodStart, end: input.periodEnd },
        approval:
          b.plan.approvalPosition || b.plan.approvalName
            ? {
                position: b.plan.approvalPosition ?? '',
                name: b.plan.approvalName ?? '',
                orderNumber: null,
                orderDate: null,
              }
            : null,
        place: b.plan.place,
        goals: b.plan.goals.map(move),
        columns: b.plan.columns as PlanColumnDef[],
        objectives: b.objectives.map((o) => move(o.text)),
        sections: b.sections.map((s) => ({ number: s.number, title: move(s.title) })),
        activities: b.activities.map((a) => ({
          number: a.number,
          text: move(a.text),
          deadline: move(a.deadlineText),
          result: move(a.result),
          executors: a.executorsText,
          participants: a.participants,
          sectionIndex: a.sectionId === null ? null : (sectionIndex.get(a.sectionId) ?? null),
          taskIndex: a.objectiveId === null ? null : (objectiveIndex.get(a.objectiveId) ?? null),
          parentIndex: a.parentId === null ? null : (activityIndex.get(a.parentId) ?? null),
        })),
        sourcePlanId: b.plan.id,
      },
      'copy',
    );
  }
}
