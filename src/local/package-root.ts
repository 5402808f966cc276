import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The folder of this package (where dist/, build/ and package.json are), from src/ or from the bundled build/. */
export function packageRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
