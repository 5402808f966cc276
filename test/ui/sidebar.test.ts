import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type FrameLocator, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPdfWriter, findChromium } from '../../src/local/pdf';
import { type LocalServer, startLocalServer } from '../../src/local/serve';
import { workbookFromSheets } from '../../src/local/xlsx';
import { editedSample, ROOT, setCell } from '../helpers/workbook';

const CHROMIUM = findChromium();
const DIST = join(ROOT, 'dist');
const OUT = join(ROOT, 'out');
const SAMPLE = join(ROOT, 'samples', 'oie-2568.xlsx');
// CI installs Chromium, so there a missing browser fails loudly; elsewhere these tests are skipped.
const describeBrowser = CHROMIUM || process.env.CI ? describe : describe.skip;

let browser: Browser;
beforeAll(async () => {
  if (!CHROMIUM && !process.env.CI) return;
  mkdirSync(OUT, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

async function open(server: LocalServer): Promise<{ page: Page; sidebar: FrameLocator; foreign: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  await page.goto(`${server.url}/`);
  return { page, sidebar: page.frameLocator('#sidebar'), foreign };
}

async function sidebarShot(page: Page, name: string): Promise<{ scrollWidth: number }> {
  const frame = page.frame({ url: /\/sidebar$/ });
  if (!frame) throw new Error('no sidebar frame');
  await page.locator('#sidebar').screenshot({ path: join(OUT, name) });
  return { scrollWidth: Number(await frame.evaluate('document.documentElement.scrollWidth')) };
}

describeBrowser('the sidebar in Chromium, bridged to the local runtime', () => {
  test(
    'one click on the sample writes the measures tab, the Doc and the PDF, and shows their links',
    () =>
      withServer(async (server) => {
        const { page, sidebar, foreign } = await open(server);
        await sidebar.locator('#summary').waitFor();
        await expectText(sidebar.locator('#summary'), '96.06');
        await sidebar.locator('#build').click();
        await sidebar.locator('#links').waitFor({ timeout: 60_000 });
        const doc = await sidebar.locator('#doc-link').getAttribute('href');
        expect(doc).toMatch(/^\/files\/doc-/);
        expect(await sidebar.locator('#steps li.done').count()).toBe(3);
        await expectText(sidebar.locator('#progress'), 'มาตรการ 17 รายการ');
        expect(server.runtime.spreadsheet.getSheetByName('มาตรการ')?.getLastRow()).toBeGreaterThan(10);
        const html = await page.request.get(`${server.url}${doc}`);
        expect(await html.text()).toContain('การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร');
        const pdf = await page.request.get(
          `${server.url}${await sidebar.locator('#pdf-link').getAttribute('href')}`,
        );
        expect(pdf.headers()['content-type']).toBe('application/pdf');
        expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
        const { scrollWidth } = await sidebarShot(page, 'sidebar-sample.png');
        expect(scrollWidth).toBeLessThanOrEqual(300);
        expect(foreign).toEqual([]);
        await page.close();
      }),
    90_000,
  );

  test('an out-of-range score is listed with its cell, and clicking it selects that cell', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ita-ui-')), 'bad.xlsx');
    const sheets = editedSample('คะแนนรวม', (rows) => setCell(rows, 2568, 'IIT', 101));
    await workbookFromSheets(sheets).xlsx.writeFile(file);
    await withServer(async (server) => {
      const { page, sidebar } = await open(server);
      const finding = sidebar.locator('li.finding.error', { hasText: 'คะแนนรวม!B3' });
      await finding.waitFor();
      await expectText(finding, 'นอกช่วง 0–100');
      await finding.locator('button.cell').click();
      await page.locator('td.active[data-cell="คะแนนรวม!B3"]').waitFor();
      expect((await (await page.request.get(`${server.url}/state`)).json()).active).toBe('คะแนนรวม!B3');
      await sidebarShot(page, 'sidebar-error.png');
      await page.screenshot({ path: join(OUT, 'local-page-error.png') });
      await page.close();
    }, file);
  }, 60_000);

  test(
    'switches to English and back',
    () =>
      withServer(async (server) => {
        const { page, sidebar } = await open(server);
        await sidebar.locator('#summary').waitFor();
        await sidebar.locator('#lang').click();
        await expectText(sidebar.locator('#build'), 'Build the report');
        await expectText(sidebar.locator('#summary h2'), 'Summary');
        await sidebarShot(page, 'sidebar-english.png');
        await sidebar.locator('#lang').click();
        await expectText(sidebar.locator('#build'), 'สร้างรายงาน');
        await page.close();
      }),
    60_000,
  );

  test(
    'a new spreadsheet gets the template, and sharing asks before it acts',
    () =>
      withServer(async (server) => {
        const { page, sidebar } = await open(server);
        await sidebar.locator('#create-sample').click();
        await sidebar.locator('#summary').waitFor();
        expect(server.runtime.spreadsheet.getSheetByName('รายข้อ')).not.toBeNull();
        await sidebar.locator('#build').click();
        await sidebar.locator('#links').waitFor({ timeout: 60_000 });
        await sidebar.locator('#preview-share').click();
        await sidebar.locator('#share-plan').waitFor();
        await expectText(sidebar.locator('#share-plan'), 'sl.head@oie.example');
        expect(server.runtime.spreadsheet._state.protections).toHaveLength(0);
        await sidebarShot(page, 'sidebar-share.png');
        await sidebar.locator('#confirm-share').click();
        await sidebar.locator('#notice').waitFor();
        expect(server.runtime.spreadsheet._state.protections.length).toBeGreaterThan(8);
        const shared = new Set(server.runtime.driveLog.permissionCalls.map((c) => c.resource.emailAddress));
        expect(shared).toEqual(
          new Set(['sl.head@oie.example', 'sl.staff@oie.example', 'ss.head@oie.example', 'psd@oie.example']),
        );
        await page.close();
      }, null),
    60_000,
  );

  test(
    'a second user holding the lock gets the lock message',
    () =>
      withServer(async (server) => {
        const { page, sidebar } = await open(server);
        await sidebar.locator('#summary').waitFor();
        server.runtime.documentLock.by = 'another user';
        await sidebar.locator('#build').click();
        await expectText(sidebar.locator('#error'), 'มีผู้ใช้อื่นกำลัง');
        await page.close();
      }),
    60_000,
  );
});

/** Runs `work` against a local server on the sample workbook (or `workbook`), closing it after. */
async function withServer(
  work: (server: LocalServer) => Promise<void>,
  workbook: string | null = SAMPLE,
): Promise<void> {
  // As `npm run sidebar` does: Documents become PDF through Chromium.
  const server = await startLocalServer({
    workbook: workbook ?? undefined,
    distDir: DIST,
    pdf: chromiumPdfWriter(),
  });
  try {
    await work(server);
  } finally {
    await server.close();
  }
}

async function expectText(locator: ReturnType<FrameLocator['locator']>, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ timeout: 15_000 });
}
