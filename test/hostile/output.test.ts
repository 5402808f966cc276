import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { writeFilesAtomically } from '../../src/local/atomic';
import { workbookFromSheets } from '../../src/local/xlsx';
import { editedSample, ROOT, setCell } from '../helpers/workbook';

// Builds run the bundle (and spawn the CLI): slower than jest's default 5 s when the machine is busy.
jest.setTimeout(60_000);

const SAMPLE = join(ROOT, 'samples', 'oie-2568.xlsx');
const BIN = join(ROOT, 'bin', 'ita-report.cjs');

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const tmp = () => mkdtempSync(join(tmpdir(), 'ita-out-'));

describe('the output of ita-report build', () => {
  test('a pipe closed after the first line leaves complete files and no temporary one', async () => {
    const out = join(tmp(), 'D');
    const run = spawnSync(
      'sh',
      ['-c', `"${process.execPath}" "${BIN}" build "${SAMPLE}" --out "${out}" --no-pdf | head -1`],
      {
        encoding: 'utf8',
      },
    );
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(readdirSync(out).sort()).toEqual(['report.html', 'workbook.xlsx']);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(out, 'workbook.xlsx'));
    expect(book.getWorksheet('มาตรการ')?.rowCount).toBeGreaterThan(1);
  });

  test('--out at a file is a usage error (exit 2) and the file is left alone', () => {
    const file = join(tmp(), 'report.txt');
    writeFileSync(file, 'mine');
    const { code, err } = cli('build', SAMPLE, '--out', file, '--no-pdf');
    expect(code).toBe(2);
    expect(err).toContain('is a file, not a folder');
    expect(readFileSync(file, 'utf8')).toBe('mine');
  });

  test('a build in place, over its own input, is refused (exit 2) and the input is untouched', () => {
    const dir = tmp();
    const input = join(dir, 'workbook.xlsx');
    copyFileSync(SAMPLE, input);
    const before = sha(input);
    const { code, err } = cli('build', input, '--out', dir, '--no-pdf');
    expect(code).toBe(2);
    expect(err).toContain('would overwrite the input');
    expect(sha(input)).toBe(before);
  });

  test('the folder never mixes two builds: a report this build did not make is removed', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'report.pdf'), 'an older build');
    writeFileSync(join(dir, 'notes.txt'), 'the user’s own file');
    const { code } = cli('build', SAMPLE, '--out', dir, '--no-pdf');
    expect(code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'report.html', 'workbook.xlsx']);
  });

  test('a build stopped by data errors leaves no report of an earlier build beside its workbook', async () => {
    const dir = tmp();
    const bad = join(dir, 'bad.xlsx');
    await workbookFromSheets(
      editedSample('คะแนนรวม', (rows) => setCell(rows, 2568, 'OIT', 'สูง')),
    ).xlsx.writeFile(bad);
    const out = join(dir, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'report.html'), 'an older build');
    writeFileSync(join(out, 'report.pdf'), 'an older build');
    const { code } = cli('build', bad, '--out', out);
    expect(code).toBe(1);
    expect(readdirSync(out)).toEqual(['workbook.xlsx']);
  });
});

describe('a PDF that Chromium fails to make', () => {
  test('is said, fails the build (exit 1), and leaves no report.pdf', () => {
    const out = tmp();
    writeFileSync(join(out, 'report.pdf'), 'an older build');
    const run = spawnSync(process.execPath, [BIN, 'build', SAMPLE, '--out', out, '--lang', 'en'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, CHROMIUM_PATH: '/bin/false' }, // a "browser" that exits at once
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('report.pdf failed: Chromium could not print the PDF');
    expect(run.stdout).not.toContain('no Chromium');
    expect(readdirSync(out).sort()).toEqual(['report.html', 'workbook.xlsx']);
  });
});

describe('a build stopped by a signal', () => {
  test.each([300, 900, 1500])(
    'after %i ms leaves each file old or whole, and no temporary file',
    async (ms) => {
      const out = tmp();
      writeFileSync(join(out, 'workbook.xlsx'), 'old');
      const child = spawn(process.execPath, [BIN, 'build', SAMPLE, '--out', out, '--no-pdf'], {
        stdio: 'ignore',
      });
      const exited = new Promise((resolve) => child.on('exit', resolve));
      await new Promise((resolve) => setTimeout(resolve, ms));
      child.kill('SIGTERM'); // nothing if the build has ended already
      await exited;
      expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      const data = readFileSync(join(out, 'workbook.xlsx'));
      // Old (stopped before the files were put in place) or whole (it opens and has the measures tab).
      const state = data.toString() === 'old' ? 'old' : await wholeOrBroken(data);
      expect(['old', 'whole']).toContain(state);
    },
  );
});

describe('writeFilesAtomically', () => {
  test('a failed write leaves every old file as it was and no temporary file', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.txt'), 'old a');
    expect(() =>
      writeFilesAtomically([
        { path: join(dir, 'a.txt'), data: 'new a' },
        { path: join(dir, 'missing', 'b.txt'), data: 'new b' },
      ]),
    ).toThrow();
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('old a');
    expect(readdirSync(dir)).toEqual(['a.txt']);
  });
});

/** 'whole' when the bytes open as a workbook with the measures tab, else 'broken'. */
async function wholeOrBroken(data: Buffer): Promise<'whole' | 'broken'> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(data as unknown as ArrayBuffer);
  } catch (_e) {
    return 'broken';
  }
  return book.getWorksheet('มาตรการ') ? 'whole' : 'broken';
}
