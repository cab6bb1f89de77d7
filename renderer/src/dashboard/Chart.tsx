// One echarts chart: only the parts the dashboard uses are imported from 'echarts/core' (bars,
// the grid, the legend and the tooltip, drawn on a canvas), which keeps the bundle small. The app's
// strict CSP stays as it is: echarts needs no eval and no style sheet; its container's style is set
// through the CSSOM (allowed); the tooltip must be drawn on the canvas too (`renderMode: 'richText'`),
// because the HTML tooltip parses markup with style attributes, which the CSP refuses. The chart is
// an image with a label for screen readers; the same figures are in the table beside it.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

interface Props {
  option: ChartOption;
  label: string;
  /** A bar was clicked: its category (x) index and its series index. */
  onBarClick?(dataIndex: number, seriesIndex: number): void;
  testId?: string;
  height?: number;
}

export function Chart({ option, label, onBarClick, testId, height = 320 }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onBarClick);
  click.current = onBarClick;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) => {
      if (params.componentType === 'series' && typeof params.dataIndex === 'number') click.current?.(params.dataIndex, params.seriesIndex ?? 0);
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={ref} className="chart" role="img" aria-label={label} data-testid={testId} style={{ height }} />;
}
