import { join } from 'node:path';
import { loadBundle } from '../src/local/bundle';
import { blockText, type DocData } from '../src/local/runtime/document';
import { createRuntime, type Runtime } from '../src/local/runtime/index';
import { loadSpreadsheet, restoreProperties } from '../src/local/workbook-io';
import type { Overview } from '../src/server/overview';
import { ROOT } from './helpers/workbook';

type Sheet = NonNullable<ReturnType<Runtime['spreadsheet']['getSheetByName']>>;

/** The next year's results typed in: 2569 beside 2568 in each score tab, indicator 1's items 3 points lower. */
function addNextYear(sheet: (name: string) => Sheet) {
  const settings = sheet('ตั้งค่า');
  const keys = settings
    .getRange('A:A')
    .getValues()
    .map((r) => r[0]);
  settings.getRange(keys.indexOf('ปีงบประมาณที่ประเมิน') + 1, 2).setValue(2569);
  const items = sheet('รายข้อ');
  const values = items.getDataRange().getValues();
  const last = values[0].length;
  items.getRange(1, last + 1, values.length, 1).setValues(
    values.map((r, i) => {
      if (i === 0) return ['2569'];
      const score = Number(r[last - 1]);
      return [/^i[123]$/.test(String(r[0])) ? score - 3 : Math.min(100, score + 0.5)];
    }),
  );
  const indicators = sheet('ตัวชี้วัด');
  const width = indicators.getLastColumn();
  indicators.getRange(1, width + 1).setValue('2569');
}

describe('the yearly loop: next year’s o25 report says how last year’s measures fared', () => {
  test('the 2568 plan stays in the measures tab, and the 2569 report compares each measure’s indicator', async () => {
    const loaded = await loadSpreadsheet(join(ROOT, 'samples', 'oie-2568.xlsx'));
    const runtime = createRuntime({ spreadsheet: loaded.build, projectDir: join(ROOT, 'dist') });
    restoreProperties(runtime, loaded.state);
    const bundle = loadBundle(runtime, join(ROOT, 'dist', 'Code.js'));
    bundle.call('apiWriteMeasures');
    const ss = runtime.spreadsheet;
    const sheet = (name: string) => ss.getSheetByName(name) as Sheet;
    const plan2568 = sheet('มาตรการ')
      .getDataRange()
      .getValues()
      .slice(1)
      .map((r) => String(r[0]));
    addNextYear(sheet);
    const o = bundle.call<Overview>('apiOverview');
    expect(o.analysis?.year).toBe(2569);
    bundle.call('apiPrepareReport', { force: true });
    const ids = sheet('มาตรการ')
      .getDataRange()
      .getValues()
      .map((r) => String(r[0]));
    expect(ids).toEqual(expect.arrayContaining(plan2568));
    const links = bundle.call<{ docId: string }>('apiBuildReport', { force: true });
    const text = (runtime.documents.get(links.docId) as DocData).body.children.map(blockText).join('\n');
    expect(text).toContain('ผลของมาตรการตามแผนปีงบประมาณ พ.ศ. ๒๕๖๙ ต่อผลการประเมิน');
    // Each of last year's measures by its public number, never by its รหัส.
    for (const id of plan2568) expect(text).not.toContain(id);
    const rows = sheet('มาตรการ').getDataRange().getValues();
    const numberCol = rows[0].indexOf('เลขที่มาตรการ');
    for (const r of rows.filter((x) => plan2568.includes(String(x[0]))))
      expect(text).toContain(
        `${String(r[numberCol]).replace(/\d/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[Number(d)])} ${r[2]}`,
      );
    // Indicator 1's items were typed 3 points lower: its measures say so.
    expect(text).toContain('๙๘.๔๙ → ๙๕.๔๙');
    expect(text).toContain('ลดลง (-๓.๐๐)');
  });
});
