import { spawnSync } from 'node:child_process';

/** poppler-utils (pdftotext, pdftoppm), which the tests use to read the report's PDF as text and pixels. */
export const POPPLER = ['pdftotext', 'pdftoppm'].every((tool) => spawnSync(tool, ['-v']).error === undefined);

/**
 * `describe` for tests that read a PDF with poppler-utils; where it is missing they are skipped with a
 * message (`npm test` on a bare machine). CI installs it (.ci/run), so there a missing tool fails loudly.
 */
export function describeWithPoppler(name: string, tests: () => void): void {
  if (POPPLER || process.env.CI) {
    describe(name, tests);
    return;
  }
  console.warn(`${name}: skipped, no poppler-utils (pdftotext, pdftoppm); apt-get install poppler-utils`);
  describe.skip(name, tests);
}
