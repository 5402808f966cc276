import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toThaiDigits } from '../../src/core/thai';
import { workbookFromSheets } from '../../src/local/xlsx';
import {
  announced,
  describeBrowser,
  expectText,
  focusedId,
  type Opened,
  OUT,
  open,
  seriousViolations,
  shot,
  useBrowser,
  withServer,
} from '../helpers/browser';
import { sampleSheets, setCell } from '../helpers/workbook';

// Every state of the sidebar a team meets, walked in Chromium at 300 px, checking what issue 24 asks of
// each: unconfirmed figures marked, words that say what is true, Escape, digits, names, language.

const browser = useBrowser();

/** The sample with three wrong cells: two item scores (a letter, 150) and an IIT that does not add up. */
async function wrongCells(): Promise<string> {
  const sheets = sampleSheets();
  const items = sheets.find((s) => s.name === 'รายข้อ')?.values ?? [];
  const year = items[0].indexOf('2568');
  items[8][year] = '9O.5';
  items[20][year] = 150;
  setCell(sheets.find((s) => s.name === 'คะแนนรวม')?.values ?? [], 2568, 'IIT', 80);
  const file = join(mkdtempSync(join(tmpdir(), 'ita-states-')), 'wrong.xlsx');
  await workbookFromSheets(sheets).xlsx.writeFile(file);
  return file;
}

/** The text of the sidebar with what keeps its own digits taken out: cell references, item ids, e-mails. */
const ARABIC_IN_PROSE = `(() => {
  const keep = /(https?:\\/\\/\\S+|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+|\\b[a-zA-Z][\\w.-]*\\d[\\w.-]*|\\b\\d{4}-\\d+-[\\w-]*[a-zA-Z][\\w-]*)/g;
  const text = document.getElementById('app').innerText.replace(keep, '');
  return text.split('\\n').filter((l) => /[0-9]/.test(l));
})()`;

/** Text nodes with Thai letters that nothing marks lang="th" (in the English sidebar). */
const UNMARKED_THAI = `(() => {
  const out = [];
  const w = document.createTreeWalker(document.getElementById('app'), NodeFilter.SHOW_TEXT);
  for (let n = w.nextNode(); n; n = w.nextNode()) {
    if (!/[\\u0e00-\\u0e7f]/.test(n.data) || n.parentElement.closest('textarea')) continue;
    if (n.parentElement.closest('[lang]').getAttribute('lang') !== 'th') out.push(n.data);
  }
  return out;
})()`;

/** Names cut with "…" that end in a Thai leading vowel (เ แ โ ใ ไ). */
const CUT_AFTER_LEADING_VOWEL = `[...document.querySelectorAll('#summary li')].map((li) => li.textContent).filter((t) => /[\\u0e40-\\u0e44]…/.test(t))`;

const style = (o: Opened, selector: string, property: string) =>
  o.frame().evaluate(`getComputedStyle(document.querySelector(${JSON.stringify(selector)})).${property}`);

describeBrowser('every state of the sidebar says only what is true', () => {
  test('data errors: the summary says unconfirmed at its top and marks the figures; a forced build is not a success', async () => {
    const file = await wrongCells();
    await withServer(file, async (server) => {
      const o = await open(browser(), server);
      const { sidebar } = o;
      const summary = sidebar.locator('#summary');
      await summary.waitFor();
      // The notice comes first, right under the card's title; the total and what feeds it are marked.
      expect(await summary.locator(':scope > *').nth(1).getAttribute('id')).toBe('summary-unconfirmed');
      await expectText(summary.locator('#summary-unconfirmed'), 'ยังไม่ยืนยัน: ข้อมูลมีข้อผิดพลาด ๒ รายการ');
      await summary.locator('#summary-total .touched button.mark-link').waitFor();
      // The IIT given as 80 does not add up: both values are shown.
      await summary.locator('[data-mark="IIT"] button.mark-link').waitFor();
      await expectText(summary.locator('[data-both="IIT"]'), 'IIT ระบุไว้ ๘๐ คำนวณได้');
      expect(await summary.locator('thead th[scope="col"]').count()).toBe(3);
      expect(await o.frame().evaluate(CUT_AFTER_LEADING_VOWEL)).toEqual([]);
      expect(await o.frame().evaluate(ARABIC_IN_PROSE)).toEqual([]);
      expect(await seriousViolations(o)).toEqual([]);
      await shot(o, join(OUT, 'states-data-errors.png'));
      await shot(o, join(OUT, 'states-summary-unconfirmed.png'), '#summary');

      // The mark is a way to the finding: focus lands on it in the check card.
      await summary.locator('#summary-total button.mark-link').click();
      expect(await focusedId(o)).toMatch(/^group-\d+$/);

      // The confirmation: its cells are jumps, Escape closes it and focus goes back to the build button.
      await sidebar.locator('#build').click();
      const confirm = sidebar.locator('#build-confirm');
      await confirm.waitFor();
      const jump = confirm.locator('button.cell').first();
      const cell = ((await jump.textContent()) ?? '').split(/[:,]/)[0];
      await jump.click();
      await o.page.locator(`td.active[data-cell="${cell}"]`).waitFor();
      await o.page.keyboard.press('Escape');
      await confirm.waitFor({ state: 'detached' });
      expect(await focusedId(o)).toBe('build');

      // Forced: the steps not yet run wait ("รอ"), and the result is a caution, not a success. The first
      // call is held a moment, so that the waiting steps are there to see.
      await o.page.route('**/api/apiPrepareReport', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue();
      });
      await sidebar.locator('#build').click();
      await sidebar.locator('#build-anyway').click();
      await expectText(sidebar.locator('#steps li.waiting'), 'รอ:');
      await shot(o, join(OUT, 'states-building.png'), '#build-card');
      await sidebar.locator('#links').waitFor({ timeout: 90_000 });
      const notice = sidebar.locator('#build-notice');
      expect(await notice.getAttribute('class')).toContain('caution');
      expect(await notice.textContent()).toMatch(/^⚠/);
      expect(await style(o, '#build-notice', 'backgroundColor')).not.toBe('rgb(230, 244, 234)');
      await sidebar.locator('#last-unconfirmed').waitFor();
      expect(await sidebar.locator('#up-to-date').count()).toBe(0);
      expect(await sidebar.locator('#doc-link .sr-only').textContent()).toContain('เปิดในแท็บใหม่');
      await shot(o, join(OUT, 'states-forced.png'), '#build-card');

      // The sharing plan says the report is unconfirmed; Escape closes it, focus back on its button.
      await sidebar.locator('#preview-share').click();
      await expectText(sidebar.locator('#plan-unconfirmed'), 'ยังไม่ยืนยันข้อมูล');
      expect(await seriousViolations(o)).toEqual([]);
      await o.page.keyboard.press('Escape');
      await sidebar.locator('#share-plan').waitFor({ state: 'detached' });
      expect(await focusedId(o)).toBe('preview-share');

      // In English: Thai names are marked Thai, the language button's name begins with its word.
      await sidebar.locator('#lang').click();
      await expectText(sidebar.locator('#summary-unconfirmed'), 'Unconfirmed');
      expect(await o.frame().evaluate(UNMARKED_THAI)).toEqual([]);
      const lang = sidebar.locator('#lang');
      expect(await lang.getAttribute('aria-label')).toMatch(new RegExp(`^${await lang.textContent()}`));
      expect(await seriousViolations(o)).toEqual([]);
      await shot(o, join(OUT, 'states-english.png'));
      await o.page.close();
    });
  }, 180_000);

  test(
    'a new spreadsheet: disabled looks disabled; the sample names whose it is; Escape; the menu keeps the sample and the guide',
    () =>
      withServer(null, async (server) => {
        const o = await open(browser(), server);
        const { sidebar } = o;
        await sidebar.locator('#start-card').waitFor();
        expect(await sidebar.locator('#build').getAttribute('aria-disabled')).toBe('true');
        expect(await style(o, '#build', 'backgroundColor')).not.toBe('rgb(26, 115, 232)');
        expect(await style(o, '#build', 'borderTopStyle')).toBe('dashed');

        await sidebar.locator('#create-sample').click();
        await sidebar.locator('#sample-confirm').waitFor();
        await o.page.keyboard.press('Escape');
        await sidebar.locator('#sample-confirm').waitFor({ state: 'detached' });
        expect(await focusedId(o)).toBe('create-sample');
        await sidebar.locator('#create-sample').click();
        await sidebar.locator('#confirm-sample').click();
        const notice = sidebar.locator('#check-notice');
        await expectText(notice, 'สำนักงานเศรษฐกิจอุตสาหกรรม');
        await expectText(notice, 'ไม่ใช่ของหน่วยงานท่าน');
        expect(await notice.getAttribute('class')).toContain('caution');
        expect(await announced(o, 'สำนักงานเศรษฐกิจอุตสาหกรรม')).toContain('ใช้ทดลองเท่านั้น');
        await shot(o, join(OUT, 'states-sample-loaded.png'));

        // Once the tabs exist the sample is in the secondary menu, with the guide.
        await sidebar.locator('#menu-toggle').click();
        await sidebar.locator('#menu-sample').click();
        await sidebar.locator('#sample-confirm').waitFor();
        await o.page.keyboard.press('Escape');
        expect(await focusedId(o)).toBe('menu-toggle');
        await sidebar.locator('#menu-toggle').click();
        await sidebar.locator('#help').click();
        for (let i = 0; i < 50 && server.runtime.ui.dialogs.length === 0; i++)
          await o.page.waitForTimeout(100);
        expect(server.runtime.ui.dialogs).toHaveLength(1);
        expect(server.runtime.ui.dialogs[0].getContent()).toContain('คู่มือการใช้งาน');
        await o.page.close();
      }),
    60_000,
  );

  test(
    'the template: the year missing is the one the settings name',
    () =>
      withServer(null, async (server) => {
        const o = await open(browser(), server);
        await o.sidebar.locator('#create-empty').click();
        const years = o.sidebar.locator('#readiness li[data-check="years"]');
        await years.waitFor();
        const settings = server.runtime.spreadsheet.getSheetByName('ตั้งค่า')?.getDataRange().getValues() ?? [];
        const year = settings.find((r) => String(r[0]).startsWith('ปีงบประมาณ'))?.[1];
        expect(String(year)).toMatch(/^25\d\d$/);
        await expectText(years, `ยังไม่มีคะแนนปี ${toThaiDigits(String(year))}`);
        expect(await years.textContent()).not.toContain('?');
        await shot(o, join(OUT, 'states-template.png'));
        await o.page.close();
      }),
    60_000,
  );
});
