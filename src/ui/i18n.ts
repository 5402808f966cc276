export type Lang = 'th' | 'en';

const STRINGS = {
  switchTo: { th: 'English', en: 'ภาษาไทย' },
  intro: {
    th: 'ตรวจคะแนน ITA ในแท็บของสเปรดชีตนี้ แล้วสร้างรายงาน "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร" ในคลิกเดียว',
    en: 'Checks the ITA scores in this spreadsheet’s tabs and builds the “ITA results to organisational development” report in one click.',
  },
  startTitle: { th: 'เริ่มต้น', en: 'Get started' },
  startText: {
    th: 'สเปรดชีตนี้ยังไม่มีแท็บ ตั้งค่า และแท็บคะแนน สร้างแท็บตามแบบฟอร์มเพื่อกรอกหรือวางคะแนน',
    en: 'This spreadsheet has no settings or score tabs yet. Create the template tabs to type or paste the scores in.',
  },
  createEmpty: { th: 'สร้างแท็บว่าง', en: 'Create empty tabs' },
  createSample: { th: 'ใส่ข้อมูลตัวอย่าง', en: 'Use the sample data' },
  created: { th: 'สร้างแท็บแล้ว', en: 'Tabs created' },
  checkTitle: { th: '๑. ตรวจข้อมูล', en: '1. Check the data' },
  check: { th: 'ตรวจข้อมูล', en: 'Check' },
  checking: { th: 'กำลังตรวจ…', en: 'Checking…' },
  noFindings: { th: 'ไม่พบข้อผิดพลาด ข้อมูลครบและตรงกัน', en: 'No problems: the figures are complete and add up.' },
  error: { th: 'ข้อผิดพลาด', en: 'Errors' },
  warning: { th: 'คำเตือน', en: 'Warnings' },
  info: { th: 'หมายเหตุ', en: 'Notes' },
  clickToSelect: { th: 'คลิกเพื่อไปที่เซลล์', en: 'Click to go to the cell' },
  summaryTitle: { th: '๒. สรุปผล', en: '2. Summary' },
  total: { th: 'คะแนนรวม', en: 'Total' },
  level: { th: 'ระดับ', en: 'Level' },
  from: { th: 'จากปี', en: 'from' },
  up: { th: 'ตัวชี้วัดที่เพิ่มขึ้น', en: 'Indicators up' },
  down: { th: 'ตัวชี้วัดที่ลดลง', en: 'Indicators down' },
  weakest: { th: 'ข้อที่ต้องพัฒนา', en: 'Weakest items' },
  none: { th: 'ไม่มี', en: 'none' },
  part: { th: 'ส่วนที่', en: 'part' },
  more: { th: 'และอีก {n} ข้อ', en: 'and {n} more' },
  buildTitle: { th: '๓. สร้างรายงาน', en: '3. Build the report' },
  buildText: {
    th: 'เขียนแท็บ มาตรการ (คงข้อความที่หน่วยงานแก้ไว้) แล้วสร้าง Google Doc และ PDF',
    en: 'Writes the มาตรการ (measures) tab, keeping what divisions typed, then builds the Google Doc and its PDF.',
  },
  build: { th: 'สร้างรายงาน', en: 'Build the report' },
  stepAnalyse: { th: 'ตรวจและวิเคราะห์ข้อมูล', en: 'Checking and analysing' },
  stepMeasures: { th: 'เขียนแท็บมาตรการ', en: 'Writing the measures tab' },
  stepReport: { th: 'สร้าง Google Doc และ PDF', en: 'Building the Google Doc and PDF' },
  measuresDone: {
    th: 'มาตรการ {rows} แถว (ใหม่ {added}, คงที่แก้ไว้ {kept} ช่อง)',
    en: '{rows} measures ({added} new, {kept} edited cells kept)',
  },
  openDoc: { th: 'เปิดรายงาน (Google Doc)', en: 'Open the report (Google Doc)' },
  openPdf: { th: 'เปิด PDF', en: 'Open the PDF' },
  noPdf: { th: 'ยังไม่ได้ PDF: {why}', en: 'No PDF yet: {why}' },
  draftReport: {
    th: 'รายงานนี้เป็นฉบับร่าง: ยังไม่มีคะแนนรายตัวชี้วัดและรายข้อ กรอกแท็บ ตัวชี้วัด และ รายข้อ แล้วสร้างใหม่',
    en: 'This report is a draft: there are no indicator or item scores yet. Fill in the Indicators and Items tabs, then build again.',
  },
  pageNumbers: {
    th: 'เลขหน้า: ใส่ครั้งเดียวใน Google เอกสาร (แทรก > เลขหน้า) เลขหน้าจะคงอยู่ทุกครั้งที่สร้างรายงานใหม่',
    en: 'Page numbers: add them once in Google Docs (Insert > Page numbers); they stay through every rebuild.',
  },
  progressTitle: { th: 'ความคืบหน้ามาตรการ', en: 'Progress of the measures' },
  progressLine: {
    th: 'มาตรการ {total} รายการ เสร็จสิ้น {done} กำลังดำเนินการ {doing} (เสร็จ/ทั้งหมด ตามหน่วยงาน)',
    en: '{total} measures: {done} done, {doing} in progress (done/all by division)',
  },
  shareTitle: { th: '๔. แชร์ให้หน่วยงาน', en: '4. Share with divisions' },
  shareText: {
    th: 'ให้แต่ละหน่วยงานแก้ได้เฉพาะแถวมาตรการของตน และส่งรายงานให้ดู ตรวจสอบรายการก่อนยืนยัน',
    en: 'Lets each division edit only its own measure rows and view the report. Review what will happen before confirming.',
  },
  preview: { th: 'ดูสิ่งที่จะทำ', en: 'Review' },
  planProtect: {
    th: 'จะล็อกช่วงแถว {n} ช่วงในแท็บมาตรการ และแท็บ {tabs} ให้ทีมงานแก้ได้เท่านั้น',
    en: '{n} row ranges of the measures tab will be protected, and the tabs {tabs} kept for the team',
  },
  planShare: {
    th: 'จะแชร์รายงานและ PDF ให้ดู (ผู้มีสิทธิ์ดู) กับ:',
    en: 'The report and PDF will be shared (view only) with:',
  },
  planMissing: {
    th: 'อีเมลเหล่านี้ยังแก้สเปรดชีตไม่ได้ จึงยังกรอกมาตรการในแถวของตนไม่ได้:',
    en: 'These e-mails cannot edit the spreadsheet yet, so they cannot fill in their own rows:',
  },
  shareSheet: {
    th: 'เพิ่มอีเมลเหล่านี้เป็นผู้แก้ไขสเปรดชีต (Google ส่งคำเชิญถึงแต่ละคนเอง; แท็บคะแนนยังแก้ได้เฉพาะทีมงาน)',
    en: 'Add these e-mails as editors of the spreadsheet (Google sends each its own invitation; the score tabs stay the team’s)',
  },
  planForeign: {
    th: 'การป้องกันที่หน่วยงานตั้งเอง จะคงไว้ตามเดิม ไม่แก้ไข:',
    en: 'Protections your agency set itself stay exactly as they are:',
  },
  sharing: { th: 'กำลังแชร์…', en: 'Sharing…' },
  stillWithout: {
    th: 'ยังแก้สเปรดชีตไม่ได้ จึงยังกรอกแถวของตนไม่ได้: {emails}',
    en: 'Still cannot edit the spreadsheet, so cannot fill in their rows: {emails}',
  },
  refusedTitle: {
    th: 'แชร์ไม่สำเร็จสำหรับรายการต่อไปนี้ (รายการอื่นแชร์แล้ว):',
    en: 'These were not shared (everything else was):',
  },
  fileSheet: { th: 'สเปรดชีต', en: 'spreadsheet' },
  fileProtection: { th: 'การล็อกแถว', en: 'row protection' },
  fileDoc: { th: 'เอกสารรายงาน', en: 'report Doc' },
  filePdf: { th: 'PDF', en: 'PDF' },
  planNoMeasures: {
    th: 'ยังไม่มีแท็บมาตรการ: สร้างรายงานก่อน แล้วจึงล็อกแถวให้แต่ละหน่วยงาน',
    en: 'There is no measures tab yet: build the report first, then protect each division’s rows.',
  },
  planNoReport: {
    th: 'ยังไม่มีรายงาน จึงยังไม่มีการแชร์ (สร้างรายงานแล้วกดอีกครั้ง)',
    en: 'There is no report yet, so nothing is shared (build it, then come back).',
  },
  notify: { th: 'ส่งอีเมลแจ้งเตือน', en: 'Send notification e-mails' },
  confirm: { th: 'ยืนยันและแชร์', en: 'Confirm and share' },
  cancel: { th: 'ยกเลิก', en: 'Cancel' },
  sharedDone: {
    th: 'ล็อก {ranges} ช่วง, {tabs} แท็บ, เพิ่มผู้แก้ไขสเปรดชีต {editors} คน และแชร์รายงาน {shared} รายการแล้ว',
    en: 'Protected {ranges} ranges and {tabs} tabs; {editors} spreadsheet editors added; {shared} report shares made',
  },
  noDivisions: {
    th: 'แท็บ หน่วยงานภายใน ไม่มีอีเมล จึงไม่มีการแชร์',
    en: 'The หน่วยงานภายใน (divisions) tab has no e-mails: nothing will be shared',
  },
  close: { th: 'ปิด', en: 'Close' },
} as const;

export type Key = keyof typeof STRINGS;

export function text(lang: Lang, key: Key, vars: Record<string, string | number> = {}): string {
  return STRINGS[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));
}
