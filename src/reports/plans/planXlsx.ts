import { formatTargetSchools } from '../../core/plans/schools';
import { ACTIVITY_STATUS_LABELS, effectiveStatus } from '../../core/plans/status';
import { renderXlsx, type Sheet } from '../xlsx/table';
import { orderedRows, ruDate, type PlanDoc } from './model';

interface Row {
  section: string;
  number: string;
  task: string;
  text: string;
  deadline: string;
  from: string;
  to: string;
  result: string;
  executors: string;
  participants: string;
  schools: string;
  status: string;
}

/** The plan as a table: the official columns plus normalised dates, schools and status. */
export async function renderPlanXlsx(plan: PlanDoc, today: string): Promise<Buffer> {
  const rows: Row[] = [];
  let section = '';
  for (const r of orderedRows(plan)) {
    if ('section' in r) {
      section = `${r.section.number ? `${r.section.number}. ` : ''}${r.section.title}`;
      continue;
    }
    const a = r.activity;
    rows.push({
      section,
      number: a.number ?? '',
      task: plan.objectives.find((o) => o.id === a.objectiveId)?.text ?? '',
      text: a.text,
      deadline: a.deadlineText,
      from: ruDate(a.deadlineFrom),
      to: ruDate(a.deadlineTo),
      result: a.result,
      executors: a.executorsText,
      participants: a.participants,
      schools: formatTargetSchools(a.targetSchools),
      status: ACTIVITY_STATUS_LABELS[effectiveStatus(a.status, a.deadlineTo, today)],
    });
  }
  const title = (key: string, fallback: string) =>
    plan.columns.find((c) => c.key === key)?.title ?? fallback;
  const sheet: Sheet<Row> = {
    name: 'План',
    title: [
      plan.title,
      `${plan.orgName}; период ${ruDate(plan.periodStart)} – ${ruDate(plan.periodEnd)}`,
    ],
    columns: [
      { header: 'Раздел', width: 30, value: (r) => r.section },
      { header: title('number', '№ п/п'), width: 8, value: (r) => r.number },
      ...(plan.objectives.length
        ? [{ header: title('task', 'Задачи'), width: 30, value: (r: Row) => r.task }]
        : []),
      { header: title('text', 'Мероприятия'), width: 60, value: (r) => r.text },
      { header: title('deadline', 'Срок'), width: 18, value: (r) => r.deadline },
      { header: 'Срок: с', width: 12, value: (r) => r.from },
      { header: 'Срок: по', width: 12, value: (r) => r.to },
      { header: title('result', 'Результат'), width: 40, value: (r) => r.result },
      { header: title('executors', 'Исполнители'), width: 24, value: (r) => r.executors },
      { header: title('participants', 'Участники'), width: 24, value: (r) => r.participants },
      { header: 'Целевые ОО', width: 20, value: (r) => r.schools },
      { header: 'Статус', width: 14, value: (r) => r.status },
    ],
    rows,
  };
  return renderXlsx([sheet as Sheet<unknown>]);
}
