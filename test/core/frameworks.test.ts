import { Exact } from '../../src/core/decimal';
import { allItems, FRAMEWORKS, frameworkById, frameworkForYear } from '../../src/core/frameworks';

/** 2558–2561 scored five indices, not the ten indicators: their frameworks read totals only. */
const scored = FRAMEWORKS.filter((f) => f.year >= 2562);

test('2558–2561 read totals only, and compute no level (their ranges are not established)', () => {
  const old = FRAMEWORKS.filter((f) => f.year < 2562);
  expect(old.map((f) => f.year)).toEqual([2558, 2559, 2560, 2561]);
  for (const f of old) {
    expect(f.indicators).toEqual([]);
    expect(f.levels.rules).toEqual([]);
    expect(f.levels.words).toContain('สูงมาก');
  }
});

test('every framework names the sources of its rule', () => {
  for (const f of FRAMEWORKS) {
    expect(f.sources.length).toBeGreaterThan(0);
    for (const s of f.sources) expect(s.where).toMatch(/^(https?:\/\/|github\.com\/|\/work\/|public code)/);
  }
});

describe.each(scored.map((f) => [f.id, f] as const))('framework %s', (_id, f) => {
  test('has the ten indicators in order, tools IIT 1–5, EIT 6–8, OIT 9–10', () => {
    expect(f.indicators.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(f.indicators.map((i) => i.tool).join('')).toBe('IITIITIITIITIITEITEITEITOITOIT');
  });

  test('lists each item once, under the tool its letter names', () => {
    const items = allItems(f);
    expect(new Set(items).size).toBe(items.length);
    for (const ind of f.indicators) {
      expect(ind.items.length).toBeGreaterThan(0);
      expect(ind.items.every((id) => id[0] === ind.tool[0].toLowerCase())).toBe(true);
    }
  });

  test('weights add up to one and match the EIT parts', () => {
    const sum = Object.values(f.weights).reduce((s, w) => s.add(Exact.parse(w as string)), Exact.ZERO);
    expect(sum.toFixed(2)).toBe('1.00');
    expect('EIT1' in f.weights).toBe(f.eitParts.length > 0);
    for (const tool of f.levels.toolsTested) expect(['IIT', 'EIT', 'EIT1', 'EIT2', 'OIT']).toContain(tool);
  });

  test('its development item, when known, is one of its OIT items', () => {
    const oitItems = f.indicators[9].items.concat(f.indicators[8].items);
    expect(f.developmentItem === null || oitItems.includes(f.developmentItem.id)).toBe(true);
    expect(f.resultsItem === null || oitItems.includes(f.resultsItem.id)).toBe(true);
  });
});

describe('choosing a framework', () => {
  test('each year from 2558 to 2569 has its own', () => {
    for (let year = 2558; year <= 2569; year++) {
      expect(frameworkForYear(year)).toEqual({
        framework: expect.objectContaining({ year }),
        fallbackFrom: null,
      });
    }
  });

  test('a later year falls back to the latest earlier framework', () => {
    expect(frameworkForYear(2575).framework.id).toBe('ITA2569');
    expect(frameworkForYear(2575).fallbackFrom).toBe(2575);
  });

  test('2569 asks for this report in o25; 2568 in o27', () => {
    expect(frameworkById('ita 2569')?.developmentItem?.id).toBe('o25');
    expect(frameworkById('ITA2568')?.developmentItem?.id).toBe('o27');
    // The results report answers the item after the plan's: o26 in 2569, o28 in 2568.
    expect(frameworkById('ita 2569')?.resultsItem).toEqual({
      id: 'o26',
      title: 'รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
    });
    expect(frameworkById('ITA2568')?.resultsItem?.id).toBe('o28');
    expect(frameworkById('ITA2590')).toBeNull();
  });
});
