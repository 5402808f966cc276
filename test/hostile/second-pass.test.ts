import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { ROOT } from '../helpers/workbook';

// Each case of the second attacker's pass (test/fuzz/second-pass.cjs) run through the CLI in a process of
// its own, its peak memory and processor time measured there (bench/maxrss.cjs).
jest.setTimeout(180_000);

interface Expect {
  exit: number;
  message?: string;
  noRawBytes?: string[];
  findings?: { code: string; where?: string; severity?: string; quotes?: string }[];
  level?: { year: string; level: string; level_source: string };
  maxRssMb?: number;
  maxSeconds?: number;
  maxLineLength?: number;
  noPdf?: boolean;
  noFindings?: string[];
  reportHas?: string[];
  reportLacks?: string[];
  agency?: string;
  written?: { cell: string; value: unknown; bold?: boolean; fill?: string }[];
}

const { CASES } = require('../fuzz/second-pass.cjs') as {
  CASES: { name: string; make: () => Promise<Buffer>; command: string[]; expect: Expect }[];
};

const BIN = join(ROOT, 'bin', 'ita-report.cjs');
const MAXRSS = join(ROOT, 'bench', 'maxrss.cjs');

function run(command: string[], file: string, out: string) {
  const [verb, ...flags] = command;
  const args = verb === 'build' ? [verb, file, '--out', out, ...flags] : [verb, file, ...flags];
  const started = Date.now();
  const child = spawnSync(process.execPath, ['-r', MAXRSS, BIN, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (Date.now() - started) / 1000;
  const rssMb = Number(/MAXRSS_KB (\d+)/.exec(child.stderr)?.[1]) / 1024;
  const cpuSeconds = Number(/CPU_MS (\d+)/.exec(child.stderr)?.[1]) / 1000;
  const html = join(out, 'report.html');
  const report = existsSync(html) ? readFileSync(html, 'utf8') : '';
  const stderr = child.stderr.replace(/\nMAXRSS_KB \d+\nCPU_MS \d+\n$/, '');
  return { exit: child.status, stdout: child.stdout, stderr, seconds, cpuSeconds, rssMb, report };
}

type Finding = { code: string; where: string | null; severity: string; message: string; message_en: string };

/** What a run breaks of its case's expectations, one line each (none when it holds). */
function problems(
  e: Expect,
  r: ReturnType<typeof run>,
  json: {
    agency: string;
    findings: Finding[];
    scores: Record<string, { level: string; level_source: string }>;
  } | null,
): string[] {
  const printed = r.stdout + r.stderr;
  const out: string[] = [];
  if (r.exit !== e.exit) out.push(`exit ${r.exit}, not ${e.exit}: ${r.stderr.slice(0, 300)}`);
  if (e.message && !printed.includes(e.message))
    out.push(`"${e.message}" not printed: ${printed.slice(0, 300)}`);
  for (const raw of e.noRawBytes ?? [])
    if (printed.includes(raw)) out.push(`raw U+${raw.charCodeAt(0).toString(16)} printed`);
  if (e.maxRssMb && !(r.rssMb <= e.maxRssMb)) out.push(`peak RSS ${r.rssMb} MB`);
  // Processor time, and the clock with room for a machine shared by several test runs.
  if (e.maxSeconds && !(r.cpuSeconds <= e.maxSeconds)) out.push(`${r.cpuSeconds} s of processor time`);
  if (e.maxSeconds && !(r.seconds <= e.maxSeconds * 3)) out.push(`${r.seconds} s on the clock`);
  const longest = Math.max(...printed.split('\n').map((l) => l.length));
  if (e.maxLineLength && longest > e.maxLineLength) out.push(`a line of ${longest} characters`);
  if (e.noPdf && /report\.pdf/.test(r.stdout)) out.push('a PDF was written');
  for (const want of e.findings ?? []) {
    const found = json?.findings.find(
      (f) => f.code === want.code && (want.where === undefined || f.where === want.where),
    );
    if (!found)
      out.push(`no finding ${want.code} at ${want.where}: ${JSON.stringify(json?.findings)}`.slice(0, 600));
    else if (want.severity && found.severity !== want.severity) out.push(`${want.code} is ${found.severity}`);
    else if (want.quotes && !`${found.message} ${found.message_en}`.includes(want.quotes))
      out.push(`${want.code} does not quote ${want.quotes}: ${found.message_en}`);
  }
  for (const code of e.noFindings ?? [])
    if (json?.findings.some((f) => f.code === code)) out.push(`a finding ${code}`);
  if (e.agency !== undefined && json?.agency !== e.agency) out.push(`agency ${JSON.stringify(json?.agency)}`);
  for (const text of e.reportHas ?? []) if (!r.report.includes(text)) out.push(`the report lacks "${text}"`);
  for (const text of e.reportLacks ?? []) if (r.report.includes(text)) out.push(`the report holds "${text}"`);
  const year = e.level ? json?.scores[e.level.year] : undefined;
  if (e.level && (year?.level !== e.level.level || year?.level_source !== e.level.level_source))
    out.push(`level ${year?.level} (${year?.level_source})`);
  return out;
}

/** What the cells `written` names hold in the workbook the build wrote, against what they must. */
async function writtenProblems(e: Expect, out: string): Promise<string[]> {
  if (!e.written) return [];
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(out, 'workbook.xlsx'));
  const problems: string[] = [];
  for (const want of e.written) {
    const [tab, address] = want.cell.split('!');
    const cell = wb.getWorksheet(tab)?.getCell(address);
    const fill = (cell?.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    const got = {
      value: cell?.value,
      ...(want.bold !== undefined ? { bold: cell?.font?.bold === true } : {}),
      ...(want.fill !== undefined ? { fill: fill?.toUpperCase() } : {}),
    };
    const { cell: _, ...expected } = want;
    if (JSON.stringify(got) !== JSON.stringify(expected))
      problems.push(`${want.cell}: ${JSON.stringify(got)}, not ${JSON.stringify(expected)}`);
  }
  return problems;
}

describe('the second pass of hostile workbooks, through the CLI', () => {
  test.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const dir = mkdtempSync(join(tmpdir(), 'ita-pass2-'));
    const file = join(dir, 'case.xlsx');
    writeFileSync(file, await c.make());
    const r = run(c.command, file, join(dir, 'out'));
    const json = c.command.includes('--json') ? JSON.parse(r.stdout) : null;
    const found = [...problems(c.expect, r, json), ...(await writtenProblems(c.expect, join(dir, 'out')))];
    expect(found).toEqual([]);
  });
});
