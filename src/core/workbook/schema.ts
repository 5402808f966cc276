import { toArabicDigits } from '../thai';

/**
 * Format 1 of the workbook (docs/workbook.md): tab names and column headers with their aliases.
 * The first name of each list is the canonical Thai one, used when the add-on writes a tab.
 */
export const TABS = {
  settings: ['ตั้งค่า', 'Settings'],
  totals: ['คะแนนรวม', 'Totals'],
  indicators: ['ตัวชี้วัด', 'Indicators'],
  items: ['รายข้อ', 'Items'],
  recommendations: ['ข้อเสนอแนะ', 'Recommendations'],
  comments: ['ความคิดเห็น', 'Comments'],
  peers: ['หน่วยงานในสังกัด', 'Peers'],
  agencies: ['ผลหน่วยงาน', 'Agencies'],
  divisions: ['หน่วยงานภายใน', 'Divisions'],
  measures: ['มาตรการ', 'Measures'],
  library: ['คลังมาตรการ', 'Measure library'],
  framework: ['กรอบการประเมิน', 'Framework'],
} as const;

export type TabKey = keyof typeof TABS;

/**
 * The columns of a table of agencies, one row an agency and year. The aliases take in a table pasted from
 * ITAS or a news page as it comes: `ลำดับ`/`อันดับ` (ignored), `ชื่อหน่วยงาน`, `คะแนน ITA`, `ผลการประเมิน`.
 */
const AGENCY_COLUMNS = {
  agency: ['หน่วยงาน', 'agency', 'ชื่อหน่วยงาน', 'ชื่อ', 'name', 'หน่วยงานภาครัฐ', 'agency name'],
  total: ['คะแนนรวม', 'คะแนน', 'total', 'score', 'คะแนน ITA', 'ITA', 'คะแนนรวม ITA', 'ITA score', 'ภาพรวม'],
  level: ['ระดับ', 'level', 'ผลการประเมิน', 'result', 'ระดับผลการประเมิน'],
  year: ['ปีงบประมาณ', 'year', 'ปี', 'fiscal year'],
  code: ['รหัสหน่วยงาน', 'code', 'agency code', 'รหัส'],
  type: ['ประเภท', 'type', 'ประเภทหน่วยงาน', 'agency type'],
  group: ['กลุ่ม', 'group', 'อำเภอ', 'district'],
  IIT: ['IIT'],
  EIT: ['EIT'],
  EIT1: ['EIT ส่วนที่ 1', 'EIT1', 'EIT part 1', 'EIT 1'],
  EIT2: ['EIT ส่วนที่ 2', 'EIT2', 'EIT part 2', 'EIT 2'],
  OIT: ['OIT'],
  email: ['อีเมล', 'email', 'e-mail', 'emails'],
  rank: ['ลำดับ', 'อันดับ', 'rank', 'no.', 'ที่'],
} as const;

/** An indicator column of a table of agencies: `ตัวชี้วัดที่ 1` … `ตัวชี้วัดที่ 10` (`indicator 1`, Thai digits). */
export const INDICATOR_COLUMN = /^(?:ตัวชี้วัดที่|ตัวชี้วัด|indicator)\s*(\d{1,2})$/;

/** Common abbreviations of local government types, read as their full names (types are otherwise kept as typed). */
export const AGENCY_TYPE_ABBREVIATIONS: Record<string, string> = {
  'อบจ.': 'องค์การบริหารส่วนจังหวัด',
  'ทน.': 'เทศบาลนคร',
  'ทม.': 'เทศบาลเมือง',
  'ทต.': 'เทศบาลตำบล',
  'อบต.': 'องค์การบริหารส่วนตำบล',
};

export const COLUMNS = {
  settings: { key: ['รายการ', 'key'], value: ['ค่า', 'value'] },
  totals: {
    year: ['ปีงบประมาณ', 'year', 'ปี', 'fiscal year'],
    IIT: ['IIT'],
    EIT: ['EIT'],
    EIT1: ['EIT ส่วนที่ 1', 'EIT1', 'EIT part 1', 'EIT 1'],
    EIT2: ['EIT ส่วนที่ 2', 'EIT2', 'EIT part 2', 'EIT 2'],
    OIT: ['OIT'],
    total: ['คะแนนรวม', 'total', 'ภาพรวม', 'ITA'],
    level: ['ระดับ', 'level', 'ผลการประเมิน'],
  },
  indicators: {
    indicator: ['ตัวชี้วัดที่', 'indicator', 'ตัวชี้วัด', 'no'],
    name: ['ชื่อตัวชี้วัด', 'name'],
  },
  items: {
    item: ['ข้อ', 'item', 'ข้อคำถาม'],
    part: ['ส่วนที่', 'part'],
    topic: ['ประเด็น', 'topic'],
  },
  recommendations: {
    year: ['ปีงบประมาณ', 'year'],
    tool: ['แบบวัด', 'tool'],
    part: ['ส่วนที่', 'part'],
    items: ['ข้อ', 'items', 'item'],
    recommendation: ['ข้อเสนอแนะ', 'recommendation'],
  },
  comments: {
    year: ['ปีงบประมาณ', 'year'],
    tool: ['แบบวัด', 'tool'],
    topic: ['ด้าน', 'topic'],
    comment: ['ความคิดเห็น', 'comment'],
  },
  /** `ผลหน่วยงาน` and `หน่วยงานในสังกัด`: one table of agencies, read by one reader (readAgencyRows). */
  agencies: AGENCY_COLUMNS,
  peers: AGENCY_COLUMNS,
  library: {
    id: ['รหัสมาตรการ', 'id'],
    indicator: ['ตัวชี้วัดที่', 'indicator'],
    items: ['ข้อ', 'items'],
    title: ['มาตรการ', 'measure'],
    steps: ['ขั้นตอน', 'steps'],
    owners: ['ผู้รับผิดชอบ', 'responsible'],
  },
  framework: {
    year: ['ปีงบประมาณ', 'year'],
    kind: ['ประเภท', 'kind'],
    key: ['รหัส', 'key'],
    name: ['ชื่อ', 'name'],
    nameEn: ['ชื่อภาษาอังกฤษ', 'English name'],
    tool: ['แบบวัด', 'tool'],
    items: ['ข้อ', 'items'],
    value: ['ค่า', 'value'],
    minEveryTool: ['ขั้นต่ำทุกแบบวัด', 'min every tool'],
  },
  divisions: {
    code: ['ชื่อย่อ', 'code'],
    name: ['ชื่อหน่วยงาน', 'name'],
    emails: ['อีเมล', 'emails', 'email', 'e-mail'],
  },
} as const;

export const SETTING_KEYS = {
  agency: ['หน่วยงาน', 'agency'],
  scope: ['ขอบเขต', 'scope'],
  abbreviation: ['ชื่อย่อ', 'abbreviation'],
  parent: ['สังกัด', 'parent'],
  year: ['ปีงบประมาณที่ประเมิน', 'year', 'ปีงบประมาณ'],
  framework: ['กรอบการประเมิน', 'framework'],
  preparedBy: ['ผู้จัดทำ', 'prepared by', 'จัดทำโดย'],
  thaiDigits: ['ตัวเลขไทย', 'thai digits'],
  weakThreshold: ['เกณฑ์ข้อที่ต้องพัฒนา', 'weak item threshold'],
  dropMargin: ['เกณฑ์คะแนนลดลง', 'drop margin'],
  preparer: ['ชื่อผู้จัดทำ', 'preparer'],
  preparerPosition: ['ตำแหน่งผู้จัดทำ', 'preparer position'],
  font: ['แบบอักษร', 'font'],
  fontSize: ['ขนาดตัวอักษร', 'font size'],
  team: ['อีเมลทีมงาน', 'team emails'],
  proposer: ['ผู้เสนอ', 'proposed by'],
  proposerPosition: ['ตำแหน่งผู้เสนอ', 'proposer position'],
  approver: ['ผู้อนุมัติ', 'approved by'],
  approverPosition: ['ตำแหน่งผู้อนุมัติ', 'approver position'],
  reportDate: ['วันที่รายงาน', 'report date'],
  resultsDate: ['วันที่รายงานผล', 'results report date'],
} as const;

/** A follow-up round's settings row: `รอบติดตามผลที่ 1` (or `follow-up round 1`), its value the round's date. */
export const ROUND_KEY = /^(?:รอบติดตามผล(?:ที่)?|follow-up round)\s*(\d+)$/;

/** How a name or header is compared: trimmed, spaces folded, case-insensitive, Thai digits as Arabic. */
export function normalizeName(text: unknown): string {
  return toArabicDigits(String(text ?? ''))
    .replace(/[\s\u00a0\u200b]+/g, ' ')
    .trim()
    .toLowerCase();
}

export function matchesAlias(text: unknown, aliases: readonly string[]): boolean {
  const name = normalizeName(text);
  return name !== '' && aliases.some((alias) => normalizeName(alias) === name);
}
