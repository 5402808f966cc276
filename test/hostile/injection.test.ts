import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../../src/core/analysis/analyze';
import { runBuild } from '../../src/local/build';
import { docToHtml } from '../../src/local/doc-html';
import { findChromium, htmlToPdf } from '../../src/local/pdf';
import type { DocData } from '../../src/local/runtime/document';
import { readXlsxFile, workbookFromSheets } from '../../src/local/xlsx';
import { bare, pdfText } from '../helpers/pdf';
import { editedSample, ROOT } from '../helpers/workbook';

const DIST = join(ROOT, 'dist');

// The payloads of issue 16: a font setting that breaks out of the style attribute.
const IFRAME = `Sarabun'"><iframe src="file:///etc/hostname"></iframe><p style="font-family:'`;
const ONERROR = `Sarabun'"><img src=x onerror="document.body.innerHTML='PWNED'">`;
const SCRIPT = `</style><script>document.title='PWNED'</script>`;

function withFont(font: string) {
  return editedSample('ตั้งค่า', (rows) => {
    const row = rows.find((r) => r[0] === 'แบบอักษร') ?? rows[rows.push(['แบบอักษร', '']) - 1];
    row[1] = font;
  });
}

/** The elements and attributes of an HTML page, as a tokenizer would see them. */
function tags(html: string): string[] {
  return [...html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)].map((m) => `${m[1]} ${m[2]}`);
}

describe('a hostile font setting', () => {
  test.each([IFRAME, ONERROR, SCRIPT])('is refused with a finding naming the cell: %s', (font) => {
    const findings = analyze(withFont(font)).findings;
    const finding = findings.find((f) => f.code === 'bad-setting' && f.message_en.includes('unknown font'));
    expect(finding?.where).toMatch(/^ตั้งค่า!B\d+$/);
    expect(finding?.severity).toBe('warning');
  });

  test('a known font is kept, in the list spelling', () => {
    const analysis = analyze(withFont('  noto sans THAI '));
    expect(analysis.workbook.settings?.font).toBe('Noto Sans Thai');
  });
});

/** A Doc as Google could hold it: any string in any attribute (a Doc edited by hand, or another add-on). */
function hostileDoc(attrs: Record<string, unknown>, text = 'ข้อความ'): DocData {
  return {
    name: `<script>alert(1)</script>`,
    header: null,
    footer: null,
    body: {
      attrs: { PAGE_WIDTH: '1;}</style><iframe src=file:///etc/hostname>' },
      children: [
        {
          type: 'PARAGRAPH',
          attrs,
          keepWithNext: false,
          inlines: [{ kind: 'text', runs: [{ text, attrs }] }],
        },
      ],
    },
  } as unknown as DocData;
}

describe('the local HTML of a Doc', () => {
  test.each([
    ['FONT_FAMILY', IFRAME],
    ['FONT_FAMILY', ONERROR],
    ['FOREGROUND_COLOR', 'red"><iframe src="file:///etc/hostname">'],
    ['BACKGROUND_COLOR', 'url(file:///etc/hostname)'],
    ['FONT_SIZE', '12pt;background:url(file:///etc/hostname)'],
    ['HORIZONTAL_ALIGNMENT', 'left;background:url(file:///etc/hostname)'],
    ['LINK_URL', 'javascript:alert(1)'],
    ['LINK_URL', 'file:///etc/hostname'],
  ])('carries nothing of a hostile %s', (attr, value) => {
    const html = docToHtml(hostileDoc({ [attr]: value }, '<b>x</b>'));
    expect(html).not.toContain('/etc/hostname');
    expect(html).not.toContain('<iframe');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
  });

  test('an https link carrying a quote and a tag stays one attribute value: no element from it', () => {
    // safeHref takes any https address; only the escaping keeps the quote inside the attribute.
    const url = 'https://x.example/"><iframe src="file:///etc/hostname"></iframe>';
    const html = docToHtml(hostileDoc({ LINK_URL: url }, 'หลักฐาน'));
    expect(tags(html).filter((t) => /^(iframe|a)\b/i.test(t))).toEqual([
      'a  href="https://x.example/&quot;&gt;&lt;iframe src=&quot;file:///etc/hostname&quot;&gt;&lt;/iframe&gt;"',
    ]);
  });

  test('declares a policy that loads and runs nothing', () => {
    const html = docToHtml(hostileDoc({}));
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'`);
  });
});

describe('a hostile font setting, built', () => {
  test.each([IFRAME, ONERROR])(
    'never reaches the built report: no element, attribute or file text from it',
    async (font) => {
      const dir = mkdtempSync(join(tmpdir(), 'ita-inject-'));
      const book = join(dir, 'hostile.xlsx');
      await workbookFromSheets(withFont(font)).xlsx.writeFile(book);
      const out = join(dir, 'out');
      const result = await runBuild({ workbook: book, out, distDir: DIST, pdf: findChromium() !== null });
      expect(result.error).toBeNull();
      const html = readFileSync(join(out, 'report.html'), 'utf8');
      const elements = tags(html);
      expect(
        elements.some(
          (t) => /^(iframe|img|script|object|embed|link)\b/i.test(t) && !t.includes('data:image/png'),
        ),
      ).toBe(false);
      expect(elements.some((t) => /\son\w+=/i.test(t))).toBe(false);
      expect(html).not.toContain('/etc/hostname');
      expect(html).not.toContain('PWNED');
      const text = bare(pdfText(join(out, 'report.pdf')));
      expect(text).toContain(bare('สำนักงานเศรษฐกิจอุตสาหกรรม'));
      expect(text).not.toContain('PWNED');
      expect(text.split(/\s+/)).not.toContain(readFileSync('/etc/hostname', 'utf8').trim() || hostname());
    },
    120_000,
  );
});

const chromium = findChromium();
describe('Chromium printing a page that tries anyway', () => {
  test('runs no script and reads no file, even from markup that got in', () => {
    // Markup put in after docToHtml: what the Content-Security-Policy and the sandbox stop on their own.
    const html = docToHtml(hostileDoc({})).replace(
      '<body>',
      `<body><p id="x">static</p><script>document.getElementById('x').textContent='SCRIPTRAN'</script><img src="x" onerror="document.body.textContent='ONERRORRAN'"><iframe src="file:///etc/hostname"></iframe>`,
    );
    const pdf = htmlToPdf(html, chromium as string);
    const dir = mkdtempSync(join(tmpdir(), 'ita-inject-'));
    const file = join(dir, 'page.pdf');
    writeFileSync(file, pdf);
    const text = pdfText(file);
    expect(text).toContain('static');
    expect(text).not.toContain('SCRIPTRAN');
    expect(text).not.toContain('ONERRORRAN');
    expect(text.split(/\s+/)).not.toContain(hostname());
  }, 120_000);
});

describe('a hostile link in the measures tab, built into both reports', () => {
  test('yields no element in the o25 report nor in the results report', async () => {
    const payload = 'https://x.example/"><iframe src="file:///etc/hostname"></iframe>';
    const sheets = await readXlsxFile(join(ROOT, 'samples', 'oie-2568-midyear.xlsx'));
    const tab = sheets.find((s) => s.name === 'มาตรการ');
    if (!tab) throw new Error('no measures tab');
    const evidence = tab.values[0].indexOf('หลักฐาน');
    const title = tab.values[0].indexOf('มาตรการ/โครงการ/กิจกรรม');
    tab.values[1][evidence] = `รายงานการประชุม ${payload}`;
    tab.values[2][evidence] = payload;
    tab.values[2][title] = `${tab.values[2][title]} ${payload}`;
    const dir = mkdtempSync(join(tmpdir(), 'ita-link-'));
    const book = join(dir, 'hostile.xlsx');
    await workbookFromSheets(sheets).xlsx.writeFile(book);
    const out = join(dir, 'out');
    for (const report of ['plan', 'results'] as const) {
      const result = await runBuild({ workbook: book, out, distDir: DIST, pdf: false, report });
      expect(result.error).toBeNull();
    }
    for (const file of ['report.html', 'results.html']) {
      const html = readFileSync(join(out, file), 'utf8');
      expect([
        file,
        tags(html)
          .filter((t) => /^(iframe|script|object|embed|img)\b|\son\w+=/i.test(t))
          .filter((t) => !/^img\s+src="data:image\/png;base64,/.test(t))
          .map((t) => t.slice(0, 80)),
      ]).toEqual([file, []]);
      // The payload did reach the report, as text.
      expect([file, html.includes('&lt;iframe src=')]).toEqual([file, true]);
    }
    // The link itself is kept, up to the quote that cannot be part of it.
    expect(readFileSync(join(out, 'results.html'), 'utf8')).toContain('<a href="https://x.example/">');
  }, 120_000);
});
