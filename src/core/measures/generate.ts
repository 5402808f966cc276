import { type Analysis, itemTopic, type YearAnalysis } from '../analysis/analyze';
import { delta } from '../analysis/json';
import { VERDICT_WORDS, type Verdicts, verdicts } from '../analysis/verdict';
import { published } from '../decimal';
import { type Framework, frameworkForYear, type IndicatorDef, indicatorOfItem } from '../frameworks';
import {
  cellText,
  changeWord,
  fiscalYearPeriod,
  formatFixed,
  thaiDigitsInText,
  thaiList,
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
  /** The steps numbered under the measure's public number, one a line (as a fresh tab numbers them). */
  steps: string;
  period: string;
  responsible: string;
  /** Division codes that own the row (their e-mails may edit it). */
  owners: string[];
  kind: 'improve' | 'maintain';
  /** A milestone for each quarter of the fiscal year: the numbered steps, one a quarter. */
  milestones: string[];
  /** One step a quarter, not numbered (digits as the settings ask). */
  stepTexts: string[];
  /** The public number a fresh tab gives it (ม.1 …, its place in the list); a tab keeps the one it stored. */
  number: number;
  thai: boolean;
}

/** The public number as the tab stores it and the reports print it. */
export function publicNumber(n: number): string {
  return `ม.${n}`;
}

/** The steps numbered under a public number: `3.1 …` to `3.4 …`, unique in the report. */
export function numberedSteps(m: GeneratedMeasure, n: number): { steps: string; milestones: string[] } {
  const milestones = m.stepTexts.map((s, i) => {
    const prefix = `${n}.${i + 1}`;
    return `${m.thai ? thaiDigitsInText(prefix) : prefix} ${s}`;
  });
  return { steps: milestones.join('\n'), milestones };
}

/**
 * One step a quarter from a template's steps: the first two in the first two quarters, the rest in the third
 * (else `q3`), and the fourth for the deliverable and its evidence, so that no quarter is filler.
 */
function quarterSteps(
  steps: readonly string[],
  fill: { q1: string; q2: string; q3: string; q4: string },
): string[] {
  return [steps[0] ?? fill.q1, steps[1] ?? fill.q2, steps.slice(2).join(' ') || fill.q3, fill.q4];
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

/** The measures the analysis calls for: at least one a scored indicator, improvement first, else maintain. */
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
    n: (v: number | null) => formatFixed(v, thaiDigits),
    topic: (id: string) => itemTopic(analysis, id),
    library: libraryWith(userLibrary),
    verdicts: verdicts(analysis),
    plan: frameworkForYear(current.year + 1, analysis.frameworks).framework,
    thai: thaiDigits,
  };
  const period = fiscalYearPeriod(current.year + 1, thaiDigits);
  const wb = analysis.workbook;
  const out: Omit<GeneratedMeasure, 'number' | 'steps' | 'milestones'>[] = [];
  for (const ind of current.framework.indicators) {
    const recs = recommendationsFor(wb.recommendations, current, ind.number);
    for (const { template, items } of templatesFor(ctx, ind, recs)) {
      const owners =
        template.owners.length > 0 && template.owners.every((o) => wb.divisions.some((d) => d.code === o))
          ? template.owners
          : ownersOf(template, wb.divisions);
      out.push({
        id: `${current.year}-${ind.number}-${template.id}`,
        indicator: ind.number,
        title: template.title,
        analysis: t(analysisLines(ctx, ind, recs, template, items).join('\n')),
        stepTexts: measureSteps(ctx, template, items, recs).map(t),
        period,
        responsible: responsibleText(owners),
        owners,
        kind: items.length > 0 ? 'improve' : 'maintain',
        thai: thaiDigits,
      });
    }
  }
  out.push(...commentMeasures(ctx, t, period));
  // A fresh tab numbers the measures in the reports' order: by indicator, a comment's measure under its own.
  const sorted = out
    .map((m, i) => ({ m, i }))
    .sort((a, b) => a.m.indicator - b.m.indicator || a.i - b.i)
    .map(({ m }) => m);
  return sorted.map((m, i) => {
    const full = { ...m, number: i + 1, steps: '', milestones: [] as string[] };
    return { ...full, ...numberedSteps(full, i + 1) };
  });
}

interface IndicatorContext {
  analysis: Analysis;
  current: YearAnalysis;
  n: (v: number | null) => string;
  topic: (id: string) => string;
  library: readonly MeasureTemplate[];
  verdicts: Verdicts;
  /** The plan year's framework: the OIT items the measures' evidence feeds. */
  plan: Framework;
  thai: boolean;
}

type Answered = ReturnType<typeof recommendationsFor>;

/** The plan year's OIT items whose topic holds one of the words, as `ข้อ o8 และ o9`. */
function oitItems(plan: Framework, words: readonly string[]): string {
  const ids = Object.entries(plan.itemTopics)
    .filter(([id, topic]) => id.startsWith('o') && words.some((w) => topic.includes(w)))
    .map(([id]) => id)
    .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  return ids.length === 0 ? '' : `ข้อ ${thaiList(ids)}`;
}

/** The last quarter's step: what is published where, and which OIT items it is evidence for. */
function evidenceStep(ctx: IndicatorContext, deliverable: string, feeds: readonly string[]): string {
  const items = oitItems(ctx.plan, feeds);
  const results = ctx.plan.resultsItem;
  return (
    `สรุปผลและเผยแพร่${deliverable}${/[A-Za-z0-9)]$/.test(deliverable) ? ' ' : ''}บนเว็บไซต์หลักของหน่วยงาน` +
    (items ? ` เป็นหลักฐานของ OIT ปี ${ctx.current.year + 1} ${items}` : '') +
    (results ? ` และรายงานผลไว้ในข้อ ${results.id}` : '')
  );
}

/** The scores of an item, lowest part first: `e4 (ส่วนที่ 2 ได้ 83.64 คะแนน)`. */
function itemIssue(ctx: IndicatorContext, item: string): string {
  const given = [...ctx.current.items.entries()]
    .filter(([k]) => k === item || k.startsWith(`${item}.`))
    .sort(([, a], [, b]) => (a.value && b.value ? a.value.compare(b.value) : 0));
  const [key, figure] = given[0] ?? [];
  if (!key || !figure) return `ข้อ ${item}`;
  const part = key.includes('.') ? `ส่วนที่ ${key.split('.')[1]} ` : '';
  return `ข้อ ${item} (${part}ได้ ${ctx.n(published(figure.value))} คะแนน)`;
}

/**
 * A measure's four steps: the first names the items' issue, the second follows the assessors where they gave
 * a recommendation, the third carries on (a maintain-level measure checks its practice), the fourth publishes
 * the deliverable as evidence.
 */
function measureSteps(
  ctx: IndicatorContext,
  template: MeasureTemplate,
  items: string[],
  recs: Answered,
): string[] {
  const subject = items.length > 0 ? `ประเด็น${thaiList(items.map((i) => itemIssue(ctx, i)))}` : '';
  const advised = [...new Set(recs.flatMap((r) => r.items.filter((i) => items.includes(i))))];
  const core = template.title.replace(/^มาตรการ/, '');
  const practice = template.practice ?? `การ${core}`;
  const steps = quarterSteps(template.steps, {
    q1: `กำหนดแนวทางและผู้รับผิดชอบ${core}`,
    q2: `ดำเนินการ${core}ตามแนวทางที่กำหนด`,
    q3:
      template.kind === 'maintain' || items.length === 0
        ? `ทบทวนผลของ${practice}ในรอบครึ่งปี และปรับส่วนที่ยังไม่ครบ`
        : `ตรวจผลการดำเนินการ${core}ครึ่งปีเทียบกับ${subject}`,
    q4: evidenceStep(ctx, template.deliverable ?? `ผลการดำเนินการ${core}`, template.feeds ?? []),
  });
  if (subject) steps[0] += ` เพื่อแก้${subject}`;
  if (advised.length > 0) steps[1] += ` ตามข้อเสนอแนะของผู้ตรวจประเมินต่อข้อ ${advised.join(', ')}`;
  return steps;
}

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
    const topic = ctx.topic(item);
    const template =
      ctx.library.find((m) => m.indicator === ind.number && m.items.includes(item)) ??
      ({
        id: `item-${item}`,
        indicator: ind.number,
        items: [item],
        title: `มาตรการยกระดับผลการประเมินข้อ ${item}${topic ? ` (${topic})` : ''}`,
        steps: [
          `วิเคราะห์สาเหตุที่ข้อ ${item} ได้คะแนนต่ำกว่าข้ออื่น`,
          `กำหนดแนวทางแก้ไขข้อ ${item} จากสาเหตุที่พบ และมอบหมายผู้รับผิดชอบ`,
          `ดำเนินการตามแนวทางแก้ไขข้อ ${item} และติดตามผลรายเดือน`,
        ],
        owners: [],
        kind: 'improve',
        deliverable: `แนวทางแก้ไขข้อ ${item} และผลการดำเนินการ`,
      } satisfies MeasureTemplate);
    const existing = templates.find((x) => x.template.id === template.id);
    if (existing) existing.items.push(item);
    else templates.push({ template, items: [item] });
  }
  const scored =
    ctx.current.indicators.get(ind.number)?.value ||
    [...ctx.current.items.keys()].some((k) => ind.items.includes(k.split('.')[0]));
  // An indicator without scores gets no measure until its score is known (the report says so).
  if (templates.length === 0 && scored) {
    const maintain =
      ctx.library.find((m) => m.indicator === ind.number && m.items.length === 0) ??
      maintainMeasure(ind.number, ind.name);
    templates.push({ template: maintain, items: [] });
  }
  return templates;
}

/**
 * The analysis column: the indicator's score and change, each item's scores (EIT parts side by side) with its
 * verdict, the recommendations it answers (referred to: their text is printed once, in part 3.1 of the
 * report), and the indicator's verdict by the rule of the report.
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
      ? `ตัวชี้วัดที่ ${ind.number} ${ind.name} ยังไม่มีคะแนน จึงยังวิเคราะห์ไม่ได้`
      : `จากการวิเคราะห์ผลการประเมิน ITA ตัวชี้วัดที่ ${ind.number} ${ind.name} ได้ ${n(published(score))} คะแนน`;
  if (change !== null && previous) {
    head +=
      change === 0
        ? ` เท่าเดิมจากปี ${previous.year}`
        : ` ${changeWord(change)} ${n(Math.abs(change))} คะแนนจากปี ${previous.year}`;
  }
  const lines = [head];
  for (const item of items) {
    const given = [...current.items.entries()]
      .filter(([k]) => k === item || k.startsWith(`${item}.`))
      .sort(([a], [b]) => a.localeCompare(b));
    const figures = given.map(
      ([k, f]) => `${n(published(f.value))}${k.includes('.') ? ` (ส่วนที่ ${k.split('.')[1]})` : ''}`,
    );
    const label = `- ข้อ ${item}${ctx.topic(item) ? ` ${ctx.topic(item)}` : ''}`;
    const word = itemVerdictText(
      ctx.verdicts,
      given.map(([k]) => k),
    );
    lines.push(
      `${label}${figures.length > 0 ? ` ได้ ${figures.join(' และ ')} คะแนน` : ''}${word ? `: ${word}` : ''}`,
    );
  }
  const answered = recs.filter((r) =>
    items.length === 0 ? r.items.length === 0 : r.items.some((i) => items.includes(i)),
  );
  const named = [...new Set(answered.flatMap(({ rec }) => rec.items.filter((i) => items.includes(i))))];
  if (answered.length > 0)
    lines.push(
      `- ตอบข้อเสนอแนะของผู้ตรวจประเมิน${named.length ? `ต่อข้อ ${named.join(', ')}` : 'ต่อแบบวัด'} (ตาม 3.1 ของรายงาน)`,
    );
  const v = ctx.verdicts.indicators.get(ind.number);
  const itemScores = ind.items.some((id) =>
    [...current.items.keys()].some((k) => k === id || k.startsWith(`${id}.`)),
  );
  if (template.kind === 'maintain' || items.length === 0) {
    const keeps = template.practice ?? `การถือปฏิบัติตาม${template.title.replace(/^มาตรการ/, '')}`;
    if (v && itemScores)
      lines.push(`- ผลตามเกณฑ์ของรายงาน: ${v.word}${v.reasons.length ? ` (${v.reasons.join(' ')})` : ''}`);
    else if (score !== null) lines.push('- ไม่มีคะแนนรายข้อ จึงยังระบุข้อบกพร่องไม่ได้');
    if (score !== null) lines.push(`- คะแนนของตัวชี้วัดนี้คงระดับได้ด้วย${keeps}`);
  }
  return lines;
}

/** An item's verdict over its parts: the harshest, with the reasons of the parts that carry it. */
function itemVerdictText(v: Verdicts, keys: string[]): string {
  const found = keys.map((k) => ({ k, x: v.items.get(k) })).filter((e) => e.x);
  if (found.length === 0) return '';
  const worst = Math.max(...found.map((e) => e.x?.severity ?? 0));
  const carry = found.filter((e) => e.x?.severity === worst);
  const reasons = carry.flatMap((e) =>
    (e.x?.reasons ?? []).map((r) => (e.k.includes('.') ? `ส่วนที่ ${e.k.split('.')[1]} ${r}` : r)),
  );
  return `${VERDICT_WORDS[worst]}${reasons.length ? ` (${reasons.join(', ')})` : ''}`;
}

/** Words by which a stakeholder comment asks for something to change, rather than praising. */
const ASKS = /ควร|ต้องการให้|ยังไม่|ขาด|ไม่ชัดเจน|ล่าช้า|ไม่สะดวก|ไม่เพียงพอ|เพิ่มความ/;

/** What a comment asks for, as an action: "ควรจัดสรร…" → "จัดสรร…". */
function askedAction(ask: string): string {
  return ask
    .trim()
    .replace(/^(?:โดย|และ|ทั้งนี้)\s*/, '')
    .replace(/^(?:บุคลากร|เจ้าหน้าที่|ผู้รับบริการ)?(?:บางส่วน)?\s*(?:ต้องการให้|ควรมีการ|ควร)\s*/, '')
    .replace(/^(?:ต้องการให้|ควร)\s*/, '');
}

/**
 * A measure for each stakeholder comment (`ความคิดเห็น`) that points at a problem, under the indicator its
 * topic names (the comment's own tool first), as the sample's author did by hand. Its steps answer the
 * comment's own point.
 */
function commentMeasures(
  ctx: IndicatorContext,
  t: (text: string) => string,
  period: string,
): Omit<GeneratedMeasure, 'number' | 'steps' | 'milestones'>[] {
  const { analysis, current } = ctx;
  const indicators = current.framework.indicators;
  const out: Omit<GeneratedMeasure, 'number' | 'steps' | 'milestones'>[] = [];
  for (const c of analysis.workbook.comments) {
    if ((c.year !== null && c.year !== current.year) || !ASKS.test(c.text)) continue;
    const named = (list: typeof indicators) => list.find((i) => `${c.topic} ${c.text}`.includes(i.name));
    const ind =
      named(indicators.filter((i) => i.tool === c.tool)) ??
      named(indicators) ??
      indicators.find((i) => i.tool === c.tool);
    if (!ind) continue;
    const who = c.tool === 'IIT' ? 'ภายใน' : 'ภายนอก';
    const people = c.tool === 'IIT' ? 'บุคลากร' : 'ผู้รับบริการ';
    const ask = (c.text.split(/\s+(?=ทั้งนี้|โดย|และเจ้าหน้าที่|ควร)/).find((part) => ASKS.test(part)) ?? c.text)
      .trim()
      .replace(/^(?:โดย|และ|ทั้งนี้)\s*/, '');
    const action = askedAction(ask);
    const topic = c.topic.replace(/^ด้าน/, '');
    const about = topic ? `ด้าน${topic}` : `ที่${people}เสนอ`;
    const steps = [
      `รับฟัง${people}เพิ่มเติมในประเด็น${about} และกำหนดสิ่งที่จะทำ ผู้รับผิดชอบ และตัวชี้วัดความสำเร็จ`,
      `ดำเนินการตามข้อเสนอ${about}: ${action}`,
      `แจ้งผลการดำเนินการตามข้อเสนอ${about}ให้${people}ทราบ${c.tool === 'IIT' ? 'ในที่ประชุมและช่องทางภายในของหน่วยงาน' : 'ทางเว็บไซต์หลักของหน่วยงาน'}`,
      `ติดตามความคิดเห็น${about}ในแบบวัด ${c.tool} ครั้งถัดไป${ctx.plan.resultsItem ? ` และรายงานผลไว้ในข้อ ${ctx.plan.resultsItem.id}` : ''}`,
    ];
    out.push({
      id: `${current.year}-${ind.number}-comment-${fingerprint(`${c.tool}${c.topic}${c.text}`)}`,
      indicator: ind.number,
      title: `มาตรการตอบความคิดเห็นของผู้มีส่วนได้ส่วนเสีย${who}${topic ? ` ด้าน${topic}` : ''}`,
      analysis: t(`ความคิดเห็นของผู้มีส่วนได้ส่วนเสีย${who} (${c.tool}${c.topic ? ` ${c.topic}` : ''}): ${ask}`),
      stepTexts: steps.map(t),
      period,
      responsible: responsibleText(analysis.workbook.divisions.map((d) => d.code)),
      owners: analysis.workbook.divisions.map((d) => d.code),
      kind: 'improve',
      thai: ctx.thai,
    });
  }
  return out;
}
