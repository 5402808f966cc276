import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { THAI_COMPOUNDS } from '../../src/local/thai-words';
import { bare, inkedRows, pdfPages, writePagePngs } from '../helpers/pdf';
import { ROOT } from '../helpers/workbook';

// Both reports as PDFs (the CLI's, Chromium), read line by line: a Thai word the reader keeps whole is
// never cut at a line's end. Each common word must be found whole in the PDF's lines as often as the HTML
// holds it. The page images are written to out/ to look at (o25: out/thai-breaks/o25/, results:
// out/thai-breaks/results/).

const OUT = join(ROOT, 'out', 'thai-breaks');

/** Common words of both reports, at least 20, each a word ICU's dictionary splits. */
const WORDS = [
  'เจ้าหน้าที่',
  'หน่วยงาน',
  'ประพฤติมิชอบ',
  'ผู้รับผิดชอบ',
  'เผยแพร่',
  'ผ่านดี',
  'ผู้มีส่วนได้ส่วนเสีย',
  'ข้อเสนอแนะ',
  'ข้อบกพร่อง',
  'ตัวชี้วัด',
  'แบบวัด',
  'งบประมาณ',
  'ดำเนินการ',
  'ปฏิบัติงาน',
  'ให้บริการ',
  'ผู้บริหาร',
  'บุคคลภายนอก',
  'ขั้นตอน',
  'ระยะเวลา',
  'ร้องเรียน',
  'ช่องทาง',
  'ความคิดเห็น',
  'ความคืบหน้า',
  'ผู้ตรวจประเมิน',
  'ลายลักษณ์อักษร',
  'ขับเคลื่อน',
  'จัดซื้อจัดจ้าง',
];

/**
 * The pages' lines without a table's header rows repeated at the top of its next pages (the HTML has them
 * once): a page's first lines made only of words of the HTML's header cells.
 */
function withoutRepeatedHeads(pages: string[][], html: string): string[][] {
  const heads = [...html.matchAll(/<th[^>]*>([\s\S]*?)<\/th>/g)].map(([, h]) =>
    bare(h.replace(/<[^>]+>/g, '')).replace(/\s+/g, ''),
  );
  // Each of its words (a gap apart: cells side by side come a space or two apart) is in a header cell.
  const isHead = (line: string) =>
    bare(line)
      .split(/\s+/)
      .every((piece) => piece === '' || heads.some((h) => h.includes(piece)));
  return pages.map((lines, p) => {
    if (p === 0) return lines;
    let k = 0;
    while (k < lines.length && (lines[k].trim() === '' || isHead(lines[k]))) k++;
    return lines.slice(k);
  });
}

/**
 * How much of each page's text area (A4, 2.5 cm top and bottom margins) is blank below its last ink, from
 * its pixels at 30 dpi (the page number sits in the bottom margin, outside).
 */
function emptyAtFoot(pdf: string): number[] {
  return inkedRows(pdf, 30).map((rows) => {
    const top = Math.round((rows.length * 2.5) / 29.7);
    const bottom = Math.round((rows.length * (29.7 - 2.5)) / 29.7);
    const last = Math.max(top, rows.slice(0, bottom).lastIndexOf(true));
    return (bottom - last) / (bottom - top);
  });
}

function build(
  report: 'plan' | 'results',
  workbook: string,
  dir: string,
): { html: string; lines: string[]; pdf: string; pages: string[][] } {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const run = spawnSync(
    process.execPath,
    [join(ROOT, 'bin', 'ita-report.cjs'), 'build', workbook, '--out', dir, '--report', report],
    { cwd: ROOT, encoding: 'utf8' },
  );
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const name = report === 'plan' ? 'report' : 'results';
  const pdf = join(dir, `${name}.pdf`);
  writePagePngs(pdf, dir);
  const pages = pdfPages(pdf);
  const html = readFileSync(join(dir, `${name}.html`), 'utf8');
  return {
    pdf,
    pages,
    html,
    lines: withoutRepeatedHeads(pages, html).flatMap((page) =>
      page.map((line) => bare(line).replace(/\s+/g, '')),
    ),
  };
}

/** The HTML's body as a reader reads it: no tags, no styles. */
const visible = (html: string) =>
  bare(
    html
      .replace(/<head>[\s\S]*?<\/head>/, '')
      .replace(/<[^>]+>/g, '')
      .replace(/&nbsp;/g, ' ')
      .replace(/\s+/g, ''),
  );

const occurrences = (text: string, word: string) => text.split(bare(word)).length - 1;

describe.each([
  ['plan', 'samples/oie-2568.xlsx', 'o25'],
  ['results', 'samples/oie-2568-midyear.xlsx', 'results'],
] as const)('the %s report built from %s', (report, workbook, dir) => {
  let html = '';
  let lines: string[] = [];
  let pdf = '';
  let pages: string[][] = [];
  beforeAll(() => {
    ({ html, lines, pdf, pages } = build(report, workbook, join(OUT, dir)));
  }, 180_000);

  test('no page is more than a quarter empty but before a figure, a section or at the end', () => {
    const loose = emptyAtFoot(pdf)
      .map((empty, i) => ({ page: i + 1, empty }))
      .filter((x) => x.empty > 0.25 && x.page < pages.length)
      .map((x) => ({ ...x, next: (pages[x.page].find((l) => l.trim() !== '') ?? '').trim() }));
    // A figure (its caption is the next page's first text: the image above it has none) or a numbered
    // section's heading may not follow on a page with too little room left.
    const excused = (line: string) => /^รูปที/.test(line) || /^[๐-๙]+\.\s/.test(line) || /^ส่วนที/.test(line);
    expect(loose.filter((x) => !excused(x.next))).toEqual([]);
  }, 60_000);

  test('its page images are in out/ to look at', () => {
    expect(readdirSync(join(OUT, dir)).filter((f) => f.endsWith('.png')).length).toBeGreaterThan(3);
  });

  test('every common word is whole on its line as often as the HTML has it', () => {
    expect(WORDS.length).toBeGreaterThanOrEqual(20);
    const text = visible(html);
    const counts = WORDS.map((w) => ({
      word: w,
      html: occurrences(text, w),
      pdf: lines.reduce((n, line) => n + occurrences(line, w), 0),
    }));
    // Most of the words are there to be broken: the test means something for this report.
    expect(counts.filter((c) => c.html > 0).length).toBeGreaterThanOrEqual(report === 'plan' ? 20 : 8);
    expect(counts.filter((c) => c.pdf !== c.html)).toEqual([]);
  });
});

test('the words held whole include every word this test counts', () => {
  for (const w of WORDS) expect(THAI_COMPOUNDS).toContain(w);
});
