// Writes the coordinators' sample workbooks (run `npm run build` first):
// - samples/industry-2568.xlsx from its checked-in source samples/industry-2568.json: the Ministry of
//   Industry's departments as the OIE report of 2568 quotes them (its table of หน่วยงานในสังกัด, pasted as is:
//   a title row, rank, name, score in Thai digits, level; no year column);
// - samples/province-example.xlsx: about 150 example local governments over two years, from the distribution
//   stated in scripts/rollup-samples.cjs.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const { coordinatorSheets } = createRequire(import.meta.url)('./rollup-samples.cjs');

const { workbookFromSheets } = createRequire(import.meta.url)('../build/local.cjs');

async function write(sheets, path) {
  const workbook = workbookFromSheets(sheets);
  workbook.creator = 'ita-report';
  workbook.created = new Date('2025-10-01T00:00:00Z');
  workbook.modified = workbook.created;
  await workbook.xlsx.writeFile(path);
  console.log(`wrote ${path}`);
}

await write(
  JSON.parse(readFileSync('samples/industry-2568.json', 'utf8')).sheets,
  'samples/industry-2568.xlsx',
);
await write(coordinatorSheets(), 'samples/province-example.xlsx');
