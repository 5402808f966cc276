import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readXlsxFile, workbookFromSheets } from '../src/local/xlsx';
import { editedSample, ROOT, sampleSheets, setCell, settingsTab } from './helpers/workbook';

// The CLI as users run it: the bin of the package, over the bundle that `npm run build` writes.
// An English locale unless a test says otherwise (`--lang th`, or a Thai LANG through cliIn).
function cli(...args: string[]) {
  return cliIn({ LANG: 'C.UTF-8' }, ...args);
}

function cliIn(locale: Record<string, string>, ...args: string[]) {
  const env = { ...process.env, LC_ALL: '', LC_MESSAGES: '', ...locale };
  const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'ita-report.cjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env,
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

const SAMPLE = join(ROOT, 'samples', 'oie-2568.xlsx');

describe('ita-report analyze', () => {
  test('--json on the sample workbook prints the report figures and exits 0', () => {
    const { code, out, err } = cli('analyze', SAMPLE, '--json');
    expect(err).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.scores['2568']).toMatchObject({ total: 96.06, level: 'ผ่าน' });
    expect(json.scores['2567']).toMatchObject({ total: 92.73, level: 'ผ่าน' });
    expect(json.deltas.total).toBe(3.33);
    expect(Object.keys(json)).toEqual([
      'agency',
      'year',
      'framework',
      'scores',
      'deltas',
      'weakest',
      'findings',
    ]);
  });

  test('without --json it prints a Thai summary in Thai digits', () => {
    const { code, out } = cli('analyze', SAMPLE);
    expect(code).toBe(0);
    expect(out).toContain('คะแนนรวม ๙๖.๐๖ ระดับ "ผ่าน" เพิ่มขึ้น ๓.๓๓ จากปี ๒๕๖๗ (๙๒.๗๓)');
    expect(out).toContain('ข้อที่ต้องพัฒนา: e7 ส่วนที่ ๒ (๘๑.๘๒)');
  });

  test('the committed sample workbook holds exactly its checked-in source', async () => {
    const sheets = await readXlsxFile(SAMPLE);
    const source = sampleSheets();
    expect(sheets.map((s) => s.name)).toEqual(source.map((s) => s.name));
    for (const [i, sheet] of sheets.entries()) {
      const width = sheet.values[0].length;
      const padded = source[i].values.map((row) => [...row, ...Array(width).fill('')].slice(0, width));
      expect(sheet.values).toEqual(padded);
    }
  });

  test('a workbook that cannot be analysed exits 1 and still prints its JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ita-'));
    const file = join(dir, 'no-scores.xlsx');
    await workbookFromSheets([settingsTab({ agency: 'X', year: 2568 })]).xlsx.writeFile(file);
    const { code, out } = cli('analyze', file, '--json');
    expect(code).toBe(1);
    expect(JSON.parse(out).findings.map((f: { code: string }) => f.code)).toContain('missing-tab');
  });

  test.each([
    [['analyze', SAMPLE, '--jsno'], 'unknown option --jsno'],
    [['analyze', '/nonexistent/book.xlsx'], 'no such file'],
    [['analyze'], 'analyze takes one WORKBOOK.xlsx'],
    [['frobnicate'], 'unknown command frobnicate'],
  ])('usage error %p exits 2 with one line on standard error', (args, message) => {
    const { code, out, err } = cli(...args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain(message);
  });

  test('a file that is not an .xlsx workbook exits 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ita-'));
    const file = join(dir, 'report.xlsx');
    writeFileSync(file, 'this is a text file, not a workbook');
    const { code, err } = cli('analyze', file);
    expect(code).toBe(2);
    expect(err).toContain('cannot read');
  });
});

describe('ita-report --version and --help', () => {
  test('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const { code, out } = cli('--version');
    expect(code).toBe(0);
    expect(out).toBe(`ita-report ${version}\n`);
  });

  test('--help is Thai under a Thai locale, English under another, and --lang wins', () => {
    expect(cliIn({ LANG: 'th_TH.UTF-8' }, '--help').out).toMatch(/^วิธีใช้: ita-report analyze/);
    expect(cliIn({ LANG: 'en_US.UTF-8' }, '--help').out).toMatch(/^usage: ita-report analyze/);
    expect(cliIn({ LANG: 'en_US.UTF-8', LC_ALL: 'th_TH.UTF-8' }, '--help').out).toMatch(/^วิธีใช้/);
    expect(cliIn({ LANG: 'th_TH.UTF-8' }, '--help', '--lang', 'en').out).toMatch(/^usage:/);
  });

  test('usage errors follow the language too', () => {
    const { code, err } = cliIn({ LANG: 'th_TH.UTF-8' }, 'frobnicate');
    expect(code).toBe(2);
    expect(err).toBe('ita-report: ไม่รู้จักคำสั่ง frobnicate (ดู ita-report --help)\n');
    expect(cli('--help', '--lang', 'xx').code).toBe(2);
  });
});

describe('ita-report build', () => {
  test('on a workbook that cannot be analysed it says why and exits 1, keeping the workbook', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ita-'));
    const file = join(dir, 'no-scores.xlsx');
    await workbookFromSheets([settingsTab({ agency: 'X', year: 2568 })]).xlsx.writeFile(file);
    const { code, out } = cli('build', file, '--out', join(dir, 'out'), '--no-pdf', '--lang', 'th');
    expect(code).toBe(1);
    expect(out).toContain('ไม่สำเร็จ: วิเคราะห์ไม่ได้');
    expect(out).toContain('workbook.xlsx');
  });

  test('data errors stop the build: they are printed with their cells, and it exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ita-'));
    const file = join(dir, 'bad.xlsx');
    const sheets = editedSample('คะแนนรวม', (rows) => setCell(rows, 2568, 'OIT', 'สูง'));
    await workbookFromSheets(sheets).xlsx.writeFile(file);
    const { code, out } = cliIn(
      { LANG: 'th_TH.UTF-8' },
      'build',
      file,
      '--out',
      join(dir, 'out'),
      '--no-pdf',
    );
    expect(code).toBe(1);
    expect(out).toMatch(/ข้อผิดพลาด คะแนนรวม!F3: /);
    expect(out).toContain('ไม่สำเร็จ: ข้อมูลมีข้อผิดพลาด 1 รายการ จึงยังไม่สร้าง');
    expect(out).not.toContain('report.html');
  });

  test('--force builds despite data errors and says the report is unconfirmed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ita-'));
    const file = join(dir, 'bad.xlsx');
    const sheets = editedSample('คะแนนรวม', (rows) => setCell(rows, 2568, 'OIT', 'สูง'));
    await workbookFromSheets(sheets).xlsx.writeFile(file);
    const { code, out } = cli(
      'build',
      file,
      '--out',
      join(dir, 'out'),
      '--no-pdf',
      '--force',
      '--lang',
      'th',
    );
    expect(code).toBe(0);
    expect(out).toContain('ฉบับยังไม่ยืนยันข้อมูล');
    expect(readFileSync(join(dir, 'out', 'report.html'), 'utf8')).toContain(
      'ฉบับยังไม่ยืนยันข้อมูล: ข้อมูลมีข้อผิดพลาด ๑ รายการ',
    );
  });

  test('in English, the findings and the failure are English', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ita-'));
    const file = join(dir, 'bad.xlsx');
    const sheets = editedSample('คะแนนรวม', (rows) => setCell(rows, 2568, 'OIT', 'สูง'));
    await workbookFromSheets(sheets).xlsx.writeFile(file);
    const { code, out } = cli('build', file, '--out', join(dir, 'out'), '--no-pdf');
    expect(code).toBe(1);
    expect(out).toMatch(/^ {2}error คะแนนรวม!F3: "สูง" is not a number/m);
    expect(out).toContain('Failed: The data has 1 error(s), so nothing was built');
  });

  test('needs --out', () => {
    const { code, err } = cli('build', SAMPLE);
    expect(code).toBe(2);
    expect(err).toContain('build needs --out DIR');
  });
});

describe('ita-report build --report results', () => {
  test('a workbook without measures yet: no results report, a message that says to build the plan first, exit 1', () => {
    const out = mkdtempSync(join(tmpdir(), 'ita-results-'));
    const { code, out: text } = cli('build', SAMPLE, '--out', out, '--report', 'results', '--no-pdf');
    expect(code).toBe(1);
    expect(text).toContain('build the o25 report first');
    expect(() => readFileSync(join(out, 'results.html'))).toThrow();
  });

  test('a report kind it does not know is a usage error, exit 2', () => {
    const { code, err } = cli(
      'build',
      SAMPLE,
      '--out',
      mkdtempSync(join(tmpdir(), 'ita-x-')),
      '--report',
      'both',
    );
    expect(code).toBe(2);
    expect(err).toContain('--report takes plan or results');
  });
});
