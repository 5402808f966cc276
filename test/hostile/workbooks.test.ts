import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runBuild } from '../../src/local/build';
import { loadSpreadsheet } from '../../src/local/workbook-io';
import { readXlsxFile, workbookFromSheets } from '../../src/local/xlsx';
import { editedSample, ROOT, sampleSheets, setCell } from '../helpers/workbook';

// Builds run the bundle (and spawn the CLI): slower than jest's default 5 s when the machine is busy.
jest.setTimeout(60_000);

const DIST = join(ROOT, 'dist');
const BIN = join(ROOT, 'bin', 'ita-report.cjs');
const tmp = () => mkdtempSync(join(tmpdir(), 'ita-odd-'));

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

/** The sample as an .xlsx with `edit` applied to the exceljs workbook. */
async function sampleWith(edit: (wb: ExcelJS.Workbook) => void, sheets = sampleSheets()): Promise<string> {
  const wb = workbookFromSheets(sheets);
  edit(wb);
  const file = join(tmp(), 'book.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

const totals = (wb: ExcelJS.Workbook) => wb.getWorksheet('คะแนนรวม') as ExcelJS.Worksheet;

describe('a stray cell far from the data', () => {
  test.each(['A1048576', 'XFD1048576'])(
    'holding one space at %s: read as without it, and said',
    async (address) => {
      const file = await sampleWith((wb) => {
        totals(wb).getCell(address).value = ' ';
      });
      const sheets = await readXlsxFile(file);
      const tab = sheets.find((s) => s.name === 'คะแนนรวม');
      expect(tab?.values).toHaveLength(3);
      expect(tab?.values[0]).toHaveLength(8);
      const loaded = await loadSpreadsheet(file);
      expect(loaded.notes.join('\n')).toContain(`คะแนนรวม!${address}`);
    },
  );

  test('formatting alone far below the data makes no rows', async () => {
    const file = await sampleWith((wb) => {
      for (let r = 1000; r <= 200_000; r += 1000) totals(wb).getCell(r, 1).numFmt = '0.00';
    });
    const tab = (await readXlsxFile(file)).find((s) => s.name === 'คะแนนรวม');
    expect(tab?.values).toHaveLength(3);
  });

  test('a value beyond what a Google spreadsheet can hold is refused with its limit', async () => {
    const file = await sampleWith((wb) => {
      totals(wb).getCell('XFD1048576').value = 'x';
    });
    await expect(readXlsxFile(file)).rejects.toThrow(
      'over the 10,000,000 cells a Google spreadsheet can hold',
    );
    const { code, err } = cli('analyze', file);
    expect(code).toBe(1);
    expect(err).toContain('10,000,000 cells');
  });
});

describe('a total typed as a percentage', () => {
  async function percentBook() {
    return sampleWith((wb) => {
      const cell = totals(wb).getCell('G3'); // คะแนนรวม 2568
      expect(cell.value).toBe(96.06);
      cell.value = 0.9606;
      cell.numFmt = '0.00%';
    });
  }

  test('is read as the percentage it shows, by analyze', async () => {
    const { code, out } = cli('analyze', await percentBook(), '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out).scores['2568'].total).toBe(96.06);
  });

  test('and by the add-on in the spreadsheet (values with their number formats)', async () => {
    const result = await runBuild({ workbook: await percentBook(), out: tmp(), distDir: DIST, pdf: false });
    expect(result.analysis.scores['2568'].total).toBe(96.06);
    expect(result.analysis.findings.filter((f) => f.code === 'score-mismatch')).toEqual([]);
  });
});

// 2558–2561 have frameworks (without a level rule); the years before them have none.
describe('an assessed year without a framework', () => {
  test('stops the build with an error naming the year', async () => {
    const sheets = editedSample('ตั้งค่า', (rows) => {
      setCell(rows, 'ปีงบประมาณที่ประเมิน', 'ค่า', 2557);
      setCell(rows, 'กรอบการประเมิน', 'ค่า', '');
    });
    const tab = sheets.find((s) => s.name === 'คะแนนรวม') as { values: unknown[][] };
    tab.values[2][0] = 2557;
    tab.values[1][0] = 2556;
    const file = join(tmp(), 'y2557.xlsx');
    await workbookFromSheets(sheets).xlsx.writeFile(file);
    const { code, out } = cli('build', file, '--out', join(tmp(), 'out'), '--no-pdf', '--lang', 'th');
    expect(code).toBe(1);
    expect(out).toMatch(/ข้อผิดพลาด.*ไม่มีกรอบการประเมินของปี 2557/);
    expect(out).not.toContain('report.html');
    const english = cli('build', file, '--out', join(tmp(), 'out'), '--no-pdf', '--lang', 'en');
    expect(english.code).toBe(1);
    expect(english.out).toMatch(/error No framework is known for 2557/);
  });
});

describe('the state tab and the measures tab as people leave them', () => {
  test('a damaged state tab is ignored with a note, never fatal: the build goes on', async () => {
    const first = tmp();
    await runBuild({
      workbook: join(ROOT, 'samples', 'oie-2568.xlsx'),
      out: first,
      distDir: DIST,
      pdf: false,
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(first, 'workbook.xlsx'));
    (wb.getWorksheet('_ita_report_state') as ExcelJS.Worksheet).getCell('A1').value = 'broken{';
    const damaged = join(tmp(), 'damaged.xlsx');
    await wb.xlsx.writeFile(damaged);
    const { code, out } = cli('build', damaged, '--out', join(tmp(), 'out'), '--no-pdf');
    expect(code).toBe(0);
    expect(out).toContain('_ita_report_state tab is damaged and is ignored');
    expect(out).not.toContain('Unexpected token');
  });

  test('a measures tab with a title above its header says where the header is, and writes nothing', async () => {
    const file = await sampleWith((wb) => {
      const ws = wb.addWorksheet('มาตรการ');
      ws.addRow(['ตารางมาตรการ ปี 2568']);
      ws.addRow(['รหัส', 'ตัวชี้วัดที่', 'มาตรการ/โครงการ/กิจกรรม']);
      ws.addRow(['2568-1-x', 1, 'งานของกองแผน']);
    });
    const out = join(tmp(), 'out');
    const { code, out: printed } = cli('build', file, '--out', out, '--no-pdf');
    expect(code).toBe(1);
    expect(printed).toContain('has its "รหัส" header in row 2, but the header must be in row 1');
    const written = await readXlsxFile(join(out, 'workbook.xlsx'));
    expect(written.find((s) => s.name === 'มาตรการ')?.values).toEqual([
      ['ตารางมาตรการ ปี 2568', '', ''],
      ['รหัส', 'ตัวชี้วัดที่', 'มาตรการ/โครงการ/กิจกรรม'],
      ['2568-1-x', 1, 'งานของกองแผน'],
    ]);
  });
});
