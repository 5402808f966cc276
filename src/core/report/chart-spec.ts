import type { ChartBlock } from './writer';

/**
 * A report chart as Sheets is asked to draw it: the chart type, the data grid (first row the series names,
 * first column the labels) and every option set on the chart builder. The server draws it with Sheets from
 * this, the sidebar with chartSvg from the same: either way the figure is the one the model describes.
 */
export interface SheetsChartSpec {
  type: 'COMBO' | 'LINE';
  grid: (string | number)[][];
  options: Record<string, unknown>;
}

/** The chart's grid: its data, then one constant column per threshold (drawn as a line across it). */
function chartGrid(block: ChartBlock): (string | number)[][] {
  const width = Math.max(...block.data.map((r) => r.length));
  return block.data.map((r, i) => [
    ...r.map((v) => (v === null ? '' : v)),
    ...Array(width - r.length).fill(''),
    ...block.thresholds.map((x) => (i === 0 ? x.label : x.value)),
  ]);
}

/**
 * A combo chart whose threshold columns are dashed lines, the value axis from the model's range with its
 * (Thai) tick labels and its title; a line chart for a trend, each value a dot. Every data series prints its
 * values (Sheets' data labels; the SVG drawing prints them where they fit).
 */
export function sheetsChartSpec(block: ChartBlock): SheetsChartSpec {
  const grid = chartGrid(block);
  const dataSeries = grid[0].length - 1 - block.thresholds.length;
  const series: Record<number, unknown> = {};
  for (let i = 0; i < dataSeries; i++) series[i] = { dataLabel: 'value' };
  block.thresholds.forEach((_, i) => {
    series[dataSeries + i] = {
      type: 'line',
      color: i === 0 ? '#e37400' : '#188038',
      lineDashStyle: [6, 4],
      pointSize: 0,
    };
  });
  const horizontal = block.type === 'BAR';
  const valueAxis = horizontal ? 'hAxis' : 'vAxis';
  return {
    type: block.type === 'LINE' ? 'LINE' : 'COMBO',
    grid,
    options: {
      title: '',
      width: 640,
      height: horizontal ? 420 : 340,
      legend: { position: 'bottom' },
      seriesType: block.type === 'LINE' ? 'line' : 'bars',
      // A combo chart has no bar type of its own: 'vertical' lays the categories down the side.
      orientation: horizontal ? 'vertical' : 'horizontal',
      series,
      ...(block.type === 'LINE' ? { pointSize: 7 } : {}),
      [`${valueAxis}.title`]: block.axis.title,
      [`${valueAxis}.viewWindow.min`]: block.axis.min,
      [`${valueAxis}.viewWindow.max`]: block.axis.max,
      [`${valueAxis}.ticks`]: block.axis.ticks,
    },
  };
}
