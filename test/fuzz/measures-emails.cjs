// The measures tab and e-mail cells of issue 26 (item 4), each a workbook made by a script from the sample
// (no committed binaries) with what must hold for it. Used by test/hostile/measures-emails.test.ts (read and
// analysed in process); `node test/fuzz/measures-emails.cjs DIR` writes them into DIR to try by hand.
//   expect.findings    [code, where]: each exactly once at that cell (warnings, the value not used);
//   expect.noFindings  codes the analysis must not hold;
//   expect.rows        the measures as read for the reports: [id, indicator, responsible, status, progress];
//   expect.emails      each division's addresses as read (those shared with);
//   expect.links       the evidence links of the measures, in order.
// The 50,000 item rows case is bench/items.cjs (time and memory, not a test).
const { readFileSync, writeFileSync, mkdirSync } = require('node:fs');
const { join } = require('node:path');
const ExcelJS = require('exceljs');

const SAMPLE = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'samples', 'oie-2568.json'), 'utf8'),
).sheets;

// The measures tab's columns these cases fill: the add-on's own (MEASURE_COLUMNS), up to หมายเหตุ.
const { MEASURE_COLUMNS } = require('../../build/local.cjs');
const HEADER = MEASURE_COLUMNS.slice(0, MEASURE_COLUMNS.indexOf('หมายเหตุ') + 1);

/** A measure row: a whole-year plan of สล. under way at 40%, with `over` by column name. */
function measure(id, over = {}) {
  const cells = {
    รหัส: id,
    ตัวชี้วัดที่: 1,
    'มาตรการ/โครงการ/กิจกรรม': `มาตรการ ${id}`,
    ช่วงระยะเวลา: '1 ตุลาคม 2568 ถึง 30 กันยายน 2569',
    ผู้รับผิดชอบ: 'สล.',
    สถานะ: 'กำลังดำเนินการ',
    'ความคืบหน้า (%)': 40,
    ...over,
  };
  return HEADER.map((h) => cells[h] ?? '');
}

/** The sample with a measures tab of `rows`, and `divisions` e-mail cells by row (C2, C3, C4). */
async function workbook({ rows = null, emails = null } = {}) {
  const wb = new ExcelJS.Workbook();
  const sheets = SAMPLE.map((s) => ({ name: s.name, values: s.values.map((r) => [...r]) }));
  if (emails)
    emails.forEach((cell, i) => {
      sheets.find((s) => s.name === 'หน่วยงานภายใน').values[i + 1][2] = cell;
    });
  if (rows) sheets.push({ name: 'มาตรการ', values: [HEADER, ...rows] });
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name);
    for (const row of sheet.values) ws.addRow(row.map((v) => (v === '' ? null : v)));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const IFRAME_LINK = 'https://x.example/"><iframe src="file:///etc/hostname"></iframe>';
const SAMPLE_EMAILS = [
  ['sl.head@oie.example', 'sl.staff@oie.example'],
  ['ss.head@oie.example', 'ss.assistant@no-google.example'],
  ['psd@oie.example'],
];

const CASES = [
  {
    name: 'a รหัส given to two measures',
    make: () => workbook({ rows: [measure('m-1'), measure('m-1', { ตัวชี้วัดที่: 2 })] }),
    expect: {
      findings: [['duplicate-measure-id', 'มาตรการ!A3']],
      rows: [
        ['m-1', 1, 'สล.', 'กำลังดำเนินการ', 40],
        ['', 2, 'สล.', 'กำลังดำเนินการ', 40],
      ],
    },
  },
  {
    name: 'progress 150 and "abc"',
    make: () =>
      workbook({
        rows: [measure('m-1', { 'ความคืบหน้า (%)': 150 }), measure('m-2', { 'ความคืบหน้า (%)': 'abc' })],
      }),
    expect: {
      findings: [
        ['bad-progress', 'มาตรการ!I2'],
        ['bad-progress', 'มาตรการ!I3'],
      ],
      rows: [
        ['m-1', 1, 'สล.', 'กำลังดำเนินการ', null],
        ['m-2', 1, 'สล.', 'กำลังดำเนินการ', null],
      ],
    },
  },
  {
    name: 'a status outside the list',
    make: () => workbook({ rows: [measure('m-1', { สถานะ: 'รออนุมัติ' })] }),
    expect: { findings: [['bad-status', 'มาตรการ!H2']], rows: [['m-1', 1, 'สล.', '', 40]] },
  },
  {
    name: 'an indicator not in the framework: "ไม่ใช่ตัวเลข" and 11',
    make: () => workbook({ rows: [measure('m-1', { ตัวชี้วัดที่: 'ไม่ใช่ตัวเลข' }), measure('m-2', { ตัวชี้วัดที่: 11 })] }),
    expect: {
      findings: [
        ['unknown-indicator', 'มาตรการ!B2'],
        ['unknown-indicator', 'มาตรการ!B3'],
      ],
      rows: [
        ['m-1', null, 'สล.', 'กำลังดำเนินการ', 40],
        ['m-2', null, 'สล.', 'กำลังดำเนินการ', 40],
      ],
    },
  },
  {
    name: 'an owner code given twice: "สล., กพร., สล."',
    make: () => workbook({ rows: [measure('m-1', { ผู้รับผิดชอบ: 'สล., กพร., สล.' })] }),
    expect: {
      findings: [['duplicate-owner', 'มาตรการ!G2']],
      rows: [['m-1', 1, 'สล., กพร.', 'กำลังดำเนินการ', 40]],
    },
  },
  {
    name: 'ยกเลิก without a reason, and with one',
    make: () =>
      workbook({
        rows: [
          measure('m-1', { สถานะ: 'ยกเลิก' }),
          measure('m-2', { สถานะ: 'ยกเลิก', หมายเหตุ: 'งบประมาณถูกตัด' }),
        ],
      }),
    expect: {
      findings: [['cancelled-without-reason', 'มาตรการ!K2']],
      rows: [
        ['m-1', 1, 'สล.', '', 40],
        ['m-2', 1, 'สล.', 'ยกเลิก', 40],
      ],
    },
  },
  {
    name: 'a link cell carrying a quote and an iframe',
    make: () => workbook({ rows: [measure('m-1', { หลักฐาน: `รายงานการประชุม ${IFRAME_LINK}` })] }),
    expect: { findings: [], links: ['https://x.example/'] },
  },
  {
    name: 'display names: "Name" <n@x.example>, สมชาย <s@x.example>',
    make: () => workbook({ emails: ['"Name" <n@x.example>, สมชาย <s@x.example>'] }),
    expect: {
      findings: [],
      noFindings: ['bad-email'],
      emails: [['n@x.example', 's@x.example'], ...SAMPLE_EMAILS.slice(1)],
    },
  },
  {
    name: 'team e-mails team@ and @x.example',
    make: () => workbook({ emails: ['team@', 'ss.head@oie.example; @x.example'] }),
    expect: {
      findings: [
        ['bad-email', 'หน่วยงานภายใน!C2'],
        ['bad-email', 'หน่วยงานภายใน!C3'],
      ],
      emails: [[], ['ss.head@oie.example'], SAMPLE_EMAILS[2]],
    },
  },
];

/** Writes every case into `dir` (`node test/fuzz/measures-emails.cjs DIR`). */
async function writeAll(dir) {
  mkdirSync(dir, { recursive: true });
  for (const [i, c] of CASES.entries()) {
    const file = join(dir, `m${String(i).padStart(2, '0')}.xlsx`);
    writeFileSync(file, await c.make());
    console.log(`${file}  ${c.name}`);
  }
}

if (require.main === module) writeAll(process.argv[2] ?? 'out/measures-emails');

module.exports = { CASES, HEADER };
