import { join } from 'node:path';
import type { SheetsChartSpec } from '../src/core/report/chart-spec';
import { chartSvg } from '../src/core/report/chart-svg';
import type { SheetData } from '../src/core/workbook/reader';
import { readXlsxFile } from '../src/local/xlsx';
import { ROOT, sampleBundle } from './helpers/workbook';

// Every chart of both reports, as the first call hands its spec over: the sidebar draws that spec, Sheets is
// asked to draw that spec (report-doc.ts), and the local runtime draws it with chartSvg. A bar's length is
// read as its value, so every bar starts at 0; the score charts draw the 85 and 95 thresholds.

interface ToDraw {
  key: string;
  spec: SheetsChartSpec;
}

function specs(call: string, sheets?: SheetData[]): SheetsChartSpec[] {
  const { bundle } = sampleBundle(sheets);
  return bundle.call<{ charts: ToDraw[] }>(call, {}).charts.map((c) => c.spec);
}

let o25: SheetsChartSpec[];
let results: SheetsChartSpec[];
beforeAll(async () => {
  o25 = specs('apiPrepareReport');
  results = specs(
    'apiPrepareResultsReport',
    await readXlsxFile(join(ROOT, 'samples', 'oie-2568-midyear.xlsx')),
  );
});

const hasBars = (spec: SheetsChartSpec) => spec.type === 'COMBO' && spec.options.seriesType === 'bars';
const valueAxis = (spec: SheetsChartSpec) => (spec.options.orientation === 'vertical' ? 'hAxis' : 'vAxis');
/** The columns of the grid drawn as dashed lines, by their constant value. */
function dashedLines(spec: SheetsChartSpec): number[] {
  const series = spec.options.series as Record<string, { type?: string; lineDashStyle?: number[] }>;
  return Object.entries(series)
    .filter(([, s]) => s.type === 'line' && Array.isArray(s.lineDashStyle))
    .map(([i]) => {
      const column = spec.grid.slice(1).map((r) => r[Number(i) + 1]);
      expect(new Set(column).size).toBe(1);
      return Number(column[0]);
    });
}

test('the reports have the charts this test reads: three in the o25 report, one in the results report', () => {
  expect(o25.map((s) => s.type)).toEqual(['LINE', 'COMBO', 'COMBO']);
  expect(results.map((s) => s.type)).toEqual(['COMBO']);
});

test('every bar chart of both reports has its value axis from 0, titled, and prints its values', () => {
  const barCharts = [...o25, ...results].filter(hasBars);
  expect(barCharts).toHaveLength(3);
  for (const spec of barCharts) {
    const axis = valueAxis(spec);
    expect(spec.options[`${axis}.viewWindow.min`]).toBe(0);
    expect(String(spec.options[`${axis}.title`]).length).toBeGreaterThan(0);
    const ticks = spec.options[`${axis}.ticks`] as { v: number }[];
    expect(ticks[0].v).toBe(0);
    const series = spec.options.series as Record<string, { type?: string; dataLabel?: string }>;
    const dataColumns = spec.grid[0].length - 1 - dashedLines(spec).length;
    for (let i = 0; i < dataColumns; i++) expect(series[i]).toEqual({ dataLabel: 'value' });
  }
});

test('a chart whose axis starts above 0 is a line with a dot at each value and a titled axis', () => {
  const raised = [...o25, ...results].filter(
    (spec) => Number(spec.options[`${valueAxis(spec)}.viewWindow.min`]) > 0,
  );
  expect(raised.length).toBeGreaterThan(0);
  for (const spec of raised) {
    expect(spec.type).toBe('LINE');
    expect(spec.options.pointSize).toBeGreaterThan(0);
    expect(String(spec.options[`${valueAxis(spec)}.title`]).length).toBeGreaterThan(0);
  }
});

test("the o25 report's score charts draw both thresholds, 85 and 95, as dashed lines", () => {
  for (const spec of o25) expect(dashedLines(spec).sort()).toEqual([85, 95]);
});

test('drawn, every bar starts where the axis reads 0 (the drawing the sidebar and the local runtime make)', () => {
  for (const spec of [...o25, ...results].filter(hasBars)) {
    const svg = chartSvg(spec.type, spec.grid, spec.options);
    const horizontal = spec.options.orientation === 'vertical';
    const zero = [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)<\/text>/g)].find(
      ([, , , text]) => text === '๐' || text === '0',
    );
    expect(zero).toBeDefined();
    const rects = [
      ...svg.matchAll(
        /<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" fill="(#[0-9a-f]+)"\/>/g,
      ),
    ]
      .map(([, x, y, w, h]) => ({ x: Number(x), y: Number(y), w: Number(w), h: Number(h) }))
      .filter((r) => !(r.w === 12 && r.h === 12)); // the bars, not the legend's keys
    expect(rects.length).toBeGreaterThanOrEqual(4);
    const [, zx, zy] = (zero as RegExpMatchArray).map(Number);
    for (const r of rects) {
      if (horizontal) expect(Math.abs(r.x - zx)).toBeLessThan(0.5);
      else expect(Math.abs(r.y + r.h - (zy - 4))).toBeLessThan(0.5);
    }
  }
});

test('drawn, the values are printed where they fit: at least one per bar of the o25 tools chart', () => {
  const tools = o25[1];
  const svg = chartSvg(tools.type, tools.grid, tools.options);
  const values = tools.grid
    .slice(1)
    .flatMap((r) => r.slice(1, 3))
    .filter((v) => typeof v === 'number');
  const thai = (v: number) => v.toFixed(2).replace(/\d/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[Number(d)]);
  for (const v of values as number[]) expect(svg).toContain(`>${thai(v)}</text>`);
});
