import { EIT_PART_NAMES, TOOL_NAMES } from '../../frameworks';
import type { Recommendation } from '../../workbook/reader';
import { type ReportContext, recommendationsOf } from '../context';
import type { ReportWriter } from '../writer';

/** One assessor recommendation, however many times the tab repeats it, with every source it came from. */
export interface NumberedRecommendation {
  number: number;
  items: string[];
  text: string;
  /** The groups (below) it was given in. */
  groups: number[];
}

interface Group {
  title: string;
  short: string;
  match: (r: Recommendation) => boolean;
}

function groupsOf(ctx: ReportContext): Group[] {
  return [
    { title: `แบบวัด IIT (${TOOL_NAMES.IIT.th})`, short: 'IIT', match: (r) => r.tool === 'IIT' },
    ...(ctx.parts
      ? [
          {
            title: `แบบวัด EIT ส่วนที่ 1 ${EIT_PART_NAMES[1].th}`,
            short: 'EIT ส่วนที่ 1',
            match: (r: Recommendation) => r.tool === 'EIT' && r.part === 1,
          },
          {
            title: `แบบวัด EIT ส่วนที่ 2 ${EIT_PART_NAMES[2].th}`,
            short: 'EIT ส่วนที่ 2',
            match: (r: Recommendation) => r.tool === 'EIT' && r.part !== 1,
          },
        ]
      : [
          {
            title: `แบบวัด EIT (${TOOL_NAMES.EIT.th})`,
            short: 'EIT',
            match: (r: Recommendation) => r.tool === 'EIT',
          },
        ]),
    {
      title: `แบบวัด OIT (${TOOL_NAMES.OIT.th})`,
      short: 'OIT',
      match: (r) => r.tool === 'OIT' || r.tool === null,
    },
  ];
}

/** A recommendation's text with spaces and punctuation removed, as two parts' copies are compared. */
const bare = (a: string) => a.replace(/[\s\p{P}\p{S}]+/gu, '');

/** The advice: from the first "ควร" on (what the assessors ask for, after the issue they saw). */
const advice = (a: string) => {
  const at = bare(a).indexOf('ควร');
  return at < 0 ? '' : bare(a).slice(at);
};

const overlaps = (a: string, b: string) => a !== '' && b !== '' && (a.includes(b) || b.includes(a));

/**
 * Two recommendations are one when their texts are the same once spaces and punctuation are removed, or one
 * contains the other; or when they name the same items and their advice (from "ควร") is so.
 */
export function sameRecommendation(
  a: { text: string; items: string[] },
  b: { text: string; items: string[] },
) {
  if (overlaps(bare(a.text), bare(b.text))) return true;
  const sameItems = a.items.length === b.items.length && a.items.every((i) => b.items.includes(i));
  return sameItems && overlaps(advice(a.text), advice(b.text));
}

/** The recommendations once each, numbered in the order of their first group; repeats join their sources. */
export function numberedRecommendations(ctx: ReportContext): NumberedRecommendation[] {
  const groups = groupsOf(ctx);
  const out: NumberedRecommendation[] = [];
  groups.forEach((g, gi) => {
    for (const r of recommendationsOf(ctx).filter(g.match)) {
      const known = out.find((x) => sameRecommendation(x, r));
      if (known) {
        if (!known.groups.includes(gi)) known.groups.push(gi);
        // The fuller copy is the one printed.
        if (bare(r.text).length > bare(known.text).length) known.text = r.text;
        for (const id of r.items) if (!known.items.includes(id)) known.items.push(id);
      } else out.push({ number: out.length + 1, items: [...r.items], text: r.text, groups: [gi] });
    }
  });
  return out;
}

/** 4. ๓. ข้อเสนอแนะ: from the assessors (each once, its sources named), then the stakeholders' comments. */
export function recommendations(w: ReportWriter, ctx: ReportContext): void {
  w.heading(1, `3. ข้อเสนอแนะต่อผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ${ctx.year}`);
  w.heading(2, '3.1 ข้อเสนอแนะจากผู้ตรวจประเมิน');
  const recs = numberedRecommendations(ctx);
  if (recs.length === 0) w.missing('ไม่มีข้อเสนอแนะจากผู้ตรวจประเมินในแท็บ ข้อเสนอแนะ');
  else {
    const groups = groupsOf(ctx);
    groups.forEach((g, gi) => {
      w.heading(3, `3.1.${gi + 1} ข้อเสนอแนะสำหรับ${g.title}`);
      const first = recs.filter((r) => r.groups[0] === gi);
      const repeated = recs.filter((r) => r.groups[0] !== gi && r.groups.includes(gi));
      if (first.length === 0 && repeated.length === 0) w.missing('ไม่มีข้อเสนอแนะสำหรับแบบวัดนี้');
      for (const r of first) {
        const also =
          r.groups.length > 1 ? ` (ให้ไว้ใน ${r.groups.map((x) => groups[x].short).join(' และ ')})` : '';
        w.paragraph(`(${r.number}) ${r.items.length ? `ข้อ ${r.items.join(', ')} ` : ''}${r.text}${also}`);
      }
      if (repeated.length > 0)
        w.paragraph(`ข้อเสนอแนะที่ ${repeated.map((r) => `(${r.number})`).join(', ')} ข้างต้นใช้กับแบบวัดนี้ด้วย`);
    });
  }
  comments(w, ctx, 'EIT', '3.2', 'ภายนอก');
  comments(w, ctx, 'IIT', '3.3', 'ภายใน');
}

function comments(
  w: ReportWriter,
  ctx: ReportContext,
  tool: 'EIT' | 'IIT',
  number: string,
  who: string,
): void {
  w.heading(2, `${number} ข้อเสนอแนะจากผู้มีส่วนได้ส่วนเสีย${who} (${tool})`);
  const mine = ctx.analysis.workbook.comments.filter(
    (c) => c.tool === tool && (c.year === null || c.year === ctx.year),
  );
  if (mine.length === 0) w.missing(`ไม่มีความคิดเห็นของผู้มีส่วนได้ส่วนเสีย${who}ในแท็บ ความคิดเห็น`);
  mine.forEach((c, i) => {
    w.paragraph(`${i + 1}. ${c.topic ? `${c.topic}: ` : ''}${c.text}`);
  });
}
