import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { frameworkForYear } from '../../src/core/frameworks';
import { bare, pageGrey, pdfPages, writePagePngs } from '../helpers/pdf';
import { ROOT } from '../helpers/workbook';

// The sample's report as the officer receives it: the CLI's PDF (Chromium: the system's or the npm
// package's), read as text and looked at as pages with PDF.js (test/helpers/pdf.ts). Thai text is compared
// without its marks (`bare`): see there why.

const OUT = join(ROOT, 'out', 'report-pages');
const THAI = '๐๑๒๓๔๕๖๗๘๙';
const thai = (n: number) => String(n).replace(/\d/g, (d) => THAI[Number(d)]);
const bareRegExp = (re: RegExp) => new RegExp(bare(re.source), re.flags);

describe('the sample report as a PDF', () => {
  let pages: string[] = [];
  const pdf = join(OUT, 'report.pdf');

  beforeAll(() => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    const run = spawnSync(
      process.execPath,
      [join(ROOT, 'bin', 'ita-report.cjs'), 'build', 'samples/oie-2568.xlsx', '--out', OUT],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(0);
    pages = pdfPages(pdf).map((lines) => bare(lines.join('\n')));
    // The page images, to look at (npx jest test/local/report-pdf.test.ts, then out/report-pages/).
    writePagePngs(pdf, OUT);
  }, 120_000);

  const lines = (page: string) => page.split('\n').filter((l) => l.trim() !== '');

  test('every page but the first shows its number in Thai digits at its foot', () => {
    expect(pages.length).toBeGreaterThan(10);
    expect(readdirSync(OUT).filter((f) => f.endsWith('.png'))).toHaveLength(pages.length);
    expect(lines(pages[0]).at(-1)?.trim()).not.toMatch(/^[๐-๙]+$/);
    pages.slice(1).forEach((page, i) => {
      expect(lines(page).at(-1)?.trim()).toBe(thai(i + 2));
    });
  });

  test('the last page holds the proposal and the approval with the names from the settings', () => {
    const last = pages.at(-1) as string;
    expect(last).toMatch(bareRegExp(/ลงชื่อ \.+ ผู้เสนอ\s+ลงชื่อ \.+ ผู้อนุมัติ/));
    expect(last).toMatch(bareRegExp(/\(นางสาวสมใจ ตัวอย่าง\)\s+\(นายสมชาย ตัวอย่าง\)/));
  });

  test('every EIT item row of the per-indicator table has both part scores on the line of its code', () => {
    const text = pages.join('\n');
    const table = text.slice(text.indexOf(bare('ตารางที่ ๔')), text.indexOf(bare('ตารางที่ ๕')));
    const eit = frameworkForYear(2568)
      .framework.indicators.filter((i) => i.tool === 'EIT')
      .flatMap((i) => i.items);
    for (const id of eit) {
      const line = table.split('\n').find((l) => l.trimStart().startsWith(`${id} `));
      expect([id, line?.match(/[๐-๙]+(?:\.[๐-๙]+)?(?=\s|$)/g)?.length]).toEqual([id, 2]);
    }
  });

  test('no page ends with an indicator group row', () => {
    const names = frameworkForYear(2568).framework.indicators.map((i) => i.name);
    // A group row: `ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต (OIT) …` (the analysis) or `๑๐. การป้องกันการทุจริต`
    // alone (the measures); `๑๐ …` is the indicator table's row. A line of prose may start with an indicator
    // too (`ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล และ…`, the text under the indicators' chart): it is no group row.
    const group = new RegExp(
      bare(`^\\s*(ตัวชี้วัดที่ [๐-๙]+|[๐-๙]+\\.) (${names.join('|')})( \\((IIT|EIT|OIT)\\)|\\s*$)`),
    );
    pages.forEach((page, i) => {
      const body = lines(page).slice(0, -1); // the page number
      expect([i + 1, group.test(body.at(-1) ?? '')]).toEqual([i + 1, false]);
    });
  });

  test('no period cell of the measures table wraps to more than two lines', () => {
    const text = pages.join('\n');
    const table = text.slice(text.indexOf(bare('ตารางที่ ๖')));
    const starts = table.match(bareRegExp(/๑ ตุลาคม ๒๕๖๘ –/g)) ?? [];
    const ends = table.match(bareRegExp(/๓๐ กันยายน ๒๕๖๙/g)) ?? [];
    expect(starts.length).toBeGreaterThan(10);
    expect(ends).toHaveLength(starts.length); // each date whole on its line: two lines a period
  });

  test('nothing of a next page’s first line shows at a page’s foot (no stray tone marks)', () => {
    const dpi = 144;
    const bottom = Math.round((841.89 - (2.5 * 72) / 2.54) * (dpi / 72)); // the text area's last pixel row
    pages.forEach((_, i) => {
      const { rows } = pageGrey(pdf, i + 1, dpi);
      // Rows of ink just above the text area's edge: a thin band of a few marks, apart from the text above.
      const ink = (y: number) => rows[y].reduce((n, v) => n + (v < 128 ? 1 : 0), 0);
      let y = bottom - 1;
      let marks = 0;
      while (y > bottom - 14 && ink(y) > 0) marks += ink(y--);
      const gapAbove = ink(y) === 0 && y > bottom - 14;
      expect([i + 1, gapAbove && marks > 0 && marks < 150]).toEqual([i + 1, false]);
    });
  });
});
