import { type MeasureRow, measureName, ownsMeasure, progressSummary, STATUSES } from '../../measures/tab';
import { fiscalYearPeriod } from '../../thai';
import type { ReportContext } from '../context';
import type { ReportWriter, TableRowModel } from '../writer';

/** A period as two lines, each date held together, so that the column never breaks inside a date. */
export function periodCell(period: string): string {
  return period
    .split(/\s+(?:ถึง|–|-)\s+/)
    .map((part, i, all) => `${part.trim().replace(/\s+/g, '\u00a0')}${i < all.length - 1 ? ' –' : ''}`)
    .join('\n');
}

const QUARTERS = ['ต.ค.–ธ.ค.', 'ม.ค.–มี.ค.', 'เม.ย.–มิ.ย.', 'ก.ค.–ก.ย.'];

/** The steps as the quarters' milestones where the tab has them (they come from the steps), else the steps. */
function stepsCell(m: MeasureRow): string {
  if (m.milestones.every((x) => x === '')) return m.steps;
  return m.milestones
    .map((x, i) => (x ? `ไตรมาส ${i + 1}: ${x}` : ''))
    .filter(Boolean)
    .join('\n');
}

/** 6. ส่วนที่ ๒: the measures tab as the divisions left it, grouped by indicator. */
export function measuresTable(w: ReportWriter, ctx: ReportContext): void {
  w.heading(
    2,
    `ส่วนที่ 2 การนำผลการวิเคราะห์ไปสู่การปรับปรุง พัฒนาองค์กร หรือรักษาระดับ (${fiscalYearPeriod(ctx.reportYear, false)})`,
  );
  const live = ctx.measures;
  if (live.length === 0 && !ctx.inds.some((x) => !x.c)) {
    w.missing('ยังไม่มีมาตรการในแท็บ มาตรการ');
    return;
  }
  const row = (m: (typeof live)[number]): TableRowModel => ({
    cells: [measureName(m), m.analysis, stepsCell(m), periodCell(m.period), m.responsible],
  });
  const rows: TableRowModel[] = [];
  for (const x of ctx.inds) {
    const mine = live.filter((m) => m.indicator === x.ind.number);
    rows.push({ cells: [`${x.ind.number}. ${x.ind.name}`, '', '', '', ''], group: true, bold: true });
    if (mine.length === 0)
      rows.push({
        cells: [
          x.c ? 'ยังไม่มีมาตรการสำหรับตัวชี้วัดนี้' : 'จะกำหนดมาตรการเมื่อทราบคะแนนของตัวชี้วัดนี้',
          x.c ? '' : 'ยังไม่มีคะแนน',
          '',
          '',
          '',
        ],
      });
    rows.push(...mine.map(row));
  }
  const others = live.filter((m) => !ctx.inds.some((x) => x.ind.number === m.indicator));
  if (others.length > 0) {
    rows.push({ cells: ['มาตรการอื่น ๆ', '', '', '', ''], group: true, bold: true });
    rows.push(...others.map(row));
  }
  if (live.some((m) => m.milestones.some(Boolean)))
    w.lead(
      `ขั้นตอนของแต่ละมาตรการแสดงเป็นเป้าหมายรายไตรมาสของปีงบประมาณ พ.ศ. ${ctx.reportYear}: ${QUARTERS.map((q, i) => `ไตรมาส ${i + 1} (${q})`).join(' ')}`,
    );
  divisionList(w, ctx, live);
  w.table(
    `มาตรการ โครงการ และกิจกรรม ปีงบประมาณ พ.ศ. ${ctx.reportYear}`,
    [
      'มาตรการ/โครงการ/กิจกรรม (1)',
      'ผลการวิเคราะห์ตัวชี้วัดตามหลักเกณฑ์การประเมิน ITA (2)',
      'ขั้นตอน/วิธีการดำเนินการ (3)',
      'ช่วงระยะเวลาในการดำเนินการ (4)',
      'ผู้รับผิดชอบ (5)',
    ],
    rows,
    { widths: [18, 22, 26, 20, 14], dense: true },
  );
}

/** The divisions the responsible column names by code, spelled out once (from `หน่วยงานภายใน`). */
export function divisionList(
  w: ReportWriter,
  ctx: ReportContext,
  measures: readonly { responsible: string }[],
): void {
  const named = ctx.analysis.workbook.divisions.filter(
    (d) => d.name && d.name !== d.code && measures.some((m) => ownsMeasure(m.responsible, d.code)),
  );
  if (named.length === 0) return;
  w.lead(`หน่วยงานผู้รับผิดชอบ: ${named.map((d) => `${d.code} หมายถึง ${d.name}`).join(', ')}`);
}

/** ส่วนที่ ๓: once the divisions have started, where each stands (the follow-up the next report needs). */
export function progressPart(w: ReportWriter, ctx: ReportContext): void {
  const live = ctx.measures;
  if (!live.some((m) => (m.status && m.status !== STATUSES[0]) || (m.progress ?? 0) > 0)) return;
  const progress = progressSummary(
    live,
    ctx.analysis.workbook.divisions.map((x) => x.code),
  );
  const count = (status: string) => progress.byStatus[status] ?? 0;
  w.heading(2, `ส่วนที่ 3 ความคืบหน้าการดำเนินการตามมาตรการ ข้อมูล ณ วันที่ ${ctx.today}`);
  const cancelled = count(STATUSES[3]);
  w.paragraph(
    `มาตรการทั้งหมด ${progress.total} รายการ ดำเนินการเสร็จสิ้น ${count(STATUSES[2])} รายการ กำลังดำเนินการ ${count(STATUSES[1])} รายการ ` +
      (cancelled > 0
        ? `ยังไม่เริ่ม ${count(STATUSES[0])} รายการ และยกเลิก ${cancelled} รายการ`
        : `และยังไม่เริ่ม ${count(STATUSES[0])} รายการ`),
  );
  if (progress.byDivision.length === 0) return;
  // Cancelled measures get a column only when there are some; the mean progress leaves them out.
  const withCancelled = cancelled > 0;
  w.table(
    'ความคืบหน้าการดำเนินการตามมาตรการ รายหน่วยงาน',
    [
      'หน่วยงาน',
      'มาตรการ',
      'เสร็จสิ้น',
      'กำลังดำเนินการ',
      'ยังไม่เริ่ม',
      ...(withCancelled ? ['ยกเลิก'] : []),
      'ความคืบหน้าเฉลี่ย (%)',
    ],
    progress.byDivision.map((x) => ({
      cells: [
        x.division,
        String(x.total),
        String(x.done),
        String(x.inProgress),
        String(x.notStarted),
        ...(withCancelled ? [String(x.cancelled)] : []),
        x.meanProgress === null ? '–' : String(x.meanProgress),
      ],
    })),
    { widths: withCancelled ? [20, 12, 12, 16, 12, 11, 17] : [22, 14, 14, 18, 14, 18] },
  );
}
