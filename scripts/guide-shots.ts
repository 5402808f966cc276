// `npm run guide:shots`: the pictures of docs/guide-th.md, each a card of the sidebar at 300 px, made from
// the sample workbook with the browser tests' set-up (test/helpers/browser.ts). Run it after a change to
// the sidebar, look at docs/guide/, commit the pictures that changed. It runs bundled in build/guide/, two
// levels down like test/helpers/, so that the helpers find the repository from their own folder.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workbookFromSheets } from '../src/local/xlsx';
import { launch, MIDYEAR, open, ROOT, SAMPLE, shot, withServer } from '../test/helpers/browser';
import { sampleSheets, setCell } from '../test/helpers/workbook';

const DIR = join(ROOT, 'docs', 'guide');
const PROVINCE = join(ROOT, 'samples', 'province-example.xlsx');

/** The sample with a letter typed in an item score and an IIT that does not add up. */
async function wrongSample(): Promise<string> {
  const sheets = sampleSheets();
  const items = sheets.find((s) => s.name === 'รายข้อ')?.values ?? [];
  items[8][items[0].indexOf('2568')] = '9O.5';
  setCell(sheets.find((s) => s.name === 'คะแนนรวม')?.values ?? [], 2568, 'IIT', 80);
  const file = join(mkdtempSync(join(tmpdir(), 'ita-guide-')), 'wrong.xlsx');
  await workbookFromSheets(sheets).xlsx.writeFile(file);
  return file;
}

async function main(): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  const browser = await launch();
  const at = (name: string) => join(DIR, `${name}.png`);
  try {
    await withServer(null, async (server) => {
      const o = await open(browser, server);
      await shot(o, at('start'), '#start-card');
      await o.page.close();
    });
    await withServer(await wrongSample(), async (server) => {
      const o = await open(browser, server);
      await o.sidebar.locator('#summary').waitFor();
      await shot(o, at('check'), '#check-card');
      await shot(o, at('summary-unconfirmed'), '#summary', 560);
      await o.sidebar.locator('#build').click();
      await o.sidebar.locator('#build-confirm').waitFor();
      await shot(o, at('build-confirm'), '#build-card');
      await o.page.close();
    });
    await withServer(SAMPLE, async (server) => {
      const o = await open(browser, server);
      await o.sidebar.locator('#summary').waitFor();
      await shot(o, at('summary'), '#summary', 520);
      await o.sidebar.locator('#build').click();
      await o.sidebar.locator('#links').waitFor({ timeout: 120_000 });
      await shot(o, at('build'), '#build-card');
      await o.sidebar.locator('#preview-share').click();
      await o.sidebar.locator('#share-plan').waitFor();
      await shot(o, at('share-plan'), '#share-card');
      await o.sidebar.locator('#confirm-share').click();
      await o.sidebar.locator('#share-notice').waitFor({ timeout: 60_000 });
      await shot(o, at('share-done'), '#share-card');
      await o.page.reload();
      await o.sidebar.locator('#last-report #up-to-date').waitFor();
      await shot(o, at('last-report'), '#last-report');
      await o.page.close();
    });
    await withServer(MIDYEAR, async (server) => {
      const o = await open(browser, server);
      await o.sidebar.locator('#follow-up').waitFor();
      await shot(o, at('follow-up'), '#follow-up', 560);
      await o.sidebar.locator('#selfcheck').click();
      await o.sidebar.locator('#selfcheck-result').waitFor({ timeout: 120_000 });
      await shot(o, at('selfcheck'), '#selfcheck-card', 560);
      await o.page.close();
    });
    // A coordinator's workbook (the settings and the ผลหน่วยงาน tab): the roll-up card instead of an agency's.
    await withServer(PROVINCE, async (server) => {
      const o = await open(browser, server);
      await o.sidebar.locator('#rollup-card').waitFor({ timeout: 30_000 });
      await shot(o, at('rollup'), '#rollup-card');
      await o.page.close();
    });
  } finally {
    await browser.close();
  }
  console.log(`guide:shots: pictures written to ${DIR}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
