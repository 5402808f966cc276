import type { AnalysisJson } from './analysis/json';
import { bySeverity } from './findings';
import { terminalText } from './terminal';
import { changeWord, formatDelta, formatScore, thaiDigitsInText } from './thai';

const SEVERITY_TH = { error: 'ข้อผิดพลาด', warning: 'คำเตือน', info: 'หมายเหตุ' } as const;

function pad(text: string, width: number): string {
  // Thai combining marks take no column of their own.
  const visible = text.replace(/[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/g, '').length;
  return text + ' '.repeat(Math.max(1, width - visible));
}

/** The readable Thai summary that `ita-report analyze` prints without --json. */
export function summaryText(a: AnalysisJson, thaiDigits = true): string {
  const n = (v: number | null) => formatScore(v, thaiDigits);
  const d = (v: number | null) => formatDelta(v, thaiDigits);
  const t = (text: string) => (thaiDigits ? thaiDigitsInText(text) : text);
  const lines: string[] = [];
  const cur = a.year !== null ? a.scores[String(a.year)] : undefined;
  const years = Object.keys(a.scores).map(Number);
  const prevYear = a.year === null ? undefined : years.filter((y) => y < (a.year as number)).pop();
  const prev = prevYear !== undefined ? a.scores[String(prevYear)] : undefined;
  const agency = a.agency ? terminalText(a.agency) : '(ไม่ทราบชื่อหน่วยงาน)';
  lines.push(t(`${agency} — ผลการประเมิน ITA ปีงบประมาณ พ.ศ. ${a.year ?? '?'}`));
  if (a.framework) lines.push(`กรอบการประเมิน ${a.framework}`);
  if (cur) {
    const how = cur.level_source === 'deduced' ? ' (อนุมานจากขอบเขตของคะแนน)' : '';
    let line = `คะแนนรวม ${n(cur.total)} ระดับ "${cur.level ?? '–'}"${how}`;
    if (prev && a.deltas.total !== null) {
      line += ` ${changeWord(a.deltas.total)} ${n(Math.abs(a.deltas.total))} จากปี ${t(String(prevYear))} (${n(prev.total)})`;
    }
    lines.push(line, '');
    const head = (label: string) =>
      pad(label, 10) +
      pad(prev ? t(String(prevYear)) : '', 9) +
      pad(t(String(a.year)), 9) +
      (prev ? 'ผลต่าง' : '');
    lines.push('รายเครื่องมือ', head('แบบวัด'));
    for (const key of Object.keys(cur.tools)) {
      const delta = prev ? d(a.deltas.tools[key] ?? null) : '';
      lines.push(
        pad(key, 10) + pad(prev ? n(prev.tools[key] ?? null) : '', 9) + pad(n(cur.tools[key]), 9) + delta,
      );
    }
    lines.push('', 'รายตัวชี้วัด', head('ตัวชี้วัด'));
    for (const key of Object.keys(cur.indicators)) {
      const delta = prev
        ? `${d(a.deltas.indicators[key] ?? null)} ${changeWord(a.deltas.indicators[key] ?? null)}`
        : '';
      lines.push(
        pad(t(key), 10) +
          pad(prev ? n(prev.indicators[key] ?? null) : '', 9) +
          pad(n(cur.indicators[key]), 9) +
          delta,
      );
    }
    lines.push('');
    if (a.weakest.length > 0) {
      const list = a.weakest.map(
        (w) => `${w.item}${w.part ? ` ส่วนที่ ${t(String(w.part))}` : ''} (${n(w.score)})`,
      );
      lines.push(`ข้อที่ต้องพัฒนา: ${list.join(', ')}`);
    } else {
      lines.push('ข้อที่ต้องพัฒนา: ไม่มีข้อที่ต่ำกว่าเกณฑ์');
    }
  }
  if (a.findings.length > 0) {
    lines.push('', `ข้อสังเกตจากการตรวจข้อมูล (${t(String(a.findings.length))} รายการ)`);
    for (const f of bySeverity(a.findings)) lines.push(`- [${SEVERITY_TH[f.severity]}] ${f.message}`);
  } else {
    lines.push('', 'ตรวจข้อมูลแล้ว ไม่พบข้อผิดพลาด');
  }
  return lines.join('\n');
}
