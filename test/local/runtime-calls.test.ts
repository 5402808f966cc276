import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { createRuntime } from '../../src/local/runtime/index';
import { ROOT } from '../helpers/workbook';

// One way of counting, for every service; and a method Google has but this runtime lacks says so.
// biome-ignore lint/suspicious/noExplicitAny: the services as a script sees them, untyped
type Globals = Record<string, any>;

describe('the local runtime', () => {
  test('counts the calls of every service by its path: Charts, ScriptApp, Logger, Drive.Files included', () => {
    const runtime = createRuntime();
    const g = runtime.globals as Globals;
    g.ScriptApp.getScriptId();
    g.Logger.log('x');
    g.Drive.Files.create({ name: 'a.pdf', mimeType: 'application/pdf' });
    g.PropertiesService.getDocumentProperties().getProperties();
    g.SpreadsheetApp.getActive().getSheets();
    expect(runtime.calls.snapshot()).toEqual({
      'Drive.Files.create': 1,
      'Logger.log': 1,
      'Properties.getProperties': 1,
      'PropertiesService.getDocumentProperties': 1,
      'ScriptApp.getScriptId': 1,
      'Spreadsheet.getSheets': 1,
      'SpreadsheetApp.getActive': 1,
    });
    expect(g.Charts.ChartType.COLUMN).toBe('COLUMN');
  });

  test('a method Google has and this runtime does not says "not implemented locally"; an unknown one is undefined', () => {
    const g = createRuntime().globals as Globals;
    const sheet = g.SpreadsheetApp.getActive().insertSheet('a');
    expect(() => sheet.getBandings()).toThrow('not implemented locally: Sheet.getBandings');
    expect(sheet.getBandingz).toBeUndefined();
    expect(() => g.PropertiesService.getDocumentProperties().getKeys()).not.toThrow();
  });

  test("its list of Google's methods is the one @types/google-apps-script gives", () => {
    expect(() =>
      execFileSync(process.execPath, [join(ROOT, 'scripts', 'google-methods.mjs'), '--check'], {
        stdio: 'pipe',
      }),
    ).not.toThrow();
  });
});
