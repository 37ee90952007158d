import { PROCEDURE_KIND_LABELS, RULE_LABELS } from '../../core/schedules/model';
import type { ScheduleResult } from '../../services/schedules';
import type { ScheduleView } from '../../shared/schedules';

export function presentSchedule(r: ScheduleResult): ScheduleView {
  return {
    orgId: r.orgId,
    orgName: r.orgName,
    academicYearId: r.academicYearId,
    academicYearName: r.academicYearName,
    exists: r.record !== null,
    sourceFileName: r.record?.schedule.sourceFileName ?? null,
    updatedAt: r.record?.schedule.updatedAt.toISOString() ?? null,
    entries: r.data.entries.map((e) => ({ ...e, kindLabel: PROCEDURE_KIND_LABELS[e.kind] })),
    curriculum: r.data.curriculum,
    lessonsPerDay: r.data.lessonsPerDay,
    check: {
      ...r.check,
      violations: r.check.violations.map((v) => ({ ...v, ruleLabel: RULE_LABELS[v.rule] })),
    },
  };
}
