import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  DEFAULT_SIMULATION,
  simulate,
  type ManipulationKind,
} from '../../core/analytics/validation/simulate';
import { datasetToFiles, observationsCsv } from '../../importers/analytics/writeDataset';

export interface SimulateOptions {
  out: string;
  seed: number;
  schools: number;
  years: string;
  sizes: string;
  kind?: string;
  strength: number;
}

const KINDS: readonly ManipulationKind[] = ['lenient', 'help', 'toJournal', 'flatGain'];

/** Writes a simulated district as ФИС ОКО files, the observations CSV and the truth (for checks). */
export async function simulateCommand(o: SimulateOptions): Promise<void> {
  const years = o.years.split(',').map(Number);
  const sizes = o.sizes.split(',').map(Number);
  if (years.some((y) => !Number.isInteger(y)) || sizes.some((s) => !(s >= 2)))
    throw new Error('--years и --sizes: списки чисел через запятую');
  if (o.kind !== undefined && !KINDS.includes(o.kind as ManipulationKind))
    throw new Error(`--kind: одно из ${KINDS.join(', ')}`);
  const kind = o.kind as ManipulationKind | undefined;
  const { data, truth } = simulate({
    ...DEFAULT_SIMULATION,
    seed: o.seed,
    schools: o.schools,
    years,
    sizes,
    manipulation: kind ? { kind, strength: o.strength, h: 0.6, k: 4 } : null,
  });
  await mkdir(o.out, { recursive: true });
  for (const f of datasetToFiles(data)) await writeFile(path.join(o.out, f.name), f.bytes);
  await writeFile(path.join(o.out, 'observations.csv'), observationsCsv(data));
  await writeFile(
    path.join(o.out, 'truth.json'),
    `${JSON.stringify({ kind: truth.kind.map((k, i) => ({ school: data.schools[i], kind: k, startYear: truth.startYear[i] })), manipulated: [...truth.manipulated] }, null, 2)}\n`,
  );
  process.stdout.write(
    `Записано: ${data.tests.length} файлов, ${data.schools.length} школ, ${data.tests.reduce((a, t) => a + t.n, 0)} работ → ${o.out}\n`,
  );
}
