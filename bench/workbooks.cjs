// Workbooks for the bench and the call-count test: the sample, and a large one of any size.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { MEASURE_COLUMNS } = require('../build/local.cjs');

const sample = JSON.parse(readFileSync(join(__dirname, '..', 'samples', 'oie-2568.json'), 'utf8')).sheets;

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
  const header = [...MEASURE_COLUMNS];
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

/** Division codes D01…Dn: no code or name is part of another's, as ownersOfRow matches them in the text. */
const divisionCode = (i) => `D${String(i + 1).padStart(2, '0')}`;

/**
 * The sample with `divisions` divisions of `each` addresses (none of them an editor of the spreadsheet yet),
 * for the sharing step at scale. Each division's rows are given by divisionOwners once the measures tab is
 * written.
 */
function divisionsWorkbook(divisions = 30, each = 3) {
  const rows = [['ชื่อย่อ', 'ชื่อหน่วยงาน', 'อีเมล']];
  for (let i = 0; i < divisions; i++) {
    const code = divisionCode(i);
    const emails = Array.from({ length: each }, (_, k) => `${code.toLowerCase()}.${k + 1}@division.example`);
    rows.push([code, `กอง ${code}`, emails.join(', ')]);
  }
  return [...sample.filter((s) => s.name !== 'หน่วยงานภายใน'), { name: 'หน่วยงานภายใน', values: rows }];
}

/**
 * Who is responsible for each of `measures` measure rows, so that every one of `divisions` divisions owns
 * rows of its own: row i goes to divisions i, i + measures, i + 2 × measures…
 */
function divisionOwners(measures, divisions = 30) {
  return Array.from({ length: measures }, (_, i) => {
    const codes = [];
    for (let d = i; d < divisions; d += measures) codes.push(divisionCode(d));
    return codes.join(', ');
  });
}

module.exports = { sample, largeWorkbook, divisionsWorkbook, divisionOwners };
