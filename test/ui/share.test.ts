import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPdfWriter, findChromium } from '../../src/local/pdf';
import { startLocalServer } from '../../src/local/serve';
import { loadSpreadsheet, saveSpreadsheet } from '../../src/local/workbook-io';
import { ROOT } from '../helpers/workbook';

const CHROMIUM = findChromium();
const DIST = join(ROOT, 'dist');
const OUT = join(ROOT, 'out');
const SAMPLE = join(ROOT, 'samples', 'oie-2568.xlsx');
const describeBrowser = CHROMIUM || process.env.CI ? describe : describe.skip;
if (!CHROMIUM && !process.env.CI) console.warn('No Chromium: the sharing browser tests are skipped');
const DIVISIONS = [
  'sl.head@oie.example',
  'sl.staff@oie.example',
  'ss.head@oie.example',
  'ss.assistant@no-google.example',
  'psd@oie.example',
];

let browser: Browser;
beforeAll(async () => {
  if (!CHROMIUM && !process.env.CI) return;
  mkdirSync(OUT, { recursive: true });
  browser = await chromium.launch({ executablePath: CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

const frameOf = (page: import('playwright-core').Page) => {
  const f = page.frame({ url: /\/sidebar$/ });
  if (!f) throw new Error('no sidebar frame');
  return f;
};

describeBrowser('sharing from the sidebar', () => {
  test('a fresh sidebar after a build: the plan, the spreadsheet step, confirm clicked twice fast shares once', async () => {
    const server = await startLocalServer({ workbook: SAMPLE, distDir: DIST, pdf: chromiumPdfWriter() });
    try {
      const first = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      await first.goto(`${server.url}/`);
      const built = first.frameLocator('#sidebar');
      await built.locator('#summary').waitFor();
      await built.locator('#build').click();
      await built.locator('#links').waitFor({ timeout: 60_000 });
      await first.close();

      // The sidebar reopened: it remembers no links, the server's plan knows there is a report.
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      await page.goto(`${server.url}/`);
      const sidebar = page.frameLocator('#sidebar');
      await sidebar.locator('#summary').waitFor();
      expect(await sidebar.locator('#links').count()).toBe(0);
      await sidebar.locator('#preview-share').click();
      const plan = sidebar.locator('#share-plan');
      await plan.waitFor();
      // Escape closes the plan, and focus goes back to the button that opened it.
      await page.keyboard.press('Escape');
      await plan.waitFor({ state: 'detached' });
      expect(await frameOf(page).evaluate('document.activeElement.id')).toBe('preview-share');
      await sidebar.locator('#preview-share').click();
      await plan.waitFor();
      for (const email of DIVISIONS) await plan.filter({ hasText: email }).waitFor();
      await sidebar.locator('#share-spreadsheet').check();
      await page.locator('#sidebar').screenshot({ path: join(OUT, 'sidebar-share-plan.png') });

      const frame = page.frame({ url: /\/sidebar$/ });
      if (!frame) throw new Error('no sidebar frame');
      // Two clicks on the same button before the first share returns.
      await frame.evaluate(
        "(() => { const b = document.getElementById('confirm-share'); b.click(); b.click(); })()",
      );
      await sidebar.locator('#share-notice').waitFor({ timeout: 30_000 });
      await sidebar.locator('#share-refused').waitFor();
      // Where focus lands and what is announced: the counts per file and the PDF's refusal, not only success.
      const notice = sidebar.locator('#share-notice');
      expect(await frame.evaluate('document.activeElement.id')).toBe('share-notice');
      expect(await notice.textContent()).toContain('Doc ๕, PDF ๔ (ถูกปฏิเสธ ๑)');
      expect(await notice.textContent()).toContain('ss.assistant@no-google.example (PDF)');
      expect(await notice.getAttribute('class')).toContain('caution');
      await frame.waitForFunction('document.getElementById("live").textContent.includes("ถูกปฏิเสธ")');
      const live = String(await frame.evaluate('document.getElementById("live").textContent'));
      expect(live).toContain('PDF ๔ (ถูกปฏิเสธ ๑)');
      expect(live).toContain('ss.assistant@no-google.example');
      // The report card counts per file too.
      await sidebar.locator('#last-report').filter({ hasText: 'Doc ๕, PDF ๔ (ถูกปฏิเสธ ๑)' }).waitFor();
      await page.locator('#sidebar').screenshot({ path: join(OUT, 'sidebar-share-done.png') });

      const rt = server.runtime;
      const props = Object.fromEntries(rt.documentProperties);
      const readers = (id: string) =>
        rt.driveFiles
          .get(id)
          ?.permissions.filter((p) => p.role === 'reader')
          .map((p) => p.emailAddress);
      expect(readers(props['ita.reportDocId'])).toEqual(DIVISIONS);
      expect(readers(props['ita.reportPdfId'])).toEqual(DIVISIONS.filter((e) => !e.includes('no-google')));
      // Once: one Drive call per address, and one set of protections.
      expect(rt.driveLog.permissionCalls.map((c) => c.resource.emailAddress)).toEqual(
        DIVISIONS.filter((e) => !e.includes('no-google')),
      );
      // The spreadsheet's editors in one list call; the sharing in two server calls (protections, then report).
      expect([rt.calls.get('Spreadsheet.addEditors'), rt.calls.get('Spreadsheet.addEditor')]).toEqual([1, 0]);
      expect(rt.spreadsheet._state.editors).toEqual(DIVISIONS);
      expect(rt.spreadsheet._state.protections.filter((p) => p._type === 'SHEET')).toHaveLength(8);
      // The spreadsheet as written keeps it: each division an editor, of its own rows only.
      const file = join(mkdtempSync(join(tmpdir(), 'ita-share-ui-')), 'workbook.xlsx');
      await saveSpreadsheet(rt, file);
      const { state } = await loadSpreadsheet(file);
      expect(state?.editors).toEqual(DIVISIONS);
      for (const p of state?.protections.filter((x) => x.sheet === 'มาตรการ') ?? [])
        expect(p.editors?.includes('ss.head@oie.example')).toBe(p.description.includes('สส.'));
      const refused = await sidebar.locator('#share-refused').textContent();
      expect(refused).toContain('ss.assistant@no-google.example');
      expect(refused).toContain('ไม่มีบัญชี Google');
      const frameWidth = Number(await frame.evaluate('document.documentElement.scrollWidth'));
      expect(frameWidth).toBeLessThanOrEqual(300);
      await page.close();
    } finally {
      await server.close();
    }
  }, 120_000);
});
