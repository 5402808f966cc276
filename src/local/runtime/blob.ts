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

/**
 * SARA AM (ำ) as a browser's shaper (HarfBuzz) writes it: NIKHAHIT (ํ) moved back over the tone marks above the
 * consonant, then SARA AA (า). resvg's shaper draws the NIKHAHIT of ำ and drops its SARA AA (and a space after
 * it), so "การใช้อำนาจ" came out "การใช้อํนจ"; decomposed first, its drawing matches Chromium's
 * (test/local/chart-shaping.test.ts). The SVG holds Thai only in its texts, so the whole string is rewritten.
 */
export function decomposeSaraAm(svg: string): string {
  return svg.replace(/([\u0E31\u0E34-\u0E37\u0E47-\u0E4E]*)\u0E33/g, '\u0E4D$1\u0E32');
}

/** An SVG drawn as a PNG at twice its size, in Sarabun (the report's charts as the sidebar would draw them). */
export function svgToPng(svg: string): Buffer {
  const { Resvg } = requireHere('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
  const fonts = sarabunFiles();
  const resvg = new Resvg(decomposeSaraAm(svg), {
    font: { fontFiles: [fonts.regular, fonts.bold], loadSystemFonts: false, defaultFontFamily: 'Sarabun' },
    fitTo: { mode: 'zoom', value: 2 },
  });
  return Buffer.from(resvg.render().asPng());
}
