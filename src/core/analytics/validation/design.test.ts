import { describe, expect, it } from 'vitest';
import { drawCategory, drawPcm, pcmProbabilities, simItems } from './design';

describe('simulated test design', () => {
  it('drawPcm draws exactly the category drawCategory(pcmProbabilities) draws', () => {
    const items = [...simItems(), { steps: [-2, 0.3, 1.7] }];
    for (const item of items)
      for (let theta = -4; theta <= 4; theta += 0.37)
        for (let u = 0; u < 1; u += 0.013)
          expect(drawPcm(item, theta, u)).toBe(drawCategory(pcmProbabilities(item, theta), u));
  });

  it('category probabilities sum to one and rise with ability', () => {
    const item = { steps: [-0.5, 0.5] };
    const low = pcmProbabilities(item, -2);
    const high = pcmProbabilities(item, 2);
    expect(low.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(high[2] as number).toBeGreaterThan(low[2] as number);
    expect(drawPcm(item, 0, 0.999999)).toBe(2);
    expect(drawPcm(item, 0, 0)).toBe(0);
  });
});
