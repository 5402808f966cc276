import { INPUT_TABS, tabsFingerprint } from '../../src/core/readiness';
import { sampleSheets } from '../helpers/workbook';

describe('the fingerprint that tells the last report card the data changed', () => {
  test('the same tabs give the same fingerprint; one changed cell, a changed date or a renamed tab do not', () => {
    const base = tabsFingerprint(sampleSheets(), INPUT_TABS);
    expect(tabsFingerprint(sampleSheets(), INPUT_TABS)).toBe(base);
    const changed = sampleSheets();
    const totals = changed.find((s) => s.name === 'คะแนนรวม');
    if (!totals) throw new Error('no totals tab');
    totals.values[2][1] = 90;
    expect(tabsFingerprint(changed, INPUT_TABS)).not.toBe(base);
    const renamed = sampleSheets().map((s) => (s.name === 'คะแนนรวม' ? { ...s, name: 'Totals' } : s));
    expect(tabsFingerprint(renamed, INPUT_TABS)).not.toBe(base);
    const dated = (d: string) => [{ name: 'ตั้งค่า', values: [['วันที่', new Date(d)]] }];
    expect(tabsFingerprint(dated('2025-10-01'), ['settings'])).not.toBe(
      tabsFingerprint(dated('2025-10-02'), ['settings']),
    );
  });

  test('the number 90 and the text "90" are different data', () => {
    const tab = (v: unknown) => [{ name: 'ตั้งค่า', values: [['x', v]] }];
    expect(tabsFingerprint(tab(90), ['settings'])).not.toBe(tabsFingerprint(tab('90'), ['settings']));
  });

  test('the measures tab is not an input tab: divisions edit it all year', () => {
    expect(INPUT_TABS).not.toContain('measures');
    expect(INPUT_TABS).toContain('items');
  });
});
