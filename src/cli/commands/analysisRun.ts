import { SYSTEM_ACTOR } from '../../core/access/actor';
import { yearsText } from '../../core/analytics/dossier';
import { listRunResults, municipalitiesWithResults } from '../../db/repositories/analysisRuns';
import { listMunicipalities } from '../../db/repositories/reference';
import { describeDatabase, openRuntime, readEnv } from '../runtime';

const fmt = (x: number, d = 2): string => x.toFixed(d).replace('.', ',');

/**
 * `vsoko analysis:run [--q 0.05] [--municipality-id N]`: runs the objectivity analysis over the
 * active ВПР results of the configured database (each municipality with results, or the one
 * given), stores the run and prints its flagged schools.
 */
export async function analysisRunCommand(o: { q: number; municipalityId?: number }) {
  if (!(o.q > 0 && o.q < 1)) throw new Error(`--q должно быть числом от 0 до 1, получено «${o.q}»`);
  const runtime = await openRuntime(readEnv());
  let failed = false;
  try {
    const { db } = runtime.database;
    console.log(`База данных: ${describeDatabase(runtime.database)}`);
    const withResults = await municipalitiesWithResults(db);
    const municipalities = (await listMunicipalities(db)).filter((m) =>
      o.municipalityId === undefined ? withResults.includes(m.id) : m.id === o.municipalityId,
    );
    if (!municipalities.length)
      throw new Error(
        o.municipalityId === undefined
          ? 'В базе нет загруженных результатов: сначала загрузите их (vsoko import)'
          : `Муниципалитет с id ${o.municipalityId} не найден`,
      );
    for (const m of municipalities) {
      console.log(`Муниципалитет «${m.name}»`);
      const run = await runtime.services.analysisRuns.run(
        SYSTEM_ACTOR,
        m.id,
        { q: o.q },
        'cli',
        (message) => console.log(`  ${message}`),
      );
      if (run.status !== 'done') {
        failed = true;
        console.error(`  Запуск № ${run.id} завершился ошибкой: ${run.error}`);
        continue;
      }
      if (run.error) console.log(`  ${run.error}`);
      console.log(
        `  Запуск № ${run.id}: годы ${run.years.join(', ') || '—'}, работ ${run.works}, школ ${run.schools}, школо-лет с признаками ${run.flagged}`,
      );
      for (const row of await listRunResults(db, run.id, null)) {
        const r = row.result;
        if (!r.flagged && !r.supportList) continue;
        const row3 = r.yearsInRow > 1 ? `, ${yearsText(r.yearsInRow)} подряд` : '';
        console.log(
          `    ${r.year} ${r.flagged ? 'ПРИЗНАКИ' : 'поддержка'} ${row.orgName}: p = ${r.p.toExponential(2)}, балл ${fmt(r.score)}${row3}`,
        );
      }
    }
  } finally {
    await runtime.close();
  }
  if (failed) process.exitCode = 1;
}
