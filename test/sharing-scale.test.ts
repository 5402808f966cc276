// The sharing step on 30 divisions of 3 addresses each (bench/sharing.cjs, the workbook from
// bench/workbooks.cjs), as the sidebar runs it: two server calls, each an execution of its own.
const bench = require('../bench/sharing.cjs') as {
  EXECUTION_S: number;
  shareAtScale: (
    divisions: number,
    each: number,
  ) => {
    measures: number;
    first: ServerCall[];
    again: ServerCall[];
  };
};

interface ServerCall {
  label: string;
  protections: number;
  refused: number;
  listCalls: Record<string, number>;
  oneAddressCalls: Record<string, number>;
  emails: number;
  estimate: { lowS: number; highS: number };
  unpriced: string[];
}

const scale = bench.shareAtScale(30, 3);
const [protections, report] = scale.first;

test('no address refused: one list call a protection and a file, none of one address but the PDF’s', () => {
  expect(scale.measures).toBe(17);
  expect([protections.refused, report.refused]).toEqual([0, 0]);
  // 17 measure rows, each its own divisions', the header, and the team's 8 tabs.
  expect(protections.protections).toBe(26);
  expect(protections.listCalls['Protection.addEditors']).toBe(protections.protections);
  expect(protections.listCalls['Spreadsheet.addEditors']).toBe(1);
  expect(report.listCalls['Document.addViewers']).toBe(1);
  for (const call of scale.first) {
    expect(call.oneAddressCalls['Protection.addEditor']).toBe(0);
    expect(call.oneAddressCalls['Spreadsheet.addEditor']).toBe(0);
    expect(call.oneAddressCalls['Document.addViewer']).toBe(0);
  }
  // Drive's permissions.create takes one permission, and "Concurrent permissions operations on the same
  // file are not supported": one call an address, the only calls of one address left.
  expect(report.oneAddressCalls['Drive.Permissions.create']).toBe(90);
});

test('Google e-mails the 90 addresses twice (spreadsheet, Doc) with the box unticked; a second run e-mails no one', () => {
  expect([protections.emails, report.emails]).toEqual([90, 90]);
  expect(scale.again.map((c) => c.emails)).toEqual([0, 0]);
  expect(scale.again[1].oneAddressCalls['Drive.Permissions.create']).toBe(0);
  expect(scale.again[1].listCalls['Document.addViewers']).toBe(0);
});

test('each server call of the step is estimated well inside one execution (6 minutes)', () => {
  for (const call of [...scale.first, ...scale.again]) {
    expect([call.label, call.unpriced]).toEqual([call.label, []]);
    expect([call.label, call.estimate.highS <= (bench.EXECUTION_S * 2) / 3]).toEqual([call.label, true]);
  }
});
