import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Frame, type FrameLocator, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPdfWriter, findChromium } from '../../src/local/pdf';
import { type LocalServer, startLocalServer } from '../../src/local/serve';

// The browser tests' set-up, shared with `npm run guide:shots`: the local server on a workbook, the page
// with the sidebar 300 px wide in its frame, axe-core, and the helpers to wait, press keys and look.

export const ROOT = join(__dirname, '..', '..');
export const DIST = join(ROOT, 'dist');
export const OUT = join(ROOT, 'out');
export const SAMPLE = join(ROOT, 'samples', 'oie-2568.xlsx');
export const MIDYEAR = join(ROOT, 'samples', 'oie-2568-midyear.xlsx');
export const CHROMIUM = findChromium();

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Chromium is the system's or the npm package's; where neither runs the browser tests are skipped, never in CI. */
export const describeBrowser = CHROMIUM || process.env.CI ? describe : describe.skip;

/** One browser for a test file: launched before its tests (where they run), closed after; given by the getter. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (!CHROMIUM && !process.env.CI) return;
    mkdirSync(OUT, { recursive: true });
    browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser as Browser;
}

export interface Opened {
  page: Page;
  sidebar: FrameLocator;
  frame: () => Frame;
}

export async function open(
  browser: Browser,
  server: LocalServer,
  init?: string,
  height = 900,
): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width: 1100, height } });
  if (init) await page.addInitScript(init);
  await page.goto(`${server.url}/`);
  const frame = () => {
    const f = page.frame({ url: /\/sidebar$/ });
    if (!f) throw new Error('no sidebar frame');
    return f;
  };
  return { page, sidebar: page.frameLocator('#sidebar'), frame };
}

/** Runs `work` against a local server on a workbook (none: an empty spreadsheet), PDFs through Chromium. */
export async function withServer(
  workbook: string | null,
  work: (server: LocalServer) => Promise<void>,
): Promise<void> {
  const server = await startLocalServer({
    workbook: workbook ?? undefined,
    distDir: DIST,
    pdf: chromiumPdfWriter(),
  });
  try {
    await work(server);
  } finally {
    await server.close();
  }
}

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations of the sidebar as it is now (rule id and the elements). */
export function seriousViolations(o: Opened): Promise<string[]> {
  return seriousViolationsIn(o.frame());
}

/** The same, of a frame (a sidebar opened without `open`). */
export async function seriousViolationsIn(frame: Frame): Promise<string[]> {
  if (!(await frame.evaluate('typeof axe !== "undefined"'))) await frame.addScriptTag({ content: AXE });
  // target-size (24 px, WCAG 2.2) is off by default: asked for here.
  const run =
    'axe.run(document, { resultTypes: ["violations"], rules: { "target-size": { enabled: true } } })';
  const result = (await frame.evaluate(run)) as {
    violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
  };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export const focusedId = (o: Opened) =>
  o.frame().evaluate('document.activeElement ? document.activeElement.id : ""') as Promise<string>;

export async function expectText(locator: ReturnType<FrameLocator['locator']>, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ timeout: 15_000 });
}

/** The live region's text, once it holds `part` (it is emptied, then filled, for each announcement). */
export async function announced(o: Opened, part: string): Promise<string> {
  await o
    .frame()
    .waitForFunction(`document.getElementById("live").textContent.includes(${JSON.stringify(part)})`);
  return (await o.frame().evaluate('document.getElementById("live").textContent')) as string;
}

/**
 * The sidebar (300 px wide) as a person sees it, or one card of it, written to `path`; a card taller than
 * `maxHeight` is cut there (the guide's pictures stay small).
 */
export async function shot(o: Opened, path: string, card?: string, maxHeight?: number): Promise<void> {
  if (!card) return void (await o.page.locator('#sidebar').screenshot({ path }));
  const el = o.sidebar.locator(card);
  if (!maxHeight) return void (await el.screenshot({ path }));
  await el.scrollIntoViewIfNeeded();
  await o
    .frame()
    .evaluate(`document.querySelector(${JSON.stringify(card)}).scrollIntoView({ block: 'start' })`);
  const box = await el.boundingBox();
  if (!box) throw new Error(`${card} is not on the page`);
  await o.page.screenshot({ path, clip: { ...box, height: Math.min(box.height, maxHeight) } });
}
