import { describe, expect, it } from 'vitest';
import { levelDistributionChart } from '../../core/monitoring/charts';
import { chartToPng } from './png';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const dimensions = (png: Uint8Array) => {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
};

describe('chartToPng', () => {
  it('renders an ECharts option to a PNG of the requested size at the given scale', () => {
    const option = levelDistributionChart([{ level: 'high' }, { level: 'low' }, { level: 'low' }]);
    if (!option) throw new Error('no chart');
    const png = chartToPng(option, { width: 400, height: 200, scale: 2 });
    expect([...png.slice(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(dimensions(png)).toEqual({ width: 800, height: 400 });
  });

  it('draws something: a chart differs from an empty one', () => {
    const a = levelDistributionChart([{ level: 'high' }]);
    const b = levelDistributionChart([{ level: 'low' }, { level: 'low' }, { level: 'low' }]);
    if (!a || !b) throw new Error('no chart');
    const size = { width: 300, height: 150, scale: 1 };
    expect(Buffer.from(chartToPng(a, size)).equals(Buffer.from(chartToPng(b, size)))).toBe(false);
  });
});
