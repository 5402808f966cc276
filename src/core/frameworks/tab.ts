import { Exact } from '../decimal';
import { cellRef, type Findings } from '../findings';
import { cellText, parseYear, readNumber, toArabicDigits } from '../thai';
import { COLUMNS, matchesAlias } from '../workbook/schema';
import { frameworkForYear } from './index';
import type { Framework, IndicatorDef, LevelRule, Tool, ToolKey } from './types';

/**
 * The `กรอบการประเมิน` (Framework) tab (docs/workbook.md): one row a fact of a year's framework, so that
 * the team can define next year's criteria, or correct this year's, without a new release. The template
 * command writes a built-in framework in this form; the reader checks it and makes a Framework of it.
 */

type SheetLike = { name: string; values: unknown[][] };

export const FRAMEWORK_KINDS = {
  indicator: ['ตัวชี้วัด', 'indicator'],
  weight: ['น้ำหนัก', 'weight'],
  level: ['ระดับ', 'level'],
  item: ['ประเด็นข้อ', 'item topic'],
  development: ['ข้อรายงานผล', 'development item'],
  results: ['ข้อรายงานผลการดำเนินการ', 'results item'],
  note: ['หมายเหตุ', 'note'],
} as const;
type Kind = keyof typeof FRAMEWORK_KINDS;

const WEIGHT_KEYS: Record<string, ToolKey> = {
  iit: 'IIT',
  eit: 'EIT',
  eit1: 'EIT1',
  eit2: 'EIT2',
  oit: 'OIT',
};

const TOOL_LETTER: Record<Tool, string> = { IIT: 'i', EIT: 'e', OIT: 'o' };

/** `o1-o19, o21` from a list of item ids: runs of consecutive numbers as ranges. */
export function compressItems(ids: readonly string[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < ids.length) {
    const m = /^([a-z])(\d+)$/.exec(ids[i]);
    let j = i;
    while (m && j + 1 < ids.length && ids[j + 1] === `${m[1]}${Number(/\d+/.exec(ids[j])?.[0]) + 1}`) {
      j++;
    }
    parts.push(j > i ? `${ids[i]}-${ids[j]}` : ids[i]);
    i = j + 1;
  }
  return parts.join(', ');
}

/** `o1-o19`, `o1–19`, `i1, i2 i3`, `o20 ถึง o26`, Thai digits: the ids, or the tokens that are not ids. */
export function parseItemList(text: string): { items: string[]; bad: string[] } {
  const items: string[] = [];
  const bad: string[] = [];
  const raw = toArabicDigits(text)
    .replace(/\s*(?:[-–—]|ถึง|to)\s*/gi, '-')
    .trim();
  for (const token of raw.split(/[,;、\s]+|และ|and/).filter(Boolean)) {
    const range = /^([ieo])0*(\d+)-(?:\1)?0*(\d+)$/i.exec(token);
    if (range) {
      const [first, last] = [Number(range[2]), Number(range[3])];
      if (last < first || last - first > 100) bad.push(token);
      else for (let n = first; n <= last; n++) items.push(`${range[1].toLowerCase()}${n}`);
      continue;
    }
    const one = /^([ieo])0*(\d+)$/i.exec(token);
    if (one) items.push(`${one[1].toLowerCase()}${one[2]}`);
    else bad.push(token);
  }
  return { items, bad };
}

const first = (aliases: readonly string[]) => aliases[0];

function percent(weight: string): string {
  return Exact.parse(weight)
    .mul(Exact.of(BigInt(100)))
    .toFixed(2)
    .replace(/\.?0+$/, '');
}

function weightLabel(key: ToolKey): string {
  return key === 'EIT1' ? 'EIT ส่วนที่ 1' : key === 'EIT2' ? 'EIT ส่วนที่ 2' : key;
}

/** The rows of the framework tab for a framework, written for `year` (its own year by default). */
export function frameworkTabRows(f: Framework, year = f.year): unknown[][] {
  const c = COLUMNS.framework;
  const k = FRAMEWORK_KINDS;
  const header = [c.year, c.kind, c.key, c.name, c.nameEn, c.tool, c.items, c.value, c.minEveryTool].map(
    first,
  );
  const row = (kind: Kind, cells: Partial<Record<keyof typeof c, unknown>>) => [
    year,
    first(k[kind]),
    cells.key ?? '',
    cells.name ?? '',
    cells.nameEn ?? '',
    cells.tool ?? '',
    cells.items ?? '',
    cells.value ?? '',
    cells.minEveryTool ?? '',
  ];
  const rows: unknown[][] = [header];
  for (const ind of f.indicators) {
    rows.push(
      row('indicator', {
        key: ind.number,
        name: ind.name,
        nameEn: ind.nameEn,
        tool: ind.tool,
        items: compressItems(ind.items),
      }),
    );
  }
  for (const [key, weight] of Object.entries(f.weights) as [ToolKey, string][]) {
    rows.push(row('weight', { key: weightLabel(key), value: Number(percent(weight)) }));
  }
  for (const rule of f.levels.rules) {
    rows.push(
      row('level', {
        name: rule.label,
        nameEn: rule.labelEn,
        value: rule.minTotal,
        minEveryTool: rule.minEveryTool ?? '',
      }),
    );
  }
  if (f.levels.below) rows.push(row('level', { name: f.levels.below.label, nameEn: f.levels.below.labelEn }));
  if (f.developmentItem) {
    rows.push(row('development', { items: f.developmentItem.id, name: f.developmentItem.title }));
  }
  if (f.resultsItem) rows.push(row('results', { items: f.resultsItem.id, name: f.resultsItem.title }));
  for (const [id, topic] of Object.entries(f.itemTopics)) rows.push(row('item', { key: id, name: topic }));
  for (const note of f.notes) rows.push(row('note', { name: note }));
  for (const source of f.sources)
    rows.push(row('note', { name: `ที่มา: ${source.fact}`, nameEn: source.where }));
  return rows;
}

interface Row {
  index: number;
  cells: unknown[];
  year: number;
  kind: Kind;
}

interface Draft {
  year: number;
  firstCell: string;
  indicators: (IndicatorDef & { where: string })[];
  weights: { key: ToolKey; value: Exact; where: string }[];
  levels: { rule: LevelRule | null; label: string; labelEn: string; where: string }[];
  itemTopics: Record<string, string>;
  developmentItem: { id: string; title: string } | null;
  resultsItem: { id: string; title: string } | null;
  notes: string[];
  errors: number;
}

class TabReader {
  private readonly columns: Record<string, number | undefined> = {};
  private readonly drafts = new Map<number, Draft>();

  constructor(
    private readonly sheet: SheetLike,
    private readonly findings: Findings,
  ) {}

  private ref(row: number, key: keyof typeof COLUMNS.framework): string {
    return cellRef(this.sheet.name, row, this.columns[key] ?? 0);
  }

  private cell(r: Row, key: keyof typeof COLUMNS.framework): unknown {
    const col = this.columns[key];
    return col === undefined ? '' : r.cells[col];
  }

  private error(draft: Draft | null, where: string, th: string, en: string): void {
    if (draft) draft.errors++;
    this.findings.error('bad-framework', where, `${where}: ${th}`, `${where}: ${en}`);
  }

  read(): Framework[] {
    const values = this.sheet.values;
    const headerRow = values.findIndex((row) => row.some((c) => cellText(c) !== ''));
    if (headerRow < 0) return [];
    values[headerRow].forEach((cell, col) => {
      const key = Object.keys(COLUMNS.framework).find(
        (k) =>
          this.columns[k] === undefined &&
          matchesAlias(cell, COLUMNS.framework[k as keyof typeof COLUMNS.framework]),
      );
      if (key) this.columns[key] = col;
    });
    for (const key of ['year', 'kind'] as const) {
      if (this.columns[key] === undefined) {
        const where = cellRef(this.sheet.name, headerRow, 0);
        this.findings.error(
          'missing-column',
          where,
          `แท็บ "${this.sheet.name}" ไม่มีคอลัมน์ "${first(COLUMNS.framework[key])}" ในแถวหัวตาราง (แถว ${headerRow + 1})`,
          `Tab "${this.sheet.name}" has no "${COLUMNS.framework[key][1]}" column in its header row (row ${headerRow + 1})`,
        );
        return [];
      }
    }
    let year: number | null = null;
    for (let index = headerRow + 1; index < values.length; index++) {
      const cells = values[index];
      if (cells.every((c) => cellText(c) === '')) continue;
      const yearCell = cells[this.columns.year as number];
      // A blank year repeats the year above (merged cells read as blanks).
      if (cellText(yearCell) !== '') {
        const parsed = parseYear(yearCell);
        year = parsed ? parsed.year : null;
        if (!parsed) {
          this.error(
            null,
            this.ref(index, 'year'),
            `"${cellText(yearCell)}" ไม่ใช่ปีงบประมาณ`,
            `"${cellText(yearCell)}" is not a fiscal year`,
          );
          continue;
        }
      }
      if (year === null) {
        this.error(null, this.ref(index, 'year'), 'ไม่มีปีงบประมาณ', 'no fiscal year');
        continue;
      }
      const kindCell = cells[this.columns.kind as number];
      const kind = (Object.keys(FRAMEWORK_KINDS) as Kind[]).find((k) =>
        matchesAlias(kindCell, FRAMEWORK_KINDS[k]),
      );
      const draft = this.draft(year, index);
      if (!kind) {
        const known = Object.values(FRAMEWORK_KINDS).map((a) => a[0]);
        this.error(
          draft,
          this.ref(index, 'kind'),
          `ไม่รู้จักประเภท "${cellText(kindCell)}" (ใช้ได้: ${known.join(', ')})`,
          `unknown kind "${cellText(kindCell)}" (one of: ${Object.values(FRAMEWORK_KINDS)
            .map((a) => a[1])
            .join(', ')})`,
        );
        continue;
      }
      this.row(draft, { index, cells, year, kind });
    }
    return [...this.drafts.values()].map((d) => this.finish(d)).filter((f): f is Framework => f !== null);
  }

  private draft(year: number, index: number): Draft {
    let d = this.drafts.get(year);
    if (!d) {
      d = {
        year,
        firstCell: this.ref(index, 'year'),
        indicators: [],
        weights: [],
        levels: [],
        itemTopics: {},
        developmentItem: null,
        resultsItem: null,
        notes: [],
        errors: 0,
      };
      this.drafts.set(year, d);
    }
    return d;
  }

  private row(d: Draft, r: Row): void {
    const text = (key: keyof typeof COLUMNS.framework) => cellText(this.cell(r, key));
    if (r.kind === 'indicator') this.indicatorRow(d, r);
    else if (r.kind === 'weight') this.weightRow(d, r);
    else if (r.kind === 'level') this.levelRow(d, r);
    else if (r.kind === 'item') {
      const id = parseItemList(text('key')).items;
      if (id.length === 1) d.itemTopics[id[0]] = text('name');
      else
        this.error(
          d,
          this.ref(r.index, 'key'),
          `"${text('key')}" ไม่ใช่รหัสข้อ (เช่น o25)`,
          `"${text('key')}" is not an item id (such as o25)`,
        );
    } else if (r.kind === 'development' || r.kind === 'results') {
      const id = parseItemList(text('items')).items;
      const item = { id: id[0], title: text('name') };
      if (id.length === 1 && r.kind === 'development') d.developmentItem = item;
      else if (id.length === 1) d.resultsItem = item;
      else
        this.error(
          d,
          this.ref(r.index, 'items'),
          `"${text('items')}" ไม่ใช่รหัสข้อ (เช่น o25)`,
          `"${text('items')}" is not an item id (such as o25)`,
        );
    } else if (text('name')) d.notes.push([text('name'), text('nameEn')].filter(Boolean).join(' — '));
  }

  private indicatorRow(d: Draft, r: Row): void {
    const keyText = toArabicDigits(cellText(this.cell(r, 'key')));
    const number = /^\d+$/.test(keyText) ? Number(keyText) : Number.NaN;
    const where = this.ref(r.index, 'key');
    if (!Number.isInteger(number) || number < 1) {
      this.error(d, where, `"${keyText}" ไม่ใช่หมายเลขตัวชี้วัด`, `"${keyText}" is not an indicator number`);
      return;
    }
    const previous = d.indicators.find((i) => i.number === number);
    if (previous) {
      this.error(
        d,
        where,
        `ตัวชี้วัดที่ ${number} ซ้ำกับ ${previous.where}`,
        `indicator ${number} repeats ${previous.where}`,
      );
      return;
    }
    const toolText = cellText(this.cell(r, 'tool')).toUpperCase();
    const tool = (['IIT', 'EIT', 'OIT'] as const).find((t) => t === toolText);
    if (!tool) {
      this.error(
        d,
        this.ref(r.index, 'tool'),
        `แบบวัด "${cellText(this.cell(r, 'tool'))}" ต้องเป็น IIT, EIT หรือ OIT`,
        `tool "${cellText(this.cell(r, 'tool'))}" must be IIT, EIT or OIT`,
      );
      return;
    }
    const itemsWhere = this.ref(r.index, 'items');
    const { items, bad } = parseItemList(cellText(this.cell(r, 'items')));
    if (bad.length > 0 || items.length === 0) {
      this.error(
        d,
        itemsWhere,
        `ข้อของตัวชี้วัดที่ ${number} อ่านไม่ได้ ("${bad.join(', ') || 'ว่าง'}"): เขียนเช่น o1-o19, o21`,
        `the items of indicator ${number} cannot be read ("${bad.join(', ') || 'blank'}"): write e.g. o1-o19, o21`,
      );
      return;
    }
    const wrong = items.filter((id) => id[0] !== TOOL_LETTER[tool]);
    if (wrong.length > 0) {
      this.error(
        d,
        itemsWhere,
        `ข้อ ${wrong.join(', ')} ไม่ใช่ข้อของแบบวัด ${tool}`,
        `items ${wrong.join(', ')} are not ${tool} items`,
      );
      return;
    }
    for (const id of items) {
      const other = d.indicators.find((i) => i.items.includes(id));
      if (other) {
        this.error(
          d,
          itemsWhere,
          `ข้อ ${id} อยู่ในตัวชี้วัดที่ ${other.number} แล้ว (${other.where})`,
          `item ${id} is already in indicator ${other.number} (${other.where})`,
        );
        return;
      }
    }
    const name = cellText(this.cell(r, 'name')) || `ตัวชี้วัดที่ ${number}`;
    const nameEn = cellText(this.cell(r, 'nameEn')) || `Indicator ${number}`;
    d.indicators.push({ number, tool, name, nameEn, items: [...new Set(items)], where: itemsWhere });
  }

  private weightRow(d: Draft, r: Row): void {
    const keyText = cellText(this.cell(r, 'key'));
    const key =
      WEIGHT_KEYS[
        toArabicDigits(keyText)
          .toLowerCase()
          .replace(/\s+|ส่วนที่|part/g, '')
      ];
    if (!key) {
      this.error(
        d,
        this.ref(r.index, 'key'),
        `"${keyText}" ไม่ใช่แบบวัด (IIT, EIT, EIT ส่วนที่ 1, EIT ส่วนที่ 2, OIT)`,
        `"${keyText}" is not a tool (IIT, EIT, EIT part 1, EIT part 2, OIT)`,
      );
      return;
    }
    const where = this.ref(r.index, 'value');
    const reading = readNumber(this.cell(r, 'value'));
    const value = reading.kind === 'number' ? Exact.parse(reading.value) : null;
    if (!value || value.compare(Exact.ZERO) <= 0 || value.compare(Exact.of(BigInt(100))) > 0) {
      this.error(
        d,
        where,
        `น้ำหนักของ ${keyText} ต้องเป็นร้อยละ 1–100`,
        `the weight of ${keyText} must be a percentage, 1–100`,
      );
      return;
    }
    const previous = d.weights.find((w) => w.key === key);
    if (previous) {
      this.error(
        d,
        where,
        `น้ำหนักของ ${keyText} ซ้ำกับ ${previous.where}`,
        `the weight of ${keyText} repeats ${previous.where}`,
      );
      return;
    }
    d.weights.push({ key, value, where });
  }

  private levelRow(d: Draft, r: Row): void {
    const label = cellText(this.cell(r, 'name'));
    const labelEn = cellText(this.cell(r, 'nameEn')) || label;
    const where = this.ref(r.index, 'value');
    if (!label) {
      this.error(
        d,
        this.ref(r.index, 'name'),
        'ระดับต้องมีชื่อ (เช่น ผ่านดี)',
        'a level needs its name (such as ผ่านดี)',
      );
      return;
    }
    const read = (key: 'value' | 'minEveryTool'): number | null | undefined => {
      const reading = readNumber(this.cell(r, key));
      if (reading.kind === 'blank') return undefined;
      const n = reading.kind === 'number' ? Number(reading.value) : Number.NaN;
      return n >= 0 && n <= 100 ? n : null;
    };
    const minTotal = read('value');
    const minEveryTool = read('minEveryTool');
    if (minTotal === null || minEveryTool === null) {
      const at = minTotal === null ? where : this.ref(r.index, 'minEveryTool');
      this.error(
        d,
        at,
        `เกณฑ์ของระดับ "${label}" ต้องเป็นคะแนน 0–100`,
        `the threshold of level "${label}" must be a score, 0–100`,
      );
      return;
    }
    const previous = d.levels[d.levels.length - 1];
    if (previous && !previous.rule) {
      this.error(
        d,
        where,
        `ระดับ "${label}" อยู่ใต้ระดับต่ำสุด "${previous.label}" (แถวที่ไม่มีเกณฑ์ต้องอยู่ท้ายสุด)`,
        `level "${label}" comes after the lowest level "${previous.label}" (the row without a threshold must be last)`,
      );
      return;
    }
    if (minTotal === undefined) {
      d.levels.push({ rule: null, label, labelEn, where });
      return;
    }
    const rule: LevelRule = {
      label,
      labelEn,
      minTotal,
      ...(minEveryTool !== undefined ? { minEveryTool } : {}),
    };
    const above = previous?.rule;
    // Levels go from the highest down: a lower total, or the same total with a looser test of the tools.
    const outOfOrder =
      above &&
      (rule.minTotal > above.minTotal ||
        (rule.minTotal === above.minTotal &&
          (above.minEveryTool === undefined || (rule.minEveryTool ?? -1) >= above.minEveryTool)));
    if (outOfOrder && previous) {
      this.error(
        d,
        where,
        `เกณฑ์ของระดับ "${label}" (${minTotal}) ไม่ต่ำกว่าระดับก่อนหน้า "${previous.label}" (${previous.where}): เรียงระดับจากสูงไปต่ำ`,
        `the threshold of level "${label}" (${minTotal}) is not below the level before it, "${previous.label}" (${previous.where}): list levels from the highest down`,
      );
      return;
    }
    d.levels.push({ rule, label, labelEn, where });
  }

  /** The weights of a year's rows: they add up to 100, and name EIT either whole or in its two parts. */
  private checkWeights(d: Draft): void {
    const total = d.weights.reduce((s, w) => s.add(w.value), Exact.ZERO);
    if (total.compare(Exact.of(BigInt(100))) !== 0) {
      const cells = d.weights.map((w) => w.where).join(', ');
      // A percent-formatted cell holds 0.30 for 30 %.
      const fractions = total.compare(Exact.of(BigInt(1))) === 0;
      this.error(
        d,
        d.weights[0].where,
        `น้ำหนักของปี ${d.year} รวมกันได้ ${total.toFixed(2)} ต้องรวมเป็น 100 (${cells})${fractions ? ': พิมพ์เป็นร้อยละ เช่น 30 ไม่ใช่ 0.30' : ''}`,
        `the weights of ${d.year} add up to ${total.toFixed(2)}, not 100 (${cells})${fractions ? ': type percentages, 30 rather than 0.30' : ''}`,
      );
    }
    const keys = d.weights.map((w) => w.key);
    const parts = keys.filter((k) => k === 'EIT1' || k === 'EIT2');
    if (parts.length === 1 || (parts.length === 2 && keys.includes('EIT'))) {
      const where = d.weights.find((w) => w.key === 'EIT' || w.key === parts[0])?.where ?? d.firstCell;
      this.error(
        d,
        where,
        'น้ำหนัก EIT ให้ระบุเป็น EIT รวม หรือ EIT ส่วนที่ 1 และ 2 อย่างใดอย่างหนึ่ง',
        'give the EIT weight either as EIT, or as EIT part 1 and part 2, not both',
      );
    }
  }

  /**
   * The year's framework: what its rows define, and for what they leave out (indicators, weights or
   * levels) the built-in framework of that year (or of the latest earlier one).
   */
  private finish(d: Draft): Framework | null {
    const base = frameworkForYear(d.year).framework;
    if (d.weights.length > 0) this.checkWeights(d);
    const weights: Partial<Record<ToolKey, string>> =
      d.weights.length > 0
        ? Object.fromEntries(d.weights.map((w) => [w.key, w.value.div(Exact.of(BigInt(100))).toFixed(6)]))
        : base.weights;
    const keys = Object.keys(weights) as ToolKey[];
    const indicators =
      d.indicators.length > 0
        ? [...d.indicators].sort((a, b) => a.number - b.number).map(({ where: _where, ...ind }) => ind)
        : base.indicators;
    for (const tool of ['IIT', 'EIT', 'OIT'] as const) {
      const ind = indicators.find((i) => i.tool === tool);
      const weighted = tool === 'EIT' ? keys.some((k) => k.startsWith('EIT')) : keys.includes(tool);
      if (ind && !weighted) {
        const where = d.indicators.find((i) => i.number === ind.number)?.where ?? d.weights[0]?.where;
        this.error(
          d,
          where ?? d.firstCell,
          `ตัวชี้วัดที่ ${ind.number} เป็นของ ${tool} แต่ไม่มีน้ำหนักของ ${tool}`,
          `indicator ${ind.number} is an ${tool} indicator but ${tool} has no weight`,
        );
      }
    }
    if (d.errors > 0) return null;
    const rules = d.levels.length > 0 ? d.levels.flatMap((l) => (l.rule ? [l.rule] : [])) : base.levels.rules;
    const below = d.levels.find((l) => !l.rule);
    const inherited = [
      d.indicators.length === 0 ? 'indicators' : '',
      d.weights.length === 0 ? 'weights' : '',
      d.levels.length === 0 ? 'levels' : '',
    ].filter(Boolean);
    return {
      id: `ITA${d.year}`,
      year: d.year,
      indicators,
      eitParts: keys.includes('EIT1') && keys.includes('EIT2') ? [1, 2] : [],
      weights,
      levels: {
        rules,
        // Every weighted tool is tested where a level tests the tools (EIT in its parts where it has them).
        toolsTested: rules.some((r) => r.minEveryTool !== undefined) ? keys : [],
        below:
          d.levels.length > 0
            ? below
              ? { label: below.label, labelEn: below.labelEn }
              : null
            : base.levels.below,
        confirmed: d.levels.length > 0 ? true : base.levels.confirmed,
        words: d.levels.length > 0 ? undefined : base.levels.words,
        readings: d.levels.length > 0 ? undefined : base.levels.readings,
      },
      itemTopics: { ...(d.indicators.length > 0 ? {} : base.itemTopics), ...d.itemTopics },
      developmentItem: d.developmentItem ?? (d.indicators.length > 0 ? null : base.developmentItem),
      resultsItem: d.resultsItem ?? (d.indicators.length > 0 ? null : base.resultsItem),
      notes: [
        ...d.notes,
        ...(inherited.length > 0 ? [`${inherited.join(', ')} from the built-in ${base.id}`] : []),
      ],
      sources: [
        { fact: 'defined in the workbook', where: d.firstCell },
        ...(inherited.length > 0 ? base.sources : []),
      ],
      definedAt: d.firstCell,
      inherited,
    };
  }
}

/** The frameworks a framework tab defines; a year whose rows contradict themselves is left out, with errors. */
export function readFrameworkTab(sheet: SheetLike, findings: Findings): Framework[] {
  return new TabReader(sheet, findings).read();
}
