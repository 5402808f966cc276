import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { ROOT } from './helpers/workbook';

// dist/Code.js is what clasp pushes; `npm test` builds it before jest runs.
const code = readFileSync(join(ROOT, 'dist', 'Code.js'), 'utf8');
const entryPoints: string[] = JSON.parse(readFileSync(join(ROOT, 'build', 'entry-points.json'), 'utf8'));

describe('the Apps Script bundle', () => {
  test('has no module syntax left', () => {
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
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
    expect(manifest.oauthScopes.length).toBeGreaterThan(0);
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/drive');
  });
});
