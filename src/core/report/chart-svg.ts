import { escapeMarkup } from '../markup';

const PALETTE = ['#1a73e8', '#f29900', '#188038', '#d93025', '#9334e6'];

/** About how wide a text is in Sarabun at `size` px: Thai marks above and below take no width. */
export function textWidth(text: string, size: number): number {
  const marks = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/g;
  return text.replace(marks, '').length * size * 0.56;
}

interface Series {
  name: string;
  values: (number | null)[];
  color: string;
  line: boolean;
  dashed: boolean;
  /** Whether its values are printed (Sheets' `dataLabel: 'value'`). */
  labelled: boolean;
}

interface Axis {
  min: number;
  max: number;
  ticks: { v: number; f: string }[];
  title: string;
  /** The decimals values are printed with. */
  decimals: number;
}

/** The value axis from the options Sheets takes (viewWindow, ticks as {v, f}), else 0 to the data's top. */
function valueAxis(options: Record<string, unknown>, prefix: string, values: number[]): Axis {
  const min = Number(options[`${prefix}.viewWindow.min`] ?? Math.min(0, ...values));
  const max = Number(options[`${prefix}.viewWindow.max`] ?? Math.max(100, ...values));
  const given = options[`${prefix}.ticks`] as ({ v: number; f?: string } | number)[] | undefined;
  const ticks = given
    ? given.map((t) => (typeof t === 'number' ? { v: t, f: String(t) } : { v: t.v, f: t.f ?? String(t.v) }))
    : [0, 1, 2, 3, 4].map((i) => {
        const v = min + ((max - min) * i) / 4;
        return { v, f: String(Math.round(v * 100) / 100) };
      });
  const title = String(options[`${prefix}.title`] ?? '');
  const decimals = Math.max(0, ...values.map((v) => Math.min(2, (String(v).split('.')[1] ?? '').length)));
  return { min, max, ticks: ticks.filter((t) => t.v >= min && t.v <= max), title, decimals };
}

function seriesOf(type: string, rows: unknown[][], options: Record<string, unknown>): Series[] {
  const header = rows[0] ?? [];
  const body = rows.slice(1);
  const perSeries = (options.series ?? {}) as Record<
    string,
    { type?: string; color?: string; lineDashStyle?: number[]; dataLabel?: string }
  >;
  const seriesType = String(options.seriesType ?? (type === 'LINE' ? 'line' : 'bars'));
  return header.slice(1).map((name, i) => {
    const own = perSeries[String(i)] ?? {};
    return {
      name: String(name),
      values: body.map((r) => (typeof r[i + 1] === 'number' ? (r[i + 1] as number) : null)),
      color: own.color ?? (options.colors as string[] | undefined)?.[i] ?? PALETTE[i % PALETTE.length],
      line: type === 'LINE' || (type === 'COMBO' && (own.type ?? seriesType) === 'line'),
      dashed: Array.isArray(own.lineDashStyle),
      labelled: own.dataLabel === 'value',
    };
  });
}

/** The legend in rows that fit the width; returns the SVG and its height. */
function legend(series: Series[], width: number, bottom: number): string[] {
  const rows: Series[][] = [[]];
  let x = 0;
  for (const s of series) {
    const w = 22 + textWidth(s.name, 12) + 14;
    if (x + w > width - 32 && rows[rows.length - 1].length > 0) {
      rows.push([]);
      x = 0;
    }
    rows[rows.length - 1].push(s);
    x += w;
  }
  const out: string[] = [];
  rows.forEach((row, r) => {
    const total = row.reduce((a, s) => a + 22 + textWidth(s.name, 12) + 14, 0);
    let lx = (width - total) / 2;
    const y = bottom - (rows.length - r) * 20 + 6;
    for (const s of row) {
      out.push(
        s.line
          ? `<line x1="${lx}" x2="${lx + 16}" y1="${y}" y2="${y}" stroke="${s.color}" stroke-width="3"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`
          : `<rect x="${lx + 2}" y="${y - 6}" width="12" height="12" fill="${s.color}"/>`,
        `<text x="${lx + 22}" y="${y + 4}" font-size="12">${escapeMarkup(s.name)}</text>`,
      );
      lx += 22 + textWidth(s.name, 12) + 14;
    }
  });
  return out;
}

function legendRows(series: Series[], width: number): number {
  let rows = 1;
  let x = 0;
  for (const s of series) {
    const w = 22 + textWidth(s.name, 12) + 14;
    if (x + w > width - 32 && x > 0) {
      rows++;
      x = 0;
    }
    x += w;
  }
  return rows;
}

/** A category label cut into lines that fit `room` px at 12 px (at spaces), at most two. */
function labelLines(label: string, room: number): string[] {
  if (textWidth(label, 12) <= room) return [label];
  const words = label.split(' ');
  const lines: string[] = [''];
  for (const w of words) {
    const next = lines[lines.length - 1] ? `${lines[lines.length - 1]} ${w}` : w;
    if (textWidth(next, 12) > room && lines[lines.length - 1]) lines.push(w);
    else lines[lines.length - 1] = next;
  }
  return lines.length > 2 ? [lines[0], `${lines.slice(1).join(' ')}`] : lines;
}

/** Where things go: the plot area, the value axis, and the position of a value along it. */
interface Plot {
  horizontal: boolean;
  width: number;
  left: number;
  top: number;
  plotW: number;
  plotH: number;
  axis: Axis;
  /** The space of one category. */
  slot: number;
  /** Category labels too wide for their slot are slanted, as Google Charts does. */
  slanted: boolean;
  along: (v: number) => number;
}

function plotOf(type: string, options: Record<string, unknown>, labels: string[], series: Series[]): Plot {
  const horizontal = type === 'BAR' || (type === 'COMBO' && options.orientation === 'vertical');
  const width = Number(options.width ?? 640);
  const height = Number(options.height ?? 360);
  const values = series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const axis = valueAxis(options, horizontal ? 'hAxis' : 'vAxis', values);
  const legendHeight = hasLegend(series, options) ? legendRows(series, width) * 20 + 8 : 0;
  const count = Math.max(1, labels.length);
  const fits = (room: number) =>
    labels.every((l) => labelLines(l, room - 4).every((x) => textWidth(x, 12) <= room - 4));
  const slanted = !horizontal && !fits((width - 64) / count);
  // A slanted first label reaches left of its slot: the plot starts far enough in for it to stay inside.
  const reach = slanted ? textWidth(labels[0], 12) * SLANT.cos - (width - 64) / count / 2 + 4 : 0;
  const left = horizontal
    ? Math.min(width * 0.42, Math.max(...labels.map((l) => textWidth(l, 12)), 20) + 12)
    : Math.max(axis.title ? 62 : 48, reach);
  const top = options.title ? 44 : 16;
  const plotW = width - left - 16;
  const under = horizontal
    ? axis.title
      ? 46
      : 28
    : slanted
      ? Math.max(...labels.map((l) => textWidth(l, 12))) * SLANT.sin + 24
      : 52;
  const plotH = height - top - under - legendHeight;
  const span = axis.max - axis.min || 1;
  const share = (v: number) => (Math.max(v, axis.min) - axis.min) / span;
  return {
    horizontal,
    width,
    left,
    top,
    plotW,
    plotH,
    axis,
    slot: (horizontal ? plotH : plotW) / Math.max(1, labels.length),
    slanted,
    along: (v) => (horizontal ? left + share(v) * plotW : top + plotH - share(v) * plotH),
  };
}

function hasLegend(series: Series[], options: Record<string, unknown>): boolean {
  return series.length > 1 && (options.legend as { position?: string } | undefined)?.position !== 'none';
}

/** The value axis's title: under the ticks of a horizontal chart, up the left side of a vertical one. */
function axisTitle(p: Plot): string[] {
  if (!p.axis.title) return [];
  const title = escapeMarkup(p.axis.title);
  if (p.horizontal)
    return [
      `<text x="${p.left + p.plotW / 2}" y="${p.top + p.plotH + 36}" font-size="12" text-anchor="middle" fill="#5f6368">${title}</text>`,
    ];
  const y = p.top + p.plotH / 2;
  return [
    `<text x="16" y="${y}" font-size="12" text-anchor="middle" fill="#5f6368" transform="rotate(-90 16 ${y})">${title}</text>`,
  ];
}

function gridAndTicks(p: Plot): string[] {
  return p.axis.ticks.map((t) => {
    const at = p.along(t.v);
    return p.horizontal
      ? `<line x1="${at}" x2="${at}" y1="${p.top}" y2="${p.top + p.plotH}" stroke="#e0e0e0"/><text x="${at}" y="${p.top + p.plotH + 16}" font-size="11" text-anchor="middle" fill="#5f6368">${escapeMarkup(t.f)}</text>`
      : `<line x1="${p.left}" x2="${p.width - 16}" y1="${at}" y2="${at}" stroke="#e0e0e0"/><text x="${p.left - 6}" y="${at + 4}" font-size="11" text-anchor="end" fill="#5f6368">${escapeMarkup(t.f)}</text>`;
  });
}

/** A printed value, with as many decimals (up to two) as the chart's most precise value, in the axis's digits. */
function valueText(v: number, axis: Axis): string {
  const text = v.toFixed(axis.decimals);
  const thai = axis.ticks.some((t) => /[๐-๙]/.test(t.f));
  return thai ? text.replace(/\d/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[Number(d)]) : text;
}

/** Dark text on a light fill, white on a dark one. */
function inkOn(color: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(color.slice(i, i + 2), 16) || 0);
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? '#202124' : '#ffffff';
}

/** Text in `ink` outlined in `ground`, so that a threshold line crossing it does not cut through it. */
function halo(ink: string, ground: string): string {
  return ` fill="${ink}" stroke="${ground}" stroke-width="3" paint-order="stroke"`;
}

/** A bar's value at its end, inside where it fits, else just past it where that fits; else not printed. */
function barValue(p: Plot, s: Series, v: number, at: number, barW: number): string | null {
  const text = valueText(v, p.axis);
  const end = p.along(v);
  if (p.horizontal) {
    const size = Math.min(11, Math.floor(barW - 1));
    if (size < 8) return null;
    const w = textWidth(text, size);
    const y = p.top + at + barW / 2 + size * 0.35;
    if (end - p.left >= w + 8)
      return `<text x="${end - 4}" y="${y}" font-size="${size}" text-anchor="end" ${halo(inkOn(s.color), s.color)}>${text}</text>`;
    if (p.left + p.plotW - end >= w + 6)
      return `<text x="${end + 4}" y="${y}" font-size="${size}" ${halo('#202124', '#ffffff')}>${text}</text>`;
    return null;
  }
  const w = textWidth(text, 11);
  if (w > barW - 2) return null;
  const x = p.left + at + barW / 2;
  if (p.top + p.plotH - end >= 18)
    return `<text x="${x}" y="${end + 13}" font-size="11" text-anchor="middle" ${halo(inkOn(s.color), s.color)}>${text}</text>`;
  return `<text x="${x}" y="${end - 4}" font-size="11" text-anchor="middle" ${halo('#202124', '#ffffff')}>${text}</text>`;
}

/** Bars from the axis's start (0 in the report's charts); `values` gains each one's value where it fits. */
function bars(p: Plot, series: Series[], values: string[]): string[] {
  const out: string[] = [];
  const shown = series.filter((s) => !s.line);
  const barW = (p.slot * 0.7) / Math.max(1, shown.length);
  shown.forEach((s, si) => {
    s.values.forEach((v, i) => {
      if (v === null) return;
      const at = p.slot * i + p.slot * 0.15 + barW * si;
      out.push(
        p.horizontal
          ? `<rect x="${p.left}" y="${p.top + at}" width="${Math.max(0, p.along(v) - p.left)}" height="${barW}" fill="${s.color}"/>`
          : `<rect x="${p.left + at}" y="${p.along(v)}" width="${barW}" height="${Math.max(0, p.top + p.plotH - p.along(v))}" fill="${s.color}"/>`,
      );
      const label = s.labelled ? barValue(p, s, v, at, barW) : null;
      if (label) values.push(label);
    });
  });
  return out;
}

/** Line series; a constant one (a threshold) runs across the whole plot, dashed where asked. */
function lines(p: Plot, series: Series[]): string[] {
  const out: string[] = [];
  for (const s of series.filter((x) => x.line)) {
    const points = s.values
      .map((v, i) =>
        v === null
          ? null
          : p.horizontal
            ? [p.along(v), p.top + p.slot * (i + 0.5)]
            : [p.left + p.slot * (i + 0.5), p.along(v)],
      )
      .filter((x): x is number[] => x !== null);
    const constant = points.length > 0 && s.values.every((v) => v !== null && v === s.values[0]);
    const path = !constant
      ? points
      : p.horizontal
        ? [
            [points[0][0], p.top],
            [points[0][0], p.top + p.plotH],
          ]
        : [
            [p.left, points[0][1]],
            [p.width - 16, points[0][1]],
          ];
    out.push(
      `<polyline points="${path.map((x) => x.join(',')).join(' ')}" fill="none" stroke="${s.color}" stroke-width="${constant ? 2 : 3}"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`,
    );
    if (!constant)
      points.forEach(([x, y], k) => {
        out.push(`<circle cx="${x}" cy="${y}" r="4" fill="${s.color}"/>`);
        const v = s.values.filter((x): x is number => x !== null)[k];
        if (s.labelled && textWidth(valueText(v, p.axis), 11) <= p.slot - 4)
          out.push(
            `<text x="${x}" y="${y - 9}" font-size="11" text-anchor="middle" fill="#202124">${valueText(v, p.axis)}</text>`,
          );
      });
  }
  return out;
}

const SLANT = { degrees: 35, sin: Math.sin((35 * Math.PI) / 180), cos: Math.cos((35 * Math.PI) / 180) };

/**
 * Category labels: down the side of a horizontal chart, else under the plot, wrapped to fit their slot, or
 * slanted when a word is wider than its slot (Thai names have no spaces to wrap at).
 */
function categoryLabels(p: Plot, labels: string[]): string[] {
  if (p.slanted)
    return labels.map((label, i) => {
      const x = p.left + p.slot * (i + 0.5);
      const y = p.top + p.plotH + 14;
      return `<text x="${x}" y="${y}" font-size="12" text-anchor="end" transform="rotate(-${SLANT.degrees} ${x} ${y})">${escapeMarkup(label)}</text>`;
    });
  return labels.flatMap((label, i) =>
    p.horizontal
      ? [
          `<text x="${p.left - 6}" y="${p.top + p.slot * (i + 0.5) + 4}" font-size="12" text-anchor="end">${escapeMarkup(label)}</text>`,
        ]
      : labelLines(label, p.slot - 4).map(
          (line, k) =>
            `<text x="${p.left + p.slot * (i + 0.5)}" y="${p.top + p.plotH + 18 + k * 15}" font-size="12" text-anchor="middle">${escapeMarkup(line)}</text>`,
        ),
  );
}

/**
 * Draws a column, bar, line or combo chart from its data range as Sheets lays it out: the first column gives
 * the labels, each further column a series, the first row the series names; a combo chart's series are bars
 * or lines by the `series` option, and `orientation: 'vertical'` lays the categories down the side. Labels
 * are never drawn over one another: long category names wrap, the legend takes as many rows as it needs.
 */
export function chartSvg(type: string, rows: readonly unknown[][], options: Record<string, unknown>): string {
  const labels = rows.slice(1).map((r) => String(r[0] ?? ''));
  const series = seriesOf(type, rows as unknown[][], options);
  const p = plotOf(type, options, labels, series);
  const height = Number(options.height ?? 360);
  const title = String(options.title ?? '');
  // The bars' values go over the threshold lines.
  const values: string[] = [];
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${p.width}" height="${height}" viewBox="0 0 ${p.width} ${height}" font-family="Sarabun">`,
    `<rect width="${p.width}" height="${height}" fill="#ffffff"/>`,
    title
      ? `<text x="${p.width / 2}" y="26" font-size="16" font-weight="bold" text-anchor="middle">${escapeMarkup(title)}</text>`
      : '',
    ...gridAndTicks(p),
    ...axisTitle(p),
    ...bars(p, series, values),
    ...lines(p, series),
    ...values,
    ...categoryLabels(p, labels),
    ...(hasLegend(series, options) ? legend(series, p.width, height) : []),
    '</svg>',
  ].join('\n');
}
