import { join } from 'node:path';
import { ROLLUP_WORDS } from '../src/core/rollup-words';
import { loadBundle } from '../src/local/bundle';
import { createRuntime, spreadsheetFromSheets } from '../src/local/index';
import type { SharedResult } from '../src/server/index';
import { AGENCY_REFUSAL_ADVICE, type AgencySharingPlan, type RollupOverview } from '../src/server/rollup';
import type { SharingResult } from '../src/server/sharing';
import { learnWords, text } from '../src/ui/i18n';
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

type Sheet = NonNullable<ReturnType<ReturnType<typeof open>['ss']['getSheetByName']>>;
type Protection = ReturnType<ReturnType<typeof open>['ss']['getProtections']>[number];

/** The add-on's protection covering a row of a tab. */
function guardOf(protections: Protection[], tab: Sheet, row: number): Protection | undefined {
  return protections.find((p) => {
    const r = p.getRange();
    return r.getSheet().getName() === tab.getName() && r.getRow() <= row && r.getLastRow() >= row;
  });
}

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
    // Every attention row: its agency's e-mails and the team edit it, and no one else in the domain.
    const ranges = ss.getProtections('RANGE');
    values.slice(1).forEach((row, i) => {
      const rowGuard = tab ? guardOf(ranges, tab, i + 2) : undefined;
      expect(rowGuard?.getDescription()).toBe(`ita-report: ติดตามหน่วยงาน ${row[0]}`);
      expect(emails(rowGuard?.getEditors() ?? [])).toEqual([TEAM, ...String(row[1]).split(', ')]);
      expect(rowGuard?.canDomainEdit()).toBe(false);
    });
    const answered = bundle.call<RollupOverview>('apiRollupOverview').followUp ?? [];
    expect(answered.find((f) => f.agency === first[0])?.answered).toBe(true);
    expect(answered.find((f) => f.agency === second[0])?.answered).toBe(false);
    // Writing the tab again keeps what the agency wrote.
    bundle.call('apiWriteAgencyFollowUp');
    expect(tab?.getRange(2, 5).getValue()).toBe('จัดทำคู่มือการปฏิบัติงาน');
  });
});

describe('the agencies’ plan says what the sidebar shows, and a refusal comes with what to do', () => {
  let ctx: ReturnType<typeof open>;
  let tab: Sheet;
  beforeAll(async () => {
    ctx = open(province());
    ctx.bundle.call('apiBuildRollupReport');
    ctx.bundle.call('apiWriteAgencyFollowUp');
    const found = ctx.ss.getSheetByName('ติดตามหน่วยงาน');
    if (!found) throw new Error('no follow-up tab');
    tab = found;
    // The coordinator typed two e-mails by hand: one with no Google account, one that is no address.
    tab.getRange(2, 2).setValue('someone@no-google.example');
    tab.getRange(3, 2).setValue('ผู้อำนวยการ กองคลัง');
    // A row kept from an earlier year: its agency no longer needs attention, so it is shared with no more.
    tab
      .getRange(tab.getLastRow() + 1, 1, 1, 7)
      .setValues([
        [
          'อบต.ตัวอย่างที่พ้นแล้ว (อำเภอตัวอย่าง 1)',
          'former@office.example',
          'ต่ำกว่า 85 เมื่อปีก่อน',
          '',
          'มาตรการเดิม',
          '',
          '',
        ],
      ]);
  }, 120_000);

  test('who gets which row, the addresses against Google’s limit, what is no address, the public note', () => {
    const plan = ctx.bundle.call<AgencySharingPlan>('apiAgencySharingPlan');
    // The agencies needing attention: every row but the last, kept from an earlier year.
    const values = tab.getDataRange().getValues().slice(1, -1);
    const [rows, count, refused, note] = plan.said;
    expect(plan.viewers).not.toContain('former@office.example');
    expect(plan.withoutAccess).not.toContain('former@office.example');
    expect(rows.th).toContain(`(${values.length} แถว)`);
    expect(rows.th).toContain('(12 แถวแรก)');
    expect(rows.items?.[0]).toBe(`${values[0][0]} → someone@no-google.example`);
    expect(rows.items?.[1]).toBe(`${values[1][0]} → –`);
    expect(rows.items).toHaveLength(12);
    expect(rows.more).toBe(values.length - 12);
    expect(count.en).toBe(
      `Once shared, the spreadsheet will be shared with ${plan.addresses} addresses (Google allows one file 600 at most)`,
    );
    expect(count.warn).toBe(false);
    expect(plan.overLimit).toBe(false);
    expect(plan.refusedAddresses).toEqual([
      { row: 3, agency: values[1][0], text: 'ผู้อำนวยการ' },
      { row: 3, agency: values[1][0], text: 'กองคลัง' },
    ]);
    expect(refused.warn).toBe(true);
    expect(refused.items).toEqual([`${values[1][0]}: ผู้อำนวยการ`, `${values[1][0]}: กองคลัง`]);
    expect(note).toEqual(plan.note);
    expect(note.th).toContain('เผยแพร่ต่อสาธารณะ');
  });

  test('an address Google refuses comes back with what to do, naming the agencies tab and the box', () => {
    const result = ctx.bundle.call<SharedResult>('apiApplyAgencySharing', ALL);
    expect(result.refused).toEqual([
      expect.objectContaining({ email: 'someone@no-google.example', target: 'pdf', reason: 'no-account' }),
    ]);
    expect(result.advice.refused).toEqual([AGENCY_REFUSAL_ADVICE['no-account']]);
    expect(result.advice.refused[0].th).toContain('ติ๊ก "ส่งอีเมลแจ้งหน่วยงานเมื่อแชร์ PDF"');
    expect(result.advice.refused[0].th).toContain('ในแท็บผลหน่วยงาน');
    expect(result.advice.unreachable).toEqual([]);
    // The row whose cell held no address is protected for the team alone, and so is the row kept from an
    // earlier year, whose agency is neither an editor of the spreadsheet nor a viewer of the report.
    const guard = guardOf(ctx.ss.getProtections('RANGE'), tab, 3);
    expect(emails(guard?.getEditors() ?? [])).toEqual([TEAM]);
    const former = guardOf(ctx.ss.getProtections('RANGE'), tab, tab.getLastRow());
    expect(former?.getDescription()).toBe('ita-report: ติดตามหน่วยงาน ทีมงาน');
    expect(emails(former?.getEditors() ?? [])).toEqual([TEAM]);
    expect(emails(ctx.ss.getEditors())).not.toContain('former@office.example');
    expect(result.shared.map((x) => x.email)).not.toContain('former@office.example');
  });
});

/**
 * Google's limit: "You can share a single file with up to 600 individual email addresses" (Google Drive
 * Help, "Share files from Google Drive", https://support.google.com/drive/answer/2494822), as the page is
 * quoted elsewhere; see SHARE_LIMIT in src/core/rollup/follow-up.ts.
 */
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
  expect(plan.overLimit).toBe(true);
  // The plan says it before anything happens: the count in the warning colour, then the refusal.
  expect(plan.said[1]).toMatchObject({ warn: true });
  expect(plan.said[2].en).toBe(
    `Not shared: the spreadsheet would be shared with ${plan.addresses} addresses, more than Google lets one file be shared with (600); nothing was changed. Trim the e-mails in the agencies tab, or share through a Google Group`,
  );
  expect(() => bundle.call('apiApplyAgencySharing', ALL)).toThrow(/600/);
  expect(ss.getProtections('RANGE')).toHaveLength(0);
  expect(emails(ss.getEditors())).toEqual([TEAM]);
}, 120_000);

test('the share card’s words: a coordinator’s overview brings the agencies’, an agency’s gives the page’s back', () => {
  expect(text('th', 'shareTitle')).toBe('๓. แชร์ให้หน่วยงาน');
  learnWords(ROLLUP_WORDS);
  expect(text('th', 'shareTitle')).toBe('แชร์แถวติดตามให้หน่วยงาน');
  expect(text('en', 'noDivisions')).toBe('The follow-up tab has no e-mails: nothing will be shared');
  expect(text('en', 'notify')).toMatch(/^E-mail the agencies about the PDF \(this box reaches the PDF only/);
  // Words the roll-up does not reword stay the page's.
  expect(text('en', 'planTitle')).toBe('What confirming will do');
  learnWords(undefined);
  expect(text('th', 'shareTitle')).toBe('๓. แชร์ให้หน่วยงาน');
  expect(text('en', 'notify')).toMatch(/^E-mail the divisions about the PDF/);
});
