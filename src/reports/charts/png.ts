import { Resvg } from '@resvg/resvg-js';
import type { EChartsOption } from 'echarts';
import * as echarts from 'echarts';

export interface ChartSize {
  /** Width and height in CSS pixels; the PNG is drawn at `scale` times that. */
  width: number;
  height: number;
  scale?: number;
}

/** Font of the charts; DejaVu Sans has Cyrillic and ships with most Linux systems. */
const FONT = 'DejaVu Sans';

/**
 * Renders an ECharts option to PNG on the server: ECharts server-side rendering to SVG, then
 * resvg to PNG. Any report can embed the result (e.g. as a DOCX image block).
 */
export function chartToPng(option: EChartsOption, size: ChartSize): Uint8Array {
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: size.width,
    height: size.height,
  });
  let svg: string;
  try {
    chart.setOption({
      animation: false,
      backgroundColor: '#ffffff',
      textStyle: { fontFamily: FONT },
      ...option,
    });
    svg = chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round(size.width * (size.scale ?? 2)) },
    font: { loadSystemFonts: true, defaultFontFamily: FONT, sansSerifFamily: FONT },
  });
  return resvg.render().asPng();
}
