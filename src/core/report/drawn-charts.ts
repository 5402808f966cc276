import { type SheetsChartSpec, sheetsChartSpec } from './chart-spec';
import type { ReportModel } from './model';
import type { ChartBlock } from './writer';

/**
 * A chart the sidebar drew for the build: the key of the spec it drew from (chartsToDraw) and the picture,
 * a PNG in base64. The server takes it for the model's chart of the very same spec only.
 */
export interface DrawnChart {
  key: string;
  png: string;
}

const MAX_CHARTS = 8;
/** About 3 MB of PNG: a chart drawn at twice its size is a tenth of that. */
const MAX_PNG_CHARS = 4_000_000;
const MAX_KEY_CHARS = 100_000;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The key a chart is known by between the sidebar and the server: its spec, as JSON. */
export function chartKey(block: ChartBlock): string {
  return JSON.stringify(sheetsChartSpec(block));
}

/** A chart for the sidebar to draw: its spec, and the key to hand back with the picture. */
export interface ChartToDraw {
  key: string;
  spec: SheetsChartSpec;
}

/** A report's charts, in order: what the sidebar draws. */
export function chartsToDraw(model: ReportModel): ChartToDraw[] {
  return model.blocks
    .filter((b): b is ChartBlock => b.kind === 'chart')
    .map((block) => ({ key: chartKey(block), spec: sheetsChartSpec(block) }));
}

/**
 * What a server call was handed as drawn charts, kept only where it has the shape of one: anything else from
 * the page is dropped, and the server draws those charts itself.
 */
export function drawnChartsOf(input: unknown): DrawnChart[] {
  if (!Array.isArray(input)) return [];
  return input.slice(0, MAX_CHARTS).filter((c): c is DrawnChart => {
    if (typeof c !== 'object' || c === null) return false;
    const { key, png } = c as Record<string, unknown>;
    return (
      typeof key === 'string' &&
      key.length <= MAX_KEY_CHARS &&
      typeof png === 'string' &&
      png.length <= MAX_PNG_CHARS &&
      png.length % 4 === 0 &&
      BASE64.test(png)
    );
  });
}

/** Whether bytes (Apps Script's signed bytes, or plain ones) begin as a PNG file does. */
export function isPng(bytes: ArrayLike<number>): boolean {
  return bytes.length > PNG_SIGNATURE.length && PNG_SIGNATURE.every((b, i) => (bytes[i] & 0xff) === b);
}
