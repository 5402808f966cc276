import { THAI_MONTHS, thaiDate, toArabicDigits } from '../thai';
import type { Division, Settings, ThaiDay } from '../workbook/reader';
import {
  CANCELLED,
  type MeasureChecks,
  type MeasureRow,
  OUTCOME_COLUMNS,
  ownsMeasure,
  readMeasureRows,
  STATUSES,
} from './tab';

/** A follow-up round: the divisions report their progress as of its date. */
export interface FollowUpRound {
  /** Months since the plan's fiscal year began (1 October), as the round is usually called. */
  months: number;
  /** `รอบ 6 เดือน`. */
  label: string;
  date: ThaiDay;
}

/** The rounds of the settings (`รอบติดตามผลที่ N`), or 6 and 12 months of the plan's fiscal year. */
export function followUpRounds(settings: Settings | null, planYear: number): FollowUpRound[] {
  const dates = settings?.rounds.length
    ? settings.rounds
    : [
        { day: 31, month: 3, yearBE: planYear },
        { day: 30, month: 9, yearBE: planYear },
      ];
  return dates.map((date) => {
    // Months from 1 October of the year before the plan year to the end of the round's month.
    const months = (date.yearBE - (planYear - 1)) * 12 + date.month - 9;
    return { months, label: `รอบ ${months} เดือน`, date };
  });
}

/** The header of a round's progress column in the measures tab. */
export function roundColumn(round: Pick<FollowUpRound, 'label'>): string {
  return `ความคืบหน้า ${round.label} (%)`;
}

/** `cancelled`: its status is ยกเลิก with a reason; it is neither late nor pending. */
export type MeasureState = 'done' | 'under-way' | 'late' | 'not-started' | 'cancelled';

export interface MeasureFollowUp {
  measure: MeasureRow;
  state: MeasureState;
  /** Why the measure is late, or null. */
  late: { th: string; en: string } | null;
}

/**
 * Whether a period whose last day is `day` has ended as of a date: a reader counts a quarter as over on its
 * last day, that day included (on a round dated 31 March the second quarter's milestones are due).
 */
function endedBy(day: ThaiDay, asOf: Date): boolean {
  return new Date(day.yearBE - 543, day.month - 1, day.day) <= asOf;
}

const SHORT_MONTHS = [
  'ม.ค.',
  'ก.พ.',
  'มี.ค.',
  'เม.ย.',
  'พ.ค.',
  'มิ.ย.',
  'ก.ค.',
  'ส.ค.',
  'ก.ย.',
  'ต.ค.',
  'พ.ย.',
  'ธ.ค.',
];

/**
 * The last day of a period as divisions write it: `1 ตุลาคม 2568 ถึง 30 กันยายน 2569`, `ม.ค. – มี.ค. 2569`,
 * `ต.ค. 68 - ธ.ค. 68`, `31/12/2568`. A month without a day means its last day. Null when no date is found.
 */
export function periodEnd(period: string): ThaiDay | null {
  const text = toArabicDigits(period).replace(/\s+/g, ' ');
  const months = [...THAI_MONTHS, ...SHORT_MONTHS].map((m) => m.replace(/\./g, '\\.'));
  const named = new RegExp(`(?:(\\d{1,2}) )?(${months.join('|')}) ?(?:พ\\.ศ\\. ?)?(\\d{4}|\\d{2})?`, 'g');
  const dates: { day: number | null; month: number; year: number | null }[] = [];
  for (const m of text.matchAll(named)) {
    const i = (THAI_MONTHS as readonly string[]).indexOf(m[2]);
    dates.push({
      day: m[1] ? Number(m[1]) : null,
      month: (i >= 0 ? i : SHORT_MONTHS.indexOf(m[2])) + 1,
      year: m[3] ? Number(m[3]) : null,
    });
  }
  for (const m of text.matchAll(/(\d{1,2})\/(\d{1,2})\/(\d{4})/g))
    dates.push({ day: Number(m[1]), month: Number(m[2]), year: Number(m[3]) });
  const last = dates[dates.length - 1];
  // `ต.ค. 2568 – ธ.ค.`: a last date without its year takes the nearest year written before it.
  const year = last?.year ?? [...dates].reverse().find((d) => d.year !== null)?.year;
  if (!last || !year) return null;
  const yearBE = year < 100 ? 2500 + year : year < 2400 ? year + 543 : year;
  const lastDay = new Date(yearBE - 543, last.month, 0).getDate();
  return { day: Math.min(last.day ?? lastDay, lastDay), month: last.month, yearBE };
}

/** The last day of each quarter of a fiscal year: 31 Dec, 31 Mar, 30 Jun, 30 Sep. */
function quarterEnds(planYear: number): ThaiDay[] {
  return [
    { day: 31, month: 12, yearBE: planYear - 1 },
    { day: 31, month: 3, yearBE: planYear },
    { day: 30, month: 6, yearBE: planYear },
    { day: 30, month: 9, yearBE: planYear },
  ];
}

function isDone(m: MeasureRow): boolean {
  return m.status === STATUSES[2] || (m.progress ?? 0) >= 100;
}

const dayText = (d: ThaiDay) => thaiDate(d.day, d.month, d.yearBE, false);
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** `31 Dec 2025`: the English reason gives the Common-Era year. */
const dayTextEn = (d: ThaiDay) => `${d.day} ${EN_MONTHS[d.month - 1]} ${d.yearBE - 543}`;

/**
 * Why a measure that is not done is late as of a date: its period has ended, or a quarter whose milestone
 * is filled has ended (its last day reached) with progress below that milestone's share of the filled ones (two of four: 50%).
 */
function lateReason(m: MeasureRow, asOf: Date, planYear: number): MeasureFollowUp['late'] {
  const end = periodEnd(m.period);
  if (end && endedBy(end, asOf))
    return {
      th: `สิ้นสุดช่วงเวลาดำเนินการแล้ว (${dayText(end)}) แต่ยังไม่เสร็จสิ้น`,
      en: `its period ended (${dayTextEn(end)}) and it is not done`,
    };
  const filled = m.milestones.map((x, q) => (x ? q : -1)).filter((q) => q >= 0);
  const progress = m.progress ?? 0;
  const ends = quarterEnds(planYear);
  const passed = filled.filter((q) => endedBy(ends[q], asOf));
  if (passed.length === 0) return null;
  const q = passed[passed.length - 1];
  const expected = Math.round((passed.length / filled.length) * 100);
  if (progress >= expected) return null;
  return {
    th: `สิ้นไตรมาสที่ ${q + 1} (${dayText(ends[q])}) แล้ว ความคืบหน้า ${progress}% ต่ำกว่าเป้าหมาย ${expected}%`,
    en: `quarter ${q + 1} ended (${dayTextEn(ends[q])}) with progress ${progress}%, below its milestone's ${expected}%`,
  };
}

/** Each live (not retired) measure's state as of a date: cancelled, done, late, under way or not started. */
export function followUp(rows: readonly MeasureRow[], asOf: Date, planYear: number): MeasureFollowUp[] {
  return rows
    .filter((m) => !m.retired)
    .map((measure) => {
      if (measure.status === CANCELLED) return { measure, state: 'cancelled', late: null };
      if (isDone(measure)) return { measure, state: 'done', late: null };
      const late = lateReason(measure, asOf, planYear);
      if (late) return { measure, state: 'late', late };
      const started =
        (measure.status !== '' && measure.status !== STATUSES[0]) || (measure.progress ?? 0) > 0;
      return { measure, state: started ? 'under-way' : 'not-started', late: null };
    });
}

/** How many measures stand where. */
export interface StateCounts {
  total: number;
  done: number;
  underWay: number;
  late: number;
  notStarted: number;
  cancelled: number;
}

export function stateCounts(items: readonly MeasureFollowUp[]): StateCounts {
  const count = (state: MeasureState) => items.filter((x) => x.state === state).length;
  return {
    total: items.length,
    done: count('done'),
    underWay: count('under-way'),
    late: count('late'),
    notStarted: count('not-started'),
    cancelled: count('cancelled'),
  };
}

export interface DivisionFollowUp extends StateCounts {
  code: string;
  name: string;
  emails: string[];
  /** The sheet rows of the division's measures (for the jump to them). */
  rows: number[];
  lateMeasures: { id: string; title: string; row: number; why: { th: string; en: string } }[];
}

/** The follow-up by division (a measure owned by several divisions, or by all, counts for each). */
export function followUpByDivision(
  items: readonly MeasureFollowUp[],
  divisions: readonly Division[],
): DivisionFollowUp[] {
  return divisions.map((d) => {
    const mine = items.filter((x) => ownsMeasure(x.measure.responsible, d.code));
    return {
      code: d.code,
      name: d.name,
      emails: d.emails,
      ...stateCounts(mine),
      rows: mine.map((x) => x.measure.row),
      lateMeasures: mine
        .filter((x) => x.late)
        .map((x) => ({
          id: x.measure.id,
          title: x.measure.title,
          row: x.measure.row,
          why: x.late as { th: string; en: string },
        })),
    };
  });
}

/** The columns divisions fill as the year goes: a progress column per round, then the outcome columns. */
export function followUpColumns(rounds: readonly FollowUpRound[]): string[] {
  return [...rounds.map(roundColumn), ...OUTCOME_COLUMNS];
}

/**
 * The follow-up of the spreadsheet's measures tab, as of the results date of the settings (else `today`),
 * its values checked against `checks` (measureChecksOf).
 */
export function followUpOf(
  values: readonly unknown[][],
  settings: Settings | null,
  planYear: number,
  today: Date,
  checks: MeasureChecks = {},
): { rounds: FollowUpRound[]; rows: MeasureRow[]; asOf: Date; items: MeasureFollowUp[] } {
  const rounds = followUpRounds(settings, planYear);
  const rows = readMeasureRows(values, rounds.map(roundColumn), checks);
  const d = settings?.resultsDate;
  const asOf = d ? new Date(d.yearBE - 543, d.month - 1, d.day, 12) : today;
  return { rounds, rows, asOf, items: followUp(rows, asOf, planYear) };
}

/** Letters only: spaces, punctuation and digits out, to compare a result with the plan's text. */
const letters = (text: string) => text.replace(/[\s\p{P}\p{S}0-9๐-๙]/gu, '');

/** Results that say nothing a reader can check: a phrase any measure could carry. */
const GENERIC_RESULTS = [/^ดำเนินการตามแผน/, /^อยู่ระหว่างดำเนินการ$/, /^ดำเนินการแล้ว$/, /^ตามแผน/];

/**
 * What a measure's follow-up still lacks for a reader: a result (left empty, a generic phrase such as
 * "ดำเนินการตามแผนรายไตรมาส", or the plan's own text repeated: its title, steps or a milestone) and evidence
 * (no link and no text in `หลักฐาน`).
 */
export function missingOutcome(m: MeasureRow): { result: boolean; evidence: boolean } {
  const result = letters(m.result);
  const plan = [m.title, m.steps, ...m.milestones].map(letters).filter((x) => x !== '');
  const hollow =
    result === '' ||
    GENERIC_RESULTS.some((re) => re.test(result)) ||
    plan.some((text) => text === result || text.includes(result));
  return { result: hollow, evidence: m.links.length === 0 && m.evidence.trim() === '' };
}
