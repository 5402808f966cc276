// One stray cell far from the data, and zip bombs (test/fuzz/second-pass.cjs): `analyze` and `build` on the
// sample with and without them, each in its own process, with its time and peak memory.
// `node bench/stray.cjs [--json]`.
const { spawnSync } = require('node:child_process');
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { writeFileSync } = require('node:fs');
const ExcelJS = require('exceljs');
const { zipBomb } = require('../test/fuzz/second-pass.cjs');

const ROOT = join(__dirname, '..');
const SAMPLE = join(ROOT, 'samples', 'oie-2568.xlsx');

async function variant(dir, name, edit) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  edit(wb.getWorksheet('คะแนนรวม'));
  const file = join(dir, `${name}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

function measure(args) {
  const started = process.hrtime.bigint();
  const run = spawnSync(
    process.execPath,
    ['-r', join(__dirname, 'maxrss.cjs'), join(ROOT, 'bin', 'ita-report.cjs'), ...args],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const rss = /MAXRSS_KB (\d+)/.exec(run.stderr);
  return {
    exit: run.status,
    seconds: Math.round(ms / 100) / 10,
    mb: rss ? Math.round(Number(rss[1]) / 1024) : null,
  };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'ita-stray-'));
  const cases = {
    sample: SAMPLE,
    'space at A1048576': await variant(dir, 'a', (ws) => {
      ws.getCell('A1048576').value = ' ';
    }),
    'space at XFD1048576': await variant(dir, 'xfd', (ws) => {
      ws.getCell('XFD1048576').value = ' ';
    }),
    'formatting on rows 150,000–200,000': await variant(dir, 'fmt', (ws) => {
      for (let r = 150_000; r <= 200_000; r++) ws.getCell(r, 1).numFmt = '0.00';
    }),
  };
  for (const [name, mb, lie] of [
    ['zip bomb: one 300 MB cell', 300, false],
    ['the same, headers saying 1,000 B', 300, true],
    ['one 30 MB cell (ratio 1,000)', 30, false],
  ]) {
    cases[name] = join(dir, `bomb-${mb}-${lie}.xlsx`);
    writeFileSync(cases[name], await zipBomb(mb, lie));
  }
  const results = [];
  for (const [name, file] of Object.entries(cases)) {
    const analyze = measure(['analyze', file, '--json']);
    const build = measure(['build', file, '--out', join(dir, `out-${results.length}`), '--no-pdf']);
    results.push({ name, analyze, build });
  }
  if (process.argv.includes('--json')) console.log(JSON.stringify(results, null, 2));
  else {
    console.log('workbook                              analyze (s, MB, exit)   build --no-pdf (s, MB, exit)');
    for (const r of results) {
      const cell = (m) => `${m.seconds} s, ${m.mb} MB, ${m.exit}`.padEnd(24);
      console.log(`${r.name.padEnd(38)}${cell(r.analyze)}${cell(r.build)}`);
    }
  }
}

main();
