import { REFUSAL_ADVICE, type SharingPlan, UNREACHABLE_ADVICE } from '../core/measures/sharing';
import type { SharingResult } from '../server/sharing';
import type { LoadedBundle } from './bundle';

const FILE_TH = { spreadsheet: 'สเปรดชีต', protection: 'การป้องกันแถว', doc: 'เอกสารรายงาน', pdf: 'PDF' };

/** The plan as the sidebar shows it before the confirm, in lines. */
export function planLines(plan: SharingPlan): string[] {
  const lines = [
    `แผนการแชร์: ล็อก ${plan.measureProtections.length} ช่วงในแท็บมาตรการ และ ${plan.teamTabs.length} แท็บของทีมงาน`,
  ];
  if (plan.withoutAccess.length > 0)
    lines.push(`  เพิ่มเป็นผู้แก้ไขสเปรดชีต (Google ส่งคำเชิญเอง): ${plan.withoutAccess.join(', ')}`);
  if (plan.hasReport && plan.viewers.length > 0)
    lines.push(`  แชร์รายงานและ PDF ให้ดู: ${plan.viewers.join(', ')}`);
  for (const f of plan.foreignProtections)
    lines.push(`  คงการป้องกันที่หน่วยงานตั้งเองไว้ตามเดิม: ${f.where}${f.description ? ` (${f.description})` : ''}`);
  return lines;
}

/** What the step did, and every refusal with what to do. */
export function resultLines(result: SharingResult): string[] {
  const count = (file: 'doc' | 'pdf') => result.shared.filter((s) => s.file === file).length;
  const lines = [
    `แชร์แล้ว: ล็อก ${result.protectedRanges} ช่วง ${result.protectedTabs} แท็บ; เพิ่มผู้แก้ไขสเปรดชีต ${result.editorsAdded.length} คน; แชร์เอกสาร ${count('doc')} คน, PDF ${count('pdf')} คน`,
  ];
  for (const r of result.refused)
    lines.push(`  ไม่สำเร็จ ${r.email} (${FILE_TH[r.target]}): ${REFUSAL_ADVICE[r.reason].th} [${r.message}]`);
  for (const u of result.unreachable)
    lines.push(
      `  ไม่ได้แชร์${u.what === 'protections' ? 'การป้องกัน' : FILE_TH[u.what]}: ${UNREACHABLE_ADVICE[u.what].th}`,
    );
  if (result.withoutAccess.length > 0) lines.push(`  ยังแก้ไขสเปรดชีตไม่ได้: ${result.withoutAccess.join(', ')}`);
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
