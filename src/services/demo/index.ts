import { SYSTEM_ACTOR } from '../../core/access/actor';
import { createRng, type Rng } from '../../core/random';
import { countMunicipalities } from '../../db/repositories/reference';
import { getSetting, setSetting } from '../../db/repositories/settings';
import { countUsers } from '../../db/repositories/users';
import { audit } from '../audit';
import type { ServiceDeps } from '../deps';
import type { Services } from '../index';
import { createDemoRegistry } from './registry';
import { DEMO_STEPS } from './steps';
import type { DemoWorld } from './world';

export const DEMO_SEED = 20260901;
export const DEMO_SETTING = 'demo';

export interface DemoContext {
  deps: ServiceDeps;
  services: Services;
  /** A fresh seeded source per step, so that adding a step never changes earlier data. */
  rng: Rng;
  world: DemoWorld;
  progress: (message: string) => void;
}

/**
 * One part of the demo district. Steps run in order after the registry; each sees what earlier
 * ones created in `ctx.world`. Features add their steps to DEMO_STEPS in steps.ts.
 */
export interface DemoStep {
  name: string;
  run(ctx: DemoContext): Promise<void>;
}

export async function isDatabaseEmpty(deps: ServiceDeps): Promise<boolean> {
  const { db } = deps.database;
  return (await countUsers(db)) === 0 && (await countMunicipalities(db)) === 0;
}

export async function isDemoDatabase(deps: ServiceDeps): Promise<boolean> {
  return (await getSetting(deps.database.db, DEMO_SETTING)) !== null;
}

/**
 * Creates the demo district on an empty database, deterministically: the same code and seed
 * give the same district. Refuses a database that already holds data.
 */
export async function createDemo(
  deps: ServiceDeps,
  services: Services,
  progress: (message: string) => void = () => undefined,
): Promise<DemoWorld> {
  if (!(await isDatabaseEmpty(deps))) {
    throw new Error('Демо-район создаётся только в пустой базе данных');
  }
  const started = Date.now();
  const total = DEMO_STEPS.length + 1;
  progress(`Демо-район: реестр организаций и пользователей (1/${total})`);
  const world = await createDemoRegistry(deps, createRng(DEMO_SEED), progress);
  // Imports do not re-run the analysis one by one: the analysis step runs it once.
  await services.analysisRuns.deferReruns(async () => {
    for (const [index, step] of DEMO_STEPS.entries()) {
      progress(`Демо-район: ${step.name} (${index + 2}/${total})`);
      const rng = createRng(DEMO_SEED + (index + 1) * 7919);
      await step.run({ deps, services, rng, world, progress });
    }
  });
  await deps.database.transaction(async ({ db }) => {
    await setSetting(db, DEMO_SETTING, { seed: DEMO_SEED, createdAt: deps.now().toISOString() });
    await audit(db, SYSTEM_ACTOR, {
      action: 'generate',
      entity: 'demo',
      entityId: null,
      municipalityId: world.municipalityId,
      orgId: null,
      summary: `Создан демонстрационный район: ${world.schools.length} ОО`,
      after: { seed: DEMO_SEED, seconds: Math.round((Date.now() - started) / 100) / 10 },
    });
  });
  return world;
}
