import { analyze } from '../../src/core/analysis/analyze';
import { analysisJson } from '../../src/core/analysis/json';
import { type Block, buildReport } from '../../src/core/report/model';
import { formatFixed } from '../../src/core/thai';
import type { SheetData } from '../../src/core/workbook/reader';
import { measuresTab, reportText } from '../helpers/report';
import { editedSample, sampleSheets, settingsTab } from '../helpers/workbook';

const TODAY = new Date(2026, 10, 26);

function reportOf(sheets: SheetData[]) {
  const analysis = analyze(sheets);
  return {
    analysis,
    json: analysisJson(analysis),
    model: buildReport({ analysis, measures: measuresTab(analysis), today: TODAY }),
  };
}

const tables = (blocks: Block[]) =>
  blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');
const n = (v: number | null) => formatFixed(v);

describe('the report of the sample workbook', () => {
  const { json, model } = reportOf(sampleSheets());
  const text = reportText(model.blocks);

  test('has every section of docs/report.md, in order', () => {
    const headings = model.blocks
      .filter((b) => b.kind === 'heading')
      .map((b) => (b as { text: string }).text);
    expect(headings).toEqual([
      'บทสรุปสำหรับผู้บริหาร',
      '๑. ความเป็นมา',
      '๒. ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๘',
      '๒.๑ ผลการประเมินในภาพรวม',
      '๒.๒ ผลการประเมินรายเครื่องมือ',
      '๒.๓ ผลการประเมินรายตัวชี้วัด',
      'การวิเคราะห์ผลการประเมิน',
      '๓. ข้อเสนอแนะต่อผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๘',
      '๓.๑ ข้อเสนอแนะจากผู้ตรวจประเมิน',
      '๓.๑.๑ ข้อเสนอแนะสำหรับแบบวัด IIT (แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน)',
      '๓.๑.๒ ข้อเสนอแนะสำหรับแบบวัด EIT ส่วนที่ ๑ ผู้รับบริการหรือติดต่อราชการเข้าตอบด้วยตนเอง (EIT Public)',
      '๓.๑.๓ ข้อเสนอแนะสำหรับแบบวัด EIT ส่วนที่ ๒ ผู้ประเมินจัดเก็บข้อมูล (EIT Survey)',
      '๓.๑.๔ ข้อเสนอแนะสำหรับแบบวัด OIT (แบบวัดการเปิดเผยข้อมูลสาธารณะ)',
      '๓.๒ ข้อเสนอแนะจากผู้มีส่วนได้ส่วนเสียภายนอก (EIT)',
      '๓.๓ ข้อเสนอแนะจากผู้มีส่วนได้ส่วนเสียภายใน (IIT)',
      '๔. การนำผลการวิเคราะห์แต่ละตัวชี้วัดไปสู่การปรับปรุง หรือพัฒนาองค์กร หรือรักษาระดับ ของสำนักงานเศรษฐกิจอุตสาหกรรม',
      'ส่วนที่ ๑ การวิเคราะห์ผลการประเมิน ITA ปีงบประมาณ พ.ศ. ๒๕๖๘ ครอบคลุมทั้ง ๑๐ ตัวชี้วัด',
      'ส่วนที่ ๒ การนำผลการวิเคราะห์ไปสู่การปรับปรุง พัฒนาองค์กร หรือรักษาระดับ (๑ ตุลาคม ๒๕๖๘ ถึง ๓๐ กันยายน ๒๕๖๙)',
    ]);
  });

  test('names the item of the report year’s framework (o25 of 2569), in Latin letters', () => {
    expect(text).toContain('ITA ปี ๒๕๖๙ ในข้อ o25 การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร');
    expect(text).not.toMatch(/ข้อ [๐-๙]|[ieo][๐-๙]|๐๒๕/);
  });

  test('captions are numbered in order, tables and figures apart', () => {
    const tableCaptions = tables(model.blocks).map((b) => b.caption?.split(' ').slice(0, 2).join(' '));
    expect(tableCaptions).toEqual(['ตารางที่ ๑', 'ตารางที่ ๒', 'ตารางที่ ๓', 'ตารางที่ ๔', 'ตารางที่ ๕', 'ตารางที่ ๖']);
    const figures = model.blocks
      .filter((b) => b.kind === 'chart')
      .map((b) => (b as { caption: string }).caption.split(' ').slice(0, 2).join(' '));
    expect(figures).toEqual(['รูปที่ ๑', 'รูปที่ ๒', 'รูปที่ ๓']);
  });

  test('every figure of the tool and indicator tables is the analysis', () => {
    const [, toolTable, indicatorTable] = tables(model.blocks);
    const cur = json.scores['2568'];
    const prev = json.scores['2567'];
    expect(toolTable.rows.map((r) => r.cells)).toEqual([
      ['IIT', n(prev.tools.IIT), n(cur.tools.IIT), '-๐.๖๑'],
      ['EIT ส่วนที่ ๑', n(prev.tools.EIT1), n(cur.tools.EIT1), '+๒.๑๓'],
      ['EIT ส่วนที่ ๒', n(prev.tools.EIT2), n(cur.tools.EIT2), '+๖.๐๘'],
      ['OIT', n(prev.tools.OIT), n(cur.tools.OIT), '+๕.๗๑'],
      ['ภาพรวม', '๙๒.๗๓', '๙๖.๐๖', '+๓.๓๓'],
    ]);
    expect(indicatorTable.rows).toHaveLength(10);
    indicatorTable.rows.forEach((r, i) => {
      expect(r.cells[3]).toBe(n(prev.indicators[i + 1]));
      expect(r.cells[4]).toBe(n(cur.indicators[i + 1]));
    });
    expect(indicatorTable.rows[7].cells.slice(3)).toEqual(['๗๓.๑๑', '๘๕.๕๙', 'เพิ่มขึ้น']);
    expect(indicatorTable.rows[9].cells[5]).toBe('เท่าเดิม');
  });

  test('states the highest and lowest across all ten indicators (the sample forgot OIT)', () => {
    expect(text).toContain(
      'ตัวชี้วัดที่ได้คะแนนสูงสุด ได้แก่ ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล และตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต (๑๐๐.๐๐ คะแนน)',
    );
    expect(text).toContain('ตัวชี้วัดที่ได้คะแนนต่ำสุด ได้แก่ ตัวชี้วัดที่ ๘ การปรับปรุงการทำงาน (๘๕.๕๙ คะแนน)');
  });

  test('gives one level, by the rule, and says what keeps it from the next one', () => {
    expect(text).toContain('อยู่ในระดับ “ผ่าน”');
    expect(text).not.toContain('ผ่านดีเยี่ยม');
    expect(text).toContain('ยังไม่ถึงระดับ “ผ่านดี” เพราะ EIT ส่วนที่ ๒ ได้ ๘๔.๙๕ ต่ำกว่าเกณฑ์ ๐.๐๕ คะแนน');
  });

  test('the part-1 analysis table covers all ten indicators, each item on its line, EIT parts side by side', () => {
    const part1 = tables(model.blocks)[3];
    const groups = part1.rows.filter((r) => r.group).map((r) => r.cells[0]);
    expect(groups.map((g) => g.split(' ')[1])).toEqual(['๑', '๒', '๓', '๔', '๕', '๖', '๗', '๘', '๙', '๑๐']);
    const row = (id: string) => part1.rows.find((r) => r.cells[0] === id)?.cells;
    expect(row('e1')?.slice(2, 4)).toEqual(['๙๑.๕๐', '๘๗.๒๗']);
    expect(row('e4')?.slice(2, 4)).toEqual([
      n(json.scores['2568'].items['e4.1']),
      n(json.scores['2568'].items['e4.2']),
    ]);
    expect(row('i1')?.slice(2, 4)).toEqual(['๙๘.๗๑', '']);
    const oit10 = part1.rows.slice(
      part1.rows.indexOf(part1.rows.find((r) => r.cells[0].startsWith('ตัวชี้วัดที่ ๑๐')) as never) + 1,
    );
    expect(oit10.map((r) => r.cells[0])).toEqual(['o21', 'o22', 'o23', 'o24', 'o25', 'o26', 'o27', 'o28']);
    expect(groups[1]).toBe('ตัวชี้วัดที่ ๒ การใช้งบประมาณ (IIT) ๙๙.๗๘ คะแนน: ไม่พบข้อบกพร่อง');
  });

  test('the measures table groups rows by indicator, with the fiscal year as the period', () => {
    const measures = tables(model.blocks)[5];
    const groups = measures.rows.filter((r) => r.group).map((r) => r.cells[0]);
    expect(groups).toHaveLength(10);
    expect(groups[0]).toBe('๑. การปฏิบัติหน้าที่');
    expect(groups[9]).toBe('๑๐. การป้องกันการทุจริต');
    const rows = measures.rows.filter((r) => !r.group);
    // Two lines, each date held together by no-break spaces: the period never wraps inside a date.
    expect(rows.every((r) => r.cells[3] === '๑\u00a0ตุลาคม\u00a0๒๕๖๘ –\n๓๐\u00a0กันยายน\u00a0๒๕๖๙')).toBe(true);
    expect(new Set(rows.map((r) => r.cells[0])).size).toBe(rows.length); // no measure twice (the sample printed one twice)
  });

  test('the peers table ranks the agency fourth and marks its row', () => {
    const peers = tables(model.blocks)[0];
    expect(peers.rows[3]).toMatchObject({
      bold: true,
      cells: ['๔', 'สำนักงานเศรษฐกิจอุตสาหกรรม (สศอ.)', '๙๖.๐๖', 'ผ่าน'],
    });
    expect(text).toContain('อันดับที่ ๔ จาก ๘ หน่วยงานในสังกัดกระทรวงอุตสาหกรรม');
  });

  test('dates are Buddhist-era with the month in full; the report date is the one the settings give', () => {
    expect(model.blocks[4]).toEqual({ kind: 'center', text: 'วันที่ ๑๕ ตุลาคม ๒๕๖๘', bold: false });
    expect(text).not.toContain('๒๖ พฤศจิกายน'); // the build clock's date is not the report's
    const undated = reportOf(
      editedSample('ตั้งค่า', (rows) =>
        rows.splice(
          rows.findIndex((r) => r[0] === 'วันที่รายงาน'),
          1,
        ),
      ),
    );
    expect(reportText(undated.model.blocks)).toContain('ข้อมูล ณ วันที่ ๒๖ พฤศจิกายน ๒๕๖๙');
  });
});

describe('reports of thinner workbooks still read well', () => {
  const only = (extra: SheetData[]) =>
    reportOf([settingsTab({ agency: 'หน่วยงานทดสอบ', year: 2568 }), ...extra]);

  test('tool-level figures of one year only: every missing part says so in a line', () => {
    const { model } = only([
      {
        name: 'Totals',
        values: [
          ['year', 'IIT', 'EIT1', 'EIT2', 'OIT'],
          [2568, 90, 88, 86, 95],
        ],
      },
    ]);
    const missing = model.blocks.filter((b) => b.kind === 'missing').map((b) => (b as { text: string }).text);
    expect(missing).toEqual([
      'รายงานฉบับนี้เป็นฉบับร่าง: ยังไม่มีคะแนนรายตัวชี้วัดและรายข้อของปี ๒๕๖๘ จึงยังวิเคราะห์ข้อบกพร่องและกำหนดมาตรการตามผลไม่ได้ กรอกคะแนนในแท็บ ตัวชี้วัด และแท็บ รายข้อ แล้วสร้างรายงานใหม่',
      'ไม่มีข้อมูลหน่วยงานในสังกัดสำหรับเปรียบเทียบ (แท็บ หน่วยงานในสังกัด ว่างหรือไม่มี)',
      'ไม่มีคะแนนรายข้อ จึงไม่ได้ระบุข้อคำถามที่ต้องพัฒนา',
      'ไม่มีคะแนนรายตัวชี้วัด',
      'ไม่มีข้อเสนอแนะจากผู้ตรวจประเมินในแท็บ ข้อเสนอแนะ',
      'ไม่มีความคิดเห็นของผู้มีส่วนได้ส่วนเสียภายนอกในแท็บ ความคิดเห็น',
      'ไม่มีความคิดเห็นของผู้มีส่วนได้ส่วนเสียภายในในแท็บ ความคิดเห็น',
    ]);
    const [toolTable] = tables(model.blocks);
    expect(toolTable.header).toEqual(['แบบวัด', 'ปีงบประมาณ พ.ศ. ๒๕๖๘']);
    expect(toolTable.rows.at(-1)?.cells).toEqual(['ภาพรวม', '๙๑.๑๐']); // 27 + 13.2 + 12.9 + 38
  });

  test('without a previous year there is no change column and no comparison sentence', () => {
    const { model } = only([
      {
        name: 'Totals',
        values: [
          ['year', 'total'],
          [2568, 88],
        ],
      },
    ]);
    const text = reportText(model.blocks);
    expect(text).not.toContain('เมื่อเทียบกับ');
    expect(text).toContain('ได้ผลการประเมินในภาพรวม ๘๘.๐๐ คะแนน');
  });
});

describe('progress, once the divisions have started', () => {
  test('a third part sums the measures by status and division', () => {
    const analysis = analyze(sampleSheets());
    const tab = measuresTab(analysis, (i) =>
      i === 0 ? ['เสร็จสิ้น', 100] : i === 1 ? ['กำลังดำเนินการ', 50] : ['ยังไม่เริ่ม', 0],
    );
    const model = buildReport({ analysis, measures: tab, today: TODAY });
    const text = reportText(model.blocks);
    expect(text).toContain('ส่วนที่ ๓ ความคืบหน้าการดำเนินการตามมาตรการ ข้อมูล ณ วันที่ ๒๖ พฤศจิกายน ๒๕๖๙');
    expect(text).toMatch(/ดำเนินการเสร็จสิ้น ๑ รายการ กำลังดำเนินการ ๑ รายการ/);
    const last = tables(model.blocks).at(-1);
    expect(last?.header[0]).toBe('หน่วยงาน');
    expect(last?.rows.map((r) => r.cells[0])).toEqual(['สล.', 'สส.', 'กพร.']);
  });

  test('a fresh measures tab adds no progress part', () => {
    const { model } = reportOf(sampleSheets());
    expect(reportText(model.blocks)).not.toContain('ความคืบหน้าการดำเนินการ');
  });
});

test('with ตัวเลขไทย set to ไม่ใช่ the report uses Arabic digits throughout', () => {
  const sheets = sampleSheets();
  const settings = sheets.find((s) => s.name === 'ตั้งค่า');
  const row = settings?.values.find((r) => r[0] === 'ตัวเลขไทย');
  expect(row).toBeDefined();
  (row as unknown[])[1] = 'ไม่ใช่';
  const { model } = reportOf(sheets);
  const text = reportText(model.blocks);
  expect(text).toContain('1. ความเป็นมา');
  expect(text).toContain('1 ตุลาคม 2568 ถึง 30 กันยายน 2569');
  // Only text quoted from the workbook (an assessor wrote "เวอร์ชัน ๒.๐") keeps its Thai digits.
  const generated = model.blocks.filter(
    (b) => b.kind === 'heading' || b.kind === 'chart' || b.kind === 'table',
  );
  const cells = generated.flatMap((b) =>
    b.kind === 'table'
      ? [b.caption ?? '', ...b.header, ...b.rows.flatMap((r) => r.cells.slice(0, 1))]
      : [reportText([b])],
  );
  expect(cells.join('\n')).not.toMatch(/[๐-๙]/);
});
