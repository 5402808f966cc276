import { published } from '../decimal';
import { indicatorOfItem } from '../frameworks';
import type { Analysis, YearAnalysis } from './analyze';

/**
 * The verdict words of the reports, mildest first. One rule, stated once in the report (docs/report.md):
 * - ข้อบกพร่อง (deficiency): what keeps the agency from its level or the next one: below the score the next
 *   level tests of every tool (else its total), at 0, or down from the year before by at least the margin
 *   (setting `เกณฑ์คะแนนลดลง`, default 1 point). An indicator with a deficient item is deficient.
 * - จุดที่ควรรักษา/พัฒนาต่อ: a high score that is relatively weak: one of the weakest items (below its tool's
 *   item mean, or the `เกณฑ์ข้อที่ต้องพัฒนา` threshold), named by an assessor's recommendation, or down at all.
 * - ไม่พบข้อบกพร่อง: neither.
 * Within one tool a lower score never gets a milder word than a higher one: a score takes the harshest word of
 * any score of its tool above it (items with items, each EIT part's apart, indicators with indicators).
 */
export const VERDICT_WORDS = ['ไม่พบข้อบกพร่อง', 'จุดที่ควรรักษา/พัฒนาต่อ', 'ข้อบกพร่อง'] as const;

export type Severity = 0 | 1 | 2;

export interface Verdict {
  severity: Severity;
  word: (typeof VERDICT_WORDS)[number];
  /** Why, in the report's words, each a short phrase (Arabic digits; the writer turns them Thai). */
  reasons: string[];
}

export interface Verdicts {
  /** The score a deficiency falls below, with the level that tests it; null when no level rule applies. */
  bar: { value: number; level: string } | null;
  margin: number;
  /** By item key (`i1`, `e4.2`). */
  items: Map<string, Verdict>;
  indicators: Map<number, Verdict>;
}

const fixed = (v: number) => v.toFixed(2);

/** The bar of the rule: what the next level (else the agency's own, at the top) tests. */
function barOf(cur: YearAnalysis): Verdicts['bar'] {
  const rules = cur.framework.levels.rules;
  if (rules.length === 0) return null;
  const at = rules.findIndex((r) => r.label === cur.level?.label);
  const next = at < 0 ? rules[rules.length - 1] : (rules[at - 1] ?? rules[at]);
  const value = next.minEveryTool ?? next.minTotal;
  return value === undefined ? null : { value, level: next.label };
}

interface Entry {
  key: string;
  /** What a score is weighed against: its tool, and for an EIT item its part (`EIT1`, `EIT2`). */
  tool: string;
  score: number;
  severity: Severity;
  reasons: string[];
}

function base(
  score: number,
  previous: number | null,
  bar: Verdicts['bar'],
  margin: number,
  relatively: string | null,
): { severity: Severity; reasons: string[] } {
  const reasons: string[] = [];
  if (score === 0) reasons.push('คะแนนเป็นศูนย์');
  else if (bar && score < bar.value) reasons.push(`ต่ำกว่าเกณฑ์ ${fixed(bar.value)} ของระดับ “${bar.level}”`);
  const drop = previous === null ? 0 : Math.round((previous - score) * 100) / 100;
  if (drop >= margin) reasons.push(`ลดลง ${fixed(drop)} คะแนนจากปีก่อน`);
  if (reasons.length > 0) return { severity: 2, reasons };
  if (relatively) return { severity: 1, reasons: [relatively] };
  if (drop > 0) return { severity: 1, reasons: [`ลดลง ${fixed(drop)} คะแนนจากปีก่อน`] };
  return { severity: 0, reasons: [] };
}

/** A score takes the harshest word of any higher score of its tool. */
function close(entries: Entry[], what: string): void {
  for (const e of entries) {
    const harsher = entries.filter((o) => o.tool === e.tool && o.score > e.score && o.severity > e.severity);
    if (harsher.length === 0) continue;
    const worst = harsher.reduce((a, b) => (b.severity > a.severity ? b : a));
    e.severity = worst.severity;
    e.reasons.push(
      `ต่ำกว่า${what}ที่เป็น${VERDICT_WORDS[worst.severity]}ในแบบวัดเดียวกัน (${worst.key.replace(/^(e\d+)\.(\d)$/, '$1 ส่วนที่ $2')} ได้ ${fixed(worst.score)})`,
    );
  }
}

function verdict(e: Entry): Verdict {
  return { severity: e.severity, word: VERDICT_WORDS[e.severity], reasons: e.reasons };
}

/** The verdicts of every scored item and indicator of the assessed year. */
export function verdicts(analysis: Analysis): Verdicts {
  const cur = analysis.current;
  const margin = analysis.workbook.settings?.dropMargin ?? 1;
  const empty: Verdicts = { bar: null, margin, items: new Map(), indicators: new Map() };
  if (!cur) return empty;
  const f = cur.framework;
  const prev = analysis.previous;
  const bar = barOf(cur);
  const threshold = analysis.workbook.settings?.weakThreshold;
  const recommended = new Set(
    analysis.workbook.recommendations
      .filter((r) => r.year === null || r.year === cur.year)
      .flatMap((r) => r.items),
  );
  const weakWhy = threshold ? 'ต่ำกว่าเกณฑ์ข้อที่ต้องพัฒนา' : 'ต่ำกว่าค่าเฉลี่ยของแบบวัด';
  const items: Entry[] = [];
  for (const [key, figure] of cur.items) {
    const score = published(figure.value);
    const [id, part] = key.split('.');
    const ind = indicatorOfItem(f, id);
    if (score === null || !ind) continue;
    const weak = analysis.weakest.some((w) => w.item === id && String(w.part ?? '') === (part ?? ''));
    const relatively = weak ? weakWhy : recommended.has(id) ? 'มีข้อเสนอแนะของผู้ตรวจประเมิน' : null;
    const b = base(score, published(prev?.items.get(key)?.value ?? null), bar, margin, relatively);
    items.push({ key, tool: `${ind.tool}${part ?? ''}`, score, ...b });
  }
  close(items, 'ข้อ');
  const indicators: Entry[] = [];
  for (const ind of f.indicators) {
    const score = published(cur.indicators.get(ind.number)?.value ?? null);
    if (score === null) continue;
    const mine = items.filter((e) => ind.items.includes(e.key.split('.')[0]));
    const worst = Math.max(0, ...mine.map((e) => e.severity)) as Severity;
    const b = base(
      score,
      published(prev?.indicators.get(ind.number)?.value ?? null),
      bar,
      margin,
      worst > 0 ? 'มีข้อที่ควรพัฒนาต่อ' : null,
    );
    if (worst === 2 && b.severity < 2) {
      b.severity = 2;
      b.reasons = ['มีข้อที่เป็นข้อบกพร่อง'];
    }
    indicators.push({ key: `ตัวชี้วัดที่ ${ind.number}`, tool: ind.tool, score, ...b });
  }
  close(indicators, 'ตัวชี้วัด');
  return {
    bar,
    margin,
    items: new Map(items.map((e) => [e.key, verdict(e)])),
    indicators: new Map(
      indicators.map((e) => [Number(e.key.replace(/\D+/g, '')), verdict(e)] as [number, Verdict]),
    ),
  };
}

/** The rule as one paragraph of the report. */
export function verdictRule(v: Verdicts, year: number | null): string {
  const bar = v.bar ? `ต่ำกว่า ${fixed(v.bar.value)} คะแนน ซึ่งเป็นเกณฑ์ของระดับ “${v.bar.level}” ` : '';
  return (
    `เกณฑ์การระบุผล: “ข้อบกพร่อง” คือคะแนนที่ทำให้หน่วยงานไม่ถึงระดับถัดไปหรือเสี่ยงต่อระดับที่ได้ ได้แก่ ${bar}คะแนนเป็นศูนย์ หรือลดลงตั้งแต่ ${fixed(v.margin)} คะแนนจากปี${year ? ` ${year}` : 'ก่อน'} ` +
    '“จุดที่ควรรักษา/พัฒนาต่อ” คือคะแนนที่ยังสูงแต่ต่ำกว่าข้ออื่นในแบบวัด มีข้อเสนอแนะของผู้ตรวจประเมิน หรือลดลงจากปีก่อน ' +
    'และในแบบวัดเดียวกัน (EIT เทียบในแต่ละส่วน) คะแนนที่ต่ำกว่าจะไม่ได้รับผลที่เบากว่าคะแนนที่สูงกว่า'
  );
}
