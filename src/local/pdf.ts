import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docToHtml } from './doc-html';
import type { DocData } from './runtime/document';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Debian's Chromium (or $CHROMIUM_PATH), or null where there is none. */
export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/** What this closed network needs: no background requests, and no sandbox when running as root. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function chromiumFlags(profileDir: string): string[] {
  return ['--headless', ...CHROMIUM_ARGS, `--user-data-dir=${profileDir}`];
}

/** Prints an HTML page to PDF with headless Chromium, synchronously (as Document.getAs is). */
export function htmlToPdf(html: string, chromium: string): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'ita-pdf-'));
  try {
    const page = join(dir, 'page.html');
    const out = join(dir, 'out.pdf');
    writeFileSync(page, html);
    execFileSync(
      chromium,
      [
        ...chromiumFlags(join(dir, 'profile')),
        '--no-pdf-header-footer',
        `--print-to-pdf=${out}`,
        `file://${page}`,
      ],
      { stdio: 'ignore', timeout: 120_000 },
    );
    return readFileSync(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A PdfWriter for the local DocumentApp, or null when no Chromium is installed. */
export function chromiumPdfWriter(): ((doc: DocData) => Buffer) | null {
  const chromium = findChromium();
  return chromium ? (doc) => htmlToPdf(docToHtml(doc), chromium) : null;
}
