import { type Analysis, itemTopic, type YearAnalysis } from '../analysis/analyze';
import { delta } from '../analysis/json';
import { Exact, published } from '../decimal';
import { type IndicatorDef, indicatorOfItem } from '../frameworks';
import {
  cellText,
  changeWord,
  fiscalYearPeriod,
  formatScore,
  thaiDigitsInText,
  toArabicDigits,
} from '../thai';
import type { Division, Recommendation, SheetData } from '../workbook/reader';
import { parseItemId } from '../workbook/reader';
import { COLUMNS, matchesAlias, TABS } from '../workbook/schema';
import { libraryWith, type MeasureTemplate, maintainMeasure } from './library';
import { fingerprint } from './tab';

export interface GeneratedMeasure {
  /** Stable across regenerations: `<assessed year>-<indicator>-<library id>`. */
  id: string;
  indicator: number;
  title: string;
  analysis: string;
  steps: string;
  period: string;
  responsible: string;
  /** Division codes that own the row (their e-mails may edit it). */
  owners: string[];
  kind: 'improve' | 'maintain';
  /** A milestone for each quarter of the fiscal year, from the steps. */
  milestones: string[];
}

/**
 * A milestone a quarter from the numbered steps: one step a quarter for the first two, the rest in the third,
 * and the fourth for checking the result, so that no measure is "the whole fiscal year" alone.
 */
export function quarterMilestones(steps: readonly string[], t: (text: string) => string): string[] {
  const carryOn = 'ดำเนินการต่อเนื่องตามขั้นตอนก่อนหน้า';
  return [
    steps[0] ?? carryOn,
    steps[1] ?? carryOn,
    steps.slice(2).join('\n') || carryOn,
    'ติดตามและประเมินผลการดำเนินการ สรุปรายงานผู้บริหาร',
  ].map(t);
}

/** Measures users keep in the `คลังมาตรการ` tab; they come before the built-in ones. */
export function readUserLibrary(sheets: readonly SheetData[]): MeasureTemplate[] {
  const sheet = sheets.find((s) => matchesAlias(s.name, TABS.library));
  if (!sheet) return [];
  const headerRow = sheet.values.findIndex((row) => row.some((c) => cellText(c) !== ''));
  if (headerRow < 0) return [];
  const header = sheet.values[headerRow];
  const col = (aliases: readonly string[]) => header.findIndex((h) => matchesAlias(h, aliases));
  const c = Object.fromEntries(Object.entries(COLUMNS.library).map(([k, v]) => [k, col(v)])) as Record<
    keyof typeof COLUMNS.library,
    number
  >;
  if (c.title < 0 || c.indicator < 0) return [];
  const out: MeasureTemplate[] = [];
  sheet.values.slice(headerRow + 1).forEach((row, i) => {
    const title = cellText(row[c.title]);
    const indicator = Number(toArabicDigits(cellText(row[c.indicator])).replace(/\D+/g, ''));
    if (!title || !indicator) return;
    const items =
      c.items < 0
        ? []
        : cellText(row[c.items])
            .split(/[,\s]+/)
            .map(parseItemId)
            .filter(Boolean);
    const steps =
      c.steps < 0
        ? []
        : String(row[c.steps] ?? '')
            .split(/\n+/)
            .map((s) => s.trim())
            .filter(Boolean);
    out.push({
      id: (c.id >= 0 && cellText(row[c.id])) || `user${headerRow + i + 2}`,
      indicator,
      items: items.map((x) => (x as { id: string }).id),
      title,
      steps,
      owners:
        c.owners < 0
          ? []
          : cellText(row[c.owners])
              .split(/[,\s]+/)
              .filter(Boolean),
      kind: items.length > 0 ? 'improve' : 'maintain',
    });
  });
  return out;
}

/** Division codes for a measure: those whose name or code holds one of its owner words, else all of them. */
function ownersOf(template: MeasureTemplate, divisions: readonly Division[]): string[] {
  const matched = divisions.filter((d) =>
    template.owners.some((w) => d.code === w || d.name.includes(w) || (w.endsWith('.') && d.code === w)),
  );
  return (matched.length > 0 ? matched : divisions).map((d) => d.code);
}

function responsibleText(owners: string[]): string {
  if (owners.length === 0) return 'ทุกหน่วยงานภายใน';
  return owners.join(', ');
}

function recommendationsFor(
  recs: readonly Recommendation[],
  current: YearAnalysis,
  indicator: number,
): { rec: Recommendation; items: string[] }[] {
  const f = current.framework;
  const tool = f.indicators.find((i) => i.number === indicator)?.tool;
  const out: { rec: Recommendation; items: string[] }[] = [];
  for (const rec of recs) {
    if (rec.year !== null && rec.year !== current.year) continue;
    if (rec.items.length === 0) {
      if (rec.tool === tool) out.push({ rec, items: [] });
      continue;
    }
    const items = rec.items.filter((id) => indicatorOfItem(f, id)?.number === indicator);
    if (items.length > 0) out.push({ rec, items });
  }
  return out;
}

/** The measures the analysis calls for: at least one a indicator, improvement first, else maintain-level. */
export function generateMeasures(
  analysis: Analysis,
  userLibrary: readonly MeasureTemplate[] = [],
  thaiDigits = analysis.workbook.settings?.thaiDigits ?? true,
): GeneratedMeasure[] {
  const current = analysis.current;
  if (!current) return [];
  const t = (text: string) => (thaiDigits ? thaiDigitsInText(text) : text);
  const ctx: IndicatorContext = {
    analysis,
    current,
    n: (v: number | null) => formatScore(v, thaiDigits),
    topic: (id: string) => itemTopic(analysis, id),
    library: libraryWith(userLibrary),
  };
  const period = fiscalYearPeriod(current.year + 1, thaiDigits);
  const wb = analysis.workbook;
  const out: GeneratedMeasure[] = [];
  for (const ind of current.framework.indicators) {
    const recs = recommendationsFor(wb.recommendations, current, ind.number);
    for (const { template, items } of templatesFor(ctx, ind, recs)) {
      const owners =
        template.owners.length > 0 && template.owners.every((o) => wb.divisions.some((d) => d.code === o))
          ? template.owners
          : ownersOf(template, wb.divisions);
      const steps = template.steps.map((s, i) => `${ind.number}.${i + 1} ${s}`);
      out.push({
        id: `${current.year}-${ind.number}-${template.id}`,
        indicator: ind.number,
        title: template.title,
        analysis: t(analysisLines(ctx, ind, recs, template, items).join('\n')),
        steps: t(steps.join('\n')),
        milestones: quarterMilestones(steps, t),
        period,
        responsible: responsibleText(owners),
        owners,
        kind: items.length > 0 ? 'improve' : 'maintain',
      });
    }
  }
  out.push(...commentMeasures(analysis, t, period));
  return out;
}

interface IndicatorContext {
  analysis: Analysis;
  current: YearAnalysis;
  n: (v: number | null) => string;
  topic: (id: string) => string;
  library: readonly MeasureTemplate[];
}

type Answered = ReturnType<typeof recommendationsFor>;

/** The measures an indicator needs: one a library entry answering its weak or recommended items, else maintain. */
function templatesFor(
  ctx: IndicatorContext,
  ind: IndicatorDef,
  recs: Answered,
): { template: MeasureTemplate; items: string[] }[] {
  const weak = ctx.analysis.weakest.filter((w) => w.indicator === ind.number);
  const needItems = [...new Set([...weak.map((w) => w.item), ...recs.flatMap((r) => r.items)])].sort(
    (a, b) => ind.items.indexOf(a) - ind.items.indexOf(b),
  );
  const templates: { template: MeasureTemplate; items: string[] }[] = [];
  for (const item of needItems) {
    const template =
      ctx.library.find((m) => m.indicator === ind.number && m.items.includes(item)) ??
      ({
        id: `item-${item}`,
        indicator: ind.number,
        items: [item],
        title: `มาตรการยกระดับผลการประเมินข้อ ${item}${ctx.topic(item) ? ` (${ctx.topic(item)})` : ''}`,
        steps: [
          `วิเคราะห์สาเหตุที่ข้อ ${item} ได้คะแนนต่ำกว่าข้ออื่น`,
          // Only a recommendation that was given is followed.
          recs.some((r) => r.items.includes(item))
            ? 'ดำเนินการตามข้อเสนอแนะของผู้ตรวจประเมิน'
            : `กำหนดแนวทางแก้ไขข้อ ${item} จากสาเหตุที่พบ และมอบหมายผู้รับผิดชอบ`,
          'ติดตามและรายงานผลต่อผู้บริหารเป็นรายไตรมาส',
        ],
        owners: [],
        kind: 'improve',
      } satisfies MeasureTemplate);
    const existing = templates.find((x) => x.template.id === template.id);
    if (existing) existing.items.push(item);
    else templates.push({ template, items: [item] });
  }
  if (templates.length === 0) {
    const maintain =
      ctx.library.find((m) => m.indicator === ind.number && m.items.length === 0) ??
      maintainMeasure(ind.number, ind.name);
    templates.push({ template: maintain, items: [] });
  }
  return templates;
}

/**
 * The analysis column: the indicator's score and change, each item's scores (EIT parts side by side), the
 * recommendations it answers (referred to: their text is printed once, in part 3.1 of the report), and a
 * verdict only where item scores show it.
 */
function analysisLines(
  ctx: IndicatorContext,
  ind: IndicatorDef,
  recs: Answered,
  template: MeasureTemplate,
  items: string[],
): string[] {
  const { current, n } = ctx;
  const previous = ctx.analysis.previous;
  const score = current.indicators.get(ind.number)?.value ?? null;
  const change = delta(score, previous?.indicators.get(ind.number)?.value);
  let head =
    score === null
      ? `ตัวชี้วัดที่ ${ind.number} ${ind.name} ยังไม่มีคะแนน จึงยังไม่ได้วิเคราะห์`
      : `จากการวิเคราะห์ผลการประเมิน ITA ตัวชี้วัดที่ ${ind.number} ${ind.name} ได้ ${n(published(score))} คะแนน`;
  if (change !== null && previous) {
    head +=
      change === 0
        ? ` เท่าเดิมจากปี ${previous.year}`
        : ` ${changeWord(change)} ${n(Math.abs(change))} คะแนนจากปี ${previous.year}`;
  }
  const lines = [head];
  for (const item of items) {
    const scores = ctx.analysis.weakest.filter((w) => w.item === item);
    const given = [...current.items.entries()]
      .filter(([k]) => k === item || k.startsWith(`${item}.`))
      .sort(([a], [b]) => a.localeCompare(b));
    const figures = given.map(
      ([k, f]) => `${n(published(f.value))}${k.includes('.') ? ` (ส่วนที่ ${k.split('.')[1]})` : ''}`,
    );
    const below =
      scores.length === 0
        ? ''
        : scores.some((w) => w.score.compare(Exact.ZERO) === 0)
          ? ' เป็นข้อบกพร่อง (ได้ 0 คะแนน)'
          : ' ต่ำกว่าค่าเฉลี่ยของแบบวัด';
    const label = `- ข้อ ${item}${ctx.topic(item) ? ` ${ctx.topic(item)}` : ''}`;
    lines.push(`${label}${figures.length > 0 ? ` ได้ ${figures.join(' และ ')} คะแนน` : ''}${below}`);
  }
  const answered = recs.filter((r) =>
    items.length === 0 ? r.items.length === 0 : r.items.some((i) => items.includes(i)),
  );
  const named = [...new Set(answered.flatMap(({ rec }) => rec.items.filter((i) => items.includes(i))))];
  if (answered.length > 0)
    lines.push(
      `- ตอบข้อเสนอแนะของผู้ตรวจประเมิน${named.length ? `ต่อข้อ ${named.join(', ')}` : 'ต่อแบบวัด'} (ตาม 3.1 ของรายงาน)`,
    );
  const itemScores = ind.items.some((id) =>
    [...current.items.keys()].some((k) => k === id || k.startsWith(`${id}.`)),
  );
  if ((template.kind === 'maintain' || items.length === 0) && itemScores)
    lines.push('- ไม่พบข้อบกพร่องที่ต้องแก้ไข ต้องรักษาระดับ');
  else if (items.length === 0 && score !== null) lines.push('- ไม่มีคะแนนรายข้อ จึงยังระบุข้อบกพร่องไม่ได้');
  return lines;
}

/** Words by which a stakeholder comment asks for something to change, rather than praising. */
const ASKS = /ควร|ต้องการให้|ยังไม่|ขาด|ไม่ชัดเจน|ล่าช้า|ไม่สะดวก|ไม่เพียงพอ|เพิ่มความ/;

/**
 * A measure for each stakeholder comment (`ความคิดเห็น`) that points at a problem, under the indicator its
 * topic names (the comment's own tool first), as the sample's author did by hand.
 */
function commentMeasures(
  analysis: Analysis,
  t: (text: string) => string,
  period: string,
): GeneratedMeasure[] {
  const current = analysis.current as YearAnalysis;
  const indicators = current.framework.indicators;
  const out: GeneratedMeasure[] = [];
  for (const c of analysis.workbook.comments) {
    if ((c.year !== null && c.year !== current.year) || !ASKS.test(c.text)) continue;
    const named = (list: typeof indicators) => list.find((i) => `${c.topic} ${c.text}`.includes(i.name));
    const ind =
      named(indicators.filter((i) => i.tool === c.tool)) ??
      named(indicators) ??
      indicators.find((i) => i.tool === c.tool);
    if (!ind) continue;
    const who = c.tool === 'IIT' ? 'ภายใน' : 'ภายนอก';
    const ask = c.text.split(/\s+(?=ทั้งนี้|โดย|และเจ้าหน้าที่|ควร)/).find((part) => ASKS.test(part)) ?? c.text;
    const topic = c.topic.replace(/^ด้าน/, '');
    const steps = [
      `ประชุมหน่วยงานที่เกี่ยวข้องเพื่อวิเคราะห์ประเด็นที่ผู้มีส่วนได้ส่วนเสีย${who}สะท้อน และกำหนดสิ่งที่จะปรับปรุง`,
      'ดำเนินการปรับปรุงและแจ้งผลให้ผู้มีส่วนได้ส่วนเสียทราบ',
      'ติดตามความคิดเห็นในการสำรวจครั้งถัดไปและรายงานผู้บริหาร',
    ].map((step, i) => `${ind.number}.${i + 1} ${step}`);
    out.push({
      id: `${current.year}-${ind.number}-comment-${fingerprint(`${c.tool}${c.topic}${c.text}`)}`,
      indicator: ind.number,
      title: `มาตรการตอบความคิดเห็นของผู้มีส่วนได้ส่วนเสีย${who}${topic ? ` ด้าน${topic}` : ''}`,
      analysis: t(
        `ความคิดเห็นของผู้มีส่วนได้ส่วนเสีย${who} (${c.tool}${c.topic ? ` ${c.topic}` : ''}): ${ask.trim()}`,
      ),
      steps: t(steps.join('\n')),
      milestones: quarterMilestones(steps, t),
      period,
      responsible: responsibleText(analysis.workbook.divisions.map((d) => d.code)),
      owners: analysis.workbook.divisions.map((d) => d.code),
      kind: 'improve',
    });
  }
  return out;
}
