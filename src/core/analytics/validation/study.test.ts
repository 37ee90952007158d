import { describe, expect, it } from 'vitest';
import { bhMetrics, metrics, runStudy, SCENARIOS } from './study';

/** A short smoke run of the validation study: strong manipulation must be found. */
describe('validation study (smoke)', () => {
  const strong = SCENARIOS.filter((s) => s.strong);
  const results = runStudy({ seed: 7, replicates: 1, schools: 150, sizes: [25] }, strong);

  it('finds strong lenient scoring by the cut-score indicator and strong help by misfit', () => {
    const lenient = results.find((r) => r.scenario.manipulation?.kind === 'lenient')?.records ?? [];
    const help = results.find((r) => r.scenario.manipulation?.kind === 'help')?.records ?? [];
    expect(metrics(lenient, (r) => r.p.cutExcess).power as number).toBeGreaterThan(0.6);
    expect(metrics(help, (r) => r.p.misfit).power as number).toBeGreaterThan(0.75);
  });

  it('BH flags are mostly right', () => {
    for (const { records } of results) {
      const bh = bhMetrics(records);
      if (bh.flagged >= 5) expect(bh.fdr as number).toBeLessThan(0.25);
    }
  });
});
