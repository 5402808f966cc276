// `npm run deploy`: builds dist/ and pushes it to your own Apps Script project, for a test in Google Sheets.
// The first run creates a new spreadsheet with a bound script ("ita-report (test)") and keeps its id in the
// git-ignored .clasp-dev.json; later runs push to the same project. `-- --script-id ID` pushes to an
// existing project instead. The committed .clasp.json is never written.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// The tests point these elsewhere (a stand-in clasp, a scratch project file): nobody reaches Google here.
const projectFile = process.env.ITA_REPORT_CLASP_PROJECT || join(root, '.clasp-dev.json');
const clasp = process.env.ITA_REPORT_CLASP || join(root, 'node_modules', '.bin', 'clasp');

/** What stops a deploy: printed as one line on stderr, no stack trace (the `finally` blocks run first). */
class Stop extends Error {
  constructor(message, status = 1) {
    super(message);
    this.status = status;
  }
}

function stop(message, status = 1) {
  throw new Stop(message, status);
}

function run(args, cwd = root) {
  try {
    execFileSync(clasp, args, { cwd, stdio: 'inherit' });
  } catch (error) {
    // clasp has said why on the inherited stderr; ours is the one line that names the step.
    if (error.code === 'ENOENT') stop(`clasp not found at ${clasp}: run npm ci first`);
    stop(`clasp ${args.join(' ')} failed (its message is above)`, error.status || 1);
  }
}

/**
 * Where clasp keeps its login: `clasp_config_auth` (a file, or a folder holding .clasprc.json), else
 * ~/.clasprc.json, as clasp 3 reads it (its --auth option).
 */
function claspAuthFile() {
  const given = process.env.clasp_config_auth;
  if (!given) return join(homedir(), '.clasprc.json');
  return existsSync(given) && statSync(given).isDirectory() ? join(given, '.clasprc.json') : given;
}

/** Whether that file holds a login: clasp 3's tokens, or the older formats clasp 3 still reads. */
function loggedIn() {
  const file = claspAuthFile();
  if (!existsSync(file)) return false;
  try {
    const store = JSON.parse(readFileSync(file, 'utf8'));
    return Object.keys(store.tokens ?? {}).length > 0 || Boolean(store.access_token || store.token);
  } catch {
    return false;
  }
}

function scriptIdArgument(argv) {
  const at = argv.indexOf('--script-id');
  if (at < 0) return null;
  const id = argv[at + 1];
  if (!id || !/^[\w-]{20,}$/.test(id))
    stop('--script-id takes the id of an Apps Script project (Project settings → IDs)', 2);
  return id;
}

/** Creates a spreadsheet with a bound script in a scratch folder; returns its script and spreadsheet ids. */
function createBoundProject() {
  const scratch = mkdtempSync(join(tmpdir(), 'ita-deploy-'));
  try {
    run(['create-script', '--type', 'sheets', '--title', 'ita-report (test)', '--rootDir', 'dist'], scratch);
    const created = JSON.parse(readFileSync(join(scratch, '.clasp.json'), 'utf8'));
    const parent = Array.isArray(created.parentId) ? created.parentId[0] : created.parentId;
    return { scriptId: created.scriptId, spreadsheetId: parent ?? null };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function projectSettings(argv) {
  const given = scriptIdArgument(argv);
  if (given) return { scriptId: given, rootDir: 'dist' };
  if (existsSync(projectFile)) return JSON.parse(readFileSync(projectFile, 'utf8'));
  const { scriptId, spreadsheetId } = createBoundProject();
  return { scriptId, rootDir: 'dist', ...(spreadsheetId ? { spreadsheetId } : {}) };
}

function main() {
  const argv = process.argv.slice(2);
  if (!loggedIn()) stop('not logged in to clasp: run `npx clasp login` once, then `npm run deploy` again');
  // --no-build: dist/ is already built (the tests, whose other suites read dist/ meanwhile).
  if (!argv.includes('--no-build')) {
    try {
      execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
    } catch (error) {
      stop('the build failed (its message is above): npm run build shows it again', error.status || 1);
    }
  }
  const settings = projectSettings(argv);
  writeFileSync(projectFile, `${JSON.stringify(settings, null, 2)}\n`);
  // --force: our manifest (scopes, advanced services) replaces the one Apps Script made for a new project.
  run(['--project', projectFile, 'push', '--force']);
  console.log(`\nPushed dist/ to Apps Script project ${settings.scriptId} (kept in ${projectFile}).`);
  if (settings.spreadsheetId) {
    console.log(
      `Open https://docs.google.com/spreadsheets/d/${settings.spreadsheetId}/edit, reload it, then`,
    );
    console.log('Extensions → ita-report → เปิดแถบ ita-report.');
  } else {
    console.log('Open the project (npx clasp --project .clasp-dev.json open-script), then');
    console.log('Deploy → Test deployments → Editor add-on, pick a spreadsheet, Execute.');
  }
}

try {
  main();
} catch (error) {
  if (!(error instanceof Stop)) throw error;
  console.error(`deploy: ${error.message}`);
  process.exitCode = error.status;
}
