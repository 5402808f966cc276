import { join } from 'node:path';
import { loadBundle } from '../src/local/bundle';
import { createRuntime, spreadsheetFromSheets } from '../src/local/index';
import { ROOT, sampleSheets, settingsTab } from './helpers/workbook';

// Tabs are found by any of their documented names (docs/workbook.md), never by one spelling.
const DIST = join(ROOT, 'dist');

function runtimeOf(sheets = sampleSheets()) {
  const runtime = createRuntime({
    spreadsheet: spreadsheetFromSheets(sheets, 'team@oie.example'),
    projectDir: DIST,
  });
  return { runtime, bundle: loadBundle(runtime, join(DIST, 'Code.js')) };
}

const names = (runtime: ReturnType<typeof createRuntime>) =>
  runtime.spreadsheet.getSheets().map((s) => s.getName());

test('a measures tab renamed to its alias Measures is the one the next build writes, its edits kept', () => {
  const { runtime, bundle } = runtimeOf();
  bundle.call('apiWriteMeasures');
  const tab = runtime.spreadsheet.getSheetByName('มาตรการ');
  expect(tab).not.toBeNull();
  tab?.setName('Measures');
  tab?.getRange('H2').setValue('กำลังดำเนินการ');
  tab?.getRange('C2').setValue('มาตรการที่หน่วยงานเขียนเอง');
  bundle.call('apiWriteMeasures');
  bundle.call('apiBuildReport');
  expect(names(runtime).filter((n) => n === 'มาตรการ' || n === 'Measures')).toEqual(['Measures']);
  const values = runtime.spreadsheet.getSheetByName('Measures')?.getDataRange().getValues() ?? [];
  expect(values[1][7]).toBe('กำลังดำเนินการ');
  expect(values[1][2]).toBe('มาตรการที่หน่วยงานเขียนเอง');
});

test('the template in a spreadsheet with an English Settings tab makes no Thai twin of it', () => {
  const { runtime, bundle } = runtimeOf([settingsTab({ Agency: 'X' }, 'Settings')]);
  const result = bundle.call<{ created: string[]; skipped: string[] }>('apiCreateTemplate', false);
  expect(result.skipped).toContain('ตั้งค่า');
  expect(names(runtime)).toContain('Settings');
  expect(names(runtime)).not.toContain('ตั้งค่า');
  expect(result.created.length).toBeGreaterThan(2);
});
