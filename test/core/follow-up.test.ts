import {
  followUp,
  followUpByDivision,
  followUpRounds,
  periodEnd,
  roundColumn,
} from '../../src/core/measures/follow-up';
import { evidenceLinks, type MeasureRow, readMeasureRows } from '../../src/core/measures/tab';
import type { Division, Settings } from '../../src/core/workbook/reader';
import { measureRow } from '../helpers/report';

const QUARTERS = ['ขั้นที่ 1', 'ขั้นที่ 2', 'ขั้นที่ 3', 'ติดตามผล'];

/** A measure of the whole fiscal year 2569 under way at 50%, with a milestone each quarter. */
function measure(over: Partial<MeasureRow>): MeasureRow {
  return measureRow({
    period: '1 ตุลาคม 2568 ถึง 30 กันยายน 2569',
    responsible: 'กพร.',
    status: 'กำลังดำเนินการ',
    progress: 50,
    milestones: QUARTERS,
    ...over,
  });
}

/** 1 April 2026 (2569 B.E.): two quarters of fiscal year 2569 have passed. */
const APRIL = new Date(2026, 3, 1);

describe('periodEnd', () => {
  test.each([
    ['1 ตุลาคม 2568 ถึง 30 กันยายน 2569', { day: 30, month: 9, yearBE: 2569 }],
    ['๑ ตุลาคม ๒๕๖๘ ถึง ๓๐ กันยายน ๒๕๖๙', { day: 30, month: 9, yearBE: 2569 }],
    ['ม.ค. – มี.ค. 2569', { day: 31, month: 3, yearBE: 2569 }],
    ['ต.ค. 68 - ธ.ค. 68', { day: 31, month: 12, yearBE: 2568 }],
    ['กุมภาพันธ์ 2569', { day: 28, month: 2, yearBE: 2569 }],
    ['1/10/2568 - 31/12/2568', { day: 31, month: 12, yearBE: 2568 }],
    ['ตลอดปีงบประมาณ', null],
  ])('%s', (text, end) => {
    expect(periodEnd(text)).toEqual(end);
  });
});

describe('followUp', () => {
  test('a measure whose period ended without completion is late, and says when it ended', () => {
    const [x] = followUp([measure({ period: 'ต.ค. – ธ.ค. 2568', progress: 80 })], APRIL, 2569);
    expect(x.state).toBe('late');
    expect(x.late?.th).toContain('31 ธันวาคม 2568');
  });

  test('a passed quarter whose milestone share is not reached makes the measure late', () => {
    // By 1 April two of four milestones have passed: 50% is expected.
    const [behind, onTrack] = followUp([measure({ progress: 40 }), measure({ progress: 50 })], APRIL, 2569);
    expect(behind.state).toBe('late');
    expect(behind.late?.th).toContain('ไตรมาสที่ 2');
    expect(behind.late?.th).toContain('50%');
    expect(onTrack.state).toBe('under-way');
  });

  test('done by status or by 100%, not started, and retired rows left out', () => {
    const states = followUp(
      [
        measure({ status: 'เสร็จสิ้น', progress: 60 }),
        measure({ status: 'กำลังดำเนินการ', progress: 100 }),
        measure({ status: 'ยังไม่เริ่ม', progress: 0, milestones: ['', '', '', ''] }),
        measure({ retired: true }),
      ],
      APRIL,
      2569,
    ).map((x) => x.state);
    expect(states).toEqual(['done', 'done', 'not-started']);
  });

  test('a measure not started once its first quarter has passed is late, not merely not started', () => {
    const [x] = followUp([measure({ status: 'ยังไม่เริ่ม', progress: 0 })], APRIL, 2569);
    expect(x.state).toBe('late');
  });
});

describe('followUpByDivision', () => {
  const divisions: Division[] = [
    { code: 'กพร.', name: 'กลุ่มพัฒนาระบบบริหาร', emails: ['opdc@example.go.th'], where: '' },
    { code: 'สล.', name: 'สำนักงานเลขานุการกรม', emails: ['sec@example.go.th'], where: '' },
  ];
  test('counts each state per division, lists its rows and names its late measures', () => {
    const items = followUp(
      [
        measure({ id: 'a', row: 2, responsible: 'กพร.', status: 'เสร็จสิ้น' }),
        measure({ id: 'b', row: 3, responsible: 'กพร., สล.', progress: 10, title: 'ช้า' }),
        measure({ id: 'c', row: 4, responsible: 'ทุกหน่วยงานภายใน', progress: 60 }),
      ],
      APRIL,
      2569,
    );
    const [opdc, sec] = followUpByDivision(items, divisions);
    expect(opdc).toMatchObject({ total: 3, done: 1, late: 1, underWay: 1, notStarted: 0, rows: [2, 3, 4] });
    expect(sec).toMatchObject({ total: 2, done: 0, late: 1, underWay: 1, rows: [3, 4] });
    expect(sec.lateMeasures).toEqual([expect.objectContaining({ id: 'b', title: 'ช้า', row: 3 })]);
    expect(sec.emails).toEqual(['sec@example.go.th']);
  });
});

describe('followUpRounds', () => {
  test('6 and 12 months of the plan year unless the settings name the rounds', () => {
    expect(followUpRounds(null, 2569).map((r) => [r.label, r.date])).toEqual([
      ['รอบ 6 เดือน', { day: 31, month: 3, yearBE: 2569 }],
      ['รอบ 12 เดือน', { day: 30, month: 9, yearBE: 2569 }],
    ]);
    const settings = { rounds: [{ day: 30, month: 6, yearBE: 2569 }] } as Settings;
    expect(followUpRounds(settings, 2569).map((r) => roundColumn(r))).toEqual(['ความคืบหน้า รอบ 9 เดือน (%)']);
  });
});

describe('the measures tab as divisions fill it', () => {
  test('reads each round, the outcome columns, the row and the evidence links', () => {
    const header = [
      'รหัส',
      'มาตรการ/โครงการ/กิจกรรม',
      'ความคืบหน้า (%)',
      'หลักฐาน',
      'ความคืบหน้า รอบ 6 เดือน (%)',
      'ผลการดำเนินการเทียบกับเป้าหมาย',
      'ปัญหาและอุปสรรค',
      'การดำเนินการต่อไป',
    ];
    const rows = readMeasureRows(
      [
        header,
        ['', '', '', '', '', '', '', ''],
        [
          'a',
          'คู่มือ',
          '๘๐',
          'คำสั่ง https://drive.google.com/file/d/abc/view\nhttps://www.example.go.th/ita, javascript:alert(1)',
          '45%',
          'ครบ 3 ใน 4 ขั้นตอน',
          'งบประมาณล่าช้า',
          'เผยแพร่คู่มือ',
        ],
      ],
      ['ความคืบหน้า รอบ 6 เดือน (%)', 'ความคืบหน้า รอบ 12 เดือน (%)'],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      row: 3,
      progress: 80,
      rounds: [45, null],
      result: 'ครบ 3 ใน 4 ขั้นตอน',
      problems: 'งบประมาณล่าช้า',
      nextStep: 'เผยแพร่คู่มือ',
      links: [
        { label: 'คำสั่ง', url: 'https://drive.google.com/file/d/abc/view' },
        { label: '', url: 'https://www.example.go.th/ita' },
      ],
    });
  });

  test('only http and https are links; a quote ends a link', () => {
    expect(evidenceLinks('ftp://x.org javascript:alert(1) data:text/html,x')).toEqual([]);
    expect(evidenceLinks('https://a.example/"onmouseover=x').map((l) => l.url)).toEqual([
      'https://a.example/',
    ]);
  });
});
