// A corpus of hostile and odd workbooks, generated from the sample by a seeded generator (no committed
// binaries). Each case is { name, kind, data: Buffer, cell?: 'Tab!A1' } where kind says what must hold:
//   'file'   not a workbook: it must be refused with a clear message, never analysed;
//   'value'  one score cell holds a value no score can be: a finding must name that cell;
//   'text'   hostile text in a text cell: analysed, and no markup from it in the report;
//   'shape'  a structural change (tab gone, title row, stray cells, percent formats): analysed without a crash.
// Used by test/hostile/fuzz.test.ts (a few dozen cases) and bench/fuzz.cjs (hundreds, with builds).
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const ExcelJS = require('exceljs');

const SAMPLE = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'samples', 'oie-2568.json'), 'utf8'),
).sheets;

/** mulberry32: a small seeded generator, so a failing case can be made again from its seed. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (rnd, list) => list[Math.floor(rnd() * list.length)];

const MARKUP = [
  `Sarabun'"><iframe src="file:///etc/hostname"></iframe>`,
  `x" onerror="alert(1)`,
  '<script>alert(1)</script>',
  '</style><img src=x onerror=alert(1)>',
  "'; background:url(file:///etc/passwd); '",
  '=HYPERLINK("http://example.invalid","x")',
  '\u001b[31mred\u001b[0m\u0007',
  '\u202eevil\u202c',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template placeholder is the payload
  '${process.exit(1)}',
  '../../../../etc/passwd',
];

// Values no score can be (blank-like ones such as "–" are left out: they may mean "no score").
const NOT_A_SCORE = ['abc', -5, 101, 1e308, 'NaN', '12,34,56', true, '<b>90</b>', '9 9', 'Infinity'];

/** Cells of the sample's score tabs that hold a score: [tab, row index, column index]. */
function scoreCells() {
  // The first score column of each tab: after year / indicator number and name / item, part and topic.
  const firstScore = { คะแนนรวม: 1, ตัวชี้วัด: 2, รายข้อ: 3 };
  const cells = [];
  for (const [name, first] of Object.entries(firstScore)) {
    const tab = SAMPLE.find((s) => s.name === name);
    tab.values.forEach((row, r) => {
      row.forEach((v, c) => {
        if (r > 0 && c >= first && typeof v === 'number') cells.push([name, r, c]);
      });
    });
  }
  return cells;
}

function textCells() {
  const cells = [];
  for (const name of ['ข้อเสนอแนะ', 'ความคิดเห็น', 'หน่วยงานภายใน', 'ตั้งค่า']) {
    const tab = SAMPLE.find((s) => s.name === name);
    tab.values.forEach((row, r) => {
      row.forEach((v, c) => {
        if (r > 0 && typeof v === 'string' && v.length > 3) cells.push([name, r, c]);
      });
    });
  }
  return cells;
}

function columnLetters(c) {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const copy = () => SAMPLE.map((s) => ({ name: s.name, values: s.values.map((r) => [...r]) }));

async function xlsx(sheets, edit) {
  const wb = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name);
    for (const row of sheet.values) ws.addRow(row.map((v) => (v === '' ? null : v)));
  }
  if (edit) edit(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const SHAPES = [
  ['no settings tab', (s) => s.filter((t) => t.name !== 'ตั้งค่า')],
  ['no totals tab', (s) => s.filter((t) => t.name !== 'คะแนนรวม')],
  ['only settings', (s) => s.filter((t) => t.name === 'ตั้งค่า')],
  ['empty workbook', () => [{ name: 'Sheet1', values: [] }]],
  [
    'title row above every header',
    (s) => s.map((t) => ({ ...t, values: [[`ตาราง ${t.name}`], ...t.values] })),
  ],
  ['rows duplicated', (s) => s.map((t) => ({ ...t, values: [...t.values, ...t.values.slice(1)] }))],
  ['columns reversed', (s) => s.map((t) => ({ ...t, values: t.values.map((r) => [...r].reverse()) }))],
  [
    'every cell as text',
    (s) => s.map((t) => ({ ...t, values: t.values.map((r) => r.map((v) => (v === '' ? '' : String(v)))) })),
  ],
  [
    'tab names in English',
    (s) =>
      s.map((t, i) => ({
        ...t,
        name:
          ['Settings', 'Totals', 'Indicators', 'Items', 'Recommendations', 'Comments', 'Peers', 'Divisions'][
            i
          ] ?? t.name,
      })),
  ],
];

const FILE_CASES = [
  ['empty file', () => Buffer.alloc(0)],
  ['CSV renamed .xlsx', () => Buffer.from('ปีงบประมาณ,คะแนนรวม\n2568,96.06\n')],
  ['random bytes', (rnd) => Buffer.from(Array.from({ length: 512 }, () => Math.floor(rnd() * 256)))],
  [
    'old .xls header',
    () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]),
  ],
  [
    'encrypted .xlsx header',
    () =>
      Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(200),
        Buffer.from('EncryptedPackage', 'utf16le'),
      ]),
  ],
];

/** `count` cases from `seed`; the same seed gives the same cases. */
async function generateCorpus(seed, count) {
  const rnd = random(seed);
  const scores = scoreCells();
  const texts = textCells();
  const cases = [];
  for (let i = 0; i < count; i++) {
    const kind = pick(rnd, ['value', 'value', 'text', 'shape', 'shape', 'file']);
    if (kind === 'file') {
      const [name, make] = pick(rnd, FILE_CASES);
      cases.push({ name: `${i}: ${name}`, kind, data: make(rnd) });
    } else if (kind === 'value') {
      const [tab, r, c] = pick(rnd, scores);
      const value = pick(rnd, NOT_A_SCORE);
      const sheets = copy();
      sheets.find((s) => s.name === tab).values[r][c] = value;
      const cell = `${tab}!${columnLetters(c)}${r + 1}`;
      cases.push({ name: `${i}: ${cell} = ${JSON.stringify(value)}`, kind, cell, data: await xlsx(sheets) });
    } else if (kind === 'text') {
      const [tab, r, c] = pick(rnd, texts);
      const payload = pick(rnd, MARKUP);
      const sheets = copy();
      const row = sheets.find((s) => s.name === tab).values[r];
      row[c] = `${row[c]} ${payload}`;
      cases.push({
        name: `${i}: ${tab}!${columnLetters(c)}${r + 1} += ${JSON.stringify(payload)}`,
        kind,
        payload,
        data: await xlsx(sheets),
      });
    } else {
      const which = Math.floor(rnd() * (SHAPES.length + 3));
      if (which < SHAPES.length) {
        const [name, change] = SHAPES[which];
        cases.push({ name: `${i}: ${name}`, kind, data: await xlsx(change(copy())) });
      } else if (which === SHAPES.length) {
        const address = pick(rnd, ['A1048576', 'XFD1', 'XFD1048576', 'Z100000']);
        cases.push({
          name: `${i}: a space at คะแนนรวม!${address}`,
          kind,
          data: await xlsx(copy(), (wb) => {
            wb.getWorksheet('คะแนนรวม').getCell(address).value = ' ';
          }),
        });
      } else if (which === SHAPES.length + 1) {
        cases.push({
          name: `${i}: totals typed as percentages`,
          kind,
          data: await xlsx(copy(), (wb) => {
            const ws = wb.getWorksheet('คะแนนรวม');
            for (const r of [2, 3])
              for (const c of [2, 4, 5, 6, 7]) {
                const cell = ws.getCell(r, c);
                if (typeof cell.value === 'number') {
                  cell.value = Number((cell.value / 100).toPrecision(15));
                  cell.numFmt = '0.00%';
                }
              }
          }),
        });
      } else {
        cases.push({
          name: `${i}: a damaged state tab`,
          kind,
          data: await xlsx(copy(), (wb) => {
            wb.addWorksheet('_ita_report_state', { state: 'veryHidden' }).getCell('A1').value = pick(rnd, [
              '{',
              'null',
              '[]',
              '{"protections":1}',
            ]);
          }),
        });
      }
    }
  }
  return cases;
}

const CELL = /^.+!\$?[A-Z]{1,3}\$?\d+$/;

/**
 * What one case breaks of the invariants (the test and the bench check the same): a non-workbook taken
 * for one, a finding that names no cell or lacks a language, a bad score no finding names. `tools` are the
 * reader and the analysis (from src/ in the tests, from build/local.cjs in the bench).
 */
async function caseProblems(c, { analyze, readXlsx, notAWorkbook }) {
  if (c.kind === 'file') {
    return {
      problems: notAWorkbook(c.data.subarray(0, 65536)) ? [] : [`${c.name}: taken for a workbook`],
      analysis: null,
    };
  }
  const analysis = analyze(await readXlsx(c.data));
  const problems = [];
  for (const f of analysis.findings) {
    if (f.where !== null && !CELL.test(f.where)) problems.push(`${c.name}: finding at "${f.where}"`);
    if (!f.message || !f.message_en) problems.push(`${c.name}: finding ${f.code} without both messages`);
  }
  if (c.kind === 'value' && !analysis.findings.some((f) => f.where === c.cell))
    problems.push(`${c.name}: no finding names ${c.cell}`);
  return { problems, analysis };
}

module.exports = { caseProblems, generateCorpus, MARKUP, NOT_A_SCORE };
