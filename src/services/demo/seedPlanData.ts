import type { Approval } from '../../core/plans/header';
import type { ActivityDraft, PlanColumn, SectionDraft } from '../../core/plans/table';
import { PLAN_COLUMNS } from '../../core/plans/table';
import type { PlanImport } from '../../importers/plans';

/** One seed plan as transcribed for the demo (seedPlans.json, made by scripts/seedPlansJson.ts). */
export interface SeedPlanData {
  id: string;
  title: string;
  approval: Approval | null;
  goals: string[];
  columns: { key: PlanColumn; title: string }[];
  objectives: string[];
  sections: SectionDraft[];
  activities: ActivityDraft[];
}

export function seedPlanOf(id: string, imp: PlanImport): SeedPlanData {
  const header = imp.sample.find((row) => row.some((c) => c.trim())) ?? [];
  const columns = (Object.entries(imp.mapping) as [PlanColumn, number][])
    .filter(([key]) => PLAN_COLUMNS.includes(key))
    .sort((a, b) => a[1] - b[1])
    .map(([key, index]) => ({ key, title: (header[index] ?? key).replace(/\s+/g, ' ').trim() }));
  return {
    id,
    title: imp.header.title ?? '',
    approval: imp.header.approval,
    goals: imp.header.goals,
    columns,
    objectives: imp.structure.tasks,
    sections: imp.structure.sections,
    activities: imp.structure.activities,
  };
}
