import { docToHtml } from '../../src/local/doc-html';
import type { DocData } from '../../src/local/runtime/document';
import { createRuntime } from '../../src/local/runtime/index';

/** The local services as strict as Google's reference where sharing and typed codes meet them. */
function services(user = 'owner@example.com') {
  const runtime = createRuntime({ user, projectDir: __dirname });
  const g = runtime.globals as unknown as {
    DocumentApp: GoogleAppsScript.Document.DocumentApp;
    SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    Utilities: GoogleAppsScript.Utilities.Utilities;
    Drive: GoogleAppsScript.Drive;
  };
  const ss = g.SpreadsheetApp.getActive();
  return { runtime, ss, sheet: ss.insertSheet('data'), ...g };
}

describe('typed input is read as Sheets reads it, in the spreadsheet’s locale', () => {
  // Sheets API, ValueInputOption USER_ENTERED: "The values will be parsed as if the user typed them into the
  // UI. Numbers will stay as numbers, but strings may be converted to numbers, dates, etc. following the same
  // rules that are applied when entering text into a cell via the Google Sheets UI."
  test('a code such as 2569-3-1 becomes a date; with a plain-text format or an apostrophe it stays text', () => {
    const { sheet } = services();
    sheet.getRange('A1:C1').setValues([['2569-3-1', "'2569-3-1", '2569-13-1']]);
    const [date, apostrophe, notADate] = sheet.getRange('A1:C1').getValues()[0];
    expect(date).toBeInstanceOf(Date);
    // Midnight in the spreadsheet's time zone (Asia/Bangkok), of the year typed: no Buddhist-era offset.
    expect((date as Date).toISOString()).toBe('2569-02-28T17:00:00.000Z');
    expect(apostrophe).toBe('2569-3-1');
    expect(notADate).toBe('2569-13-1');
    sheet.getRange('D1').setNumberFormat('@').setValue('2569-3-1');
    expect(sheet.getRange('D1').getValue()).toBe('2569-3-1');
  });

  test('in a Thai spreadsheet 1/10/2568 is day 1 of month 10; in a US one it is 10 January', () => {
    const { ss, sheet } = services();
    expect(ss.getSpreadsheetLocale()).toBe('th');
    sheet.getRange('A1').setValue('1/10/2568');
    expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe('2568-09-30T17:00:00.000Z');
    (ss as unknown as { _state: { locale: string } })._state.locale = 'en_US';
    sheet.getRange('A2').setValue('1/10/2568');
    expect((sheet.getRange('A2').getValue() as Date).toISOString()).toBe('2568-01-09T17:00:00.000Z');
  });

  test('10:30 is a time on 30 December 1899; 1,234.5 is a number; TRUE is a boolean', () => {
    const { sheet } = services();
    sheet.getRange('A1:C1').setValues([['10:30', '1,234.5', 'TRUE']]);
    const [time, number, bool] = sheet.getRange('A1:C1').getValues()[0];
    const wall = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Bangkok',
      dateStyle: 'short',
      timeStyle: 'short',
    }).format(time as Date);
    expect(wall).toBe('30/12/1899, 10:30');
    expect(number).toBe(1234.5);
    expect(bool).toBe(true);
  });
});

describe('protections', () => {
  // Sheet.protect(): "If the sheet is already protected, this method returns an object representing the
  // existing protection settings."
  test('Sheet.protect() on a protected sheet returns the existing protection', () => {
    const { ss, sheet } = services();
    const first = sheet.protect().setDescription('agency');
    const again = sheet.protect();
    expect(again.getDescription()).toBe('agency');
    expect(ss.getProtections(SpreadsheetAppType.SHEET)).toHaveLength(1);
    expect(first.getDescription()).toBe('agency');
  });

  // Range.protect(): "If the range is already protected, this method creates a new protected range that
  // overlaps the existing one."
  test('Range.protect() on a protected range makes a new, overlapping protection', () => {
    const { ss, sheet } = services();
    sheet.getRange('A1:B2').protect();
    sheet.getRange('A1:B2').protect();
    expect(ss.getProtections(SpreadsheetAppType.RANGE)).toHaveLength(2);
  });

  // Protection.canEdit(): "Determines whether the user has permission to edit the protected range or sheet."
  // The reference's page: "Protection can be removed entirely from ranges or sheets if the user has edit
  // permission", and its sample removes "all range protections in the spreadsheet that the user has
  // permission to edit", testing canEdit() first: a user who may not edit a protection cannot change it.
  test('a user who is not an editor of a protection cannot read its editors or change it', () => {
    const { runtime, ss, sheet } = services();
    ss.addEditor('clerk@example.com');
    const p = sheet.protect().setDescription('agency');
    p.removeEditors(p.getEditors());
    runtime.context.user = 'clerk@example.com';
    const seen = ss.getProtections(SpreadsheetAppType.SHEET)[0];
    expect(seen.canEdit()).toBe(false);
    expect(() => seen.getEditors()).toThrow('protected cell or object');
    expect(() => seen.setDescription('mine')).toThrow('protected cell or object');
    expect(() => seen.addEditor('clerk@example.com')).toThrow('protected cell or object');
    expect(() => seen.remove()).toThrow('protected cell or object');
    expect(seen.getDescription()).toBe('agency');
  });

  // Protection.addEditor(): "This method does not automatically give the user permission to edit the
  // spreadsheet itself; to do that in addition, call Spreadsheet.addEditor(emailAddress)."
  test('a protection editor who is not an editor of the spreadsheet cannot edit; Spreadsheet.addEditor lets them', () => {
    const { runtime, ss, sheet } = services();
    sheet.getRange('A1:A2').protect().addEditor('division@example.com');
    runtime.context.user = 'division@example.com';
    expect(() => sheet.getRange('A1').setValue('x')).toThrow('protected cell');
    runtime.context.user = 'owner@example.com';
    ss.addEditor('division@example.com');
    runtime.context.user = 'division@example.com';
    sheet.getRange('A1').setValue('x');
    expect(sheet.getRange('A1').getValue()).toBe('x');
  });
});

describe('domain editing of a protection', () => {
  // Protection.canDomainEdit(): "Determines whether all users in the domain that owns the spreadsheet have
  // permission to edit the protected range or sheet." Protection.setDomainEdit(editable): "Sets whether all
  // users in the domain that owns the spreadsheet have permission to edit the protected range or sheet. Note
  // that any users who have explicit edit permission can edit the protected area regardless of this setting.
  // Throws an exception if the spreadsheet does not belong to a Google Workspace domain (that is, if it is
  // owned by a gmail.com account)."
  const asDomain = (ss: GoogleAppsScript.Spreadsheet.Spreadsheet) => {
    (ss as unknown as { _state: { domainEdit: boolean } })._state.domainEdit = true;
  };

  test('in a spreadsheet shared with its domain, a domain user edits a protection until domain edit is off', () => {
    const { runtime, ss, sheet } = services();
    asDomain(ss);
    const p = sheet.getRange('A1:A2').protect();
    p.removeEditors(p.getEditors());
    expect(p.canDomainEdit()).toBe(true);
    runtime.context.user = 'clerk@example.com';
    sheet.getRange('A1').setValue('by the domain');
    expect(ss.getProtections(SpreadsheetAppType.RANGE)[0].canEdit()).toBe(true);
    runtime.context.user = 'owner@example.com';
    p.setDomainEdit(false);
    expect(p.canDomainEdit()).toBe(false);
    runtime.context.user = 'clerk@example.com';
    expect(() => sheet.getRange('A1').setValue('again')).toThrow('protected cell');
    expect(ss.getProtections(SpreadsheetAppType.RANGE)[0].canEdit()).toBe(false);
    // Outside the protection the domain user still edits; an explicit editor of it edits inside.
    sheet.getRange('B1').setValue('free');
    runtime.context.user = 'owner@example.com';
    p.addEditor('clerk@example.com');
    runtime.context.user = 'clerk@example.com';
    sheet.getRange('A1').setValue('named');
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['named', 'free']]);
  });

  test('a user of another domain never edits through domain editing', () => {
    const { runtime, ss, sheet } = services();
    asDomain(ss);
    ss.addEditor('guest@other.example');
    const p = sheet.getRange('A1').protect();
    p.removeEditors(p.getEditors());
    runtime.context.user = 'guest@other.example';
    expect(() => sheet.getRange('A1').setValue('x')).toThrow('protected cell');
  });

  test('a spreadsheet owned by a gmail.com account has no domain: setDomainEdit throws', () => {
    const { sheet } = services('someone@gmail.com');
    const p = sheet.protect();
    expect(p.canDomainEdit()).toBe(false);
    expect(() => p.setDomainEdit(false)).toThrow('Google Workspace domain');
  });
});

describe('who may edit the spreadsheet', () => {
  // Spreadsheet.addEditors(): "Adds the given array of users to the list of editors for the Spreadsheet. If
  // any of the users were already on the list of viewers, this method promotes them out of the list of viewers."
  test('addEditors, addViewers, getEditors and removeEditor change who may edit', () => {
    const { runtime, ss, sheet } = services();
    ss.addViewers(['a@example.com', 'b@example.com']);
    ss.addEditors(['a@example.com']);
    expect(ss.getEditors().map((u) => u.getEmail())).toEqual(['owner@example.com', 'a@example.com']);
    expect(ss.getViewers().map((u) => u.getEmail())).toEqual(['b@example.com']);
    runtime.context.user = 'b@example.com';
    expect(() => sheet.getRange('A1').setValue(1)).toThrow('protected cell');
    expect(() => ss.addEditor('b@example.com')).toThrow('permission');
    runtime.context.user = 'owner@example.com';
    // "Removes the given user from the list of editors for the Spreadsheet."
    ss.removeEditor('a@example.com');
    expect(ss.getEditors().map((u) => u.getEmail())).toEqual(['owner@example.com']);
    expect(() => ss.addEditor('not an address')).toThrow('Invalid email: not an address');
  });
});

describe('Drive and DocumentApp sharing', () => {
  // Drive API permissions.create, sendNotificationEmail: "Whether to send a notification email when sharing to
  // users or groups. This defaults to true for users and groups". Drive refuses to add an address that has no
  // Google account without that invitation.
  test('an address without a Google account is refused without a notification, accepted with one', () => {
    const { Drive, Utilities } = services();
    const id = Drive.Files?.create({ name: 'r.pdf' }, Utilities.newBlob('pdf')).id as string;
    const share = (email: string, notify: boolean) =>
      Drive.Permissions?.create({ role: 'reader', type: 'user', emailAddress: email }, id, {
        sendNotificationEmail: notify,
      });
    expect(() => share('clerk@no-google.example', false)).toThrow(
      'Since there is no Google account associated with this email address',
    );
    expect(share('clerk@no-google.example', true)?.role).toBe('reader');
    expect(share('clerk@example.com', false)?.role).toBe('reader');
  });

  // drive.file: "See, edit, create, and delete only the specific Google Drive files you use with this app"
  // — the files the app created or opened for that user, not for a teammate.
  test('drive.file reaches a file for the user the add-on made it for, not for another user', () => {
    const { runtime, Drive, Utilities } = services();
    const id = Drive.Files?.create({ name: 'r.pdf' }, Utilities.newBlob('pdf')).id as string;
    expect(Drive.Files?.get(id).id).toBe(id);
    runtime.context.user = 'teammate@example.com';
    expect(() => Drive.Files?.get(id)).toThrow('File not found');
  });

  // Document.addViewers(): "Adds the given array of users to the list of viewers for the Document. If any of
  // the users were already on the list of editors, this method has no effect for them."
  test('Document.addViewers shares the Doc; a Doc opens only for someone it is shared with', () => {
    const { runtime, DocumentApp } = services();
    const doc = DocumentApp.create('report');
    doc.addEditor('team@example.com');
    doc.addViewers(['team@example.com', 'division@example.com']);
    expect(doc.getViewers().map((u) => u.getEmail())).toEqual(['division@example.com']);
    expect(doc.getEditors().map((u) => u.getEmail())).toEqual(['owner@example.com', 'team@example.com']);
    runtime.context.user = 'stranger@example.com';
    expect(() => DocumentApp.openById(doc.getId())).toThrow('do not have permission to access it');
    runtime.context.user = 'division@example.com';
    const seen = DocumentApp.openById(doc.getId());
    expect(() => seen.addViewer('friend@example.com')).toThrow('permission');
  });

  // InlineImage.setWidth(width): "width — Integer — the new width, in pixels".
  test('InlineImage sizes are integer pixels', () => {
    const { DocumentApp, Utilities } = services();
    const png = Utilities.base64Decode(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    );
    const image = DocumentApp.create('r').getBody().appendImage(Utilities.newBlob(png, 'image/png'));
    expect(() => image.setWidth(412.5)).toThrow("don't match the method signature");
    expect(image.setWidth(412).getWidth()).toBe(412);
  });

  // InlineImage.getWidth(): "Retrieves the image's width, in pixels." The local Doc prints it in pixels
  // (0.75 pt each), not points; whether Google's Docs agree the add-on's self-check measures.
  test('an image set 400 wide prints 400 px (300 pt) wide', () => {
    const { runtime, DocumentApp, Utilities } = services();
    const png = Utilities.base64Decode(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    );
    const doc = DocumentApp.create('r');
    doc.getBody().appendImage(Utilities.newBlob(png, 'image/png')).setWidth(400).setHeight(200);
    expect(docToHtml(runtime.documents.get(doc.getId()) as DocData)).toContain(
      'style="width:400px;height:200px"',
    );
  });

  // Sheet.removeChart(chart): "Removes a chart from the parent sheet." A chart never inserted is not there.
  test('removeChart of a chart never inserted fails', () => {
    const { sheet } = services();
    sheet.getRange('A1:B2').setValues([
      ['a', 1],
      ['b', 2],
    ]);
    const chart = sheet.newChart().addRange(sheet.getRange('A1:B2')).setPosition(1, 1, 0, 0).build();
    expect(() => sheet.removeChart(chart)).toThrow('could not be found');
    sheet.insertChart(chart);
    // EmbeddedChart.getChartId(): "Returns a stable identifier for the chart that is unique across the
    // spreadsheet containing the chart or null if the chart is not in a spreadsheet." The built object is
    // not the chart the sheet holds: it cannot remove it; the one getCharts returns can.
    expect(chart.getChartId()).toBeNull();
    expect(() => sheet.removeChart(chart)).toThrow('could not be found');
    const [inserted] = sheet.getCharts();
    expect(inserted.getChartId()).toEqual(expect.any(String));
    sheet.removeChart(inserted);
    expect(sheet.getCharts()).toHaveLength(0);
  });

  // ContainerInfo.getAnchorColumn(): "The chart's left side is anchored in this column." Charts drawn side by
  // side are told apart by it: the reference does not say in what order getCharts returns them.
  test("a chart's container info gives the anchor setPosition placed it at", () => {
    const { sheet } = services();
    sheet.getRange('A1:E2').setValues([
      ['a', 1, '', 'b', 2],
      ['c', 3, '', 'd', 4],
    ]);
    sheet.insertChart(sheet.newChart().addRange(sheet.getRange('D1:E2')).setPosition(2, 4, 5, 7).build());
    sheet.insertChart(sheet.newChart().addRange(sheet.getRange('A1:B2')).setPosition(1, 1, 0, 0).build());
    const anchors = sheet.getCharts().map((c) => {
      const info = c.getContainerInfo();
      return [info.getAnchorRow(), info.getAnchorColumn(), info.getOffsetX(), info.getOffsetY()];
    });
    expect(anchors).toEqual(
      expect.arrayContaining([
        [2, 4, 5, 7],
        [1, 1, 0, 0],
      ]),
    );
    expect(anchors).toHaveLength(2);
  });
});

const SpreadsheetAppType = { SHEET: 'SHEET', RANGE: 'RANGE' } as unknown as {
  SHEET: GoogleAppsScript.Spreadsheet.ProtectionType;
  RANGE: GoogleAppsScript.Spreadsheet.ProtectionType;
};
