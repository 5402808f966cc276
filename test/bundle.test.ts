import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';
import { parse } from 'acorn';
import { ROOT } from './helpers/workbook';

// dist/Code.js is what clasp pushes; jest's global setup (test/global-setup.cjs) builds it before any test.
const code = readFileSync(join(ROOT, 'dist', 'Code.js'), 'utf8');
const entryPoints: string[] = JSON.parse(readFileSync(join(ROOT, 'build', 'entry-points.json'), 'utf8'));

function newestSourceTime(dir: string): number {
  return Math.max(
    ...readdirSync(dir, { withFileTypes: true }).map((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? newestSourceTime(path) : statSync(path).mtimeMs;
    }),
  );
}

describe('the Apps Script bundle', () => {
  test('is built from the current source (a bare `npx jest` never tests a stale bundle)', () => {
    const sources = newestSourceTime(join(ROOT, 'src'));
    for (const bundle of ['dist/Code.js', 'dist/Sidebar.html', 'build/cli.cjs', 'build/local.cjs']) {
      expect(statSync(join(ROOT, bundle)).mtimeMs).toBeGreaterThanOrEqual(sources);
    }
  });

  test('has no module syntax left', () => {
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
  });

  test('parses as ES2019: no BigInt literal (the Apps Script editor rejects 10n), no ?. or ??', () => {
    expect(() => parse(code, { ecmaVersion: 2019 })).not.toThrow();
  });

  test('loads in a bare context and exposes every entry point as a top-level function', () => {
    const context = vm.createContext({});
    vm.runInContext(code, context);
    expect(entryPoints).toEqual(expect.arrayContaining(['onOpen', 'onInstall', 'apiAnalyze']));
    for (const name of entryPoints) {
      expect(code).toMatch(new RegExp(`^function ${name}\\(\\)`, 'm'));
      expect(vm.runInContext(`typeof ${name}`, context)).toBe('function');
    }
  });

  test('ships the manifest: V8, Bangkok, explicit scopes, no full Drive scope', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'dist', 'appsscript.json'), 'utf8'));
    expect(manifest).toMatchObject({ runtimeVersion: 'V8', timeZone: 'Asia/Bangkok' });
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/drive');
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/spreadsheets');
  });

  test('every service the bundle touches is covered by a scope of the manifest', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'dist', 'appsscript.json'), 'utf8'));
    const scope = (s: string) => `https://www.googleapis.com/auth/${s}`;
    const needs: [RegExp, string][] = [
      [/\bSpreadsheetApp\./, scope('spreadsheets.currentonly')],
      [/\.(showSidebar|showModalDialog|alert)\(/, scope('script.container.ui')],
      [/\bDocumentApp\./, scope('documents')],
      [/\bDocs\.Documents\./, scope('documents')],
      [/\bDrive\.(Files|Permissions)\./, scope('drive.file')],
      [/\bgetEffectiveUser\(\)|\bgetActiveUser\(\)/, scope('userinfo.email')],
    ];
    const needed = needs.filter(([pattern]) => pattern.test(code)).map(([, scope]) => scope);
    expect(needed.length).toBeGreaterThanOrEqual(5);
    expect(manifest.oauthScopes).toEqual(expect.arrayContaining(needed));
    // Services whose scopes the add-on must never ask for.
    expect(code).not.toMatch(/\b(DriveApp|GmailApp|UrlFetchApp|MailApp)\./);
    const advanced = manifest.dependencies.enabledAdvancedServices.map(
      (s: { userSymbol: string }) => s.userSymbol,
    );
    const used = ['Drive', 'Docs'].filter((service) => new RegExp(`\\b${service}\\.`).test(code));
    expect(used).toEqual(['Drive', 'Docs']);
    expect(advanced).toEqual(expect.arrayContaining(used));
  });
});

describe('the sidebar page', () => {
  const html = readFileSync(join(ROOT, 'dist', 'Sidebar.html'), 'utf8');

  test('is one small file with its script and style inline, no scriptlets and no other host', () => {
    // Both languages' strings ride along, the Thai at 3 bytes a character, and the chart drawing
    // (core/report/chart-svg): about 80 KB in all. The chart font is not in it: the first build asks for it. Long
    // fixed words come with the server's answers instead (the findings', the sharing advice, the roll-up
    // cards', the installation check's step names).
    expect(Buffer.byteLength(html)).toBeLessThan(80 * 1024);
    expect(html).not.toContain('<?');
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=/i);
    // The SVG namespace names no host the page reaches: the charts it draws need it.
    expect(html.split('http://www.w3.org/2000/svg').join('')).not.toMatch(/https?:\/\//);
  });

  test('stays within 25 KB gzipped, and the size the docs give is the one measured here', () => {
    const bytes = Buffer.byteLength(html);
    const gzipped = gzipSync(html).length;
    expect(gzipped).toBeLessThanOrEqual(25 * 1024);
    // The figure is rounded (the page, to 5 KB; gzipped, to the KB) so that a small change keeps it true.
    const figure = `about ${Math.round(bytes / 5120) * 5} KB, ${Math.round(gzipped / 1024)} KB gzipped`;
    const stated = ['README.md', join('docs', 'sidebar.md')].flatMap((file) =>
      [
        ...readFileSync(join(ROOT, file), 'utf8').matchAll(
          /\(about \d+ KB(?:, \d+ KB gzipped)?, script and style/g,
        ),
      ].map((m) => `${file}: ${m[0]}`),
    );
    expect(stated.length).toBeGreaterThan(0);
    for (const line of stated) expect(line).toContain(`(${figure}, script and style`);
  });

  test('every server function it calls is a top-level function of the bundle', () => {
    const called = [...new Set(html.match(/\bapi[A-Z]\w+/g))];
    expect(called.length).toBeGreaterThan(5);
    for (const name of called) expect(entryPoints).toContain(name);
  });
});
