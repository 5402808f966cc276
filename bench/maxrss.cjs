// Preloaded (node -r) into a CLI run by the benches: prints the peak memory of the process when it exits,
// and the processor time it used (user and system: unlike the time on the clock, not lengthened by a busy
// machine).
process.on('exit', () => {
  const use = process.resourceUsage();
  process.stderr.write(
    `\nMAXRSS_KB ${use.maxRSS}\nCPU_MS ${Math.round((use.userCPUTime + use.systemCPUTime) / 1000)}\n`,
  );
});
