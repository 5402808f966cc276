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
const { caseProblems, generateCorpus } = require('../fuzz/corpus.cjs') as {
  caseProblems: (
    c: { name: string; kind: string; data: Buffer; cell?: string },
    tools: { analyze: typeof analyze; readXlsx: typeof readXlsx; notAWorkbook: typeof notAWorkbook },
  ) => Promise<{ problems: string[] }>;
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
      problems.push(...(await caseProblems(c, { analyze, readXlsx, notAWorkbook })).problems);
    }
    expect(problems).toEqual([]);
    expect(corpus.filter((c) => c.kind === 'value').length).toBeGreaterThan(5);
  });

  test('a hostile text never becomes markup in the report', async () => {
    const texts = corpus.filter((c) => c.kind === 'text').slice(0, 3);
    expect(texts.length).toBeGreaterThan(0);
    let reports = 0;
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
      reports++;
      expect(activeMarkup(readFileSync(join(dir, 'out', 'report.html'), 'utf8'))).toEqual([]);
    }
    expect(reports).toBeGreaterThan(0); // at least one hostile text did reach a report
  }, 60_000);
});
