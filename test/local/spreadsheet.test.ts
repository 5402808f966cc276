import { createRuntime } from '../../src/local/runtime/index';

function sheetApp() {
  const runtime = createRuntime({ user: 'owner@example.com' });
  const app = runtime.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const ss = app.getActive();
  const sheet = ss.insertSheet('Data');
  return { runtime, app, ss, sheet };
}

describe('the local SpreadsheetApp behaves as documented', () => {
  test('getValues returns the full grid: numbers, booleans, Dates, and "" for empty cells', () => {
    const { sheet } = sheetApp();
    const when = new Date('2025-10-01T00:00:00Z');
    sheet.getRange('A1:C1').setValues([[1.5, true, when]]);
    const values = sheet.getRange(1, 1, 2, 4).getValues();
    expect(values).toEqual([
      [1.5, true, when, ''],
      ['', '', '', ''],
    ]);
    values[0][0] = 99; // a copy, not the sheet
    expect(sheet.getRange('A1').getValue()).toBe(1.5);
    expect(sheet.getLastRow()).toBe(1);
    expect(sheet.getLastColumn()).toBe(3);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C1');
  });

  test('setValues with the wrong dimensions throws Google’s message', () => {
    const { sheet } = sheetApp();
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => sheet.getRange(1, 1, 1, 2).setValues([[1, 2, 3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
  });

  test('ranges outside the sheet throw; inserting rows makes room', () => {
    const { sheet } = sheetApp();
    expect(sheet.getMaxRows()).toBe(1000);
    expect(() => sheet.getRange(1001, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    sheet.insertRowsAfter(1000, 5);
    expect(sheet.getRange(1005, 1).getA1Notation()).toBe('A1005');
  });

  test('A1 notation: cells, blocks, whole columns and rows, quoted sheet names', () => {
    const { ss, sheet } = sheetApp();
    expect(sheet.getRange('B2:D4').getNumRows()).toBe(3);
    expect(sheet.getRange('C:C').getNumRows()).toBe(1000);
    expect(sheet.getRange('2:3').getNumColumns()).toBe(26);
    ss.insertSheet('My tab').getRange('B3').setValue('x');
    expect(ss.getRange("'My tab'!B3").getValue()).toBe('x');
    expect(() => sheet.getRange('not a range!')).toThrow();
  });

  test('text is read as Sheets reads typed input: numbers, formulas, and a leading apostrophe keeps text', () => {
    const { sheet } = sheetApp();
    sheet.getRange('A1:E1').setValues([['42', '=SUM(1,2)', "'=not a formula", '-5', '96.5%']]);
    expect(sheet.getRange('A1:E1').getValues()).toEqual([[42, '#ERROR!', '=not a formula', -5, 0.965]]);
    expect(sheet.getRange('B1').getFormula()).toBe('=SUM(1,2)');
    sheet.getRange('F1').setNumberFormat('@').setValue('=kept as text');
    expect(sheet.getRange('F1').getValue()).toBe('=kept as text');
  });

  test('a data validation that rejects input makes setValue throw for a value outside the list', () => {
    const { app, sheet } = sheetApp();
    const rule = app
      .newDataValidation()
      .requireValueInList(['ยังไม่เริ่ม', 'เสร็จสิ้น'], true)
      .setAllowInvalid(false)
      .build();
    sheet.getRange('A1:A3').setDataValidation(rule);
    sheet.getRange('A1').setValue('เสร็จสิ้น');
    expect(() => sheet.getRange('A2').setValue('maybe')).toThrow(
      'The data you entered in cell A2 violates the data validation rules set on this cell.',
    );
    expect(sheet.getRange('A3').getDataValidation()?.getCriteriaValues()[0]).toEqual(['ยังไม่เริ่ม', 'เสร็จสิ้น']);
  });

  test('requireTextIsUrl: "Sets the data validation rule to require that the input is in the form of a URL."', () => {
    const { app, sheet } = sheetApp();
    const strict = app.newDataValidation().requireTextIsUrl().setAllowInvalid(false).build();
    sheet.getRange('A1:A2').setDataValidation(strict);
    sheet.getRange('A1').setValue('https://drive.google.com/file/d/abc/view');
    expect(() => sheet.getRange('A2').setValue('รายงาน https://example.go.th')).toThrow(
      'violates the data validation rules',
    );
    // "setAllowInvalid(allowInvalidData): Sets whether to show a warning when input fails data validation or
    // whether to reject the input entirely." A warning keeps the value.
    const warn = app.newDataValidation().requireTextIsUrl().setAllowInvalid(true).build();
    sheet.getRange('B1').setDataValidation(warn);
    sheet.getRange('B1').setValue('รายงาน https://example.go.th');
    expect(sheet.getRange('B1').getValue()).toBe('รายงาน https://example.go.th');
  });

  test('RangeList.activate: "Selects the list of Range instances. The last range in the list is set as the active range."', () => {
    const { ss, sheet } = sheetApp();
    sheet.getRangeList(['2:3', '5:5']).activate();
    expect(ss.getActiveRange()?.getA1Notation()).toMatch(/^A5:[A-Z]+5$/);
    // getRangeList: "the ranges in the same sheet specified by a non-empty list of A1 notations".
    expect(() => sheet.getRangeList([])).toThrow('Invalid argument');
  });

  test('a protection mirrors the spreadsheet editors until changed, and then stops other users', () => {
    const { runtime, app, ss, sheet } = sheetApp();
    ss.addEditor('team@example.com');
    ss.addEditor('division@example.com');
    const protection = sheet.getRange('A1:B2').protect().setDescription('division rows');
    expect(protection.getEditors().map((u) => u.getEmail())).toEqual([
      'owner@example.com',
      'team@example.com',
      'division@example.com',
    ]);
    protection.removeEditors(protection.getEditors());
    protection.addEditor('division@example.com');
    expect(protection.getEditors().map((u) => u.getEmail())).toEqual([
      'owner@example.com',
      'division@example.com',
    ]);
    expect(ss.getProtections(app.ProtectionType.RANGE)).toHaveLength(1);
    runtime.context.user = 'team@example.com';
    expect(() => sheet.getRange('B2').setValue('x')).toThrow(
      'You are trying to edit a protected cell or object.',
    );
    sheet.getRange('C3').setValue('outside the protected range');
    runtime.context.user = 'division@example.com';
    sheet.getRange('B2').setValue('mine');
    expect(sheet.getRange('B2').getValue()).toBe('mine');
  });

  test('counts every call a script makes, by class and method', () => {
    const { runtime, sheet } = sheetApp();
    runtime.calls.reset();
    sheet
      .getRange('A1:B1')
      .setValues([[1, 2]])
      .setFontWeight('bold');
    expect(runtime.calls.snapshot()).toEqual({
      'Range.setFontWeight': 1,
      'Range.setValues': 1,
      'Sheet.getRange': 1,
    });
  });

  test('sheet names are unique', () => {
    const { ss } = sheetApp();
    expect(() => ss.insertSheet('Data')).toThrow(
      'A sheet with the name "Data" already exists. Please enter another name.',
    );
  });
});
