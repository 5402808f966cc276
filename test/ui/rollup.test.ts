import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { type LocalServer, startLocalServer } from '../../src/local/serve';
import { describeBrowser, seriousViolationsIn, useBrowser } from '../helpers/browser';
import { ROOT } from '../helpers/workbook';

const DIST = join(ROOT, 'dist');
const OUT = join(ROOT, 'out');
const PROVINCE = join(ROOT, 'samples', 'province-example.xlsx');

const browser = useBrowser();

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
    page = await browser().newPage({ viewport: { width: 1100, height: 900 } });
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
    expect(await seriousViolationsIn(frame())).toEqual([]);
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
    expect(await seriousViolationsIn(frame())).toEqual([]);
    await page.locator('#sidebar').screenshot({ path: join(OUT, 'sidebar-rollup-follow.png') });
  }, 240_000);

  test('the share card plans the follow-up rows for the agencies, Escape closes the plan, confirm shares and says so', async () => {
    const sidebar = page.frameLocator('#sidebar');
    const tab = server.runtime.spreadsheet.getSheetByName('ติดตามหน่วยงาน');
    if (!tab) throw new Error('no follow-up tab (the test before writes it)');
    // One agency's address has no Google account: the result names it, with what to do.
    tab.getRange(3, 2).setValue('someone@no-google.example');
    expect((await sidebar.locator('#share-title').textContent())?.trim()).toBe('แชร์แถวติดตามให้หน่วยงาน');
    await sidebar.locator('#preview-share').click();
    const plan = sidebar.locator('#share-plan');
    await plan.waitFor({ timeout: 30_000 });
    expect(await frame().evaluate('document.activeElement.id')).toBe('share-plan');
    // Escape closes the plan, and focus goes back to the button that opened it.
    await page.keyboard.press('Escape');
    await plan.waitFor({ state: 'detached' });
    expect(await frame().evaluate('document.activeElement.id')).toBe('preview-share');
    await sidebar.locator('#preview-share').click();
    await plan.waitFor({ timeout: 30_000 });
    const said = String(await plan.textContent());
    // Who gets which row, the addresses against Google's limit, the public note: the server's words, Thai digits.
    expect(said).toMatch(/แถวของแต่ละหน่วยงานในแท็บติดตามหน่วยงาน \([๐-๙]+ แถว\)/);
    expect(said).toContain('→ someone@no-google.example');
    expect(said).toMatch(/… \+[๐-๙]+/);
    expect(said).toMatch(/สเปรดชีตจะมีผู้ได้รับสิทธิ์ [๐-๙]+ อีเมล \(Google ให้แชร์ไฟล์หนึ่งได้ไม่เกิน ๖๐๐ อีเมล\)/);
    expect(said).toContain('ผลการประเมิน ITA และแผน o25 ของทุกหน่วยงานเผยแพร่ต่อสาธารณะอยู่แล้ว');
    expect(said).toContain('ส่งอีเมลแจ้งหน่วยงานเมื่อแชร์ PDF');
    await sidebar.locator('#share-spreadsheet').check();
    expect(await seriousViolationsIn(frame())).toEqual([]);
    // The plan's top, where it opens in place of the button.
    await frame().evaluate('document.getElementById("share-plan").scrollIntoView()');
    await page.locator('#sidebar').screenshot({ path: join(OUT, 'sidebar-rollup-share-plan.png') });

    await sidebar.locator('#confirm-share').click();
    const notice = sidebar.locator('#share-notice');
    await notice.waitFor({ timeout: 60_000 });
    // Where focus lands and what is announced: the counts per file and the refused address by name.
    expect(await frame().evaluate('document.activeElement.id')).toBe('share-notice');
    const done = String(await notice.textContent());
    expect(done).toMatch(
      /ล็อก [๐-๙]+ ช่วง, ๒ แท็บ, เพิ่มผู้แก้ไขสเปรดชีต [๐-๙]+ คน แชร์รายงาน: Doc [๐-๙]+, PDF [๐-๙]+ \(ถูกปฏิเสธ ๑\)/,
    );
    expect(done).toContain('someone@no-google.example (PDF)');
    expect(await notice.getAttribute('class')).toContain('caution');
    await frame().waitForFunction(
      'document.getElementById("live").textContent.includes("someone@no-google.example")',
    );
    const refused = String(await sidebar.locator('#share-refused').textContent());
    expect(refused).toContain('ในแท็บผลหน่วยงาน');
    expect(await seriousViolationsIn(frame())).toEqual([]);
    await frame().evaluate('document.getElementById("share-card").scrollIntoView()');
    await page.locator('#sidebar').screenshot({ path: join(OUT, 'sidebar-rollup-share-done.png') });
    expect(Number(await frame().evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(300);

    // In English, the card and the result speak of the agencies too (the server's words, not the page's).
    await sidebar.locator('#lang').click();
    await sidebar.locator('#share-title').filter({ hasText: 'Share the follow-up rows' }).waitFor();
    expect(await sidebar.locator('#share-card').textContent()).toContain('each agency needing attention');
    expect(await notice.textContent()).toMatch(/^⚠ Protected \d+ ranges and 2 tabs/);
    expect(await sidebar.locator('#share-refused').textContent()).toContain('in the ผลหน่วยงาน tab');
    expect(await seriousViolationsIn(frame())).toEqual([]);
    await frame().evaluate('document.getElementById("share-card").scrollIntoView()');
    await page.locator('#sidebar').screenshot({ path: join(OUT, 'sidebar-rollup-share-done-en.png') });
    await sidebar.locator('#lang').click();
    await sidebar.locator('#share-title').filter({ hasText: 'แชร์แถวติดตามให้หน่วยงาน' }).waitFor();

    // Each attention row is its agency's: protected for its e-mails and the team, the domain left out.
    const ss = server.runtime.spreadsheet;
    const rows = tab.getDataRange().getValues().slice(1);
    const ranges = ss.getProtections('RANGE');
    rows.forEach((row, i) => {
      const guard = ranges.find((p) => p.getRange().getSheet() === tab && p.getRange().getRow() === i + 2);
      const editors = guard?.getEditors().map((u) => u.getEmail()) ?? [];
      for (const email of String(row[1]).split(', ').filter(Boolean)) expect(editors).toContain(email);
      expect(guard?.canDomainEdit()).toBe(false);
    });
  }, 240_000);

  test('beyond Google’s 600 a file, the plan says so in the warning colour and offers no confirm', async () => {
    const sidebar = page.frameLocator('#sidebar');
    const ss = server.runtime.spreadsheet;
    // The file already holds 600 other people: the agencies would take it past Google's limit.
    ss.addEditors(Array.from({ length: 600 }, (_, i) => `colleague${i}@office.example`));
    const ranges = ss.getProtections('RANGE').length;
    await sidebar.locator('#preview-share').click();
    const plan = sidebar.locator('#share-plan');
    await plan.waitFor({ timeout: 30_000 });
    const warning = plan.locator('.warn').filter({ hasText: 'แชร์ไม่ได้: สเปรดชีตจะมีผู้ได้รับสิทธิ์' });
    expect(await warning.textContent()).toContain('เกินที่ Google ให้แชร์ไฟล์หนึ่งได้ (๖๐๐ อีเมล)');
    const confirm = sidebar.locator('#confirm-share');
    expect(await confirm.getAttribute('aria-disabled')).toBe('true');
    // A click on it does nothing (aria-disabled keeps it focusable; Playwright must be told to click it).
    await confirm.click({ force: true });
    expect(await sidebar.locator('#share-notice').count()).toBe(0);
    expect(ss.getProtections('RANGE')).toHaveLength(ranges);
    expect(await seriousViolationsIn(frame())).toEqual([]);
    await frame().evaluate('document.getElementById("share-plan").scrollIntoView()');
    await page.locator('#sidebar').screenshot({ path: join(OUT, 'sidebar-rollup-share-over-limit.png') });
    await page.keyboard.press('Escape');
    await plan.waitFor({ state: 'detached' });
  }, 120_000);
});
