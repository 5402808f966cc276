import { analyze } from '../../src/core/analysis/analyze';
import { analysisJson } from '../../src/core/analysis/json';
import { sampleSheets } from '../helpers/workbook';

/** The figures of ../shared/samples/oie-2568-report.txt, §2.2 and §2.3 (figure 7), typos corrected. */
const REPORT = {
  2568: {
    total: 96.06,
    tools: { IIT: 99.14, EIT1: 90.52, EIT2: 84.95, OIT: 100 },
    indicators: [98.49, 99.78, 99.78, 98.71, 98.92, 91.2, 86.42, 85.59, 100, 100],
  },
  2567: {
    total: 92.73,
    tools: { IIT: 99.75, EIT1: 88.39, EIT2: 78.87, OIT: 94.29 },
    indicators: [99.59, 99.58, 100, 100, 99.59, 91.57, 86.2, 73.11, 88.57, 100],
  },
};

describe('the sample workbook (OIE, assessed 2568)', () => {
  const json = analysisJson(analyze(sampleSheets()));

  test('reads the agency, the year and the framework, with no findings', () => {
    expect(json.agency).toBe('สำนักงานเศรษฐกิจอุตสาหกรรม');
    expect(json.year).toBe(2568);
    expect(json.framework).toBe('ITA2568');
    expect(json.findings).toEqual([]);
  });

  test.each([2568, 2567] as const)('reproduces every %p figure of the report, level ผ่าน', (year) => {
    const s = json.scores[year];
    expect(s.total).toBe(REPORT[year].total);
    expect(s.level).toBe('ผ่าน');
    expect(s.tools).toMatchObject(REPORT[year].tools);
    expect(Object.values(s.indicators)).toEqual(REPORT[year].indicators);
  });

  test('computes the EIT the report does not print: the mean of its two parts, rounded half up', () => {
    expect(json.scores[2568].tools.EIT).toBe(87.74); // (90.52 + 84.95) / 2 = 87.735
    expect(json.scores[2567].tools.EIT).toBe(83.63);
  });

  test('keys EIT items by part and keeps every item of the framework', () => {
    const items = json.scores[2568].items;
    expect(items['e1.1']).toBe(91.5);
    expect(items['e1.2']).toBe(87.27);
    expect(items.i1).toBe(98.71);
    expect(items.o28).toBe(100);
    expect(Object.keys(items)).toHaveLength(15 + 18 + 28);
    expect(json.scores[2567].items.i1).toBeNull();
  });

  test('gives every delta of the report (tools §2.2, indicators figure 7 corrected)', () => {
    expect(json.deltas.total).toBe(3.33);
    expect(json.deltas.tools).toEqual({ IIT: -0.61, EIT: 4.11, EIT1: 2.13, EIT2: 6.08, OIT: 5.71 });
    expect(json.deltas.indicators).toEqual({
      1: -1.1,
      2: 0.2,
      3: -0.22,
      4: -1.29,
      5: -0.67,
      6: -0.37,
      7: 0.22,
      8: 12.48,
      9: 11.43,
      10: 0,
    });
    expect(json.deltas.items).toEqual({});
  });

  test('names the weakest items: IIT below its mean as the report lists them, EIT per part', () => {
    const iit = json.weakest.filter((w) => w.item.startsWith('i')).map((w) => w.item);
    expect(iit).toEqual(['i2', 'i10', 'i1', 'i13', 'i15']);
    const part1 = json.weakest.filter((w) => w.part === 1).map((w) => w.item);
    expect(part1).toEqual(['e7', 'e8', 'e9', 'e5', 'e4', 'e6']);
    const part2 = json.weakest.filter((w) => w.part === 2).map((w) => w.item);
    expect(part2).toEqual(['e7', 'e5', 'e9', 'e4', 'e6', 'e8']);
    expect(json.weakest[0]).toEqual({ item: 'e7', part: 2, indicator: 8, score: 81.82 });
    const scores = json.weakest.map((w) => w.score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect(json.weakest.some((w) => w.item.startsWith('o'))).toBe(false);
  });
});
