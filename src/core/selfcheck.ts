// The installation check's result ("ตรวจสอบการติดตั้ง"): its steps, what to do when one fails, and the table
// the sidebar, the menu's dialog and `ita-report selfcheck` show. The check itself is src/server/selfcheck.ts.

export const SELF_CHECK_KIND = 'ita-report selfcheck';

/** The width the check sets, in InlineImage.setWidth's unit ("Integer — the new width, in pixels"). */
export const IMAGE_WIDTH = 100;

export type StepId =
  | 'sheet'
  | 'protect'
  | 'cache'
  | 'properties'
  | 'doc'
  | 'image'
  | 'docsApi'
  | 'pdf'
  | 'drive';
export type Bilingual = { th: string; en: string };

export interface SelfCheckStep {
  id: StepId;
  /** What the step tries (sent with the result, so the sidebar does not carry the words). */
  label: Bilingual;
  ok: boolean;
  seconds: number;
  /** Google's message when the step failed. */
  error: string | null;
  /** What to do about a failed step. */
  fix: Bilingual | null;
}

export interface SelfCheckResult {
  kind: typeof SELF_CHECK_KIND;
  version: 1;
  at: string;
  ok: boolean;
  steps: SelfCheckStep[];
  /** Each Apps Script call the check made, timed on its own: `Class.method` as bench/costs.cjs prices it. */
  timings: { method: string; ms: number }[];
  /** The image set to 100 wide, read back through the Docs API: are InlineImage widths pixels or points? */
  imageWidth: {
    set: number;
    read: number | null;
    unit: string | null;
    verdict: 'pixels' | 'points' | 'unknown';
  };
  /** Scratch objects the check made and could not remove, for a person to delete. */
  leftBehind: { what: string; id: string; url: string | null; why: string }[];
  notChecked: Bilingual[];
  /** The sidebar card's words for the result, sent with it so that the page does not carry them. */
  words: SelfCheckWords;
}

/** What the sidebar's card says of a result ("{n}": the seconds). */
export const CARD_WORDS = {
  allOk: { th: 'ทุกขั้นผ่าน', en: 'Every step passed' },
  someFailed: { th: 'มีขั้นที่ไม่ผ่าน: ดูวิธีแก้ใต้ขั้นนั้น', en: 'Some steps failed: what to do is under each' },
  ok: { th: 'ผ่าน', en: 'passed' },
  fail: { th: 'ไม่ผ่าน', en: 'failed' },
  seconds: { th: '{n} วินาที', en: '{n} s' },
  leftBehind: { th: 'ลบไม่ได้ โปรดลบเอง:', en: 'Could not remove, please delete:' },
  json: {
    th: 'ผลเป็น JSON: คัดลอกส่งผู้พัฒนา หรือใช้กับ npm run bench -- --compare FILE',
    en: 'The result as JSON: copy it for the developers, or for npm run bench -- --compare FILE',
  },
  pixels: { th: 'ความกว้างของรูปเป็นพิกเซล', en: 'Image widths are pixels' },
  points: { th: 'ความกว้างของรูปเป็นพอยต์', en: 'Image widths are points' },
  unknown: { th: 'อ่านความกว้างของรูปไม่ได้', en: 'The image width could not be read' },
} as const satisfies Record<string, Bilingual>;
export type SelfCheckWords = Record<keyof typeof CARD_WORDS, Bilingual>;

const CLOUD_API = (api: string): Bilingual => ({
  th: `เปิดใช้ ${api} ในโปรเจกต์ Google Cloud ของสคริปต์: Apps Script → การตั้งค่าโปรเจกต์ → โปรเจกต์ Google Cloud → APIs & Services → Enable APIs → ${api} (โปรเจกต์ Cloud แบบมาตรฐานไม่เปิดให้เอง)`,
  en: `Enable the ${api} in the script's Google Cloud project: Apps Script → Project settings → Google Cloud project → APIs & Services → Enable APIs → ${api} (a standard Cloud project does not enable it for you)`,
});

/** What to do when a step fails. */
export const FIXES: Record<StepId, Bilingual> = {
  sheet: {
    th: 'ส่วนเสริมต้องแก้ไขสเปรดชีตนี้ได้: ขอสิทธิ์ผู้แก้ไขจากเจ้าของสเปรดชีต แล้วตรวจอีกครั้ง',
    en: 'The add-on must be able to edit this spreadsheet: ask its owner to make you an editor, then check again',
  },
  protect: {
    th: 'ป้องกันแท็บไม่ได้: ต้องเป็นผู้แก้ไขสเปรดชีต และผู้ดูแล Workspace ต้องไม่ปิดการป้องกันช่วง',
    en: 'Could not protect a tab: you must be an editor of the spreadsheet, and the Workspace admin must not block protected ranges',
  },
  cache: {
    th: 'แคชของ Google ไม่ตอบ: ลองใหม่ในไม่กี่นาที การสร้างรายงานยังทำได้ แต่จะอ่านแท็บซ้ำ',
    en: "Google's cache did not answer: try again in a few minutes; builds still work, reading the tabs again",
  },
  properties: {
    th: 'บันทึกคุณสมบัติของเอกสารไม่ได้: ปิดแล้วเปิดสเปรดชีตใหม่ ยอมรับหน้าขอสิทธิ์ แล้วตรวจอีกครั้ง',
    en: 'Could not save document properties: reload the spreadsheet, accept the consent screen, and check again',
  },
  doc: {
    th: 'สร้าง Google Doc ไม่ได้: ยอมรับสิทธิ์ "ดู แก้ไข สร้าง และลบเอกสาร Google เอกสาร" ในหน้าขอสิทธิ์ หรือขอผู้ดูแล Workspace เปิดให้ใช้ Google เอกสาร',
    en: 'Could not create a Google Doc: accept the "See, edit, create and delete all your Google Docs documents" line of the consent screen, or ask the Workspace admin to allow Google Docs',
  },
  image: {
    th: 'ใส่รูปในเอกสารไม่ได้: ลองใหม่ ถ้ายังไม่ได้ให้แจ้งผู้พัฒนาพร้อมผลการตรวจนี้',
    en: 'Could not put an image in the Doc: try again; if it persists, send this result to the developers',
  },
  docsApi: CLOUD_API('Google Docs API'),
  pdf: {
    th: 'ส่งออก PDF ไม่ได้: Google อาจยุ่ง ลองใหม่ในไม่กี่นาที',
    en: 'Could not export the PDF: Google may be busy, try again in a few minutes',
  },
  drive: CLOUD_API('Google Drive API'),
};

export const NOT_CHECKED: Bilingual[] = [
  {
    th: 'ไม่ได้ทดลองการแชร์ให้หน่วยงาน: Google จะส่งอีเมลถึงผู้ที่ได้รับแชร์',
    en: 'Sharing with the divisions is not tried: Google e-mails whoever a file is shared with',
  },
];

/** What each step tries, in the order the check runs them. */
export const STEP_LABELS: Record<StepId, Bilingual> = {
  sheet: { th: 'เขียนและอ่านแท็บชั่วคราว', en: 'Write and read a scratch tab' },
  protect: { th: 'ป้องกันแท็บ', en: 'Protect a tab' },
  cache: { th: 'แคชของเอกสาร', en: 'Document cache' },
  properties: { th: 'คุณสมบัติของเอกสาร', en: 'Document properties' },
  doc: { th: 'สร้าง Google Doc', en: 'Create a Google Doc' },
  image: { th: 'ใส่รูปในเอกสาร', en: 'Insert an image' },
  docsApi: { th: 'Google Docs API (อ่านและจัดรูปแบบ)', en: 'Google Docs API (get and batchUpdate)' },
  pdf: { th: 'ส่งออก PDF', en: 'Export a PDF' },
  drive: { th: 'อัปโหลดไฟล์ไป Google Drive', en: 'Upload to Google Drive' },
};

const VERDICTS: Record<SelfCheckResult['imageWidth']['verdict'], Bilingual> = {
  pixels: {
    th: 'ความกว้างของรูปเป็นพิกเซล (ตั้ง 100 ได้ 75 พอยต์)',
    en: 'Image widths are pixels (100 set, 75 points read)',
  },
  points: {
    th: 'ความกว้างของรูปเป็นพอยต์ (ตั้ง 100 ได้ 100 พอยต์)',
    en: 'Image widths are points (100 set, 100 points read)',
  },
  unknown: { th: 'อ่านความกว้างของรูปไม่ได้', en: 'The image width could not be read' },
};

/** The result as lines of text: a ✓/✗ table with seconds, what to do for each ✗, what was left behind. */
export function selfCheckLines(result: SelfCheckResult, lang: 'th' | 'en'): string[] {
  const lines = result.steps.map((s) => {
    const line = `${s.ok ? '✓' : '✗'} ${s.label[lang]}: ${s.seconds.toFixed(2)} s`;
    return s.ok ? line : `${line}\n    ${s.error ?? ''}\n    → ${s.fix?.[lang] ?? ''}`;
  });
  lines.push(VERDICTS[result.imageWidth.verdict][lang]);
  for (const left of result.leftBehind) {
    const where = left.url ?? left.id;
    lines.push(
      lang === 'th'
        ? `ลบไม่ได้: ${left.what} ${where} (${left.why})`
        : `Not removed: ${left.what} ${where} (${left.why})`,
    );
  }
  for (const note of result.notChecked) lines.push(note[lang]);
  return lines;
}
