import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

/** Modes a warm browser could not print in (npm's Chromium as nobody, say): not tried again. */
const failedModes = new Set<ChromiumMode>();

/** The modes to try, safest first; the first that works is kept for the rest of the process. */
function modes(): ChromiumMode[] {
  if (workingMode) return [workingMode];
  const all: ChromiumMode[] = isRoot() ? ['nobody-sandbox', 'no-sandbox'] : ['sandbox', 'no-sandbox'];
  const left = all.filter((m) => !failedModes.has(m));
  return left.length > 0 ? left : all;
}

/** The way Chromium last printed (null before the first PDF). */
export function chromiumMode(): ChromiumMode | null {
  return workingMode;
}

/** How the worker process is started in a mode: its Chromium flags, and the user it runs as. */
function workerLaunch(chromium: string, mode: ChromiumMode, home: string | null) {
  const sandbox = mode !== 'no-sandbox';
  return {
    browsing: {
      chromium,
      sandbox,
      args: sandbox ? CHROMIUM_ARGS.filter((a) => a !== '--no-sandbox') : CHROMIUM_ARGS,
    },
    spawn: home
      ? {
          ...NOBODY,
          cwd: home,
          env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, TMPDIR: home },
        }
      : {},
  };
}

/** A private folder for a worker that runs as nobody (its browser profile), or null when it runs as us. */
function workerHome(mode: ChromiumMode): string | null {
  if (mode !== 'nobody-sandbox') return null;
  const home = mkdtempSync(join(tmpdir(), 'ita-pdf-'));
  spawnSync('chown', [`${NOBODY.uid}:${NOBODY.gid}`, home]);
  return home;
}

const WORKER = () => join(packageRoot(), 'build', 'pdf-worker.cjs');

function printOnce(html: string, chromium: string, mode: ChromiumMode): Buffer {
  const home = workerHome(mode);
  try {
    const { browsing, spawn } = workerLaunch(chromium, mode, home);
    const run = spawnSync(process.execPath, [WORKER()], {
      input: JSON.stringify({ html, ...browsing }),
      maxBuffer: 512 * 1024 * 1024,
      timeout: 120_000,
      ...spawn,
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

const WAIT = new Int32Array(new SharedArrayBuffer(4));

/** Whether a process is running (on Linux, where /proc tells; elsewhere assumed, and the wait's limit holds). */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) [ZX] /s.test(stat);
  } catch (_e) {
    return !existsSync('/proc/self/stat');
  }
}

/** What a warm worker wrote in its folder: the PDF, or its failure thrown; blocks until one is there. */
function awaitPdf(dir: string, pid: number): Buffer {
  const until = Date.now() + 120_000;
  for (;;) {
    if (existsSync(join(dir, 'out.pdf'))) return readFileSync(join(dir, 'out.pdf'));
    if (existsSync(join(dir, 'error.txt')))
      throw new Error(`Chromium could not print the PDF: ${readFileSync(join(dir, 'error.txt'), 'utf8')}`);
    if (!running(pid) || Date.now() > until)
      throw new Error('Chromium could not print the PDF: the worker stopped');
    Atomics.wait(WAIT, 0, 0, 10);
  }
}

/**
 * A PdfWriter whose Chromium is started now, while the workbook is read and the report made (two to four
 * seconds of a command's time), for the first PDF; a second PDF, or a first the warm browser could not
 * print, is printed as `htmlToPdf` prints. `close` stops the browser when no PDF was asked for. No writer
 * (and no browser) when a PDF is not `wanted` or no Chromium can be had.
 */
export function warmChromiumPdfWriter(wanted = true): {
  write: ((doc: DocData) => Buffer) | null;
  close: () => void;
  worker?: ChildProcess;
} {
  const chromium = wanted ? findChromium() : null;
  if (!chromium) return { write: null, close: () => {} };
  const mode = modes()[0];
  const home = workerHome(mode);
  const dir = mkdtempSync(join(home ?? tmpdir(), 'ita-warm-'));
  if (home) spawnSync('chown', [`${NOBODY.uid}:${NOBODY.gid}`, dir]);
  const { browsing, spawn: options } = workerLaunch(chromium, mode, home);
  const job = JSON.stringify({ dir, home, ...browsing });
  const worker = spawn(process.execPath, [WORKER(), '--warm', job], {
    ...options,
    stdio: 'ignore',
  });
  worker.on('error', () => {}); // a worker that did not start: the PDF is then printed as htmlToPdf prints it
  // Its folders are removed once it has exited too, whatever happened to it (the worker removes its home
  // itself, but a worker that failed may not have).
  worker.on('exit', () => {
    try {
      rmSync(home ?? dir, { recursive: true, force: true, maxRetries: 5 });
    } catch (_e) {
      // A leftover folder in the temporary folder is no reason to fail a build.
    }
  });
  worker.unref();
  let used = false;
  // Removing the job's folder tells the worker to stop; the worker removes `home` once its browser is closed.
  const close = () => {
    used = true;
    rmSync(dir, { recursive: true, force: true });
  };
  const write = (doc: DocData): Buffer => {
    const html = docToHtml(doc);
    if (used || worker.pid === undefined) return htmlToPdf(html, chromium);
    used = true;
    try {
      writeFileSync(join(dir, 'page.html.part'), html);
      renameSync(join(dir, 'page.html.part'), join(dir, 'page.html'));
      const pdf = awaitPdf(dir, worker.pid);
      workingMode = mode;
      return pdf;
    } catch (_e) {
      failedModes.add(mode);
      return htmlToPdf(html, chromium);
    } finally {
      close();
    }
  };
  return { write, close, worker };
}
