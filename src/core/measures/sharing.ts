import { columnLetters } from '../findings';
import type { Division } from '../workbook/reader';
import { MEASURE_COLUMNS } from './tab';

export interface ProtectionPlan {
  /** A1 range on the measures tab, e.g. `A2:L5`. */
  range: string;
  description: string;
  editors: string[];
  divisions: string[];
}

export interface SharingPlan {
  /** The tab whose rows are protected for their owners: null for the measures tab (the divisions' rows). */
  rowsTab: string | null;
  team: string[];
  /** One protected range per block of rows owned by the same divisions (the header row: the team). */
  measureProtections: ProtectionPlan[];
  /** Whole tabs only the team may edit. */
  teamTabs: string[];
  /** Division e-mails that would see the report Doc and PDF (as viewers). */
  viewers: string[];
  /**
   * Division e-mails that cannot edit the spreadsheet yet: the opt-in spreadsheet step adds them as editors
   * (Google sends each its own invitation), so that their protected rows become theirs to edit.
   */
  withoutAccess: string[];
  /** Protections the agency made itself (without the add-on's mark): listed, never changed. */
  foreignProtections: ForeignProtection[];
  /** Whether a report Doc exists to share (else only the protections apply). */
  hasReport: boolean;
  /** Whether the measures tab exists (else only its header would be protected). */
  hasMeasures: boolean;
}

export interface ForeignProtection {
  /** The tab, and the range for a protected range (`มาตรการ!A2:C4`). */
  where: string;
  description: string;
}

/** The add-on's mark: a protection whose description starts with it is the add-on's own. */
export const PROTECTION_PREFIX = 'ita-report:';

/** Which divisions own a measure row, from its `ผู้รับผิดชอบ` text (codes or names; "ทุกหน่วยงานภายใน" = all). */
export function ownersOfRow(responsible: string, divisions: readonly Division[]): Division[] {
  if (responsible.includes('ทุกหน่วยงาน') || responsible.includes('กองต่าง ๆ')) return [...divisions];
  const tokens = responsible.split(/[,\s]+|และ/).filter(Boolean);
  return divisions.filter((d) => tokens.includes(d.code) || (d.name !== '' && responsible.includes(d.name)));
}

/**
 * What "protect and share" will do, computed before anything happens so the sidebar can show it:
 * each division edits only its own rows of the measures tab, the team edits everything, nothing is
 * shared with an address that is not in `หน่วยงานภายใน`.
 */
export function planSharing(input: {
  divisions: readonly Division[];
  /**
   * The rows in sheet order: row number and `ผู้รับผิดชอบ` (whose codes or names say who owns it), or the owners'
   * codes themselves (`owners`, as the agency follow-up tab gives them).
   */
  rows: readonly { row: number; responsible: string; owners?: readonly string[] }[];
  team: readonly string[];
  spreadsheetEditors: readonly string[];
  teamTabs: readonly string[];
  hasReport: boolean;
  /** Protections in the spreadsheet that are not the add-on's. */
  foreignProtections?: readonly ForeignProtection[];
  /** How many columns the measures tab has (people may add their own). */
  columns?: number;
  /**
   * Another tab whose rows go to their owners as the measures tab's go to the divisions (the coordinator's
   * `ติดตามหน่วยงาน`, its owners the agencies): its name and what its rows are called in a description.
   */
  rowsTab?: { name: string; what: string; header: string };
}): SharingPlan {
  const team = [...new Set(input.team.map((e) => e.toLowerCase()))];
  const last = columnLetters(Math.max(input.columns ?? 0, MEASURE_COLUMNS.length) - 1);
  const protections: ProtectionPlan[] = [
    {
      range: `A1:${last}1`,
      description: `${PROTECTION_PREFIX} ${input.rowsTab?.header ?? 'หัวตารางมาตรการ'}`,
      editors: team,
      divisions: [],
    },
  ];
  let block: { first: number; last: number; owners: Division[] } | null = null;
  const flush = () => {
    if (!block) return;
    const codes = block.owners.map((d) => d.code);
    protections.push({
      range: `A${block.first}:${last}${block.last}`,
      description: `${PROTECTION_PREFIX} ${input.rowsTab?.what ?? 'มาตรการของ'} ${codes.length > 0 ? codes.join(', ') : 'ทีมงาน'}`,
      editors: [...new Set([...team, ...block.owners.flatMap((d) => d.emails)])],
      divisions: codes,
    });
  };
  for (const { row, responsible, owners: given } of input.rows) {
    const owners = given
      ? input.divisions.filter((d) => given.includes(d.code))
      : ownersOfRow(responsible, input.divisions);
    const same =
      block &&
      block.last === row - 1 &&
      block.owners.map((d) => d.code).join() === owners.map((d) => d.code).join();
    if (same && block) block.last = row;
    else {
      flush();
      block = { first: row, last: row, owners };
    }
  }
  flush();
  const viewers = [...new Set(input.divisions.flatMap((d) => d.emails))].filter((e) => !team.includes(e));
  const editors = new Set(input.spreadsheetEditors.map((e) => e.toLowerCase()));
  const foreign = [...(input.foreignProtections ?? [])];
  // A tab the agency protected itself keeps its own protection: the add-on adds none to it.
  const foreignTabs = new Set(foreign.filter((f) => !f.where.includes('!')).map((f) => f.where));
  return {
    rowsTab: input.rowsTab?.name ?? null,
    team,
    measureProtections: protections,
    teamTabs: input.teamTabs.filter((t) => !foreignTabs.has(t)),
    foreignProtections: foreign,
    viewers,
    withoutAccess: viewers.filter((e) => !editors.has(e)),
    hasReport: input.hasReport,
    hasMeasures: input.rows.length > 0,
  };
}

export type Advice = { th: string; en: string };

export type RefusalReason = 'no-account' | 'invalid' | 'policy' | 'other';

/**
 * What to do about an address Google refused, by reason (shown by the sidebar and the CLI), for addresses
 * read from `tab` and a share whose notification box says `notify` (its words before the parenthesis).
 */
export function refusalAdvice(tab: string, notify: Advice): Record<RefusalReason, Advice> {
  return {
    'no-account': {
      th: `อีเมลนี้ไม่มีบัญชี Google และ Drive ไม่แชร์ให้โดยไม่ส่งอีเมลเชิญ: ติ๊ก "${notify.th}" แล้วแชร์อีกครั้ง หรือใช้อีเมลที่เป็นบัญชี Google ในแท็บ${tab}`,
      en: `This address has no Google account and Drive will not share without an invitation e-mail: tick "${notify.en}" and share again, or use an address that is a Google account in the ${tab} tab`,
    },
    invalid: {
      th: `อีเมลไม่ถูกต้อง: แก้ในแท็บ${tab} แล้วแชร์อีกครั้ง`,
      en: `Not a valid address: correct it in the ${tab} tab and share again`,
    },
    policy: {
      th: 'นโยบายของโดเมนไม่อนุญาตการแชร์นี้: ติดต่อผู้ดูแล Google Workspace ขององค์กร',
      en: "The domain's policy does not allow this share: ask your Google Workspace administrator",
    },
    other: {
      th: 'Google ปฏิเสธการแชร์นี้ (ดูข้อความ) แล้วลองอีกครั้ง',
      en: 'Google refused this share (see the message); try again',
    },
  };
}

/** The divisions' (addresses of the หน่วยงานภายใน tab; the sidebar's box "ส่งอีเมลแจ้งเมื่อแชร์ PDF"). */
export const REFUSAL_ADVICE = refusalAdvice('หน่วยงานภายใน', {
  th: 'ส่งอีเมลแจ้งเมื่อแชร์ PDF',
  en: 'E-mail the divisions about the PDF',
});

/** What to do when the user running the step cannot reach the Doc, the PDF or the add-on's protections. */
export const UNREACHABLE_ADVICE: Record<'doc' | 'pdf' | 'protections', Advice> = {
  doc: {
    th: 'เปิดเอกสารรายงานไม่ได้ (ไม่ได้แชร์ให้ผู้ใช้นี้): ให้ผู้สร้างรายงานแชร์เอกสารให้ทีมงาน หรือสร้างรายงานใหม่ แล้วแชร์อีกครั้ง',
    en: 'The report Doc cannot be opened by this user (not shared with them): ask whoever built it to share it with the team, or build it again, then share',
  },
  pdf: {
    th: 'ไฟล์ PDF เข้าถึงได้เฉพาะผู้ที่สร้างรายงาน (ส่วนเสริมขอสิทธิ์ Drive เฉพาะไฟล์ที่ตนสร้าง): ให้ผู้สร้างรายงานกดแชร์ หรือแชร์ PDF จาก Google Drive เอง',
    en: 'Only whoever built the report can reach its PDF (the add-on asks Drive only for the files it made for that user): ask them to share, or share the PDF from Google Drive',
  },
  protections: {
    th: 'การป้องกันของส่วนเสริมตั้งโดยทีมงานที่ผู้ใช้นี้ไม่อยู่ในรายชื่อ จึงไม่ได้ปรับ: ให้ทีมงานกดแชร์ หรือเพิ่มอีเมลนี้ในอีเมลทีมงานของแท็บตั้งค่า',
    en: "The add-on's protections were set by a team this user is not listed in, so they were not changed: ask the team to share, or add this address to the team e-mails in the settings tab",
  },
};
