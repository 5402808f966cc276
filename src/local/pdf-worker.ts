// Prints HTML to PDF with Chromium, as a child process, so that the local DocumentApp can make a PDF
// synchronously, as Document.getAs does. Two ways to run it:
// - one job on standard input (JSON { html, chromium, args, sandbox }), the PDF on standard output;
// - `--warm JSON` (JSON { dir, chromium, args, sandbox }): Chromium is started at once, ahead of the job, and
//   the page waits for `page.html` to appear in `dir`. The PDF is written as `dir/out.pdf` (whole, by a
//   rename) or the failure as `dir/error.txt`. It prints once, then closes; it also closes when `dir` is
//   removed, when the process that started it is gone, or after IDLE_MS with no job.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

interface Browsing {
  chromium: string;
  args: string[];
  /** Chromium's own sandbox (playwright passes --no-sandbox unless this is set). */
  sandbox?: boolean;
}

interface PrintJob extends Browsing {
  html: string;
}

const IDLE_MS = 120_000;
const POLL_MS = 15;
/** The process that started this one: once it is gone (this one handed to another parent), nobody waits. */
const PARENT = process.ppid;

/** Chromium with one inert page: no script runs, and it reaches no file and no host (its fonts and images are data: URLs inside it). */
async function inertPage(job: Browsing): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({
    executablePath: job.chromium,
    args: job.args,
    headless: true,
    chromiumSandbox: job.sandbox ?? false,
  });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false });
    await context.route('**/*', (route) => route.abort());
    return { browser, page: await context.newPage() };
  } catch (e) {
    await browser.close();
    throw e;
  }
}

async function printOn(page: Page, html: string): Promise<Buffer> {
  await page.setContent(html, { waitUntil: 'load' });
  return page.pdf({ preferCSSPageSize: true, printBackground: true });
}

async function print(job: PrintJob): Promise<Buffer> {
  const { browser, page } = await inertPage(job);
  try {
    return await printOn(page, job.html);
  } finally {
    await browser.close();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The job's HTML once it is there; null when the wait is over (the folder removed, the parent gone, idle). */
async function awaitJob(dir: string): Promise<string | null> {
  const until = Date.now() + IDLE_MS;
  const file = join(dir, 'page.html');
  while (existsSync(dir) && process.ppid === PARENT && Date.now() < until) {
    if (existsSync(file)) return readFileSync(file, 'utf8');
    await sleep(POLL_MS);
  }
  return null;
}

interface WarmJob extends Browsing {
  dir: string;
  /** The folder this process was given as its home (running as nobody), removed once the browser is closed. */
  home: string | null;
}

async function serveOnce(job: WarmJob): Promise<void> {
  const { browser, page } = await inertPage(job);
  try {
    const html = await awaitJob(job.dir);
    if (html === null) return;
    const pdf = await printOn(page, html);
    writeFileSync(join(job.dir, 'out.pdf.part'), pdf);
    renameSync(join(job.dir, 'out.pdf.part'), join(job.dir, 'out.pdf'));
  } finally {
    await browser.close();
  }
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

const warm = process.argv.indexOf('--warm');
if (warm >= 0) {
  const job = JSON.parse(process.argv[warm + 1]) as WarmJob;
  serveOnce(job)
    .catch((error: unknown) => {
      // Its folder removed while Chromium was starting: it was told to stop, and has.
      if (!existsSync(job.dir)) return;
      writeFileSync(join(job.dir, 'error.txt'), message(error));
      process.exitCode = 1;
    })
    .finally(() => {
      // Chromium's helpers may still be writing their profile for a moment after the browser closed.
      try {
        if (job.home) rmSync(job.home, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
      } catch (error) {
        process.stderr.write(`${message(error)}\n`);
      }
    });
} else {
  print(JSON.parse(readFileSync(0, 'utf8')) as PrintJob).then(
    (pdf) => process.stdout.write(pdf),
    (error: unknown) => {
      process.stderr.write(`${message(error)}\n`);
      process.exitCode = 1;
    },
  );
}
