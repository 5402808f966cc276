import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { analyze } from '../src/core/analysis/analyze';
import { generateMeasures } from '../src/core/measures/generate';
import {
  fingerprint,
  MEASURE_COLUMNS,
  OUTCOME_COLUMNS,
  planMeasures,
  readMeasureRows,
} from '../src/core/measures/tab';
import { runBuild } from '../src/local/build';
import { loadBundle } from '../src/local/bundle';
import { createRuntime, spreadsheetFromSheets } from '../src/local/index';
import { ROOT, sampleSheets } from './helpers/workbook';

const DIST = join(ROOT, 'dist');
const SAMPLE = join(ROOT, 'samples', 'oie-2568.xlsx');

function sampleRuntime(sheets = sampleSheets()) {
  const runtime = createRuntime({
    spreadsheet: spreadsheetFromSheets(sheets, 'team@oie.example'),
    projectDir: DIST,
  });
  return { runtime, bundle: loadBundle(runtime, join(DIST, 'Code.js')) };
}

function measuresTab(runtime: ReturnType<typeof createRuntime>) {
  const sheet = runtime.spreadsheet.getSheetByName('มาตรการ');
  if (!sheet) throw new Error('no measures tab');
  return sheet.getDataRange().getValues();
}

describe('measures generated for the sample', () => {
  const analysis = analyze(sampleSheets());
  const measures = generateMeasures(analysis);

  test('every indicator has at least one row; indicators without needs get a maintain-level row', () => {
    for (let i = 1; i <= 10; i++) expect(measures.some((m) => m.indicator === i)).toBe(true);
    const maintain = measures.filter((m) => m.kind === 'maintain').map((m) => m.indicator);
    expect(maintain).toEqual([2, 3, 6, 9, 10]);
  });

  test('each assessor recommendation is answered by a measure that refers to it (its text is printed once, in 3.1)', () => {
    for (const rec of analysis.workbook.recommendations) {
      const answering = measures.filter((m) =>
        rec.items.length === 0
          ? m.analysis.includes('ตอบข้อเสนอแนะของผู้ตรวจประเมินต่อแบบวัด')
          : rec.items.some((id) =>
              new RegExp(`ตอบข้อเสนอแนะของผู้ตรวจประเมินต่อข้อ [^\n]*\\b${id}\\b`).test(m.analysis),
            ),
      );
      expect([rec.where, answering.length > 0]).toEqual([rec.where, true]);
      expect(measures.some((m) => m.analysis.includes(rec.text.slice(0, 40)))).toBe(false);
    }
  });

  test('the period is the report year and the owners come from หน่วยงานภายใน', () => {
    expect(new Set(measures.map((m) => m.period))).toEqual(new Set(['๑ ตุลาคม ๒๕๖๘ ถึง ๓๐ กันยายน ๒๕๖๙']));
    const codes = analysis.workbook.divisions.map((d) => d.code);
    for (const m of measures) expect(m.owners.every((o) => codes.includes(o))).toBe(true);
    expect(measures.find((m) => m.id === '2568-4-property-borrowing')?.responsible).toBe('สล.');
    expect(measures.find((m) => m.id === '2568-5-complaint-confidence')?.responsible).toBe('กพร.');
  });

  test('ids are stable: the assessed year, the indicator and the library key (a comment: a hash of its words)', () => {
    // Written by hand from the sample: its weak items and recommendations by indicator, the maintain-level
    // measures of indicators 2, 3 and 6, and the three comments that ask for a change, each under its indicator.
    const ids = [
      '2568-1-manual-steps-time',
      '2568-1-fair-service-eservice',
      '2568-2-maintain-budget-disclosure',
      '2568-2-comment-1xbt7s0',
      '2568-3-maintain-fair-assignment',
      '2568-3-comment-990kbf',
      '2568-4-property-borrowing',
      '2568-5-executive-integrity',
      '2568-5-complaint-confidence',
      '2568-6-maintain-service-quality',
      '2568-6-comment-8lvf6r',
      '2568-7-information-channels',
      '2568-7-clear-answers',
      '2568-8-participation',
      '2568-8-e-service',
      '2568-9-open-data',
      '2568-10-integrity-culture',
    ];
    expect(measures.map((m) => m.id)).toEqual(ids);
    // Comments in another order keep their ids: an id does not depend on a row's place.
    const sheets = sampleSheets();
    const comments = sheets.find((s) => s.name === 'ความคิดเห็น');
    if (!comments) throw new Error('no comments tab');
    comments.values = [comments.values[0], ...comments.values.slice(1).reverse()];
    expect(new Set(generateMeasures(analyze(sheets)).map((m) => m.id))).toEqual(new Set(ids));
  });
});

describe('the มาตรการ tab in the local runtime', () => {
  test('is written with its header, a status dropdown, a 0–100 progress column and a frozen header', () => {
    const { runtime, bundle } = sampleRuntime();
    bundle.call('apiWriteMeasures');
    const sheet = runtime.spreadsheet.getSheetByName('มาตรการ');
    const values = measuresTab(runtime);
    expect(values[0]).toEqual([
      ...MEASURE_COLUMNS,
      'ความคืบหน้า รอบ 6 เดือน (%)',
      'ความคืบหน้า รอบ 12 เดือน (%)',
      ...OUTCOME_COLUMNS,
    ]);
    expect(sheet?.getFrozenRows()).toBe(1);
    expect(sheet?.getRange('H2').getDataValidation()?.getCriteriaValues()[0]).toEqual([
      'ยังไม่เริ่ม',
      'กำลังดำเนินการ',
      'เสร็จสิ้น',
      'ยกเลิก',
    ]);
    expect(sheet?.getRange('I2').getDataValidation()?.getCriteriaValues()).toEqual([0, 100]);
    expect(values.slice(1).every((r) => r[7] === 'ยังไม่เริ่ม' && r[8] === 0)).toBe(true);
    // Each round's progress is a percentage too; the evidence column warns on what is not a link.
    for (const cell of ['R2', 'S2'])
      expect(sheet?.getRange(cell).getDataValidation()?.getCriteriaValues()).toEqual([0, 100]);
    const evidence = sheet?.getRange('J2').getDataValidation();
    expect([evidence?.getCriteriaType(), evidence?.getAllowInvalid()]).toEqual(['TEXT_IS_VALID_URL', true]);
  });

  test('what a division records of a measure stays through a rebuild, whatever round or outcome', () => {
    const { runtime, bundle } = sampleRuntime();
    bundle.call('apiWriteMeasures');
    const sheet = runtime.spreadsheet.getSheetByName('มาตรการ');
    const typed = [45, 90, 'ครบตามเป้าหมาย', 'งบประมาณล่าช้า', 'เผยแพร่คู่มือ'];
    sheet?.getRange('R3:V3').setValues([typed]);
    sheet?.getRange('J3').setValue('คำสั่ง https://drive.google.com/file/d/abc/view');
    bundle.call('apiWriteMeasures');
    expect(sheet?.getRange('R3:V3').getValues()[0]).toEqual(typed);
    expect(sheet?.getRange('J3').getValue()).toBe('คำสั่ง https://drive.google.com/file/d/abc/view');
  });

  test('a value outside 0–100 in a round column is refused, as Sheets refuses it', () => {
    const { runtime, bundle } = sampleRuntime();
    bundle.call('apiWriteMeasures');
    const sheet = runtime.spreadsheet.getSheetByName('มาตรการ');
    expect(() => sheet?.getRange('R2').setValue(150)).toThrow();
  });

  test('text that would be a formula is written as text', () => {
    const sheets = sampleSheets();
    sheets.push({
      name: 'คลังมาตรการ',
      values: [
        ['รหัสมาตรการ', 'ตัวชี้วัดที่', 'ข้อ', 'มาตรการ', 'ขั้นตอน', 'ผู้รับผิดชอบ'],
        ['formula-like', 1, 'i1', '=IMPORTXML("http://x","//a") มาตรการคู่มือ', '- ประชุม\n+ เผยแพร่', 'สล.'],
      ],
    });
    sheets
      .find((s) => s.name === 'ข้อเสนอแนะ')
      ?.values.push([2568, 'IIT', '', 'i7', '=SUM(1) ควรสื่อสารหลักเกณฑ์']);
    const { runtime, bundle } = sampleRuntime(sheets);
    bundle.call('apiWriteMeasures');
    const sheet = runtime.spreadsheet.getSheetByName('มาตรการ');
    const values = measuresTab(runtime);
    const row = values.findIndex((r) => r[0] === '2568-1-formula-like');
    expect(values[row][2]).toBe('=IMPORTXML("http://x","//a") มาตรการคู่มือ');
    expect(sheet?.getRange(row + 1, 3).getFormula()).toBe('');
    expect(values.find((r) => r[0] === '2568-3-authority-fairness')?.[3]).toContain(
      'ตอบข้อเสนอแนะของผู้ตรวจประเมินต่อข้อ i7',
    );
    expect(
      sheet
        ?.getDataRange()
        .getFormulas()
        .flat()
        .every((f) => f === ''),
    ).toBe(true);
  });

  test('a library code that makes a รหัส such as 2568-1-1 stays text, and the next build matches its row', () => {
    const sheets = sampleSheets();
    sheets.push({
      name: 'คลังมาตรการ',
      values: [
        ['รหัสมาตรการ', 'ตัวชี้วัดที่', 'ข้อ', 'มาตรการ', 'ขั้นตอน', 'ผู้รับผิดชอบ'],
        [1, 1, 'i1', 'คู่มือการปฏิบัติงานพร้อมระยะเวลา', 'ประชุมชี้แจง', 'สล.'],
      ],
    });
    const { runtime, bundle } = sampleRuntime(sheets);
    bundle.call('apiWriteMeasures');
    const codes = () => measuresTab(runtime).map((r) => r[0]);
    expect(codes()).toContain('2568-1-1');
    const second = bundle.call<{ summary: { added: number } }>('apiWriteMeasures');
    expect(second.summary.added).toBe(0);
    expect(codes().filter((c) => c === '2568-1-1')).toHaveLength(1);
  });

  test('regenerating keeps every edited cell, updates the others, and adds no duplicate', () => {
    const { runtime, bundle } = sampleRuntime();
    bundle.call('apiWriteMeasures');
    const sheet = runtime.spreadsheet.getSheetByName('มาตรการ');
    const before = measuresTab(runtime);
    sheet?.getRange('C2').setValue('มาตรการที่กองแก้เอง');
    sheet?.getRange('H2').setValue('กำลังดำเนินการ');
    sheet?.getRange('I2').setValue(40);
    const result = bundle.call<{ summary: { added: number; keptEdits: number } }>('apiWriteMeasures');
    const after = measuresTab(runtime);
    expect(after).toHaveLength(before.length);
    expect(after[1].slice(2, 3)).toEqual(['มาตรการที่กองแก้เอง']);
    expect(after[1].slice(7, 9)).toEqual(['กำลังดำเนินการ', 40]);
    expect(result.summary).toMatchObject({ added: 0, keptEdits: 1 });
  });
});

describe('ita-report build twice, with the divisions’ edits in between', () => {
  test('keeps every edit, duplicates nothing, and a new recommendation brings a new row', async () => {
    const first = mkdtempSync(join(tmpdir(), 'ita-m1-'));
    const one = await runBuild({ workbook: SAMPLE, out: first, distDir: DIST, pdf: false });
    expect(one.error).toBeNull();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(first, 'workbook.xlsx'));
    const tab = book.getWorksheet('มาตรการ') as ExcelJS.Worksheet;
    tab.getCell('C2').value = 'ปรับปรุงคู่มือการให้บริการ (กองแก้ไข)';
    tab.getCell('E2').value = '1.1 ขั้นตอนที่กองเขียนเอง';
    tab.getCell('H2').value = 'เสร็จสิ้น';
    tab.getCell('I2').value = 100;
    tab.getCell('J2').value = 'https://www.oie.go.th/manual';
    const recs = book.getWorksheet('ข้อเสนอแนะ') as ExcelJS.Worksheet;
    recs.addRow([2568, 'IIT', '', 'i8', 'ควรสื่อสารหลักเกณฑ์การประเมินผลการปฏิบัติงานให้บุคลากรทราบ']);
    await book.xlsx.writeFile(join(first, 'workbook.xlsx'));

    const second = mkdtempSync(join(tmpdir(), 'ita-m2-'));
    const two = await runBuild({
      workbook: join(first, 'workbook.xlsx'),
      out: second,
      distDir: DIST,
      pdf: false,
    });
    expect(two.error).toBeNull();
    const rows = readMeasureRows(measuresTab(two.runtime));
    const edited = rows[0];
    expect(edited).toMatchObject({
      title: 'ปรับปรุงคู่มือการให้บริการ (กองแก้ไข)',
      steps: '1.1 ขั้นตอนที่กองเขียนเอง',
      status: 'เสร็จสิ้น',
      progress: 100,
      evidence: 'https://www.oie.go.th/manual',
    });
    const ids = rows.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(rows.length).toBe((one.measures?.rows ?? 0) + 1);
    expect(ids.at(-1)).toBe('2568-3-authority-fairness');
    expect(two.measures?.summary).toMatchObject({ added: 1, keptEdits: 2 });
  }, 60_000);
});

describe('the progress of the measures', () => {
  function shared() {
    const { runtime, bundle } = sampleRuntime();
    bundle.call('apiWriteMeasures');
    return { runtime, bundle };
  }

  test('progress is summed by status and division', () => {
    const { runtime, bundle } = shared();
    runtime.spreadsheet
      .getSheetByName('มาตรการ')
      ?.getRange('H2:I2')
      .setValues([['เสร็จสิ้น', 100]]);
    const progress = bundle.call<{
      total: number;
      byStatus: Record<string, number>;
      byDivision: { division: string }[];
    }>('apiProgress');
    expect(progress.byStatus.เสร็จสิ้น).toBe(1);
    expect(progress.byStatus.ยังไม่เริ่ม).toBe(progress.total - 1);
    expect(progress.byDivision.map((d) => d.division)).toEqual(['สล.', 'สส.', 'กพร.']);
  });
});

describe('regenerating a tab people have reshaped', () => {
  function written() {
    const { runtime, bundle } = sampleRuntime();
    bundle.call('apiWriteMeasures');
    const sheet = runtime.spreadsheet.getSheetByName('มาตรการ');
    if (!sheet) throw new Error('no tab');
    return { runtime, bundle, sheet };
  }

  test('a milestone a division cleared stays cleared: clearing is an edit', () => {
    const { bundle, sheet } = written();
    // M and N: the first two quarters' milestones of the second measure.
    sheet.getRange('M3:N3').setValues([['', '']]);
    bundle.call('apiWriteMeasures');
    expect(sheet.getRange('M3:N3').getValues()).toEqual([['', '']]);
    expect(sheet.getRange('O3').getValue()).not.toBe('');
  });

  test('a column a person inserted is never written, and the add-on still finds its own columns', () => {
    const { runtime, bundle, sheet } = written();
    const before = sheet.getDataRange().getValues();
    // Insert a column "ไฟล์แนบ" after รหัส: every later column moves one to the right.
    sheet.insertColumnAfter(1);
    sheet.getRange(1, 2, before.length, 1).setValues(before.map((_, i) => [i === 0 ? 'ไฟล์แนบ' : `แนบ ${i}`]));
    sheet.getRange(2, 4).setValue('มาตรการที่กองเขียนเอง'); // the title, now in column D
    bundle.call('apiWriteMeasures');
    const after = sheet.getDataRange().getValues();
    expect(after[0].slice(0, 4)).toEqual(['รหัส', 'ไฟล์แนบ', 'ตัวชี้วัดที่', 'มาตรการ/โครงการ/กิจกรรม']);
    expect(after.slice(1).map((r) => r[1])).toEqual(before.slice(1).map((_, i) => `แนบ ${i + 1}`));
    expect(after[1][3]).toBe('มาตรการที่กองเขียนเอง');
    expect(after).toHaveLength(before.length);
    // The 17 columns of the add-on, the five of the follow-up and the one inserted.
    expect(runtime.spreadsheet.getSheetByName('มาตรการ')?.getLastColumn()).toBe(23);
  });

  test('a formula a person typed survives, and blank rows keep every row where it was', () => {
    const { bundle, sheet } = written();
    const last = sheet.getLastRow();
    sheet
      .getRange(last + 2, 1, 1, 3)
      .setValues([['', 3, '=HYPERLINK("https://www.oie.go.th/x","กิจกรรมของกอง")']]);
    bundle.call('apiWriteMeasures');
    expect(sheet.getRange(last + 2, 3).getFormula()).toBe(
      '=HYPERLINK("https://www.oie.go.th/x","กิจกรรมของกอง")',
    );
    expect(sheet.getRange(last + 1, 1, 1, 12).isBlank()).toBe(true);
    expect(sheet.getLastRow()).toBe(last + 2);
  });

  test('a มาตรการ tab that is not the add-on’s is left alone, with a clear message', () => {
    const sheets = sampleSheets();
    sheets.push({
      name: 'มาตรการ',
      values: [
        ['แผนงาน', 'งบประมาณ'],
        ['โครงการเดิม', 100000],
      ],
    });
    const { runtime, bundle } = sampleRuntime(sheets);
    expect(() => bundle.call('apiWriteMeasures')).toThrow(/foreign-measures-tab/);
    expect(runtime.spreadsheet.getSheetByName('มาตรการ')?.getDataRange().getValues()).toEqual([
      ['แผนงาน', 'งบประมาณ'],
      ['โครงการเดิม', 100000],
    ]);
  });
});

test('a stakeholder comment that points at a problem gets a measure under the indicator it names; praise gets none', () => {
  const measures = generateMeasures(analyze(sampleSheets())).filter((m) => m.id.includes('-comment-'));
  expect(measures.map((m) => [m.indicator, m.title])).toEqual([
    [2, 'มาตรการตอบความคิดเห็นของผู้มีส่วนได้ส่วนเสียภายใน ด้านการใช้งบประมาณและทรัพย์สินของราชการ'],
    [3, 'มาตรการตอบความคิดเห็นของผู้มีส่วนได้ส่วนเสียภายใน ด้านการใช้อำนาจและการบริหารงานบุคคล'],
    [6, 'มาตรการตอบความคิดเห็นของผู้มีส่วนได้ส่วนเสียภายใน ด้านคุณภาพการดำเนินงานและการสื่อสาร'],
  ]);
  expect(measures[1].analysis).toContain('ต้องการให้เพิ่มความชัดเจนในหลักเกณฑ์');
});

describe('quarterly milestones', () => {
  const analysis = analyze(sampleSheets());
  const generated = generateMeasures(analysis);
  const fingerprints = (cells: unknown[]) => cells.map((c) => fingerprint(c));

  test('every measure has a milestone a quarter, the last one checking the result', () => {
    for (const m of generated) {
      expect(m.milestones).toHaveLength(4);
      expect(m.milestones.every((x) => x !== '')).toBe(true);
    }
    const first = generated.find((m) => m.kind === 'improve');
    expect(first?.milestones[0]).toBe(first?.steps.split('\n')[0]);
  });

  test('a tab of the earlier layout gains the quarter columns, filled, and keeps what people typed', () => {
    const m = generated[0];
    const old = [
      MEASURE_COLUMNS.slice(0, 12),
      [
        m.id,
        m.indicator,
        m.title,
        m.analysis,
        m.steps,
        m.period,
        m.responsible,
        'กำลังดำเนินการ',
        40,
        'link',
        'note',
        'ita-report',
      ],
    ];
    const stored = {
      [m.id]: fingerprints([m.indicator, m.title, m.analysis, m.steps, m.period, m.responsible]),
    };
    const plan = planMeasures(old, [], stored, [m]);
    expect(plan.header).toEqual([...MEASURE_COLUMNS]);
    const quarters = plan.blocks.find((b) => b.column === 11)?.values[0];
    expect(quarters).toEqual(['ita-report', ...m.milestones, 'ม.1']);
    expect(plan.blocks.some((b) => b.column <= 10 && b.column + b.values[0].length > 7)).toBe(false); // status…notes untouched
  });

  test('a milestone a division rewrote is kept on the next run', () => {
    const m = generated[0];
    const cells = [m.indicator, m.title, m.analysis, m.steps, m.period, m.responsible, ...m.milestones];
    const row = [
      m.id,
      ...cells.slice(0, 6),
      'ยังไม่เริ่ม',
      0,
      '',
      '',
      'ita-report',
      m.milestones[0],
      'จัดประชุมภายใน ม.ค.',
      ...m.milestones.slice(2),
    ];
    const plan = planMeasures([[...MEASURE_COLUMNS], row], [], { [m.id]: fingerprints(cells) }, [m]);
    const q2 = plan.blocks
      .flatMap((b) => b.values[0].map((v, i) => [b.column + i, v]))
      .find(([c]) => c === 13);
    expect(q2?.[1]).toBe('จัดประชุมภายใน ม.ค.');
    expect(plan.summary.keptEdits).toBe(1);
  });
});
