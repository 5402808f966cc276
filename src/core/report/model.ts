import type { Analysis, YearAnalysis } from '../analysis/analyze';
import { delta } from '../analysis/json';
import { type Exact, published } from '../decimal';
import { errorFindings } from '../findings';
import { EIT_PART_NAMES, frameworkForYear, TOOL_NAMES, type ToolKey } from '../frameworks';
import { type MeasureRow, progressSummary, STATUSES } from '../measures/tab';
import {
  BE_OFFSET,
  changeWord,
  fiscalYearPeriod,
  formatDelta,
  formatScore,
  thaiDate,
  thaiDigitsInText,
  thaiList,
} from '../thai';

export interface TableRowModel {
  cells: string[];
  bold?: boolean;
  /** A row that heads a group (an indicator in the measures table). */
  group?: boolean;
}

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'center'; text: string; bold?: boolean }
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; indent?: boolean }
  | {
      kind: 'table';
      caption: string | null;
      header: string[];
      rows: TableRowModel[];
      widths: number[];
      /** Dense tables (the analysis and the measures) are set a point smaller. */
      dense?: boolean;
    }
  | {
      kind: 'chart';
      id: 'trend' | 'tools' | 'indicators';
      caption: string;
      type: 'COLUMN' | 'LINE';
      /** The chart's data as a sheet range: first row the series names, first column the labels. */
      data: (string | number | null)[][];
    }
  /** A part that has no data says so in one line instead of vanishing. */
  | { kind: 'missing'; text: string };

export interface ReportModel {
  name: string;
  thaiDigits: boolean;
  blocks: Block[];
  /** Built although the data had errors (the user said to go on): marked in the title as unconfirmed. */
  unconfirmed: boolean;
}

export interface ReportInput {
  analysis: Analysis;
  measures: readonly MeasureRow[];
  /** Today, for the "as of" date (a Buddhist-era date). */
  today: Date;
  /** The user chose to build despite error findings: the report says it is unconfirmed. */
  unconfirmed?: boolean;
}

const TOOL_ORDER_PARTS: ToolKey[] = ['IIT', 'EIT1', 'EIT2', 'OIT'];
const TOOL_ORDER: ToolKey[] = ['IIT', 'EIT', 'OIT'];

function toolLabel(key: ToolKey): string {
  return key === 'EIT1' ? 'EIT ส่วนที่ 1' : key === 'EIT2' ? 'EIT ส่วนที่ 2' : key;
}

/** The report of docs/report.md as blocks: every figure from the analysis, every caption numbered in order. */
export function buildReport({ analysis, measures, today, unconfirmed = false }: ReportInput): ReportModel {
  const cur = analysis.current;
  if (!cur) throw new Error('The report needs the analysis of the assessed year.');
  const wb = analysis.workbook;
  const settings = wb.settings;
  const thai = settings?.thaiDigits ?? true;
  const t = (text: string) => (thai ? thaiDigitsInText(text) : text);
  const n = (v: Exact | null | undefined) => formatScore(published(v ?? null), thai);
  const d = (v: number | null) => formatDelta(v, thai);
  const prev = analysis.previous;
  const agency = analysis.agency;
  const abbr = settings?.abbreviation ? ` (${settings.abbreviation})` : '';
  const year = cur.year;
  const reportYear = year + 1;
  const blocks: Block[] = [];
  let tables = 0;
  let figures = 0;
  const table = (
    caption: string | null,
    header: string[],
    rows: TableRowModel[],
    widths: number[],
    dense = false,
  ) => {
    blocks.push({
      dense,
      kind: 'table',
      caption: caption ? t(`ตารางที่ ${++tables} ${caption}`) : null,
      header: header.map(t),
      rows: rows.map((r) => ({ ...r, cells: r.cells.map(t) })),
      widths,
    });
  };
  const chart = (
    id: 'trend' | 'tools' | 'indicators',
    caption: string,
    type: 'COLUMN' | 'LINE',
    data: (string | number | null)[][],
  ) => {
    blocks.push({ kind: 'chart', id, caption: t(`รูปที่ ${++figures} ${caption}`), type, data });
  };
  const p = (text: string, indent = true) => blocks.push({ kind: 'paragraph', text: t(text), indent });
  const h = (level: 1 | 2 | 3, text: string) => blocks.push({ kind: 'heading', level, text: t(text) });
  const missing = (text: string) => blocks.push({ kind: 'missing', text: t(text) });
  const levelOf = (y: YearAnalysis | null) => y?.level?.label ?? 'ไม่ทราบระดับ';

  // 1. Title block
  blocks.push({ kind: 'title', text: 'การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร' });
  blocks.push({ kind: 'center', text: `${agency}${abbr}`, bold: true });
  blocks.push({ kind: 'center', text: t(`ประจำปีงบประมาณ พ.ศ. ${year}`), bold: true });
  if (settings?.preparedBy) blocks.push({ kind: 'center', text: `จัดทำโดย ${settings.preparedBy}` });
  blocks.push({ kind: 'center', text: t(`ข้อมูล ณ วันที่ ${thaiDateOf(today)}`) });
  if (unconfirmed) {
    const errors = errorFindings(analysis.findings).length;
    blocks.push({
      kind: 'center',
      text: t(`ฉบับยังไม่ยืนยันข้อมูล: ข้อมูลมีข้อผิดพลาด ${errors} รายการ โปรดแก้ไขก่อนเผยแพร่`),
      bold: true,
    });
  }

  // 2. ๑. ความเป็นมา
  const reportFramework = frameworkForYear(reportYear, analysis.frameworks).framework;
  const item = reportFramework.developmentItem;
  h(1, '1. ความเป็นมา');
  p(
    item
      ? `สำนักงาน ป.ป.ช. ได้กำหนดเกณฑ์การประเมิน ITA ปี ${reportYear} ในข้อ ${item.id} ${item.title} โดยมีรายละเอียดดังนี้`
      : `สำนักงาน ป.ป.ช. ได้กำหนดเกณฑ์การประเมิน ITA ปี ${reportYear} ให้หน่วยงานนำผลการประเมินไปสู่การพัฒนาองค์กร โดยมีรายละเอียดดังนี้`,
  );
  p(
    `1.1 แสดงการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐในปีงบประมาณ พ.ศ. ${year} ให้ครอบคลุมทั้ง ${cur.framework.indicators.length} ตัวชี้วัด`,
  );
  p('1.2 แสดงการนำผลการวิเคราะห์ไปสู่การปรับปรุงหรือพัฒนาองค์กรหรือรักษาระดับ โดยมีรายละเอียดอย่างน้อย ประกอบด้วย');
  for (const [i, line] of [
    'มาตรการหรือโครงการหรือกิจกรรม',
    'ผลการวิเคราะห์ตัวชี้วัดตามหลักเกณฑ์การประเมิน ITA ที่สอดคล้องกับมาตรการหรือโครงการหรือกิจกรรม',
    'ขั้นตอนหรือวิธีการดำเนินการ',
    'ช่วงระยะเวลาการดำเนินการ',
    'ผู้รับผิดชอบ',
  ].entries()) {
    p(`(${i + 1}) ${line}`);
  }
  p(
    `${agency} ได้วิเคราะห์ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ${year} พร้อมทั้งกำหนดมาตรการเพื่อใช้เป็นแนวทางในการปรับปรุงหรือพัฒนาองค์กร ในช่วง ${fiscalYearPeriod(reportYear, false)} ดังนี้`,
  );

  // 3. ๒. ผลการประเมิน
  h(1, `2. ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ${year}`);
  h(2, '2.1 ผลการประเมินในภาพรวม');
  const totalDelta = delta(cur.total.value, prev?.total.value);
  let overall = `${agency} ได้ผลการประเมินในภาพรวม ${n(cur.total.value)} คะแนน อยู่ในระดับ “${levelOf(cur)}”`;
  if (prev && totalDelta !== null) {
    overall +=
      totalDelta === 0
        ? ` เท่ากับปีงบประมาณ พ.ศ. ${prev.year}`
        : ` ${changeWord(totalDelta)} ${formatScore(Math.abs(totalDelta), false)} คะแนน เมื่อเทียบกับปีงบประมาณ พ.ศ. ${prev.year} ที่ได้ ${n(prev.total.value)} คะแนน อยู่ในระดับ “${levelOf(prev)}”`;
  }
  const peers = wb.peers.filter((x) => (x.year ?? year) === year && x.score);
  let peerRows: { agency: string; score: Exact; level: string; self: boolean }[] = [];
  if (peers.length > 0) {
    const names = [agency, settings?.abbreviation ?? ''].filter(Boolean).map((x) => x.replace(/\s+/g, ''));
    peerRows = peers.map((x) => ({
      agency: x.agency,
      score: x.score as Exact,
      level: x.level,
      self: names.includes(x.agency.replace(/\s+/g, '').replace(/\(.*\)$/, '')),
    }));
    if (!peerRows.some((r) => r.self) && cur.total.value) {
      peerRows.push({ agency: `${agency}${abbr}`, score: cur.total.value, level: levelOf(cur), self: true });
    }
    peerRows.sort((a, b) => b.score.compare(a.score));
    const rank = peerRows.findIndex((r) => r.self) + 1;
    const group = settings?.parent ? `หน่วยงานในสังกัด${settings.parent}` : 'หน่วยงานในกลุ่มเดียวกัน';
    overall += ` และจัดอยู่ในอันดับที่ ${rank} จาก ${peerRows.length} ${group}`;
  }
  p(overall);
  if (peerRows.length > 0) {
    table(
      `ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ${year} ของ${settings?.parent ? `หน่วยงานในสังกัด${settings.parent}` : 'หน่วยงานในกลุ่มเดียวกัน'}`,
      ['อันดับ', 'หน่วยงาน', 'คะแนน ITA', 'ผลการประเมิน'],
      peerRows.map((r, i) => ({
        cells: [String(i + 1), r.agency, formatScore(published(r.score), false), r.level],
        bold: r.self,
      })),
      [12, 52, 16, 20],
    );
  } else {
    missing('ไม่มีข้อมูลหน่วยงานในสังกัดสำหรับเปรียบเทียบ (แท็บ หน่วยงานในสังกัด ว่างหรือไม่มี)');
  }
  const trendYears = analysis.years.filter((y) => y.year <= year && y.total.value).slice(-5);
  if (trendYears.length > 0) {
    const first = trendYears[0].year;
    chart(
      'trend',
      `ผลการประเมิน ITA ของ${agency} ${trendYears.length > 1 ? `ย้อนหลัง ${trendYears.length} ปี (พ.ศ. ${first}–${year})` : `ปี พ.ศ. ${year}`}`,
      trendYears.length > 1 ? 'LINE' : 'COLUMN',
      [['ปีงบประมาณ', 'คะแนนรวม'], ...trendYears.map((y) => [String(y.year), published(y.total.value)])],
    );
  } else {
    missing('ไม่มีคะแนนรวมสำหรับแสดงแนวโน้ม');
  }

  // ๒.๒ รายเครื่องมือ
  h(2, '2.2 ผลการประเมินรายเครื่องมือ');
  const parts = cur.framework.eitParts.length > 0;
  const toolKeys = parts ? TOOL_ORDER_PARTS : TOOL_ORDER;
  p(
    `ผลการประเมินรายเครื่องมือ แบ่งออกเป็น (1) ${TOOL_NAMES.IIT.th} (แบบวัด IIT) (2) ${TOOL_NAMES.EIT.th} (แบบวัด EIT)${parts ? ` ซึ่งแบ่งเป็นส่วนที่ 1 ${EIT_PART_NAMES[1].th} และส่วนที่ 2 ${EIT_PART_NAMES[2].th}` : ''} และ (3) ${TOOL_NAMES.OIT.th} (แบบวัด OIT) มีผลดังนี้`,
  );
  const haveTools = toolKeys.some((k) => cur.tools[k]?.value);
  if (haveTools) {
    const rows = [
      ...toolKeys.map((k) => ({ label: toolLabel(k), c: cur.tools[k]?.value, p: prev?.tools[k]?.value })),
      { label: 'ภาพรวม', c: cur.total.value, p: prev?.total.value },
    ];
    if (prev) {
      table(
        `ผลการประเมินรายเครื่องมือ ปีงบประมาณ พ.ศ. ${prev.year} และ ${year}`,
        ['แบบวัด', `ปีงบประมาณ พ.ศ. ${prev.year}`, `ปีงบประมาณ พ.ศ. ${year}`, 'ผลต่าง'],
        rows.map((r) => ({
          cells: [r.label, n(r.p), n(r.c), d(delta(r.c, r.p))],
          bold: r.label === 'ภาพรวม',
        })),
        [34, 22, 22, 22],
      );
    } else {
      table(
        `ผลการประเมินรายเครื่องมือ ปีงบประมาณ พ.ศ. ${year}`,
        ['แบบวัด', `ปีงบประมาณ พ.ศ. ${year}`],
        rows.map((r) => ({ cells: [r.label, n(r.c)], bold: r.label === 'ภาพรวม' })),
        [50, 50],
      );
    }
    const header = ['แบบวัด', ...(prev ? [String(prev.year)] : []), String(year)];
    chart('tools', `ผลการประเมินรายเครื่องมือ (${toolKeys.map(toolLabel).join(' ')})`, 'COLUMN', [
      header,
      ...toolKeys.map((k) => [
        toolLabel(k),
        ...(prev ? [published(prev.tools[k]?.value ?? null)] : []),
        published(cur.tools[k]?.value ?? null),
      ]),
    ]);
  } else {
    missing('ไม่มีคะแนนรายเครื่องมือ');
  }
  const topic = (id: string) => wb.itemTopics.get(id) ?? cur.framework.itemTopics[id] ?? '';
  if (analysis.weakest.length > 0) {
    const rule = settings?.weakThreshold
      ? `ต่ำกว่าเกณฑ์ ${formatScore(published(settings.weakThreshold), false)} คะแนน`
      : 'ต่ำกว่าค่าเฉลี่ยของข้อคำถามในแบบวัดเดียวกัน';
    const count = new Set(analysis.weakest.map((w) => w.item)).size;
    p(`ข้อคำถามที่${agency}สามารถยกระดับคะแนนได้ (ข้อที่ได้คะแนน${rule}) มี ${count} ข้อ ได้แก่`);
    let k = 0;
    const toolGroups: { label: string; tool: string; part: number | null }[] = parts
      ? [
          { label: 'แบบวัด IIT', tool: 'i', part: null },
          { label: 'แบบวัด EIT ส่วนที่ 1', tool: 'e', part: 1 },
          { label: 'แบบวัด EIT ส่วนที่ 2', tool: 'e', part: 2 },
          { label: 'แบบวัด OIT', tool: 'o', part: null },
        ]
      : [
          { label: 'แบบวัด IIT', tool: 'i', part: null },
          { label: 'แบบวัด EIT', tool: 'e', part: null },
          { label: 'แบบวัด OIT', tool: 'o', part: null },
        ];
    for (const g of toolGroups) {
      const mine = analysis.weakest.filter((w) => w.item.startsWith(g.tool) && w.part === g.part);
      if (mine.length === 0) continue;
      p(`${g.label}`, false);
      for (const w of mine) {
        p(
          `(${++k}) ข้อ ${w.item}${topic(w.item) ? ` ${topic(w.item)}` : ''} ได้ ${formatScore(published(w.score), false)} คะแนน`,
        );
      }
    }
  } else if (cur.items.size === 0) {
    missing('ไม่มีคะแนนรายข้อ จึงไม่ได้ระบุข้อคำถามที่ต้องพัฒนา');
  } else {
    p('ไม่มีข้อคำถามที่ได้คะแนนต่ำกว่าเกณฑ์');
  }

  // ๒.๓ รายตัวชี้วัด
  h(2, '2.3 ผลการประเมินรายตัวชี้วัด');
  const inds = cur.framework.indicators.map((ind) => ({
    ind,
    c: cur.indicators.get(ind.number)?.value ?? null,
    p: prev?.indicators.get(ind.number)?.value ?? null,
  }));
  const known = inds.filter((x) => x.c);
  if (known.length > 0) {
    const header = [
      'ตัวชี้วัดที่',
      'ตัวชี้วัด',
      'แบบวัด',
      ...(prev ? [`พ.ศ. ${prev.year}`] : []),
      `พ.ศ. ${year}`,
      ...(prev ? ['การเปลี่ยนแปลง'] : []),
    ];
    table(
      `ผลการประเมินรายตัวชี้วัด${prev ? ` ปีงบประมาณ พ.ศ. ${prev.year} และ ${year}` : ` ปีงบประมาณ พ.ศ. ${year}`}`,
      header,
      inds.map((x) => ({
        cells: [
          String(x.ind.number),
          x.ind.name,
          x.ind.tool,
          ...(prev ? [n(x.p)] : []),
          n(x.c),
          ...(prev ? [changeWord(delta(x.c, x.p))] : []),
        ],
      })),
      prev ? [11, 33, 11, 15, 15, 15] : [14, 50, 16, 20],
    );
    chart('indicators', 'ผลการประเมินรายตัวชี้วัด', 'COLUMN', [
      ['ตัวชี้วัด', ...(prev ? [String(prev.year)] : []), String(year)],
      ...inds.map((x) => [String(x.ind.number), ...(prev ? [published(x.p)] : []), published(x.c)]),
    ]);
    const scoreOf = (x: (typeof known)[number]) => published(x.c) as number;
    const top = Math.max(...known.map(scoreOf));
    const bottom = Math.min(...known.map(scoreOf));
    const named = (v: number) =>
      thaiList(known.filter((x) => scoreOf(x) === v).map((x) => `ตัวชี้วัดที่ ${x.ind.number} ${x.ind.name}`));
    p(
      `ผลการประเมินรายตัวชี้วัดจำนวน ${inds.length} ตัวชี้วัด พบว่า ตัวชี้วัดที่ได้คะแนนสูงสุด ได้แก่ ${named(top)} (${formatScore(top, false)} คะแนน)` +
        (top !== bottom
          ? ` และตัวชี้วัดที่ได้คะแนนต่ำสุด ได้แก่ ${named(bottom)} (${formatScore(bottom, false)} คะแนน)`
          : ' ทุกตัวชี้วัดได้คะแนนเท่ากัน') +
        (known.length < inds.length
          ? ` (ไม่มีคะแนนของตัวชี้วัดที่ ${inds
              .filter((x) => !x.c)
              .map((x) => x.ind.number)
              .join(', ')})`
          : ''),
    );
  } else {
    missing('ไม่มีคะแนนรายตัวชี้วัด');
  }

  h(3, 'การวิเคราะห์ผลการประเมิน');
  p(analysisParagraph(analysis, thai));

  // 4. ๓. ข้อเสนอแนะ
  h(1, `3. ข้อเสนอแนะต่อผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ${year}`);
  h(2, '3.1 ข้อเสนอแนะจากผู้ตรวจประเมิน');
  const recs = wb.recommendations.filter((r) => r.year === null || r.year === year);
  if (recs.length === 0) missing('ไม่มีข้อเสนอแนะจากผู้ตรวจประเมินในแท็บ ข้อเสนอแนะ');
  const groups: { title: string; match: (tool: string | null, part: number | null) => boolean }[] = [
    { title: `แบบวัด IIT (${TOOL_NAMES.IIT.th})`, match: (tool) => tool === 'IIT' },
    ...(parts
      ? [
          {
            title: `แบบวัด EIT ส่วนที่ 1 ${EIT_PART_NAMES[1].th}`,
            match: (tool: string | null, part: number | null) => tool === 'EIT' && part === 1,
          },
          {
            title: `แบบวัด EIT ส่วนที่ 2 ${EIT_PART_NAMES[2].th}`,
            match: (tool: string | null, part: number | null) => tool === 'EIT' && part !== 1,
          },
        ]
      : [{ title: `แบบวัด EIT (${TOOL_NAMES.EIT.th})`, match: (tool: string | null) => tool === 'EIT' }]),
    { title: `แบบวัด OIT (${TOOL_NAMES.OIT.th})`, match: (tool) => tool === 'OIT' || tool === null },
  ];
  if (recs.length > 0) {
    for (const [i, g] of groups.entries()) {
      const mine = recs.filter((r) => g.match(r.tool, r.part));
      h(3, `3.1.${i + 1} ข้อเสนอแนะสำหรับ${g.title}`);
      if (mine.length === 0) missing('ไม่มีข้อเสนอแนะสำหรับแบบวัดนี้');
      for (const r of mine) p(`${r.items.length ? `ข้อ ${r.items.join(', ')} ` : ''}${r.text}`);
    }
  }
  const comments = (tool: 'EIT' | 'IIT', number: string, who: string) => {
    h(2, `${number} ข้อเสนอแนะจากผู้มีส่วนได้ส่วนเสีย${who} (${tool})`);
    const mine = wb.comments.filter((c) => c.tool === tool && (c.year === null || c.year === year));
    if (mine.length === 0) missing(`ไม่มีความคิดเห็นของผู้มีส่วนได้ส่วนเสีย${who}ในแท็บ ความคิดเห็น`);
    for (const [i, c] of mine.entries()) p(`${i + 1}. ${c.topic ? `${c.topic}: ` : ''}${c.text}`);
  };
  comments('EIT', '3.2', 'ภายนอก');
  comments('IIT', '3.3', 'ภายใน');

  // 5. ๔. ส่วนที่ ๑
  h(1, `4. การนำผลการวิเคราะห์แต่ละตัวชี้วัดไปสู่การปรับปรุง หรือพัฒนาองค์กร หรือรักษาระดับ ของ${agency}`);
  h(2, `ส่วนที่ 1 การวิเคราะห์ผลการประเมิน ITA ปีงบประมาณ พ.ศ. ${year} ครอบคลุมทั้ง ${inds.length} ตัวชี้วัด`);
  table(
    `การวิเคราะห์ผลการประเมินรายตัวชี้วัด`,
    ['ตัวชี้วัด', 'แบบวัด', 'ข้อ', parts ? 'คะแนน (EIT: ส่วนที่ 1 / 2)' : 'คะแนน', 'ข้อบกพร่องที่ตรวจพบ'],
    inds.map((x) => deficiencyRow(analysis, x.ind.number, thai)),
    [18, 8, 9, 15, 50],
    true,
  );

  // 6. ส่วนที่ ๒
  h(2, `ส่วนที่ 2 การนำผลการวิเคราะห์ไปสู่การปรับปรุง พัฒนาองค์กร หรือรักษาระดับ (${fiscalYearPeriod(reportYear, false)})`);
  const live = measures.filter((m) => !m.retired);
  if (live.length === 0) {
    missing('ยังไม่มีมาตรการในแท็บ มาตรการ');
  } else {
    const rows: TableRowModel[] = [];
    for (const x of inds) {
      const mine = live.filter((m) => m.indicator === x.ind.number);
      rows.push({ cells: [`${x.ind.number}. ${x.ind.name}`, '', '', '', ''], group: true, bold: true });
      if (mine.length === 0) rows.push({ cells: ['ยังไม่มีมาตรการสำหรับตัวชี้วัดนี้', '', '', '', ''] });
      for (const m of mine) rows.push({ cells: [m.title, m.analysis, m.steps, m.period, m.responsible] });
    }
    const others = live.filter((m) => !inds.some((x) => x.ind.number === m.indicator));
    if (others.length > 0) {
      rows.push({ cells: ['มาตรการอื่น ๆ', '', '', '', ''], group: true, bold: true });
      for (const m of others) rows.push({ cells: [m.title, m.analysis, m.steps, m.period, m.responsible] });
    }
    table(
      `มาตรการ โครงการ และกิจกรรม ปีงบประมาณ พ.ศ. ${reportYear}`,
      [
        'มาตรการ/โครงการ/กิจกรรม (1)',
        'ผลการวิเคราะห์ตัวชี้วัดตามหลักเกณฑ์การประเมิน ITA (2)',
        'ขั้นตอน/วิธีการดำเนินการ (3)',
        'ช่วงระยะเวลาในการดำเนินการ (4)',
        'ผู้รับผิดชอบ (5)',
      ],
      rows,
      [17, 35, 28, 11, 9],
      true,
    );
  }
  // ส่วนที่ ๓: once the divisions have started, where each stands (the follow-up the next report needs).
  if (live.some((m) => (m.status && m.status !== STATUSES[0]) || (m.progress ?? 0) > 0)) {
    const progress = progressSummary(
      live,
      wb.divisions.map((x) => x.code),
    );
    const count = (status: string) => progress.byStatus[status] ?? 0;
    h(2, `ส่วนที่ 3 ความคืบหน้าการดำเนินการตามมาตรการ ข้อมูล ณ วันที่ ${thaiDateOf(today)}`);
    p(
      `มาตรการทั้งหมด ${progress.total} รายการ ดำเนินการเสร็จสิ้น ${count(STATUSES[2])} รายการ กำลังดำเนินการ ${count(STATUSES[1])} รายการ และยังไม่เริ่ม ${count(STATUSES[0])} รายการ`,
    );
    if (progress.byDivision.length > 0) {
      table(
        'ความคืบหน้าการดำเนินการตามมาตรการ รายหน่วยงาน',
        ['หน่วยงาน', 'มาตรการ', 'เสร็จสิ้น', 'กำลังดำเนินการ', 'ยังไม่เริ่ม', 'ความคืบหน้าเฉลี่ย (%)'],
        progress.byDivision.map((x) => ({
          cells: [
            x.division,
            String(x.total),
            String(x.done),
            String(x.inProgress),
            String(x.notStarted),
            x.meanProgress === null ? '–' : String(x.meanProgress),
          ],
        })),
        [22, 14, 14, 18, 14, 18],
      );
    }
  }
  return {
    name: `การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร ${agency} ปีงบประมาณ พ.ศ. ${year}`,
    thaiDigits: thai,
    blocks,
    unconfirmed,
  };
}

/** A date as Thai documents write it: day, month in full, Buddhist-era year. */
function thaiDateOf(date: Date): string {
  return thaiDate(date.getDate(), date.getMonth() + 1, date.getFullYear() + BE_OFFSET, false);
}

function deficiencyRow(analysis: Analysis, indicator: number, thai: boolean): TableRowModel {
  const cur = analysis.current as YearAnalysis;
  const f = cur.framework;
  const ind = f.indicators.find((i) => i.number === indicator);
  if (!ind) return { cells: [] };
  const parts = ind.tool === 'EIT' && f.eitParts.length > 0 ? f.eitParts : [null];
  const ids: string[] = [];
  const scores: string[] = [];
  for (const id of ind.items) {
    const values = parts.map((p) => cur.items.get(p === null ? id : `${id}.${p}`)?.value ?? null);
    if (values.every((v) => v === null)) continue;
    ids.push(id);
    scores.push(values.map((v) => formatScore(published(v), false)).join(' / '));
  }
  const weak = analysis.weakest.filter((w) => w.indicator === indicator);
  const recs = analysis.workbook.recommendations.filter(
    (r) => (r.year === null || r.year === cur.year) && r.items.some((id) => ind.items.includes(id)),
  );
  const lines: string[] = [];
  if (recs.length > 0) lines.push(...recs.map((r, i) => `${i + 1}. ข้อ ${r.items.join(', ')} ${r.text}`));
  else if (weak.length > 0) {
    const topics = [...new Set(weak.map((w) => w.item))].map((id) =>
      `ข้อ ${id} ${analysis.workbook.itemTopics.get(id) ?? f.itemTopics[id] ?? ''}`.trim(),
    );
    lines.push(`ข้อที่ได้คะแนนต่ำกว่าค่าเฉลี่ย: ${topics.join('; ')}`);
  }
  if (lines.length === 0) lines.push('ไม่พบข้อบกพร่อง ต้องรักษาระดับ');
  const score = formatScore(published(cur.indicators.get(indicator)?.value ?? null), false);
  const cells = [
    `${indicator}. ${ind.name} (${score} คะแนน)`,
    ind.tool,
    ids.length > 0 ? ids.join('\n') : 'ไม่มีคะแนนรายข้อ',
    ids.length > 0 ? scores.join('\n') : '–',
    lines.join('\n'),
  ];
  return { cells: thai ? cells.map(thaiDigitsInText) : cells };
}

/** The analysis paragraph: level and why, the change, tools up and down, the lowest indicator. */
function analysisParagraph(analysis: Analysis, thai: boolean): string {
  const cur = analysis.current as YearAnalysis;
  const prev = analysis.previous;
  const n = (v: Exact | null | undefined) => formatScore(published(v ?? null), false);
  const sentences: string[] = [];
  sentences.push(
    `ผลการประเมิน ITA ปีงบประมาณ พ.ศ. ${cur.year} ของ${analysis.agency} อยู่ในระดับ “${cur.level?.label ?? 'ไม่ทราบระดับ'}” (${n(cur.total.value)} คะแนน)`,
  );
  const totalDelta = delta(cur.total.value, prev?.total.value);
  if (prev && totalDelta !== null) {
    sentences.push(
      totalDelta === 0
        ? `เท่ากับปีที่ผ่านมา`
        : `${totalDelta > 0 ? 'สูงกว่า' : 'ต่ำกว่า'}ปีที่ผ่านมา ${formatScore(Math.abs(totalDelta), false)} คะแนน`,
    );
    const keys = (cur.framework.eitParts.length > 0 ? TOOL_ORDER_PARTS : TOOL_ORDER).filter(
      (k) => delta(cur.tools[k]?.value, prev.tools[k]?.value) !== null,
    );
    const up = keys
      .filter((k) => (delta(cur.tools[k]?.value, prev.tools[k]?.value) as number) > 0)
      .map(toolLabel);
    const down = keys
      .filter((k) => (delta(cur.tools[k]?.value, prev.tools[k]?.value) as number) < 0)
      .map(toolLabel);
    if (up.length) sentences.push(`แบบวัดที่คะแนนเพิ่มขึ้น ได้แก่ ${thaiList(up)}`);
    if (down.length) sentences.push(`แบบวัดที่คะแนนลดลง ได้แก่ ${thaiList(down)}`);
  }
  const rules = cur.framework.levels;
  const next = rules.rules.findIndex((r) => r.label === cur.level?.label);
  const higher = next > 0 ? rules.rules[next - 1] : null;
  if (higher?.minEveryTool !== undefined && cur.total.value) {
    const short = rules.toolsTested.filter((k) => {
      const v = cur.tools[k]?.value;
      return v && (published(v) as number) < (higher.minEveryTool as number);
    });
    if (short.length > 0) {
      sentences.push(
        `ระดับ “${higher.label}” กำหนดให้ทุกแบบวัดได้ไม่ต่ำกว่า ${higher.minEveryTool} คะแนน ซึ่ง ${short.map((k) => `${toolLabel(k)} (${n(cur.tools[k]?.value)})`).join(', ')} ยังต่ำกว่าเกณฑ์`,
      );
    }
  }
  const inds = cur.framework.indicators
    .map((i) => ({ i, v: cur.indicators.get(i.number)?.value ?? null }))
    .filter((x) => x.v);
  if (inds.length > 0) {
    const low = inds.reduce((a, b) => ((b.v as Exact).compare(a.v as Exact) < 0 ? b : a));
    sentences.push(`ตัวชี้วัดที่ควรพัฒนาเป็นลำดับแรก คือ ตัวชี้วัดที่ ${low.i.number} ${low.i.name} (${n(low.v)} คะแนน)`);
  }
  const text = `${sentences.join(' ')}`;
  return thai ? thaiDigitsInText(text) : text;
}
