// Writes samples/oie-2568.xlsx from its checked-in source samples/oie-2568.json (run `npm run build` first).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const { workbookFromSheets } = createRequire(import.meta.url)('../build/local.cjs');
const source = JSON.parse(readFileSync('samples/oie-2568.json', 'utf8'));
const workbook = workbookFromSheets(source.sheets);
workbook.creator = 'ita-report';
workbook.created = new Date('2025-10-01T00:00:00Z');
workbook.modified = workbook.created;
await workbook.xlsx.writeFile('samples/oie-2568.xlsx');
console.log('wrote samples/oie-2568.xlsx');
