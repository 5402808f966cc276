import { frameworkForYear } from '../frameworks';
import type { SheetData } from './reader';
import { COLUMNS, SETTING_KEYS, TABS } from './schema';

/** The fiscal year (B.E.) a date falls in: October starts the next one. */
export function fiscalYearOf(date: Date): number {
  return date.getFullYear() + 543 + (date.getMonth() >= 9 ? 1 : 0);
}

/**
 * Empty template tabs in format 1, ready to fill: the settings keys, the ten indicators and the items of
 * the assessed year's framework, with a column for that year and the one before. The assessed year is
 * the last fiscal year that ended.
 */
export function templateTabs(today: Date): SheetData[] {
  const year = fiscalYearOf(today) - 1;
  const years = [String(year - 1), String(year)];
  const f = frameworkForYear(year).framework;
  const first = (aliases: readonly string[]) => aliases[0];
  // The scope is a coordinator's setting (the `ผลหน่วยงาน` tab's roll-up); an agency's template leaves it out.
  const settings: Record<Exclude<keyof typeof SETTING_KEYS, 'scope'>, string | number> = {
    agency: '',
    abbreviation: '',
    parent: '',
    year,
    framework: f.id,
    preparedBy: '',
    thaiDigits: 'ใช่',
    weakThreshold: '',
    dropMargin: 1,
    preparer: '',
    preparerPosition: '',
    font: 'Sarabun',
    fontSize: 12,
    team: '',
    proposer: '',
    proposerPosition: '',
    approver: '',
    approverPosition: '',
    reportDate: '',
    resultsDate: '',
  };
  // The follow-up rounds at 6 and 12 months of the plan's fiscal year (the year after the assessed one).
  const rounds = [
    ['รอบติดตามผลที่ 1', `31/03/${year + 1}`],
    ['รอบติดตามผลที่ 2', `30/09/${year + 1}`],
  ];
  const items: unknown[][] = [
    [first(COLUMNS.items.item), first(COLUMNS.items.part), first(COLUMNS.items.topic), ...years],
  ];
  for (const ind of f.indicators) {
    const parts = ind.tool === 'EIT' && f.eitParts.length > 0 ? f.eitParts : [''];
    for (const part of parts)
      for (const id of ind.items) items.push([id, part, f.itemTopics[id] ?? '', '', '']);
  }
  const header = (spec: Record<string, readonly string[]>) => [Object.values(spec).map(first)];
  return [
    {
      name: TABS.settings[0],
      values: [
        [first(COLUMNS.settings.key), first(COLUMNS.settings.value)],
        ...(Object.keys(settings) as (keyof typeof settings)[]).map((k) => [SETTING_KEYS[k][0], settings[k]]),
        ...rounds,
      ],
    },
    {
      name: TABS.totals[0],
      values: [header(COLUMNS.totals)[0], ...years.map((y) => [Number(y), '', '', '', '', '', '', ''])],
    },
    {
      name: TABS.indicators[0],
      values: [
        [first(COLUMNS.indicators.indicator), first(COLUMNS.indicators.name), ...years],
        ...f.indicators.map((ind) => [ind.number, ind.name, '', '']),
      ],
    },
    { name: TABS.items[0], values: items },
    { name: TABS.recommendations[0], values: header(COLUMNS.recommendations) },
    { name: TABS.comments[0], values: header(COLUMNS.comments) },
    {
      name: TABS.peers[0],
      values: [(['agency', 'total', 'level', 'year'] as const).map((k) => first(COLUMNS.peers[k]))],
    },
    { name: TABS.divisions[0], values: header(COLUMNS.divisions) },
  ];
}
