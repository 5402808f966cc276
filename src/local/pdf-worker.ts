// Prints one HTML page to PDF and writes the PDF to standard output. Run as a child process
// (build/pdf-worker.cjs) so that the local DocumentApp can make a PDF synchronously, as Document.getAs does.
// Input on standard input: JSON { html, chromium, args }.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

interface PrintJob {
  html: string;
  chromium: string;
  args: string[];
  /** Chromium's own sandbox (playwright passes --no-sandbox unless this is set). */
  sandbox?: boolean;
}

async function print(job: PrintJob): Promise<Buffer> {
  const browser = await chromium.launch({
    executablePath: job.chromium,
    args: job.args,
    headless: true,
    chromiumSandbox: job.sandbox ?? false,
  });
  try {
    // The page is inert: no script runs, and it reaches no file and no host (its fonts and images are
    // data: URLs inside it).
    const context = await browser.newContext({ javaScriptEnabled: false });
    await context.route('**/*', (route) => route.abort());
    const page = await context.newPage();
    await page.setContent(job.html, { waitUntil: 'load' });
    return await page.pdf({ preferCSSPageSize: true, printBackground: true });
  } finally {
    await browser.close();
  }
}

print(JSON.parse(readFileSync(0, 'utf8')) as PrintJob).then(
  (pdf) => process.stdout.write(pdf),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
