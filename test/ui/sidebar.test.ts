import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Frame, type FrameLocator, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPdfWriter, findChromium } from '../../src/local/pdf';
import { type LocalServer, startLocalServer } from '../../src/local/serve';
import { workbookFromSheets } from '../../src/local/xlsx';
import { expectText, focusedId, seriousViolations } from '../helpers/browser';
import { docImages } from '../helpers/report';
import { editedSample, ROOT, setCell } from '../helpers/workbook';

const CHROMIUM = findChromium();
const DIST = join(ROOT, 'dist');
const OUT = join(ROOT, 'out');
const SAMPLE = join(ROOT, 'samples', 'oie-2568.xlsx');
const MIDYEAR = join(ROOT, 'samples', 'oie-2568-midyear.xlsx');
const HEIGHT = 900;
// Chromium is the system's or the npm package's; where neither runs these tests are skipped, but never in CI.
const describeBrowser = CHROMIUM || process.env.CI ? describe : describe.skip;
if (!CHROMIUM && !process.env.CI) console.warn('No Chromium: the sidebar tests are skipped');

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

interface Opened {
  page: Page;
  sidebar: FrameLocator;
  frame: () => Frame;
  foreign: string[];
}

async function open(server: LocalServer, init?: string): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width: 1100, height: HEIGHT } });
  if (init) await page.addInitScript(init);
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  await page.goto(`${server.url}/`);
  const frame = () => {
    const f = page.frame({ url: /\/sidebar$/ });
    if (!f) throw new Error('no sidebar frame');
    return f;
  };
  return { page, sidebar: page.frameLocator('#sidebar'), frame, foreign };
}

/** The sidebar (300 px wide) as a person sees it, written to out/. */
async function sidebarShot(o: Opened, name: string): Promise<{ scrollWidth: number }> {
  await o.page.locator('#sidebar').screenshot({ path: join(OUT, name) });
  return { scrollWidth: Number(await o.frame().evaluate('document.documentElement.scrollWidth')) };
}

/** The pictures in the body of the server's one report Doc, in order. */
function serverDocImages(server: LocalServer): Buffer[] {
  return [...server.runtime.documents.values()].flatMap(docImages);
}

/** Presses Tab until the element with `id` has focus; returns how many presses it took. */
async function tabTo(o: Opened, id: string, max = 40): Promise<number> {
  for (let n = 1; n <= max; n++) {
    await o.page.keyboard.press('Tab');
    if ((await focusedId(o)) === id) return n;
  }
  throw new Error(`#${id} never got focus in ${max} presses of Tab (now on #${await focusedId(o)})`);
}

async function badWorkbook(edit: Parameters<typeof editedSample>, name: string): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'ita-ui-')), name);
  await workbookFromSheets(editedSample(...edit)).xlsx.writeFile(file);
  return file;
}

describeBrowser('the sidebar in Chromium, bridged to the local runtime', () => {
  test(
    'one click on the sample builds the report; a reload shows the last report card; a changed score is noticed',
    () =>
      withServer(async (server) => {
        const o = await open(server);
        const { sidebar } = o;
        await expectText(sidebar.locator('#summary'), '๙๖.๐๖'); // Thai digits: the settings ask for them
        await expectText(sidebar.locator('#weakest'), 'การ'); // items with their topic
        expect(await sidebar.locator('#readiness li.check-line').count()).toBe(6);
        expect(await sidebar.locator('#readiness li.fail').count()).toBe(0);
        expect(await seriousViolations(o)).toEqual([]);
        await sidebarShot(o, 'sidebar-start.png');
        await sidebar.locator('#summary').screenshot({ path: join(OUT, 'sidebar-summary.png') });
        await sidebar.locator('#build').click();
        await sidebar.locator('#links').waitFor({ timeout: 60_000 });
        expect(await sidebar.locator('#doc-link').getAttribute('href')).toMatch(/^\/files\/doc-/);
        // The PDF follows in a call of its own: four steps done once its link is there. (The moment between,
        // "กำลังทำ PDF…", is not seen here: the local PDF is printed synchronously in this test's process.)
        await sidebar.locator('#pdf-link').waitFor({ timeout: 60_000 });
        expect(await sidebar.locator('#steps li.done').count()).toBe(4);
        await expectText(sidebar.locator('#build-notice'), 'สร้างรายงานเสร็จแล้ว');
        await expectText(sidebar.locator('#follow-up'), 'มาตรการ ๑๗ รายการ');
        // Shared measures count in each division: the card says why the divisions add up to more.
        await expectText(sidebar.locator('#follow-shared'), 'จากมาตรการ ๑๗ รายการ');
        // A plan just written, nothing recorded yet, its period over: many late, three in sight for each.
        const many = sidebar.locator('#follow-up li.division', { hasText: 'กพร.' });
        expect(await many.locator('ul.late-list li:visible').count()).toBe(3);
        await expectText(many.locator('details.late-more summary'), 'และอีก');
        await sidebar.locator('#follow-up').screenshot({ path: join(OUT, 'sidebar-follow-up-new-plan.png') });
        expect(server.runtime.spreadsheet.getSheetByName('มาตรการ')?.getLastRow()).toBeGreaterThan(10);
        // The sidebar drew the three charts (in Sarabun, the font the first call sent): Sheets drew none.
        const calls = server.runtime.calls.snapshot();
        expect([calls['Sheet.getCharts'] ?? 0, calls['EmbeddedChart.getAs'] ?? 0]).toEqual([0, 0]);
        const images = serverDocImages(server);
        expect(images).toHaveLength(3);
        images.forEach((png, i) => {
          writeFileSync(join(OUT, `chart-drawn-in-sidebar-${i + 1}.png`), png);
        });
        expect(await seriousViolations(o)).toEqual([]);
        const { scrollWidth } = await sidebarShot(o, 'sidebar-sample.png');
        expect(scrollWidth).toBeLessThanOrEqual(300);

        await o.page.reload();
        const card = sidebar.locator('#last-report');
        await expectText(card, server.runtime.context.user); // who built it
        await expectText(card.locator('#last-when'), '๒๕๖๙'); // a Buddhist-era date
        await card.locator('#up-to-date').waitFor();
        await expectText(sidebar.locator('#rebuild-note'), 'ประวัติเวอร์ชัน');
        const doc = await card.locator('#last-doc').getAttribute('href');
        expect(doc).toMatch(/^\/files\/doc-/);
        const html = await o.page.request.get(`${server.url}${doc}`);
        expect(await html.text()).toContain('การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร');
        const pdf = await o.page.request.get(
          `${server.url}${await card.locator('#last-pdf').getAttribute('href')}`,
        );
        expect(pdf.headers()['content-type']).toBe('application/pdf');
        expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
        expect(await card.locator('#pdf-url').inputValue()).toBe(
          await card.locator('#last-pdf').getAttribute('href'),
        );
        await sidebarShot(o, 'sidebar-last-report.png');
        await card.locator('#copy-pdf').click();
        await card.locator('#last-notice').waitFor(); // copied, or the link selected to copy by hand

        // A setting only the results report prints: the o25 report stays current.
        server.runtime.spreadsheet.getSheetByName('ตั้งค่า')?.appendRow(['วันที่รายงานผล', '31/03/2569']);
        await sidebar.locator('#check').click();
        await sidebar.locator('#check:not([aria-disabled])').waitFor();
        await card.locator('#up-to-date').waitFor();
        expect(await card.locator('#changes').count()).toBe(0);
        // An item score: the card says the report may not match, and names the tab and its column.
        server.runtime.spreadsheet.getSheetByName('รายข้อ')?.getRange('D5').setValue(12.5);
        await sidebar.locator('#check').click();
        await expectText(card.locator('#data-changed'), 'เปลี่ยนไปหลังสร้างรายงาน');
        await expectText(card.locator('#changes'), 'รายข้อ: ๒๕๖๘');
        expect(await card.locator('#up-to-date').count()).toBe(0);
        await sidebarShot(o, 'sidebar-data-changed.png');
        expect(o.foreign).toEqual([]);
        await o.page.close();
      }),
    120_000,
  );

  test('60 bad cells in one column: one group, the build button in sight, and a build needs confirming', async () => {
    const file = await badWorkbook(
      [
        'รายข้อ',
        (rows) => {
          for (const row of rows.slice(1)) row[3] = '9O.12'; // a letter O typed for a zero
        },
      ],
      'sixty.xlsx',
    );
    await withServer(async (server) => {
      const o = await open(server);
      const { sidebar } = o;
      const group = sidebar.locator('li.finding.error[data-code="not-a-number"]');
      await expectText(group, '๖๑ ช่องไม่ใช่ตัวเลข');
      await expectText(group.locator('button.cell'), 'รายข้อ!D2:D62');
      await expectText(group.locator('.hint'), 'วิธีแก้');
      expect(await sidebar.locator('li.finding').count()).toBeLessThanOrEqual(3);
      const build = await sidebar.locator('#build').boundingBox();
      expect(build).not.toBeNull();
      expect((build?.y ?? HEIGHT) + (build?.height ?? 0)).toBeLessThanOrEqual(HEIGHT);
      await expectText(sidebar.locator('#readiness li.fail[data-check="errors"]'), 'ข้อผิดพลาด ๖๑ รายการ');
      expect(await seriousViolations(o)).toEqual([]);
      await sidebarShot(o, 'sidebar-findings.png');
      await o.frame().evaluate('window.focus()');
      expect(await tabTo(o, 'build')).toBeLessThanOrEqual(8); // the language switch, check, a group, the checklist
      expect(Number(await o.frame().evaluate('document.documentElement.scrollHeight'))).toBeLessThan(2000);

      await sidebar.locator('#build').click();
      const confirm = sidebar.locator('#build-confirm');
      await expectText(confirm.locator('li', { has: o.sidebar.locator('button.cell') }), '๖๑ ช่องไม่ใช่ตัวเลข');
      await expectText(confirm.locator('button.cell'), 'รายข้อ!D2:D62');
      expect(await focusedId(o)).toBe('build-confirm');
      expect(server.runtime.spreadsheet.getSheetByName('มาตรการ')).toBeNull(); // nothing ran
      expect(server.runtime.documents.size).toBe(0);
      expect(await seriousViolations(o)).toEqual([]);
      await sidebarShot(o, 'sidebar-confirm.png');
      await sidebar.locator('#build-cancel').click();
      await confirm.waitFor({ state: 'detached' });
      expect(await focusedId(o)).toBe('build');

      await sidebar.locator('#build').click();
      await sidebar.locator('#build-anyway').click();
      await sidebar.locator('#links').waitFor({ timeout: 60_000 });
      await expectText(sidebar.locator('#build-notice'), 'ยังไม่ยืนยันข้อมูล');
      await sidebar.locator('#last-report #last-unconfirmed').waitFor();
      await o.page.close();
    }, file);
  }, 120_000);

  test(
    'keyboard only: check, build and share, focus staying on the control used or its result',
    () =>
      withServer(async (server) => {
        const o = await open(server);
        await o.sidebar.locator('#summary').waitFor();
        await o.frame().evaluate('window.focus()');
        expect(await tabTo(o, 'check')).toBeLessThanOrEqual(3);
        await o.page.keyboard.press('Enter');
        await o.sidebar.locator('#check:not([aria-disabled])').waitFor();
        expect(await focusedId(o)).toBe('check');
        const presses = await tabTo(o, 'build');
        expect(presses).toBeLessThanOrEqual(6);
        await o.page.keyboard.press('Enter');
        await o.sidebar.locator('#links').waitFor({ timeout: 60_000 });
        expect(await focusedId(o)).toBe('build');
        // the result is announced to a screen reader, in the page's one live region
        await o
          .frame()
          .waitForFunction('document.getElementById("live").textContent.includes("สร้างรายงานเสร็จแล้ว")');
        await tabTo(o, 'preview-share');
        await o.page.keyboard.press(' ');
        await o.sidebar.locator('#share-plan').waitFor();
        expect(await focusedId(o)).toBe('share-plan');
        expect(await seriousViolations(o)).toEqual([]);
        await sidebarShot(o, 'sidebar-share.png');
        await tabTo(o, 'confirm-share');
        await o.page.keyboard.press('Enter');
        await o.sidebar.locator('#share-notice').waitFor();
        expect(await focusedId(o)).toBe('share-notice');
        expect(server.runtime.spreadsheet._state.protections.length).toBeGreaterThan(8);
        await expectText(o.sidebar.locator('#last-report'), 'sl.head@oie.example');
        await o.page.close();
      }),
    120_000,
  );

  test(
    'a new spreadsheet: the template lands on ตั้งค่า; the sample needs a second, warned click',
    () =>
      withServer(async (server) => {
        const o = await open(server);
        const { sidebar, page } = o;
        await sidebar.locator('#start-card').waitFor();
        expect(await sidebar.locator('#build').getAttribute('aria-disabled')).toBe('true');
        await sidebar.locator('#create-sample').click();
        await expectText(sidebar.locator('#sample-confirm'), 'ใช้ทดลองเท่านั้น');
        expect(server.runtime.spreadsheet.getSheetByName('รายข้อ')).toBeNull();
        await sidebarShot(o, 'sidebar-new.png');
        await sidebar.locator('#cancel-sample').click();
        await sidebar.locator('#create-empty').click();
        await sidebar.locator('#check-notice').waitFor();
        await page.locator('td.active[data-cell="ตั้งค่า!B2"]').waitFor();
        expect(server.runtime.spreadsheet.getSheetByName('ตั้งค่า')).not.toBeNull();
        await page.close();
      }, null),
    60_000,
  );

  test(
    'a page that cannot draw the charts still builds: Sheets draws them on the server',
    () =>
      withServer(async (server) => {
        const o = await open(server, 'HTMLCanvasElement.prototype.getContext = () => null;');
        await o.sidebar.locator('#summary').waitFor();
        await o.sidebar.locator('#build').click();
        await o.sidebar.locator('#links').waitFor({ timeout: 60_000 });
        const calls = server.runtime.calls.snapshot();
        expect([calls['Sheet.getCharts'], calls['EmbeddedChart.getAs']]).toEqual([1, 3]);
        expect(serverDocImages(server)).toHaveLength(3);
        expect(server.runtime.spreadsheet.getSheetByName('_ita_report_charts')).toBeNull();
        await o.page.close();
      }),
    60_000,
  );

  test(
    'a build with no answer: the running step counts seconds, then a time-out says what to do',
    () =>
      withServer(async (server) => {
        const o = await open(server, 'window.ITA_CALL_TIMEOUT_MS = 4000;');
        await o.page.route('**/api/apiBuildReport', () => {
          // never answered, as a call lost between the browser and Apps Script
        });
        await o.sidebar.locator('#summary').waitFor();
        await o.sidebar.locator('#build').click();
        await o.sidebar.locator('#wait-note').waitFor();
        await expectText(o.sidebar.locator('#steps li.running'), 'สร้าง Google Doc');
        // The seconds count up (a second or more: on a loaded machine a given second may pass unseen).
        await o.sidebar
          .locator('#elapsed')
          .filter({ hasText: /[๑-๙] วินาที/ })
          .first()
          .waitFor();
        await sidebarShot(o, 'sidebar-running.png');
        await expectText(o.sidebar.locator('#build-error'), 'ไม่ได้รับคำตอบจากเซิร์ฟเวอร์');
        expect(await o.sidebar.locator('#steps li.failed').count()).toBe(1);
        expect(await o.sidebar.locator('#build').getAttribute('aria-disabled')).toBeNull();
        await o.page.close();
      }),
    60_000,
  );

  test('an out-of-range score is listed with its cell, and clicking it selects that cell', async () => {
    const file = await badWorkbook(['คะแนนรวม', (rows) => setCell(rows, 2568, 'IIT', 101)], 'bad.xlsx');
    await withServer(async (server) => {
      const o = await open(server);
      const finding = o.sidebar.locator('li.finding.error', { hasText: 'คะแนนรวม!B3' });
      await expectText(finding, 'นอกช่วง ๐–๑๐๐'); // Thai digits in the message, not in the cell
      await finding.locator('button.cell').click();
      await o.page.locator('td.active[data-cell="คะแนนรวม!B3"]').waitFor();
      expect((await (await o.page.request.get(`${server.url}/state`)).json()).active).toBe('คะแนนรวม!B3');
      await sidebarShot(o, 'sidebar-error.png');
      await o.page.screenshot({ path: join(OUT, 'local-page-error.png') });
      await o.page.close();
    }, file);
  }, 60_000);

  test(
    'switches to English and back, and remembers the choice',
    () =>
      withServer(async (server) => {
        const o = await open(server);
        await o.sidebar.locator('#summary').waitFor();
        await o.sidebar.locator('#lang').click();
        await expectText(o.sidebar.locator('#build'), 'Build the report');
        await expectText(o.sidebar.locator('#summary h2'), 'Summary');
        await expectText(o.sidebar.locator('#summary'), '96.06');
        expect(await focusedId(o)).toBe('lang');
        await sidebarShot(o, 'sidebar-english.png');
        await o.page.reload();
        await expectText(o.sidebar.locator('#build'), 'Build the report');
        await o.sidebar.locator('#lang').click();
        await expectText(o.sidebar.locator('#build'), 'สร้างรายงาน');
        await o.page.close();
      }),
    60_000,
  );

  test(
    'a second user holding the lock gets the lock message beside the build button',
    () =>
      withServer(async (server) => {
        const o = await open(server);
        await o.sidebar.locator('#summary').waitFor();
        server.runtime.documentLock.by = 'another user';
        await o.sidebar.locator('#build').click();
        await expectText(o.sidebar.locator('#build-card #build-error'), 'มีผู้ใช้อื่นกำลัง');
        await o.page.close();
      }),
    60_000,
  );
});

describeBrowser('the follow-up card, on the mid-year sample (31 March 2569)', () => {
  test(
    'per division: done, under way, late with why; a jump to its rows; the late e-mails to copy; the results report',
    () =>
      withServer(async (server) => {
        const o = await open(server);
        const { sidebar } = o;
        const card = sidebar.locator('#follow-up');
        // On 31 March the second quarter has ended: every measure below its half-way milestone is late.
        await expectText(card.locator('#follow-line'), 'ล่าช้า ๗');
        const sl = card.locator('li.division', { hasText: 'สำนักงานเลขานุการกรม (สล.)' });
        await expectText(sl, 'ล่าช้า ๓');
        await expectText(sl.locator('.late-list'), 'มาตรการกำกับดูแลการใช้และการยืมทรัพย์สินของราชการ');
        await expectText(sl.locator('.late-list'), 'ไตรมาสที่ ๒');
        expect(await card.locator('li.division.late').count()).toBe(3);
        expect(await card.locator('#late-emails').inputValue()).toBe(
          'sl.head@oie.example, sl.staff@oie.example, ss.head@oie.example, ss.assistant@no-google.example, psd@oie.example',
        );
        expect(await seriousViolations(o)).toEqual([]);
        await card.screenshot({ path: join(OUT, 'sidebar-follow-up.png') });

        await sl.locator('button', { hasText: 'ไปที่แถวของ สล.' }).click();
        // The jump is a server call the page does not wait on: wait for the selection to move.
        for (let i = 0; i < 50 && server.runtime.spreadsheet.getActiveSheet()?.getName() !== 'มาตรการ'; i++)
          await o.page.waitForTimeout(100);
        expect(server.runtime.spreadsheet.getActiveSheet()?.getName()).toBe('มาตรการ');
        const selected = (
          server.runtime.spreadsheet as unknown as {
            _state: { activeRangeList: { getA1Notation(): string }[] };
          }
        )._state.activeRangeList.map((r) => r.getA1Notation());
        expect(selected.every((a1) => /^A\d+:[A-Z]+\d+$/.test(a1))).toBe(true);
        // The rows selected are สล.'s: the late measure's among them, and each names สล. as responsible.
        const tab = server.runtime.spreadsheet.getSheetByName('มาตรการ');
        const values = tab?.getDataRange().getValues() ?? [];
        const header = values.find((r) => r.includes('ผู้รับผิดชอบ')) ?? [];
        const owner = header.indexOf('ผู้รับผิดชอบ');
        const selectedRows = selected.flatMap((a1) => {
          const [from, to] = a1.match(/\d+/g)?.map(Number) ?? [];
          return Array.from({ length: to - from + 1 }, (_, i) => from + i);
        });
        const lateRow =
          values.findIndex((r) => r.includes('มาตรการกำกับดูแลการใช้และการยืมทรัพย์สินของราชการให้ถูกต้องตามระเบียบ')) +
          1;
        expect(selectedRows).toContain(lateRow);
        expect(
          selectedRows.filter(
            (r) => !/(^|[,\s])สล\.($|[,\s])|ทุกหน่วยงานภายใน/.test(String(values[r - 1][owner])),
          ),
        ).toEqual([]);

        // Copying the e-mails says so, in the card and to a screen reader.
        await o.page
          .context()
          .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
        await card.locator('#copy-emails').click();
        await expectText(card.locator('#follow-notice'), 'คัดลอกอีเมลแล้ว');
        expect(await o.frame().evaluate('navigator.clipboard.readText()')).toBe(
          'sl.head@oie.example, sl.staff@oie.example, ss.head@oie.example, ss.assistant@no-google.example, psd@oie.example',
        );
        await expectText(sidebar.locator('#live'), 'คัดลอกอีเมลแล้ว');

        // Where the frame may not write the clipboard and the old copy fails too: the text is selected for Ctrl+C.
        const denied = await open(
          server,
          'Object.defineProperty(navigator, "clipboard", { value: undefined }); document.execCommand = () => false;',
        );
        const deniedCard = denied.sidebar.locator('#follow-up');
        await deniedCard.locator('#copy-emails').click();
        await expectText(deniedCard.locator('#follow-notice'), 'เลือกข้อความไว้ให้แล้ว กด Ctrl+C');
        expect(
          await denied
            .frame()
            .evaluate(
              '(() => { const a = document.activeElement; return a.id + "|" + a.value.slice(a.selectionStart, a.selectionEnd); })()',
            ),
        ).toBe(
          'late-emails|sl.head@oie.example, sl.staff@oie.example, ss.head@oie.example, ss.assistant@no-google.example, psd@oie.example',
        );
        await denied.page.close();

        server.runtime.calls.reset();
        await card.locator('#build-results').click();
        await card.locator('#results-links').waitFor({ timeout: 60_000 });
        await expectText(card.locator('#follow-notice'), 'สร้างรายงานผลการดำเนินการเสร็จแล้ว');
        // Its build shows its steps and their seconds, as the o25 build does.
        expect(await card.locator('#results-steps li.done').count()).toBe(2);
        await expectText(card.locator('#results-steps li.done').last(), 'วินาที');
        // Its chart drawn by the page, as the o25 report's: Sheets drew none.
        const calls = server.runtime.calls.snapshot();
        expect([calls['Sheet.getCharts'] ?? 0, calls['EmbeddedChart.getAs'] ?? 0]).toEqual([0, 0]);
        const images = serverDocImages(server); // the results Doc is this workbook's only Doc
        expect(images).toHaveLength(1);
        writeFileSync(join(OUT, 'results-chart-drawn-in-sidebar.png'), images[0]);
        const doc = await card.locator('#results-doc').getAttribute('href');
        const html = await (await o.page.request.get(`${server.url}${doc}`)).text();
        expect(html).toContain('รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรม');
        expect(await seriousViolations(o)).toEqual([]);
        const { scrollWidth } = await sidebarShot(o, 'sidebar-follow-up-full.png');
        expect(scrollWidth).toBeLessThanOrEqual(300);

        // After a reload the card still links the results report, and says who built it when.
        await o.page.reload();
        await expectText(sidebar.locator('#results-when'), '๒๕๖๙');
        expect(await sidebar.locator('#results-doc').getAttribute('href')).toBe(doc);

        // In English, the same card: the reason a measure is late in English too.
        await sidebar.locator('#lang').click();
        await expectText(sidebar.locator('#follow-line'), 'As of 2026-03-31');
        await expectText(sidebar.locator('#follow-up .late-list'), 'quarter 2 ended (31 Mar 2026)');
        await sidebar.locator('#follow-up').screenshot({ path: join(OUT, 'sidebar-follow-up-en.png') });
      }, MIDYEAR),
    120_000,
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
