import { cellRef, type Finding, type Findings } from '../findings';
import type { SheetData } from './reader';

/** Google Sheets refuses a cell of more characters than this ("…maximum of 50000 characters in a single cell"). */
export const CELL_TEXT_LIMIT = 50_000;

/** A text cut to what a Sheets cell holds, its end marked with an ellipsis. */
export function clampCellText(text: string): string {
  return text.length > CELL_TEXT_LIMIT ? `${text.slice(0, CELL_TEXT_LIMIT - 1)}…` : text;
}

/**
 * The tabs with every text over Google's cell limit cut to it, each with a warning naming the cell (such a
 * cell comes from a file made elsewhere: Sheets itself never holds one, and the add-on must not write one).
 */
export function clampLongTexts(sheets: readonly SheetData[], findings: Findings): SheetData[] {
  const long = (v: unknown) => typeof v === 'string' && v.length > CELL_TEXT_LIMIT;
  return sheets.map((sheet) => {
    // A tab with no long text is returned as it is, not copied (a tab can hold thousands of rows).
    if (!sheet.values.some((row) => row.some(long))) return sheet;
    let changed = false;
    const values = sheet.values.map((row, r) =>
      row.map((v, c) => {
        if (typeof v !== 'string' || v.length <= CELL_TEXT_LIMIT) return v;
        changed = true;
        const where = cellRef(sheet.name, r, c);
        findings.warning(
          'cell-too-long',
          where,
          `${where}: ข้อความยาว ${v.length.toLocaleString('en')} ตัวอักษร เกินที่ Google Sheets เก็บได้ในหนึ่งช่อง (50,000) จึงใช้เพียง 50,000 ตัวอักษรแรก`,
          `${where}: the text is ${v.length.toLocaleString('en')} characters long, more than a Google Sheets cell holds (50,000); only the first 50,000 are used`,
        );
        return clampCellText(v);
      }),
    );
    return changed ? { name: sheet.name, values } : sheet;
  });
}

/**
 * The findings with each one about a cell that holds a formula with no saved result said as that: its value
 * is unknown, not blank or wrong. (Only the cells a finding names: a formula whose saved result is "" reads
 * the same, and is no concern where a blank is.)
 */
export function explainUnsavedFormulas(
  sheets: readonly SheetData[],
  findings: readonly Finding[],
): Finding[] {
  const unsaved = new Set(
    sheets.flatMap((sheet) => (sheet.unsaved ?? []).map(([r, c]) => cellRef(sheet.name, r, c))),
  );
  if (unsaved.size === 0) return [...findings];
  return findings.map((f) =>
    f.where !== null && unsaved.has(f.where)
      ? {
          severity: 'error',
          code: 'formula-no-value',
          where: f.where,
          message: `${f.where} เป็นสูตรที่ไม่มีผลลัพธ์บันทึกไว้ในไฟล์ (โปรแกรมที่บันทึกไม่ได้คำนวณสูตร) จึงไม่ทราบค่า: เปิดไฟล์ใน Google Sheets หรือ Excel แล้วบันทึกใหม่ หรือพิมพ์ค่าลงในช่อง (${f.message})`,
          message_en: `${f.where} is a formula with no saved result (the program that saved the file did not calculate it), so its value is unknown: open the file in Google Sheets or Excel and save it again, or type the value (${f.message_en})`,
        }
      : f,
  );
}

/** The bytes of a text in UTF-8, as Google counts a property value (Apps Script has no Buffer). */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    n += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return n;
}
