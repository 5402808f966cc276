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

module.exports = { sample, largeWorkbook };
