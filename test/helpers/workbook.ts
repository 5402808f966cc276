import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SheetData } from '../../src/core/workbook/reader';

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
