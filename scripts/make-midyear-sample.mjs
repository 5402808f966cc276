// Writes samples/oie-2568-midyear.xlsx: the sample after one build (the measures tab as the add-on writes
// it, with its state), then as divisions would have filled it by the six-month round, 31 March 2569:
// some measures done, most under way, one late, one not yet due, with results, evidence links, problems
// and next steps. Run `npm run build` first; `npm run sample:midyear` runs both.
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const { runBuild, saveSpreadsheet } = createRequire(import.meta.url)('../build/local.cjs');

const DRIVE = (id) => `https://drive.google.com/file/d/${id}/view`;
const WEB = (path) => `https://www.oie.example/ita/2569/${path}`;

/** What each division recorded, by the measure's place in the tab (row 2 is the first measure). */
const RECORDED = [
  {
    status: 'เสร็จสิ้น',
    progress: 100,
    round: 100,
    result: 'ปรับปรุงคู่มือการปฏิบัติงาน 12 กระบวนงาน ระบุขั้นตอนและระยะเวลาครบทุกขั้นตอน (เป้าหมาย 10 กระบวนงาน)',
    evidence: `คู่มือการปฏิบัติงาน ${DRIVE('1Qm7manualSteps2569')}\nหน้าเว็บเผยแพร่ ${WEB('manual')}`,
    next: 'ทบทวนคู่มือเมื่อมีการเปลี่ยนแปลงกระบวนงาน',
  },
  {
    status: 'กำลังดำเนินการ',
    progress: 60,
    round: 60,
    result: 'เปิดให้บริการออนไลน์แล้ว 3 จาก 5 งานบริการ',
    evidence: `รายงานความก้าวหน้า ${DRIVE('1Ks8eServiceProgress')}`,
    problems: 'ระบบยืนยันตัวตนต้องเชื่อมกับระบบกลางของกระทรวง',
    next: 'ทดสอบระบบ 2 งานบริการที่เหลือ ภายในไตรมาสที่ 3',
  },
  {
    status: 'เสร็จสิ้น',
    progress: 100,
    round: 100,
    result: 'เผยแพร่รายงานการใช้จ่ายงบประมาณและการจัดซื้อจัดจ้างรายเดือนครบ 6 เดือน',
    evidence: WEB('budget-report'),
  },
  {
    status: 'กำลังดำเนินการ',
    progress: 50,
    round: 50,
    result: 'ประกาศหลักเกณฑ์การมอบหมายงานแล้ว อยู่ระหว่างจัดทำแบบประเมินผล',
    evidence: `ประกาศหลักเกณฑ์ ${DRIVE('1Hr4fairAssignment')}`,
    next: 'ใช้แบบประเมินผลในรอบการประเมินเมษายน 2569',
  },
  {
    status: 'กำลังดำเนินการ',
    progress: 10,
    round: 10,
    result: 'จัดทำร่างแนวปฏิบัติการยืมทรัพย์สินแล้ว ยังไม่ได้ประกาศใช้',
    problems: 'ผู้รับผิดชอบย้ายตำแหน่ง งานหยุดไปสองเดือน',
    next: 'มอบหมายผู้รับผิดชอบใหม่ และเสนอร่างแนวปฏิบัติภายในเมษายน 2569',
  },
];
const LATER = { status: 'ยังไม่เริ่ม', progress: 0, period: 'เม.ย. – ก.ย. 2569' };
const UNDER_WAY = (i) => ({
  status: 'กำลังดำเนินการ',
  progress: 30 + ((i * 7) % 40),
  round: 30 + ((i * 7) % 40),
  result: 'ดำเนินการตามแผนรายไตรมาส',
  evidence: i % 2 === 0 ? `บันทึกการประชุม ${DRIVE(`1Mt${i}meetingNotes`)}` : '',
});

const out = mkdtempSync(join(tmpdir(), 'ita-midyear-'));
const built = await runBuild({ workbook: 'samples/oie-2568.xlsx', out, pdf: false });
if (built.error) throw new Error(built.error.en);
const ss = built.runtime.spreadsheet;
const settings = ss.getSheetByName('ตั้งค่า');
settings.appendRow(['วันที่รายงานผล', '31/03/2569']);
const tab = ss.getSheetByName('มาตรการ');
const values = tab.getDataRange().getValues();
const col = (name) => {
  const c = values[0].indexOf(name);
  if (c < 0) throw new Error(`no column ${name}`);
  return c + 1;
};
const set = (row, name, value) => {
  if (value !== undefined) tab.getRange(row, col(name)).setValue(value);
};
for (let row = 2; row <= values.length; row++) {
  const i = row - 2;
  const r = RECORDED[i] ?? (i === values.length - 2 ? LATER : UNDER_WAY(i));
  set(row, 'สถานะ', r.status);
  set(row, 'ความคืบหน้า (%)', r.progress);
  set(row, 'ความคืบหน้า รอบ 6 เดือน (%)', r.round);
  set(row, 'ผลการดำเนินการเทียบกับเป้าหมาย', r.result);
  set(row, 'หลักฐาน', r.evidence);
  set(row, 'ปัญหาและอุปสรรค', r.problems);
  set(row, 'การดำเนินการต่อไป', r.next);
  if (r.period) {
    set(row, 'ช่วงระยะเวลา', r.period);
    // Its milestones start in the third quarter: nothing is due before April.
    set(row, 'ไตรมาสที่ 1 (ต.ค.–ธ.ค.)', '');
    set(row, 'ไตรมาสที่ 2 (ม.ค.–มี.ค.)', '');
  }
}
await saveSpreadsheet(built.runtime, 'samples/oie-2568-midyear.xlsx');
console.log(`wrote samples/oie-2568-midyear.xlsx (${values.length - 1} measures)`);
