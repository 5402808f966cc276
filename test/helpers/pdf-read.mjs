// Reads a PDF for the tests with PDF.js (pdfjs-dist, and @napi-rs/canvas to draw): its text line by line,
// a page as grey pixels, or every page as a PNG. A separate process because pdfjs-dist is an ES module.
//   node pdf-read.mjs text FILE               → JSON: one array of lines a page
//   node pdf-read.mjs grey FILE PAGE DPI      → JSON: { width, height, grey (base64, one byte a pixel) }
//   node pdf-read.mjs png FILE DIR DPI        → writes DIR/page-N.png, prints the count
//   node pdf-read.mjs rows FILE DPI           → JSON: a string a page, a row a character: 1 inked, 0 blank
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const [command, file, ...rest] = process.argv.slice(2);
const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;

/**
 * A page's text as lines, top to bottom: items on one baseline, left to right; a space where there is a
 * gap, two where the gap is wider than a word space (the next column of a table, as pdftotext -layout pads it).
 */
async function pageLines(page) {
  const { items } = await page.getTextContent();
  const lines = [];
  for (const item of items) {
    if (!item.str) continue;
    const [x, y] = [item.transform[4], item.transform[5]];
    let line = lines.find((l) => Math.abs(l.y - y) < 2);
    if (!line) {
      line = { y, items: [] };
      lines.push(line);
    }
    line.items.push({ x, end: x + item.width, str: item.str });
  }
  return lines
    .sort((a, b) => b.y - a.y)
    .map((l) => {
      l.items.sort((a, b) => a.x - b.x);
      let text = '';
      let end = null;
      for (const i of l.items) {
        if (end !== null && i.x - end > 1) text += i.x - end > 6 ? '  ' : ' ';
        text += i.str;
        end = i.end;
      }
      return text;
    });
}

async function draw(n, dpi) {
  const page = await doc.getPage(n);
  const viewport = page.getViewport({ scale: dpi / 72 });
  const { canvas, context } = doc.canvasFactory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvasContext: context, viewport, canvas }).promise;
  return { canvas, context };
}

if (command === 'text') {
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) pages.push(await pageLines(await doc.getPage(n)));
  process.stdout.write(JSON.stringify(pages));
} else if (command === 'grey') {
  const { canvas, context } = await draw(Number(rest[0]), Number(rest[1]));
  const rgba = context.getImageData(0, 0, canvas.width, canvas.height).data;
  const grey = Buffer.alloc(canvas.width * canvas.height);
  for (let i = 0; i < grey.length; i++)
    grey[i] = Math.round(0.299 * rgba[4 * i] + 0.587 * rgba[4 * i + 1] + 0.114 * rgba[4 * i + 2]);
  process.stdout.write(
    JSON.stringify({ width: canvas.width, height: canvas.height, grey: grey.toString('base64') }),
  );
} else if (command === 'png') {
  mkdirSync(rest[0], { recursive: true });
  for (let n = 1; n <= doc.numPages; n++) {
    const { canvas } = await draw(n, Number(rest[1]));
    writeFileSync(join(rest[0], `page-${String(n).padStart(2, '0')}.png`), canvas.toBuffer('image/png'));
  }
  process.stdout.write(String(doc.numPages));
} else if (command === 'rows') {
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const { canvas, context } = await draw(n, Number(rest[0]));
    const rgba = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let rows = '';
    for (let y = 0; y < canvas.height; y++) {
      let ink = false;
      for (let x = 0; x < canvas.width && !ink; x++) ink = rgba[4 * (y * canvas.width + x) + 1] < 200;
      rows += ink ? '1' : '0';
    }
    pages.push(rows);
  }
  process.stdout.write(JSON.stringify(pages));
} else {
  throw new Error(`unknown command ${command}`);
}
