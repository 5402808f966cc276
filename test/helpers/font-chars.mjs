// The characters a TrueType font has glyphs for, read with HarfBuzz (harfbuzzjs, an ES module, hence a
// separate process):   node font-chars.mjs FILE   → JSON: the code points of its cmap
import { readFileSync } from 'node:fs';
import { Blob, Face } from 'harfbuzzjs';

const face = new Face(new Blob(readFileSync(process.argv[2])), 0);
process.stdout.write(JSON.stringify(Array.from(face.collectUnicodes())));
