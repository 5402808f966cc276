import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { type LocalServer, startLocalServer } from '../../src/local/serve';
import { CHROMIUM, launch } from '../helpers/browser';
import { ROOT } from '../helpers/workbook';

const DIST = join(ROOT, 'dist');
const OUT = join(ROOT, 'out');
const PROVINCE = join(ROOT, 'samples', 'province-example.xlsx');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const describeBrowser = CHROMIUM || process.env.CI ? describe : describe.skip;

let browser: Browser;
beforeAll(async () => {
  if (!CHROMIUM && !process.env.CI) return;
  mkdirSync(OUT, { recursive: true });
  browser = await launch();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

async function seriousViolations(frame: Frame): Promise<string[]> {
  if (!(await frame.evaluate('typeof axe !== "undefined"'))) await frame.addScriptTag({ content: AXE });
  const run =
    'axe.run(document, { resultTypes: ["violations"], rules: { "target-size": { enabled: true } } })';
  const result = (await frame.evaluate(run)) as {
    violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
  };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describeBrowser('a coordinator’s workbook in the sidebar at 300 px', () => {
  let server: LocalServer;
  let page: Page;
  beforeAll(async () => {
    // No PDF writer: these tests look at the sidebar, not at the PDF's pages (rollup-cli.test.ts does).
    server = await startLocalServer({
      workbook: PROVINCE,
      distDir: DIST,
      pdf: () => Buffer.from('%PDF-1.4 local'),
    });
    page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.goto(`${server.url}/`);
  }, 60_000);
  afterAll(async () => {
    await page?.close();
    await server?.close();
  });
  const frame = () => {
    const f = page.frame({ url: /\/sidebar$/ });
    if (!f) throw new Error('no sidebar frame');
    return f;
  };

  test('shows the roll-up card instead of one agency’s, offers สร้างรายงานภาพรวม, axe-core finds nothing serious', async () => {
    const sidebar = page.frameLocator('#sidebar');
    await sidebar.locator('#rollup-card').waitFor({ timeout: 30_000 });
    expect(await sidebar.locator('#start-card').count()).toBe(0);
    expect((await sidebar.locator('#build-rollup').textContent())?.trim()).toBe('สร้างรายงานภาพรวม');
    expect(await sidebar.locator('#rollup-figures').textContent()).toContain('หน่วยงาน ๑๕๐ แห่ง');
    expect(await sidebar.locator('#rollup-levels').textContent()).toContain('ไม่ผ่าน: ๒๘');
    expect(await seriousViolations(frame())).toEqual([]);
    await page.locator('#sidebar').screenshot({ path: join(OUT, 'sidebar-rollup.png') });
    expect(Number(await frame().evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(300);
  }, 60_000);

  test('the button builds the report; the follow-up card writes the tab and shows who has answered', async () => {
    const sidebar = page.frameLocator('#sidebar');
    await sidebar.locator('#build-rollup').click();
    await sidebar.locator('#rollup-doc').waitFor({ timeout: 120_000 });
    expect(await sidebar.locator('#rollup-doc').getAttribute('href')).toMatch(/^\/files\/doc-/);
    expect(server.runtime.spreadsheet.getSheetByName('ภาพรวมหน่วยงาน')?.getLastRow()).toBe(151);
    await sidebar.locator('#write-agency-follow').click();
    await sidebar.locator('#agency-answered').waitFor({ timeout: 60_000 });
    const tab = server.runtime.spreadsheet.getSheetByName('ติดตามหน่วยงาน');
    const rows = (tab?.getLastRow() ?? 1) - 1;
    tab?.getRange(2, 5).setValue('จัดทำคู่มือการปฏิบัติงาน');
    await sidebar.locator('#write-agency-follow').click();
    await sidebar
      .locator('#agency-answered')
      .filter({ hasText: `ตอบแล้ว ๑ จาก ${String(rows).replace(/\d/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[Number(d)])}` })
      .waitFor({ timeout: 60_000 });
    expect(await sidebar.locator('#agency-follow-list li').first().textContent()).toContain('ตอบแล้ว');
    expect(await seriousViolations(frame())).toEqual([]);
    await page.locator('#sidebar').screenshot({ path: join(OUT, 'sidebar-rollup-follow.png') });
  }, 240_000);
});
