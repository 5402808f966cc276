import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

// The tests read the report's PDF with PDF.js from npm (test/helpers/pdf-read.mjs), so they need no system
// package: the text a page line by line, a page's pixels, and the page images to look at.

const READER = join(__dirname, 'pdf-read.mjs');

function read(args: string[]): string {
  return execFileSync(process.execPath, [READER, ...args], { encoding: 'utf8', maxBuffer: 256 << 20 });
}

/** Each page's text lines, top to bottom (as `pdftotext -layout` lays them, without its column padding). */
export function pdfPages(file: string): string[][] {
  return JSON.parse(read(['text', file])) as string[][];
}

/** The whole text, pages apart by a blank line. */
export function pdfText(file: string): string {
  return pdfPages(file)
    .map((lines) => lines.join('\n'))
    .join('\n\n');
}

/** One page as grey pixels (0 black, 255 white), a Buffer a row. */
export function pageGrey(file: string, page: number, dpi: number): { width: number; rows: Buffer[] } {
  const { width, height, grey } = JSON.parse(read(['grey', file, String(page), String(dpi)])) as {
    width: number;
    height: number;
    grey: string;
  };
  const bytes = Buffer.from(grey, 'base64');
  return {
    width,
    rows: Array.from({ length: height }, (_, y) => bytes.subarray(y * width, (y + 1) * width)),
  };
}

/** Which pixel rows of each page hold ink (a pixel darker than light grey), top to bottom, at `dpi`. */
export function inkedRows(file: string, dpi: number): boolean[][] {
  return (JSON.parse(read(['rows', file, String(dpi)])) as string[]).map((rows) =>
    Array.from(rows, (c) => c === '1'),
  );
}

/** Writes every page as DIR/page-NN.png, to look at; returns the number of pages. */
export function writePagePngs(file: string, dir: string, dpi = 60): number {
  return Number(read(['png', file, dir, String(dpi)]));
}

/**
 * Thai text with its above and below marks taken out, and sara am as its two parts. The report's PDF maps
 * some mark glyphs (a vowel moved to clear a tall consonant) to no character; `pdftotext` restores them from
 * the PDF's ActualText, which PDF.js does not read. Comparing both sides this way still checks every
 * consonant, vowel on the line, digit and Latin letter, in order.
 */
export function bare(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a glyph with no character comes out as NUL
  return text.normalize('NFKC').replace(/[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u0000]/g, '');
}
