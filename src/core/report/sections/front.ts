import { published } from '../../decimal';
import { errorFindings } from '../../findings';
import { frameworkForYear, type LevelRule } from '../../frameworks';
import { fiscalYearPeriod, thaiList } from '../../thai';
import { levelOf, type ReportContext, score, toolLabel } from '../context';
import type { ReportWriter } from '../writer';

export const TITLE = 'การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร';
export const DRAFT_MARK = '(ร่าง)';

/** 1. The title block; a draft says so in its title. */
export function titleBlock(w: ReportWriter, ctx: ReportContext): void {
  w.title(ctx.draft ? `${DRAFT_MARK} ${TITLE}` : TITLE);
  w.center(`${ctx.agency}${ctx.abbr}`, true);
  w.center(`ประจำปีงบประมาณ พ.ศ. ${ctx.year}`, true);
  if (ctx.settings?.preparedBy) w.center(`จัดทำโดย ${ctx.settings.preparedBy}`);
  w.center(ctx.reportDate ? `วันที่ ${ctx.reportDate}` : `ข้อมูล ณ วันที่ ${ctx.today}`);
  unconfirmedNotice(w, ctx);
}

/** A report built despite data errors says so under its title. */
export function unconfirmedNotice(w: ReportWriter, ctx: ReportContext): void {
  if (!ctx.unconfirmed) return;
  const errors = errorFindings(ctx.analysis.findings).length;
  w.center(`ฉบับยังไม่ยืนยันข้อมูล: ข้อมูลมีข้อผิดพลาด ${errors} รายการ โปรดแก้ไขก่อนเผยแพร่`, true);
}

/** The draft's finding: which tabs would complete the report. */
export function draftNotice(w: ReportWriter, ctx: ReportContext): void {
  if (!ctx.draft) return;
  const tabs = ctx.analysis.workbook.tabs;
  if (ctx.cur.framework.indicators.length === 0) {
    // The old assessment had no indicators or items: no tab would complete the report.
    w.missing(
      `รายงานฉบับนี้เป็นฉบับร่าง: การประเมิน ITA ปี ${ctx.year} มีเพียงคะแนนรวมและระดับ ไม่มีตัวชี้วัดและรายข้อ จึงวิเคราะห์ข้อบกพร่องและกำหนดมาตรการตามผลไม่ได้`,
    );
    return;
  }
  w.missing(
    `รายงานฉบับนี้เป็นฉบับร่าง: ยังไม่มีคะแนนรายตัวชี้วัดและรายข้อของปี ${ctx.year} จึงยังวิเคราะห์ข้อบกพร่องและกำหนดมาตรการตามผลไม่ได้ ` +
      `กรอกคะแนนในแท็บ ${tabs.indicators ?? 'ตัวชี้วัด'} และแท็บ ${tabs.items ?? 'รายข้อ'} แล้วสร้างรายงานใหม่`,
  );
}

/** What keeps the agency from the next level, said plainly, or that it is at the top. */
export function nextLevelSentence(ctx: ReportContext): string {
  const rules = ctx.cur.framework.levels;
  const total = published(ctx.cur.total.value);
  // No established rule (2558–2561): which level is above the one given is not known.
  if (total === null || rules.rules.length === 0) return '';
  const at = rules.rules.findIndex((r) => r.label === ctx.cur.level?.label);
  const higher: LevelRule | undefined = at < 0 ? rules.rules[rules.rules.length - 1] : rules.rules[at - 1];
  if (!higher) return `อยู่ในระดับสูงสุด “${levelOf(ctx.cur)}” แล้ว ต้องรักษาระดับ`;
  const gaps: string[] = [];
  if (higher.minTotal !== undefined && total < higher.minTotal)
    gaps.push(`คะแนนรวมได้ ${score(total)} ต่ำกว่าเกณฑ์ ${score(higher.minTotal - total)} คะแนน`);
  if (higher.minEveryTool !== undefined) {
    for (const key of rules.toolsTested) {
      const v = published(ctx.cur.tools[key]?.value ?? null);
      if (v !== null && v < higher.minEveryTool)
        gaps.push(`${toolLabel(key)} ได้ ${score(v)} ต่ำกว่าเกณฑ์ ${score(higher.minEveryTool - v)} คะแนน`);
    }
  }
  if (gaps.length === 0) return '';
  return `ยังไม่ถึงระดับ “${higher.label}” เพราะ ${thaiList(gaps)}`;
}

/** The executive summary on the first page: the level, what the next one needs, where the points are. */
export function executiveSummary(w: ReportWriter, ctx: ReportContext): void {
  w.heading(1, 'บทสรุปสำหรับผู้บริหาร');
  const total = ctx.cur.total.value;
  const parts = [
    total
      ? `ผลการประเมิน ITA ปีงบประมาณ พ.ศ. ${ctx.year} ของ${ctx.agency} ได้ ${score(total)} คะแนน อยู่ในระดับ “${levelOf(ctx.cur)}”`
      : `ยังไม่มีคะแนนรวมของปีงบประมาณ พ.ศ. ${ctx.year}`,
    nextLevelSentence(ctx),
  ].filter(Boolean);
  w.paragraph(parts.join(' '));
  const top = ctx.gains.slice(0, 3);
  if (top.length > 0) {
    const named = top.map(
      (g) =>
        `ข้อ ${g.item}${g.part ? ` (EIT ส่วนที่ ${g.part})` : ''} ได้ ${score(g.score)} คะแนน หากยกระดับเป็น 100 คะแนนรวมจะเพิ่ม ${score(g.gain)} คะแนน`,
    );
    const sum = top.reduce((a, g) => a + g.gain, 0);
    w.paragraph(
      `ข้อคำถามที่ยกระดับแล้วได้คะแนนรวมเพิ่มมากที่สุด ${top.length} ข้อ (คำนวณตามน้ำหนักของเกณฑ์การประเมิน) ได้แก่ ${thaiList(named)} รวม ${score(Math.round(sum * 100) / 100)} คะแนน`,
    );
    const answering = ctx.measures.filter((m) => top.some((g) => mentionsItem(m.analysis, g.item)));
    if (answering.length > 0)
      w.paragraph(
        `มาตรการที่ตอบข้อเหล่านี้: ${thaiList(answering.slice(0, 4).map((m) => `${m.number} ${m.title}`))}`,
      );
  } else if (!ctx.draft && ctx.cur.items.size === 0) {
    w.paragraph('ไม่มีคะแนนรายข้อ จึงยังคำนวณไม่ได้ว่าการยกระดับข้อใดเพิ่มคะแนนรวมมากที่สุด');
  }
}

/** A measure's analysis names the item (`ข้อ e4`, not `ข้อ e41`). */
export function mentionsItem(text: string, item: string): boolean {
  return new RegExp(`ข้อ ${item}(?![0-9])`).test(text);
}

/** 2. ๑. ความเป็นมา, with the item number of the report year's framework. */
export function background(w: ReportWriter, ctx: ReportContext): void {
  // A year of totals only cites no item: the next year's item numbers are another framework's.
  const totalsOnly = ctx.cur.framework.indicators.length === 0;
  const item = totalsOnly
    ? null
    : frameworkForYear(ctx.reportYear, ctx.analysis.frameworks).framework.developmentItem;
  w.heading(1, '1. ความเป็นมา');
  w.paragraph(
    item
      ? `สำนักงาน ป.ป.ช. ได้กำหนดเกณฑ์การประเมิน ITA ปี ${ctx.reportYear} ในข้อ ${item.id} ${item.title} โดยมีรายละเอียดดังนี้`
      : `สำนักงาน ป.ป.ช. ได้กำหนดเกณฑ์การประเมิน ITA ปี ${ctx.reportYear} ให้หน่วยงานนำผลการประเมินไปสู่การพัฒนาองค์กร โดยมีรายละเอียดดังนี้`,
  );
  w.paragraph(
    `1.1 แสดงการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐในปีงบประมาณ พ.ศ. ${ctx.year}${totalsOnly ? '' : ctx.draft ? ' ให้ครบทุกตัวชี้วัดของเกณฑ์' : ` ให้ครอบคลุมทั้ง ${ctx.inds.length} ตัวชี้วัด`}`,
  );
  w.paragraph('1.2 แสดงการนำผลการวิเคราะห์ไปสู่การปรับปรุงหรือพัฒนาองค์กรหรือรักษาระดับ โดยมีรายละเอียดอย่างน้อย ประกอบด้วย');
  [
    'มาตรการหรือโครงการหรือกิจกรรม',
    'ผลการวิเคราะห์ตัวชี้วัดตามหลักเกณฑ์การประเมิน ITA ที่สอดคล้องกับมาตรการหรือโครงการหรือกิจกรรม',
    'ขั้นตอนหรือวิธีการดำเนินการ',
    'ช่วงระยะเวลาการดำเนินการ',
    'ผู้รับผิดชอบ',
  ].forEach((line, i) => {
    w.paragraph(`(${i + 1}) ${line}`);
  });
  w.paragraph(
    ctx.draft
      ? `ร่างฉบับนี้รวบรวมผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ${ctx.year} เท่าที่มีในสมุดงาน ${ctx.agency} จะวิเคราะห์รายตัวชี้วัดและกำหนดมาตรการเมื่อมีคะแนนรายตัวชี้วัดและรายข้อ สำหรับช่วง ${fiscalYearPeriod(ctx.reportYear, false)}`
      : `${ctx.agency} ได้วิเคราะห์ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ${ctx.year} พร้อมทั้งกำหนดมาตรการเพื่อใช้เป็นแนวทางในการปรับปรุงหรือพัฒนาองค์กร ในช่วง ${fiscalYearPeriod(ctx.reportYear, false)} ดังนี้`,
  );
}
