import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { cellRef, columnLetters } from '../core/findings';
import { escapeMarkup as escapeHtml } from '../core/markup';
import { errorMessage, userMessage } from './build';
import { type LoadedBundle, loadBundle } from './bundle';
import { docToHtml } from './doc-html';
import { sarabunFiles } from './runtime/blob';
import { isDate } from './runtime/context';
import type { PdfWriter } from './runtime/document';
import { createRuntime, type Runtime } from './runtime/index';
import type { SpreadsheetImpl } from './runtime/spreadsheet';
import { loadSpreadsheet, restoreProperties } from './workbook-io';

/**
 * google.script.run for the local page: each call goes to /api/<name> as JSON, asynchronously, and its
 * arguments must be what Apps Script accepts (no Dates, no functions). After each call the page is told
 * to redraw the spreadsheet.
 */
const SHIM = `<script>
(function () {
  function plain(v) {
    if (v === null || typeof v !== 'object') { if (typeof v === 'function') throw new Error('Failed due to illegal value in property: function'); return; }
    if (Object.prototype.toString.call(v) === '[object Date]') throw new Error('Failed due to illegal value in property: Date');
    for (var k in v) plain(v[k]);
  }
  function runner(ok, fail) {
    return new Proxy({}, { get: function (_, name) {
      if (name === 'withSuccessHandler') return function (f) { return runner(f, fail); };
      if (name === 'withFailureHandler') return function (f) { return runner(ok, f); };
      if (name === 'withUserObject') return function () { return runner(ok, fail); };
      return function () {
        var args = Array.prototype.slice.call(arguments);
        try { plain(args); } catch (e) { setTimeout(function () { fail && fail(e); }); return; }
        fetch('/api/' + String(name), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(args) })
          .then(function (r) { return r.json(); })
          .then(function (res) {
            if (window.parent !== window) window.parent.postMessage('ita-changed', '*');
            if (res.ok) { ok && ok(res.value); } else { fail && fail(new Error(res.error)); }
          }, function (e) { fail && fail(e); });
      };
    } });
  }
  window.google = { script: { run: runner(null, null), host: { close: function () {}, setHeight: function () {}, setWidth: function () {}, editor: { focus: function () {} } } } };
})();
</script>`;

/**
 * Sarabun, which the sidebar's font stack names first, from the npm package: the local page shows Thai
 * with the project's own font on a machine that has no Thai font installed (Google's sidebar has its own).
 */
function sarabunStyle(): string {
  const fonts = sarabunFiles();
  const face = (path: string, weight: number) =>
    `@font-face{font-family:'Sarabun';src:url(data:font/ttf;base64,${readFileSync(path).toString('base64')}) format('truetype');font-weight:${weight};}`;
  return `<style>${face(fonts.regular, 400)}${face(fonts.bold, 700)}</style>`;
}

const PAGE = `<!doctype html>
<html lang="th"><head><meta charset="utf-8"><title>ita-report (local)</title>
<style>
body { margin: 0; display: flex; height: 100vh; font-family: 'Sarabun', 'Noto Sans Thai', Tahoma, sans-serif; }
#sheet { flex: 1; overflow: auto; padding: 8px; font-size: 12px; background: #fff; }
#sidebar { width: 300px; border: none; border-left: 1px solid #dadce0; height: 100vh; }
nav button { font: inherit; margin: 0 2px 6px 0; border: 1px solid #dadce0; background: #f8f9fa; padding: 2px 8px; cursor: pointer; }
nav button.on { background: #e8f0fe; border-color: #1a73e8; }
table { border-collapse: collapse; }
td, th { border: 1px solid #e0e0e0; padding: 2px 4px; max-width: 240px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
th { background: #f8f9fa; color: #5f6368; font-weight: normal; }
td.active { outline: 2px solid #1a73e8; background: #e8f0fe; }
</style></head>
<body>
<div id="sheet"></div>
<iframe id="sidebar" src="/sidebar" title="ita-report sidebar"></iframe>
<script>
async function draw() {
  const res = await fetch('/sheet');
  document.getElementById('sheet').innerHTML = await res.text();
  for (const b of document.querySelectorAll('nav button')) b.onclick = async () => { await fetch('/activate?tab=' + encodeURIComponent(b.dataset.tab), { method: 'POST' }); draw(); };
}
window.addEventListener('message', (e) => { if (e.data === 'ita-changed') draw(); });
draw();
</script>
</body></html>`;

/** The active sheet as an HTML table, the active cell marked (what a person sees of the spreadsheet). */
function sheetHtml(ss: SpreadsheetImpl): string {
  const active = ss._state.activeSheet ?? ss._state.sheets[0];
  const range = ss._state.activeRange;
  const tabs = ss._state.sheets
    .filter((s) => !s._hidden)
    .map(
      (s) =>
        `<button data-tab="${escapeHtml(s._name)}" class="${s === active ? 'on' : ''}">${escapeHtml(s._name)}</button>`,
    )
    .join('');
  if (!active) return `<nav>${tabs}</nav>`;
  const rows = Math.max(active._lastRow(), range && range._sheet._id === active._id ? range._row : 0, 1);
  const cols = Math.max(active._lastColumn(), range && range._sheet._id === active._id ? range._col : 0, 1);
  let html = `<nav>${tabs}</nav><table><tr><th></th>`;
  for (let c = 1; c <= cols; c++) html += `<th>${columnLetters(c - 1)}</th>`;
  html += '</tr>';
  for (let r = 1; r <= rows; r++) {
    html += `<tr><th>${r}</th>`;
    for (let c = 1; c <= cols; c++) {
      const on = range && range._sheet._id === active._id && range._row === r && range._col === c;
      const v = active._get(r, c);
      const where = cellRef(active._name, r - 1, c - 1);
      html += `<td data-cell="${escapeHtml(where)}"${on ? ' class="active"' : ''}>${escapeHtml(isDate(v) ? v.toISOString().slice(0, 10) : String(v))}</td>`;
    }
    html += '</tr>';
  }
  return `${html}</table>`;
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const FILE_ID = /^ita\.\w+(?:Doc|Pdf)Id$/;
const RECORDS = ['ita.lastReport', 'ita.lastResults'];

/**
 * A workbook saved from another run keeps the ids of its Docs and PDFs, which this run has no file for (and
 * whose names its own ids would reuse: the results Doc would come back as the o25 report's). Those ids and
 * the records that link to them are dropped, so each report opens a new file under an id of its own.
 */
export function forgetMissingFiles(runtime: Runtime): string[] {
  const known = (id: string) => runtime.documents.has(id) || runtime.driveFiles.has(id);
  const dropped: string[] = [];
  for (const [key, value] of [...runtime.documentProperties]) {
    const linked = RECORDS.includes(key)
      ? /\/d\/([\w-]+)\//.exec(value)?.[1]
      : FILE_ID.test(key)
        ? value
        : null;
    if (linked && !known(linked)) {
      runtime.documentProperties.delete(key);
      dropped.push(key);
    }
  }
  return dropped;
}

export interface LocalServer {
  url: string;
  runtime: Runtime;
  bundle: LoadedBundle;
  close: () => Promise<void>;
}

/**
 * The sidebar on localhost, with google.script.run bridged to the real bundle running in the local
 * runtime on a workbook (or on an empty spreadsheet). Links to the Doc and the PDF point at /files/.
 */
export async function startLocalServer(options: {
  workbook?: string;
  port?: number;
  distDir: string;
  pdf?: PdfWriter | null;
}): Promise<LocalServer> {
  const loaded = options.workbook ? await loadSpreadsheet(options.workbook) : null;
  const runtime = createRuntime({
    spreadsheet: loaded?.build,
    projectDir: options.distDir,
    pdf: options.pdf ?? null,
  });
  if (loaded) restoreProperties(runtime, loaded.state);
  forgetMissingFiles(runtime);
  if (!loaded) runtime.spreadsheet.insertSheet('Sheet1');
  const bundle = loadBundle(runtime, join(options.distDir, 'Code.js'));
  const localLinks = (json: string) =>
    json
      .replace(/https:\/\/docs\.google\.com\/document\/d\/([\w-]+)\/edit/g, '/files/$1')
      .replace(/https:\/\/drive\.google\.com\/file\/d\/([\w-]+)\/view/g, '/files/$1');
  const send = (res: ServerResponse, status: number, type: string, data: string | Buffer) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(data);
  };
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (req.method === 'GET' && url.pathname === '/')
        return send(res, 200, 'text/html; charset=utf-8', PAGE.replace('<head>', `<head>${sarabunStyle()}`));
      if (req.method === 'GET' && url.pathname === '/sidebar') {
        const html = readFileSync(join(options.distDir, 'Sidebar.html'), 'utf8').replace(
          '<head>',
          `<head>${sarabunStyle()}${SHIM}`,
        );
        return send(res, 200, 'text/html; charset=utf-8', html);
      }
      if (req.method === 'GET' && url.pathname === '/sheet')
        return send(res, 200, 'text/html; charset=utf-8', sheetHtml(runtime.spreadsheet));
      if (req.method === 'GET' && url.pathname === '/state') {
        const r = runtime.spreadsheet._state.activeRange;
        const active = r ? cellRef(r._sheet._name, r._row - 1, r._col - 1) : null;
        return send(res, 200, 'application/json', JSON.stringify({ active }));
      }
      if (req.method === 'POST' && url.pathname === '/activate') {
        runtime.spreadsheet.getSheetByName(url.searchParams.get('tab') ?? '')?.activate();
        return send(res, 200, 'application/json', '{}');
      }
      const file = /^\/files\/([\w-]+)$/.exec(url.pathname);
      if (req.method === 'GET' && file) {
        const doc = runtime.documents.get(file[1]);
        if (doc) return send(res, 200, 'text/html; charset=utf-8', docToHtml(doc));
        const data = runtime.driveFiles.get(file[1])?.data;
        if (data)
          return send(
            res,
            200,
            runtime.driveFiles.get(file[1])?.mimeType ?? 'application/octet-stream',
            data,
          );
        return send(res, 404, 'text/plain', 'not found');
      }
      const api = /^\/api\/(api\w+)$/.exec(url.pathname);
      if (req.method === 'POST' && api) {
        const args = JSON.parse((await body(req)) || '[]') as unknown[];
        try {
          const value = bundle.call(api[1], ...args);
          // google.script.run hands the page a copy: what JSON keeps (undefined becomes null in arrays).
          return send(
            res,
            200,
            'application/json',
            localLinks(JSON.stringify({ ok: true, value: value ?? null })),
          );
        } catch (e) {
          return send(
            res,
            200,
            'application/json',
            JSON.stringify({ ok: false, error: errorMessage(e), ...userMessage(e) }),
          );
        }
      }
      return send(res, 404, 'text/plain', 'not found');
    } catch (e) {
      return send(res, 500, 'text/plain', errorMessage(e));
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    runtime,
    bundle,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
