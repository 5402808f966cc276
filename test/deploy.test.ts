import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers/workbook';

// Nobody reaches Google here, so clasp is a stand-in that records its arguments and, for create-script,
// writes the .clasp.json that clasp 3 writes (scriptId, rootDir, parentId: the new spreadsheet).
const FAKE_CLASP = `#!/usr/bin/env node
const fs = require('node:fs');
fs.appendFileSync(process.env.FAKE_CLASP_LOG, JSON.stringify({ cwd: process.cwd(), args: process.argv.slice(2) }) + '\\n');
if (process.argv[2] === 'create-script') {
  fs.writeFileSync('.clasp.json', JSON.stringify({ scriptId: '1abcdefghijklmnopqrstuvwxyz', rootDir: 'dist', parentId: 'sheet-123' }));
}
`;

function deploy(dir: string, ...args: string[]) {
  const clasp = join(dir, 'clasp');
  writeFileSync(clasp, FAKE_CLASP);
  chmodSync(clasp, 0o755);
  // A login as clasp 3 keeps it (tokens by user), in a file of the test's own.
  const login = join(dir, 'clasprc.json');
  writeFileSync(
    login,
    JSON.stringify({ tokens: { default: { type: 'authorized_user', refresh_token: 'x' } } }),
  );
  const env = {
    ...process.env,
    clasp_config_auth: login,
    ITA_REPORT_CLASP: clasp,
    ITA_REPORT_CLASP_PROJECT: join(dir, '.clasp-dev.json'),
    FAKE_CLASP_LOG: join(dir, 'calls.log'),
  };
  const out = execFileSync(process.execPath, [join(ROOT, 'scripts', 'deploy.mjs'), '--no-build', ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
  });
  const calls = readFileSync(join(dir, 'calls.log'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { cwd: string; args: string[] });
  return { out, calls };
}

describe('npm run deploy', () => {
  const committed = readFileSync(join(ROOT, '.clasp.json'), 'utf8');

  test('the first run creates a bound spreadsheet project, keeps its id aside and pushes dist/', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ita-deploy-test-'));
    const { out, calls } = deploy(dir);
    expect(calls.map((c) => c.args[0])).toEqual(['create-script', '--project']);
    expect(calls[0].args).toEqual([
      'create-script',
      '--type',
      'sheets',
      '--title',
      'ita-report (test)',
      '--rootDir',
      'dist',
    ]);
    expect(calls[0].cwd).not.toBe(ROOT); // never next to the committed .clasp.json
    expect(calls[1].args).toEqual(['--project', join(dir, '.clasp-dev.json'), 'push', '--force']);
    expect(JSON.parse(readFileSync(join(dir, '.clasp-dev.json'), 'utf8'))).toEqual({
      scriptId: '1abcdefghijklmnopqrstuvwxyz',
      rootDir: 'dist',
      spreadsheetId: 'sheet-123',
    });
    expect(out).toContain('https://docs.google.com/spreadsheets/d/sheet-123/edit');
    expect(readFileSync(join(ROOT, '.clasp.json'), 'utf8')).toBe(committed);
  });

  test('a later run pushes to the same project without creating another', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ita-deploy-test-'));
    deploy(dir);
    const { calls } = deploy(dir);
    expect(calls.map((c) => c.args[0])).toEqual(['create-script', '--project', '--project']);
  });

  test('--script-id pushes to an existing project', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ita-deploy-test-'));
    const { calls } = deploy(dir, '--script-id', '1existingexistingexisting');
    expect(calls.map((c) => c.args[2])).toEqual(['push']);
    expect(JSON.parse(readFileSync(join(dir, '.clasp-dev.json'), 'utf8')).scriptId).toBe(
      '1existingexistingexisting',
    );
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });

  test('without a clasp login it stops before building, with one line saying what to run and no stack trace', () => {
    // A clean environment: HOME an empty folder, no clasp login anywhere, the real clasp of node_modules.
    const home = mkdtempSync(join(tmpdir(), 'ita-deploy-home-'));
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: home, USERPROFILE: home };
    const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'deploy.mjs')], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(''); // nothing built, nothing pushed
    const lines = result.stderr.trim().split('\n');
    expect(lines).toEqual([expect.stringContaining('npx clasp login')]);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(home)).toEqual([]);
  });

  test("a clasp step that fails (the Apps Script API off) ends with clasp's message and one line of ours, no stack trace", () => {
    const dir = mkdtempSync(join(tmpdir(), 'ita-deploy-test-'));
    const clasp = join(dir, 'clasp');
    writeFileSync(
      clasp,
      '#!/usr/bin/env node\nconsole.error("User has not enabled the Apps Script API.");\nprocess.exit(1);\n',
    );
    chmodSync(clasp, 0o755);
    const login = join(dir, 'clasprc.json');
    writeFileSync(login, JSON.stringify({ tokens: { default: { refresh_token: 'x' } } }));
    const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'deploy.mjs'), '--no-build'], {
      cwd: ROOT,
      env: {
        ...process.env,
        clasp_config_auth: login,
        ITA_REPORT_CLASP: clasp,
        ITA_REPORT_CLASP_PROJECT: join(dir, 'p.json'),
      },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      'User has not enabled the Apps Script API.',
      expect.stringMatching(/^deploy: clasp create-script .* failed \(its message is above\)$/),
    ]);
    expect(existsSync(join(dir, 'p.json'))).toBe(false);
  });
});
