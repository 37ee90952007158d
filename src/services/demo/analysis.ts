import { SYSTEM_ACTOR } from '../../core/access/actor';
import type { DemoStep } from './index';

/**
 * Runs the objectivity analysis over the demo municipality's ВПР results (q = 0.05), so the
 * «Анализ объективности — запуски» page has a stored run. The schools it should flag are those
 * of results/manifest.ts.
 */
export const analysisDemoStep: DemoStep = {
  name: 'анализ объективности результатов ВПР',
  async run({ services, world, progress }) {
    const run = await services.analysisRuns.run(
      SYSTEM_ACTOR,
      world.municipalityId,
      { q: 0.05 },
      'demo',
      progress,
    );
    if (run.status !== 'done') throw new Error(`Анализ демо-района не выполнен: ${run.error}`);
    progress(`Анализ: школ ${run.schools}, школо-лет с признаками необъективности ${run.flagged}`);
  },
};
