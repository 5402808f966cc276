import { writeFileSync } from 'node:fs';
import { textWidth } from '../../src/core/report/chart-svg';
import { createRuntime } from '../../src/local/runtime/index';

// The local charts as the report draws them: labels that never overlap, Thai tick labels, thresholds drawn.
const NAMES = [
  '๑. การปฏิบัติหน้าที่',
  '๒. การใช้งบประมาณ',
  '๓. การใช้อำนาจ',
  '๔. การใช้ทรัพย์สินของราชการ',
  '๕. การแก้ไขปัญหาการทุจริต',
  '๖. คุณภาพการดำเนินงาน',
  '๗. ประสิทธิภาพการสื่อสาร',
  '๘. การปรับปรุงการทำงาน',
  '๙. การเปิดเผยข้อมูล',
  '๑๐. การป้องกันการทุจริต',
];

function chartSvg(orientation: 'horizontal' | 'vertical'): string {
  const runtime = createRuntime({ user: 'owner@example.com' });
  const app = runtime.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const sheet = app.getActive().insertSheet('c');
  const grid = [
    ['ตัวชี้วัด', '๒๕๖๗', '๒๕๖๘', 'เกณฑ์ ๘๕ คะแนน', 'เกณฑ์ ๙๕ คะแนน'],
    ...NAMES.map((name, i) => [name, 80 + i, 85 + i, 85, 95]),
  ];
  const range = sheet.getRange(1, 1, grid.length, 5);
  range.setValues(grid);
  const ticks = [65, 70, 75, 80, 85, 90, 95, 100].map((v) => ({
    v,
    f: String(v).replace(/\d/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[Number(d)]),
  }));
  const axis = orientation === 'vertical' ? 'hAxis' : 'vAxis';
  const chart = sheet
    .newChart()
    .setChartType(
      app.getActive() && (runtime.globals.Charts as GoogleAppsScript.Charts.Charts).ChartType.COMBO,
    )
    .addRange(range)
    .setOption('orientation', orientation)
    .setOption('seriesType', 'bars')
    .setOption('series', {
      2: { type: 'line', lineDashStyle: [6, 4] },
      3: { type: 'line', lineDashStyle: [6, 4] },
    })
    .setOption(`${axis}.viewWindow.min`, 65)
    .setOption(`${axis}.viewWindow.max`, 100)
    .setOption(`${axis}.ticks`, ticks)
    .setOption('legend', { position: 'bottom' })
    .setOption('width', 640)
    .setOption('height', 420)
    .setPosition(1, 1, 0, 0)
    .build();
  if (process.env.CHART_PNG)
    writeFileSync(
      `${process.env.CHART_PNG}-${orientation}.png`,
      Buffer.from(chart.getAs('image/png').getBytes()),
    );
  return chart.getBlob().getDataAsString();
}

const TEXT =
  /<text x="([\d.]+)" y="([\d.]+)" font-size="(\d+)"(?: text-anchor="(\w+)")?(?: transform="rotate\((-?[\d.]+)[^"]*")?[^>]*>([^<]*)<\/text>/g;

/** Every upright text of the SVG as a box (its font size tall), by its anchor; slanted ones apart. */
function textBoxes(svg: string) {
  const all = [...svg.matchAll(TEXT)].map(([, x, y, size, anchor, angle, text]) => {
    const w = textWidth(text, Number(size));
    const left = anchor === 'middle' ? Number(x) - w / 2 : anchor === 'end' ? Number(x) - w : Number(x);
    const box = { text, left, right: left + w, top: Number(y) - Number(size), bottom: Number(y) };
    return { ...box, x: Number(x), y: Number(y), w, size: Number(size), angle: angle ? Number(angle) : 0 };
  });
  return { upright: all.filter((b) => b.angle === 0), slanted: all.filter((b) => b.angle !== 0) };
}

describe.each(['vertical', 'horizontal'] as const)(
  'a combo chart with ten indicator names (%s)',
  (orientation) => {
    const svg = chartSvg(orientation);
    const { upright: boxes, slanted } = textBoxes(svg);

    test('no two labels overlap, and every label stays inside the image', () => {
      expect(boxes.length + slanted.length).toBeGreaterThan(20);
      expect(slanted).toHaveLength(orientation === 'horizontal' ? 10 : 0); // names too wide for a column's slot
      // Slanted labels (anchored at their end, parallel): apart by more than their height, inside the image,
      // and above anything drawn under them (the legend).
      const rad = (deg: number) => (Math.abs(deg) * Math.PI) / 180;
      for (const a of slanted) {
        expect(a.x - a.w * Math.cos(rad(a.angle))).toBeGreaterThanOrEqual(0);
        expect(a.y + a.w * Math.sin(rad(a.angle))).toBeLessThanOrEqual(420);
      }
      const gaps = slanted.slice(1).map((b, i) => (b.x - slanted[i].x) * Math.sin(rad(b.angle)) - b.size);
      expect(gaps.every((g) => g > 0)).toBe(true);
      const lowest = Math.max(...slanted.map((a) => a.y + a.w * Math.sin(rad(a.angle))));
      const below = boxes.filter((b) => slanted.length > 0 && b.top > Math.min(...slanted.map((a) => a.y)));
      expect(below.every((b) => b.top >= lowest)).toBe(true);
      for (const [i, a] of boxes.entries()) {
        expect(a.left).toBeGreaterThanOrEqual(0);
        expect(a.right).toBeLessThanOrEqual(640);
        for (const b of boxes.slice(i + 1)) {
          const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
          expect([a.text, b.text, overlap]).toEqual([a.text, b.text, false]);
        }
      }
    });

    test('the value axis reads in the ticks given (Thai digits), from 65, and the thresholds are dashed lines', () => {
      for (const f of ['๖๕', '๘๕', '๙๕', '๑๐๐']) expect(boxes.some((b) => b.text === f)).toBe(true);
      expect(boxes.some((b) => b.text === '0' || b.text === '85')).toBe(false);
      expect(svg.match(/<polyline [^>]*stroke-dasharray="6 4"/g)).toHaveLength(2);
    });
  },
);
