import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Temporary files being written now: removed by `removePendingFiles` when a signal stops the process. */
const pending = new Set<string>();

function temporaryName(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}

/**
 * Writes every file under a temporary name in its own folder, then renames them into place, so each path
 * holds either its old content or the whole new one, never part of a file. If a write fails, the files
 * already written under temporary names are removed and nothing is renamed.
 */
export function writeFilesAtomically(files: readonly { path: string; data: string | Buffer }[]): void {
  const temps: { temp: string; path: string }[] = [];
  try {
    for (const { path, data } of files) {
      const temp = temporaryName(path);
      pending.add(temp);
      temps.push({ temp, path });
      writeFileSync(temp, data);
    }
    for (const { temp, path } of temps) {
      renameSync(temp, path);
      pending.delete(temp);
    }
  } finally {
    for (const { temp } of temps) {
      if (pending.delete(temp)) rmSync(temp, { force: true });
    }
  }
}

/** Removes the temporary files of a write under way (for a signal handler: the old files stay as they were). */
export function removePendingFiles(): void {
  for (const temp of pending) rmSync(temp, { force: true });
  pending.clear();
}
