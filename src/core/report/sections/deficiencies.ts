import { verdictRule } from '../../analysis/verdict';
import { thaiList } from '../../thai';
import { type IndicatorScores, type ReportContext, score, topicOf } from '../context';
import type { ReportWriter, TableRowModel } from '../writer';
import { mentionsItem } from './front';
import { type NumberedRecommendation, numberedRecommendations } from './recommendations';

/** The verdict of an indicator by the report's rule: only what its scores show. */
function verdict(ctx: ReportContext, x: IndicatorScores): string {
  if (!x.c) return 'ไม่มีคะแนน จึงยังวิเคราะห์ไม่ได้ จะกำหนดมาตรการเมื่อทราบคะแนน';
  const hasItems = x.ind.items.some((id) =>
    [...ctx.cur.items.keys()].some((k) => k === id || k.startsWith(`${id}.`)),
  );
  const v = ctx.verdicts.indicators.get(x.ind.number);
  if (!hasItems && (v?.severity ?? 0) === 0) return 'ไม่มีคะแนนรายข้อ จึงยังระบุข้อบกพร่องไม่ได้';
  return v ? `${v.word}${v.reasons.length ? ` (${v.reasons.join(', ')})` : ''}` : '';
}

/** What is wrong with one item, by the report's rule, part by part, and the recommendations that name it. */
function itemFinding(ctx: ReportContext, keys: string[], id: string, recs: NumberedRecommendation[]): string {
  const lines: string[] = [];
  for (const key of keys) {
    const v = ctx.verdicts.items.get(key);
    if (!v || v.severity === 0) continue;
    const part = key.includes('.') ? `ส่วนที่ ${key.split('.')[1]}: ` : '';
    lines.push(`${part}${v.word}${v.reasons.length ? ` (${v.reasons.join(', ')})` : ''}`);
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
  const head = `ตัวชี้วัดที่ ${x.ind.number} ${x.ind.name} (${x.ind.tool})${x.c ? ` ${score(x.c)} คะแนน` : ''}: ${verdict(ctx, x)}`;
  const rows: TableRowModel[] = [{ cells: [head, '', '', '', ''], group: true, bold: true }];
  for (const id of x.ind.items) {
    const keys = parts.map((p) => (p === null ? id : `${id}.${p}`));
    const values = keys.map((k) => ctx.cur.items.get(k)?.value ?? null);
    if (values.every((v) => v === null)) continue;
    rows.push({
      cells: [
        id,
        topicOf(ctx, id) || '–',
        score(values[0]),
        parts.length > 1 ? score(values[1]) : '',
        itemFinding(ctx, keys, id, recs),
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
  const analysed = ctx.inds.filter((x) => x.c).length;
  w.heading(
    2,
    analysed === ctx.inds.length
      ? `ส่วนที่ 1 การวิเคราะห์ผลการประเมิน ITA ปีงบประมาณ พ.ศ. ${ctx.year} ครอบคลุมทั้ง ${ctx.inds.length} ตัวชี้วัด`
      : `ส่วนที่ 1 การวิเคราะห์ผลการประเมิน ITA ปีงบประมาณ พ.ศ. ${ctx.year} (มีคะแนน ${analysed} จาก ${ctx.inds.length} ตัวชี้วัด)`,
  );
  const recs = numberedRecommendations(ctx);
  if (analysed > 0) w.paragraph(verdictRule(ctx.verdicts, ctx.prev?.year ?? null));
  unknownTopics(w, ctx);
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

/**
 * The items of the table whose topic neither the framework nor the workbook gives, named once, in words for
 * the public: how to fill them (the `ประเด็น` column of `รายข้อ`) is the workbook's contract, not the report's.
 */
function unknownTopics(w: ReportWriter, ctx: ReportContext): void {
  const scored = ctx.inds.flatMap((x) =>
    x.ind.items.filter((id) => [...ctx.cur.items.keys()].some((k) => k.split('.')[0] === id)),
  );
  const unknown = scored.filter((id) => !topicOf(ctx, id));
  if (unknown.length === 0) return;
  w.paragraph(`ข้อ ${unknown.join(', ')} แสดงเฉพาะเลขข้อและคะแนน โดยไม่ระบุประเด็นข้อคำถาม (แสดงเป็น –)`);
}

/** Where the points are: each weak item, what it adds to the total at 100, and the action that answers it. */
function gainsTable(w: ReportWriter, ctx: ReportContext, recs: NumberedRecommendation[]): void {
  if (ctx.gains.length === 0) return;
  w.lead(
    'ตารางต่อไปนี้เรียงข้อคำถามที่ต้องพัฒนาตามคะแนนรวมที่จะเพิ่มขึ้นหากข้อนั้นได้ 100 คะแนน (คำนวณตามน้ำหนักของแบบวัดและตัวชี้วัดในเกณฑ์การประเมิน) พร้อมข้อเสนอแนะ มาตรการ และผู้รับผิดชอบที่ตอบข้อนั้น',
  );
  w.table(
    'คะแนนรวมที่จะเพิ่มขึ้นเมื่อยกระดับข้อคำถาม และมาตรการที่ตอบ',
    ['ข้อ', 'คะแนน', 'คะแนนรวมเพิ่มขึ้น', 'ข้อเสนอแนะ', 'มาตรการ (เลขที่)', 'ผู้รับผิดชอบ'],
    ctx.gains.map((g) => {
      const measures = ctx.measures.filter((m) => mentionsItem(m.analysis, g.item));
      const mine = recs.filter((r) => r.items.includes(g.item));
      return {
        cells: [
          `${g.item}${g.part ? ` (ส่วนที่ ${g.part})` : ''}`,
          score(g.score),
          `+${score(g.gain)}`,
          mine.length ? mine.map((r) => `(${r.number})`).join(', ') : '–',
          measures.length ? measures.map((m) => m.number).join(', ') : 'ยังไม่มีมาตรการ',
          thaiList([...new Set(measures.map((m) => m.responsible).filter(Boolean))]) || '–',
        ],
      };
    }),
    { widths: [17, 10, 12, 15, 30, 16], dense: true },
  );
}
