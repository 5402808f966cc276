import { join } from 'node:path';
import { loadBundle } from '../src/local/bundle';
import { createRuntime } from '../src/local/runtime/index';
import { loadSpreadsheet, restoreProperties } from '../src/local/workbook-io';
import type { Overview } from '../src/server/overview';
import { ROOT } from './helpers/workbook';

async function sampleRuntime() {
  const loaded = await loadSpreadsheet(join(ROOT, 'samples', 'oie-2568.xlsx'));
  const runtime = createRuntime({ spreadsheet: loaded.build, projectDir: join(ROOT, 'dist') });
  restoreProperties(runtime, loaded.state);
  return { runtime, bundle: loadBundle(runtime, join(ROOT, 'dist', 'Code.js')) };
}

describe('the follow-up the sidebar shows (apiOverview.followUp)', () => {
  test('as of the results date: each division’s measures by state, the late ones named, their e-mails once', async () => {
    const { runtime, bundle } = await sampleRuntime();
    bundle.call('apiWriteMeasures');
    const ss = runtime.spreadsheet;
    const settings = ss.getSheetByName('ตั้งค่า');
    settings?.appendRow(['วันที่รายงานผล', '1/4/2569']);
    const tab = ss.getSheetByName('มาตรการ');
    const values = tab?.getDataRange().getValues() ?? [];
    const col = (name: string) => values[0].indexOf(name) + 1;
    const rowOf = (owner: string) =>
      values.findIndex((r, i) => i > 0 && r[col('ผู้รับผิดชอบ') - 1] === owner) + 1;
    const late = rowOf('กพร.');
    const done = rowOf('สล.');
    // By 1 April 2569 two quarters have passed: 10% is behind; the other is done.
    tab?.getRange(late, col('สถานะ')).setValue('กำลังดำเนินการ');
    tab?.getRange(late, col('ความคืบหน้า (%)')).setValue(10);
    tab?.getRange(done, col('สถานะ')).setValue('เสร็จสิ้น');
    const o = bundle.call<Overview>('apiOverview');
    expect(o.followUp?.asOf).toBe('1 เมษายน 2569');
    const psd = o.followUp?.divisions.find((d) => d.code === 'กพร.');
    expect(psd?.lateMeasures.map((m) => m.row)).toContain(late);
    expect(psd?.lateMeasures.find((m) => m.row === late)?.why.th).toContain('ไตรมาสที่ 2');
    expect(o.followUp?.divisions.find((d) => d.code === 'สล.')?.done).toBeGreaterThanOrEqual(1);
    expect(o.followUp?.lateEmails).toContain('psd@oie.example');
    expect(new Set(o.followUp?.lateEmails).size).toBe(o.followUp?.lateEmails.length);
  });

  test('before the measures tab exists there is no follow-up', async () => {
    const { bundle } = await sampleRuntime();
    expect(bundle.call<Overview>('apiOverview').followUp).toBeNull();
  });
});
