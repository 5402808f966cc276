import { REFUSAL_ADVICE, type SharingPlan, UNREACHABLE_ADVICE } from '../core/measures/sharing';
import type { SharingResult } from '../server/sharing';
import type { LoadedBundle } from './bundle';

type Lang = 'th' | 'en';
const WHAT = {
  spreadsheet: { th: 'สเปรดชีต', en: 'spreadsheet' },
  protection: { th: 'การล็อกแถว', en: 'row protection' },
  doc: { th: 'เอกสารรายงาน', en: 'report Doc' },
  pdf: { th: 'PDF', en: 'PDF' },
  protections: { th: 'การล็อกแถว', en: 'protections' },
};

/** The plan as the sidebar shows it before the confirm, in lines. */
export function planLines(plan: SharingPlan, lang: Lang = 'th'): string[] {
  const say = (th: string, en: string) => (lang === 'th' ? th : en);
  const n = plan.measureProtections.length;
  const tabs = plan.teamTabs.length;
  const lines = [
    say(
      `แผนการแชร์: ล็อก ${n} ช่วงในแท็บมาตรการ และ ${tabs} แท็บของทีมงาน`,
      `Sharing plan: ${n} ranges of the measures tab and ${tabs} team tabs protected`,
    ),
  ];
  const without = plan.withoutAccess.join(', ');
  if (without)
    lines.push(
      say(
        `  เพิ่มเป็นผู้แก้ไขสเปรดชีต (Google ส่งคำเชิญเอง): ${without}`,
        `  added as editors of the spreadsheet (Google sends its own invitation): ${without}`,
      ),
    );
  const viewers = plan.viewers.join(', ');
  if (plan.hasReport && viewers)
    lines.push(
      say(`  แชร์รายงานและ PDF ให้ดู: ${viewers}`, `  the report and PDF shared as viewers: ${viewers}`),
    );
  for (const f of plan.foreignProtections) {
    const where = `${f.where}${f.description ? ` (${f.description})` : ''}`;
    lines.push(
      say(
        `  คงการป้องกันที่หน่วยงานตั้งเองไว้ตามเดิม: ${where}`,
        `  left as it is, the agency's own protection: ${where}`,
      ),
    );
  }
  return lines;
}

/** What the step did, and every refusal with what to do. */
export function resultLines(result: SharingResult, lang: Lang = 'th'): string[] {
  const say = (th: string, en: string) => (lang === 'th' ? th : en);
  const doc = result.shared.filter((s) => s.file === 'doc').length;
  const pdf = result.shared.filter((s) => s.file === 'pdf').length;
  const { protectedRanges: ranges, protectedTabs: tabs } = result;
  const editors = result.editorsAdded.length;
  const lines = [
    say(
      `แชร์แล้ว: ล็อก ${ranges} ช่วง ${tabs} แท็บ; เพิ่มผู้แก้ไขสเปรดชีต ${editors} คน; แชร์เอกสาร ${doc} คน, PDF ${pdf} คน`,
      `Shared: ${ranges} ranges and ${tabs} tabs protected; ${editors} spreadsheet editors added; the Doc shared with ${doc}, the PDF with ${pdf}`,
    ),
  ];
  for (const r of result.refused)
    lines.push(
      `  ${say('ไม่สำเร็จ', 'refused')} ${r.email} (${WHAT[r.target][lang]}): ${REFUSAL_ADVICE[r.reason][lang]} [${r.message}]`,
    );
  for (const u of result.unreachable)
    lines.push(
      `  ${say('ไม่ได้แชร์', 'not shared')} ${WHAT[u.what][lang]}: ${(u.fix ?? UNREACHABLE_ADVICE[u.what])[lang]}`,
    );
  const without = result.withoutAccess.join(', ');
  if (without)
    lines.push(say(`  ยังแก้ไขสเปรดชีตไม่ได้: ${without}`, `  still cannot edit the spreadsheet: ${without}`));
  return lines;
}

/** The sidebar's "share with divisions" with every box ticked: the spreadsheet, the protections, the report. */
export function shareAll(bundle: LoadedBundle): { plan: SharingPlan; result: SharingResult } {
  const plan = bundle.call<SharingPlan>('apiSharingPlan');
  const result = bundle.call<SharingResult>('apiApplySharing', {
    protect: true,
    shareSpreadsheet: true,
    shareReport: plan.hasReport,
    notify: false,
  });
  return { plan, result };
}
