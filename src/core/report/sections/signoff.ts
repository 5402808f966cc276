import type { ReportContext } from '../context';
import type { ReportWriter } from '../writer';

const LINE = '........................................';
const SIGN = LINE.slice(0, 22);

/**
 * The proposal and approval in the usual Thai form: ลงชื่อ … (name) position, date. A name the settings do
 * not give stays a dotted line to sign on; nothing is invented.
 */
export function signOff(w: ReportWriter, ctx: ReportContext): void {
  signatures(
    w,
    ctx,
    `จึงเรียนมาเพื่อโปรดพิจารณาให้ความเห็นชอบการวิเคราะห์ผลการประเมินและมาตรการ ประจำปีงบประมาณ พ.ศ. ${ctx.reportYear} ตามรายงานฉบับนี้`,
    ctx.reportDate,
  );
}

/**
 * The request, then the preparer's, the proposer's and the approver's signatures side by side, each dated
 * (or a line to date), on one page.
 */
export function signatures(
  w: ReportWriter,
  ctx: Pick<ReportContext, 'settings'>,
  request: string,
  dated: string | null,
): void {
  const s = ctx.settings?.signOff;
  const date = dated ?? `${LINE.slice(0, 10)}/${LINE.slice(0, 20)}/${LINE.slice(0, 10)}`;
  // Three columns side by side: the line to sign on is shorter, so that it fits a third of the page.
  const block = (role: string, name: string | undefined, position: string | undefined) => [
    `ลงชื่อ ${SIGN} ${role}`,
    `(${name || LINE})`,
    `ตำแหน่ง ${position || LINE}`,
    `วันที่ ${date}`,
  ];
  w.paragraph(request);
  w.signatures([
    ['จัดทำ', ...block('ผู้จัดทำ', s?.preparer, s?.preparerPosition)],
    ['เสนอ', ...block('ผู้เสนอ', s?.proposer, s?.proposerPosition)],
    ['อนุมัติ', ...block('ผู้อนุมัติ', s?.approver, s?.approverPosition)],
  ]);
}
