import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../../src/core/analysis/analyze';
import { runBuild } from '../../src/local/build';
import { notAWorkbook, readXlsx } from '../../src/local/xlsx';
import { ROOT } from '../helpers/workbook';

// Builds run the bundle (and spawn the CLI): slower than jest's default 5 s when the machine is busy.
jest.setTimeout(60_000);

// The generated corpus (test/fuzz/corpus.cjs), kept small here; `node bench/fuzz.cjs` runs hundreds with builds.
const { generateCorpus } = require('../fuzz/corpus.cjs') as {
  generateCorpus: (
    seed: number,
    count: number,
  ) => Promise<
    {
      name: string;
      kind: 'file' | 'value' | 'text' | 'shape';
      data: Buffer;
      cell?: string;
      payload?: string;
    }[]
  >;
};

const DIST = join(ROOT, 'dist');
const SEED = 16;
const CELL = /^.+!\$?[A-Z]{1,3}\$?\d+$/;

/** Elements and attributes a report page may hold: nothing that loads or runs. */
function activeMarkup(html: string): string[] {
  return [...html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)]
    .filter(
      ([, tag, attrs]) =>
        /^(iframe|script|object|embed|link|base|form)$/i.test(tag) ||
        /\son\w+\s*=/i.test(attrs) ||
        (/^img$/i.test(tag) && !/src="data:image\/png;base64,/.test(attrs)),
    )
    .map((m) => m[0].slice(0, 80));
}

describe('a generated corpus of hostile and odd workbooks', () => {
  let corpus: Awaited<ReturnType<typeof generateCorpus>> = [];
  beforeAll(async () => {
    corpus = await generateCorpus(SEED, 40);
  });

  test('no case crashes; every finding names a cell or nothing, in Thai and English; bad scores are named', async () => {
    const problems: string[] = [];
    for (const c of corpus) {
      if (c.kind === 'file') {
        if (!notAWorkbook(c.data.subarray(0, 65536))) problems.push(`${c.name}: taken for a workbook`);
        continue;
      }
      const analysis = analyze(await readXlsx(c.data));
      for (const f of analysis.findings) {
        if (f.where !== null && !CELL.test(f.where)) problems.push(`${c.name}: finding at "${f.where}"`);
        if (!f.message || !f.message_en) problems.push(`${c.name}: finding ${f.code} without both messages`);
      }
      if (c.kind === 'value' && !analysis.findings.some((f) => f.where === c.cell))
        problems.push(`${c.name}: no finding names ${c.cell}`);
    }
    expect(problems).toEqual([]);
    expect(corpus.filter((c) => c.kind === 'value').length).toBeGreaterThan(5);
  });

  test('a hostile text never becomes markup in the report', async () => {
    const texts = corpus.filter((c) => c.kind === 'text').slice(0, 3);
    expect(texts.length).toBeGreaterThan(0);
    for (const c of texts) {
      const dir = mkdtempSync(join(tmpdir(), 'ita-fuzz-'));
      writeFileSync(join(dir, 'book.xlsx'), c.data);
      const result = await runBuild({
        workbook: join(dir, 'book.xlsx'),
        out: join(dir, 'out'),
        distDir: DIST,
        pdf: false,
      });
      if (!result.report) continue; // a payload in a settings key can make the settings unreadable: no report
      expect(activeMarkup(readFileSync(join(dir, 'out', 'report.html'), 'utf8'))).toEqual([]);
    }
  }, 60_000);
});
