// Service calls and local time of the one-click flow (the real dist/Code.js in the local runtime):
// on the sample workbook, and on a large one at 1× and 10× its rows. `npm run bench -- --json` for JSON.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { createRuntime, loadBundle, spreadsheetFromSheets } = require('../build/local.cjs');

const ROOT = join(__dirname, '..');
const sample = JSON.parse(readFileSync(join(ROOT, 'samples', 'oie-2568.json'), 'utf8')).sheets;

/** Ten years of item scores, `peers` peer rows and `measures` measure rows someone typed. */
function largeWorkbook(peers, measures) {
  const years = Array.from({ length: 10 }, (_, i) => 2559 + i);
  const settings = sample.find((s) => s.name === 'ตั้งค่า');
  const items = [['ข้อ', 'ส่วนที่', 'ประเด็น', ...years.map(String)]];
  const score = (k, y) => Math.round((80 + ((k * 7 + y * 3) % 20)) * 100) / 100;
  let k = 0;
  for (let n = 1; n <= 30; n++) items.push([`i${n}`, '', '', ...years.map((y) => score(k++, y))]);
  for (const part of [1, 2])
    for (let n = 1; n <= 15; n++) items.push([`e${n}`, part, '', ...years.map((y) => score(k++, y))]);
  for (let n = 1; n <= 43; n++) items.push([`o${n}`, '', '', ...years.map(() => 100)]);
  const peerRows = [['หน่วยงาน', 'คะแนน', 'ระดับ']];
  for (let i = 0; i < peers; i++) peerRows.push([`หน่วยงานที่ ${i + 1}`, 80 + (i % 20), 'ผ่าน']);
  const header = [
    'รหัส',
    'ตัวชี้วัดที่',
    'มาตรการ/โครงการ/กิจกรรม',
    'ผลการวิเคราะห์ตัวชี้วัด',
    'ขั้นตอน/วิธีการดำเนินการ',
    'ช่วงระยะเวลา',
    'ผู้รับผิดชอบ',
    'สถานะ',
    'ความคืบหน้า (%)',
    'หลักฐาน',
    'หมายเหตุ',
    'ที่มา',
  ];
  const measureRows = [header];
  for (let i = 0; i < measures; i++) {
    measureRows.push([
      `user-${i + 1}`,
      (i % 10) + 1,
      `กิจกรรมที่ ${i + 1}`,
      'วิเคราะห์',
      'ขั้นตอน',
      'ปีงบประมาณ',
      'สล.',
      'ยังไม่เริ่ม',
      0,
      '',
      '',
      '',
    ]);
  }
  return [
    settings,
    ...sample.filter((s) => ['ข้อเสนอแนะ', 'ความคิดเห็น', 'หน่วยงานภายใน'].includes(s.name)),
    { name: 'รายข้อ', values: items },
    { name: 'หน่วยงานในสังกัด', values: peerRows },
    { name: 'มาตรการ', values: measureRows },
  ];
}

function run(name, sheets) {
  const runtime = createRuntime({
    spreadsheet: spreadsheetFromSheets(sheets),
    projectDir: join(ROOT, 'dist'),
  });
  const bundle = loadBundle(runtime, join(ROOT, 'dist', 'Code.js'));
  const started = process.hrtime.bigint();
  bundle.call('apiAnalyze');
  bundle.call('apiWriteMeasures');
  bundle.call('apiBuildReport');
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const rows = sheets.reduce((n, s) => n + s.values.length, 0);
  return { name, rows, ms: Math.round(ms), total: runtime.calls.total(), calls: runtime.calls.snapshot() };
}

const results = [
  run('sample (OIE 2568)', sample),
  run('large ×1 (10 years, 100 peers, 30 measures)', largeWorkbook(100, 30)),
  run('large ×10 (10 years, 1,000 peers, 300 measures)', largeWorkbook(1000, 300)),
];
const [, small, big] = results;
const grew = Object.keys({ ...small.calls, ...big.calls }).filter((k) => small.calls[k] !== big.calls[k]);
const report = { results, callsThatGrewTenfold: grew };

if (process.argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else {
  for (const r of results) {
    console.log(`${r.name}: ${r.rows} rows, ${r.total} service calls, ${r.ms} ms`);
    const reads = Object.entries(r.calls).filter(([k]) => /getValues|setValues/.test(k));
    console.log(`  ${reads.map(([k, v]) => `${k} ${v}`).join(', ')}`);
  }
  console.log(
    grew.length === 0
      ? 'No call count changed when the rows grew tenfold.'
      : `Calls that changed with the rows: ${grew.join(', ')}`,
  );
}
