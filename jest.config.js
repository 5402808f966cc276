// The local runtime runs the bundle in the project's time zone, as Apps Script does (appsscript.json); jest
// gives each test a copy of process.env, so the zone is set here, before the workers start.
process.env.TZ = require('./appsscript.json').timeZone;

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  globalSetup: '<rootDir>/test/global-setup.cjs',
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/build/'],
};
