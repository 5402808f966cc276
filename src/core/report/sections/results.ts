import { delta } from '../../analysis/json';
import { Exact, published } from '../../decimal';
import { EIT_PART_NAMES, TOOL_NAMES, type ToolKey } from '../../frameworks';
import { changeWord, formatDelta, thaiList } from '../../thai';
import {
  levelOf,
  type ReportContext,
  score,
  TOOL_ORDER,
  TOOL_ORDER_PARTS,
  toolLabel,
  topicOf,
} from '../context';
import type { ReportWriter } from '../writer';
import { nextLevelSentence } from './front';

const THRESHOLDS = [
  { value: 85, label: 'เกณฑ์ 85 คะแนน' },
  { value: 95, label: 'เกณฑ์ 95 คะแนน' },
];

interface PeerRow {
  agency: string;
  score: Exact;
  level: string;
  self: boolean;
}

function peerRows(ctx: ReportContext): PeerRow[] {
  const peers = ctx.analysis.workbook.peers.filter((x) => (x.year ?? ctx.year) === ctx.year && x.score);
  if (peers.length === 0) return [];
  const names = [ctx.agency, ctx.settings?.abbreviation ?? '']
    .filter(Boolean)
    .map((x) => x.replace(/\s+/g, ''));
  const rows = peers.map((x) => ({
    agency: x.agency,
    score: x.score as Exact,
    level: x.level,
    self: names.includes(x.agency.replace(/\s+/g, '').replace(/\(.*\)$/, '')),
  }));
  if (!rows.some((r) => r.self) && ctx.cur.total.value) {
    rows.push({
      agency: `${ctx.agency}${ctx.abbr}`,
      score: ctx.cur.total.value,
      level: levelOf(ctx.cur),
      self: true,
    });
  }
  return rows.sort((a, b) => b.score.compare(a.score));
}

/** ๒.๑ ภาพรวม: total, level, change, rank among the peers, the trend chart. */
export function overall(w: ReportWriter, ctx: ReportContext): void {
  const { cur, prev, year } = ctx;
  w.heading(1, `2. ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ${year}`);
  w.heading(2, '2.1 ผลการประเมินในภาพรวม');
  const totalDelta = delta(cur.total.value, prev?.total.value);
  let text = `${ctx.agency} ได้ผลการประเมินในภาพรวม ${score(cur.total.value)} คะแนน อยู่ในระดับ “${levelOf(cur)}”`;
  if (prev && totalDelta !== null) {
    text +=
      totalDelta === 0
        ? ` เท่ากับปีงบประมาณ พ.ศ. ${prev.year}`
        : ` ${changeWord(totalDelta)} ${score(Math.abs(totalDelta))} คะแนน เมื่อเทียบกับปีงบประมาณ พ.ศ. ${prev.year} ที่ได้ ${score(prev.total.value)} คะแนน อยู่ในระดับ “${levelOf(prev)}”`;
  }
  const peers = peerRows(ctx);
  const group = ctx.settings?.parent ? `หน่วยงานในสังกัด${ctx.settings.parent}` : 'หน่วยงานในกลุ่มเดียวกัน';
  if (peers.length > 0)
    text += ` และจัดอยู่ในอันดับที่ ${peers.findIndex((r) => r.self) + 1} จาก ${peers.length} ${group}`;
  w.paragraph(text);
  if (peers.length > 0) {
    w.table(
      `ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ${year} ของ${group}`,
      ['อันดับ', 'หน่วยงาน', 'คะแนน ITA', 'ผลการประเมิน'],
      peers.map((r, i) => ({ cells: [String(i + 1), r.agency, score(r.score), r.level], bold: r.self })),
      { widths: [12, 52, 16, 20] },
    );
  } else {
    // Peers of another year are no comparison: only those of the assessed year are ranked.
    w.missing(
      ctx.analysis.workbook.peers.some((x) => x.year !== null && x.year !== ctx.year)
        ? `ไม่มีคะแนนของหน่วยงานในสังกัดปีงบประมาณ พ.ศ. ${ctx.year} สำหรับเปรียบเทียบ (แท็บ หน่วยงานในสังกัด มีเพียงคะแนนของปีอื่น)`
        : 'ไม่มีข้อมูลหน่วยงานในสังกัดสำหรับเปรียบเทียบ (แท็บ หน่วยงานในสังกัด ว่างหรือไม่มี)',
    );
  }
  const trend = ctx.analysis.years.filter((y) => y.year <= year && y.total.value).slice(-5);
  if (trend.length === 0) {
    w.missing('ไม่มีคะแนนรวมสำหรับแสดงแนวโน้ม');
    return;
  }
  w.chart({
    id: 'trend',
    caption: `ผลการประเมิน ITA ของ${ctx.agency} ${trend.length > 1 ? `ย้อนหลัง ${trend.length} ปี (พ.ศ. ${trend[0].year}–${year})` : `ปี พ.ศ. ${year}`}`,
    type: trend.length > 1 ? 'LINE' : 'COLUMN',
    data: [['ปีงบประมาณ', 'คะแนนรวม'], ...trend.map((y) => [String(y.year), published(y.total.value)])],
    thresholds: THRESHOLDS,
    axisTitle: 'คะแนน',
  });
}

/** ๒.๒ รายเครื่องมือ: the tools table and chart, then the weakest items, one line an item. */
export function tools(w: ReportWriter, ctx: ReportContext): void {
  const { cur, prev, year, parts } = ctx;
  w.heading(2, '2.2 ผลการประเมินรายเครื่องมือ');
  const keys = parts ? TOOL_ORDER_PARTS : TOOL_ORDER;
  w.paragraph(
    `ผลการประเมินรายเครื่องมือ แบ่งออกเป็น (1) ${TOOL_NAMES.IIT.th} (แบบวัด IIT) (2) ${TOOL_NAMES.EIT.th} (แบบวัด EIT)${parts ? ` ซึ่งแบ่งเป็นส่วนที่ 1 ${EIT_PART_NAMES[1].th} และส่วนที่ 2 ${EIT_PART_NAMES[2].th}` : ''} และ (3) ${TOOL_NAMES.OIT.th} (แบบวัด OIT) มีผลดังนี้`,
  );
  if (!keys.some((k) => cur.tools[k]?.value)) {
    w.missing('ไม่มีคะแนนรายเครื่องมือ');
  } else {
    const rows = [
      ...keys.map((k) => ({ label: toolLabel(k), c: cur.tools[k]?.value, p: prev?.tools[k]?.value })),
      { label: 'ภาพรวม', c: cur.total.value, p: prev?.total.value },
    ];
    if (prev) {
      w.table(
        `ผลการประเมินรายเครื่องมือ ปีงบประมาณ พ.ศ. ${prev.year} และ ${year}`,
        ['แบบวัด', `ปีงบประมาณ พ.ศ. ${prev.year}`, `ปีงบประมาณ พ.ศ. ${year}`, 'ผลต่าง'],
        rows.map((r) => ({
          cells: [r.label, score(r.p), score(r.c), formatDelta(delta(r.c, r.p), false)],
          bold: r.label === 'ภาพรวม',
        })),
        { widths: [34, 22, 22, 22] },
      );
    } else {
      w.table(
        `ผลการประเมินรายเครื่องมือ ปีงบประมาณ พ.ศ. ${year}`,
        ['แบบวัด', `ปีงบประมาณ พ.ศ. ${year}`],
        rows.map((r) => ({ cells: [r.label, score(r.c)], bold: r.label === 'ภาพรวม' })),
        { widths: [50, 50] },
      );
    }
    w.chart({
      id: 'tools',
      caption: `ผลการประเมินรายเครื่องมือ (${keys.map(toolLabel).join(' ')})`,
      type: 'COLUMN',
      data: [
        ['แบบวัด', ...(prev ? [String(prev.year)] : []), String(year)],
        ...keys.map((k) => [
          toolLabel(k),
          ...(prev ? [published(prev.tools[k]?.value ?? null)] : []),
          published(cur.tools[k]?.value ?? null),
        ]),
      ],
      thresholds: THRESHOLDS,
      axisTitle: 'คะแนน',
    });
  }
  weakItems(w, ctx);
}

/** One line a weak item (EIT parts side by side), so that the count announced is the count listed. */
export function weakLines(ctx: ReportContext): { tool: string; text: string }[] {
  const seen = new Map<string, { tool: string; scores: { part: number | null; v: Exact }[] }>();
  for (const w of ctx.analysis.weakest) {
    const entry = seen.get(w.item) ?? { tool: w.item[0], scores: [] };
    entry.scores.push({ part: w.part, v: w.score });
    seen.set(w.item, entry);
  }
  const order = ctx.cur.framework.indicators.flatMap((i) => i.items);
  return [...seen.entries()]
    .sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]))
    .map(([item, e]) => {
      const topic = topicOf(ctx, item);
      const figures = e.scores
        .sort((a, b) => (a.part ?? 0) - (b.part ?? 0))
        .map((s) => `${score(s.v)}${s.part ? ` (ส่วนที่ ${s.part})` : ''}`);
      const zero = e.scores.some((s) => s.v.compare(Exact.ZERO) === 0);
      return {
        tool: e.tool,
        text: `ข้อ ${item}${topic ? ` ${topic}` : ''} ได้ ${figures.join(' และ ')} คะแนน${zero ? ' เป็นข้อบกพร่องที่ต้องแก้ไข' : ''}`,
      };
    });
}

function weakItems(w: ReportWriter, ctx: ReportContext): void {
  const lines = weakLines(ctx);
  if (lines.length === 0) {
    if (ctx.cur.items.size === 0) w.missing('ไม่มีคะแนนรายข้อ จึงไม่ได้ระบุข้อคำถามที่ต้องพัฒนา');
    else w.paragraph('ไม่มีข้อคำถามที่ได้คะแนนต่ำกว่าเกณฑ์');
    return;
  }
  const threshold = ctx.settings?.weakThreshold;
  const rule = threshold
    ? `ต่ำกว่าเกณฑ์ ${score(threshold)} คะแนน`
    : `ต่ำกว่าค่าเฉลี่ยของข้อคำถามในแบบวัดเดียวกัน${ctx.parts ? ' (EIT เทียบในแต่ละส่วน)' : ''}`;
  w.paragraph(`ข้อคำถามที่${ctx.agency}สามารถยกระดับคะแนนได้ (ข้อที่ได้คะแนน${rule}) มี ${lines.length} ข้อ ได้แก่`);
  let k = 0;
  for (const tool of ['i', 'e', 'o']) {
    const mine = lines.filter((l) => l.tool === tool);
    if (mine.length === 0) continue;
    w.paragraph(`แบบวัด ${tool === 'i' ? 'IIT' : tool === 'e' ? 'EIT' : 'OIT'}`, false);
    for (const line of mine) w.paragraph(`(${++k}) ${line.text}`);
  }
}

/** ๒.๓ รายตัวชี้วัด: the table of both years, the chart with short names, the highest and lowest. */
export function indicators(w: ReportWriter, ctx: ReportContext): void {
  const { prev, year, inds } = ctx;
  w.heading(2, '2.3 ผลการประเมินรายตัวชี้วัด');
  const known = inds.filter((x) => x.c);
  if (known.length === 0) {
    w.missing('ไม่มีคะแนนรายตัวชี้วัด');
    return;
  }
  w.table(
    `ผลการประเมินรายตัวชี้วัด${prev ? ` ปีงบประมาณ พ.ศ. ${prev.year} และ ${year}` : ` ปีงบประมาณ พ.ศ. ${year}`}`,
    [
      'ตัวชี้วัดที่',
      'ตัวชี้วัด',
      'แบบวัด',
      ...(prev ? [`พ.ศ. ${prev.year}`] : []),
      `พ.ศ. ${year}`,
      ...(prev ? ['การเปลี่ยนแปลง'] : []),
    ],
    inds.map((x) => ({
      cells: [
        String(x.ind.number),
        x.ind.name,
        x.ind.tool,
        ...(prev ? [score(x.p)] : []),
        x.c ? score(x.c) : 'ไม่มีคะแนน',
        ...(prev ? [changeWord(delta(x.c, x.p))] : []),
      ],
    })),
    { widths: prev ? [11, 33, 11, 15, 15, 15] : [14, 50, 16, 20] },
  );
  w.chart({
    id: 'indicators',
    caption: 'ผลการประเมินรายตัวชี้วัด',
    type: 'BAR',
    data: [
      ['ตัวชี้วัด', ...(prev ? [String(prev.year)] : []), String(year)],
      ...inds.map((x) => [
        `${x.ind.number}. ${x.ind.name}`,
        ...(prev ? [published(x.p)] : []),
        published(x.c),
      ]),
    ],
    thresholds: THRESHOLDS,
    axisTitle: 'คะแนน',
  });
  const value = (x: (typeof known)[number]) => published(x.c) as number;
  const top = Math.max(...known.map(value));
  const bottom = Math.min(...known.map(value));
  const named = (v: number) =>
    thaiList(known.filter((x) => value(x) === v).map((x) => `ตัวชี้วัดที่ ${x.ind.number} ${x.ind.name}`));
  const missing = inds.filter((x) => !x.c).map((x) => x.ind.number);
  w.paragraph(
    `ผลการประเมินรายตัวชี้วัดจำนวน ${inds.length} ตัวชี้วัด พบว่า ตัวชี้วัดที่ได้คะแนนสูงสุด ได้แก่ ${named(top)} (${score(top)} คะแนน)` +
      (top !== bottom
        ? ` และตัวชี้วัดที่ได้คะแนนต่ำสุด ได้แก่ ${named(bottom)} (${score(bottom)} คะแนน)`
        : ' ทุกตัวชี้วัดที่มีคะแนนได้คะแนนเท่ากัน') +
      (missing.length > 0 ? ` (ไม่มีคะแนนของตัวชี้วัดที่ ${missing.join(', ')})` : ''),
  );
}

/** การวิเคราะห์ผลการประเมิน: level and why, the change, tools up and down, the lowest indicator. */
export function analysisParagraph(w: ReportWriter, ctx: ReportContext): void {
  const { cur, prev } = ctx;
  w.heading(3, 'การวิเคราะห์ผลการประเมิน');
  const sentences = [
    `ผลการประเมิน ITA ปีงบประมาณ พ.ศ. ${cur.year} ของ${ctx.agency} อยู่ในระดับ “${levelOf(cur)}” (${score(cur.total.value)} คะแนน)`,
  ];
  const totalDelta = delta(cur.total.value, prev?.total.value);
  if (prev && totalDelta !== null) {
    sentences.push(
      totalDelta === 0
        ? 'คะแนนรวมเท่ากับปีที่ผ่านมา'
        : `คะแนนรวม${totalDelta > 0 ? 'สูงกว่า' : 'ต่ำกว่า'}ปีที่ผ่านมา ${score(Math.abs(totalDelta))} คะแนน`,
    );
    const moved = (sign: 1 | -1) =>
      (ctx.parts ? TOOL_ORDER_PARTS : TOOL_ORDER)
        .filter((k: ToolKey) => Math.sign(delta(cur.tools[k]?.value, prev.tools[k]?.value) ?? 0) === sign)
        .map(toolLabel);
    const up = moved(1);
    const down = moved(-1);
    if (up.length || down.length)
      sentences.push(
        [
          up.length ? `แบบวัด ${thaiList(up)} ได้คะแนนเพิ่มขึ้น` : '',
          down.length ? `${up.length ? 'ขณะที่' : ''}แบบวัด ${thaiList(down)} ได้คะแนนลดลง` : '',
        ]
          .filter(Boolean)
          .join(' '),
      );
  }
  const next = nextLevelSentence(ctx);
  if (next) sentences.push(`ทั้งนี้ ${ctx.agency}${next}`);
  const known = ctx.inds.filter((x) => x.c);
  if (known.length > 0) {
    const low = known.reduce((a, b) => ((b.c as Exact).compare(a.c as Exact) < 0 ? b : a));
    sentences.push(
      `ตัวชี้วัดที่ควรพัฒนาเป็นลำดับแรก คือ ตัวชี้วัดที่ ${low.ind.number} ${low.ind.name} ซึ่งได้คะแนนต่ำสุด (${score(low.c)} คะแนน)`,
    );
  }
  w.paragraph(sentences.join(' '));
}
