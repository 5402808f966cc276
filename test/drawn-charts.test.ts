import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SheetsChartSpec } from '../src/core/report/chart-spec';
import { chartSvg } from '../src/core/report/chart-svg';
import { drawnChartsOf, isPng } from '../src/core/report/drawn-charts';
import type { SheetData } from '../src/core/workbook/reader';
import { svgToPng } from '../src/local/runtime/blob';
import type { DocData } from '../src/local/runtime/document';
import { readXlsxFile } from '../src/local/xlsx';
import { docImages } from './helpers/report';
import { ROOT, sampleBundle, sampleSheets } from './helpers/workbook';

// The sidebar draws the report's charts from the specs the click's first call hands it and sends them back
// as PNGs with the second; the server takes a picture only for the chart of the same spec, and Sheets draws
// the rest.

interface ToDraw {
  key: string;
  spec: SheetsChartSpec;
}

/** The server calls of one report's click: [the check, the build]. */
const CALLS = {
  plan: ['apiPrepareReport', 'apiBuildReport'],
  results: ['apiPrepareResultsReport', 'apiBuildResultsReport'],
} as const;

/**
 * One click on `sheets` (the sample by default): the first call made now, with `options`, and the second
 * (`build`) with whatever charts a test hands it, each with the calls it made.
 */
function click(report: keyof typeof CALLS = 'plan', sheets?: SheetData[], options: object = {}) {
  const [check, buildReport] = CALLS[report];
  const { runtime, bundle } = sampleBundle(sheets);
  runtime.calls.reset();
  const prepared = bundle.call<{ snapshot: string | null; charts: ToDraw[]; font: string | null }>(
    check,
    options,
  );
  const prepareCalls = runtime.calls.snapshot();
  const build = (charts: unknown) => {
    runtime.calls.reset();
    const links = bundle.call<{ docId: string }>(buildReport, { snapshot: prepared.snapshot, charts });
    return { calls: runtime.calls.snapshot(), doc: runtime.documents.get(links.docId) as DocData };
  };
  return { runtime, prepared, prepareCalls, build };
}

/** A chart drawn as the sidebar would (the same SVG, in Sarabun), as base64. */
function png(spec: SheetsChartSpec): string {
  return svgToPng(chartSvg(spec.type, spec.grid, spec.options)).toString('base64');
}

const base64Images = (doc: DocData) => docImages(doc).map((b) => b.toString('base64'));

/** The code points a TrueType font (base64) has glyphs for, from its cmap (test/helpers/font-chars.mjs). */
function fontChars(base64: string): Set<number> {
  const file = join(mkdtempSync(join(tmpdir(), 'font-')), 'font.ttf');
  writeFileSync(file, Buffer.from(base64, 'base64'));
  const out = execFileSync(process.execPath, [join(__dirname, 'helpers', 'font-chars.mjs'), file], {
    encoding: 'utf8',
  });
  return new Set(JSON.parse(out));
}

/** Every character of the text a chart spec draws (its labels, titles and axis numbers). */
function specChars(spec: SheetsChartSpec): number[] {
  const text = JSON.stringify(spec, (_key, v) => (typeof v === 'number' ? String(v) : v));
  return [...new Set(Array.from(text, (c) => c.codePointAt(0) as number))];
}

test('the first call sends the chart font only when the page asks for it: Sarabun cut to what charts are written in', () => {
  const { bundle } = sampleBundle();
  const without = bundle.call<{ font: string | null }>('apiPrepareReport', {});
  const asked = bundle.call<{ font: string | null; charts: ToDraw[] }>('apiPrepareReport', {
    withFont: true,
  });
  expect(without.font).toBeNull();
  const full = readFileSync(require.resolve('@expo-google-fonts/sarabun/400Regular/Sarabun_400Regular.ttf'));
  const font = Buffer.from(asked.font as string, 'base64');
  expect(font.subarray(0, 4)).toEqual(Buffer.from([0, 1, 0, 0])); // a TrueType file
  expect(font.length).toBeLessThan(full.length * 0.6);
  const chars = fontChars(asked.font as string);
  const thai = Array.from({ length: 0xe5b - 0xe01 + 1 }, (_, i) => 0xe01 + i).filter(
    (c) => !(c > 0xe3a && c < 0xe3f),
  );
  expect(thai.filter((c) => !chars.has(c))).toEqual([]);
  const drawn = asked.charts.flatMap((c) => specChars(c.spec));
  expect(drawn.length).toBeGreaterThan(60);
  expect(drawn.filter((c) => !chars.has(c)).map((c) => String.fromCodePoint(c))).toEqual([]);
});

test("the first call hands the sidebar the report's three charts to draw, each with its own key", () => {
  const { prepared } = click();
  expect(prepared.charts.map((c) => c.spec.type)).toEqual(['LINE', 'COMBO', 'COMBO']);
  // The sample's published figures and the thresholds 85 and 95, written out by hand.
  const eightyFive = 'เกณฑ์ ๘๕ คะแนน';
  const ninetyFive = 'เกณฑ์ ๙๕ คะแนน';
  expect(prepared.charts[0].spec.grid).toEqual([
    ['ปีงบประมาณ', 'คะแนนรวม', eightyFive, ninetyFive],
    ['๒๕๖๗', 92.73, 85, 95],
    ['๒๕๖๘', 96.06, 85, 95],
  ]);
  expect(prepared.charts[1].spec.grid).toEqual([
    ['แบบวัด', '๒๕๖๗', '๒๕๖๘', eightyFive, ninetyFive],
    ['IIT', 99.75, 99.14, 85, 95],
    ['EIT ส่วนที่ ๑', 88.39, 90.52, 85, 95],
    ['EIT ส่วนที่ ๒', 78.87, 84.95, 85, 95],
    ['OIT', 94.29, 100, 85, 95],
  ]);
  const keys = prepared.charts.map((c) => c.key);
  expect(new Set(keys).size).toBe(3);
  expect(keys[0]).toContain('["๒๕๖๘",96.06,85,95]');
  // Another 2568 total changes the first chart's key, and only its.
  const sheets = sampleSheets();
  const totals = sheets.find((t) => t.name === 'คะแนนรวม');
  if (!totals) throw new Error('no totals tab');
  totals.values[2][6] = 96.07;
  const other = click('plan', sheets).prepared.charts.map((c) => c.key);
  expect(other.map((k, i) => k === keys[i])).toEqual([false, true, true]);
  expect(other[0]).toContain('["๒๕๖๘",96.07,85,95]');
});

test('charts the sidebar drew go into the Doc as they are, and Sheets draws none: no scratch tab at all', () => {
  const { prepared, build } = click();
  const drawn = prepared.charts.map((c) => ({ key: c.key, png: png(c.spec) }));
  const { calls, doc } = build(drawn);
  expect(base64Images(doc)).toEqual(drawn.map((d) => d.png));
  expect(calls['Spreadsheet.insertSheet'] ?? 0).toBe(0);
  expect(calls['Sheet.getCharts'] ?? 0).toBe(0);
  expect(calls['EmbeddedChart.getAs'] ?? 0).toBe(0);
});

test.each([
  ['a key no chart of the model has', (d: { key: string; png: string }) => ({ ...d, key: `${d.key} ` })],
  [
    'a picture that is not a PNG',
    (d: { key: string; png: string }) => ({ ...d, png: Buffer.from('<svg/>').toString('base64') }),
  ],
  [
    'a picture that is not base64',
    (d: { key: string; png: string }) => ({ ...d, png: `${d.png.slice(0, -4)}<a>` }),
  ],
  ['not a chart at all', () => 'drop table'],
])('a drawn chart with %s is not used: Sheets draws that chart, the others are kept', (_what, spoil) => {
  const { prepared, build } = click();
  const drawn: unknown[] = prepared.charts.map((c) => ({ key: c.key, png: png(c.spec) }));
  drawn[1] = spoil(drawn[1] as { key: string; png: string });
  const { calls, doc } = build(drawn);
  expect(calls['EmbeddedChart.getAs']).toBe(1);
  const images = base64Images(doc);
  expect(images).toHaveLength(3);
  expect([images[0], images[2]]).toEqual([
    (drawn[0] as { png: string }).png,
    (drawn[2] as { png: string }).png,
  ]);
});

test('what the page sends is kept only where it has the shape of a drawn chart', () => {
  expect(drawnChartsOf(null)).toEqual([]);
  expect(drawnChartsOf('x')).toEqual([]);
  expect(
    drawnChartsOf([
      { key: 'k', png: 'iVBO' },
      { key: 1, png: 'iVBO' },
      { key: 'k', png: 'iVB' },
    ]),
  ).toEqual([{ key: 'k', png: 'iVBO' }]);
  expect(drawnChartsOf(Array.from({ length: 20 }, () => ({ key: 'k', png: 'iVBO' })))).toHaveLength(8);
  expect(isPng([-119, 80, 78, 71, 13, 10, 26, 10, 0])).toBe(true);
  expect(isPng([60, 115, 118, 103, 47, 62, 0, 0, 0])).toBe(false);
});

describe('the results report, on the mid-year sample: its chart drawn by the sidebar too', () => {
  let sheets: SheetData[] = [];
  beforeAll(async () => {
    sheets = await readXlsxFile(join(ROOT, 'samples', 'oie-2568-midyear.xlsx'));
  });

  const resultsClick = () => click('results', sheets, { withFont: true });

  test('the first call writes nothing but the cache (no cell, tab, property or Doc) and hands back the status chart and the font', () => {
    const { prepared, prepareCalls, runtime } = resultsClick();
    expect(prepared.charts).toHaveLength(1); // the measures by status
    expect(prepared.charts[0].key).toBe(JSON.stringify(prepared.charts[0].spec));
    expect(prepared.charts[0].key).toContain('ร้อยละของมาตรการ');
    expect(prepared.font).toMatch(/^AAEAAA/); // a TrueType file, base64
    expect(prepared.snapshot).toEqual(expect.any(String));
    expect(
      Object.keys(prepareCalls).filter((m) =>
        /^(Range\.set|Sheet\.(set|insert)|Spreadsheet\.insert|Properties\.(set|delete)|DocumentApp|Drive)/.test(
          m,
        ),
      ),
    ).toEqual([]);
    expect(runtime.documents.size).toBe(0);
  });

  test('the drawn chart goes into the Doc as it is: no scratch tab, no chart taken from Sheets', () => {
    const { prepared, build } = resultsClick();
    const drawn = prepared.charts.map((c) => ({ key: c.key, png: png(c.spec) }));
    const { calls, doc } = build(drawn);
    expect(base64Images(doc)).toEqual(drawn.map((d) => d.png));
    expect(calls['Spreadsheet.insertSheet'] ?? 0).toBe(0);
    expect(calls['Sheet.getCharts'] ?? 0).toBe(0);
    // The input tabs come from the first call's cache: only the measures tab is read again.
    expect(calls['Range.getValues']).toBe(1);
  });

  test('without a drawing (a page that could not draw, or the CLI) Sheets draws it and the scratch tab goes', () => {
    const { runtime, build } = resultsClick();
    const { calls, doc } = build([]);
    expect(calls['EmbeddedChart.getAs']).toBe(1);
    expect(docImages(doc)).toHaveLength(1);
    expect(runtime.spreadsheet.getSheets().map((s) => s.getName())).toEqual(sheets.map((s) => s.name));
  });

  test('a plan with no measures stops at the first call, before any Doc is made', () => {
    const empty = sheets.map((s) => (s.name === 'มาตรการ' ? { ...s, values: [s.values[0]] } : s));
    const { runtime, bundle } = sampleBundle(empty);
    expect(() => bundle.call('apiPrepareResultsReport', {})).toThrow(/no measures yet/);
    expect(runtime.documents.size).toBe(0);
  });
});
