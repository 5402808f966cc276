import { join } from 'node:path';
import { loadBundle } from '../src/local/bundle';
import { blockText, type DocData } from '../src/local/runtime/document';
import { createRuntime, type RuntimeOptions } from '../src/local/runtime/index';
import { loadSpreadsheet, restoreProperties } from '../src/local/workbook-io';
import { chunks } from '../src/server/snapshot';
import { ROOT } from './helpers/workbook';

/** The sample, with a clock the test moves (the document cache keeps the tabs ten minutes). */
async function sample(options: RuntimeOptions = {}) {
  const loaded = await loadSpreadsheet(join(ROOT, 'samples', 'oie-2568.xlsx'));
  let now = new Date(2026, 9, 15, 9, 0).getTime();
  const runtime = createRuntime({
    ...options,
    spreadsheet: loaded.build,
    projectDir: join(ROOT, 'dist'),
    now: () => new Date(now),
  });
  restoreProperties(runtime, loaded.state);
  const bundle = loadBundle(runtime, join(ROOT, 'dist', 'Code.js'));
  // The report date as a date cell: it must come back from the cache a date, as getValues gives it.
  const settings = runtime.spreadsheet.getSheetByName('ตั้งค่า');
  const keys =
    settings
      ?.getRange('A:A')
      .getValues()
      .map((r) => r[0]) ?? [];
  settings?.getRange(keys.indexOf('วันที่รายงาน') + 1, 2).setValue('15/10/2568');
  return { runtime, bundle, later: (minutes: number) => (now += minutes * 60_000) };
}

function click(s: Awaited<ReturnType<typeof sample>>, minutesBetween = 0) {
  const prepared = s.bundle.call<{ snapshot: string | null }>('apiPrepareReport', { force: false });
  s.later(minutesBetween);
  s.runtime.calls.reset();
  const report = s.bundle.call<{ docId: string }>('apiBuildReport', {
    force: false,
    snapshot: prepared.snapshot,
  });
  const text = (s.runtime.documents.get(report.docId) as DocData).body.children.map(blockText).join('\n');
  return { prepared, text, reads: s.runtime.calls.snapshot()['Range.getValues'] ?? 0 };
}

describe('the click’s second call takes the input tabs the first kept (the document cache)', () => {
  test('it reads only the measures tab, and writes the report it would have written reading them all', async () => {
    const kept = click(await sample());
    expect(kept.prepared.snapshot).toMatch(/^[\w-]+$/);
    expect(kept.reads).toBe(1);
    const fresh = await sample();
    fresh.bundle.call('apiPrepareReport', { force: false });
    const report = fresh.bundle.call<{ docId: string }>('apiBuildReport', { force: false });
    const text = (fresh.runtime.documents.get(report.docId) as DocData).body.children
      .map(blockText)
      .join('\n');
    expect(kept.text).toBe(text);
    expect(kept.text).toContain('วันที่ ๑๕ ตุลาคม ๒๕๖๘');
  });

  test('when the cache has dropped them (eleven minutes later), it reads every tab again', async () => {
    const late = click(await sample(), 11);
    expect(late.reads).toBeGreaterThan(5);
    expect(late.text).toContain('วันที่ ๑๕ ตุลาคม ๒๕๖๘');
  });

  test('a token that is not one of ours is not looked up: every tab is read', async () => {
    const s = await sample();
    s.bundle.call('apiPrepareReport', { force: false });
    s.runtime.calls.reset();
    s.bundle.call('apiBuildReport', { force: false, snapshot: 'ita.tabs.x"; drop' });
    expect(s.runtime.calls.snapshot()['Cache.getAll']).toBeUndefined();
    expect(s.runtime.calls.snapshot()['Range.getValues']).toBeGreaterThan(5);
  });

  // "If you exceed a quota or limitation, your script throws an exception" (the quotas page): a cache call
  // may fail like any service's, and the click must not.
  test('a cache that throws: both calls go on, the second reads every tab and writes the same report', async () => {
    const failing = await sample({ cacheFails: true });
    const broken = click(failing);
    expect(broken.prepared.snapshot).toBeNull();
    expect(broken.reads).toBeGreaterThan(5);
    const kept = click(await sample());
    expect(broken.text).toBe(kept.text);
    // A token from a cache that worked, read from one that fails: every tab read all the same.
    failing.runtime.calls.reset();
    failing.bundle.call('apiBuildReport', { force: false, snapshot: kept.prepared.snapshot });
    expect(failing.runtime.calls.snapshot()['Range.getValues']).toBeGreaterThan(5);
  });
});

describe('the cached text is cut at code-point boundaries', () => {
  // A cache keeps a value as UTF-8 ("The maximum amount of data that can be stored per key is 100KB"), where
  // half a surrogate pair has no encoding: locally it comes back U+FFFD, as it would from a UTF-8 store.
  test('half a surrogate pair does not come back from the cache as it went', () => {
    const runtime = createRuntime({ projectDir: join(ROOT, 'dist') });
    const cache = (runtime.globals.CacheService as GoogleAppsScript.Cache.CacheService).getScriptCache();
    cache.put('k', 'ก😀'.slice(0, 2));
    expect(cache.get('k')).toBe('ก\ufffd');
  });

  test('no part ends in a lone high surrogate, each is at most the size, and they join to the text', () => {
    const text = `${'ก'.repeat(29_999)}😀${'😀'.repeat(20_000)}x😀`;
    for (const size of [30_000, 7, 2]) {
      const parts = chunks(text, size);
      expect(parts.join('')).toBe(text);
      expect(parts.every((p) => p.length <= size && p.length > 0)).toBe(true);
      expect(parts.filter((p) => /[\ud800-\udbff]$/.test(p))).toEqual([]);
      expect(parts.filter((p) => /^[\udc00-\udfff]/.test(p))).toEqual([]);
    }
    // Where the 30,000th unit is the first half of a pair, that part is one unit shorter.
    expect(chunks(text, 30_000)[0]).toHaveLength(29_999);
  });
});
