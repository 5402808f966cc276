import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../src/core/analysis/analyze';
import { VERDICT_WORDS, verdicts } from '../src/core/analysis/verdict';
import { indicatorOfItem } from '../src/core/frameworks';
import { generateMeasures } from '../src/core/measures/generate';
import { MEASURE_COLUMNS } from '../src/core/measures/tab';
import { buildReport } from '../src/core/report/model';
import type { SheetData } from '../src/core/workbook/reader';
import { blockText, type DocData } from '../src/local/runtime/document';
import { workbookFromSheets } from '../src/local/xlsx';
import { DRAFT_HEADER } from '../src/server/report-doc';
import { pdfPages } from './helpers/pdf';
import { measuresTab, reportText } from './helpers/report';
import { ROOT, sampleBundle, sampleSheets, settingsTab } from './helpers/workbook';

// Both reports as the public reads them: short public numbers instead of merge keys, steps of their own,
// verdicts by one rule, and a draft that claims nothing it did not measure.

function reportOf(sheets: SheetData[]) {
  const analysis = analyze(sheets);
  const generated = generateMeasures(analysis);
  return {
    generated,
    model: buildReport({ analysis, measures: measuresTab(analysis), today: new Date(2026, 10, 26) }),
  };
}

const numberCol = MEASURE_COLUMNS.indexOf('เลขที่มาตรการ');

function numbersById(values: unknown[][]): Map<string, string> {
  return new Map(values.slice(1).map((r) => [String(r[0]), String(r[numberCol])] as [string, string]));
}

describe('public numbers, stored in the measures tab (the bundle in the local runtime)', () => {
  test('every measure keeps its number when rows are added above it, and a new row gets the next one', () => {
    const { runtime, bundle } = sampleBundle();
    bundle.call('apiWriteMeasures');
    const sheet = runtime.spreadsheet.getSheetByName('มาตรการ');
    if (!sheet) throw new Error('no measures tab');
    const before = numbersById(sheet.getDataRange().getValues());
    expect([...before.values()]).toEqual(
      before.size > 0 ? [...before.keys()].map((_, i) => `ม.${i + 1}`) : [],
    );
    // A division adds its own measure above the add-on's rows.
    sheet.insertRowsBefore(2, 1);
    sheet.getRange(2, 2, 1, 2).setValues([[1, 'โครงการพัฒนาคู่มือของกองเอง']]);
    bundle.call('apiWriteMeasures');
    const values = sheet.getDataRange().getValues();
    const after = numbersById(values);
    for (const [id, n] of before) expect([id, after.get(id)]).toEqual([id, n]);
    expect(values[1][numberCol]).toBe(`ม.${before.size + 1}`);
    // A third build changes nothing.
    bundle.call('apiWriteMeasures');
    expect(sheet.getDataRange().getValues()).toEqual(values);
  });

  test('the Doc prints the numbers and no รหัส of the tab', () => {
    const { runtime, bundle } = sampleBundle();
    bundle.call('apiWriteMeasures');
    const ids = [
      ...numbersById(runtime.spreadsheet.getSheetByName('มาตรการ')?.getDataRange().getValues() ?? []).keys(),
    ];
    expect(ids.length).toBeGreaterThan(10);
    const report = bundle.call<{ docId: string }>('apiBuildReport');
    const doc = runtime.documents.get(report.docId);
    const text = JSON.stringify(doc?.body);
    for (const id of ids) expect(text.includes(id)).toBe(false);
    expect(text).toContain('ม.๑ ');
    expect(text).not.toContain('รหัส');
  });
});

describe('the sample’s report (report.html and the PDF the CLI writes)', () => {
  const out = join(ROOT, 'out', 'public-report');
  let html = '';
  let pdf = '';
  let ids: string[] = [];

  beforeAll(() => {
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    const run = spawnSync(
      process.execPath,
      [join(ROOT, 'bin', 'ita-report.cjs'), 'build', 'samples/oie-2568.xlsx', '--out', out],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(run.status).toBe(0);
    html = readFileSync(join(out, 'report.html'), 'utf8');
    pdf = pdfPages(join(out, 'report.pdf'))
      .map((p) => p.join('\n'))
      .join('\n');
    ids = generateMeasures(analyze(sampleSheets())).map((m) => m.id);
  }, 120_000);

  test('hold no รหัส value of the measures tab', () => {
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) {
      expect([id, html.includes(id)]).toEqual([id, false]);
      expect([id, pdf.replace(/\s+/g, '').includes(id)]).toEqual([id, false]);
    }
  });

  test('the sign-off has the preparer’s, the proposer’s and the approver’s lines', () => {
    for (const role of ['ผู้จัดทำ', 'ผู้เสนอ', 'ผู้อนุมัติ'])
      expect(html).toContain(`ลงชื่อ ...................... ${role}`);
    expect(html).toContain('(นายสมศักดิ์ ตัวอย่าง)');
  });
});

describe('topics of the sample’s items (table 4)', () => {
  const { model } = reportOf(sampleSheets());
  const table = model.blocks.find(
    (b) => b.kind === 'table' && (b.caption ?? '').includes('การวิเคราะห์ผลการประเมินรายตัวชี้วัดและรายข้อ'),
  ) as Extract<(typeof model.blocks)[number], { kind: 'table' }>;
  const items = table.rows.filter((r) => !r.group && /^[ieo]\d+$/.test(r.cells[0]));
  const notes = model.blocks.filter((b) => 'text' in b && /โดยไม่ระบุประเด็นข้อคำถาม/.test(b.text));

  test('every 2568 item row has its topic, or is named in the one note that says which are not known', () => {
    expect(items.length).toBe(52); // 15 IIT, 9 EIT (both parts on one row), 28 OIT
    expect(notes).toHaveLength(1);
    const note = notes.map((b) => ('text' in b ? b.text : '')).join('');
    const named = new Set(note.match(/[ieo]\d+/g));
    const missing = items.filter((r) => r.cells[1] === '–').map((r) => r.cells[0]);
    expect(missing.length).toBeLessThan(items.length / 2);
    expect(missing.filter((id) => !named.has(id))).toEqual([]);
    expect([...named].filter((id) => !missing.includes(id))).toEqual([]);
    expect(note).not.toMatch(/แท็บ|สร้างรายงานใหม่/); // public words, not an instruction to the team
  });
});

describe('the measures table for the public (the sample’s report model)', () => {
  const { model } = reportOf(sampleSheets());
  const table = model.blocks.find(
    (b) => b.kind === 'table' && (b.caption ?? '').includes('มาตรการ โครงการ และกิจกรรม'),
  ) as Extract<(typeof model.blocks)[number], { kind: 'table' }>;
  const measures = table.rows.filter((r) => !r.group && /^ม\.[๐-๙]+ /.test(r.cells[0]));
  const steps = measures.map((r) =>
    r.cells[2].split('\n').map((line) => /^ไตรมาส [๐-๙]: ([๐-๙]+\.[๐-๙]+) (.*)$/.exec(line)),
  );

  test('each measure has its public number, and its steps are numbered under it, one a quarter', () => {
    expect(measures.length).toBe(17);
    measures.forEach((r, i) => {
      const number = /^ม\.([๐-๙]+) /.exec(r.cells[0])?.[1];
      expect(steps[i]).toHaveLength(4);
      for (const step of steps[i]) expect(step?.[1].split('.')[0]).toBe(number);
    });
    const all = steps.flat().map((s) => s?.[1]);
    expect(new Set(all).size).toBe(all.length);
  });

  test('no generated step sentence appears in two measures', () => {
    const seen = new Map<string, number>();
    steps.forEach((list, i) => {
      for (const s of list) {
        const sentence = s?.[2] ?? '';
        expect([sentence, seen.get(sentence) ?? i]).toEqual([sentence, i]);
        seen.set(sentence, i);
      }
    });
  });

  test('the divisions are spelled out once, from หน่วยงานภายใน', () => {
    const text = reportText(model.blocks);
    expect(text).toContain('สส. หมายถึง ศูนย์สารสนเทศเศรษฐกิจอุตสาหกรรม');
    expect(text.split('หมายถึง ศูนย์สารสนเทศเศรษฐกิจอุตสาหกรรม').length - 1).toBe(1);
  });

  test('a staff comment’s measure answers its own point; a maintain-level one names its practice', () => {
    const text = table.rows.map((r) => r.cells.join('\n')).join('\n');
    expect(text).toContain('จัดสรรงบประมาณและทรัพยากร/อุปกรณ์สนับสนุนการทำงาน');
    expect(text).toContain('คงระดับได้ด้วยการเผยแพร่แผนและผลการใช้จ่ายงบประมาณ');
  });
});

/** A workbook of one year and the one before, items of two tools, made to test the verdict rule. */
function verdictWorkbook(): SheetData[] {
  const items: unknown[][] = [['ข้อ', 'ส่วนที่', '2567', '2568']];
  const iit = [99.5, 99.2, 98.9, 98.6, 98.3, 98.0, 97.7, 100, 100, 96.2, 99.9, 95.0, 99.4, 99.1, 0];
  const drops = [0, 0, 0, 0, 0.4, 0, 0, 0, 0, 1.5, 0, 2.2, 0, 0, 0];
  iit.forEach((v, i) => {
    items.push([`i${i + 1}`, '', Math.min(100, v + drops[i]), v]);
  });
  const eit = [91.5, 84.2, 93.1, 86.0, 88.8, 90.2, 83.0, 89.9, 87.6];
  for (const part of [1, 2])
    eit.forEach((v, i) => {
      items.push([`e${i + 1}`, part, v + (part === 2 ? 1.2 : 0), v - (part === 2 ? 4 : 0)]);
    });
  for (let i = 1; i <= 28; i++) items.push([`o${i}`, '', 100, i === 7 ? 0 : 100]);
  return [settingsTab({ หน่วยงาน: 'หน่วยงานทดสอบ', ปีงบประมาณที่ประเมิน: 2568 }), { name: 'รายข้อ', values: items }];
}

describe('verdicts by one rule', () => {
  const analysis = analyze(verdictWorkbook());
  const v = verdicts(analysis);
  const f = analysis.current?.framework;

  test('within one tool (each EIT part apart) a lower score never gets a milder word than a higher one', () => {
    const items = [...v.items.entries()].map(([key, x]) => ({
      key,
      tool: `${f ? indicatorOfItem(f, key.split('.')[0])?.tool : null}${key.split('.')[1] ?? ''}`,
      score: analysis.current?.items.get(key)?.value?.toNumber() ?? 0,
      severity: x.severity,
    }));
    expect(new Set(items.map((x) => x.severity))).toEqual(new Set([0, 1, 2]));
    const milder = <T extends { tool: unknown; score: number; severity: number }>(xs: T[]) =>
      xs.flatMap((a) => xs.filter((b) => a.tool === b.tool && a.score < b.score && a.severity < b.severity));
    expect(milder(items)).toEqual([]);
    const inds = [...v.indicators.entries()].map(([n, x]) => ({
      tool: f?.indicators.find((i) => i.number === n)?.tool,
      score: analysis.current?.indicators.get(n)?.value?.toNumber() ?? 0,
      severity: x.severity,
    }));
    expect(milder(inds)).toEqual([]);
  });

  test('an EIT item is weighed against its own part only, as the report says', () => {
    const crossing = [...v.items.entries()].filter(([key, x]) => {
      const part = key.split('.')[1];
      return part && x.reasons.some((r) => r.includes('ส่วนที่') && !r.includes(`ส่วนที่ ${part}`));
    });
    expect(crossing.map(([key, x]) => [key, x.reasons])).toEqual([]);
  });

  test('deficiency: below the next level’s bar, at 0, or down by the margin; a high weak score is kept up', () => {
    expect(v.bar).toEqual({ value: 85, level: 'ผ่านดี' });
    expect(v.items.get('i15')?.reasons).toEqual(['คะแนนเป็นศูนย์']);
    expect(v.items.get('i12')?.reasons[0]).toMatch(/^ลดลง 2\.20/); // 95.00, down 2.20
    expect(v.items.get('e7.2')?.reasons).toContain('ต่ำกว่าเกณฑ์ 85.00 ของระดับ “ผ่านดี”');
    expect(v.items.get('i5')?.word).toBe(VERDICT_WORDS[1]); // 98.30, down 0.40
    expect(v.items.get('i7')?.word).toBe(VERDICT_WORDS[1]); // 97.70: below i5
    expect(v.items.get('i3')?.word).toBe(VERDICT_WORDS[0]); // 98.90
  });

  test('the margin is a setting', () => {
    const sheets = verdictWorkbook();
    sheets[0].values.push(['เกณฑ์คะแนนลดลง', 3]);
    const wide = verdicts(analyze(sheets));
    expect(wide.margin).toBe(3);
    expect(wide.items.get('i12')?.word).not.toBe('ข้อบกพร่อง');
  });
});

describe('a totals-only workbook’s draft', () => {
  const sheets: SheetData[] = [
    settingsTab({ หน่วยงาน: 'หน่วยงานทดสอบ', ปีงบประมาณที่ประเมิน: 2568 }),
    {
      name: 'คะแนนรวม',
      values: [
        ['ปีงบประมาณ', 'IIT', 'EIT ส่วนที่ 1', 'EIT ส่วนที่ 2', 'OIT'],
        [2568, 90, 88, 86, 95],
      ],
    },
  ];

  test('claims nothing it did not measure, and each indicator’s row waits for its score', () => {
    const { model, generated } = reportOf(sheets);
    const text = reportText(model.blocks);
    expect(text).not.toContain('ครอบคลุมทั้ง');
    expect(text).not.toContain('ได้วิเคราะห์');
    expect(generated.filter((m) => m.kind === 'maintain')).toEqual([]);
    expect(text.split('จะกำหนดมาตรการเมื่อทราบคะแนนของตัวชี้วัดนี้').length - 1).toBe(10);
    expect(text).toContain('กรอกคะแนนในแท็บ ตัวชี้วัด และแท็บ รายข้อ');
  });

  test('the Doc: a header paragraph of its own while a draft, gone once scores come; the user’s header stays', () => {
    const { runtime, bundle } = sampleBundle(sheets);
    const first = bundle.call<{ docId: string }>('apiBuildReport', { force: true });
    const doc = runtime.documents.get(first.docId) as DocData;
    expect(doc.header?.children.map(blockText)).toEqual([DRAFT_HEADER]);
    // The officer's own header line (a page number, say) stays through every build.
    doc.header?.children.push({
      type: 'PARAGRAPH',
      attrs: {},
      inlines: [{ kind: 'text', runs: [{ text: 'หน้า ๑', attrs: {} }] }],
    });
    bundle.call('apiBuildReport', { force: true });
    expect(doc.header?.children.map(blockText)).toEqual([DRAFT_HEADER, 'หน้า ๑']);
    // Scores come: the report is no longer a draft, and the mark goes.
    for (const tab of sampleSheets().filter((t) => ['ตัวชี้วัด', 'รายข้อ'].includes(t.name))) {
      const sheet = runtime.spreadsheet.insertSheet(tab.name);
      const width = Math.max(...tab.values.map((r) => r.length));
      sheet
        .getRange(1, 1, tab.values.length, width)
        .setValues(tab.values.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? '')));
    }
    const second = bundle.call<{ docId: string; draft: boolean }>('apiBuildReport', { force: true });
    expect([second.docId, second.draft]).toEqual([first.docId, false]);
    expect(doc.header?.children.map(blockText)).toEqual(['หน้า ๑']);
  });

  test('has “ร่าง” on every page of its PDF, in the page header', async () => {
    const out = join(ROOT, 'out', 'draft-report');
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    await workbookFromSheets(sheets).xlsx.writeFile(join(out, 'totals.xlsx'));
    const run = spawnSync(
      process.execPath,
      [join(ROOT, 'bin', 'ita-report.cjs'), 'build', join(out, 'totals.xlsx'), '--out', join(out, 'report')],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(run.status).toBe(0);
    const pages = pdfPages(join(out, 'report', 'report.pdf'));
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page.slice(0, 2).join(' ')).toContain('ร่าง');
  }, 120_000);
});
