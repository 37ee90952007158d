import { writeFileSync } from 'node:fs';
import { SYSTEM_ACTOR } from '../../core/access/actor';
import { listRunResults } from '../../db/repositories/analysisRuns';
import { latestDoneRun } from '../../db/repositories/objectivitySupport';
import { listMunicipalities } from '../../db/repositories/reference';
import { supportProgrammeRequest } from '../../shared/objectivitySupport';
import { openRuntime, readEnv } from '../runtime';

export interface ProgrammeOptions {
  year: number;
  orgIds?: string;
  flagged?: boolean;
  municipalityId?: number;
  startYear?: number;
  responsible?: string;
  out?: string;
}

/**
 * `vsoko objectivity:programme --year 2025 (--org-ids 1,2 | --flagged [--municipality-id N])
 * [--start-year 2025] [--responsible "Иванова И.И."] [--out programme.docx]`: the targeted support
 * programme as a plan, as the web button makes it; with `--flagged`, for every school with signs
 * in the municipality's latest analysis run for that year.
 */
export async function programmeCommand(o: ProgrammeOptions) {
  const runtime = await openRuntime(readEnv());
  try {
    const { db } = runtime.database;
    let orgIds = (o.orgIds ?? '')
      .split(/[,\s]+/)
      .filter(Boolean)
      .map(Number);
    if (o.flagged) {
      const municipalities = await listMunicipalities(db);
      const m =
        o.municipalityId !== undefined
          ? municipalities.find((x) => x.id === o.municipalityId)
          : municipalities.length === 1
            ? municipalities[0]
            : undefined;
      if (!m)
        throw new Error('Укажите --municipality-id: муниципалитет не найден или их несколько');
      const run = await latestDoneRun(db, m.id);
      if (!run)
        throw new Error(`В «${m.name}» нет завершённых запусков анализа (vsoko analysis:run)`);
      orgIds = (await listRunResults(db, run.id, null))
        .filter((r) => r.result.year === o.year && r.result.flagged)
        .map((r) => r.result.orgId);
      console.log(
        `Запуск анализа № ${run.id}: школ с признаками за ${o.year} год — ${orgIds.length}`,
      );
    }
    const req = supportProgrammeRequest.safeParse({
      orgIds,
      year: o.year,
      startYear: o.startYear,
      responsible: o.responsible,
    });
    if (!req.success)
      throw new Error(
        `Неверные параметры: ${req.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    const out = await runtime.services.supportProgramme.create(SYSTEM_ACTOR, req.data);
    console.log(
      `Создан план № ${out.planId}: программа адресного сопровождения, школ ${out.schools}, мероприятий ${out.activities}${out.runId ? ` (запуск анализа № ${out.runId})` : ''}`,
    );
    if (o.out) {
      const file = await runtime.services.plans.documents.exportDocx(SYSTEM_ACTOR, out.planId);
      writeFileSync(o.out, file.bytes);
      console.log(`Записано: ${o.out}`);
    }
  } finally {
    await runtime.close();
  }
}
