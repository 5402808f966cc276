import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../../src/core/analysis/analyze';
import { CELL_TEXT_LIMIT } from '../../src/core/workbook/limits';
import { runBuild } from '../../src/local/build';
import { createRuntime } from '../../src/local/runtime/index';
import { readXlsxFile, WorkbookLimitError, workbookFromSheets } from '../../src/local/xlsx';
import { editedSample, ROOT } from '../helpers/workbook';

const DIST = join(ROOT, 'dist');

function spreadsheet() {
  const runtime = createRuntime({ user: 'owner@example.com' });
  const ss = (runtime.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActive();
  return { runtime, ss };
}

// Sheets' own message (Google Sheets error list, e.g. integrately.com/integrations/google-sheets/error):
// "Your input contains more than the maximum of 50000 characters in a single cell."
describe('the local Sheets enforces the limits Google Sheets has', () => {
  test('a cell of more than 50,000 characters is refused with Google’s message, and nothing is written', () => {
    const { ss } = spreadsheet();
    const sheet = ss.insertSheet('Data');
    sheet.getRange('A1').setValue('x'.repeat(50_000));
    expect(() => sheet.getRange('A2:B2').setValues([['ok', 'x'.repeat(50_001)]])).toThrow(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    expect(sheet.getRange('A2').getValue()).toBe('');
  });

  // Google's Drive help ("Files you can store in Google Drive"): "Up to 10 million cells or 18,278 columns
  // (column ZZZ) for spreadsheets that are created in or converted to Google Sheets." The message is the one
  // Sheets shows when an edit would pass it (not found in a stored source: written as Sheets words it).
  test('a spreadsheet grows to at most 10 million cells, counted over every sheet’s grid', () => {
    const { ss } = spreadsheet();
    const sheet = ss.insertSheet('Data'); // 1000 × 26
    sheet.insertRowsAfter(1000, 300_000); // 301,000 × 26 = 7,826,000 cells, with Sheet1
    expect(() => sheet.insertColumnsAfter(26, 10)).toThrow(
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
    expect(sheet.getMaxColumns()).toBe(26);
  });
});

describe('a text longer than a Sheets cell holds', () => {
  const longText = `ควรเผยแพร่ข้อมูล ${'ก'.repeat(100_000)}`;
  const sheets = () =>
    editedSample('ข้อเสนอแนะ', (rows) => {
      rows[1][4] = longText;
    });

  test('is cut to 50,000 characters with a warning naming the cell', () => {
    const analysis = analyze(sheets());
    const finding = analysis.findings.find((f) => f.code === 'cell-too-long');
    expect(finding).toMatchObject({ severity: 'warning', where: 'ข้อเสนอแนะ!E2' });
    const rec = analysis.workbook.recommendations.find((r) => r.where === 'ข้อเสนอแนะ!E2');
    expect(rec?.text.length).toBeLessThanOrEqual(CELL_TEXT_LIMIT);
  });

  // Google Sheets holds no such cell, so a file holding one is refused as it is read (exit 1 in the CLI),
  // the cell named, rather than analysed without the part of it no Google spreadsheet could keep.
  test('in an .xlsx, is refused as it is read, naming the cell, and nothing is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ita-long-'));
    const file = join(dir, 'long.xlsx');
    await workbookFromSheets(sheets()).xlsx.writeFile(file);
    await expect(readXlsxFile(file)).rejects.toThrow(
      'ข้อเสนอแนะ!E2 holds 100,017 characters, more than the 50,000 a Google Sheets cell holds',
    );
    await expect(
      runBuild({ workbook: file, out: join(dir, 'out'), distDir: DIST, pdf: false }),
    ).rejects.toBeInstanceOf(WorkbookLimitError);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  }, 120_000);
});
