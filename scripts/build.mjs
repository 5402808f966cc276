// Builds what clasp pushes (dist/: Code.js, appsscript.json) and the local CLI (build/cli.cjs).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';
import subsetFont from 'subset-font';
import { buildGuide } from './guide-html.mjs';

const GLOBAL = 'ItaReport_';
mkdirSync('dist', { recursive: true });
mkdirSync('build', { recursive: true });

// esbuild lists an entry's exports only for ESM output, so probe them first.
const probe = await esbuild.build({
  entryPoints: ['src/server/index.ts'],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  write: false,
  metafile: true,
  outfile: 'probe.js',
});
const exportsOfEntry = Object.values(probe.metafile.outputs)[0].exports;

// Apps Script finds menu targets, triggers and google.script.run targets only as top-level function
// declarations, so each export gets a stub that forwards its arguments (event objects included).
const stubs = exportsOfEntry
  .map((name) => `function ${name}() { return ${GLOBAL}.${name}.apply(this, arguments); }`)
  .join('\n');

await esbuild.build({
  entryPoints: ['src/server/index.ts'],
  bundle: true,
  format: 'iife',
  globalName: GLOBAL,
  platform: 'neutral',
  // es2019: optional chaining and ?? are lowered, for the oldest syntax Apps Script's editor accepts.
  target: 'es2019',
  minify: false,
  legalComments: 'none',
  outfile: 'dist/Code.js',
  footer: { js: `\n${stubs}\n` },
});
copyFileSync('appsscript.json', 'dist/appsscript.json');
// The chart font the sidebar draws with, a project file the server reads when asked (src/server/chart-font.ts):
// Sarabun cut to what chart labels are written in (Latin, Thai, common punctuation), 83 KB to 45 KB, since a
// page's first build carries it. A character outside it is drawn in the browser's own font.
const sarabun = createRequire(import.meta.url).resolve(
  '@expo-google-fonts/sarabun/400Regular/Sarabun_400Regular.ttf',
);
const range = (from, to) =>
  String.fromCodePoint(...Array.from({ length: to - from + 1 }, (_, i) => from + i));
const chartText = `${range(0x20, 0x7e)}${range(0xa0, 0xff)}${range(0xe01, 0xe5b)}–—‘’“”…•−×÷`;
const chartFont = await subsetFont(readFileSync(sarabun), chartText, { targetFormat: 'truetype' });
writeFileSync('dist/ChartFont.html', Buffer.from(chartFont).toString('base64'));
writeFileSync('build/entry-points.json', `${JSON.stringify(exportsOfEntry, null, 2)}\n`);

// The sidebar: one HTML file, its script and style inlined (HtmlService serves project files, not folders).
const ui = await esbuild.build({
  entryPoints: ['src/ui/sidebar.ts'],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  minify: true,
  // Thai text as UTF-8 rather than \u escapes: a third of the size (the page is served as UTF-8).
  charset: 'utf8',
  write: false,
  legalComments: 'none',
});
const css = await esbuild.transform(readFileSync('src/ui/sidebar.css', 'utf8'), {
  loader: 'css',
  minify: true,
});
const script = ui.outputFiles[0].text;
if (script.includes('<?') || css.code.includes('<?'))
  throw new Error('The sidebar must not contain scriptlet markers (<?)');
const page = readFileSync('src/ui/sidebar.html', 'utf8')
  .replace('/*CSS*/', () => css.code)
  .replace('/*JS*/', () => script.replace(/<\/script/gi, '<\\/script'));
writeFileSync('dist/Sidebar.html', page);
// The guide, opened by the sidebar's "วิธีใช้" in a dialog (apiShowGuide): docs/guide-th.md, pictures inline.
writeFileSync('dist/Guide.html', buildGuide('docs/guide-th.md'));

for (const [entry, out] of [
  ['src/cli/index.ts', 'build/cli.cjs'],
  ['src/local/index.ts', 'build/local.cjs'],
  ['src/local/pdf-worker.ts', 'build/pdf-worker.cjs'],
]) {
  await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outfile: out,
    logLevel: 'warning',
  });
}
