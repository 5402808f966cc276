// The roll-up at national size: 8,317 agencies (the number NACC assessed in 2568) over two years, with
// tools and, in the assessed year, the ten indicators (scripts/rollup-samples.cjs). Writes the workbook to
// out/bench/national.xlsx, then times `ita-report rollup WORKBOOK --out DIR` as the CLI runs it (the real
// dist/Code.js in the local runtime, the xlsx read and written, the Doc, its HTML and, with Chromium, its
// PDF), and counts the Doc's pages and the Apps Script calls. `node bench/rollup.cjs [--no-pdf] [--json]`.
const { mkdirSync } = require('node:fs');
const { join } = require('node:path');
const { runRollup } = require('../build/local.cjs');
const { workbookFromSheets } = require('../build/local.cjs');

const ROOT = join(__dirname, '..');
const AGENCIES = 8317;

async function main() {
  const noPdf = process.argv.includes('--no-pdf');
  const { coordinatorSheets } = require('../scripts/rollup-samples.cjs');
  const dir = join(ROOT, 'out', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'national.xlsx');
  const sheets = coordinatorSheets({
    n: AGENCIES,
    districts: 878,
    scope: 'ประเทศไทย (ตัวอย่าง)',
    office: 'สำนักงาน ป.ป.ช. (ตัวอย่าง)',
  });
  await workbookFromSheets(sheets).xlsx.writeFile(file);
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const result = await runRollup({ workbook: file, out: join(dir, 'national'), pdf: !noPdf });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const used = process.cpuUsage(cpu);
  const calls = result.runtime.calls.snapshot();
  const pdf = result.files.find((f) => f.endsWith('.pdf'));
  const pages = pdf
    ? (
        require('node:fs')
          .readFileSync(pdf, 'latin1')
          .match(/\/Type\s*\/Page[^s]/g) ?? []
      ).length
    : null;
  const out = {
    agencies: result.rollup.years['2568']?.agencies,
    rows: sheets[1].values.length - 1,
    ms: Math.round(ms),
    // This process's CPU time (Chromium's excluded): what the machine's load does not change.
    cpuMs: Math.round((used.user + used.system) / 1000),
    pages,
    getValues: calls['Range.getValues'] ?? 0,
    setValues: calls['Range.setValues'] ?? 0,
    calls: result.runtime.calls.total(),
    timings: result.timings,
    error: result.error,
  };
  if (process.argv.includes('--json')) console.log(JSON.stringify(out));
  else
    console.log(
      `rollup of ${out.agencies} agencies (${out.rows} rows): ${out.ms} ms (CPU ${out.cpuMs} ms), ${out.pages ?? '–'} PDF pages, getValues ${out.getValues}, setValues ${out.setValues}, ${out.calls} Apps Script calls; ${JSON.stringify(out.timings)}`,
    );
  if (out.error) process.exitCode = 1;
}

main();
