import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { sarabunFiles } from '../../src/local/runtime/blob';
import { createRuntime } from '../../src/local/runtime/index';
import { CHROMIUM, launch } from '../helpers/browser';

// The local runtime draws a chart's SVG as a PNG with resvg (EmbeddedChart.getAs, Blob.getAs); the sidebar
// draws the same SVG in the browser. A label must come out the same: resvg once dropped the า of ำ
// ("การใช้อำนาจ" drawn "การใช้อํนจ"). The browser's drawing is the reference: Chromium, as the sidebar
// draws a chart (the SVG on a canvas at twice its size, Sarabun inside it).

const describeBrowser = CHROMIUM || process.env.CI ? describe : describe.skip;

const LABELS = [
  'การใช้อำนาจ',
  'คุณภาพการดำเนินงาน',
  'การปรับปรุงการทำงาน',
  'ดำเนินการแล้วเสร็จ',
  'น้ำ ทำ กำกับ',
  'ผู้รับผิดชอบ ปี่ ฝั่ง ฟ้า ฎีกา',
];

function svgOf(label: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="360" height="40" viewBox="0 0 360 40" font-family="Sarabun"><rect width="360" height="40" fill="#ffffff"/><text x="10" y="28" font-size="20">${label}</text></svg>`;
}

/** The local drawing: the runtime's Blob, SVG to PNG, as EmbeddedChart.getAs makes it. */
function localPng(svg: string): string {
  const runtime = createRuntime({ user: 'owner@example.com' });
  const utilities = runtime.globals.Utilities as GoogleAppsScript.Utilities.Utilities;
  const blob = utilities.newBlob(svg, 'image/svg+xml', 'chart.svg').getAs('image/png');
  return Buffer.from(blob.getBytes()).toString('base64');
}

/** Which columns and rows of a drawing hold ink (a pixel darker than mid grey), both drawings 720 × 80 px. */
type Columns = boolean[];
interface Ink {
  columns: Columns;
  rows: Columns;
}

/**
 * In the page (as a string: the tests' types have no DOM): the SVG drawn as the sidebar draws a chart, and
 * the local PNG, each on a 720 × 80 canvas, and which of its columns and rows hold ink.
 */
const BROWSER_INK = `async (svg, png, font) => {
  const face = "@font-face{font-family:'Sarabun';src:url(data:font/ttf;base64," + font + ") format('truetype');}";
  const load = async (src) => {
    const image = new Image();
    image.src = src;
    await image.decode();
    return image;
  };
  const ink = (image, scale) => {
    const canvas = document.createElement('canvas');
    canvas.width = 720;
    canvas.height = 80;
    const context = canvas.getContext('2d');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, 720, 80);
    context.scale(scale, scale);
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, 720, 80).data;
    const columns = new Array(720).fill(false);
    const rows = new Array(80).fill(false);
    for (let i = 1; i < data.length; i += 4)
      if (data[i] < 128) {
        columns[((i - 1) / 4) % 720] = true;
        rows[Math.floor((i - 1) / 4 / 720)] = true;
      }
    return { columns, rows };
  };
  const inBrowser = await load('data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg.replace('>', '><style>' + face + '</style>')));
  const local = await load('data:image/png;base64,' + png);
  return { browser: ink(inBrowser, 2), local: ink(local, 1) };
}`;

let browser: Browser;
beforeAll(async () => {
  if (!CHROMIUM && !process.env.CI) return;
  browser = await launch();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

async function inkOf(svg: string, png: string): Promise<{ browser: Ink; local: Ink }> {
  const font = readFileSync(sarabunFiles().regular).toString('base64');
  const page = await browser.newPage();
  try {
    const call = `(${BROWSER_INK})(${JSON.stringify(svg)}, ${JSON.stringify(png)}, ${JSON.stringify(font)})`;
    return (await page.evaluate(call)) as { browser: Ink; local: Ink };
  } finally {
    await page.close();
  }
}

/** Where the ink begins and ends, and the share of inked columns that only one of the two drawings inks. */
function compare(a: Columns, b: Columns) {
  const extent = (c: Columns) => [c.indexOf(true), c.lastIndexOf(true)];
  const union = a.filter((x, i) => x || b[i]).length;
  const differ = a.filter((x, i) => x !== b[i]).length;
  return { browser: extent(a), local: extent(b), differ: differ / Math.max(1, union) };
}

describeBrowser('a chart label drawn locally is shaped as the browser shapes it', () => {
  test.each(LABELS)(
    '%s',
    async (label) => {
      const svg = svgOf(label);
      const ink = await inkOf(svg, localPng(svg));
      const c = compare(ink.browser.columns, ink.local.columns);
      const r = compare(ink.browser.rows, ink.local.rows);
      // Same start and end of the ink within 2 px (of 720), and at most 5% of the inked columns differ:
      // a dropped า moves the rest of the word a glyph (about 20 px) to the left.
      expect(Math.abs(c.local[0] - c.browser[0])).toBeLessThanOrEqual(2);
      expect(Math.abs(c.local[1] - c.browser[1])).toBeLessThanOrEqual(2);
      expect(c.differ).toBeLessThan(0.05);
      // The marks stacked as high (a tone mark above NIKHAHIT) and as low.
      expect(Math.abs(r.local[0] - r.browser[0])).toBeLessThanOrEqual(2);
      expect(Math.abs(r.local[1] - r.browser[1])).toBeLessThanOrEqual(2);
    },
    30_000,
  );
});
