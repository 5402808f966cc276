// 50,000 item rows (the sample's items tab repeated: the rows after the first set are duplicates, each a
// finding): `analyze` and `build --no-pdf` each in its own process, with time and peak memory. The build
// should stay within 10 s and 400 MB (issue 26). `node bench/items.cjs [ROWS] [--json]`.
const { spawnSync } = require('node:child_process');
const { mkdtempSync, readFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const ExcelJS = require('exceljs');

const ROOT = join(__dirname, '..');
const sample = JSON.parse(readFileSync(join(ROOT, 'samples', 'oie-2568.json'), 'utf8')).sheets;

async function workbook(dir, rows) {
  const wb = new ExcelJS.Workbook();
  for (const tab of sample) {
    const ws = wb.addWorksheet(tab.name);
    const values = tab.name === 'รายข้อ' ? grown(tab.values, rows) : tab.values;
    for (const row of values) ws.addRow(row.map((v) => (v === '' ? null : v)));
  }
  const file = join(dir, `items-${rows}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

/** The header, then the item rows again and again up to `rows` rows. */
function grown(values, rows) {
  const body = values.slice(1);
  return [values[0], ...Array.from({ length: rows }, (_, i) => body[i % body.length])];
}

function measure(args) {
  const started = process.hrtime.bigint();
  const run = spawnSync(
    process.execPath,
    ['-r', join(__dirname, 'maxrss.cjs'), join(ROOT, 'bin', 'ita-report.cjs'), ...args],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const rss = /MAXRSS_KB (\d+)/.exec(run.stderr);
  const cpu = /CPU_MS (\d+)/.exec(run.stderr);
  return {
    exit: run.status,
    seconds: Math.round(ms / 100) / 10,
    cpuSeconds: cpu ? Math.round(Number(cpu[1]) / 100) / 10 : null,
    mb: rss ? Math.round(Number(rss[1]) / 1024) : null,
  };
}

async function main() {
  const rows = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 50_000);
  const dir = mkdtempSync(join(tmpdir(), 'ita-items-'));
  const file = await workbook(dir, rows);
  const analyze = measure(['analyze', file, '--json']);
  const build = measure(['build', file, '--out', join(dir, 'out'), '--no-pdf', '--force']);
  const result = { rows, analyze, build, within: build.seconds <= 10 && (build.mb ?? Infinity) <= 400 };
  if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
  else {
    const cell = (m) => `${m.seconds} s (CPU ${m.cpuSeconds} s), ${m.mb} MB, exit ${m.exit}`;
    console.log(`${rows} item rows: analyze ${cell(analyze)}; build --no-pdf ${cell(build)}`);
    console.log(result.within ? 'build within 10 s and 400 MB' : 'build NOT within 10 s and 400 MB');
  }
}

main();
