import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SheetData } from '../../src/core/workbook/reader';
import { loadBundle } from '../../src/local/bundle';
import { createRuntime, spreadsheetFromSheets } from '../../src/local/index';
import type { Runtime } from '../../src/local/runtime/index';

export const ROOT = join(__dirname, '..', '..');

/** The sample workbook's checked-in source: the tabs as getValues() would return them. */
export function sampleSheets(): SheetData[] {
  const source = JSON.parse(readFileSync(join(ROOT, 'samples', 'oie-2568.json'), 'utf8'));
  return source.sheets;
}

/** A copy of the sample with `edit` applied to one tab's rows. */
export function editedSample(tab: string, edit: (rows: unknown[][]) => void): SheetData[] {
  const sheets = sampleSheets();
  const sheet = sheets.find((s) => s.name === tab);
  if (!sheet) throw new Error(`no tab ${tab}`);
  edit(sheet.values);
  return sheets;
}

export function settingsTab(entries: Record<string, unknown>, name = 'ตั้งค่า'): SheetData {
  return { name, values: [['รายการ', 'ค่า'], ...Object.entries(entries).map(([k, v]) => [k, v])] };
}

/** Sets the cell at the row whose first cell is `key` and the column headed `header`. */
export function setCell(rows: unknown[][], key: unknown, header: unknown, value: unknown): void {
  const col = rows[0].indexOf(header);
  const row = rows.find((r) => r[0] === key);
  if (col < 0 || !row) throw new Error(`no cell ${String(key)} / ${String(header)}`);
  row[col] = value;
}

/**
 * The real bundle (dist/Code.js) in a local runtime on the sample's tabs (or others), its Doc-to-PDF step a stub: these
 * tests count calls and read the Doc, not the PDF's pages.
 */
export function sampleBundle(sheets: SheetData[] = sampleSheets()): {
  runtime: Runtime;
  bundle: ReturnType<typeof loadBundle>;
} {
  const runtime = createRuntime({
    spreadsheet: spreadsheetFromSheets(sheets),
    projectDir: join(ROOT, 'dist'),
    pdf: () => Buffer.from('%PDF-1.4\n%%EOF\n'),
  });
  return { runtime, bundle: loadBundle(runtime, join(ROOT, 'dist', 'Code.js')) };
}
