import { SYSTEM_ACTOR } from '../../core/access/actor';
import type { DemoStep } from './index';
import { manipulationsOf } from './results/manifest';

/** Share of honest administrations that ran with public observers. */
export const DEMO_OBSERVED_SHARE = 0.3;

/**
 * Marks which demo ВПР administrations ran with public observers, as the district would import
 * them (the observations CSV through the real importer). The simulation (results/simulation.ts)
 * does not model observers, so the marks follow it: an administration a school manipulated (the
 * manifest's school × subject × year) was never observed; the years before a school started
 * manipulating a subject were observed (school 305 Russian in the first year, school 320 in the
 * first two); of the other administrations about 30 % were observed, the rest were not. Every
 * administration with results gets «да» or «нет».
 */
export const observationsDemoStep: DemoStep = {
  name: 'отметки об общественном наблюдении',
  async run({ services, world, rng, progress }) {
    const { rows } = await services.observations.list(SYSTEM_ACTOR, {});
    const numberOf = new Map(world.schools.map((s) => [s.id, s.number]));
    const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
    const lines = ['Логин ОО;Год;Предмет;Параллель;Общественное наблюдение'];
    let observed = 0;
    for (const r of rows) {
      const number = numberOf.get(r.orgId);
      if (!number || !r.fisLogin) continue;
      const yearIndex = years.indexOf(r.year);
      const manipulated = manipulationsOf(number, r.subject, yearIndex).length > 0;
      const later = [yearIndex + 1, yearIndex + 2].some(
        (i) => i < years.length && manipulationsOf(number, r.subject, i).length > 0,
      );
      const isObserved = !manipulated && (later || rng.chance(DEMO_OBSERVED_SHARE));
      if (isObserved) observed++;
      lines.push([r.fisLogin, r.year, r.subjectName, r.grade, isObserved ? 'да' : 'нет'].join(';'));
    }
    const summary = await services.observations.importCsv(
      SYSTEM_ACTOR,
      'общественное_наблюдение_демо.csv',
      Buffer.from(`${lines.join('\n')}\n`, 'utf8'),
    );
    progress(
      `Общественное наблюдение: отмечено работ ${summary.changed}, с наблюдателем ${observed}`,
    );
  },
};
