// Preloaded (node -r) into a CLI run by the benches: prints the peak memory of the process when it exits,
// and the CPU time it used (on a busy machine the wall time says more about the others than about it).
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write(
    `\nMAXRSS_KB ${u.maxRSS}\nCPU_MS ${Math.round((u.userCPUTime + u.systemCPUTime) / 1000)}\n`,
  );
});
