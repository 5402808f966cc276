// Builds what clasp pushes (dist/: Code.js, appsscript.json) and the local CLI (build/cli.cjs).
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import * as esbuild from 'esbuild';

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
  target: 'es2020',
  minify: false,
  legalComments: 'none',
  outfile: 'dist/Code.js',
  footer: { js: `\n${stubs}\n` },
});
copyFileSync('appsscript.json', 'dist/appsscript.json');
writeFileSync('build/entry-points.json', `${JSON.stringify(exportsOfEntry, null, 2)}\n`);

for (const [entry, out] of [
  ['src/cli/index.ts', 'build/cli.cjs'],
  ['src/local/index.ts', 'build/local.cjs'],
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
