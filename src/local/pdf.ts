import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docToHtml } from './doc-html';
import { packageRoot } from './package-root';
import type { DocData } from './runtime/document';

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * The Chromium that renders the local PDF and runs the browser tests: $CHROMIUM_PATH; else the system's
 * (Debian's package); else the one the npm package @sparticuz/chromium ships. ITA_REPORT_CHROMIUM=npm
 * passes over the system's, to try a machine that has none.
 */
export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  if (process.env.ITA_REPORT_CHROMIUM !== 'npm') {
    const system = SYSTEM_CHROMIUM.find((path) => existsSync(path));
    if (system) return system;
  }
  return npmChromium();
}

let unpacked: string | null | undefined;

/** @sparticuz/chromium's browser, unpacked (once, a few seconds) into the temporary folder; null without it. */
function npmChromium(): string | null {
  if (unpacked !== undefined) return unpacked;
  // executablePath() is asynchronous; a child process makes it synchronous, as Document.getAs is.
  const run = spawnSync(
    process.execPath,
    ['-e', "require('@sparticuz/chromium').executablePath().then((p) => process.stdout.write(p))"],
    { cwd: packageRoot(), encoding: 'utf8', timeout: 120_000 },
  );
  const path = run.status === 0 ? run.stdout.trim() : '';
  unpacked = path && existsSync(path) ? path : null;
  return unpacked;
}

/** The flags of every run: no background requests on this closed network, no sandbox as root (the PDF worker turns it back on where it can), and glyph advances as the font gives them. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Glyph advances as the font gives them, not snapped to pixels: the same line breaks from every
  // Chromium build (the npm package's otherwise breaks some table cells a line earlier than Debian's).
  '--font-render-hinting=none',
];

/**
 * How Chromium prints the report: as ourselves, sandboxed; when we are root (Chromium refuses its sandbox to
 * root), as `nobody`, sandboxed; `--no-sandbox` only where neither works. In every mode the page runs no
 * script and every request is refused (build/pdf-worker.cjs), and the page's Content-Security-Policy
 * loads nothing (docToHtml).
 */
export type ChromiumMode = 'sandbox' | 'nobody-sandbox' | 'no-sandbox';

/** The unprivileged user and group Chromium runs as when we are root. */
const NOBODY = { uid: 65534, gid: 65534 };

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

let workingMode: ChromiumMode | null = null;

/** The modes to try, safest first; the first that works is kept for the rest of the process. */
function modes(): ChromiumMode[] {
  if (workingMode) return [workingMode];
  return isRoot() ? ['nobody-sandbox', 'no-sandbox'] : ['sandbox', 'no-sandbox'];
}

/** The way Chromium last printed (null before the first PDF). */
export function chromiumMode(): ChromiumMode | null {
  return workingMode;
}

function printOnce(html: string, chromium: string, mode: ChromiumMode): Buffer {
  const worker = join(packageRoot(), 'build', 'pdf-worker.cjs');
  const sandboxed = mode !== 'no-sandbox';
  const asNobody = mode === 'nobody-sandbox';
  // nobody's own temporary folder (for the browser profile), removed afterwards.
  const home = asNobody ? mkdtempSync(join(tmpdir(), 'ita-pdf-')) : null;
  try {
    if (home) spawnSync('chown', [`${NOBODY.uid}:${NOBODY.gid}`, home]);
    const run = spawnSync(process.execPath, [worker], {
      input: JSON.stringify({
        html,
        chromium,
        sandbox: sandboxed,
        args: sandboxed ? CHROMIUM_ARGS.filter((a) => a !== '--no-sandbox') : CHROMIUM_ARGS,
      }),
      maxBuffer: 512 * 1024 * 1024,
      timeout: 120_000,
      ...(home
        ? {
            ...NOBODY,
            cwd: home,
            env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, TMPDIR: home },
          }
        : {}),
    });
    if (run.status !== 0 || run.stdout.length === 0) {
      const why = run.error?.message ?? run.stderr.toString().trim();
      throw new Error(`Chromium could not print the PDF: ${why || `exit ${run.status}`}`);
    }
    return run.stdout;
  } finally {
    if (home) rmSync(home, { recursive: true, force: true });
  }
}

/**
 * Prints an HTML page to PDF with headless Chromium, synchronously (as Document.getAs is): a child
 * process (build/pdf-worker.cjs) drives the browser with playwright-core, the page's script disabled and
 * every request refused, in the safest mode this machine allows.
 */
export function htmlToPdf(html: string, chromium: string): Buffer {
  let failure: unknown = null;
  for (const mode of modes()) {
    try {
      const pdf = printOnce(html, chromium, mode);
      workingMode = mode;
      return pdf;
    } catch (e) {
      failure = e;
    }
  }
  throw failure;
}

/** A PdfWriter for the local DocumentApp, or null when no Chromium can be had. */
export function chromiumPdfWriter(): ((doc: DocData) => Buffer) | null {
  const chromium = findChromium();
  return chromium ? (doc) => htmlToPdf(docToHtml(doc), chromium) : null;
}
