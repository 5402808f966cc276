// The hostile and careless workbooks of the second attacker's pass (issue 26), each made by a script from the
// sample (no committed binaries), with what must hold for it. Used by test/hostile/second-pass.test.ts;
// `node test/fuzz/second-pass.cjs DIR` writes them into DIR to try by hand.
//   expect.exit        the exit status of `ita-report <command> CASE.xlsx` (command: analyze or build);
//   expect.findings    findings `analyze --json` must hold ({ code, where?, severity?, quotes? });
//   expect.message     a text the command prints (stdout or stderr);
//   expect.noRawBytes  bytes none of stdout or stderr may hold;
//   expect.noFindings  finding codes `analyze --json` must not hold;
//   expect.reportHas / reportLacks  texts the written report.html holds / must not hold;
//   expect.agency      the agency name `analyze --json` gives, every character kept;
//   expect.written     cells of the workbook `build` wrote: their value as exceljs reads it, bold, fill.
const { readFileSync, writeFileSync, mkdirSync } = require('node:fs');
const { join } = require('node:path');
const ExcelJS = require('exceljs');
const JSZip = require('jszip');
const zlib = require('node:zlib');

const SAMPLE = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'samples', 'oie-2568.json'), 'utf8'),
).sheets;

const copy = () => SAMPLE.map((s) => ({ name: s.name, values: s.values.map((r) => [...r]) }));
const tab = (sheets, name) => sheets.find((s) => s.name === name);
const setting = (sheets, key, value) => {
  tab(sheets, 'ตั้งค่า').values.find((r) => r[0] === key)[1] = value;
};

function workbook(sheets) {
  const wb = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name);
    for (const row of sheet.values) ws.addRow(row.map((v) => (v === '' ? null : v)));
  }
  return wb;
}

async function xlsx(sheets, edit) {
  const wb = workbook(sheets);
  if (edit) edit(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The bytes of an .xlsx with `from` in its shared strings replaced by `to` (raw XML). */
async function patchSharedStrings(data, from, to) {
  const zip = await JSZip.loadAsync(data);
  const xml = await zip.file('xl/sharedStrings.xml').async('string');
  if (!xml.includes(from)) throw new Error(`no ${from} in the shared strings`);
  zip.file('xl/sharedStrings.xml', xml.replace(from, to));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

// Control sequences as an .xlsx holds them (`_xHHHH_`, which exceljs decodes): OSC 0 (the window title),
// OSC 52 (the clipboard), CSI (clear the screen, red), a lone BEL, C1 CSI, and RLO (right-to-left override).
const CONTROL_AGENCY_XML =
  'สำนักงาน_x001B_]0;pwned_x0007__x001B_]52;c;cHduZWQ=_x0007__x001B_[2J_x001B_[31mแดง_x0007_\u202eเลิฟ_x009B_1m';
const RAW_CONTROLS = ['\u001b', '\u0007', '\u009b', '\u202e'];

/** Deflates the chunks in order as one stream, never holding more than one chunk uncompressed. */
async function deflateChunks(chunks) {
  const z = zlib.createDeflateRaw({ level: 9 });
  const out = [];
  z.on('data', (d) => out.push(d));
  const done = new Promise((resolve, reject) => {
    z.on('end', resolve);
    z.on('error', reject);
  });
  for (const c of chunks) if (!z.write(c)) await new Promise((resolve) => z.once('drain', resolve));
  z.end();
  await done;
  return Buffer.concat(out);
}

/** A zip of `entries` ({ name, chunks }: a part inflating to its chunks in order), each header declaring `declare(size)`. */
async function zipOf(entries, declare = (size) => size) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const { name, chunks } of entries) {
    let crc = 0;
    let size = 0;
    for (const c of chunks) {
      crc = zlib.crc32(c, crc);
      size += c.length;
    }
    const data = await deflateChunks(chunks);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(8, 8); // deflated
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declare(size), 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(0x02014b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(20, 6);
    head.writeUInt16LE(0x0800, 8);
    head.writeUInt16LE(8, 10);
    head.writeUInt32LE(crc, 16);
    head.writeUInt32LE(data.length, 20);
    head.writeUInt32LE(declare(size), 24);
    head.writeUInt16LE(nameBytes.length, 28);
    head.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    central.push(head, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/**
 * The sample with its agency name (a shared string) `mb` MB of "A", deflated at the best ratio (about 1 to
 * 1,000); `lie` makes every header declare 1,000 bytes. Made chunk by chunk: no 300 MB buffer.
 */
async function zipBomb(mb, lie) {
  const parts = await JSZip.loadAsync(await xlsx(copy()));
  const NAME = 'สำนักงานเศรษฐกิจอุตสาหกรรม';
  const entries = [];
  for (const [name, file] of Object.entries(parts.files)) {
    if (file.dir) continue;
    const text = await file.async('nodebuffer');
    if (name !== 'xl/sharedStrings.xml') entries.push({ name, chunks: [text] });
    else {
      const [before, after] = text.toString('utf8').split(NAME);
      const mbOfA = Buffer.alloc(1024 * 1024, 'A');
      const chunks = [Buffer.from(before), ...Array.from({ length: mb }, () => mbOfA), Buffer.from(after)];
      entries.push({ name, chunks });
    }
  }
  return zipOf(entries, lie ? () => 1000 : undefined);
}

/** A 2561 workbook as the old assessment published it: a total and a level, no indicators, no items. */
function totalsOnly2561() {
  const sheets = copy().filter((s) => ['ตั้งค่า', 'คะแนนรวม', 'หน่วยงานในสังกัด'].includes(s.name));
  setting(sheets, 'ปีงบประมาณที่ประเมิน', 2561);
  setting(sheets, 'กรอบการประเมิน', '');
  tab(sheets, 'คะแนนรวม').values = [
    ['ปีงบประมาณ', 'คะแนนรวม', 'ระดับ'],
    [2560, 85.12, 'สูง'],
    [2561, 88.4, 'สูง'],
  ];
  // The peers of the sample are 2568's figures: never compared with 2561.
  const peers = tab(sheets, 'หน่วยงานในสังกัด');
  peers.values = peers.values.map((row, i) => [...row, i === 0 ? 'ปีงบประมาณ' : 2568]);
  return sheets;
}

/** A 2566 workbook whose level is typed in the letters of the scale that ended in 2565. */
function level2566() {
  const sheets = copy().filter((s) => ['ตั้งค่า', 'คะแนนรวม'].includes(s.name));
  setting(sheets, 'ปีงบประมาณที่ประเมิน', 2566);
  setting(sheets, 'กรอบการประเมิน', '');
  tab(sheets, 'คะแนนรวม').values = [
    ['ปีงบประมาณ', 'IIT', 'EIT', 'OIT', 'คะแนนรวม', 'ระดับ'],
    [2566, 86, 84, 99, 90.6, 'A'],
  ];
  return sheets;
}

const CASES = [
  {
    name: 'agency name of terminal control sequences (analyze)',
    make: async () => patchSharedStrings(await xlsx(copy()), 'สำนักงานเศรษฐกิจอุตสาหกรรม', CONTROL_AGENCY_XML),
    command: ['analyze'],
    expect: { exit: 0, noRawBytes: RAW_CONTROLS, message: 'สำนักงาน' },
  },
  {
    name: 'agency name of terminal control sequences (analyze --json keeps them, escaped)',
    make: async () => patchSharedStrings(await xlsx(copy()), 'สำนักงานเศรษฐกิจอุตสาหกรรม', CONTROL_AGENCY_XML),
    command: ['analyze', '--json'],
    expect: {
      exit: 0,
      noRawBytes: RAW_CONTROLS,
      agency: CONTROL_AGENCY_XML.replace(/_x([0-9A-F]{4})_/g, (_, h) =>
        String.fromCharCode(Number.parseInt(h, 16)),
      ),
    },
  },
  {
    name: 'agency name of terminal control sequences (build --calls)',
    make: async () => patchSharedStrings(await xlsx(copy()), 'สำนักงานเศรษฐกิจอุตสาหกรรม', CONTROL_AGENCY_XML),
    command: ['build', '--calls', '--no-pdf'],
    expect: { exit: 0, noRawBytes: RAW_CONTROLS, message: 'Apps Script' },
  },
  {
    name: 'zip bomb: one 300 MB cell, its size declared',
    make: () => zipBomb(300, false),
    command: ['analyze'],
    expect: { exit: 1, message: 'xl/sharedStrings.xml', maxRssMb: 300, maxSeconds: 5 },
  },
  {
    name: 'zip bomb: one 300 MB cell, its headers saying 1,000 bytes',
    make: () => zipBomb(300, true),
    command: ['analyze'],
    expect: { exit: 1, message: 'xl/sharedStrings.xml', maxRssMb: 300, maxSeconds: 5 },
  },
  {
    name: 'a 2561 workbook of totals only (analyze)',
    make: () => xlsx(totalsOnly2561()),
    command: ['analyze', '--json'],
    expect: {
      exit: 0,
      findings: [{ code: 'totals-only-year', severity: 'info' }],
      noFindings: ['peer-mismatch'],
    },
  },
  {
    name: 'a 2561 workbook of totals only (build --force)',
    make: () => xlsx(totalsOnly2561()),
    command: ['build', '--no-pdf', '--force'],
    expect: {
      exit: 0,
      reportLacks: ['ข้อ o', 'ครอบคลุมทั้ง', 'อันดับที่', 'แท็บ ตัวชี้วัด', 'ระดับสูงสุด'],
      reportHas: ['มีเพียงคะแนนรวมและระดับ', 'มีเพียงคะแนนของปีอื่น'],
    },
  },
  {
    name: 'a 2561 workbook of totals only (build, English)',
    make: () => xlsx(totalsOnly2561()),
    command: ['build', '--no-pdf', '--lang', 'en'],
    expect: { exit: 1, message: 'ITA 2561 has totals only: the o25 report needs a framework from 2562 on' },
  },
  {
    name: 'a 2561 workbook of totals only (build)',
    make: () => xlsx(totalsOnly2561()),
    command: ['build', '--no-pdf', '--lang', 'th'],
    expect: { exit: 1, message: 'ITA 2561 มีเพียงคะแนนรวม: รายงาน o25 ต้องใช้กรอบตั้งแต่ 2562' },
  },
  {
    name: 'a 2566 level typed "A"',
    make: () => xlsx(level2566()),
    command: ['analyze', '--json'],
    expect: {
      exit: 0,
      level: { year: '2566', level: 'ผ่าน', level_source: 'computed' },
      findings: [{ code: 'level-mismatch', severity: 'warning', quotes: '"A"' }],
    },
  },
  {
    name: 'the assessed year a formula with no saved result',
    make: () =>
      xlsx(copy(), (wb) => {
        wb.getWorksheet('ตั้งค่า').getCell('B5').value = { formula: 'YEAR(TODAY())+543' };
      }),
    command: ['analyze', '--json', '--lang', 'en'],
    expect: {
      exit: 1,
      findings: [{ code: 'formula-no-value', where: 'ตั้งค่า!B5', quotes: 'formula with no saved result' }],
    },
  },
  {
    name: 'a stray value at the last cell of a sheet (--json, Thai)',
    make: () =>
      xlsx(copy(), (wb) => {
        wb.getWorksheet('คะแนนรวม').getCell('XFD1048576').value = 'x';
      }),
    command: ['analyze', '--json', '--lang', 'th'],
    expect: {
      exit: 1,
      message: 'XFD1048576: แท็บ',
      findings: [{ code: 'too-many-cells', where: 'คะแนนรวม!XFD1048576' }],
    },
  },
  {
    name: 'a recommendation of 50,001 characters',
    make: () => {
      const sheets = copy();
      tab(sheets, 'ข้อเสนอแนะ').values[1][4] = 'ก'.repeat(50_001);
      return xlsx(sheets);
    },
    command: ['analyze', '--json'],
    expect: { exit: 1, findings: [{ code: 'cell-too-long', where: 'ข้อเสนอแนะ!E2' }] },
  },
  {
    name: 'an agency name of 50,000 characters (build)',
    make: () => {
      const sheets = copy();
      setting(sheets, 'หน่วยงาน', `สำนักงาน${'ก'.repeat(49_990)}`);
      return xlsx(sheets);
    },
    command: ['build', '--lang', 'en'],
    expect: { exit: 1, message: 'ตั้งค่า!B2', maxLineLength: 2000, noPdf: true },
  },
];

CASES.push(
  {
    name: 'error cells (#DIV/0!, and a formula whose result is one) come back as error cells',
    make: () =>
      xlsx(copy(), (wb) => {
        const ws = wb.addWorksheet('ของฉัน');
        ws.getCell('A1').value = { error: '#DIV/0!' };
        ws.getCell('A2').value = { formula: '1/0', result: { error: '#DIV/0!' } };
        ws.getCell('A3').value = { error: '#N/A' };
      }),
    command: ['build', '--no-pdf'],
    expect: {
      exit: 0,
      written: [
        { cell: 'ของฉัน!A1', value: { error: '#DIV/0!' } },
        { cell: 'ของฉัน!A2', value: { formula: '1/0', result: { error: '#DIV/0!' } } },
        { cell: 'ของฉัน!A3', value: { error: '#N/A' } },
      ],
    },
  },
  {
    name: "a person's extra header cell in the measures tab keeps its own style",
    make: () =>
      xlsx(copy(), (wb) => {
        const ws = wb.addWorksheet('มาตรการ');
        ws.getCell('A1').value = 'รหัส';
        const mine = ws.getCell('B1');
        mine.value = 'ความเห็นของฉัน';
        mine.font = { italic: true };
        mine.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
      }),
    command: ['build', '--no-pdf'],
    expect: {
      exit: 0,
      written: [
        { cell: 'มาตรการ!B1', value: 'ความเห็นของฉัน', bold: false, fill: 'FFFFC7CE' },
        { cell: 'มาตรการ!A1', value: 'รหัส', bold: true, fill: 'FFE8F0FE' },
        { cell: 'มาตรการ!C1', value: 'ตัวชี้วัดที่', bold: true, fill: 'FFE8F0FE' },
      ],
    },
  },
  {
    name: 'the assessed year a formula with no saved result (build, Thai)',
    make: () =>
      xlsx(copy(), (wb) => {
        wb.getWorksheet('ตั้งค่า').getCell('B5').value = { formula: 'YEAR(TODAY())+543' };
      }),
    command: ['build', '--no-pdf', '--lang', 'th'],
    expect: { exit: 1, message: 'ตั้งค่า!B5 เป็นสูตรที่ไม่มีผลลัพธ์บันทึกไว้' },
  },
);

/** Writes every case into `dir` (`node test/fuzz/second-pass.cjs DIR`). */
async function writeAll(dir) {
  mkdirSync(dir, { recursive: true });
  for (const [i, c] of CASES.entries()) {
    const file = join(dir, `${String(i).padStart(2, '0')}.xlsx`);
    writeFileSync(file, await c.make());
    console.log(`${file}  ${c.name}: ita-report ${c.command[0]} ${c.command.slice(1).join(' ')}`);
  }
}

if (require.main === module) writeAll(process.argv[2] ?? 'out/second-pass');

module.exports = { CASES, RAW_CONTROLS, zipBomb };
