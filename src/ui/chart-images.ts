import type { SheetsChartSpec } from '../core/report/chart-spec';
import { chartSvg } from '../core/report/chart-svg';
import type { ChartToDraw, DrawnChart } from '../core/report/drawn-charts';

/** Charts drawn at twice their size, as Sheets' images are, so they stay sharp in the PDF. */
const SCALE = 2;
/** Past this the server draws the charts instead: a slow page must not hold the click. */
const DRAW_LIMIT_MS = 20_000;
/** The pause between a chart's first draw (thrown away) and the one kept. */
const FONT_SETTLE_MS = 50;

/**
 * Sarabun inside the SVG: an SVG drawn as an image loads nothing of its own, and the page's fonts do not
 * reach it. The font came from the server (base64 TTF), so nothing is fetched from another host.
 */
function fontFace(font: string): string {
  return `@font-face{font-family:'Sarabun';src:url(data:font/ttf;base64,${font}) format('truetype');}`;
}

/** One chart as a PNG in base64: the report's SVG, the font inside, drawn on a canvas. */
async function pngOf(spec: SheetsChartSpec, face: string): Promise<string> {
  const svg = chartSvg(spec.type, spec.grid, spec.options).replace('>', `><style>${face}</style>`);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  // Safari may apply an SVG image's embedded font only from its second draw: draw it once, let the page
  // breathe, and keep the second. Chromium draws the same picture both times. (Not testable here: no Safari.)
  document.createElement('canvas').getContext('2d')?.drawImage(image, 0, 0);
  await new Promise((resolve) => setTimeout(resolve, FONT_SETTLE_MS));
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth * SCALE;
  canvas.height = image.naturalHeight * SCALE;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  context.scale(SCALE, SCALE);
  context.drawImage(image, 0, 0);
  return canvas.toDataURL('image/png').slice('data:image/png;base64,'.length);
}

async function drawAll(charts: readonly ChartToDraw[], font: string): Promise<DrawnChart[]> {
  const face = fontFace(font);
  const drawn: DrawnChart[] = [];
  for (const chart of charts) drawn.push({ key: chart.key, png: await pngOf(chart.spec, face) });
  return drawn;
}

/**
 * The report's charts drawn here, in Sarabun, for the build to put in the Doc as they are. Sheets draws
 * them on the server when this cannot (no font, no canvas, too slow): slower, never wrong.
 */
export async function drawCharts(charts: readonly ChartToDraw[], font: string | null): Promise<DrawnChart[]> {
  if (charts.length === 0 || !font || !/^[A-Za-z0-9+/]+={0,2}$/.test(font)) return [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<DrawnChart[]>((resolve) => {
    timer = setTimeout(() => resolve([]), DRAW_LIMIT_MS);
  });
  try {
    return await Promise.race([drawAll(charts, font), late]);
  } catch (_e) {
    return [];
  } finally {
    clearTimeout(timer);
  }
}
