import { Blob } from './blob';
import type { RuntimeContext } from './context';

const PALETTE = ['#1a73e8', '#f29900', '#188038', '#d93025', '#9334e6'];

function escapeXml(text: string): string {
  return text.replace(
    /[<>&"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] as string,
  );
}

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
}

interface Axis {
  min: number;
  max: number;
  ticks: { v: number; f: string }[];
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
  return { min, max, ticks: ticks.filter((t) => t.v >= min && t.v <= max) };
}

function seriesOf(type: string, rows: unknown[][], options: Record<string, unknown>): Series[] {
  const header = rows[0] ?? [];
  const body = rows.slice(1);
  const perSeries = (options.series ?? {}) as Record<
    string,
    { type?: string; color?: string; lineDashStyle?: number[] }
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
        `<text x="${lx + 22}" y="${y + 4}" font-size="12">${escapeXml(s.name)}</text>`,
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

/**
 * Draws a column, bar, line or combo chart from its data range as Sheets lays it out: the first column gives
 * the labels, each further column a series, the first row the series names; a combo chart's series are bars
 * or lines by the `series` option, and `orientation: 'vertical'` lays the categories down the side. Labels
 * are never drawn over one another: long category names wrap, the legend takes as many rows as it needs.
 */
export function renderChartSvg(
  rt: RuntimeContext,
  type: string,
  ranges: unknown[][][],
  options: Record<string, unknown>,
): Blob {
  const rows = ranges[0] ?? [];
  const labels = rows.slice(1).map((r) => String(r[0] ?? ''));
  const series = seriesOf(type, rows, options);
  const horizontal = type === 'BAR' || (type === 'COMBO' && options.orientation === 'vertical');
  const width = Number(options.width ?? 640);
  const height = Number(options.height ?? 360);
  const title = String(options.title ?? '');
  const values = series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const axis = valueAxis(options, horizontal ? 'hAxis' : 'vAxis', values);
  const legendOn =
    series.length > 1 && (options.legend as { position?: string } | undefined)?.position !== 'none';
  const legendHeight = legendOn ? legendRows(series, width) * 20 + 8 : 0;
  const labelRoom = horizontal
    ? Math.min(width * 0.42, Math.max(...labels.map((l) => textWidth(l, 12)), 20) + 12)
    : 0;
  const left = horizontal ? labelRoom : 48;
  const top = title ? 44 : 16;
  const bottom = (horizontal ? 28 : 52) + legendHeight;
  const plotW = width - left - 16;
  const plotH = height - top - bottom;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Sarabun">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
  ];
  if (title)
    parts.push(
      `<text x="${width / 2}" y="26" font-size="16" font-weight="bold" text-anchor="middle">${escapeXml(title)}</text>`,
    );
  const span = axis.max - axis.min || 1;
  const along = (v: number) =>
    horizontal
      ? left + ((Math.max(v, axis.min) - axis.min) / span) * plotW
      : top + plotH - ((Math.max(v, axis.min) - axis.min) / span) * plotH;
  for (const t of axis.ticks) {
    const p = along(t.v);
    parts.push(
      horizontal
        ? `<line x1="${p}" x2="${p}" y1="${top}" y2="${top + plotH}" stroke="#e0e0e0"/><text x="${p}" y="${top + plotH + 16}" font-size="11" text-anchor="middle" fill="#5f6368">${escapeXml(t.f)}</text>`
        : `<line x1="${left}" x2="${width - 16}" y1="${p}" y2="${p}" stroke="#e0e0e0"/><text x="${left - 6}" y="${p + 4}" font-size="11" text-anchor="end" fill="#5f6368">${escapeXml(t.f)}</text>`,
    );
  }
  const slot = (horizontal ? plotH : plotW) / Math.max(1, labels.length);
  const bars = series.filter((s) => !s.line);
  const barW = (slot * 0.7) / Math.max(1, bars.length);
  bars.forEach((s, si) => {
    s.values.forEach((v, i) => {
      if (v === null) return;
      const at = slot * i + slot * 0.15 + barW * si;
      parts.push(
        horizontal
          ? `<rect x="${left}" y="${top + at}" width="${Math.max(0, along(v) - left)}" height="${barW}" fill="${s.color}"/>`
          : `<rect x="${left + at}" y="${along(v)}" width="${barW}" height="${Math.max(0, top + plotH - along(v))}" fill="${s.color}"/>`,
      );
    });
  });
  for (const s of series.filter((x) => x.line)) {
    const points = s.values
      .map((v, i) =>
        v === null
          ? null
          : horizontal
            ? [along(v), top + slot * (i + 0.5)]
            : [left + slot * (i + 0.5), along(v)],
      )
      .filter((p): p is number[] => p !== null);
    // A constant series (a threshold) runs across the whole plot.
    const constant = s.values.every((v) => v !== null && v === s.values[0]);
    const line =
      constant && points.length > 0
        ? horizontal
          ? [
              [points[0][0], top],
              [points[0][0], top + plotH],
            ]
          : [
              [left, points[0][1]],
              [width - 16, points[0][1]],
            ]
        : points;
    parts.push(
      `<polyline points="${line.map((p) => p.join(',')).join(' ')}" fill="none" stroke="${s.color}" stroke-width="${constant ? 2 : 3}"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`,
    );
    if (!constant)
      for (const [x, y] of points) parts.push(`<circle cx="${x}" cy="${y}" r="4" fill="${s.color}"/>`);
  }
  labels.forEach((label, i) => {
    if (horizontal) {
      parts.push(
        `<text x="${left - 6}" y="${top + slot * (i + 0.5) + 4}" font-size="12" text-anchor="end">${escapeXml(label)}</text>`,
      );
      return;
    }
    labelLines(label, slot - 4).forEach((line, k) => {
      parts.push(
        `<text x="${left + slot * (i + 0.5)}" y="${top + plotH + 18 + k * 15}" font-size="12" text-anchor="middle">${escapeXml(line)}</text>`,
      );
    });
  });
  if (legendOn) parts.push(...legend(series, width, height));
  parts.push('</svg>');
  return new Blob(rt, Buffer.from(parts.join('\n'), 'utf8'), 'image/svg+xml', 'chart.svg');
}
