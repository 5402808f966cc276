import type { FindingText } from '../core/finding-text';
import type { RollupWordKey, RollupWords } from '../core/rollup-words';

export type Lang = 'th' | 'en';

const STRINGS = {
  switchTo: { th: 'English', en: 'ภาษาไทย' },
  switchToLabel: { th: 'English: switch the sidebar to English', en: 'ภาษาไทย: เปลี่ยนแถบเป็นภาษาไทย' },
  menu: { th: 'เพิ่มเติม', en: 'More' },
  help: { th: 'วิธีใช้', en: 'Guide (Thai)' },
  newTab: { th: '(เปิดในแท็บใหม่)', en: '(opens in a new tab)' },
  sampleLoaded: {
    th: 'ใส่ข้อมูลตัวอย่างแล้ว: เป็นผลของ {agency} ปี {year} ไม่ใช่ของหน่วยงานท่าน ใช้ทดลองเท่านั้น',
    en: 'Sample filled in: these are the results of {agency}, {year}, not your agency’s. For trying only.',
  },
  sampleNone: {
    th: 'ทุกแท็บมีอยู่แล้ว จึงไม่ได้ใส่ข้อมูลตัวอย่าง ลองในสเปรดชีตใหม่',
    en: 'Every tab exists already, so no sample was filled in: try it in a new spreadsheet.',
  },
  summaryUnconfirmed: {
    th: 'ยังไม่ยืนยัน: ข้อมูลมีข้อผิดพลาด {n} รายการ ตัวเลขที่มี ⚠ ได้รับผลจากข้อผิดพลาด',
    en: 'Unconfirmed: the data has {n} errors; figures marked ⚠ are touched by them',
  },
  seeFinding: { th: 'ดูข้อผิดพลาดที่ {cell}', en: 'See the finding at {cell}' },
  givenComputed: { th: 'ระบุไว้ {given} คำนวณได้ {computed}', en: 'given {given}, computed {computed}' },
  tool: { th: 'แบบวัด', en: 'Tool' },
  scoreCol: { th: 'คะแนน', en: 'Score' },
  changeCol: { th: 'เปลี่ยน', en: 'Change' },
  changedWhat: { th: 'ที่เปลี่ยน:', en: 'What changed:' },
  shareFiles: { th: 'Doc {doc}, PDF {pdf}', en: 'Doc {doc}, PDF {pdf}' },
  refusedN: { th: ' (ถูกปฏิเสธ {n})', en: ' ({n} refused)' },
  planUnconfirmed: {
    th: 'รายงานที่จะแชร์เป็นฉบับยังไม่ยืนยันข้อมูล',
    en: 'The report to be shared is unconfirmed',
  },
  followShared: {
    th: 'มาตรการที่หลายหน่วยงานร่วมรับผิดชอบนับในทุกหน่วยงาน: รวมรายหน่วยงาน {sum} จากมาตรการ {total} รายการ',
    en: 'A measure shared by divisions counts in each: {sum} by division, {total} measures in all',
  },
  stepWaiting: { th: 'รอ', en: 'waiting' },
  stepCheck: { th: 'ตรวจแท็บมาตรการ', en: 'Checking the measures tab' },
  intro: {
    th: 'ตรวจคะแนน ITA ในแท็บของสเปรดชีตนี้ แล้วสร้างรายงาน "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร"',
    en: 'Checks the ITA scores in this spreadsheet’s tabs and builds the “ITA results to organisational development” report.',
  },
  loading: { th: 'กำลังอ่านสเปรดชีต…', en: 'Reading the spreadsheet…' },
  startTitle: { th: 'เริ่มต้น', en: 'Get started' },
  startText: {
    th: 'สเปรดชีตนี้ยังไม่มีแท็บ ตั้งค่า และแท็บคะแนน สร้างแท็บตามแบบฟอร์ม แล้วกรอกหรือวางคะแนนของหน่วยงาน',
    en: 'This spreadsheet has no settings or score tabs yet. Create the template tabs, then type or paste your agency’s scores.',
  },
  createEmpty: { th: 'สร้างแท็บตามแบบฟอร์ม', en: 'Create the template tabs' },
  createSample: { th: 'ใส่ข้อมูลตัวอย่าง', en: 'Use the sample data' },
  sampleWarn: {
    th: 'ข้อมูลตัวอย่างเป็นผลของหน่วยงานอื่น (สำนักงานเศรษฐกิจอุตสาหกรรม ปี ๒๕๖๘) ใช้ทดลองเท่านั้น อย่าใส่ในสเปรดชีตจริงของหน่วยงาน',
    en: 'The sample is another agency’s results (Office of Industrial Economics, 2568): for trying the add-on only, never in your agency’s real spreadsheet.',
  },
  sampleConfirm: { th: 'ใส่ข้อมูลตัวอย่างเพื่อทดลอง', en: 'Fill in the sample to try it' },
  created: {
    th: 'สร้างแท็บแล้ว: {tabs} เริ่มกรอกที่แท็บ ตั้งค่า (เปิดไว้ให้แล้ว)',
    en: 'Tabs created: {tabs}. Start with the ตั้งค่า (settings) tab, now open.',
  },
  lastTitle: { th: 'รายงานล่าสุด', en: 'Last report' },
  lastWhen: { th: 'สร้างเมื่อ {when} โดย {who}', en: 'Built {when} by {who}' },
  lastUnconfirmed: {
    th: 'ฉบับยังไม่ยืนยันข้อมูล: สร้างทั้งที่ข้อมูลมีข้อผิดพลาด',
    en: 'Unconfirmed: built despite data errors',
  },
  openDoc: { th: 'เปิดรายงาน (Google Doc)', en: 'Open the report (Google Doc)' },
  openPdf: { th: 'เปิด PDF', en: 'Open the PDF' },
  noPdf: { th: 'ยังไม่ได้ PDF: {why}', en: 'No PDF yet: {why}' },
  pdfLink: { th: 'ลิงก์ PDF', en: 'PDF link' },
  pdfStable: {
    th: 'ลิงก์ PDF นี้คงเดิมทุกครั้งที่สร้างใหม่ นำไปใส่บนเว็บไซต์ของหน่วยงานได้',
    en: 'This PDF link stays the same across rebuilds: it can go on your agency’s website.',
  },
  copy: { th: 'คัดลอกลิงก์', en: 'Copy the link' },
  copied: { th: 'คัดลอกลิงก์ PDF แล้ว', en: 'PDF link copied' },
  copyFailed: {
    th: 'คัดลอกอัตโนมัติไม่ได้: เลือกข้อความไว้ให้แล้ว กด Ctrl+C',
    en: 'Could not copy: the text is selected, press Ctrl+C',
  },
  sharedWith: { th: 'แชร์ให้ {n} อีเมลเมื่อ {when} ({files}):', en: 'Shared with {n} e-mails {when} ({files}):' },
  notShared: { th: 'ยังไม่ได้แชร์ให้หน่วยงาน', en: 'Not shared with the divisions yet' },
  inputsChanged: {
    th: 'ข้อมูลคะแนนหรือการตั้งค่าเปลี่ยนไปหลังสร้างรายงานนี้ ควรสร้างใหม่',
    en: 'The scores or settings changed since this report was built: build it again.',
  },
  measuresChanged: {
    th: 'แผนในแท็บมาตรการเปลี่ยนไปหลังสร้างรายงานนี้ ควรสร้างใหม่',
    en: 'The plan in the measures tab changed since this report was built: build it again.',
  },
  upToDate: { th: 'ข้อมูลยังตรงกับรายงานนี้', en: 'The data still matches this report' },
  checkTitle: { th: '๑. ตรวจข้อมูล', en: '1. Check the data' },
  check: { th: 'ตรวจข้อมูล', en: 'Check' },
  checking: { th: 'กำลังตรวจ…', en: 'Checking…' },
  checked: { th: 'ตรวจแล้ว: {summary}', en: 'Checked: {summary}' },
  noFindings: { th: 'ไม่พบข้อผิดพลาด ข้อมูลครบและตรงกัน', en: 'No problems: the figures are complete and add up.' },
  error: { th: 'ข้อผิดพลาดของข้อมูล', en: 'Data errors' },
  warning: { th: 'คำเตือน', en: 'Warnings' },
  info: { th: 'หมายเหตุ', en: 'Notes' },
  findingsCount: { th: 'ข้อผิดพลาด {e} คำเตือน {w} หมายเหตุ {i}', en: '{e} errors, {w} warnings, {i} notes' },
  goToCell: { th: 'ไปที่เซลล์ {cell}', en: 'Go to cell {cell}' },
  moreGroups: { th: 'แสดงอีก {n} กลุ่ม', en: 'Show {n} more groups' },
  fewerGroups: { th: 'แสดงน้อยลง', en: 'Show fewer' },
  allCells: { th: 'ดูทั้ง {n} ช่อง', en: 'See all {n} cells' },
  howToFix: { th: 'วิธีแก้', en: 'How to fix' },
  cellsOf: { th: '{n} ช่อง', en: '{n} cells' },
  summaryTitle: { th: 'สรุปผลการประเมิน', en: 'Summary of the results' },
  level: { th: 'ระดับ', en: 'Level' },
  from: { th: 'จากปี', en: 'from' },
  up: { th: 'ตัวชี้วัดที่เพิ่มขึ้น', en: 'Indicators up' },
  down: { th: 'ตัวชี้วัดที่ลดลง', en: 'Indicators down' },
  weakest: { th: 'ข้อที่ต้องพัฒนา', en: 'Weakest items' },
  none: { th: 'ไม่มี', en: 'none' },
  part: { th: 'ส่วนที่ {n}', en: 'part {n}' },
  more: { th: 'และอีก {n} ข้อ', en: 'and {n} more' },
  readinessTitle: { th: 'ความพร้อมของรายงาน', en: 'Is the report ready?' },
  stateOk: { th: 'พร้อม', en: 'ready' },
  stateFail: { th: 'ยังไม่พร้อม', en: 'not ready' },
  stateTodo: { th: 'ทำตอนสร้าง', en: 'done by the build' },
  errorsOk: { th: 'ไม่มีข้อผิดพลาดของข้อมูล', en: 'No data errors' },
  errorsFail: {
    th: 'ข้อมูลมีข้อผิดพลาด {n} รายการ ต้องแก้ก่อน (หรือสร้างเป็นฉบับยังไม่ยืนยัน)',
    en: '{n} data errors: fix them first (or build an unconfirmed report)',
  },
  yearsOk: { th: 'มีคะแนนปี {year} และปีก่อนหน้า {prev}', en: 'Scores for {year} and the year before, {prev}' },
  yearsFail: { th: 'ยังไม่มีคะแนนปี {missing}', en: 'No scores for {missing}' },
  indicatorsOk: { th: 'วิเคราะห์ได้ครบทุกตัวชี้วัด', en: 'Every indicator is analysed' },
  indicatorsFail: { th: 'ยังไม่มีคะแนนตัวชี้วัดที่ {missing}', en: 'No score for indicator(s) {missing}' },
  measuresOk: {
    th: 'มาตรการทุกแถวมีครบ ๕ ส่วน (มาตรการ การวิเคราะห์ ขั้นตอน ระยะเวลา ผู้รับผิดชอบ)',
    en: 'Every measure has its five parts (measure, analysis, steps, period, owner)',
  },
  measuresFail: {
    th: 'มาตรการ {n} แถวยังขาดบางส่วน (มาตรการ การวิเคราะห์ ขั้นตอน ระยะเวลา หรือผู้รับผิดชอบ)',
    en: '{n} measure rows lack a part (measure, analysis, steps, period or owner)',
  },
  measuresTodo: {
    th: 'แท็บมาตรการจะเขียนให้เมื่อสร้างรายงาน แล้วหน่วยงานแก้ไขต่อได้',
    en: 'The measures tab is written by the build; divisions then edit it',
  },
  approvalOk: {
    th: 'ระบุชื่อผู้จัดทำ ผู้เสนอ และผู้อนุมัติรายงานแล้ว',
    en: 'The author, proposer and approver are named',
  },
  approvalFail: {
    th: 'ยังไม่ระบุ {missing} ในแท็บตั้งค่า (รายงานจะเว้นบรรทัดให้ลงชื่อ)',
    en: 'Not yet set in the settings tab: {missing} (the report leaves a line to sign on)',
  },
  emailsOk: { th: 'ทุกหน่วยงานภายในมีอีเมล', en: 'Every division has an e-mail' },
  emailsFail: { th: 'หน่วยงานที่ยังไม่มีอีเมล: {missing}', en: 'Divisions without an e-mail: {missing}' },
  emailsNone: {
    th: 'ยังไม่มีรายชื่อหน่วยงานภายในพร้อมอีเมล',
    en: 'No divisions with e-mails listed yet',
  },
  buildTitle: { th: '๒. สร้างรายงาน', en: '2. Build the report' },
  buildText: {
    th: 'เขียนแท็บ มาตรการ (คงข้อความที่หน่วยงานแก้ไว้) แล้วสร้าง Google Doc และ PDF',
    en: 'Writes the มาตรการ (measures) tab, keeping what divisions typed, then builds the Google Doc and its PDF.',
  },
  build: { th: 'สร้างรายงาน', en: 'Build the report' },
  rebuild: { th: 'สร้างรายงานใหม่', en: 'Build the report again' },
  building: { th: 'กำลังสร้าง…', en: 'Building…' },
  rebuildNote: {
    th: 'สร้างใหม่จะเขียนทับ Google Doc เดิมทั้งฉบับ รวมที่แก้ด้วยมือ ฉบับก่อนหน้าดูได้ที่ ไฟล์ › ประวัติเวอร์ชัน',
    en: 'Building again rewrites the same Google Doc, hand edits included; File › Version history keeps the earlier one.',
  },
  waitNote: {
    th: 'ใช้เวลาได้ถึง ๑–๒ นาที เปิดแถบนี้ไว้จนเสร็จ ระหว่างนี้ใช้สเปรดชีตต่อได้',
    en: 'This can take a minute or two. Keep this sidebar open until it ends; you can go on using the spreadsheet.',
  },
  confirmErrors: {
    th: 'ข้อมูลมีข้อผิดพลาด {n} รายการ:',
    en: 'The data has {n} errors:',
  },
  confirmErrorsText: {
    th: 'รายงานที่สร้างตอนนี้จะมีข้อความ "ฉบับยังไม่ยืนยันข้อมูล" ควรแก้ข้อมูลก่อน',
    en: 'A report built now says “unconfirmed” on its title page. Better fix the data first.',
  },
  buildAnyway: { th: 'สร้างต่อเป็นฉบับยังไม่ยืนยัน', en: 'Build anyway, unconfirmed' },
  fixFirst: { th: 'ยกเลิก แก้ข้อมูลก่อน', en: 'Cancel, fix the data first' },
  stepAnalyse: { th: 'ตรวจและวิเคราะห์ข้อมูล', en: 'Checking and analysing' },
  stepMeasures: { th: 'เขียนแท็บมาตรการ', en: 'Writing the measures tab' },
  stepReport: { th: 'สร้าง Google Doc', en: 'Writing the Google Doc' },
  stepPdf: { th: 'ทำ PDF', en: 'Making the PDF' },
  docReady: { th: 'เอกสารรายงานพร้อมแล้ว กำลังทำ PDF', en: 'The report Doc is ready; making its PDF' },
  pdfPending: { th: 'กำลังทำ PDF… ลิงก์จะขึ้นที่นี่', en: 'Making the PDF… its link will appear here' },
  stepRunning: { th: 'กำลังทำ', en: 'running' },
  stepDone: { th: 'เสร็จ', en: 'done' },
  stepFailed: { th: 'ไม่สำเร็จ', en: 'failed' },
  stepStopped: { th: 'ไม่ได้ทำ', en: 'not run' },
  seconds: { th: '{n} วินาที', en: '{n} s' },
  stepOf: { th: 'ขั้นที่ {i} จาก {n}: {step}', en: 'Step {i} of {n}: {step}' },
  measuresDone: {
    th: 'มาตรการ {rows} แถว (ใหม่ {added}, คงที่แก้ไว้ {kept} ช่อง)',
    en: '{rows} measures ({added} new, {kept} edited cells kept)',
  },
  built: { th: 'สร้างรายงานเสร็จแล้ว', en: 'The report is built' },
  builtUnconfirmed: {
    th: 'สร้างรายงานแล้ว เป็นฉบับยังไม่ยืนยันข้อมูล',
    en: 'The report is built, marked unconfirmed',
  },
  draftReport: {
    th: 'รายงานนี้เป็นฉบับร่าง: ยังไม่มีคะแนนรายตัวชี้วัดและรายข้อ กรอกแท็บ ตัวชี้วัด และ รายข้อ แล้วสร้างใหม่',
    en: 'This report is a draft: there are no indicator or item scores yet. Fill in the Indicators and Items tabs, then build again.',
  },
  pageNumbers: {
    th: 'เลขหน้า: ใส่ครั้งเดียวใน Google เอกสาร (แทรก › เลขหน้า) แล้วจะคงอยู่ทุกครั้งที่สร้างใหม่',
    en: 'Page numbers: add them once in Google Docs (Insert › Page numbers); rebuilds keep them.',
  },
  followTitle: { th: '๔. ติดตามผลการดำเนินการ', en: '4. Follow-up of the measures' },
  followLine: {
    th: 'ข้อมูล ณ วันที่ {asOf}: มาตรการ {total} รายการ เสร็จ {done} กำลังทำ {underWay} ล่าช้า {late} ยังไม่เริ่ม {notStarted}',
    en: 'As of {asOf}: {total} measures, {done} done, {underWay} under way, {late} late, {notStarted} not started',
  },
  followCounts: {
    th: 'เสร็จ {done} · กำลังทำ {underWay} · ล่าช้า {late} · ยังไม่เริ่ม {notStarted}',
    en: '{done} done · {underWay} under way · {late} late · {notStarted} not started',
  },
  followCancelled: { th: ' ยกเลิก {cancelled}', en: ', {cancelled} cancelled' },
  followCountsCancelled: { th: ' · ยกเลิก {cancelled}', en: ' · {cancelled} cancelled' },
  followNoLate: { th: 'ไม่มีมาตรการที่ล่าช้า', en: 'No measure is late' },
  followLate: { th: 'ล่าช้า', en: 'Late' },
  followJump: { th: 'ไปที่แถวของ {code}', en: 'Go to the rows of {code}' },
  followNone: { th: 'หน่วยงานนี้ยังไม่มีมาตรการ', en: 'No measures for this division yet' },
  lateEmails: {
    th: 'อีเมลหน่วยงานที่มีมาตรการล่าช้า (คัดลอกไปส่งติดตาม)',
    en: 'E-mails of divisions with late measures (copy to follow up)',
  },
  copyEmails: { th: 'คัดลอกอีเมล', en: 'Copy the e-mails' },
  emailsCopied: { th: 'คัดลอกอีเมลแล้ว', en: 'E-mails copied' },
  buildResults: { th: 'สร้างรายงานผลการดำเนินการ', en: 'Build the results report' },
  buildingResults: { th: 'กำลังสร้างรายงานผล…', en: 'Building the results report…' },
  resultsText: {
    th: 'รายงานผลของแต่ละมาตรการจากที่หน่วยงานกรอกในแท็บมาตรการ สร้างใหม่ได้ทุกเมื่อ (เขียนทับเอกสารเดิม)',
    en: 'What each measure achieved, from what divisions filled in the measures tab. Build again any time (the same Doc is rewritten).',
  },
  resultsLast: { th: 'รายงานผลล่าสุด {when} โดย {who}', en: 'Last results report {when} by {who}' },
  resultsChanged: {
    th: 'ข้อมูลที่รายงานผลใช้เปลี่ยนไปหลังสร้าง ควรสร้างใหม่',
    en: 'What the results report reads changed since it was built: build it again.',
  },
  resultsBuilt: { th: 'สร้างรายงานผลการดำเนินการเสร็จแล้ว', en: 'The results report is built' },
  shareTitle: { th: '๓. แชร์ให้หน่วยงาน', en: '3. Share with divisions' },
  shareText: {
    th: 'ให้แต่ละหน่วยงานแก้ได้เฉพาะแถวมาตรการของตน และส่งรายงานให้ดู ตรวจสอบรายการก่อนยืนยัน',
    en: 'Lets each division edit only its own measure rows and view the report. Review what will happen before confirming.',
  },
  preview: { th: 'ดูสิ่งที่จะทำ', en: 'Review' },
  planTitle: { th: 'สิ่งที่จะทำเมื่อยืนยัน', en: 'What confirming will do' },
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
  // What the box reaches: the PDF's Drive permissions (sendNotificationEmail). Spreadsheet.addEditors and
  // Document.addViewers have no such option: Google e-mails those people whatever the box says.
  notify: {
    th: 'ส่งอีเมลแจ้งเมื่อแชร์ PDF (ช่องนี้มีผลกับ PDF เท่านั้น: ผู้ที่ถูกเพิ่มเป็นผู้แก้ไขสเปรดชีตหรือผู้ดูเอกสารรายงาน Google ส่งอีเมลแจ้งเองทุกครั้ง)',
    en: 'E-mail the divisions about the PDF (this box reaches the PDF only: Google e-mails everyone added to the spreadsheet or the report Doc whatever it says)',
  },
  confirm: { th: 'ยืนยันและแชร์', en: 'Confirm and share' },
  cancel: { th: 'ยกเลิก', en: 'Cancel' },
  sharedDone: {
    th: 'ล็อก {ranges} ช่วง, {tabs} แท็บ, เพิ่มผู้แก้ไขสเปรดชีต {editors} คน แชร์รายงาน: {files}',
    en: 'Protected {ranges} ranges and {tabs} tabs; {editors} spreadsheet editors added; report shared: {files}',
  },
  noDivisions: {
    th: 'แท็บ หน่วยงานภายใน ไม่มีอีเมล จึงไม่มีการแชร์',
    en: 'The หน่วยงานภายใน (divisions) tab has no e-mails: nothing will be shared',
  },
  serverError: { th: 'ระบบขัดข้อง', en: 'Server problem' },
} as const;

export type Key = keyof typeof STRINGS | RollupWordKey;

// Words the server sends with its answers rather than the page carrying them: a coordinator's overview
// brings the roll-up cards' words, and the share card's words for the agencies, which take the place of the
// page's own (the divisions'). An agency's overview brings none, and the page's words are back.
let sent: Partial<RollupWords> = {};

/** Keeps the words the last overview brought, for `text`. */
export function learnWords(words: Partial<RollupWords> | undefined): void {
  sent = words ?? {};
}

export function text(lang: Lang, key: Key, vars: Record<string, string | number> = {}): string {
  const words =
    sent[key as RollupWordKey] ?? (STRINGS as Partial<Record<Key, { th: string; en: string }>>)[key];
  return (words?.[lang] ?? '').replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));
}

/** A group of findings' words (from the overview: the server sends those of the codes present). */
export function findingText(
  texts: Readonly<Record<string, FindingText>> | undefined,
  lang: Lang,
  code: string,
  n: number,
): { label: string | null; hint: string | null } {
  const entry = texts?.[code];
  if (!entry) return { label: null, hint: null };
  return {
    label: (lang === 'th' ? entry.th : entry.en).replace('{n}', String(n)),
    hint: lang === 'th' ? entry.hintTh : entry.hintEn,
  };
}
