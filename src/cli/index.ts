import { terminalLines } from '../core/terminal';
import { removePendingFiles } from '../local/atomic';
import { main } from './main';

// `ita-report build book.xlsx --out D | head -1` closes the pipe early: that is not an error, and the build
// goes on to the end (its files complete) with nothing more printed.
let stdoutOpen = true;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  stdoutOpen = false;
});

// A signal stops the process with the old output files as they were: the files being written under a
// temporary name are removed.
for (const [signal, number] of [
  ['SIGINT', 2],
  ['SIGTERM', 15],
  ['SIGHUP', 1],
] as const) {
  process.on(signal, () => {
    removePendingFiles();
    process.exit(128 + number);
  });
}

main(
  process.argv.slice(2),
  {
    out: (text) => {
      if (stdoutOpen) process.stdout.write(`${text}\n`);
    },
    err: (text) => process.stderr.write(`${text}\n`),
  },
  process.env,
).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const why = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${terminalLines(`ita-report: ${why}`)}\n`);
    process.exitCode = 1;
  },
);
