#!/usr/bin/env node
// The CLI is bundled by `npm run build` (run by `npm ci` through the prepare script).
require('../build/cli.cjs');
