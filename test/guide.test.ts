import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers/workbook';

// docs/guide-th.md, the officers' guide: its pictures are the sidebar's cards at 300 px, made by
// `npm run guide:shots`; the add-on shows it in a dialog from dist/Guide.html, pictures inline.

const guide = readFileSync(join(ROOT, 'docs', 'guide-th.md'), 'utf8');
const pictures = [...guide.matchAll(/^!\[[^\]]+\]\(([^)]+)\)$/gm)].map((m) => m[1]);
const cards = readdirSync(join(ROOT, 'src', 'ui', 'cards'))
  .filter((f) => f.endsWith('.ts') && f !== 'shared.ts')
  .map((f) => f.replace(/\.ts$/, ''));

test('every picture the guide names exists: a PNG of the sidebar, at most 300 px wide and kept small', () => {
  expect(pictures.length).toBeGreaterThanOrEqual(cards.length);
  for (const path of pictures) {
    expect(path).toMatch(/^guide\/[a-z-]+\.png$/);
    const png = readFileSync(join(ROOT, 'docs', path));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const width = png.readUInt32BE(16);
    expect(width).toBeGreaterThan(200);
    expect(width).toBeLessThanOrEqual(300);
    expect(png.length).toBeLessThan(100 * 1024);
  }
});

test('every card of the sidebar has its picture in the guide', () => {
  expect(cards).toEqual(
    expect.arrayContaining(['check', 'build', 'share', 'summary', 'follow-up', 'last-report']),
  );
  for (const card of cards) expect(pictures.some((p) => p.startsWith(`guide/${card}`))).toBe(true);
});

test('the guide covers the officers’ way through the year, in Thai', () => {
  const headings = [...guide.matchAll(/^## (.*)$/gm)].map((m) => m[1]);
  const topics = [
    'นำส่วนเสริม',
    'กรอกแท็บ',
    'ตรวจข้อมูล',
    'สร้างรายงาน',
    'ก่อนลงนาม',
    'แชร์',
    'หน่วยงานภายใน',
    'รายงานผล',
    'ปีถัดไป',
  ];
  for (const topic of topics) expect(headings.some((h) => h.includes(topic))).toBe(true);
});

test('dist/Guide.html, the dialog "วิธีใช้" opens, holds the guide with every picture inline and no other host', () => {
  const html = readFileSync(join(ROOT, 'dist', 'Guide.html'), 'utf8');
  expect(html).toContain('<h1>คู่มือการใช้งาน ita-report</h1>');
  const images = [...html.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1]);
  expect(images).toEqual(
    pictures.map((p) => `data:image/png;base64,${readFileSync(join(ROOT, 'docs', p)).toString('base64')}`),
  );
  expect(html).not.toMatch(/https?:\/\//);
  expect(html).not.toContain('<?');
});
