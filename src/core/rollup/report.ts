import { Exact, hundredths, mean as meanOf, published } from '../decimal';
import { errorFindings } from '../findings';
import type { ToolKey } from '../frameworks/types';
import { asText } from '../measures/tab';
import { score, toolLabel } from '../report/context';
import type { ReportModel } from '../report/model';
import { signatures } from '../report/sections/signoff';
import { ReportWriter, type TableRowModel } from '../report/writer';
import { BE_OFFSET, formatDelta, thaiDate } from '../thai';
import { AGENCY_TYPE_ABBREVIATIONS } from '../workbook/schema';
import {
  type AgencyChange,
  type AgencyYear,
  byWeakness,
  isBelow85,
  type Rollup,
  type Stats,
  UNKNOWN_LEVEL,
} from './analyze';
import { attentionOf } from './follow-up';

export const ROLLUP_TITLE = 'รายงานภาพรวมผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)';
/** The tab of the spreadsheet that holds every agency, which the report points to. */
export const OVERVIEW_TAB = 'ภาพรวมหน่วยงาน';
const UNKNOWN_WORD = 'ไม่ทราบระดับ';

/**
 * How many rows a list of the report holds at most: the report stays within 40 pages whatever the number of
 * agencies; every agency is in the overview tab.
 */
export const LIMITS = { below85: 60, levelDown: 40, drops: 15, groups: 40, types: 20, top: 10 };

export interface RollupReportInput {
  rollup: Rollup;
  today: Date;
  unconfirmed?: boolean;
}

interface Ctx {
  r: Rollup;
  cur: NonNullable<Rollup['current']>;
  prev: Rollup['previous'];
  scope: string;
  more: (shown: number, all: number) => void;
}

const word = (level: string) => (level === UNKNOWN_LEVEL ? UNKNOWN_WORD : level);
const pct = (n: number, of: number) => (of === 0 ? '0.0' : ((n / of) * 100).toFixed(1));
const SHORT_TYPES = new Map(Object.entries(AGENCY_TYPE_ABBREVIATIONS).map(([short, full]) => [full, short]));
/** An agency's type in a narrow column: its common abbreviation where it has one (`typeLegend` says them). */
const shortType = (type: string) => SHORT_TYPES.get(type) ?? (type || '–');

/** The abbreviations the agencies' tables use, said once: "อบต. = องค์การบริหารส่วนตำบล, …"; null for none. */
function typeLegend(agencies: AgencyYear[]): string | null {
  const used = [...new Set(agencies.map((a) => a.type))].filter((t) => SHORT_TYPES.has(t));
  if (used.length === 0) return null;
  return `ประเภทหน่วยงานในตารางใช้อักษรย่อ ได้แก่ ${used.map((t) => `${SHORT_TYPES.get(t)} = ${t}`).join(', ')}`;
}

/** Agencies' rows, the lowest total first (an agency without a total keeps its place). */
const lowestTotalFirst = (a: { agency: AgencyYear }, b: { agency: AgencyYear }) =>
  a.agency.total && b.agency.total ? a.agency.total.compare(b.agency.total) : 0;
const name = (a: AgencyYear) => `${a.agency}${a.group ? ` (${a.group})` : ''}`;

/** The roll-up report (docs/report.md): one coordinator's agencies, in the o25 report's official form. */
export function buildRollupReport(input: RollupReportInput): ReportModel {
  const r = input.rollup;
  if (!r.current) throw new Error('The roll-up report needs the assessed year.');
  const w = new ReportWriter(r.settings?.thaiDigits ?? true);
  const ctx: Ctx = {
    r,
    cur: r.current,
    prev: r.previous,
    scope: r.scope || r.coordinator,
    more: (shown, all) => {
      if (all > shown)
        w.paragraph(`แสดง ${shown} จาก ${all} หน่วยงาน รายชื่อทั้งหมดอยู่ในแท็บ “${OVERVIEW_TAB}” ของสเปรดชีต`);
    },
  };
  title(w, ctx, input);
  summary(w, ctx);
  byType(w, ctx);
  attention(w, ctx);
  indicators(w, ctx);
  ranking(w, ctx);
  followUp(w, ctx);
  const date = r.settings?.reportDate;
  signatures(
    w,
    { settings: r.settings },
    `จึงเรียนมาเพื่อโปรดทราบและพิจารณาแนวทางการติดตามหน่วยงานที่ควรให้ความสำคัญตามรายงานฉบับนี้`,
    date ? thaiDate(date.day, date.month, date.yearBE, false) : null,
  );
  return {
    name: `${ROLLUP_TITLE} ${ctx.scope} ปีงบประมาณ พ.ศ. ${ctx.cur.year}`,
    thaiDigits: w.thai,
    draft: false,
    blocks: w.blocks,
    unconfirmed: input.unconfirmed ?? false,
  };
}

function title(w: ReportWriter, ctx: Ctx, input: RollupReportInput): void {
  const s = ctx.r.settings;
  w.title(ROLLUP_TITLE);
  w.center(ctx.scope, true);
  w.center(`ประจำปีงบประมาณ พ.ศ. ${ctx.cur.year}`, true);
  // The division that prepared it, then its office (the settings' หน่วยงาน), unless the one already names the other.
  const office = ctx.r.coordinator;
  const by =
    s?.preparedBy && office && !s.preparedBy.includes(office)
      ? `${s.preparedBy} ${office}`
      : s?.preparedBy || office;
  w.center(`จัดทำโดย ${by}`);
  const d = s?.reportDate;
  const t = input.today;
  w.center(
    d
      ? `วันที่ ${thaiDate(d.day, d.month, d.yearBE, false)}`
      : `จัดทำเมื่อวันที่ ${thaiDate(t.getDate(), t.getMonth() + 1, t.getFullYear() + BE_OFFSET, false)}`,
  );
  if (input.unconfirmed) {
    const n = errorFindings(ctx.r.findings).length;
    w.center(`ฉบับยังไม่ยืนยันข้อมูล: ข้อมูลมีข้อผิดพลาด ${n} รายการ โปรดแก้ไขก่อนเผยแพร่`, true);
  }
}

const passed = (s: Stats) => s.withTotal - s.below85.length;

/** ๑ สรุปผล: how many, how many passed, the mean and its change; the levels by year as a table and a chart. */
function summary(w: ReportWriter, ctx: Ctx): void {
  const { cur, prev } = ctx;
  w.heading(1, '1. สรุปผลการประเมิน');
  const totals = cur.withTotal === cur.agencies ? '' : `มีผลคะแนนรวม ${cur.withTotal} หน่วยงาน `;
  const before = prev?.withTotal ? passRateChange(cur, prev) : '';
  let text =
    `ในปีงบประมาณ พ.ศ. ${cur.year} หน่วยงานใน${ctx.scope}ได้รับการประเมิน ITA จำนวน ${cur.agencies} หน่วยงาน ` +
    `${totals}ผ่านเกณฑ์ (๘๕ คะแนนขึ้นไป) ${passed(cur)} หน่วยงาน ` +
    `คิดเป็นร้อยละ ${pct(passed(cur), cur.withTotal)}${before} และมีหน่วยงานที่ได้ต่ำกว่า ๘๕ คะแนน ` +
    `${cur.below85.length} หน่วยงาน${prev?.withTotal ? ` (ปี ${prev.year} ${prev.below85.length} หน่วยงาน)` : ''} ` +
    `คะแนนเฉลี่ย ${score(cur.mean)} คะแนน มัธยฐาน ${score(cur.median)} คะแนน`;
  if (prev?.mean && cur.mean) text += ` ${meanChange(ctx, prev)}`;
  w.paragraph(text);
  if (prev) {
    const moved = moves(ctx, prev);
    if (moved) w.paragraph(moved);
  }
  const rule = levelRuleText(
    cur,
    ctx.r.years.filter((y) => y.year <= cur.year),
  );
  if (rule) w.paragraph(rule);
  const years = ctx.r.years.filter((y) => y.year <= cur.year).slice(-4);
  const levels = cur.levels.map(([l]) => l).filter((l) => years.some((y) => count(y, l) > 0));
  w.table(
    `จำนวนหน่วยงานจำแนกตามระดับผลการประเมิน ${ctx.scope}`,
    ['ระดับ', ...years.map((y) => `ปี ${y.year}`)],
    [
      ...levels.map((l) => ({ cells: [word(l), ...years.map((y) => String(count(y, l)))] })),
      { cells: ['รวม', ...years.map((y) => String(y.agencies))], bold: true },
      { cells: ['คะแนนเฉลี่ย', ...years.map((y) => score(y.mean))] },
      ...(belowRepeatsALevel(years, levels)
        ? []
        : [{ cells: ['ต่ำกว่า 85 คะแนน', ...years.map((y) => String(y.below85.length))] }]),
    ],
    { widths: [40, ...years.map(() => 60 / years.length)] },
  );
  w.chart({
    id: 'levels',
    caption: `จำนวนหน่วยงานจำแนกตามระดับผลการประเมิน รายปี ${ctx.scope}`,
    type: 'COLUMN',
    data: [
      ['ระดับ', ...years.map((y) => `ปี ${y.year}`)],
      ...levels.map((l) => [word(l), ...years.map((y) => count(y, l))]),
    ],
    thresholds: [],
    axisTitle: 'จำนวนหน่วยงาน',
    counts: true,
  });
  toolMeans(w, ctx, years);
}

const TOOL_ORDER: ToolKey[] = ['IIT', 'EIT', 'EIT1', 'EIT2', 'OIT'];
const B100 = BigInt(100);

/** The mean of each tool by year, where the tab gives tools: where the agencies are weakest, IIT, EIT or OIT. */
function toolMeans(w: ReportWriter, ctx: Ctx, years: Rollup['years']): void {
  // The mean of the published tool scores, once for each year and tool (asked for up to three times).
  const means = new Map<string, Exact | null>();
  const mean = (y: Rollup['years'][number], key: ToolKey): Exact | null => {
    const id = `${y.year} ${key}`;
    if (!means.has(id)) {
      const values: Exact[] = [];
      for (const a of y.ranked) {
        const v = a.tools[key];
        if (v) values.push(Exact.of(hundredths(v), B100));
      }
      means.set(id, meanOf(values));
    }
    return means.get(id) ?? null;
  };
  // The tools the years' frameworks weigh (an EIT column beside its two parts is no tool of 2568).
  const keys = TOOL_ORDER.filter(
    (k) => years.some((y) => y.framework.weights[k] !== undefined) && years.some((y) => mean(y, k) !== null),
  );
  if (keys.length === 0) return;
  w.table(
    `คะแนนเฉลี่ยรายเครื่องมือ ${ctx.scope}`,
    ['เครื่องมือ', ...years.map((y) => `ปี ${y.year}`)],
    keys.map((k) => ({ cells: [toolLabel(k), ...years.map((y) => score(mean(y, k)))] })),
    { widths: [40, ...years.map(() => 60 / years.length)] },
  );
}

/**
 * The mean's change from the year before, in words, and, where the two years did not assess the same
 * agencies, how many each year had and how many both: a mean over other agencies is not the same measure.
 */
function meanChange(ctx: Ctx, prev: NonNullable<Rollup['previous']>): string {
  const { cur } = ctx;
  const d = published((cur.mean as Exact).round(2).sub((prev.mean as Exact).round(2))) as number;
  const was = `ปีงบประมาณ พ.ศ. ${prev.year} (เฉลี่ย ${score(prev.mean)} คะแนน)`;
  let text =
    d === 0
      ? `คะแนนเฉลี่ยเท่ากับ${was}`
      : `คะแนนเฉลี่ย${d > 0 ? 'เพิ่มขึ้น' : 'ลดลง'} ${Math.abs(d).toFixed(2)} คะแนน จาก${was}`;
  const both = ctx.r.changes.length;
  if (prev.agencies !== cur.agencies || both !== cur.agencies) {
    text +=
      ` ทั้งนี้ ปี ${prev.year} มีผล ${prev.agencies} หน่วยงาน ปี ${cur.year} มีผล ${cur.agencies} หน่วยงาน ` +
      `และมีผลทั้งสองปี ${both} หน่วยงาน`;
    const same = sameAgenciesChange(ctx);
    if (same !== null)
      text += ` เมื่อเทียบเฉพาะหน่วยงานที่มีผลทั้งสองปี คะแนนเฉลี่ย${same > 0 ? `เพิ่มขึ้น ${same.toFixed(2)}` : same < 0 ? `ลดลง ${Math.abs(same).toFixed(2)}` : 'เท่าเดิม'}${same === 0 ? '' : ' คะแนน'}`;
  }
  return text;
}

/** The pass rate against the year before's, in words: " ลดลงจากร้อยละ 83.1 ในปี 2567". */
function passRateChange(cur: Stats & { year: number }, prev: Stats & { year: number }): string {
  const now = pct(passed(cur), cur.withTotal);
  const then = pct(passed(prev), prev.withTotal);
  const way = Number(now) > Number(then) ? 'เพิ่มขึ้นจาก' : Number(now) < Number(then) ? 'ลดลงจาก' : 'เท่ากับ';
  return ` ${way}ร้อยละ ${then} ในปี ${prev.year}`;
}

/** How many agencies moved a level and how many totals rose or fell, of those assessed both years. */
function moves(ctx: Ctx, prev: NonNullable<Rollup['previous']>): string {
  const changes = ctx.r.changes;
  if (changes.length === 0) return '';
  const n = (keep: (c: AgencyChange) => boolean) => changes.filter(keep).length;
  const sign = (c: AgencyChange) => (c.delta ? c.delta.compare(Exact.ZERO) : Number.NaN);
  return (
    `เทียบกับปี ${prev.year} ระดับเพิ่มขึ้น ${n((c) => c.levelMove > 0)} หน่วยงาน ระดับลดลง ${n((c) => c.levelMove < 0)} หน่วยงาน ` +
    `คะแนนรวมเพิ่มขึ้น ${n((c) => sign(c) > 0)} หน่วยงาน ลดลง ${n((c) => sign(c) < 0)} หน่วยงาน เท่าเดิม ${n((c) => sign(c) === 0)} หน่วยงาน`
  );
}

/** The mean change of the agencies with a total in both years (the published totals), or null without any. */
function sameAgenciesChange(ctx: Ctx): number | null {
  const deltas = ctx.r.changes.flatMap((c) => (c.delta ? [c.delta] : []));
  if (deltas.length === 0) return null;
  return published((meanOf(deltas) as Exact).round(2)) as number;
}

/** The year's level rule in words, from the framework (a year whose rule is not established gets none). */
function levelRuleText(year: NonNullable<Rollup['current']>, years: Rollup['years']): string | null {
  const scale = year.framework.levels;
  if (scale.rules.length === 0 || !scale.below) return null;
  const byTools = scale.rules.some((r) => r.minEveryTool);
  const rules = scale.rules.map((r, i) => {
    // A rule after one with the same total and a tools' bar holds where some tool is below that bar.
    const above = scale.rules.slice(0, i).find((x) => x.minTotal === r.minTotal && x.minEveryTool);
    const tools = r.minEveryTool
      ? ` และทุกเครื่องมือตั้งแต่ ${r.minEveryTool}`
      : above
        ? ` แต่มีเครื่องมือใดต่ำกว่า ${above.minEveryTool}`
        : '';
    return `ระดับ${r.label} คะแนนรวมตั้งแต่ ${r.minTotal}${tools}`;
  });
  const lowest = Math.min(...scale.rules.map((r) => r.minTotal));
  const same = JSON.stringify(scale.rules);
  const yearsOf = thaiList(
    years.filter((y) => JSON.stringify(y.framework.levels.rules) === same).map((y) => String(y.year)),
  );
  const names = thaiList(scale.toolsTested.map(toolLabel));
  const computed = years.every((y) => y.ranked.every((a) => a.levelSource !== 'given'))
    ? ' ระดับในรายงานนี้คำนวณจากคะแนนตามเกณฑ์ดังกล่าว เนื่องจากข้อมูลที่ได้รับไม่มีระดับที่สำนักงาน ป.ป.ช. ประกาศ'
    : '';
  return (
    `ระดับผลการประเมินปี ${yearsOf} พิจารณาจาก${byTools ? `คะแนนรวมและคะแนนรายเครื่องมือ (${names})` : 'คะแนนรวม'} ` +
    `ดังนี้ ${rules.join(' ')} และระดับ${scale.below.label} คะแนนรวมต่ำกว่า ${lowest}` +
    (byTools ? ' หน่วยงานที่คะแนนรวมเพิ่มขึ้นจึงอาจมีระดับลดลงได้ เมื่อเครื่องมือใดต่ำกว่าเกณฑ์' : '') +
    computed
  );
}

/** "ก, ข และ ค": a list as Thai writes it. */
function thaiList(items: string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} และ ${items[items.length - 1]}`;
}

/**
 * Whether the count below 85 repeats a level's count in every row (under the 2568 rule ไม่ผ่าน is exactly
 * below 85): the column or row then says nothing new, and is left out.
 */
function belowRepeatsALevel(rows: Stats[], levels: string[]): boolean {
  return levels.some((l) => rows.every((s) => count(s, l) === s.below85.length));
}

function count(s: Stats, level: string): number {
  return s.levels.find(([l]) => l === level)?.[1] ?? 0;
}

function statsRow(label: string, s: Stats, order: string[], below: boolean): TableRowModel {
  return {
    cells: [
      label,
      String(s.agencies),
      score(s.mean),
      ...(below ? [String(s.below85.length)] : []),
      ...order.map((l) => String(count(s, l))),
    ],
  };
}

/** ๒ ผลจำแนกตามประเภทและกลุ่ม. */
function byType(w: ReportWriter, ctx: Ctx): void {
  const { cur } = ctx;
  const order = cur.levels.map(([l]) => l).filter((l) => count(cur, l) > 0);
  const below = !belowRepeatsALevel([cur, ...cur.byType, ...cur.byGroup], order);
  const header = ['', 'จำนวน', 'เฉลี่ย', ...(below ? ['ต่ำกว่า 85'] : []), ...order.map(word)];
  const left = below ? 46 : 55;
  const widths = [26, 9, 10, ...(below ? [9] : []), ...order.map(() => left / Math.max(1, order.length))];
  w.heading(1, '2. ผลการประเมินจำแนกตามประเภทและกลุ่มของหน่วยงาน');
  if (cur.byType.length === 0 && cur.byGroup.length === 0) {
    w.missing('แท็บ ผลหน่วยงาน ไม่มีคอลัมน์ ประเภท หรือ กลุ่ม จึงไม่จำแนก');
    return;
  }
  for (const [list, what, limit] of [
    [cur.byType, 'ประเภท', LIMITS.types],
    [cur.byGroup, 'กลุ่ม', LIMITS.groups],
  ] as const) {
    if (list.length === 0) continue;
    const sorted = [...list].sort((a, b) => (b.mean && a.mean ? b.mean.compare(a.mean) : 0));
    w.table(
      `ผลการประเมินปี ${cur.year} จำแนกตาม${what} (เรียงตามคะแนนเฉลี่ย)`,
      [what, ...header.slice(1)],
      [
        ...sorted.slice(0, limit).map((g) => statsRow(g.name, g, order, below)),
        { ...statsRow('รวม', cur, order, below), bold: true },
      ],
      { widths, dense: true },
    );
    if (sorted.length > limit)
      w.paragraph(`แสดง ${limit} จาก ${sorted.length} ${what} ทั้งหมดอยู่ในแท็บ “${OVERVIEW_TAB}”`);
  }
}

const changeOf = (ctx: Ctx, a: AgencyYear) => ctx.r.changes.find((c) => c.agency === a);

/** ๓ หน่วยงานที่ควรให้ความสำคัญ: below 85, a level lost, the largest drops. */
function attention(w: ReportWriter, ctx: Ctx): void {
  const { cur, prev } = ctx;
  w.heading(1, '3. หน่วยงานที่ควรให้ความสำคัญ');
  const legend = typeLegend(cur.ranked);
  if (legend) w.paragraph(legend);
  const below = [...cur.below85].sort((a, b) => (a.total as Exact).compare(b.total as Exact));
  w.heading(2, `3.1 หน่วยงานที่มีคะแนนต่ำกว่า 85 คะแนน (${below.length} หน่วยงาน)`);
  if (below.length === 0) w.paragraph('ไม่มีหน่วยงานที่มีคะแนนรวมต่ำกว่า ๘๕ คะแนน');
  else {
    w.table(
      `หน่วยงานที่มีคะแนนรวมต่ำกว่า 85 คะแนน ปี ${cur.year} (เรียงจากคะแนนต่ำสุด)`,
      ['หน่วยงาน', 'ประเภท', `ปี ${prev?.year ?? '–'}`, `ปี ${cur.year}`, 'เปลี่ยนแปลง'],
      below.slice(0, LIMITS.below85).map((a) => changeRow(a, changeOf(ctx, a))),
      { widths: [48, 12, 12, 12, 16], dense: true },
    );
    ctx.more(Math.min(below.length, LIMITS.below85), below.length);
  }
  if (!prev) {
    w.missing('ไม่มีผลของปีก่อนหน้า จึงไม่เปรียบเทียบระดับและคะแนนที่ลดลง');
    return;
  }
  const lost = ctx.r.changes.filter((c) => c.levelMove < 0).sort(lowestTotalFirst);
  w.heading(2, `3.2 หน่วยงานที่ระดับผลการประเมินลดลงจากปี ${prev.year} (${lost.length} หน่วยงาน)`);
  if (lost.length === 0) w.paragraph('ไม่มีหน่วยงานที่ระดับผลการประเมินลดลง');
  else {
    w.table(
      `หน่วยงานที่ระดับผลการประเมินลดลง (เรียงจากคะแนนต่ำสุด)`,
      ['หน่วยงาน', `ระดับปี ${prev.year}`, `ระดับปี ${cur.year}`, `คะแนนปี ${cur.year}`, 'คะแนนเปลี่ยนแปลง'],
      lost.slice(0, LIMITS.levelDown).map((c) => ({
        cells: [
          name(c.agency),
          word(c.before.level?.label ?? UNKNOWN_LEVEL),
          word(c.agency.level?.label ?? UNKNOWN_LEVEL),
          score(c.agency.total),
          delta(c),
        ],
      })),
      { widths: [40, 16, 16, 14, 14], dense: true },
    );
    ctx.more(Math.min(lost.length, LIMITS.levelDown), lost.length);
  }
  const drops = ctx.r.changes
    .filter((c) => c.delta && c.delta.compare(Exact.ZERO) < 0)
    .sort((a, b) => (a.delta as Exact).compare(b.delta as Exact))
    .slice(0, LIMITS.drops);
  w.heading(2, '3.3 หน่วยงานที่คะแนนลดลงมากที่สุด');
  if (drops.length === 0) w.paragraph('ไม่มีหน่วยงานที่คะแนนลดลง');
  else
    w.table(
      `หน่วยงานที่คะแนนรวมลดลงมากที่สุด ${drops.length} อันดับแรก เทียบกับปี ${prev.year}`,
      ['หน่วยงาน', 'ประเภท', `ปี ${prev.year}`, `ปี ${cur.year}`, 'เปลี่ยนแปลง'],
      drops.map((c) => changeRow(c.agency, c)),
      { widths: [48, 12, 12, 12, 16], dense: true },
    );
}

const delta = (c: AgencyChange | undefined) => (c?.delta ? formatDelta(published(c.delta), false) : '–');

function changeRow(a: AgencyYear, c: AgencyChange | undefined): TableRowModel {
  return { cells: [name(a), shortType(a.type), score(c?.before.total ?? null), score(a.total), delta(c)] };
}

/** ๔ ตัวชี้วัด: the mean and share below 85 of each, a chart of the weakest, and who is weakest in each. */
function indicators(w: ReportWriter, ctx: Ctx): void {
  const { cur } = ctx;
  w.heading(1, '4. ผลรายตัวชี้วัด');
  if (cur.indicators.length === 0) {
    w.missing('แท็บ ผลหน่วยงาน ไม่มีคะแนนรายตัวชี้วัด (ตัวชี้วัดที่ 1 ถึง 10) จึงไม่วิเคราะห์รายตัวชี้วัด');
    return;
  }
  // Weakest first by the rule that picks the weakest: the share of agencies below 85, then the mean.
  const sorted = [...cur.indicators].sort(byWeakness);
  const without = cur.ranked.filter((a) => a.indicators.size === 0);
  if (without.length > 0) {
    const names = without.length <= 10 ? ` ได้แก่ ${thaiList(without.map(name))}` : '';
    w.paragraph(`หน่วยงานที่ไม่มีคะแนนรายตัวชี้วัด ${without.length} หน่วยงาน จึงไม่นับในผลรายตัวชี้วัด${names}`);
  }
  w.table(
    `ผลรายตัวชี้วัด ปี ${cur.year} (เรียงจากร้อยละของหน่วยงานที่ต่ำกว่า 85 มากที่สุด)`,
    ['ตัวชี้วัด', 'จำนวนหน่วยงาน', 'คะแนนเฉลี่ย', 'จำนวนที่ต่ำกว่า 85', 'ร้อยละของหน่วยงาน'],
    sorted.map((s) => ({
      cells: [
        `${s.indicator}. ${s.name}`,
        String(s.agencies),
        score(s.mean),
        String(s.below85),
        pct(s.below85, s.agencies),
      ],
    })),
    { widths: [46, 14, 12, 14, 14], dense: true },
  );
  const weak = ctx.r.weakestIndicators;
  w.chart({
    id: 'weak-indicators',
    caption: `ร้อยละของหน่วยงานที่ต่ำกว่า 85 คะแนน รายตัวชี้วัด ปี ${cur.year}`,
    type: 'BAR',
    data: [
      ['ตัวชี้วัด', 'ร้อยละของหน่วยงานที่ต่ำกว่า 85'],
      ...sorted.map((s) => [`${s.indicator}. ${s.name}`, Number(pct(s.below85, s.agencies))]),
    ],
    thresholds: [],
    axisTitle: 'ร้อยละของหน่วยงาน',
    // A share is no score: its axis ends at a round number above the largest, where the differences show.
    counts: true,
  });
  w.paragraph(
    `ตารางต่อไปนี้แสดงหน่วยงานที่ได้คะแนนต่ำสุดในตัวชี้วัดที่อ่อนที่สุด ${weak.length} ตัวชี้วัด ` +
      '(ตัวชี้วัดที่มีสัดส่วนหน่วยงานที่ได้ต่ำกว่า 85 คะแนนมากที่สุด)',
  );
  w.table(
    'หน่วยงานที่ได้คะแนนต่ำสุดในตัวชี้วัดที่อ่อนที่สุด',
    ['หน่วยงาน', 'คะแนน'],
    weak.flatMap((s) => [
      {
        cells: [
          `ตัวชี้วัดที่ ${s.indicator} ${s.name} (คะแนนเฉลี่ย ${score(s.mean)}; หน่วยงานต่ำกว่า 85 คะแนน ร้อยละ ${pct(s.below85, s.agencies)})`,
          '',
        ],
        group: true,
      },
      ...s.weakest.map((x) => ({ cells: [name(x.agency), score(x.score)] })),
    ]),
    { widths: [80, 20], dense: true },
  );
}

/** ๕ อันดับ: the highest and the lowest, the whole table pointed to. */
function ranking(w: ReportWriter, ctx: Ctx): void {
  const { cur } = ctx;
  const ranked = cur.ranked.filter((a) => a.total);
  w.heading(1, '5. อันดับผลการประเมิน');
  w.paragraph(
    `ตารางต่อไปนี้แสดงหน่วยงานที่มีคะแนนสูงสุดและต่ำสุด ${Math.min(LIMITS.top, ranked.length)} อันดับ ` +
      `ส่วนผลการประเมินของทุกหน่วยงาน ${cur.agencies} หน่วยงาน พร้อมอันดับ ระดับ การเปลี่ยนแปลง และตัวชี้วัดที่ต่ำกว่า ๘๕ คะแนน อยู่ในแท็บ “${OVERVIEW_TAB}” ของสเปรดชีตที่ใช้จัดทำรายงานนี้`,
  );
  const rows = (list: AgencyYear[]) =>
    list.map((a) => ({
      cells: [
        String(a.rank ?? '–'),
        name(a),
        shortType(a.type),
        score(a.total),
        word(a.level?.label ?? UNKNOWN_LEVEL),
      ],
    }));
  const n = Math.min(LIMITS.top, ranked.length);
  const header = ['อันดับ', 'หน่วยงาน', 'ประเภท', 'คะแนน', 'ระดับ'];
  const widths = [9, 53, 10, 12, 16];
  w.table(`หน่วยงานที่มีคะแนนสูงสุด ${n} อันดับแรก ปี ${cur.year}`, header, rows(ranked.slice(0, n)), {
    widths,
    dense: true,
  });
  if (ranked.length > n)
    w.table(
      `หน่วยงานที่มีคะแนนต่ำสุด ${Math.min(n, ranked.length - n)} อันดับสุดท้าย ปี ${cur.year}`,
      header,
      rows(ranked.slice(Math.max(n, ranked.length - n))),
      { widths, dense: true },
    );
}

/**
 * ๖ แนวทางการติดตาม: the agencies of section 3 counted once each (many are in two or three of its lists), in
 * one table with every reason, and what they are asked to do.
 */
function followUp(w: ReportWriter, ctx: Ctx): void {
  // The lowest total first: those below 85 lead, then those that lost a level or dropped most.
  const rows = attentionOf(ctx.r).sort(lowestTotalFirst);
  w.heading(1, '6. แนวทางการติดตาม');
  if (rows.length === 0) {
    w.paragraph('ไม่มีหน่วยงานที่ต้องติดตามเป็นพิเศษในปีนี้');
    return;
  }
  w.paragraph(
    `หน่วยงานที่ควรให้ความสำคัญตามข้อ 3 รวม ${rows.length} หน่วยงาน (นับหน่วยงานละครั้ง) ` +
      'ควรจัดทำมาตรการปรับปรุงในสิ่งที่ตารางต่อไปนี้ระบุ (คะแนน เครื่องมือ หรือตัวชี้วัดที่ต่ำกว่าเกณฑ์) ' +
      'และรายงานความคืบหน้าพร้อมหลักฐาน',
  );
  w.table(
    `หน่วยงานที่ต้องติดตาม ปี ${ctx.cur.year}`,
    ['หน่วยงาน', 'เหตุที่ต้องติดตาม', 'ตัวชี้วัดที่ต่ำกว่า 85'],
    rows.slice(0, LIMITS.below85).map((x) => ({
      cells: [name(x.agency), thaiList(x.reasons), x.weakIndicators.join(', ') || '–'],
    })),
    { widths: [36, 44, 20], dense: true },
  );
  ctx.more(Math.min(rows.length, LIMITS.below85), rows.length);
}

const SOURCE_WORDS: Record<string, string> = {
  given: 'ตามที่ระบุ',
  computed: 'คำนวณตามเกณฑ์',
  deduced: 'อนุมานตามเกณฑ์',
};

/** The `ภาพรวมหน่วยงาน` tab: every agency of the assessed year, ranked, with its change and weak indicators. */
export function overviewRows(r: Rollup): (string | number)[][] {
  const cur = r.current;
  if (!cur) return [];
  const prev = r.previous;
  const header = [
    'อันดับ',
    'รหัสหน่วยงาน',
    'หน่วยงาน',
    'ประเภท',
    'กลุ่ม',
    ...(prev ? [`คะแนนรวม ${prev.year}`] : []),
    `คะแนนรวม ${cur.year}`,
    ...(prev ? ['เปลี่ยนแปลง', `ระดับ ${prev.year}`] : []),
    `ระดับ ${cur.year}`,
    'ที่มาของระดับ',
    'ต่ำกว่า 85',
    'ตัวชี้วัดที่ต่ำกว่า 85',
    'อีเมล',
  ];
  const changes = new Map(r.changes.map((c) => [c.agency, c]));
  const num = (v: Exact | null | undefined) => published(v ?? null) ?? '';
  const rows: (string | number)[][] = [header];
  for (const a of cur.ranked) {
    const c = changes.get(a);
    const weak: number[] = [];
    for (const [n, v] of a.indicators) if (isBelow85(v)) weak.push(n);
    const row: (string | number)[] = [a.rank ?? '', asText(a.code), asText(a.agency), asText(a.type)];
    row.push(asText(a.group));
    if (prev) row.push(num(c?.before.total));
    row.push(num(a.total));
    if (prev) row.push(c?.delta ? (published(c.delta) as number) : '', c?.before.level?.label ?? '');
    row.push(a.level?.label ?? UNKNOWN_WORD, SOURCE_WORDS[a.levelSource ?? ''] ?? '');
    row.push(isBelow85(a.total) ? 'ใช่' : '', weak.join(', '), a.emails.join(', '));
    rows.push(row);
  }
  return rows;
}
