import { analyze } from '../../src/core/analysis/analyze';
import { analysisJson } from '../../src/core/analysis/json';
import type { SheetData } from '../../src/core/workbook/reader';
import { editedSample, sampleSheets, setCell } from '../helpers/workbook';

/**
 * The figures as the sample report prints them (../shared/reference/ita-framework-notes.md §7):
 * each mistake that a number can reveal must come out as a finding that names its cell.
 */
function findingsOf(sheets: SheetData[]) {
  return analysisJson(analyze(sheets)).findings;
}

function itemRow(rows: unknown[][], id: string, part: number | '' = ''): number {
  return rows.findIndex((r) => r[0] === id && r[1] === part);
}

describe('mistakes printed in the sample report', () => {
  test('i1 88.71 and i2 86.77 (§4) do not average to indicator 1 (98.49)', () => {
    const sheets = editedSample('รายข้อ', (rows) => {
      rows[itemRow(rows, 'i1')][3] = 88.71;
      rows[itemRow(rows, 'i2')][3] = 86.77;
    });
    const mismatches = findingsOf(sheets).filter((f) => f.code === 'score-mismatch');
    const indicator1 = mismatches.find((f) => f.where === 'ตัวชี้วัด!D2');
    expect(indicator1).toBeDefined();
    expect(indicator1?.severity).toBe('warning');
    expect(indicator1?.message).toContain('รายข้อ!D2:D4'); // the item cells it was computed from
    expect(indicator1?.message).toContain('98.49');
    expect(indicator1?.message).toContain('91.83');
    expect(indicator1?.message_en).toContain('indicator 1');
  });

  test('indicator 8 printed 85.85 in figure 7 does not match its items (85.585)', () => {
    const sheets = editedSample('ตัวชี้วัด', (rows) => setCell(rows, 8, 'ปีงบประมาณ พ.ศ. ๒๕๖๘', 85.85));
    const f = findingsOf(sheets).filter((x) => x.code === 'score-mismatch');
    // the indicator against its items, and the EIT indicators against the EIT parts
    expect(f.map((x) => x.where)).toEqual(['ตัวชี้วัด!D9', 'คะแนนรวม!D3']);
    expect(f[0].message).toContain('85.59'); // 85.585 rounded half up
  });

  test('indicators 6 and 7 printed 91.19 and 86.41 are within the 0.02 rounding tolerance', () => {
    const sheets = editedSample('ตัวชี้วัด', (rows) => {
      setCell(rows, 6, 'ปีงบประมาณ พ.ศ. ๒๕๖๘', 91.19);
      setCell(rows, 7, 'ปีงบประมาณ พ.ศ. ๒๕๖๘', 86.41);
    });
    expect(findingsOf(sheets)).toEqual([]);
  });

  test('the levels of figure 7 (ผ่านดี 2567, ผ่านดีเยี่ยม 2568) contradict the rule: both years are ผ่าน', () => {
    const sheets = editedSample('คะแนนรวม', (rows) => {
      setCell(rows, 2567, 'ระดับ', 'ผ่านดี');
      setCell(rows, 2568, 'ระดับ', 'ผ่านดีเยี่ยม');
    });
    const f = findingsOf(sheets).filter((x) => x.code === 'level-mismatch');
    expect(f.map((x) => x.where)).toEqual(['คะแนนรวม!H2', 'คะแนนรวม!H3']);
    expect(f[1].message).toContain('"ผ่านดีเยี่ยม"');
    expect(f[1].message).toContain('"ผ่าน"');
  });

  test('§3.3 gives 96.06 as the IIT score: the IIT indicators average 99.14', () => {
    const sheets = editedSample('คะแนนรวม', (rows) => setCell(rows, 2568, 'IIT', 96.06));
    const f = findingsOf(sheets).filter((x) => x.code === 'score-mismatch');
    expect(f.map((x) => x.where)).toContain('คะแนนรวม!B3');
    expect(f.find((x) => x.where === 'คะแนนรวม!B3')?.message).toContain('ตัวชี้วัด!D2:D6');
  });

  test('item ids garbled by digit conversion (ข้อ ๑๑ for i1, ข้อ 0๑ for o1) are named, not guessed', () => {
    const sheets = editedSample('รายข้อ', (rows) => {
      rows[itemRow(rows, 'i1')][0] = 'ข้อ ๑๑';
      rows[itemRow(rows, 'o1')][0] = 'ข้อ 0๑';
    });
    const f = findingsOf(sheets).filter((x) => x.code === 'bad-item-id');
    expect(f.map((x) => x.where)).toEqual(['รายข้อ!A2', 'รายข้อ!A35']);
    expect(f[1].message).toContain('o1?');
    expect(f.every((x) => x.severity === 'error')).toBe(true);
  });

  test('the corrected sample itself has no finding at all', () => {
    expect(findingsOf(sampleSheets())).toEqual([]);
  });
});

test('EIT parts that do not meet the EIT indicators are flagged (two roads to one EIT)', () => {
  const sheets = editedSample('คะแนนรวม', (rows) => setCell(rows, 2567, 'EIT ส่วนที่ 2', 88.87));
  const f = findingsOf(sheets).filter((x) => x.code === 'score-mismatch');
  expect(f.map((x) => x.where)).toContain('คะแนนรวม!D2');
  expect(f.find((x) => x.where === 'คะแนนรวม!D2')?.message_en).toContain('EIT indicators');
});
