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
  /** The measures tab rows in sheet order: row number and `ผู้รับผิดชอบ`. */
  rows: readonly { row: number; responsible: string }[];
  team: readonly string[];
  spreadsheetEditors: readonly string[];
  teamTabs: readonly string[];
  hasReport: boolean;
  /** Protections in the spreadsheet that are not the add-on's. */
  foreignProtections?: readonly ForeignProtection[];
  /** How many columns the measures tab has (people may add their own). */
  columns?: number;
}): SharingPlan {
  const team = [...new Set(input.team.map((e) => e.toLowerCase()))];
  const last = columnLetters(Math.max(input.columns ?? 0, MEASURE_COLUMNS.length) - 1);
  const protections: ProtectionPlan[] = [
    {
      range: `A1:${last}1`,
      description: `${PROTECTION_PREFIX} หัวตารางมาตรการ`,
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
      description: `${PROTECTION_PREFIX} มาตรการของ ${codes.length > 0 ? codes.join(', ') : 'ทีมงาน'}`,
      editors: [...new Set([...team, ...block.owners.flatMap((d) => d.emails)])],
      divisions: codes,
    });
  };
  for (const { row, responsible } of input.rows) {
    const owners = ownersOfRow(responsible, input.divisions);
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
