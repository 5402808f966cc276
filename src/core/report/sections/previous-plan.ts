import { delta } from '../../analysis/json';
import type { MeasureRow } from '../../measures/tab';
import { changeWord, formatDelta } from '../../thai';
import { type ReportContext, score } from '../context';
import type { ReportWriter } from '../writer';

/**
 * The measures of the plan made from the previous year's results: the add-on's own rows, whose code begins
 * with that assessed year (`2567-5-…`), whether or not the new plan still suggests them.
 */
export function previousPlan(ctx: ReportContext): MeasureRow[] {
  const prev = ctx.prev;
  if (!prev) return [];
  return ctx.allMeasures.filter((m) => m.id.startsWith(`${prev.year}-`) && m.indicator !== null);
}

/**
 * ผลของมาตรการปีที่ผ่านมา: for each measure of last year's plan, how the indicator it aimed at moved between
 * the two assessments, with the status the divisions left. A first year (no previous plan) has no section.
 */
export function previousPlanResults(w: ReportWriter, ctx: ReportContext): void {
  const measures = previousPlan(ctx);
  const prev = ctx.prev;
  if (!prev || measures.length === 0) return;
  w.heading(3, `ผลของมาตรการตามแผนปีงบประมาณ พ.ศ. ${ctx.year} ต่อผลการประเมิน`);
  const rows = measures.map((m) => {
    const x = ctx.inds.find((i) => i.ind.number === m.indicator);
    const change = delta(x?.c, x?.p);
    return {
      m,
      change,
      cells: [
        `${m.number} ${m.title}`,
        x ? `${x.ind.number}. ${x.ind.name}` : String(m.indicator),
        m.status || 'ไม่ระบุ',
        x ? `${score(x.p)} → ${score(x.c)}` : '–',
        change === null ? '–' : `${changeWord(change)} (${formatDelta(change, false)})`,
      ],
    };
  });
  const up = rows.filter((r) => (r.change ?? 0) > 0).length;
  const down = rows.filter((r) => (r.change ?? 0) < 0).length;
  w.lead(
    `มาตรการตามแผนที่จัดทำจากผลการประเมินปีงบประมาณ พ.ศ. ${prev.year} จำนวน ${measures.length} รายการ ตัวชี้วัดที่มาตรการมุ่งพัฒนามีคะแนนเพิ่มขึ้น ${up} รายการ และลดลง ${down} รายการ เมื่อเทียบผลการประเมินปี ${prev.year} กับปี ${ctx.year}`,
  );
  w.table(
    `มาตรการปีงบประมาณ พ.ศ. ${ctx.year} กับคะแนนตัวชี้วัดที่มุ่งพัฒนา`,
    ['มาตรการ/โครงการ/กิจกรรม', 'ตัวชี้วัด', 'สถานะ', `คะแนน ${prev.year} → ${ctx.year}`, 'การเปลี่ยนแปลง'],
    rows.map((r) => ({ cells: r.cells })),
    { widths: [30, 24, 14, 17, 15], dense: true },
  );
}
