import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../core/analysis/analyze';
import { analysisJson } from '../core/analysis/json';
import { bySeverity, type Finding } from '../core/findings';
import { summaryText } from '../core/summary';
import type { SheetData } from '../core/workbook/reader';
import { packageRoot, runBuild } from '../local/build';
import { chromiumPdfWriter } from '../local/pdf';
import { startLocalServer } from '../local/serve';
import { readXlsxFile } from '../local/xlsx';

const USAGE = `usage: ita-report analyze WORKBOOK.xlsx [--json]
       ita-report build WORKBOOK.xlsx --out DIR [--no-pdf] [--calls] [--force]
       ita-report serve [WORKBOOK.xlsx] [--port N]

  analyze   read the score tabs of WORKBOOK.xlsx, check them and print the analysis
            (a Thai summary, or with --json the JSON of docs/workbook.md)
  build     run the add-on's one-click flow on WORKBOOK.xlsx without Google: writes
            DIR/workbook.xlsx (with the measures tab), DIR/report.html and, where
            Chromium is installed, DIR/report.pdf; --calls lists the service calls.
            Data errors stop the build (they are printed); --force builds anyway
            and the report says it is unconfirmed
  serve     the sidebar on http://127.0.0.1:N beside the spreadsheet, bridged to the
            add-on running locally on WORKBOOK.xlsx (or on an empty spreadsheet)

exit status: 0 done, 1 the workbook cannot be analysed or built (data errors
without --force included), 2 usage error`;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

class UsageError extends Error {}

async function loadWorkbook(path: string): Promise<SheetData[]> {
  if (!existsSync(path)) throw new UsageError(`ita-report: no such file: ${path}`);
  if (!statSync(path).isFile()) throw new UsageError(`ita-report: not a file: ${path}`);
  try {
    return await readXlsxFile(path);
  } catch (e) {
    throw new UsageError(`ita-report: cannot read ${path} as an .xlsx workbook (${(e as Error).message})`);
  }
}

function parseArgs(args: string[], flags: string[]): { positional: string[]; flags: Set<string> } {
  const positional: string[] = [];
  const seen = new Set<string>();
  for (const arg of args) {
    if (arg.startsWith('-')) {
      if (!flags.includes(arg)) throw new UsageError(`ita-report: unknown option ${arg}`);
      seen.add(arg);
    } else positional.push(arg);
  }
  return { positional, flags: seen };
}

async function analyzeCommand(args: string[], io: CliIo): Promise<number> {
  const { positional, flags } = parseArgs(args, ['--json']);
  if (positional.length !== 1) throw new UsageError('ita-report: analyze takes one WORKBOOK.xlsx');
  const sheets = await loadWorkbook(positional[0]);
  const analysis = analyze(sheets);
  const json = analysisJson(analysis);
  if (flags.has('--json')) io.out(JSON.stringify(json, null, 2));
  else io.out(summaryText(json, analysis.workbook.settings?.thaiDigits ?? true));
  return analysis.ok ? 0 : 1;
}

async function buildCommand(args: string[], io: CliIo): Promise<number> {
  const outAt = args.indexOf('--out');
  if (outAt < 0 || !args[outAt + 1] || args[outAt + 1].startsWith('-')) {
    throw new UsageError('ita-report: build needs --out DIR');
  }
  const out = args[outAt + 1];
  const { positional, flags } = parseArgs(
    args.filter((_, i) => i !== outAt && i !== outAt + 1),
    ['--no-pdf', '--calls', '--force'],
  );
  if (positional.length !== 1) throw new UsageError('ita-report: build takes one WORKBOOK.xlsx');
  await loadWorkbook(positional[0]);
  const force = flags.has('--force');
  const result = await runBuild({
    workbook: positional[0],
    out,
    pdf: !flags.has('--no-pdf'),
    force,
    log: io.out,
  });
  const json = result.analysis;
  const cur = json.year !== null ? json.scores[String(json.year)] : undefined;
  io.out(
    `${json.agency} ปีงบประมาณ ${json.year ?? '?'}: คะแนนรวม ${cur?.total ?? '–'} ระดับ ${cur?.level ?? '–'}; ข้อสังเกต ${json.findings.length} รายการ`,
  );
  for (const line of findingLines(json.findings)) io.out(line);
  if (result.error) io.out(`ไม่สำเร็จ: ${result.error.th}`);
  if (result.report?.unconfirmed) {
    io.out('สร้างรายงานทั้งที่ข้อมูลมีข้อผิดพลาด (--force): รายงานระบุว่าเป็นฉบับยังไม่ยืนยันข้อมูล');
  }
  for (const file of result.files) io.out(`เขียน ${file}`);
  if (result.report && !result.files.some((f) => f.endsWith('.pdf'))) {
    io.out('ไม่ได้สร้าง report.pdf (ไม่มี Chromium หรือใช้ --no-pdf)');
  }
  const calls = result.runtime.calls;
  io.out(`เรียกบริการ Apps Script ${calls.total()} ครั้ง`);
  if (flags.has('--calls')) {
    for (const [name, count] of Object.entries(calls.snapshot())) io.out(`  ${name} ${count}`);
  }
  return result.error || !result.report ? 1 : 0;
}

const SEVERITY_TH: Record<Finding['severity'], string> = {
  error: 'ข้อผิดพลาด',
  warning: 'คำเตือน',
  info: 'หมายเหตุ',
};

/** Errors and warnings, one line each: severity, cell, message (the JSON of `analyze` has them all). */
function findingLines(findings: readonly Finding[]): string[] {
  return bySeverity(findings)
    .filter((f) => f.severity !== 'info')
    .map((f) => `  ${SEVERITY_TH[f.severity]} ${f.where ?? '–'}: ${f.message}`);
}

async function serveCommand(args: string[], io: CliIo): Promise<number> {
  const portAt = args.indexOf('--port');
  const port = portAt >= 0 ? Number(args[portAt + 1]) : 8080;
  if (portAt >= 0 && !(Number.isInteger(port) && port > 0 && port < 65536)) {
    throw new UsageError('ita-report: --port takes a port number');
  }
  const { positional } = parseArgs(
    args.filter((_, i) => portAt < 0 || (i !== portAt && i !== portAt + 1)),
    [],
  );
  if (positional.length > 1) throw new UsageError('ita-report: serve takes at most one WORKBOOK.xlsx');
  if (positional[0]) await loadWorkbook(positional[0]);
  const server = await startLocalServer({
    workbook: positional[0],
    port,
    distDir: join(packageRoot(), 'dist'),
    pdf: chromiumPdfWriter(),
  });
  io.out(`ita-report: the sidebar is at ${server.url}/ (Ctrl-C to stop)`);
  await new Promise(() => {});
  return 0;
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === '--help' || command === '-h' || command === 'help') {
      io.out(USAGE);
      return 0;
    }
    if (command === 'analyze') return await analyzeCommand(rest, io);
    if (command === 'build') return await buildCommand(rest, io);
    if (command === 'serve') return await serveCommand(rest, io);
    throw new UsageError(command ? `ita-report: unknown command ${command}` : 'ita-report: no command given');
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message} (see ita-report --help)`);
      return 2;
    }
    throw e;
  }
}
