import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { version as VERSION } from '../../package.json';
import { analyze } from '../core/analysis/analyze';
import { type AnalysisJson, analysisJson } from '../core/analysis/json';
import { bySeverity, type Finding } from '../core/findings';
import { FRAMEWORKS, frameworkForYear } from '../core/frameworks';
import { frameworkTabRows } from '../core/frameworks/tab';
import { analyzeRollup } from '../core/rollup/analyze';
import { type RollupJson, rollupJson } from '../core/rollup/json';
import { selfCheckLines } from '../core/selfcheck';
import { summaryText } from '../core/summary';
import { jsonText, terminalLines, terminalText } from '../core/terminal';
import { parseYear } from '../core/thai';
import type { SheetData } from '../core/workbook/reader';
import { TABS } from '../core/workbook/schema';
import { type BuildResult, outputProblem, packageRoot, REPORT_FILES, runBuild } from '../local/build';
import { chromiumMode, chromiumPdfWriter, findChromium } from '../local/pdf';
import { runRollup } from '../local/rollup';
import { runSelfCheck } from '../local/selfcheck';
import { startLocalServer } from '../local/serve';
import { planLines, resultLines } from '../local/share';
import {
  notAWorkbook,
  readXlsxFile,
  UnreadableWorkbookError,
  WorkbookLimitError,
  workbookFromSheets,
} from '../local/xlsx';

const USAGE_EN = `usage: ita-report analyze WORKBOOK.xlsx [--json]
       ita-report build WORKBOOK.xlsx --out DIR [--report plan|results] [--no-pdf] [--calls] [--force] [--share]
       ita-report rollup WORKBOOK.xlsx (--json | --out DIR [--no-pdf] [--force])
       ita-report serve [WORKBOOK.xlsx] [--port N]
       ita-report framework YEAR --out FILE.xlsx
       ita-report selfcheck [WORKBOOK.xlsx] [--json] [--no-pdf]
       ita-report --version

  analyze   read the score tabs of WORKBOOK.xlsx, check them and print the analysis
            (a Thai summary, or with --json the JSON of docs/workbook.md)
  build     run the add-on's one-click flow on WORKBOOK.xlsx without Google: writes
            DIR/workbook.xlsx (with the measures tab), DIR/report.html and, where
            Chromium is installed, DIR/report.pdf; --calls lists the service calls.
            Data errors stop the build (they are printed); --force builds anyway
            and the report says it is unconfirmed. --share then shares with the
            divisions as the sidebar's confirm with every box ticked (protections,
            division e-mails as editors, the report as viewers) and prints what was
            shared, protected and refused; DIR/workbook.xlsx keeps who may edit.
            --report results writes the results report instead (the follow-up
            item after o25: what each measure achieved, from the measures tab as
            the divisions filled it, which is only read) as DIR/results.html and
            DIR/results.pdf; the o25 report's files in DIR are left as they are
  rollup    a coordinator's workbook (settings and the "ผลหน่วยงาน" tab, one row an
            agency and year): --json prints the roll-up (docs/workbook.md); --out
            writes DIR/workbook.xlsx (with the "ภาพรวมหน่วยงาน" tab of every agency),
            DIR/rollup.html and DIR/rollup.pdf
  serve     the sidebar on http://127.0.0.1:N beside the spreadsheet, bridged to the
            add-on running locally on WORKBOOK.xlsx (or on an empty spreadsheet)
  framework write the built-in framework of YEAR (B.E.) as a "กรอบการประเมิน" tab in
            FILE.xlsx, a starting point to edit and copy into a workbook: a year
            defined in that tab wins over the built-in one (docs/workbook.md)
  selfcheck the add-on's installation check (ตรวจสอบการติดตั้ง) against the local
            runtime: every capability a click uses, on scratch objects it removes,
            each call timed; --json prints its JSON (npm run bench -- --compare FILE)

options for every command: --lang th|en (default: from LC_ALL, LC_MESSAGES or LANG)

exit status: 0 done, 1 the workbook cannot be analysed or built (data errors
without --force included), 2 usage error`;

const USAGE_TH = `วิธีใช้: ita-report analyze WORKBOOK.xlsx [--json]
        ita-report build WORKBOOK.xlsx --out DIR [--report plan|results] [--no-pdf] [--calls] [--force] [--share]
        ita-report rollup WORKBOOK.xlsx (--json | --out DIR [--no-pdf] [--force])
        ita-report serve [WORKBOOK.xlsx] [--port N]
        ita-report framework YEAR --out FILE.xlsx
        ita-report selfcheck [WORKBOOK.xlsx] [--json] [--no-pdf]
        ita-report --version

  analyze   อ่านแท็บคะแนนของ WORKBOOK.xlsx ตรวจ แล้วพิมพ์ผลการวิเคราะห์
            (สรุปภาษาไทย หรือ JSON ตาม docs/workbook.md เมื่อใส่ --json)
  build     ทำงานแบบคลิกเดียวของส่วนเสริมกับ WORKBOOK.xlsx โดยไม่ต้องใช้ Google:
            เขียน DIR/workbook.xlsx (มีแท็บมาตรการ) DIR/report.html และ DIR/report.pdf
            เมื่อมี Chromium; --calls แสดงจำนวนการเรียกบริการ Apps Script
            ข้อมูลที่ผิดพลาดทำให้หยุดสร้าง (พิมพ์รายการข้อผิดพลาด); --force สร้างต่อ
            โดยรายงานระบุว่าเป็นฉบับยังไม่ยืนยันข้อมูล; --share แล้วแชร์ให้หน่วยงานเหมือน
            กดยืนยันในแถบด้านข้างโดยเลือกทุกช่อง (ล็อกแถว เพิ่มอีเมลหน่วยงานเป็นผู้แก้ไข
            สเปรดชีต แชร์รายงานให้ดู) และพิมพ์สิ่งที่แชร์ ล็อก และถูกปฏิเสธ
            --report results เขียนรายงานผลการดำเนินการแทน (ข้อถัดจาก o25: ผลของแต่ละ
            มาตรการจากแท็บมาตรการที่หน่วยงานกรอก ซึ่งอ่านอย่างเดียว) เป็น DIR/results.html
            และ DIR/results.pdf โดยไม่แตะไฟล์รายงาน o25 ใน DIR
  rollup    สมุดงานของผู้ประสานงาน (ตั้งค่า และแท็บ "ผลหน่วยงาน" หนึ่งแถวต่อหน่วยงานและปี):
            --json พิมพ์ผลสรุปภาพรวม (docs/workbook.md); --out เขียน DIR/workbook.xlsx
            (มีแท็บ "ภาพรวมหน่วยงาน" ของทุกหน่วยงาน) DIR/rollup.html และ DIR/rollup.pdf
  serve     เปิดแถบด้านข้างที่ http://127.0.0.1:N คู่กับสเปรดชีต โดยเชื่อมกับ
            ส่วนเสริมที่ทำงานในเครื่องบน WORKBOOK.xlsx (หรือสเปรดชีตว่าง)
  framework เขียนกรอบการประเมินของปี YEAR (พ.ศ.) ที่มีในโปรแกรม เป็นแท็บ "กรอบการประเมิน"
            ใน FILE.xlsx เพื่อแก้ไขแล้วคัดลอกไปใส่สมุดงาน: ปีที่กำหนดในแท็บนั้น
            ใช้แทนกรอบที่มีในโปรแกรม (docs/workbook.md)
  selfcheck ตรวจสอบการติดตั้งของส่วนเสริมกับรันไทม์ในเครื่อง: ทดลองทุกความสามารถที่การคลิก
            ใช้กับของชั่วคราวที่ลบทิ้งเอง จับเวลาทุกการเรียก; --json พิมพ์ JSON
            (npm run bench -- --compare FILE)

ตัวเลือกของทุกคำสั่ง: --lang th|en (ค่าเริ่มต้นตาม LC_ALL, LC_MESSAGES หรือ LANG)

สถานะเมื่อจบ: 0 สำเร็จ, 1 วิเคราะห์หรือสร้างไม่ได้ (รวมข้อมูลผิดพลาดที่ไม่ได้ใส่ --force),
2 เรียกใช้ผิดรูปแบบ`;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export type Lang = 'th' | 'en';

/**
 * The CLI's io with the language of its messages. `out` and `err` are plain text for a terminal: every line
 * goes through `terminalText`. `json` writes the JSON contract, every character kept.
 */
interface Cli extends CliIo {
  json: (value: unknown) => void;
  lang: Lang;
  /** The text in the CLI's language. */
  say: (th: string, en: string) => string;
}

/** A mistake in how the command was called (exit 2), said in both languages. */
class UsageError extends Error {
  constructor(
    en: string,
    readonly th: string,
  ) {
    super(en);
  }
}

/** `--lang th|en`, else the locale of the environment (LC_ALL, LC_MESSAGES, LANG) as POSIX orders them. */
export function cliLanguage(argv: readonly string[], env: Record<string, string | undefined>): Lang {
  const at = argv.indexOf('--lang');
  if (at >= 0) {
    const value = argv[at + 1];
    if (value === 'th' || value === 'en') return value;
    throw new UsageError('ita-report: --lang takes th or en', 'ita-report: --lang ใช้ได้กับ th หรือ en');
  }
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^th(_|\.|@|$)/i.test(locale) ? 'th' : 'en';
}

/**
 * A workbook that is read but cannot be analysed or built as a whole (exit 1, not a usage error), said in
 * both languages; `analyze --json` still prints its JSON, with this as its one finding.
 */
class WorkbookError extends Error {
  constructor(
    en: string,
    readonly th: string,
    readonly finding: Finding,
  ) {
    super(en);
  }
}

/** The JSON of `analyze --json` for a workbook refused as it was read: no scores, the reason as a finding. */
function refusedJson(finding: Finding): AnalysisJson {
  const deltas = { total: null, tools: {}, indicators: {}, items: {} };
  return { agency: '', year: null, framework: null, scores: {}, deltas, weakest: [], findings: [finding] };
}

function fileHead(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(64 * 1024);
    return head.subarray(0, readSync(fd, head, 0, head.length, 0));
  } finally {
    closeSync(fd);
  }
}

/** Refuses, before anything reads it, a path that is not an .xlsx file (saying what it is instead). */
function checkWorkbookFile(path: string): void {
  if (!existsSync(path)) {
    throw new UsageError(`ita-report: no such file: ${path}`, `ita-report: ไม่พบไฟล์ ${path}`);
  }
  if (!statSync(path).isFile()) {
    throw new UsageError(`ita-report: not a file: ${path}`, `ita-report: ไม่ใช่ไฟล์ ${path}`);
  }
  const what = notAWorkbook(fileHead(path));
  if (what) {
    throw new UsageError(
      `ita-report: cannot read ${path}: ${what.en}`,
      `ita-report: อ่าน ${path} ไม่ได้: ${what.th}`,
    );
  }
}

/** A failure to read the workbook as the command reports it (a limit as a finding); other errors as they are. */
function readFailure(path: string, e: unknown): unknown {
  if (e instanceof WorkbookLimitError) {
    const finding: Finding = {
      severity: 'error',
      code: e.code,
      where: e.where && /!/.test(e.where) ? e.where : null,
      message: e.th,
      message_en: e.message,
    };
    return new WorkbookError(`ita-report: ${path}: ${e.message}`, `ita-report: ${path}: ${e.th}`, finding);
  }
  if (!(e instanceof UnreadableWorkbookError)) return e;
  return new UsageError(
    `ita-report: cannot read ${path} as an .xlsx workbook (${e.why})`,
    `ita-report: อ่าน ${path} เป็นไฟล์ .xlsx ไม่ได้ (${e.why})`,
  );
}

async function loadWorkbook(path: string): Promise<SheetData[]> {
  checkWorkbookFile(path);
  try {
    return await readXlsxFile(path);
  } catch (e) {
    throw readFailure(path, e instanceof WorkbookLimitError ? e : new UnreadableWorkbookError(e));
  }
}

function parseArgs(args: string[], flags: string[]): { positional: string[]; flags: Set<string> } {
  const positional: string[] = [];
  const seen = new Set<string>();
  for (const arg of args) {
    if (arg.startsWith('-')) {
      if (!flags.includes(arg)) {
        throw new UsageError(`ita-report: unknown option ${arg}`, `ita-report: ไม่รู้จักตัวเลือก ${arg}`);
      }
      seen.add(arg);
    } else positional.push(arg);
  }
  return { positional, flags: seen };
}

async function analyzeCommand(args: string[], io: Cli): Promise<number> {
  const { positional, flags } = parseArgs(args, ['--json']);
  if (positional.length !== 1) {
    throw new UsageError(
      'ita-report: analyze takes one WORKBOOK.xlsx',
      'ita-report: analyze ต้องระบุ WORKBOOK.xlsx หนึ่งไฟล์',
    );
  }
  let sheets: SheetData[];
  try {
    sheets = await loadWorkbook(positional[0]);
  } catch (e) {
    if (!(e instanceof WorkbookError) || !flags.has('--json')) throw e;
    io.json(refusedJson(e.finding));
    io.err(io.say(e.th, e.message));
    return 1;
  }
  const analysis = analyze(sheets);
  const json = analysisJson(analysis);
  if (flags.has('--json')) io.json(json);
  else io.out(summaryText(json, analysis.workbook.settings?.thaiDigits ?? true));
  return analysis.ok ? 0 : 1;
}

async function buildCommand(args: string[], io: Cli): Promise<number> {
  const outAt = args.indexOf('--out');
  if (outAt < 0 || !args[outAt + 1] || args[outAt + 1].startsWith('-')) {
    throw new UsageError('ita-report: build needs --out DIR', 'ita-report: build ต้องระบุ --out DIR');
  }
  const out = args[outAt + 1];
  const reportAt = args.indexOf('--report');
  const kind = reportAt >= 0 ? args[reportAt + 1] : 'plan';
  if (kind !== 'plan' && kind !== 'results') {
    throw new UsageError(
      'ita-report: --report takes plan or results',
      'ita-report: --report ใช้ได้กับ plan หรือ results',
    );
  }
  const taken = new Set([outAt, outAt + 1, ...(reportAt >= 0 ? [reportAt, reportAt + 1] : [])]);
  const { positional, flags } = parseArgs(
    args.filter((_, i) => !taken.has(i)),
    ['--no-pdf', '--calls', '--force', '--share'],
  );
  if (positional.length !== 1) {
    throw new UsageError(
      'ita-report: build takes one WORKBOOK.xlsx',
      'ita-report: build ต้องระบุ WORKBOOK.xlsx หนึ่งไฟล์',
    );
  }
  checkWorkbookFile(positional[0]);
  const problem = outputProblem(positional[0], out);
  if (problem) throw new UsageError(`ita-report: ${problem.en}`, `ita-report: ${problem.th}`);
  const result = await runBuild({
    workbook: positional[0],
    out,
    pdf: !flags.has('--no-pdf'),
    force: flags.has('--force'),
    share: flags.has('--share'),
    report: kind,
    log: io.out,
  }).catch((e: unknown) => {
    throw readFailure(positional[0], e);
  });
  if (result.sharing) {
    for (const line of planLines(result.sharing.plan, io.lang)) io.out(line);
    for (const line of resultLines(result.sharing.result, io.lang)) io.out(line);
  }
  const pdfFailed = pdfFailure(result, !flags.has('--no-pdf'));
  printBuildResult(result, io, pdfFailed, flags.has('--no-pdf'), REPORT_FILES[kind].pdf);
  if (flags.has('--calls')) {
    for (const [name, count] of Object.entries(result.runtime.calls.snapshot())) io.out(`  ${name} ${count}`);
  }
  return result.error || !result.report || pdfFailed ? 1 : 0;
}

/** Why the PDF asked for was not made, when Chromium is there and failed (no Chromium is not a failure). */
function pdfFailure(result: BuildResult, wanted: boolean): string | null {
  if (!wanted || !result.report || result.report.pdfId || !findChromium()) return null;
  return result.report.pdfError ?? 'no PDF';
}

function printBuildResult(
  result: BuildResult,
  io: Cli,
  pdfFailed: string | null,
  noPdf: boolean,
  pdfName: string,
): void {
  const json = result.analysis;
  const cur = json.year !== null ? json.scores[String(json.year)] : undefined;
  const total = cur?.total ?? '–';
  const level = cur?.level ?? '–';
  const n = json.findings.length;
  const agency = terminalText(json.agency);
  io.out(
    io.say(
      `${agency} ปีงบประมาณ ${json.year ?? '?'}: คะแนนรวม ${total} ระดับ ${level}; ข้อสังเกต ${n} รายการ`,
      `${agency} fiscal year ${json.year ?? '?'}: total ${total}, level ${level}; ${n} finding(s)`,
    ),
  );
  for (const line of findingLines(json.findings, io)) io.out(line);
  if (result.error) io.out(io.say(`ไม่สำเร็จ: ${result.error.th}`, `Failed: ${result.error.en}`));
  if (result.report?.unconfirmed) {
    io.out(
      io.say(
        'สร้างรายงานทั้งที่ข้อมูลมีข้อผิดพลาด (--force): รายงานระบุว่าเป็นฉบับยังไม่ยืนยันข้อมูล',
        'Built despite data errors (--force): the report says it is unconfirmed (ฉบับยังไม่ยืนยันข้อมูล)',
      ),
    );
  }
  for (const w of result.report?.warnings ?? []) io.out(io.say(`คำเตือน: ${w.th}`, `Warning: ${w.en}`));
  for (const file of result.files) io.out(io.say(`เขียน ${file}`, `wrote ${file}`));
  if (pdfFailed) io.out(io.say(`สร้าง ${pdfName} ไม่สำเร็จ: ${pdfFailed}`, `${pdfName} failed: ${pdfFailed}`));
  else if (result.report && !result.files.some((f) => f.endsWith('.pdf'))) {
    io.out(
      noPdf
        ? io.say(`ไม่ได้สร้าง ${pdfName} (ใช้ --no-pdf)`, `no ${pdfName} written (--no-pdf)`)
        : io.say(`ไม่ได้สร้าง ${pdfName} (ไม่มี Chromium)`, `no ${pdfName} written (no Chromium)`),
    );
  }
  if (chromiumMode() === 'no-sandbox') {
    io.out(io.say('Chromium พิมพ์ PDF โดยไม่มี sandbox', 'Chromium printed the PDF without its sandbox'));
  }
  const calls = result.runtime.calls.total();
  io.out(io.say(`เรียกบริการ Apps Script ${calls} ครั้ง`, `${calls} Apps Script service calls`));
}

const SEVERITY: Record<Finding['severity'], { th: string; en: string }> = {
  error: { th: 'ข้อผิดพลาด', en: 'error' },
  warning: { th: 'คำเตือน', en: 'warning' },
  info: { th: 'หมายเหตุ', en: 'info' },
};

/** Errors and warnings, one line each: severity and message, which names the cell (`analyze --json` has all). */
function findingLines(findings: readonly Finding[], io: Cli): string[] {
  return bySeverity(findings)
    .filter((f) => f.severity !== 'info')
    .map((f) => {
      const severity = SEVERITY[f.severity];
      return `  ${io.say(severity.th, severity.en)} ${io.say(f.message, f.message_en)}`;
    });
}

async function rollupCommand(args: string[], io: Cli): Promise<number> {
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? args[outAt + 1] : undefined;
  if (outAt >= 0 && (!out || out.startsWith('-'))) {
    throw new UsageError('ita-report: --out needs a folder', 'ita-report: --out ต้องระบุโฟลเดอร์');
  }
  const { positional, flags } = parseArgs(
    args.filter((_, i) => outAt < 0 || (i !== outAt && i !== outAt + 1)),
    ['--json', '--no-pdf', '--force'],
  );
  if (positional.length !== 1 || (!out && !flags.has('--json'))) {
    throw new UsageError(
      'ita-report: rollup takes one WORKBOOK.xlsx and --json or --out DIR',
      'ita-report: rollup ต้องระบุ WORKBOOK.xlsx หนึ่งไฟล์ และ --json หรือ --out DIR',
    );
  }
  if (!out) {
    const rollup = analyzeRollup(await loadWorkbook(positional[0]));
    io.json(rollupJson(rollup));
    return rollup.ok ? 0 : 1;
  }
  checkWorkbookFile(positional[0]);
  const problem = outputProblem(positional[0], out);
  if (problem) throw new UsageError(`ita-report: ${problem.en}`, `ita-report: ${problem.th}`);
  const result = await runRollup({
    workbook: positional[0],
    out,
    pdf: !flags.has('--no-pdf'),
    force: flags.has('--force'),
    log: (line) => io.out(line),
  }).catch((e: unknown) => {
    throw readFailure(positional[0], e);
  });
  if (flags.has('--json')) io.json(result.rollup);
  else for (const line of rollupLines(result.rollup, io)) io.out(line);
  if (result.error) io.out(io.say(`ไม่สำเร็จ: ${result.error.th}`, `Failed: ${result.error.en}`));
  for (const file of result.files) io.out(io.say(`เขียน ${file}`, `wrote ${file}`));
  const pdfFailed = !flags.has('--no-pdf') && result.report && !result.report.pdfId && findChromium();
  if (pdfFailed)
    io.out(io.say('สร้าง rollup.pdf ไม่สำเร็จ', `rollup.pdf failed: ${result.report?.pdfError ?? ''}`));
  return result.error || !result.report || pdfFailed ? 1 : 0;
}

/** The roll-up in a few lines (io.out makes every workbook text safe for the terminal). */
function rollupLines(json: RollupJson, io: Cli): string[] {
  const cur = json.year !== null ? json.years[String(json.year)] : undefined;
  const levels = Object.entries(cur?.levels ?? {})
    .map(([level, n]) => `${level === 'unknown' ? io.say('ไม่ทราบระดับ', 'unknown') : level} ${n}`)
    .join(', ');
  const lines = [
    io.say(
      `${json.scope || json.coordinator} ปีงบประมาณ ${json.year ?? '?'}: ${cur?.agencies ?? 0} หน่วยงาน เฉลี่ย ${cur?.mean ?? '–'} มัธยฐาน ${cur?.median ?? '–'} ต่ำกว่า 85: ${cur?.below85 ?? 0}`,
      `${json.scope || json.coordinator} fiscal year ${json.year ?? '?'}: ${cur?.agencies ?? 0} agencies, mean ${cur?.mean ?? '–'}, median ${cur?.median ?? '–'}, below 85: ${cur?.below85 ?? 0}`,
    ),
    `  ${levels}`,
    io.say(
      `  ระดับลดลง ${json.changes.levelDown.length} ระดับเพิ่มขึ้น ${json.changes.levelUp.length}; ข้อสังเกต ${json.findings.length} รายการ`,
      `  level down ${json.changes.levelDown.length}, level up ${json.changes.levelUp.length}; ${json.findings.length} finding(s)`,
    ),
    ...findingLines(json.findings, io),
  ];
  return lines;
}

async function serveCommand(args: string[], io: Cli): Promise<number> {
  const portAt = args.indexOf('--port');
  const port = portAt >= 0 ? Number(args[portAt + 1]) : 8080;
  if (portAt >= 0 && !(Number.isInteger(port) && port > 0 && port < 65536)) {
    throw new UsageError('ita-report: --port takes a port number', 'ita-report: --port ต้องเป็นหมายเลขพอร์ต');
  }
  const { positional } = parseArgs(
    args.filter((_, i) => portAt < 0 || (i !== portAt && i !== portAt + 1)),
    [],
  );
  if (positional.length > 1) {
    throw new UsageError(
      'ita-report: serve takes at most one WORKBOOK.xlsx',
      'ita-report: serve ระบุ WORKBOOK.xlsx ได้ไม่เกินหนึ่งไฟล์',
    );
  }
  if (positional[0]) await loadWorkbook(positional[0]);
  const server = await startLocalServer({
    workbook: positional[0],
    port,
    distDir: join(packageRoot(), 'dist'),
    pdf: chromiumPdfWriter(),
  });
  io.out(
    io.say(
      `ita-report: แถบด้านข้างอยู่ที่ ${server.url}/ (กด Ctrl-C เพื่อหยุด)`,
      `ita-report: the sidebar is at ${server.url}/ (Ctrl-C to stop)`,
    ),
  );
  await new Promise(() => {});
  return 0;
}

/** The installation check on the local runtime: its table, or its JSON; exit 1 when a step failed. */
async function selfCheckCommand(args: string[], io: Cli): Promise<number> {
  const { positional, flags } = parseArgs(args, ['--json', '--no-pdf']);
  if (positional.length > 1) {
    throw new UsageError(
      'ita-report: selfcheck takes at most one WORKBOOK.xlsx',
      'ita-report: selfcheck ระบุ WORKBOOK.xlsx ได้ไม่เกินหนึ่งไฟล์',
    );
  }
  if (positional[0]) await loadWorkbook(positional[0]);
  const { result } = await runSelfCheck({
    workbook: positional[0],
    pdf: flags.has('--no-pdf') ? null : chromiumPdfWriter(),
  });
  if (flags.has('--json')) io.json(result);
  else for (const line of selfCheckLines(result, io.lang)) io.out(line);
  return result.ok ? 0 : 1;
}

async function frameworkCommand(args: string[], io: Cli): Promise<number> {
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? args[outAt + 1] : undefined;
  if (!out || out.startsWith('-')) {
    throw new UsageError(
      'ita-report: framework needs --out FILE.xlsx',
      'ita-report: framework ต้องระบุ --out FILE.xlsx',
    );
  }
  if (!/\.xlsx$/i.test(out)) {
    throw new UsageError(
      'ita-report: the --out file must end in .xlsx',
      'ita-report: ไฟล์ของ --out ต้องลงท้ายด้วย .xlsx',
    );
  }
  const { positional } = parseArgs(
    args.filter((_, i) => i !== outAt && i !== outAt + 1),
    [],
  );
  const year = positional.length === 1 ? parseYear(positional[0]) : null;
  if (!year) {
    throw new UsageError(
      'ita-report: framework takes one fiscal year, such as 2569',
      'ita-report: framework ต้องระบุปีงบประมาณหนึ่งปี เช่น 2569',
    );
  }
  const { framework, fallbackFrom } = frameworkForYear(year.year);
  if (fallbackFrom !== null) {
    const known = FRAMEWORKS.map((f) => f.year);
    const range = `${Math.min(...known)}–${Math.max(...known)}`;
    io.err(
      io.say(
        `ita-report: ไม่มีกรอบการประเมินของปี ${year.year} ในโปรแกรม (มี ${range}) จึงเขียน ${framework.id} เป็นปี ${year.year} ให้เป็นจุดเริ่มต้น`,
        `ita-report: no framework is built in for ${year.year} (built in: ${range}); ${framework.id} is written for ${year.year} as a starting point`,
      ),
    );
  }
  const sheet = { name: TABS.framework[0], values: frameworkTabRows(framework, year.year) };
  await workbookFromSheets([sheet]).xlsx.writeFile(out);
  io.out(
    io.say(
      `เขียน ${out}: กรอบการประเมินปี ${year.year} (จาก ${framework.id}) ในแท็บ "${sheet.name}"`,
      `wrote ${out}: the framework of ${year.year} (from ${framework.id}) in tab "${sheet.name}"`,
    ),
  );
  return 0;
}

/** argv without `--lang X`, which every command takes. */
function withoutLang(argv: readonly string[]): string[] {
  const at = argv.indexOf('--lang');
  return at < 0 ? [...argv] : argv.filter((_, i) => i !== at && i !== at + 1);
}

async function run(argv: string[], io: Cli): Promise<number> {
  const [command, ...rest] = withoutLang(argv);
  if (command === '--help' || command === '-h' || command === 'help') {
    io.out(io.say(USAGE_TH, USAGE_EN));
    return 0;
  }
  if (command === '--version' || command === '-v' || command === 'version') {
    io.out(`ita-report ${VERSION}`);
    return 0;
  }
  if (command === 'analyze') return await analyzeCommand(rest, io);
  if (command === 'build') return await buildCommand(rest, io);
  if (command === 'rollup') return await rollupCommand(rest, io);
  if (command === 'serve') return await serveCommand(rest, io);
  if (command === 'framework') return await frameworkCommand(rest, io);
  if (command === 'selfcheck') return await selfCheckCommand(rest, io);
  throw command
    ? new UsageError(`ita-report: unknown command ${command}`, `ita-report: ไม่รู้จักคำสั่ง ${command}`)
    : new UsageError('ita-report: no command given', 'ita-report: ไม่ได้ระบุคำสั่ง');
}

export async function main(
  argv: string[],
  io: CliIo,
  env: Record<string, string | undefined> = {},
): Promise<number> {
  let lang: Lang = 'en';
  try {
    lang = cliLanguage(argv, env);
    const say = (th: string, en: string) => (lang === 'th' ? th : en);
    const out = (text: string) => io.out(terminalLines(text));
    const err = (text: string) => io.err(terminalLines(text));
    return await run(argv, { out, err, json: (value) => io.out(jsonText(value)), lang, say });
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(
        terminalLines(
          lang === 'th' ? `${e.th} (ดู ita-report --help)` : `${e.message} (see ita-report --help)`,
        ),
      );
      return 2;
    }
    if (e instanceof WorkbookError) {
      io.err(terminalLines(lang === 'th' ? e.th : e.message));
      return 1;
    }
    throw e;
  }
}
