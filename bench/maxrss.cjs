// Preloaded (node -r) into a CLI run by the benches: prints the peak memory of the process when it exits.
process.on('exit', () => {
  process.stderr.write(`\nMAXRSS_KB ${process.resourceUsage().maxRSS}\n`);
});
