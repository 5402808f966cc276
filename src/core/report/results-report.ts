import { frameworkForYear } from '../frameworks';
import {
  type DivisionFollowUp,
  type FollowUpRound,
  followUpByDivision,
  type MeasureFollowUp,
  type MeasureState,
  missingOutcome,
  type StateCounts,
  stateCounts,
} from '../measures/follow-up';
import { type MeasureRow, measureName } from '../measures/tab';
import { BE_OFFSET, thaiDate, thaiList } from '../thai';
import { type ReportContext, type ReportInput, reportContext } from './context';
import type { ReportModel } from './model';
import { unconfirmedNotice } from './sections/front';
import { signatures } from './sections/signoff';
import { ReportWriter, type TableRowModel } from './writer';

export const RESULTS_TITLE = 'รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน';

export interface ResultsInput extends ReportInput {
  /** Each live measure's state as of `asOf` (follow-up.ts). */
  followUp: readonly MeasureFollowUp[];
  rounds: readonly FollowUpRound[];
  asOf: Date;
}

interface ResultsContext extends ReportContext {
  items: readonly MeasureFollowUp[];
  rounds: readonly FollowUpRound[];
  divisions: DivisionFollowUp[];
  /** The as-of date (Thai, Arabic digits). */
  asOf: string;
}

/** What a state is called in the report. */
export const STATE_WORDS: Record<MeasureState, string> = {
  done: 'ดำเนินการแล้วเสร็จ',
  'under-way': 'อยู่ระหว่างดำเนินการ',
  late: 'ล่าช้ากว่าแผน',
  'not-started': 'ยังไม่เริ่มดำเนินการ',
  cancelled: 'ยกเลิก',
};
const STATES: MeasureState[] = ['done', 'under-way', 'late', 'not-started'];

/** The states the report counts: cancelled only where a measure was cancelled. */
const statesOf = (items: readonly MeasureFollowUp[]): MeasureState[] =>
  items.some((x) => x.state === 'cancelled') ? [...STATES, 'cancelled'] : STATES;

const day = (d: Date) => thaiDate(d.getDate(), d.getMonth() + 1, d.getFullYear() + BE_OFFSET, false);
const roundDay = (r: FollowUpRound) => thaiDate(r.date.day, r.date.month, r.date.yearBE, false);

/**
 * The year's second report (docs/report.md, "the results report"): what each measure of the plan achieved
 * as of a date, from what the divisions recorded in the measures tab, in the o25 report's official form.
 */
export function buildResultsReport(input: ResultsInput): ReportModel {
  const base = reportContext(input);
  const ctx: ResultsContext = {
    ...base,
    items: input.followUp,
    rounds: input.rounds,
    divisions: followUpByDivision(input.followUp, base.analysis.workbook.divisions),
    asOf: day(input.asOf),
  };
  const w = new ReportWriter(ctx.settings?.thaiDigits ?? true);
  for (const section of [title, background, summary, byDivision, lateAndNotStarted, byMeasure, approval])
    section(w, ctx);
  return {
    name: `${RESULTS_TITLE} ${ctx.agency} ปีงบประมาณ พ.ศ. ${ctx.reportYear}`,
    thaiDigits: w.thai,
    draft: false,
    blocks: w.blocks,
    unconfirmed: ctx.unconfirmed,
  };
}

function title(w: ReportWriter, ctx: ResultsContext): void {
  w.title(RESULTS_TITLE);
  w.center(`${ctx.agency}${ctx.abbr}`, true);
  w.center(`ประจำปีงบประมาณ พ.ศ. ${ctx.reportYear}`, true);
  if (ctx.settings?.preparedBy) w.center(`จัดทำโดย ${ctx.settings.preparedBy}`);
  w.center(`ข้อมูล ณ วันที่ ${ctx.asOf}`);
  unconfirmedNotice(w, ctx);
}

/** ๑. ความเป็นมา: the item this answers, the plan it follows and the rounds of the follow-up. */
function background(w: ReportWriter, ctx: ResultsContext): void {
  const f = frameworkForYear(ctx.reportYear, ctx.analysis.frameworks).framework;
  w.heading(1, '1. ความเป็นมา');
  const item = f.resultsItem ? `ในข้อ ${f.resultsItem.id} ${f.resultsItem.title} ` : '';
  const plan = f.developmentItem ? ` (ข้อ ${f.developmentItem.id} ${f.developmentItem.title})` : '';
  w.paragraph(
    `สำนักงาน ป.ป.ช. ได้กำหนดเกณฑ์การประเมิน ITA ปี ${ctx.reportYear} ${item}ให้หน่วยงานรายงานผลการดำเนินการตามมาตรการที่กำหนดจากการวิเคราะห์ผลการประเมิน ` +
      `${ctx.agency}ได้วิเคราะห์ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ${ctx.year} และกำหนดมาตรการเพื่อปรับปรุงหรือพัฒนาองค์กร${plan} จำนวน ${ctx.items.length} มาตรการ ` +
      `โดยหน่วยงานภายในที่รับผิดชอบได้รายงานความคืบหน้า ผลการดำเนินการ หลักฐาน ปัญหาอุปสรรค และการดำเนินการต่อไป รายงานฉบับนี้เป็นข้อมูล ณ วันที่ ${ctx.asOf}`,
  );
  if (ctx.rounds.length > 0)
    w.paragraph(
      `การติดตามผลแบ่งเป็น ${ctx.rounds.length} รอบ ได้แก่ ${thaiList(ctx.rounds.map((r) => `${r.label} (${roundDay(r)})`))}`,
    );
}

const count = (ctx: ResultsContext, state: MeasureState) => ctx.items.filter((x) => x.state === state).length;

/**
 * Shares in percent, one decimal, that add up to exactly 100.0 (largest-remainder rounding: the tenths
 * rounding took away go to the counts that lost most), so that the table's column sums to its total.
 */
export function shares(counts: readonly number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return counts.map(() => 0);
  const exact = counts.map((n) => (n * 1000) / total);
  const tenths = exact.map(Math.floor);
  const left = 1000 - tenths.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, rest: x - Math.floor(x) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order.slice(0, left)) tenths[i] += 1;
  return tenths.map((t) => t / 10);
}

/** ๒. สรุปผลการดำเนินการ: how many measures stand where, as a sentence, a table and a chart. */
function summary(w: ReportWriter, ctx: ResultsContext): void {
  w.heading(1, '2. สรุปผลการดำเนินการ');
  const total = ctx.items.length;
  if (total === 0) {
    w.missing('ยังไม่มีมาตรการในแท็บ มาตรการ');
    return;
  }
  const states = statesOf(ctx.items);
  w.paragraph(
    `มาตรการทั้งหมด ${total} มาตรการ ${states.map((s) => `${STATE_WORDS[s]} ${count(ctx, s)} มาตรการ`).join(' ')}`,
  );
  const percent = shares(states.map((s) => count(ctx, s)));
  w.table(
    `ผลการดำเนินการตามมาตรการ จำแนกตามสถานะ ณ วันที่ ${ctx.asOf}`,
    ['สถานะ', 'จำนวนมาตรการ', 'ร้อยละ'],
    [
      ...states.map((s, i) => ({ cells: [STATE_WORDS[s], String(count(ctx, s)), percent[i].toFixed(1)] })),
      { cells: ['รวม', String(total), '100.0'], bold: true },
    ],
    { widths: [50, 25, 25] },
  );
  w.chart({
    id: 'status',
    caption: `ร้อยละของมาตรการ จำแนกตามสถานะ ณ วันที่ ${ctx.asOf}`,
    type: 'BAR',
    data: [['สถานะ', 'ร้อยละของมาตรการ'], ...states.map((s, i) => [STATE_WORDS[s], percent[i]])],
    thresholds: [],
    axisTitle: 'ร้อยละของมาตรการ',
  });
}

/** ๓. ผลการดำเนินการรายหน่วยงาน: each division's measures by state. */
function byDivision(w: ReportWriter, ctx: ResultsContext): void {
  w.heading(1, '3. ผลการดำเนินการรายหน่วยงาน');
  const divisions = ctx.divisions.filter((d) => d.total > 0);
  if (divisions.length === 0) {
    w.missing('ไม่มีรายชื่อหน่วยงานภายในที่รับผิดชอบมาตรการ (แท็บ หน่วยงานภายใน)');
    return;
  }
  const counted = divisions.reduce((a, d) => a + d.total, 0);
  const distinct = stateCounts(ctx.items);
  // A column of cancelled measures only when a division cancelled one.
  const cancelled = distinct.cancelled > 0;
  const cells = (c: StateCounts) =>
    [c.total, c.done, c.underWay, c.late, c.notStarted, ...(cancelled ? [c.cancelled] : [])].map(String);
  w.lead(
    counted > distinct.total
      ? `มาตรการที่หลายหน่วยงานรับผิดชอบร่วมกันนับในแต่ละหน่วยงานที่รับผิดชอบ ตารางจึงนับรวมได้ ${counted} มาตรการ จากมาตรการทั้งหมด ${distinct.total} มาตรการ แถวสุดท้ายนับมาตรการละครั้ง`
      : `แต่ละมาตรการนับในหน่วยงานที่รับผิดชอบ รวม ${distinct.total} มาตรการ`,
  );
  w.table(
    'ผลการดำเนินการตามมาตรการ รายหน่วยงาน',
    [
      'หน่วยงาน',
      'มาตรการ',
      'แล้วเสร็จ',
      'อยู่ระหว่างดำเนินการ',
      'ล่าช้ากว่าแผน',
      'ยังไม่เริ่ม',
      ...(cancelled ? ['ยกเลิก'] : []),
    ],
    [
      ...divisions.map((d) => ({
        cells: [d.name && d.name !== d.code ? `${d.name} (${d.code})` : d.code, ...cells(d)],
      })),
      { cells: ['รวมทั้งหน่วยงาน (นับมาตรการละครั้ง)', ...cells(distinct)], bold: true },
    ],
    { widths: cancelled ? [26, 11, 12, 15, 13, 12, 11] : [30, 12, 13, 17, 15, 13] },
  );
}

/** ๔. Measures late or not started, named plainly with who and why, in one table. */
function lateAndNotStarted(w: ReportWriter, ctx: ResultsContext): void {
  w.heading(1, '4. มาตรการที่ล่าช้ากว่าแผนหรือยังไม่เริ่มดำเนินการ');
  const named = ctx.items.filter((x) => x.state === 'late' || x.state === 'not-started');
  if (named.length === 0) {
    w.paragraph(`ณ วันที่ ${ctx.asOf} ไม่มีมาตรการที่ล่าช้ากว่าแผนหรือยังไม่เริ่มดำเนินการ`);
    return;
  }
  const late = named.filter((x) => x.state === 'late').length;
  w.lead(
    `ณ วันที่ ${ctx.asOf} มีมาตรการที่ล่าช้ากว่าแผน ${late} มาตรการ และยังไม่เริ่มดำเนินการ (ยังไม่ถึงกำหนด) ${named.length - late} มาตรการ ดังนี้`,
  );
  w.table(
    'มาตรการที่ล่าช้ากว่าแผนหรือยังไม่เริ่มดำเนินการ',
    ['มาตรการ/โครงการ/กิจกรรม', 'ผู้รับผิดชอบ', 'สถานะ', 'เหตุ'],
    named.map((x) => ({
      cells: [
        measureName(x.measure),
        x.measure.responsible || 'ไม่ระบุ',
        STATE_WORDS[x.state],
        x.late?.th ?? 'ยังไม่เลยกำหนดตามช่วงเวลาและเป้าหมายรายไตรมาส',
      ],
    })),
    { widths: [36, 16, 16, 32], dense: true },
  );
}

/** The progress cell: state, the current progress and each round's. */
function progressCell(x: MeasureFollowUp, rounds: readonly FollowUpRound[]): string {
  const m = x.measure;
  const lines = [STATE_WORDS[x.state]];
  if (x.state === 'cancelled') lines.push(`เหตุผล: ${m.notes}`);
  if (m.progress !== null) lines.push(`ความคืบหน้า ${m.progress}%`);
  rounds.forEach((r, i) => {
    const v = m.rounds[i];
    if (v !== null && v !== undefined) lines.push(`${r.label}: ${v}%`);
  });
  return lines.join('\n');
}

const NO_RESULT = 'ยังไม่มีผลการดำเนินการ';
const NO_EVIDENCE = 'ยังไม่มีหลักฐาน';

/** The result as written, or that there is none yet (a generic phrase or the plan's text is quoted). */
function resultCell(m: MeasureRow): string {
  if (!missingOutcome(m).result) return m.result;
  return m.result.trim() ? `${NO_RESULT} (ระบุไว้ว่า “${m.result.trim()}”)` : NO_RESULT;
}

/** The evidence cell: each link on its line, after its label; text that is not a link as it is. */
function evidenceCell(m: MeasureRow): { text: string; urls: string[] } {
  if (m.links.length === 0) return { text: m.evidence || NO_EVIDENCE, urls: [] };
  return {
    text: m.links.map((l) => (l.label ? `${l.label}\n${l.url}` : l.url)).join('\n'),
    urls: m.links.map((l) => l.url),
  };
}

function measureRow(x: MeasureFollowUp, rounds: readonly FollowUpRound[]): TableRowModel {
  const m = x.measure;
  const evidence = evidenceCell(m);
  const next = [m.problems && `ปัญหาและอุปสรรค: ${m.problems}`, m.nextStep && `การดำเนินการต่อไป: ${m.nextStep}`];
  return {
    cells: [
      `${measureName(m)}\nผู้รับผิดชอบ ${m.responsible || 'ไม่ระบุ'}`,
      progressCell(x, rounds),
      resultCell(m),
      evidence.text,
      next.filter(Boolean).join('\n') || '–',
    ],
    links: evidence.urls.map((url) => ({ cell: 3, url })),
  };
}

/** ๕. Each measure of the plan by indicator: state and progress, result, evidence, problems and next step. */
function byMeasure(w: ReportWriter, ctx: ResultsContext): void {
  w.heading(1, '5. ผลการดำเนินการรายมาตรการ');
  if (ctx.items.length === 0) {
    w.missing('ยังไม่มีมาตรการในแท็บ มาตรการ');
    return;
  }
  const rows: TableRowModel[] = [];
  const group = (text: string) => rows.push({ cells: [text, '', '', '', ''], group: true, bold: true });
  for (const x of ctx.inds) {
    const mine = ctx.items.filter((i) => i.measure.indicator === x.ind.number);
    if (mine.length === 0) continue;
    group(`ตัวชี้วัดที่ ${x.ind.number} ${x.ind.name}`);
    rows.push(...mine.map((i) => measureRow(i, ctx.rounds)));
  }
  const others = ctx.items.filter((i) => !ctx.inds.some((x) => x.ind.number === i.measure.indicator));
  if (others.length > 0) {
    group('มาตรการอื่น ๆ');
    rows.push(...others.map((i) => measureRow(i, ctx.rounds)));
  }
  w.table(
    `ผลการดำเนินการรายมาตรการ ณ วันที่ ${ctx.asOf}`,
    [
      'มาตรการ/โครงการ/กิจกรรม',
      'สถานะและความคืบหน้า',
      'ผลการดำเนินการเทียบกับเป้าหมาย',
      'หลักฐาน',
      'ปัญหาอุปสรรคและการดำเนินการต่อไป',
    ],
    rows,
    { widths: [26, 15, 21, 20, 18], dense: true },
  );
  toFill(w, ctx);
}

/**
 * The measures under way or done whose result or evidence is still missing (missingOutcome), listed as
 * "ยังไม่มีผล/หลักฐาน" for their divisions to fill in the measures tab; those not started are in section 4.
 */
function toFill(w: ReportWriter, ctx: ResultsContext): void {
  const lacking = ctx.items
    .filter((x) => x.state !== 'not-started')
    .map((x) => ({ x, missing: missingOutcome(x.measure) }))
    .filter(({ missing }) => missing.result || missing.evidence);
  if (lacking.length === 0) return;
  w.lead(
    `มาตรการที่ดำเนินการแล้วแต่ยังไม่มีผล/หลักฐาน ${lacking.length} มาตรการ (ผลการดำเนินการที่ว่าง ซ้ำกับแผน หรือเป็นข้อความทั่วไป เช่น “ดำเนินการตามแผนรายไตรมาส” นับว่ายังไม่มีผล) ขอให้หน่วยงานที่รับผิดชอบกรอกในแท็บ มาตรการ ดังนี้`,
  );
  w.table(
    'มาตรการที่ยังไม่มีผล/หลักฐาน',
    ['มาตรการ/โครงการ/กิจกรรม', 'ผู้รับผิดชอบ', 'ยังไม่มี'],
    lacking.map(({ x, missing }) => ({
      cells: [
        measureName(x.measure),
        x.measure.responsible || 'ไม่ระบุ',
        [missing.result && 'ผลการดำเนินการ', missing.evidence && 'หลักฐาน'].filter(Boolean).join(' และ '),
      ],
    })),
    { widths: [52, 24, 24], dense: true },
  );
}

function approval(w: ReportWriter, ctx: ResultsContext): void {
  const date = ctx.settings?.resultsDate;
  signatures(
    w,
    ctx,
    `จึงเรียนมาเพื่อโปรดทราบผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ${ctx.reportYear} และพิจารณาอนุมัติให้เผยแพร่ต่อสาธารณะ`,
    date ? thaiDate(date.day, date.month, date.yearBE, false) : null,
  );
}
