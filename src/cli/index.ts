import { main } from './main';

main(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`ita-report: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
