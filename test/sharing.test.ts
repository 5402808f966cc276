import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REFUSAL_ADVICE, type SharingPlan } from '../src/core/measures/sharing';
import { readMeasureRows } from '../src/core/measures/tab';
import { runBuild } from '../src/local/build';
import { loadBundle } from '../src/local/bundle';
import { createRuntime, spreadsheetFromSheets } from '../src/local/index';
import { apiDisabled } from '../src/local/runtime/index';
import { loadSpreadsheet } from '../src/local/workbook-io';
import type { SharingResult } from '../src/server/sharing';
import { text } from '../src/ui/i18n';
import { ROOT, sampleSheets } from './helpers/workbook';

const DIST = join(ROOT, 'dist');
const TEAM = 'team@oie.example';
const DIVISION_EMAILS = [
  'sl.head@oie.example',
  'sl.staff@oie.example',
  'ss.head@oie.example',
  'ss.assistant@no-google.example',
  'psd@oie.example',
];
const ALL = { protect: true, shareSpreadsheet: true, shareReport: true, notify: false };

/** The sample after the one click (measures tab and report), sl.head already an editor of the spreadsheet. */
function built(sheets = sampleSheets()) {
  const runtime = createRuntime({
    spreadsheet: spreadsheetFromSheets(sheets, TEAM),
    projectDir: DIST,
    pdf: () => Buffer.from('%PDF-1.4 local'),
  });
  const bundle = loadBundle(runtime, join(DIST, 'Code.js'));
  runtime.spreadsheet.addEditor('sl.head@oie.example');
  bundle.call('apiWriteMeasures');
  bundle.call('apiBuildReport');
  return { runtime, bundle, ss: runtime.spreadsheet };
}

const emails = (users: { getEmail(): string }[]) => users.map((u) => u.getEmail());

function rowOf(runtime: ReturnType<typeof built>['runtime'], id: string): number {
  const values = runtime.spreadsheet.getSheetByName('มาตรการ')?.getDataRange().getValues() ?? [];
  return readMeasureRows(values).findIndex((r) => r.id === id) + 2;
}

describe('sharing with the divisions', () => {
  test('the plan lists who gains access, the protections and the viewers, before anything happens', () => {
    const { runtime, bundle, ss } = built();
    const plan = bundle.call<SharingPlan>('apiSharingPlan');
    expect(plan.viewers).toEqual(DIVISION_EMAILS);
    expect(plan.withoutAccess).toEqual(DIVISION_EMAILS.filter((e) => e !== 'sl.head@oie.example'));
    // The header across the measures tab's 22 columns (เลขที่มาตรการ among them since the public numbers).
    expect(plan.measureProtections[0]).toMatchObject({ range: 'A1:V1', editors: [TEAM] });
    expect(plan.hasReport).toBe(true);
    expect(plan.foreignProtections).toEqual([]);
    expect(ss.getProtections('RANGE')).toHaveLength(0);
    expect(emails(ss.getEditors())).toEqual([TEAM, 'sl.head@oie.example']);
    expect(runtime.driveLog.permissionCalls).toHaveLength(0);
  });

  test('each division becomes an editor of the spreadsheet and of its own rows only; the team’s tabs stay the team’s', () => {
    const { runtime, bundle, ss } = built();
    const result = bundle.call<SharingResult>('apiApplySharing', ALL);
    expect(result.editorsAdded).toEqual(DIVISION_EMAILS.filter((e) => e !== 'sl.head@oie.example'));
    expect(emails(ss.getEditors())).toEqual([TEAM, ...DIVISION_EMAILS]);
    const borrowing = rowOf(runtime, '2568-4-property-borrowing'); // สล.
    const guard = ss.getProtections('RANGE').find((p) => {
      const r = p.getRange();
      return r.getRow() <= borrowing && r.getLastRow() >= borrowing;
    });
    expect(emails(guard?.getEditors() ?? [])).toEqual([TEAM, 'sl.head@oie.example', 'sl.staff@oie.example']);
    for (const p of ss.getProtections('SHEET')) expect(emails(p.getEditors())).toEqual([TEAM]);
    // As a division: its own row is editable, another division's is not, nor the score tabs.
    runtime.context.user = 'sl.staff@oie.example';
    const tab = ss.getSheetByName('มาตรการ');
    tab?.getRange(borrowing, 8).setValue('กำลังดำเนินการ');
    expect(tab?.getRange(borrowing, 8).getValue()).toBe('กำลังดำเนินการ');
    const complaint = rowOf(runtime, '2568-5-complaint-confidence'); // กพร.
    expect(() => tab?.getRange(complaint, 8).setValue('เสร็จสิ้น')).toThrow('protected cell');
    expect(() => ss.getSheetByName('คะแนนรวม')?.getRange('B2').setValue(1)).toThrow('protected cell');
    // A second run replaces the add-on's protections rather than piling them up.
    runtime.context.user = TEAM;
    const ranges = ss.getProtections('RANGE').length;
    bundle.call('apiApplySharing', ALL);
    expect(ss.getProtections('RANGE')).toHaveLength(ranges);
    expect(ss.getProtections('SHEET')).toHaveLength(8);
  });

  test('an address without a Google account is refused with its reason; every other address is shared', () => {
    const { runtime, bundle } = built();
    const result = bundle.call<SharingResult>('apiApplySharing', ALL);
    expect(result.refused).toEqual([
      expect.objectContaining({
        email: 'ss.assistant@no-google.example',
        target: 'pdf',
        reason: 'no-account',
      }),
    ]);
    const others = DIVISION_EMAILS.filter((e) => e !== 'ss.assistant@no-google.example');
    expect(result.shared.filter((s) => s.file === 'pdf').map((s) => s.email)).toEqual(others);
    expect(result.shared.filter((s) => s.file === 'doc').map((s) => s.email)).toEqual(DIVISION_EMAILS);
    const props = Object.fromEntries(runtime.documentProperties);
    const pdf = runtime.driveFiles.get(props['ita.reportPdfId']);
    expect(pdf?.permissions.filter((p) => p.role === 'reader').map((p) => p.emailAddress)).toEqual(others);
    expect(
      runtime.driveLog.permissionCalls.every((c) => c.optionalArgs.sendNotificationEmail === false),
    ).toBe(true);
  });

  test('once the results report exists, its Doc and PDF are shared with the divisions too', () => {
    const { runtime, bundle } = built();
    bundle.call('apiBuildResultsReport');
    const result = bundle.call<SharingResult>('apiApplySharing', ALL);
    const props = Object.fromEntries(runtime.documentProperties);
    const others = DIVISION_EMAILS.filter((e) => e !== 'ss.assistant@no-google.example');
    for (const kind of ['report', 'results']) {
      const pdf = runtime.driveFiles.get(props[`ita.${kind}PdfId`]);
      expect(pdf?.permissions.filter((p) => p.role === 'reader').map((p) => p.emailAddress)).toEqual(others);
    }
    expect(result.shared.filter((s) => s.file === 'doc').map((s) => s.email)).toEqual([
      ...DIVISION_EMAILS,
      ...DIVISION_EMAILS,
    ]);
  });

  test('the agency’s own protections are exactly as they were after two runs, and the plan lists them', () => {
    const { runtime, bundle, ss } = built();
    ss.addEditor('finance@oie.example');
    const settings = ss.getSheetByName('ตั้งค่า')?.protect();
    settings?.setDescription('กลุ่มการเงิน: ห้ามแก้');
    settings?.removeEditors(emails(settings.getEditors()));
    settings?.addEditor('finance@oie.example');
    ss.getSheetByName('มาตรการ')
      ?.getRange('J2:J3')
      .protect()
      .setDescription('หลักฐาน')
      .addEditor('finance@oie.example');
    const snapshot = () =>
      ss._state.protections
        .filter((p) => !p._description.startsWith('ita-report:'))
        .map((p) => ({
          sheet: p._sheet._name,
          range: p._range,
          description: p._description,
          editors: p._editors,
        }));
    const before = snapshot();
    const plan = bundle.call<SharingPlan>('apiSharingPlan');
    expect(plan.foreignProtections).toEqual([
      { where: 'ตั้งค่า', description: 'กลุ่มการเงิน: ห้ามแก้' },
      { where: 'มาตรการ!J2:J3', description: 'หลักฐาน' },
    ]);
    expect(plan.teamTabs).not.toContain('ตั้งค่า');
    bundle.call('apiApplySharing', ALL);
    const second = bundle.call<SharingResult>('apiApplySharing', ALL);
    expect(snapshot()).toEqual(before);
    expect(second.leftAlone).toEqual(['ตั้งค่า', 'มาตรการ!J2:J3']);
    // The agency's editors still decide the settings tab; the add-on did not add the team to it.
    runtime.context.user = 'finance@oie.example';
    ss.getSheetByName('ตั้งค่า')?.getRange('B20').setValue('x');
  });

  test('a teammate who did not build the report shares the Doc; the PDF out of their reach is said, not skipped silently', () => {
    const sheets = sampleSheets();
    sheets.find((s) => s.name === 'ตั้งค่า')?.values.push(['อีเมลทีมงาน', 'mate@oie.example']);
    const { runtime, bundle, ss } = built(sheets);
    ss.addEditor('mate@oie.example');
    const props = Object.fromEntries(runtime.documentProperties);
    // The builder shared the Doc with the teammate (as Google Docs does when the team works on it).
    runtime.driveFiles
      .get(props['ita.reportDocId'])
      ?.permissions.push({ id: 'p', type: 'user', role: 'writer', emailAddress: 'mate@oie.example' });
    runtime.context.user = 'mate@oie.example';
    const result = bundle.call<SharingResult>('apiApplySharing', ALL);
    expect(result.shared.filter((s) => s.file === 'doc').map((s) => s.email)).toEqual(DIVISION_EMAILS);
    expect(result.unreachable).toEqual([{ what: 'pdf', message: expect.stringContaining('File not found') }]);
    expect(result.refused).toEqual([]);
    expect(result.protectedRanges).toBeGreaterThan(1);
  });

  test('display names are dropped: "Name" <n@x.example> and สมชาย <s@x.example> share with the bare addresses; team@ with no one', () => {
    const sheets = sampleSheets();
    const divisions = sheets.find((s) => s.name === 'หน่วยงานภายใน');
    if (!divisions) throw new Error('no divisions tab');
    divisions.values[1][2] = '"Name" <n@x.example>, สมชาย <s@x.example>';
    divisions.values[3][2] = 'team@';
    const { bundle, ss } = built(sheets);
    const result = bundle.call<SharingResult>('apiApplySharing', ALL);
    const expected = ['n@x.example', 's@x.example', 'ss.head@oie.example', 'ss.assistant@no-google.example'];
    expect(result.shared.filter((s) => s.file === 'doc').map((s) => s.email)).toEqual(expected);
    expect(emails(ss.getEditors())).toEqual([TEAM, 'sl.head@oie.example', ...expected]);
    const editors = ss.getProtections('RANGE').flatMap((p) => emails(p.getEditors()));
    expect(editors.filter((e) => /[<>"@]$|^@|team@$/.test(e) || e.includes(' '))).toEqual([]);
  });

  test('in a spreadsheet its domain may edit, every add-on protection turns domain editing off: a domain user edits none', () => {
    const { runtime, bundle, ss } = built();
    // The agency shared its spreadsheet with everyone at oie.example (the owner's Workspace domain).
    (ss as unknown as { _state: { domainEdit: boolean } })._state.domainEdit = true;
    bundle.call<SharingResult>('apiApplySharing', ALL);
    const ours = ss
      .getProtections('RANGE')
      .concat(ss.getProtections('SHEET'))
      .filter((p) => p.getDescription().startsWith('ita-report:'));
    expect(ours.length).toBeGreaterThan(8);
    expect(ours.filter((p) => p.canDomainEdit()).map((p) => p.getDescription())).toEqual([]);
    runtime.context.user = 'clerk@oie.example';
    const tab = ss.getSheetByName('มาตรการ');
    expect(() => tab?.getRange(rowOf(runtime, '2568-4-property-borrowing'), 8).setValue('เสร็จสิ้น')).toThrow(
      'protected cell',
    );
    expect(() => ss.getSheetByName('คะแนนรวม')?.getRange('B2').setValue(1)).toThrow('protected cell');
  });

  test('the step refuses nothing silently: without the spreadsheet step the divisions still lack access, and it says so', () => {
    const { bundle } = built();
    const planned = bundle.call<SharingPlan>('apiSharingPlan').measureProtections.length;
    const result = bundle.call<SharingResult>('apiApplySharing', { ...ALL, shareSpreadsheet: false });
    expect(result.editorsAdded).toEqual([]);
    expect(result.withoutAccess).toEqual(DIVISION_EMAILS.filter((e) => e !== 'sl.head@oie.example'));
    // Every range the plan showed is protected (14 on the sample: the header and 13 blocks of rows).
    expect([planned, result.protectedRanges]).toEqual([14, 14]);
  });
});

describe('the notification box says what it controls', () => {
  // Drive API permissions.create, sendNotificationEmail: "Whether to send a notification email when sharing
  // to users or groups. This defaults to true for users and groups". Spreadsheet.addEditors ("Adds the given
  // array of users to the list of editors for the Spreadsheet") and Document.addViewers ("Adds the given
  // array of users to the list of viewers for the Document") take no such option: Google e-mails the people
  // they add (officeforest.org, on DriveApp's addViewer: the person added is always e-mailed).
  const sent = (notify: boolean) => {
    const { runtime, bundle } = built();
    const before = runtime.mail.length;
    bundle.call('apiApplySharing', { ...ALL, notify });
    const by = (method: string) =>
      runtime.mail
        .slice(before)
        .filter((m) => m.by === method)
        .map((m) => m.to)
        .sort();
    return {
      pdf: by('Drive.Permissions.create'),
      doc: by('Document.addViewers'),
      sheet: by('Spreadsheet.addEditors'),
    };
  };

  test('ticked or not, only the PDF’s e-mails change; the Doc’s and the spreadsheet’s are sent either way', () => {
    const off = sent(false);
    const on = sent(true);
    expect(off.pdf).toEqual([]);
    expect(on.pdf).toEqual([...DIVISION_EMAILS].sort());
    expect(off.doc).toEqual([...DIVISION_EMAILS].sort());
    expect(on.doc).toEqual(off.doc);
    expect(off.sheet).toEqual(DIVISION_EMAILS.filter((e) => e !== 'sl.head@oie.example').sort());
    expect(on.sheet).toEqual(off.sheet);
  });

  test('its words name the PDF as what it reaches, and say the spreadsheet and the Doc are e-mailed anyway', () => {
    const th = text('th', 'notify');
    const en = text('en', 'notify');
    expect(en).toMatch(/^E-mail the divisions about the PDF \(this box reaches the PDF only/);
    expect(en).toContain(
      'Google e-mails everyone added to the spreadsheet or the report Doc whatever it says',
    );
    expect(th).toMatch(/^ส่งอีเมลแจ้งเมื่อแชร์ PDF \(ช่องนี้มีผลกับ PDF เท่านั้น/);
    expect(th).toContain('ผู้แก้ไขสเปรดชีตหรือผู้ดูเอกสารรายงาน Google ส่งอีเมลแจ้งเองทุกครั้ง');
    // The advice for an address without a Google account names the box by its words.
    expect(REFUSAL_ADVICE['no-account'].en).toContain(`tick "${en.split(' (')[0]}"`);
    expect(REFUSAL_ADVICE['no-account'].th).toContain(`ติ๊ก "${th.split(' (')[0]}"`);
  });
});

describe('a share stopped midway (the 6-minute limit) and run again', () => {
  type Ss = ReturnType<typeof built>['ss'];
  const rowsOf = (range: string) => {
    const [, first, last] = /^[A-Z]+(\d+):[A-Z]+(\d+)$/.exec(range) ?? [];
    return [Number(first), Number(last)];
  };
  /** Each row of the measures tab, and who may edit it under any of the plans (the old one, the new one). */
  function allowed(plans: SharingPlan[]): Map<number, Set<string>> {
    const rows = new Map<number, Set<string>>();
    for (const plan of plans)
      for (const p of plan.measureProtections) {
        const [first, last] = rowsOf(p.range);
        for (let r = first; r <= last; r++) {
          const set = rows.get(r) ?? new Set<string>();
          for (const e of p.editors) set.add(e.toLowerCase());
          rows.set(r, set);
        }
      }
    return rows;
  }
  /** Every division address that can edit a row no plan gives it, or a team tab. */
  function breaches(ss: Ss, plans: SharingPlan[]): string[] {
    const found: string[] = [];
    const tab = ss.getSheetByName('มาตรการ') as unknown as Parameters<Ss['_canEdit']>[1];
    for (const [row, editors] of allowed(plans))
      for (const email of DIVISION_EMAILS)
        if (ss._canEdit(email, tab, row, 1) && !editors.has(email)) found.push(`${email} row ${row}`);
    for (const name of plans[0].teamTabs) {
      const sheet = ss.getSheetByName(name) as unknown as Parameters<Ss['_canEdit']>[1];
      for (const email of DIVISION_EMAILS)
        if (ss._canEdit(email, sheet, 1, 1)) found.push(`${email} ${name}`);
    }
    return found;
  }
  /** The add-on's protections, as the plan wants them: one a planned range or tab, its editors the plan's. */
  function asPlanned(ss: Ss, plan: SharingPlan) {
    const ours = ss.getProtections('RANGE').filter((p) => p.getDescription().startsWith('ita-report:'));
    const set = (list: string[]) => [...new Set(list.map((e) => e.toLowerCase()))].sort();
    return {
      ranges: ours.map((p) => p.getRange().getA1Notation()).sort(),
      editors: ours.map((p) => `${p.getRange().getA1Notation()} ${set(emails(p.getEditors()))}`).sort(),
      tabs: ss.getProtections('SHEET').filter((p) => p.getDescription().startsWith('ita-report:')).length,
      want: {
        ranges: plan.measureProtections.map((p) => p.range).sort(),
        editors: plan.measureProtections.map((p) => `${p.range} ${set(p.editors)}`).sort(),
        tabs: plan.teamTabs.length,
      },
    };
  }
  /** Shared once; then a row moved from สล. to สส., so that the next share changes the protections. */
  function sharedThenChanged() {
    const b = built();
    b.bundle.call('apiApplySharing', ALL);
    const before = b.bundle.call<SharingPlan>('apiSharingPlan');
    const tab = b.ss.getSheetByName('มาตรการ');
    const column = (tab?.getRange(1, 1, 1, 21).getValues()[0] ?? []).indexOf('ผู้รับผิดชอบ') + 1;
    tab?.getRange(rowOf(b.runtime, '2568-4-property-borrowing'), column).setValue('สส.');
    const after = b.bundle.call<SharingPlan>('apiSharingPlan');
    return { ...b, before, after };
  }

  test('wherever it stops, no division can edit rows that are not its own; a second run makes the plan whole', () => {
    const probe = sharedThenChanged();
    expect(probe.after.measureProtections).not.toEqual(probe.before.measureProtections);
    probe.runtime.calls.reset();
    probe.bundle.call('apiApplySharing', ALL);
    const total = probe.runtime.calls.total();
    expect(breaches(probe.ss, [probe.after])).toEqual([]);
    const stops = [1, 2, 3, 4, 5, 6, 7].map((k) => Math.round((total * k) / 8));
    for (const stop of stops) {
      const { runtime, bundle, ss, before, after } = sharedThenChanged();
      runtime.calls.reset();
      runtime.calls.stopAfter(stop);
      expect(() => bundle.call('apiApplySharing', ALL)).toThrow('Exceeded maximum execution time');
      // The execution is over: Apps Script lets go of its lock, and the next run is a new execution.
      runtime.calls.resume();
      runtime.documentLock.by = null;
      expect([stop, breaches(ss, [before, after])]).toEqual([stop, []]);
      bundle.call('apiApplySharing', ALL);
      const state = asPlanned(ss, after);
      expect([stop, state.ranges, state.editors, state.tabs]).toEqual([
        stop,
        state.want.ranges,
        state.want.editors,
        state.want.tabs,
      ]);
      expect(breaches(ss, [after])).toEqual([]);
    }
  });
});

test('the report shared halfway (stopped by the time limit): a second run shares the rest, no one twice', () => {
  const REPORT = { protect: false, shareSpreadsheet: false, shareReport: true, notify: true };
  const { runtime, bundle } = built();
  runtime.calls.reset();
  bundle.call('apiApplySharing', REPORT);
  const total = runtime.calls.total();
  // The run ends with four calls after its last Drive permission (the record of the share, the lock):
  // these stops fall among the five addresses' Drive calls.
  for (const stop of [total - 5, total - 7]) {
    const b = built();
    b.runtime.calls.reset();
    b.runtime.calls.stopAfter(stop);
    expect(() => b.bundle.call('apiApplySharing', REPORT)).toThrow('Exceeded maximum execution time');
    b.runtime.calls.resume();
    b.runtime.documentLock.by = null;
    const halfway = b.runtime.driveLog.permissionCalls.length;
    expect(halfway).toBeGreaterThan(0);
    expect(halfway).toBeLessThan(DIVISION_EMAILS.length);
    const before = b.runtime.mail.length;
    const result = b.bundle.call<SharingResult>('apiApplySharing', REPORT);
    const pdfCalls = b.runtime.driveLog.permissionCalls.map((c) => c.resource.emailAddress).sort();
    expect(pdfCalls).toEqual([...DIVISION_EMAILS].sort());
    expect(result.shared.filter((x) => x.file === 'pdf').map((x) => x.email)).toEqual(DIVISION_EMAILS);
    // The Doc was shared in the first run's list call: no one is e-mailed about it again.
    expect(b.runtime.mail.slice(before).map((m) => m.by)).toEqual(
      Array(DIVISION_EMAILS.length - halfway).fill('Drive.Permissions.create'),
    );
  }
});

test('the Drive API off in the Cloud project: the Doc is shared, and the PDF’s line names the fix', () => {
  const { runtime, bundle } = built();
  // What Drive answers when its API is not enabled in the script's Cloud project (as createRuntime's
  // driveApi: false makes every Drive call answer).
  runtime.calls.failNext('Drive.Permissions.list', apiDisabled('drive')('Drive.Permissions.list').message);
  const result = bundle.call<SharingResult>('apiApplySharing', ALL);
  expect(result.shared.filter((x) => x.file === 'doc').map((x) => x.email)).toEqual(DIVISION_EMAILS);
  expect(result.unreachable).toEqual([
    {
      what: 'pdf',
      message: expect.stringContaining('Google Drive API has not been used in project'),
      fix: {
        th: expect.stringContaining('เปิดใช้ Google Drive API ในโปรเจกต์ Google Cloud'),
        en: expect.stringContaining("Enable the Google Drive API in the script's Google Cloud project"),
      },
    },
  ]);
});

describe('ita-report build --share', () => {
  function cli(...args: string[]) {
    const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'ita-report.cjs'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    return { code: run.status, out: run.stdout, err: run.stderr };
  }

  test('shares as the confirm with every box ticked, prints the plan and the result, and the workbook keeps it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ita-share-'));
    const first = cli(
      'build',
      join(ROOT, 'samples', 'oie-2568.xlsx'),
      '--share',
      '--no-pdf',
      '--lang',
      'th',
      '--out',
      join(dir, 'a'),
    );
    expect(first.code).toBe(0);
    expect(first.out).toContain(`เพิ่มเป็นผู้แก้ไขสเปรดชีต (Google ส่งคำเชิญเอง): ${DIVISION_EMAILS.join(', ')}`);
    expect(first.out).toContain('เพิ่มผู้แก้ไขสเปรดชีต 5 คน; แชร์เอกสาร 5 คน');
    const { state } = await loadSpreadsheet(join(dir, 'a', 'workbook.xlsx'));
    expect(state?.editors).toEqual(DIVISION_EMAILS);
    const ranges = state?.protections.filter((p) => p.sheet === 'มาตรการ') ?? [];
    const sl = ranges.filter((p) => p.editors?.includes('sl.staff@oie.example'));
    // sl.staff edits only the blocks whose description names สล.
    expect(sl.length).toBeGreaterThan(0);
    for (const p of ranges)
      expect(p.editors?.includes('sl.staff@oie.example')).toBe(p.description.includes('สล.'));
    for (const p of state?.protections.filter((x) => x.range === null) ?? [])
      expect(p.editors).toEqual(['owner@local.example']);
    // A second run on the written workbook finds everyone an editor already and stacks no protection.
    const second = cli(
      'build',
      join(dir, 'a', 'workbook.xlsx'),
      '--share',
      '--no-pdf',
      '--lang',
      'th',
      '--out',
      join(dir, 'b'),
    );
    expect(second.code).toBe(0);
    expect(second.out).toContain('เพิ่มผู้แก้ไขสเปรดชีต 0 คน');
    const again = (await loadSpreadsheet(join(dir, 'b', 'workbook.xlsx'))).state;
    expect(again?.editors).toEqual(DIVISION_EMAILS);
    expect(again?.protections).toEqual(state?.protections);
  }, 60_000);
});

test('a workbook shared, saved and rebuilt without --share keeps each protection’s editors', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ita-keep-'));
  const shared = await runBuild({
    workbook: join(ROOT, 'samples', 'oie-2568.xlsx'),
    out: join(dir, 'a'),
    distDir: DIST,
    pdf: false,
    share: true,
  });
  expect(shared.error).toBeNull();
  const before = (await loadSpreadsheet(join(dir, 'a', 'workbook.xlsx'))).state?.protections ?? [];
  const rows = before.filter((p) => p.sheet === 'มาตรการ' && p.range !== null);
  expect(rows.length).toBeGreaterThan(1);
  // Not re-shared: only the loaded file says who may edit each division's rows.
  const rebuilt = await runBuild({
    workbook: join(dir, 'a', 'workbook.xlsx'),
    out: join(dir, 'b'),
    distDir: DIST,
    pdf: false,
  });
  expect(rebuilt.error).toBeNull();
  const ss = rebuilt.runtime.spreadsheet;
  const editors = (p: { getEditors(): { getEmail(): string }[] }) => p.getEditors().map((u) => u.getEmail());
  expect(
    ss
      .getProtections('RANGE')
      .filter((p) => p.getDescription().startsWith('ita-report:'))
      .map((p) => [p.getRange().getA1Notation(), editors(p)]),
  ).toEqual(rows.map((p) => [p.range, p.editors]));
  // sl.staff still edits the rows of สล. only, in the rebuilt spreadsheet and in the file written.
  rebuilt.runtime.context.user = 'sl.staff@oie.example';
  const complaint = rowOf(rebuilt.runtime, '2568-5-complaint-confidence');
  expect(() => ss.getSheetByName('มาตรการ')?.getRange(complaint, 8).setValue('เสร็จสิ้น')).toThrow(
    'protected cell',
  );
  const after = (await loadSpreadsheet(join(dir, 'b', 'workbook.xlsx'))).state?.protections;
  expect(after).toEqual(before);
}, 120_000);

test('a framework tab is one of the team’s tabs: divisions cannot change the criteria', () => {
  const framework = {
    name: 'กรอบการประเมิน',
    values: [
      ['ปีงบประมาณ', 'ประเภท', 'ชื่อ', 'ค่า'],
      [2568, 'ระดับ', 'ผ่าน', 85],
      [2568, 'ระดับ', 'ไม่ผ่าน', ''],
    ],
  };
  const { bundle } = built([...sampleSheets(), framework]);
  const plan = bundle.call<SharingPlan>('apiSharingPlan');
  expect(plan.teamTabs).toContain('กรอบการประเมิน');
});
