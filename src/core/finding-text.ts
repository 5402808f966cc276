import type { Finding } from './findings';

/** How a group of findings of one code reads in the sidebar ("{n} ช่องไม่ใช่ตัวเลข"), and how to fix it. */
export interface FindingText {
  th: string;
  en: string;
  hintTh: string;
  hintEn: string;
}

/** How a group of findings of one code reads ("61 ช่องไม่ใช่ตัวเลข"), and how to fix it. */
const FINDING_TEXT: Record<string, FindingText> = {
  'not-a-number': {
    th: '{n} ช่องไม่ใช่ตัวเลข',
    en: '{n} cells are not numbers',
    hintTh: 'พิมพ์คะแนนเป็นตัวเลข เช่น 96.06 (เลขไทยได้) ลบข้อความหรือเครื่องหมายอื่นออก',
    hintEn: 'Type the score as a number such as 96.06 (Thai digits are fine); remove any text or signs.',
  },
  'out-of-range': {
    th: '{n} ช่องมีคะแนนนอกช่วง 0–100',
    en: '{n} scores are outside 0–100',
    hintTh: 'ตรวจกับรายงานผลของ ป.ป.ช. คะแนนต้องอยู่ระหว่าง 0 ถึง 100',
    hintEn: 'Check against the NACC results: a score is from 0 to 100.',
  },
  'looks-like-fraction': {
    th: '{n} ช่องน่าจะเป็นร้อยละที่เก็บเป็นทศนิยม',
    en: '{n} cells look like percentages stored as fractions',
    hintTh: 'พิมพ์ 96.06 แทน 96.06% หรือ 0.9606',
    hintEn: 'Type 96.06 rather than 96.06% or 0.9606.',
  },
  'score-mismatch': {
    th: '{n} ช่องไม่ตรงกับที่คำนวณจากระดับย่อย',
    en: '{n} figures differ from what the level below computes',
    hintTh: 'ตรวจตัวเลขที่พิมพ์กับรายงานผลของ ป.ป.ช. หรือลบออกเพื่อให้คำนวณให้',
    hintEn: 'Check the typed figure against the NACC results, or clear it to have it computed.',
  },
  'level-mismatch': {
    th: '{n} ช่องระดับไม่ตรงกับคะแนน',
    en: '{n} levels do not match the scores',
    hintTh: 'ตรวจระดับที่พิมพ์ หรือลบออกเพื่อให้คำนวณจากเกณฑ์',
    hintEn: 'Check the typed level, or clear it to have it computed from the rule.',
  },
  duplicate: {
    th: '{n} แถวซ้ำกับแถวก่อนหน้า',
    en: '{n} rows repeat an earlier row',
    hintTh: 'ลบแถวที่ซ้ำ ให้เหลือแถวเดียวต่อรายการ',
    hintEn: 'Delete the repeated rows, one row per entry.',
  },
  'bad-email': {
    th: '{n} ช่องมีอีเมลไม่ถูกต้อง',
    en: '{n} cells hold an invalid e-mail',
    hintTh: 'แก้เป็นอีเมลเต็ม เช่น name@agency.go.th คั่นหลายอีเมลด้วยจุลภาค',
    hintEn: 'Write full addresses such as name@agency.go.th, separated by commas.',
  },
  'duplicate-measure-id': {
    th: '{n} มาตรการใช้รหัสซ้ำกับแถวก่อนหน้า',
    en: '{n} measures repeat an earlier row’s code',
    hintTh: 'ให้แต่ละมาตรการมีรหัสของตนเอง หรือลบรหัสของแถวที่คัดลอกมา',
    hintEn: 'Give each measure its own code, or clear the code of a copied row.',
  },
  'bad-progress': {
    th: '{n} ช่องความคืบหน้าไม่ใช่ตัวเลข 0–100',
    en: '{n} progress cells are not a number from 0 to 100',
    hintTh: 'พิมพ์ความคืบหน้าเป็นร้อยละ 0 ถึง 100 เช่น 40',
    hintEn: 'Type the progress as a percentage from 0 to 100, such as 40.',
  },
  'bad-status': {
    th: '{n} ช่องสถานะไม่อยู่ในรายการ',
    en: '{n} statuses are not in the list',
    hintTh: 'เลือกสถานะจากรายการ: ยังไม่เริ่ม กำลังดำเนินการ เสร็จสิ้น หรือยกเลิก',
    hintEn: 'Pick a status from the list: ยังไม่เริ่ม, กำลังดำเนินการ, เสร็จสิ้น or ยกเลิก.',
  },
  'cancelled-without-reason': {
    th: '{n} มาตรการที่ยกเลิกยังไม่ระบุเหตุผล',
    en: '{n} cancelled measures give no reason',
    hintTh: 'ระบุเหตุผลที่ยกเลิกในช่องหมายเหตุ',
    hintEn: 'Write why the measure was cancelled in หมายเหตุ (notes).',
  },
  'unknown-indicator': {
    th: '{n} มาตรการอ้างถึงตัวชี้วัดที่ไม่อยู่ในกรอบการประเมิน',
    en: '{n} measures name an indicator not in the framework',
    hintTh: 'ใส่หมายเลขตัวชี้วัด 1–10 ของกรอบการประเมินปีนั้น',
    hintEn: 'Write the indicator’s number (1–10) of that year’s framework.',
  },
  'duplicate-owner': {
    th: '{n} มาตรการระบุผู้รับผิดชอบซ้ำ',
    en: '{n} measures name an owner twice',
    hintTh: 'ระบุชื่อย่อของแต่ละหน่วยงานครั้งเดียว',
    hintEn: 'Name each division’s code once.',
  },
  'unknown-item': {
    th: '{n} ช่องอ้างถึงข้อที่ไม่อยู่ในกรอบการประเมิน',
    en: '{n} cells name items not in the framework',
    hintTh: 'ตรวจรหัสข้อ (เช่น i1, e7, o25) กับกรอบการประเมินของปีนั้น',
    hintEn: 'Check the item codes (i1, e7, o25) against that year’s framework.',
  },
  'missing-column': {
    th: '{n} แท็บขาดคอลัมน์',
    en: '{n} tabs lack a column',
    hintTh: 'เพิ่มคอลัมน์ตามชื่อในแถวหัวตาราง (ดูแบบฟอร์มใน docs/workbook.md)',
    hintEn: 'Add the column by its header name (see the template in docs/workbook.md).',
  },
  'missing-setting': {
    th: '{n} รายการตั้งค่าที่ต้องมียังว่าง',
    en: '{n} required settings are empty',
    hintTh: 'กรอกชื่อหน่วยงานและปีงบประมาณที่ประเมินในแท็บ ตั้งค่า',
    hintEn: 'Fill in the agency and the assessed fiscal year in the settings tab.',
  },
  'incomplete-items': {
    th: '{n} ตัวชี้วัดขาดคะแนนบางข้อ',
    en: '{n} indicators lack some item scores',
    hintTh: 'กรอกคะแนนรายข้อให้ครบ หรือกรอกคะแนนตัวชี้วัดในแท็บ ตัวชี้วัด',
    hintEn: 'Fill in every item score, or type the indicator score in the indicators tab.',
  },
};

/**
 * The words of the codes among `findings`, for the sidebar: sent with the overview rather than bundled in
 * the page, which stays within its size (docs/sidebar.md).
 */
export function findingTexts(findings: readonly Finding[]): Record<string, FindingText> {
  const out: Record<string, FindingText> = {};
  for (const f of findings) if (FINDING_TEXT[f.code]) out[f.code] = FINDING_TEXT[f.code];
  return out;
}
