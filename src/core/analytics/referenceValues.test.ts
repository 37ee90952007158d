import { describe, expect, it } from 'vitest';
import reference from './fixtures/reference.json';
import { weightedKappa } from './indicators/concordance';
import {
  buildStepModel,
  gNormed,
  gNormedAt,
  guttmanErrors,
  lz,
  lzp,
  stepRankPrefix,
  u3p,
} from './personFit';
import { binomialUpper } from './stats/distributions';
import { bhAdjust } from './stats/multiplicity';

// Values in fixtures/reference.json come from fixtures/reference.py: brute-force enumeration and
// direct definitions, independent of the engine's dynamic programming.
describe('reference values for fixed small inputs', () => {
  it('Guttman errors, Gnormed.p and U3p on item steps', () => {
    for (const c of reference.personFit) {
      const model = buildStepModel(Uint8Array.from(c.itemMax), c.popularity, c.n);
      expect(guttmanErrors(model, c.x), `G ${c.x}`).toBe(c.G);
      const g = gNormed(model, c.x);
      // The reference's per-work form reads the row in place from a score matrix.
      const matrix = Uint8Array.from([9, 9, ...c.x]);
      expect(gNormedAt(model, stepRankPrefix(model), matrix, 2)).toBe(g);
      if (c.Gnormed === null) expect(g).toBeNull();
      else expect(g).toBeCloseTo(c.Gnormed, 12);
      const u = u3p(model, c.x);
      if (c.U3 === null) expect(u).toBeNull();
      else expect(u).toBeCloseTo(c.U3, 12);
    }
  });

  it('lz and lzp', () => {
    for (const c of reference.lz) expect(lz(c.x, c.p)).toBeCloseTo(c.lz, 12);
    for (const c of reference.lzp) expect(lzp(c.x, c.probs)).toBeCloseTo(c.lzp, 12);
  });

  it('exact binomial upper tails', () => {
    for (const c of reference.binomialUpper) {
      expect(binomialUpper(c.k, c.n, c.p) / c.upper).toBeCloseTo(1, 10);
    }
    // The sign-test anchors of detection-methods.md M3: 9 of 10 → 0.011, 8 of 10 → 0.055.
    expect(binomialUpper(9, 10, 0.5)).toBeCloseTo(11 / 1024, 14);
    expect(binomialUpper(8, 10, 0.5)).toBeCloseTo(56 / 1024, 14);
  });

  it('Benjamini–Hochberg adjusted p-values', () => {
    for (const c of reference.bh) {
      bhAdjust(c.p).forEach((a, i) => expect(a).toBeCloseTo(c.adjusted[i] as number, 12));
    }
  });

  it('quadratic-weighted kappa', () => {
    for (const c of reference.weightedKappa)
      expect(weightedKappa(c.a, c.b, 2, 5)).toBeCloseTo(c.kappa, 12);
  });
});
