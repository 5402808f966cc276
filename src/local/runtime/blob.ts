import { createRequire } from 'node:module';
import { gasError, type RuntimeContext, Service } from './context';

export class Blob extends Service {
  constructor(
    rt: RuntimeContext,
    readonly _data: Buffer,
    private contentType: string | null,
    private name: string | null,
  ) {
    super(rt, 'Blob');
  }

  /** As Apps Script gives them: signed bytes, -128 to 127. */
  getBytes(): number[] {
    return Array.from(new Int8Array(this._data.buffer, this._data.byteOffset, this._data.byteLength));
  }
  getDataAsString(charset = 'utf-8') {
    return this._data.toString(charset.toLowerCase().replace('-', '') === 'utf8' ? 'utf8' : 'latin1');
  }
  getContentType() {
    return this.contentType;
  }
  setContentType(contentType: string) {
    this.contentType = contentType;
    return this;
  }
  getName() {
    return this.name;
  }
  setName(name: string) {
    this.name = name;
    return this;
  }
  copyBlob() {
    return new Blob(this.rt, Buffer.from(this._data), this.contentType, this.name);
  }
  isGoogleType() {
    return false;
  }
  getAs(contentType: string) {
    return this._as(contentType);
  }

  /** Conversions the local runtime can make: SVG to PNG; anything to its own type. */
  _as(contentType: string): Blob {
    if (contentType === this.contentType) return this.copyBlob();
    if (this.contentType === 'image/svg+xml' && contentType === 'image/png') {
      return new Blob(
        this.rt,
        svgToPng(this._data.toString('utf8')),
        'image/png',
        this.name?.replace(/\.svg$/, '.png') ?? null,
      );
    }
    throw gasError(`Converting from ${this.contentType} to ${contentType} is not supported.`);
  }
}

export function newBlob(rt: RuntimeContext, data: unknown, contentType?: string, name?: string): Blob {
  let buffer: Buffer;
  if (typeof data === 'string') buffer = Buffer.from(data, 'utf8');
  else if (Array.isArray(data)) buffer = Buffer.from(Int8Array.from(data as number[]).buffer);
  else if (Buffer.isBuffer(data)) buffer = data;
  else if (data === undefined) buffer = Buffer.alloc(0);
  else throw gasError("The parameters don't match the method signature for Utilities.newBlob.");
  return new Blob(rt, buffer, contentType ?? null, name ?? null);
}

const requireHere = createRequire(__filename);

/** The Sarabun font files (regular, bold) from the npm package that ships Google's TTFs. */
export function sarabunFiles(): { regular: string; bold: string } {
  return {
    regular: requireHere.resolve('@expo-google-fonts/sarabun/400Regular/Sarabun_400Regular.ttf'),
    bold: requireHere.resolve('@expo-google-fonts/sarabun/700Bold/Sarabun_700Bold.ttf'),
  };
}

function svgToPng(svg: string): Buffer {
  const { Resvg } = requireHere('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
  const fonts = sarabunFiles();
  const resvg = new Resvg(svg, {
    font: { fontFiles: [fonts.regular, fonts.bold], loadSystemFonts: false, defaultFontFamily: 'Sarabun' },
    fitTo: { mode: 'zoom', value: 2 },
  });
  return Buffer.from(resvg.render().asPng());
}

const PALETTE = ['#1a73e8', '#f29900', '#188038', '#d93025', '#9334e6'];

function escapeXml(text: string): string {
  return text.replace(
    /[<>&"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] as string,
  );
}

/**
 * Draws a column or line chart from its data ranges as Sheets would lay them out: the first column gives
 * the labels, each further column a series, the first row the series names. Thai text is drawn in Sarabun.
 */
export function renderChartSvg(
  rt: RuntimeContext,
  type: string,
  ranges: unknown[][][],
  options: Record<string, unknown>,
): Blob {
  const rows = ranges[0] ?? [];
  const header = rows[0] ?? [];
  const body = rows.slice(1);
  const labels = body.map((r) => String(r[0] ?? ''));
  const series = header.slice(1).map((name, i) => ({
    name: String(name),
    values: body.map((r) => (typeof r[i + 1] === 'number' ? (r[i + 1] as number) : null)),
    color: (options.colors as string[] | undefined)?.[i] ?? PALETTE[i % PALETTE.length],
  }));
  const width = Number(options.width ?? 640);
  const height = Number(options.height ?? 360);
  const title = String(options.title ?? '');
  const all = series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const vMin = Number((options['vAxis.viewWindow.min'] as number | undefined) ?? Math.min(0, ...all));
  const vMax = Number((options['vAxis.viewWindow.max'] as number | undefined) ?? Math.max(100, ...all));
  const left = 48;
  const right = 16;
  const top = title ? 44 : 16;
  const bottom = 64 + (series.length > 1 ? 24 : 0);
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const y = (v: number) => top + plotH - ((v - vMin) / (vMax - vMin || 1)) * plotH;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Sarabun">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
  ];
  if (title) {
    parts.push(
      `<text x="${width / 2}" y="26" font-size="16" font-weight="bold" text-anchor="middle">${escapeXml(title)}</text>`,
    );
  }
  for (let i = 0; i <= 4; i++) {
    const v = vMin + ((vMax - vMin) * i) / 4;
    parts.push(
      `<line x1="${left}" x2="${width - right}" y1="${y(v)}" y2="${y(v)}" stroke="#e0e0e0"/>`,
      `<text x="${left - 6}" y="${y(v) + 4}" font-size="11" text-anchor="end" fill="#5f6368">${Math.round(v * 100) / 100}</text>`,
    );
  }
  const slot = plotW / Math.max(1, labels.length);
  const show = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(2));
  if (type === 'LINE') {
    series.forEach((s) => {
      const points = s.values
        .map((v, i) => (v === null ? null : `${left + slot * (i + 0.5)},${y(v)}`))
        .filter(Boolean)
        .join(' ');
      parts.push(`<polyline points="${points}" fill="none" stroke="${s.color}" stroke-width="3"/>`);
      s.values.forEach((v, i) => {
        if (v === null) return;
        const cx = left + slot * (i + 0.5);
        parts.push(
          `<circle cx="${cx}" cy="${y(v)}" r="4" fill="${s.color}"/>`,
          `<text x="${cx}" y="${y(v) - 10}" font-size="12" text-anchor="middle">${show(v)}</text>`,
        );
      });
    });
  } else {
    const barW = (slot * 0.7) / Math.max(1, series.length);
    series.forEach((s, si) => {
      s.values.forEach((v, i) => {
        if (v === null) return;
        const x = left + slot * i + slot * 0.15 + barW * si;
        parts.push(
          `<rect x="${x}" y="${y(v)}" width="${barW}" height="${Math.max(0, y(vMin) - y(v))}" fill="${s.color}"/>`,
          `<text x="${x + barW / 2}" y="${y(v) - 4}" font-size="${barW < 28 ? 9 : 11}" text-anchor="middle">${show(v)}</text>`,
        );
      });
    });
  }
  labels.forEach((label, i) => {
    parts.push(
      `<text x="${left + slot * (i + 0.5)}" y="${top + plotH + 18}" font-size="12" text-anchor="middle">${escapeXml(label)}</text>`,
    );
  });
  const legend = (options.legend as { position?: string } | undefined)?.position;
  if (series.length > 1 && legend !== 'none') {
    let x = left;
    for (const s of series) {
      parts.push(
        `<rect x="${x}" y="${height - 22}" width="12" height="12" fill="${s.color}"/>`,
        `<text x="${x + 16}" y="${height - 12}" font-size="12">${escapeXml(s.name)}</text>`,
      );
      x += 28 + s.name.length * 8;
    }
  }
  parts.push('</svg>');
  return new Blob(rt, Buffer.from(parts.join('\n'), 'utf8'), 'image/svg+xml', 'chart.svg');
}
