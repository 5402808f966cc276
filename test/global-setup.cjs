// Jest runs the bundles (dist/Code.js, build/*.cjs), so every run builds them from the current source
// first: a bare `npx jest` must never test a stale bundle.
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

module.exports = function buildBundles() {
  execFileSync(process.execPath, [join(__dirname, '..', 'scripts', 'build.mjs')], {
    cwd: join(__dirname, '..'),
    stdio: 'inherit',
  });
};
