import { thaiDigitsInText } from '../thai';

export interface TableRowModel {
  cells: string[];
  bold?: boolean;
  /** A row that heads a group (an indicator): it spans the table and stays with the row after it. */
  group?: boolean;
  /** Web links in the row: the URL, written as is in the text of cell `cell`, becomes a link to itself. */
  links?: { cell: number; url: string }[];
}

export interface TableBlock {
  kind: 'table';
  caption: string | null;
  header: string[];
  rows: TableRowModel[];
  /** Column widths in percent of the text width. */
  widths: number[];
  /** Dense tables (the analysis and the measures) are set a point smaller. */
  dense?: boolean;
}

export interface ChartBlock {
  kind: 'chart';
  id: 'trend' | 'tools' | 'indicators' | 'status' | 'levels' | 'weak-indicators';
  caption: string;
  type: 'COLUMN' | 'LINE' | 'BAR';
  /** The chart's data as a sheet range: first row the series names, first column the labels. */
  data: (string | number | null)[][];
  /** Level thresholds drawn across the chart, with their names. */
  thresholds: { value: number; label: string }[];
  /**
   * The value axis: its range, its tick labels (Thai digits where the document uses them) and its title. A bar
   * or column chart's starts at 0 (a bar's length is read as its value); a line chart's may start higher.
   */
  axis: { min: number; max: number; ticks: { v: number; f: string }[]; title: string };
}

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'center'; text: string; bold?: boolean }
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  /** keepWithNext: a paragraph that leads into the table under it stays on its page. */
  | { kind: 'paragraph'; text: string; indent?: boolean; keepWithNext?: boolean }
  | TableBlock
  | ChartBlock
  /** A part that has no data says so in one line instead of vanishing. */
  | { kind: 'missing'; text: string }
  /** Signatures side by side, each a column of centred lines, kept on one page. */
  | { kind: 'signatures'; columns: string[][] };

/**
 * Writes the report's blocks in order: every text through the digit setting, tables and figures numbered
 * in the order they appear (ตารางที่ ๑, รูปที่ ๑).
 */
export class ReportWriter {
  readonly blocks: Block[] = [];
  private tables = 0;
  private figures = 0;

  constructor(readonly thai: boolean) {}

  /** Text with Thai digits when the setting asks for them (item ids, URLs and e-mails stay as they are). */
  t = (text: string): string => (this.thai ? thaiDigitsInText(text) : text);

  title(text: string): void {
    this.blocks.push({ kind: 'title', text: this.t(text) });
  }
  center(text: string, bold = false): void {
    this.blocks.push({ kind: 'center', text: this.t(text), bold });
  }
  heading(level: 1 | 2 | 3, text: string): void {
    this.blocks.push({ kind: 'heading', level, text: this.t(text) });
  }
  paragraph(text: string, indent = true): void {
    this.blocks.push({ kind: 'paragraph', text: this.t(text), indent });
  }
  /** A paragraph that introduces the table after it: kept on the same page as the table. */
  lead(text: string): void {
    this.blocks.push({ kind: 'paragraph', text: this.t(text), indent: true, keepWithNext: true });
  }
  missing(text: string): void {
    this.blocks.push({ kind: 'missing', text: this.t(text) });
  }
  signatures(columns: string[][]): void {
    this.blocks.push({ kind: 'signatures', columns: columns.map((c) => c.map(this.t)) });
  }

  /**
   * A numbered table (no caption: unnumbered). Widths in percent, set per table for its content: wide enough
   * that a date, a measure code or a division code never breaks inside (the measures table's period: 20%).
   */
  table(
    caption: string | null,
    header: string[],
    rows: TableRowModel[],
    options: { widths: number[]; dense?: boolean },
  ): void {
    const cells = rows.map((r) => ({ ...r, cells: r.cells.map(this.t) }));
    const head = header.map(this.t);
    this.blocks.push({
      kind: 'table',
      caption: caption ? this.t(`ตารางที่ ${++this.tables} ${caption}`) : null,
      header: head,
      rows: cells,
      widths: options.widths,
      dense: options.dense ?? false,
    });
  }

  /**
   * A numbered figure, thresholds drawn, its value axis titled `axisTitle`: from 0 for bars and columns, for
   * a line (points joined, each a dot) from low enough to show the differences. A chart of counts rather
   * than scores (`counts`) has its axis from 0 to a round number above the largest.
   */
  chart(
    spec: Omit<ChartBlock, 'kind' | 'caption' | 'axis'> & {
      caption: string;
      axisTitle: string;
      counts?: boolean;
    },
  ): void {
    const { axisTitle, counts, ...block } = spec;
    const values = spec.data
      .slice(1)
      .flatMap((r) => r.slice(1))
      .filter((v): v is number => typeof v === 'number');
    const lowest = Math.min(...values, ...spec.thresholds.map((x) => x.value));
    const min = spec.type === 'LINE' ? Math.max(0, Math.floor((lowest - 5) / 5) * 5) : 0;
    let max = 100;
    let step = 100 - min > 40 ? 10 : 5;
    if (counts) {
      const top = Math.max(1, ...values);
      const magnitude = 10 ** Math.floor(Math.log10(top));
      step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => top / s <= 6) ?? magnitude * 10);
      max = Math.ceil(top / step) * step;
    }
    const ticks: { v: number; f: string }[] = [];
    for (let v = min; v <= max; v += step) ticks.push({ v, f: this.t(String(v)) });
    this.blocks.push({
      ...block,
      kind: 'chart',
      caption: this.t(`รูปที่ ${++this.figures} ${spec.caption}`),
      data: spec.data.map((r) => r.map((v) => (typeof v === 'string' ? this.t(v) : v))),
      thresholds: spec.thresholds.map((x) => ({ ...x, label: this.t(x.label) })),
      axis: { min, max, ticks, title: this.t(axisTitle) },
    });
  }
}
