import { join } from 'node:path';
import { startLocalServer } from '../../src/local/serve';
import { loadSpreadsheet } from '../../src/local/workbook-io';
import { ROOT } from '../helpers/workbook';

const MIDYEAR = join(ROOT, 'samples', 'oie-2568-midyear.xlsx');
const DIST = join(ROOT, 'dist');

test('serve on a saved workbook drops the ids it has no file for, and keeps the two reports apart', async () => {
  // The mid-year sample was saved by another run: it names an o25 Doc this runtime does not have.
  const saved = (await loadSpreadsheet(MIDYEAR)).state?.documentProperties ?? {};
  expect(saved['ita.reportDocId']).toMatch(/^doc-/);
  const server = await startLocalServer({ workbook: MIDYEAR, distDir: DIST, pdf: null });
  try {
    const props = server.runtime.documentProperties;
    expect(props.has('ita.reportDocId')).toBe(false);
    expect(props.has('ita.lastReport')).toBe(false);
    // What is not a file's id stays: the measures tab's fingerprints.
    expect([...props.keys()].some((k) => k.startsWith('ita.m.'))).toBe(true);
    server.bundle.call('apiBuildResultsReport');
    server.bundle.call('apiBuildReport', { force: true });
    const results = props.get('ita.resultsDocId');
    const plan = props.get('ita.reportDocId');
    expect(results).toMatch(/^doc-/);
    expect(plan).toMatch(/^doc-/);
    expect(plan).not.toBe(results);
    expect(server.runtime.documents.has(results as string)).toBe(true);
    expect(server.runtime.documents.has(plan as string)).toBe(true);
  } finally {
    await server.close();
  }
}, 60_000);
