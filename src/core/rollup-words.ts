// The words of a coordinator's roll-up cards in the sidebar ("ภาพรวมหน่วยงาน", "ติดตามหน่วยงาน"), sent with
// the roll-up overview (src/server/rollup.ts) so that the sidebar page does not carry them: an agency's
// sidebar never shows them, and the page has a size budget (test/bundle.test.ts).

export const ROLLUP_WORDS = {
  rollupIntro: { th: 'สรุปผล ITA ของแท็บ ผลหน่วยงาน', en: 'The ITA results of the ผลหน่วยงาน tab, rolled up.' },
  rollupTitle: { th: 'ภาพรวมหน่วยงาน', en: 'Agencies at a glance' },
  rollupYear: { th: 'ปีงบประมาณ {year}', en: 'fiscal year {year}' },
  rollupAgencies: { th: 'หน่วยงาน {n} แห่ง', en: '{n} agencies' },
  rollupMean: { th: 'คะแนนเฉลี่ย {mean} มัธยฐาน {median}', en: 'mean {mean}, median {median}' },
  rollupBelow85: { th: 'ต่ำกว่า ๘๕ คะแนน {n} แห่ง', en: '{n} below 85' },
  rollupLevelDown: { th: 'ระดับลดลง {n} แห่ง', en: '{n} lost a level' },
  rollupLevels: { th: 'จำนวนหน่วยงานตามระดับ', en: 'Agencies by level' },
  rollupUnknownLevel: { th: 'ไม่ทราบระดับ', en: 'No level' },
  rollupNoYear: { th: 'ยังไม่มีผลของปีที่ประเมิน', en: 'No results for the assessed year yet.' },
  rollupFindings: { th: 'ข้อผิดพลาด {e} คำเตือน {w} รายการ', en: '{e} error(s), {w} warning(s)' },
  rollupBuild: { th: 'สร้างรายงานภาพรวม', en: 'Build the roll-up report' },
  rollupRunning: { th: 'กำลังสร้าง อาจใช้เวลา ๑–๒ นาที', en: 'Building: a minute or two.' },
  rollupBuilt: { th: 'สร้างรายงานภาพรวมแล้ว', en: 'The roll-up report is built.' },
  rollupTab: { th: 'ทุกหน่วยงาน: แท็บ ภาพรวมหน่วยงาน', en: 'Every agency: the ภาพรวมหน่วยงาน tab.' },
  agencyFollowTitle: { th: 'ติดตามหน่วยงาน', en: 'Agency follow-up' },
  agencyFollowNone: {
    th: 'หนึ่งแถวต่อหน่วยงานที่ต่ำกว่า ๘๕ ระดับลดลง หรือคะแนนลดลงมากที่สุด',
    en: 'A row per agency below 85, that lost a level, or among the largest drops.',
  },
  agencyAnswered: { th: 'ตอบแล้ว {n} จาก {of} หน่วยงาน', en: '{n} of {of} agencies have answered' },
  agencyDidAnswer: { th: 'ตอบแล้ว', en: 'answered' },
  agencyNotYet: { th: 'ยังไม่ตอบ', en: 'not yet' },
  agencyMore: { th: 'และอีก {n} แห่ง', en: 'and {n} more' },
  agencyFollowWrite: { th: 'สร้างแท็บติดตามหน่วยงาน', en: 'Create the follow-up tab' },
  agencyFollowRewrite: { th: 'ปรับแท็บติดตามหน่วยงาน', en: 'Update the follow-up tab' },
  agencyFollowWritten: { th: 'เขียนแล้ว {n} แถว ข้อความที่กรอกคงเดิม', en: '{n} rows written; entries kept.' },
  // The share card's words for a coordinator: the divisions' card (src/ui/cards/share.ts), its words for
  // the agencies and the follow-up tab. The sidebar takes these before its own (src/ui/i18n.ts, text).
  shareTitle: { th: 'แชร์แถวติดตามให้หน่วยงาน', en: 'Share the follow-up rows' },
  shareText: {
    th: 'ให้แต่ละหน่วยงานที่ต้องติดตามแก้ได้เฉพาะแถวของตนในแท็บติดตามหน่วยงาน และส่งรายงานภาพรวมให้ดู ตรวจสอบรายการก่อนยืนยัน',
    en: 'Lets each agency needing attention edit only its own row of the follow-up tab and view the roll-up report. Review what will happen before confirming.',
  },
  planProtect: {
    th: 'จะล็อก {n} ช่วงในแท็บติดตามหน่วยงาน และแท็บ {tabs} ให้ทีมงานแก้ได้เท่านั้น',
    en: '{n} ranges of the follow-up tab will be protected, and the tabs {tabs} kept for the team',
  },
  planNoMeasures: {
    th: 'ยังไม่มีแท็บติดตามหน่วยงาน: สร้างแท็บในการ์ดติดตามหน่วยงานก่อน',
    en: 'There is no follow-up tab yet: create it in the follow-up card first.',
  },
  planNoReport: {
    th: 'ยังไม่มีรายงานภาพรวม จึงยังไม่แชร์รายงาน (สร้างรายงานแล้วกดอีกครั้ง)',
    en: 'There is no roll-up report yet, so no report is shared (build it, then come back).',
  },
  planShare: {
    th: 'จะแชร์รายงานภาพรวมและ PDF ให้ดู (ผู้มีสิทธิ์ดู) กับ:',
    en: 'The roll-up report and PDF will be shared (view only) with:',
  },
  planMissing: {
    th: 'อีเมลของหน่วยงานเหล่านี้ยังแก้สเปรดชีตไม่ได้ จึงยังกรอกแถวของตนไม่ได้:',
    en: 'These agencies’ e-mails cannot edit the spreadsheet yet, so they cannot fill in their rows:',
  },
  shareSheet: {
    th: 'เพิ่มอีเมลเหล่านี้เป็นผู้แก้ไขสเปรดชีต (Google ส่งคำเชิญถึงแต่ละคนเอง; แท็บผลหน่วยงานและตั้งค่ายังแก้ได้เฉพาะทีมงาน)',
    en: 'Add these e-mails as editors of the spreadsheet (Google sends each its own invitation; the agencies and settings tabs stay the team’s)',
  },
  noDivisions: {
    th: 'แท็บติดตามหน่วยงานไม่มีอีเมล จึงไม่มีการแชร์',
    en: 'The follow-up tab has no e-mails: nothing will be shared',
  },
  notify: {
    th: 'ส่งอีเมลแจ้งหน่วยงานเมื่อแชร์ PDF (ช่องนี้มีผลกับ PDF เท่านั้น: ผู้ที่ถูกเพิ่มเป็นผู้แก้ไขสเปรดชีตหรือผู้ดูเอกสารรายงาน Google ส่งอีเมลแจ้งเองทุกครั้ง)',
    en: 'E-mail the agencies about the PDF (this box reaches the PDF only: Google e-mails everyone added to the spreadsheet or the report Doc whatever it says)',
  },
} as const satisfies Record<string, { th: string; en: string }>;

export type RollupWordKey = keyof typeof ROLLUP_WORDS;
export type RollupWords = Record<RollupWordKey, { th: string; en: string }>;
