import { Exact } from '../../decimal';
import { thaiList } from '../../thai';
import { type IndicatorScores, type ReportContext, score, topicOf } from '../context';
import type { ReportWriter, TableRowModel } from '../writer';
import { mentionsItem } from './front';
import { type NumberedRecommendation, numberedRecommendations } from './recommendations';

/** The verdict of an indicator: only what its scores show. */
function verdict(ctx: ReportContext, x: IndicatorScores, weak: boolean, recs: number): string {
  if (!x.c) return 'ไม่มีคะแนน จึงยังไม่ได้วิเคราะห์';
  const hasItems = x.ind.items.some((id) =>
    [...ctx.cur.items.keys()].some((k) => k === id || k.startsWith(`${id}.`)),
  );
  if (weak || recs > 0) return 'ต้องพัฒนา: ข้อบกพร่องตามรายข้อด้านล่าง';
  if (!hasItems) return 'ไม่มีคะแนนรายข้อ จึงยังระบุข้อบกพร่องไม่ได้';
  return 'ไม่พบข้อบกพร่อง ต้องรักษาระดับ';
}

/** What is wrong with one item: below the bar, at zero, and the recommendations that name it. */
function itemFinding(ctx: ReportContext, id: string, recs: NumberedRecommendation[]): string {
  const weak = ctx.analysis.weakest.filter((w) => w.item === id);
  const lines: string[] = [];
  if (weak.some((w) => w.score.compare(Exact.ZERO) === 0)) lines.push('ข้อบกพร่อง: ได้ 0 คะแนน');
  else if (weak.length > 0) {
    const parts = weak
      .map((w) => w.part)
      .filter((p) => p !== null)
      .sort();
    const bar = ctx.settings?.weakThreshold ? 'ต่ำกว่าเกณฑ์ที่กำหนด' : 'ต่ำกว่าค่าเฉลี่ยของแบบวัด';
    lines.push(`${bar}${parts.length ? ` (ส่วนที่ ${parts.join(' และ ')})` : ''}`);
  }
  const mine = recs.filter((r) => r.items.includes(id));
  if (mine.length > 0) lines.push(`ข้อเสนอแนะ ${mine.map((r) => `(${r.number})`).join(', ')}`);
  return lines.join('\n');
}

function indicatorRows(
  ctx: ReportContext,
  x: IndicatorScores,
  recs: NumberedRecommendation[],
): TableRowModel[] {
  const f = ctx.cur.framework;
  const parts = x.ind.tool === 'EIT' && ctx.parts ? f.eitParts : [null];
  const weak = ctx.analysis.weakest.some((w) => w.indicator === x.ind.number);
  const mine = recs.filter((r) => r.items.some((id) => x.ind.items.includes(id)));
  const head = `ตัวชี้วัดที่ ${x.ind.number} ${x.ind.name} (${x.ind.tool}) ${x.c ? `${score(x.c)} คะแนน` : ''}: ${verdict(ctx, x, weak, mine.length)}`;
  const rows: TableRowModel[] = [{ cells: [head, '', '', '', ''], group: true, bold: true }];
  for (const id of x.ind.items) {
    const values = parts.map((p) => ctx.cur.items.get(p === null ? id : `${id}.${p}`)?.value ?? null);
    if (values.every((v) => v === null)) continue;
    rows.push({
      cells: [
        id,
        topicOf(ctx, id),
        score(values[0]),
        parts.length > 1 ? score(values[1]) : '',
        itemFinding(ctx, id, recs),
      ],
    });
  }
  if (rows.length === 1 && x.c) rows.push({ cells: ['–', 'ไม่มีคะแนนรายข้อ', '', '', ''] });
  return rows;
}

/** 5. ๔. ส่วนที่ ๑: every indicator, then each item on its own line with both EIT parts side by side. */
export function analysisTable(w: ReportWriter, ctx: ReportContext): void {
  w.heading(1, `4. การนำผลการวิเคราะห์แต่ละตัวชี้วัดไปสู่การปรับปรุง หรือพัฒนาองค์กร หรือรักษาระดับ ของ${ctx.agency}`);
  if (ctx.inds.length === 0) {
    // A year of totals only (the old assessment) has no indicators to analyse, and no count to claim.
    w.heading(2, `ส่วนที่ 1 การวิเคราะห์ผลการประเมิน ITA ปีงบประมาณ พ.ศ. ${ctx.year}`);
    w.missing(`การประเมิน ITA ปี ${ctx.year} มีเพียงคะแนนรวมและระดับ ไม่มีตัวชี้วัดและรายข้อให้วิเคราะห์`);
    return;
  }
  w.heading(
    2,
    `ส่วนที่ 1 การวิเคราะห์ผลการประเมิน ITA ปีงบประมาณ พ.ศ. ${ctx.year} ครอบคลุมทั้ง ${ctx.inds.length} ตัวชี้วัด`,
  );
  const recs = numberedRecommendations(ctx);
  w.table(
    'การวิเคราะห์ผลการประเมินรายตัวชี้วัดและรายข้อ',
    [
      'ข้อ',
      'ประเด็นข้อคำถาม',
      ctx.parts ? 'คะแนน / EIT ส่วนที่ 1' : 'คะแนน',
      ctx.parts ? 'EIT ส่วนที่ 2' : '',
      'ข้อบกพร่องที่ตรวจพบ',
    ],
    ctx.inds.flatMap((x) => indicatorRows(ctx, x, recs)),
    { widths: [7, 38, 13, 12, 30], dense: true },
  );
  gainsTable(w, ctx, recs);
}

/** Where the points are: each weak item, what it adds to the total at 100, and the action that answers it. */
function gainsTable(w: ReportWriter, ctx: ReportContext, recs: NumberedRecommendation[]): void {
  if (ctx.gains.length === 0) return;
  w.lead(
    'ตารางต่อไปนี้เรียงข้อคำถามที่ต้องพัฒนาตามคะแนนรวมที่จะเพิ่มขึ้นหากข้อนั้นได้ 100 คะแนน (คำนวณตามน้ำหนักของแบบวัดและตัวชี้วัดในเกณฑ์การประเมิน) พร้อมข้อเสนอแนะ มาตรการ และผู้รับผิดชอบที่ตอบข้อนั้น',
  );
  w.table(
    'คะแนนรวมที่จะเพิ่มขึ้นเมื่อยกระดับข้อคำถาม และมาตรการที่ตอบ',
    ['ข้อ', 'คะแนน', 'คะแนนรวมเพิ่มขึ้น', 'ข้อเสนอแนะ', 'มาตรการ (รหัส)', 'ผู้รับผิดชอบ'],
    ctx.gains.map((g) => {
      const measures = ctx.measures.filter((m) => mentionsItem(m.analysis, g.item));
      const mine = recs.filter((r) => r.items.includes(g.item));
      return {
        cells: [
          `${g.item}${g.part ? ` (ส่วนที่ ${g.part})` : ''}`,
          score(g.score),
          `+${score(g.gain)}`,
          mine.length ? mine.map((r) => `(${r.number})`).join(', ') : '–',
          measures.length ? measures.map((m) => m.id).join('\n') : 'ยังไม่มีมาตรการ',
          thaiList([...new Set(measures.map((m) => m.responsible).filter(Boolean))]) || '–',
        ],
      };
    }),
    { widths: [17, 10, 12, 15, 30, 16], dense: true },
  );
}
