import { planSharing } from '../../src/core/measures/sharing';

const DIVISIONS = [
  { code: 'สล.', name: 'สำนักงานเลขานุการกรม', emails: ['sl@a.example'], where: 'หน่วยงานภายใน!A2' },
  { code: 'กพร.', name: 'กลุ่มพัฒนาระบบบริหาร', emails: ['psd@a.example'], where: 'หน่วยงานภายใน!A3' },
];

describe('planSharing', () => {
  const plan = planSharing({
    divisions: DIVISIONS,
    rows: [
      { row: 2, responsible: 'สล.' },
      { row: 3, responsible: 'สล.' },
      { row: 4, responsible: 'กพร.' },
      { row: 5, responsible: 'ทุกหน่วยงานภายใน' },
    ],
    team: ['Team@A.example'],
    spreadsheetEditors: ['sl@a.example'],
    teamTabs: ['ตั้งค่า', 'คะแนนรวม'],
    hasReport: true,
    foreignProtections: [{ where: 'คะแนนรวม', description: 'ของหน่วยงาน' }],
    columns: 18, // the add-on's 17 columns and one a person added
  });

  test("protects the header for the team and each run of a division's rows for it and the team", () => {
    expect(plan.measureProtections.map((p) => [p.range, p.editors, p.divisions])).toEqual([
      ['A1:R1', ['team@a.example'], []],
      ['A2:R3', ['team@a.example', 'sl@a.example'], ['สล.']],
      ['A4:R4', ['team@a.example', 'psd@a.example'], ['กพร.']],
      ['A5:R5', ['team@a.example', 'sl@a.example', 'psd@a.example'], ['สล.', 'กพร.']],
    ]);
  });

  test('leaves a tab the agency protected itself to its own protection, and lists who cannot edit yet', () => {
    expect(plan.teamTabs).toEqual(['ตั้งค่า']);
    expect(plan.viewers).toEqual(['sl@a.example', 'psd@a.example']);
    expect(plan.withoutAccess).toEqual(['psd@a.example']);
    expect(plan.hasReport).toBe(true);
  });
});
