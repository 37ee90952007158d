import { ACTIVITY_STATUS_LABELS, effectiveStatus } from '../../core/plans/status';
import type { OfficialDocument, TableRow } from '../docx/model';
import { renderDocx } from '../docx/render';
import { orderLine, orderedRows, ruDate, type PlanDoc, type PlanDocActivity } from './model';

const WIDTHS: Record<string, number> = {
  number: 0.6,
  task: 2,
  text: 3.2,
  deadline: 1.3,
  result: 2.4,
  executors: 1.5,
  participants: 1.6,
};

function cellOf(key: string, a: PlanDocActivity, task: string): string {
  switch (key) {
    case 'number':
      return a.number ?? '';
    case 'task':
      return task;
    case 'text':
      return a.text;
    case 'deadline':
      return a.deadlineText;
    case 'result':
      return a.result;
    case 'executors':
      return a.executorsText;
    default:
      return a.participants;
  }
}

/** The plan in its official form: «УТВЕРЖДАЮ», title, goals, the table with the plan's columns. */
export function planDocument(plan: PlanDoc): OfficialDocument {
  const rows: TableRow[] = [];
  const seenTasks = new Set<number>();
  for (const row of orderedRows(plan)) {
    if ('section' in row) {
      const s = row.section;
      rows.push({ section: `${s.number ? `${s.number}. ` : ''}${s.title}` });
      continue;
    }
    const a = row.activity;
    let task = '';
    if (a.objectiveId !== null && !seenTasks.has(a.objectiveId)) {
      seenTasks.add(a.objectiveId);
      task = plan.objectives.find((o) => o.id === a.objectiveId)?.text ?? '';
    }
    rows.push({ cells: plan.columns.map((c) => cellOf(c.key, a, task)) });
  }
  const blocks: OfficialDocument['blocks'] = [];
  if (plan.goals.length) {
    blocks.push({
      kind: 'paragraph',
      text: [{ text: plan.goals.length > 1 ? 'Цели:' : 'Цель:', bold: true }],
    });
    blocks.push({ kind: 'list', items: plan.goals });
  }
  blocks.push({
    kind: 'table',
    columns: plan.columns.map((c) => ({ title: c.title, width: WIDTHS[c.key] ?? 1 })),
    rows,
    fontSize: 11,
  });
  const year = plan.periodStart.slice(0, 4);
  const endYear = plan.periodEnd.slice(0, 4);
  return {
    ...(plan.approval
      ? {
          approval: {
            position: plan.approval.position.split('\n').filter(Boolean),
            name: plan.approval.name,
            ...(orderLine(plan.approval) ? { order: orderLine(plan.approval) } : {}),
          },
        }
      : {}),
    title: plan.title,
    placeAndYear: [plan.place, `${year === endYear ? year : `${year}–${endYear}`} г.`]
      .filter(Boolean)
      .join(', '),
    blocks,
    orientation: 'landscape',
  };
}

export const renderPlanDocx = (plan: PlanDoc) => renderDocx(planDocument(plan));

/** Activities whose deadline meets the period, or that have no dates (schedules, events). */
export function activitiesInPeriod(plan: PlanDoc, from: string, to: string): PlanDocActivity[] {
  return plan.activities.filter(
    (a) =>
      a.deadlineFrom === null || (a.deadlineFrom <= to && (a.deadlineTo ?? a.deadlineFrom) >= from),
  );
}

/** The execution report for a period (seed 000 item 1.4: the meeting on the plan's results). */
export function executionReport(
  plan: PlanDoc,
  from: string,
  to: string,
  today: string,
): OfficialDocument {
  const items = activitiesInPeriod(plan, from, to);
  const status = (a: PlanDocActivity) => effectiveStatus(a.status, a.deadlineTo, today);
  const count = (s: string) => items.filter((a) => status(a) === s).length;
  const rows: TableRow[] = [];
  for (const row of orderedRows({ ...plan, activities: items })) {
    if ('section' in row) {
      if (items.some((a) => a.sectionId === row.section.id))
        rows.push({
          section: `${row.section.number ? `${row.section.number}. ` : ''}${row.section.title}`,
        });
      continue;
    }
    const a = row.activity;
    const done = [
      ...a.evidence.map((e) => `Подтверждение: ${e}`),
      ...a.notes,
      ...(a.schools
        ? [
            `Школы: выполнено ${a.schools.done} из ${a.schools.total}${a.schools.overdue ? `, просрочено ${a.schools.overdue}` : ''}`,
          ]
        : []),
    ].join('\n');
    rows.push({
      cells: [
        a.number ?? '',
        a.text,
        a.deadlineText,
        a.executorsText,
        ACTIVITY_STATUS_LABELS[status(a)],
        done,
      ],
    });
  }
  return {
    heading: 'СПРАВКА',
    title: `о выполнении плана «${plan.title}» за период с ${ruDate(from)} по ${ruDate(to)}`,
    placeAndYear: `${plan.orgName}, по состоянию на ${ruDate(today)}`,
    blocks: [
      {
        kind: 'paragraph',
        text: `За период с ${ruDate(from)} по ${ruDate(to)} плану соответствуют ${items.length} мероприятий: выполнено — ${count('done')}, в работе — ${count('in_progress')}, запланировано — ${count('planned')}, просрочено — ${count('overdue')}, отменено — ${count('cancelled')}.`,
      },
      ...(count('overdue')
        ? [
            {
              kind: 'paragraph' as const,
              text: `Просроченные мероприятия: ${items
                .filter((a) => status(a) === 'overdue')
                .map(
                  (a) =>
                    `${a.number ? `${a.number} ` : ''}«${a.text.length > 90 ? `${a.text.slice(0, 87)}…` : a.text}» (срок: ${a.deadlineText})`,
                )
                .join('; ')}.`,
            },
          ]
        : []),
      {
        kind: 'table',
        columns: [
          { title: '№ п/п', width: 0.6 },
          { title: 'Мероприятие', width: 3 },
          { title: 'Срок', width: 1.2 },
          { title: 'Исполнители', width: 1.4 },
          { title: 'Статус', width: 1.1 },
          { title: 'Отметка о выполнении', width: 2.6 },
        ],
        rows,
        fontSize: 11,
      },
    ],
    orientation: 'landscape',
  };
}

export const renderExecutionReport = (plan: PlanDoc, from: string, to: string, today: string) =>
  renderDocx(executionReport(plan, from, to, today));
