import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SYSTEM_ACTOR } from '../../core/access/actor';
import { importPlanFields } from '../../shared/plans';
import { openRuntime, readEnv, type Runtime } from '../runtime';

async function withRuntime<T>(work: (rt: Runtime) => Promise<T>): Promise<T> {
  const runtime = await openRuntime(readEnv());
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
}

export interface PlanImportOptions {
  orgId: string;
  level: string;
  title?: string;
  from?: string;
  to?: string;
}

/** `plans:import`: a plan from a DOCX or XLSX table, as the web import does (all or nothing). */
export async function planImportCommand(file: string, o: PlanImportOptions) {
  const fields = importPlanFields.safeParse({
    orgId: o.orgId,
    level: o.level,
    title: o.title,
    periodStart: o.from,
    periodEnd: o.to,
  });
  if (!fields.success) {
    throw new Error(
      `Неверные параметры: ${fields.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const bytes = readFileSync(file);
  await withRuntime(async (rt) => {
    const id = await rt.services.plans.documents.import(SYSTEM_ACTOR, fields.data, {
      fileName: path.basename(file),
      mimeType: 'application/octet-stream',
      bytes,
    });
    const plan = await rt.services.plans.plans.get(SYSTEM_ACTOR, id);
    console.log(
      `Импортирован план № ${id} «${plan.plan.title}»: разделов ${plan.sections.length}, мероприятий ${plan.activities.length}`,
    );
  });
}

/** `plans:export`: the plan in the official form (DOCX) or as a table (XLSX). */
export async function planExportCommand(id: string, o: { out: string }) {
  await withRuntime(async (rt) => {
    const docs = rt.services.plans.documents;
    const file = o.out.toLowerCase().endsWith('.xlsx')
      ? await docs.exportXlsx(SYSTEM_ACTOR, Number(id))
      : await docs.exportDocx(SYSTEM_ACTOR, Number(id));
    writeFileSync(o.out, file.bytes);
    console.log(`Записано: ${o.out}`);
  });
}
