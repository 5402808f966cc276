import { Exact } from '../decimal';
import type { Framework } from '../frameworks/types';
import { asText } from '../measures/tab';
import { score, toolLabel } from '../report/context';
import { cellText } from '../thai';
import { readEmailCell } from '../workbook/emails';
import type { Division } from '../workbook/reader';
import { type AgencyYear, isBelow85, type Rollup } from './analyze';
import { LIMITS } from './report';

/** The coordinator's follow-up tab: one row per agency needing attention, which that agency fills. */
export const FOLLOW_UP_TAB = 'ติดตามหน่วยงาน';

/** The columns the add-on writes, then those the agency fills. The first is the agency as the roll-up names it. */
export const FOLLOW_UP_COLUMNS = {
  written: ['หน่วยงาน', 'อีเมล', 'สิ่งที่ต้องดำเนินการ', 'ตัวชี้วัดที่ต่ำกว่า 85'],
  filled: ['มาตรการ', 'ความคืบหน้า (%)', 'หลักฐาน'],
} as const;
const WIDTH = FOLLOW_UP_COLUMNS.written.length + FOLLOW_UP_COLUMNS.filled.length;

/**
 * Google's limit on the people one file can be shared with: "You can share a single file with up to 600
 * individual email addresses" (Google Drive Help, "Share files from Google Drive",
 * https://support.google.com/drive/answer/2494822, section "Share & collaborate on a file with many
 * people"). Quoted as two other projects reproduce Google's page (it was not in the stores this was looked
 * up in; see docs/measures-and-sharing.md). The plan counts the addresses the spreadsheet would then hold
 * and refuses beyond it.
 */
export const SHARE_LIMIT = 600;

export interface AttentionRow {
  agency: AgencyYear;
  /** Why: below 85, a level lost, a large drop. */
  reasons: string[];
  weakIndicators: number[];
}

/**
 * What keeps an agency from the next level up in this year's rule: its total and its tools below that level's
 * bars, as " (OIT 91.84 ต่ำกว่า 95)"; '' where the rule has no level above its own.
 */
function shortOf(a: AgencyYear, framework: Framework): string {
  const rules = framework.levels.rules;
  const at = rules.findIndex((x) => x.label === a.level?.label);
  const rule = at > 0 ? rules[at - 1] : at < 0 && rules.length > 0 ? rules[rules.length - 1] : null;
  if (!rule) return '';
  const below = (v: Exact | null | undefined, bar: number) =>
    v != null && v.round(2).compare(Exact.fromNumber(bar)) < 0;
  const parts: string[] = [];
  if (below(a.total, rule.minTotal)) parts.push(`คะแนนรวม ${score(a.total)} ต่ำกว่า ${rule.minTotal}`);
  const bar = rule.minEveryTool;
  if (bar !== undefined) {
    const tools = framework.levels.toolsTested
      .filter((k) => below(a.tools[k], bar))
      .map((k) => `${toolLabel(k)} ${score(a.tools[k])}`);
    if (tools.length > 0) parts.push(`${tools.join(', ')} ต่ำกว่า ${bar}`);
  }
  return parts.length > 0 ? ` (${parts.join(' และ ')})` : '';
}

/** The agencies that need attention: below 85, a level lost, or among the largest drops. */
export function attentionOf(r: Rollup): AttentionRow[] {
  const cur = r.current;
  if (!cur) return [];
  const drops = new Set(
    r.changes
      .filter((c) => c.delta && c.delta.compare(Exact.ZERO) < 0)
      .sort((a, b) =>
        (a.delta as NonNullable<typeof a.delta>).compare(b.delta as NonNullable<typeof b.delta>),
      )
      .slice(0, LIMITS.drops)
      .map((c) => c.agency),
  );
  const lost = new Map(r.changes.filter((c) => c.levelMove < 0).map((c) => [c.agency, c.before]));
  const delta = new Map(r.changes.map((c) => [c.agency, c.delta]));
  const out: AttentionRow[] = [];
  for (const a of cur.ranked) {
    const reasons: string[] = [];
    if (isBelow85(a.total)) reasons.push(`คะแนนรวม ${score(a.total)} ต่ำกว่า 85`);
    // Below 85 says already why the level fell; above it, what keeps it from the next level up says it.
    const before = lost.get(a);
    if (before) {
      const was = `ระดับลดลงจาก “${before.level?.label ?? ''}” เป็น “${a.level?.label ?? ''}”`;
      reasons.push(`${was}${isBelow85(a.total) ? '' : shortOf(a, cur.framework)}`);
    }
    if (drops.has(a)) reasons.push(`คะแนนลดลง ${score(delta.get(a)?.abs())} คะแนน`);
    if (reasons.length === 0) continue;
    const weak = [...a.indicators].filter(([, v]) => isBelow85(v)).map(([n]) => n);
    out.push({ agency: a, reasons, weakIndicators: weak });
  }
  return out;
}

/**
 * The tab as it should stand: every row of an agency needing attention, its written columns as the roll-up
 * says, its filled columns as the agency left them; a row of an agency no longer needing attention is
 * kept as it is (nothing a person wrote is lost); new ones at the end.
 */
export function followUpRows(
  attention: readonly AttentionRow[],
  existing: readonly unknown[][],
): unknown[][] {
  const written = (a: AttentionRow): unknown[] => [
    asText(a.agency.label),
    a.agency.emails.join(', '),
    asText(a.reasons.join('; ')),
    a.weakIndicators.join(', '),
  ];
  const byLabel = new Map(attention.map((a) => [a.agency.label, a]));
  const rows: unknown[][] = [[...FOLLOW_UP_COLUMNS.written, ...FOLLOW_UP_COLUMNS.filled]];
  const seen = new Set<string>();
  for (const row of existing.slice(1)) {
    const label = cellText(row[0]).replace(/^'/, '');
    if (!label) continue;
    const a = byLabel.get(label);
    const filled = row.slice(FOLLOW_UP_COLUMNS.written.length, WIDTH);
    rows.push(a ? [...written(a), ...pad(filled)] : pad(row.slice(0, WIDTH), WIDTH));
    seen.add(label);
  }
  for (const a of attention) if (!seen.has(a.agency.label)) rows.push([...written(a), '', '', '']);
  return rows;
}

function pad(cells: unknown[], width: number = FOLLOW_UP_COLUMNS.filled.length): unknown[] {
  return [...cells, ...Array(Math.max(0, width - cells.length)).fill('')];
}

/**
 * Who has answered: an agency's row with a measure, progress or evidence filled. Its e-mail cell is read as
 * the divisions' are (readEmailCell): what is not an address is `refused`, never shared with.
 */
export function followUpAnswers(
  values: readonly unknown[][],
): { agency: string; emails: string[]; refused: string[]; answered: boolean }[] {
  const first = FOLLOW_UP_COLUMNS.written.length;
  return values
    .slice(1)
    .filter((row) => cellText(row[0]) !== '')
    .map((row) => {
      const { addresses, refused } = readEmailCell(cellText(row[1]));
      return {
        agency: cellText(row[0]),
        emails: addresses,
        refused,
        answered: row.slice(first, WIDTH).some((c) => cellText(c) !== ''),
      };
    });
}

/**
 * The follow-up tab's rows as the divisions' sharing code takes them: each row owned by its agency when that
 * agency needs attention (`attention`: their labels); a row kept from an earlier year whose agency no longer
 * needs it is the team's alone, and its agency is shared with no more. And what an e-mail cell of an agency
 * needing attention holds that is not an address, with its row.
 */
export function followUpOwners(
  values: readonly unknown[][],
  attention: ReadonlySet<string>,
): {
  owners: Division[];
  rows: { row: number; responsible: string; owners: string[] }[];
  refused: { row: number; agency: string; text: string }[];
} {
  const answers = followUpAnswers(values);
  // The same rows as followUpAnswers keeps, in the same order: those whose agency cell is not blank.
  const rows = values
    .map((row, i) => ({ row: i + 1, label: cellText(row[0]) }))
    .filter((r) => r.row > 1 && r.label !== '')
    .map((r) => ({ row: r.row, responsible: r.label, owners: [r.label] }));
  const owned = answers.map((a, i) => ({ ...a, row: rows[i].row })).filter((a) => attention.has(a.agency));
  const owners = owned.map((a) => ({
    code: a.agency,
    name: a.agency,
    emails: a.emails,
    where: `${FOLLOW_UP_TAB}!A${a.row}`,
  }));
  const refused = owned.flatMap((a) => a.refused.map((text) => ({ row: a.row, agency: a.agency, text })));
  return { owners, rows, refused };
}
