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
    th: 'หนึ่งแถวต่อหน่วยงานที่ต่ำกว่า ๘๕ หรือระดับลดลง',
    en: 'A row per agency below 85 or that lost a level.',
  },
  agencyAnswered: { th: 'ตอบแล้ว {n} จาก {of} หน่วยงาน', en: '{n} of {of} agencies have answered' },
  agencyDidAnswer: { th: 'ตอบแล้ว', en: 'answered' },
  agencyNotYet: { th: 'ยังไม่ตอบ', en: 'not yet' },
  agencyMore: { th: 'และอีก {n} แห่ง', en: 'and {n} more' },
  agencyFollowWrite: { th: 'สร้างแท็บติดตามหน่วยงาน', en: 'Create the follow-up tab' },
  agencyFollowRewrite: { th: 'ปรับแท็บติดตามหน่วยงาน', en: 'Update the follow-up tab' },
  agencyFollowWritten: { th: 'เขียนแล้ว {n} แถว ข้อความที่กรอกคงเดิม', en: '{n} rows written; entries kept.' },
} as const satisfies Record<string, { th: string; en: string }>;

export type RollupWordKey = keyof typeof ROLLUP_WORDS;
export type RollupWords = Record<RollupWordKey, { th: string; en: string }>;
