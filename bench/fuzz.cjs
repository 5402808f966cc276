// The fuzz corpus of test/fuzz/corpus.cjs at a larger size: every case analysed, and one in five built
// (no PDF), with the invariants of test/hostile/fuzz.test.ts. `node bench/fuzz.cjs [COUNT] [SEED]`.
const { mkdtempSync, readFileSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { analyze, notAWorkbook, readXlsx, runBuild } = require('../build/local.cjs');
const { caseProblems, generateCorpus } = require('../test/fuzz/corpus.cjs');

const ROOT = join(__dirname, '..');
const ACTIVE = /<(iframe|script|object|embed|link|base|form)\b|<[a-z][^>]*\son\w+\s*=/i;

async function main() {
  const count = Number(process.argv[2] ?? 300);
  const seed = Number(process.argv[3] ?? 1616);
  const started = Date.now();
  const corpus = await generateCorpus(seed, count);
  const problems = [];
  let built = 0;
  const dir = mkdtempSync(join(tmpdir(), 'ita-fuzz-'));
  for (const [i, c] of corpus.entries()) {
    try {
      const checked = await caseProblems(c, { analyze, readXlsx, notAWorkbook });
      problems.push(...checked.problems);
      const analysis = checked.analysis;
      if (analysis && i % 5 === 0) {
        const file = join(dir, `${i}.xlsx`);
        writeFileSync(file, c.data);
        const out = join(dir, `out-${i}`);
        const result = await runBuild({ workbook: file, out, distDir: join(ROOT, 'dist'), pdf: false });
        built++;
        const errors = analysis.findings.filter((f) => f.severity === 'error').length;
        if (result.report && errors > 0) problems.push(`${c.name}: a report despite ${errors} data errors`);
        if (result.report && ACTIVE.test(readFileSync(join(out, 'report.html'), 'utf8')))
          problems.push(`${c.name}: active markup in the report`);
      }
    } catch (e) {
      problems.push(`${c.name}: threw ${e?.message}`);
    }
  }
  const kinds = {};
  for (const c of corpus) kinds[c.kind] = (kinds[c.kind] ?? 0) + 1;
  console.log(
    `${count} cases (seed ${seed}: ${JSON.stringify(kinds)}), ${built} built, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  for (const p of problems) console.log(`  ${p}`);
  console.log(problems.length === 0 ? 'no problem found' : `${problems.length} problems`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}

main();
