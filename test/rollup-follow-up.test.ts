import { join } from 'node:path';
import { loadBundle } from '../src/local/bundle';
import { createRuntime, spreadsheetFromSheets } from '../src/local/index';
import type { AgencySharingPlan, RollupOverview } from '../src/server/rollup';
import type { SharingResult } from '../src/server/sharing';
import { ROOT } from './helpers/workbook';

const DIST = join(ROOT, 'dist');
const TEAM = 'coordinator@province.example';
const ALL = { protect: true, shareSpreadsheet: true, shareReport: true, notify: false };

function province(n = 150) {
  const { coordinatorSheets } = require('../scripts/rollup-samples.cjs');
  return coordinatorSheets({ n });
}

function open(sheets: { name: string; values: unknown[][] }[]) {
  const runtime = createRuntime({
    spreadsheet: spreadsheetFromSheets(sheets, TEAM),
    projectDir: DIST,
    pdf: () => Buffer.from('%PDF-1.4 local'),
  });
  const bundle = loadBundle(runtime, join(DIST, 'Code.js'));
  return { runtime, bundle, ss: runtime.spreadsheet };
}

const emails = (users: { getEmail(): string }[]) => users.map((u) => u.getEmail());

describe('the agency follow-up tab, shared through the divisions’ sharing', () => {
  let ctx: ReturnType<typeof open>;
  beforeAll(async () => {
    ctx = open(province());
    ctx.bundle.call('apiBuildRollupReport');
    ctx.bundle.call('apiWriteAgencyFollowUp');
  }, 120_000);

  test('one row per agency needing attention: below 85, a level lost or a large drop', () => {
    const { bundle, ss } = ctx;
    const overview = bundle.call<RollupOverview>('apiRollupOverview');
    const tab = ss.getSheetByName('ติดตามหน่วยงาน')?.getDataRange().getValues() ?? [];
    expect(tab[0]).toEqual([
      'หน่วยงาน',
      'อีเมล',
      'สิ่งที่ต้องดำเนินการ',
      'ตัวชี้วัดที่ต่ำกว่า 85',
      'มาตรการ',
      'ความคืบหน้า (%)',
      'หลักฐาน',
    ]);
    const levelDown = new Set(overview.rollup.changes.levelDown);
    const rows = tab.slice(1);
    // Every agency below 85 and every one that lost a level has its row.
    expect(rows.length).toBeGreaterThanOrEqual(overview.rollup.years['2568'].below85);
    for (const label of levelDown) expect(rows.some((r) => r[0] === label)).toBe(true);
    expect(overview.followUp?.every((f) => !f.answered)).toBe(true);
  });

  test('each row is protected for its agency’s e-mail and the team; an agency edits its own row only; the card shows who answered', () => {
    const { runtime, bundle, ss } = ctx;
    const plan = bundle.call<AgencySharingPlan>('apiAgencySharingPlan');
    expect(plan.rowsTab).toBe('ติดตามหน่วยงาน');
    expect(plan.limit).toBe(600);
    expect(plan.note.en).toContain('ITA results and o25 plans are public');
    const result = bundle.call<SharingResult>('apiApplyAgencySharing', ALL);
    expect(result.refused).toEqual([]);
    const tab = ss.getSheetByName('ติดตามหน่วยงาน');
    const values = tab?.getDataRange().getValues() ?? [];
    const [first, second] = [values[1], values[2]];
    const guard = ss.getProtections('RANGE').find((p) => p.getRange().getRow() === 2);
    expect(guard?.getDescription()).toBe(`ita-report: ติดตามหน่วยงาน ${first[0]}`);
    expect(emails(guard?.getEditors() ?? [])).toEqual([TEAM, first[1]]);
    expect(emails(ss.getEditors())).toContain(first[1]);
    // As the agency of the first row: its own row takes its measure, the next agency's row does not.
    runtime.context.user = String(first[1]);
    tab?.getRange(2, 5).setValue('จัดทำคู่มือการปฏิบัติงาน');
    expect(() => tab?.getRange(3, 5).setValue('x')).toThrow('protected cell');
    expect(() => ss.getSheetByName('ผลหน่วยงาน')?.getRange('B2').setValue('x')).toThrow('protected cell');
    runtime.context.user = TEAM;
    const answered = bundle.call<RollupOverview>('apiRollupOverview').followUp ?? [];
    expect(answered.find((f) => f.agency === first[0])?.answered).toBe(true);
    expect(answered.find((f) => f.agency === second[0])?.answered).toBe(false);
    // Writing the tab again keeps what the agency wrote.
    bundle.call('apiWriteAgencyFollowUp');
    expect(tab?.getRange(2, 5).getValue()).toBe('จัดทำคู่มือการปฏิบัติงาน');
  });
});

test('sharing is refused whole beyond Google’s limit of people a file can be shared with', async () => {
  const sheets = province(700);
  // Make every agency need attention: each below 85.
  const tab = sheets[1].values;
  const total = tab[0].indexOf('คะแนนรวม');
  for (const row of tab.slice(1)) {
    for (const c of [4, 5, 6, 7]) row[c] = 80;
    row[total] = 80;
    for (let c = 10; c < 20; c++) row[c] = '';
  }
  const { bundle, ss } = open(sheets);
  bundle.call('apiWriteAgencyFollowUp');
  const plan = bundle.call<AgencySharingPlan>('apiAgencySharingPlan');
  expect(plan.addresses).toBeGreaterThan(600);
  expect(() => bundle.call('apiApplyAgencySharing', ALL)).toThrow(/600/);
  expect(ss.getProtections('RANGE')).toHaveLength(0);
  expect(emails(ss.getEditors())).toEqual([TEAM]);
}, 120_000);
