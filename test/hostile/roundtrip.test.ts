import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runBuild } from '../../src/local/build';
import { loadSpreadsheet } from '../../src/local/workbook-io';
import { workbookFromSheets } from '../../src/local/xlsx';
import { ROOT, sampleSheets } from '../helpers/workbook';

// Builds run the bundle (and spawn the CLI): slower than jest's default 5 s when the machine is busy.
jest.setTimeout(60_000);

const DIST = join(ROOT, 'dist');
const tmp = () => mkdtempSync(join(tmpdir(), 'ita-trip-'));

async function open(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

const sheet = (wb: ExcelJS.Workbook, name: string) => wb.getWorksheet(name) as ExcelJS.Worksheet;

/** The sample with what people put in spreadsheets besides values. */
async function decoratedSample(): Promise<string> {
  const wb = workbookFromSheets(sampleSheets());
  const totals = sheet(wb, 'คะแนนรวม');
  totals.getCell('A3').value = { formula: '2567+1', result: 2568 } as ExcelJS.CellFormulaValue;
  totals.getCell('G3').numFmt = '0.00';
  totals.getCell('G3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  totals.getCell('G3').note = 'ตรวจกับประกาศ ป.ป.ช. แล้ว';
  const settings = sheet(wb, 'ตั้งค่า');
  settings.getCell('B2').value = { text: 'สำนักงานเศรษฐกิจอุตสาหกรรม', hyperlink: 'https://www.oie.go.th/' };
  const notes = wb.addWorksheet('บันทึก');
  notes.getCell('A1').value = 'บันทึกการประชุม';
  notes.mergeCells('A1:C1');
  notes.getCell('A2').value = 'ร่าง';
  // Rows past those the writer streams out at a time, with a merge and a note far down.
  for (let r = 3; r <= 5000; r++) notes.getCell(r, 2).value = r;
  notes.mergeCells('A4000:C4001');
  notes.getCell('B4999').note = 'ตรวจแล้ว';
  wb.addWorksheet('ลับ', { state: 'veryHidden' }).getCell('A1').value = 'ข้อมูลภายใน';
  sheet(wb, 'ความคิดเห็น').state = 'hidden';
  sheet(wb, 'หน่วยงานในสังกัด').autoFilter = 'A1:C1';
  wb.definedNames.add("'คะแนนรวม'!$G$3", 'คะแนนปีนี้');
  const file = join(tmp(), 'decorated.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

/** What of the input tabs the round trip must keep, as comparable data. */
function kept(wb: ExcelJS.Workbook) {
  const totals = sheet(wb, 'คะแนนรวม');
  return {
    yearFormula: totals.getCell('A3').formula,
    yearValue: totals.getCell('A3').result,
    totalFormat: totals.getCell('G3').numFmt,
    totalFill: (totals.getCell('G3').fill as ExcelJS.FillPattern)?.fgColor?.argb,
    totalNote: totals.getCell('G3').note,
    link: (sheet(wb, 'ตั้งค่า').getCell('B2').value as ExcelJS.CellHyperlinkValue).hyperlink,
    merges: (sheet(wb, 'บันทึก').model as { merges: string[] }).merges,
    farNote: sheet(wb, 'บันทึก').getCell('B4999').note,
    farValues: [3, 4000, 5000].map((r) => sheet(wb, 'บันทึก').getCell(r, 2).value),
    states: wb.worksheets.filter((ws) => !ws.name.startsWith('_')).map((ws) => [ws.name, ws.state]),
    filter: sheet(wb, 'หน่วยงานในสังกัด').autoFilter,
    names: wb.definedNames.model,
  };
}

describe('the written workbook is the spreadsheet as the add-on left it', () => {
  test('build, then build the written workbook: what the input tabs carried is as it was', async () => {
    const input = await decoratedSample();
    const first = tmp();
    const one = await runBuild({ workbook: input, out: first, distDir: DIST, pdf: false });
    expect(one.error).toBeNull();
    const second = tmp();
    const two = await runBuild({
      workbook: join(first, 'workbook.xlsx'),
      out: second,
      distDir: DIST,
      pdf: false,
    });
    expect(two.error).toBeNull();
    expect(two.analysis.year).toBe(2568);
    expect(two.analysis.scores['2568'].total).toBe(96.06); // the year given by a formula still reads
    const before = kept(await open(input));
    expect(before.yearValue).toBe(2568);
    expect(kept(await open(join(second, 'workbook.xlsx')))).toEqual({
      ...before,
      states: [...before.states, ['มาตรการ', 'visible']],
    });
  });

  test('a formula a person wrote in the measures tab is kept, with its value, on the next build', async () => {
    const first = tmp();
    await runBuild({ workbook: await decoratedSample(), out: first, distDir: DIST, pdf: false });
    const wb = await open(join(first, 'workbook.xlsx'));
    const measures = sheet(wb, 'มาตรการ');
    const header = (measures.getRow(1).values as unknown[]).slice(1);
    const analysisCol = header.indexOf('ผลการวิเคราะห์ตัวชี้วัด') + 1;
    const progressCol = header.indexOf('ความคืบหน้า (%)') + 1;
    measures.getCell(2, analysisCol).value = {
      formula: 'CONCAT("ดู ","รายงาน")',
      result: 'ดู รายงาน',
    } as ExcelJS.CellFormulaValue;
    measures.getCell(2, progressCol).value = { formula: '50+25', result: 75 } as ExcelJS.CellFormulaValue;
    const edited = join(tmp(), 'edited.xlsx');
    await wb.xlsx.writeFile(edited);
    const second = tmp();
    const result = await runBuild({ workbook: edited, out: second, distDir: DIST, pdf: false });
    expect(result.measures?.summary.keptEdits).toBeGreaterThanOrEqual(1);
    const after = sheet(await open(join(second, 'workbook.xlsx')), 'มาตรการ');
    expect(after.getCell(2, analysisCol).formula).toBe('CONCAT("ดู ","รายงาน")');
    expect(after.getCell(2, analysisCol).result).toBe('ดู รายงาน');
    expect(after.getCell(2, progressCol).formula).toBe('50+25');
    expect(after.getCell(2, progressCol).result).toBe(75);
  });
});

describe('what the local round trip cannot keep', () => {
  test('is named, tab by tab, never dropped silently', async () => {
    const wb = workbookFromSheets(sampleSheets());
    const totals = sheet(wb, 'คะแนนรวม');
    totals.getColumn(8).hidden = true;
    totals.getCell('H2').value = { richText: [{ text: 'ผ่าน', font: { bold: true } }] };
    totals.addConditionalFormatting({
      ref: 'G2:G3',
      rules: [{ type: 'cellIs', operator: 'lessThan', formulae: [85], priority: 1, style: {} }],
    });
    const file = join(tmp(), 'unkept.xlsx');
    await wb.xlsx.writeFile(file);
    const { notes } = await loadSpreadsheet(file);
    const note = notes.find((n) => n.startsWith('คะแนนรวม:'));
    expect(note).toContain('conditional formatting');
    expect(note).toContain('hidden columns');
    expect(note).toContain('rich-text');
    expect(notes.filter((n) => n.startsWith('ตั้งค่า:'))).toEqual([]);
  });
});
