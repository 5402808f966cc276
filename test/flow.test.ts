import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBuild } from '../src/local/build';
import { loadBundle } from '../src/local/bundle';
import { chromiumPdfWriter } from '../src/local/pdf';
import type { BlockNode, DocData, ParagraphNode, PdfWriter, TableNode } from '../src/local/runtime/document';
import { blockText } from '../src/local/runtime/document';
import { createRuntime } from '../src/local/runtime/index';
import { loadSpreadsheet, restoreProperties } from '../src/local/workbook-io';
import { bare, pdfText } from './helpers/pdf';
import { ROOT } from './helpers/workbook';

const SAMPLE = join(ROOT, 'samples', 'oie-2568.xlsx');
const DIST = join(ROOT, 'dist');

async function sampleRuntime(path = SAMPLE, pdf: PdfWriter | null = null) {
  const loaded = await loadSpreadsheet(path);
  const runtime = createRuntime({ spreadsheet: loaded.build, projectDir: DIST, pdf });
  restoreProperties(runtime, loaded.state);
  return { runtime, bundle: loadBundle(runtime, join(DIST, 'Code.js')) };
}

const paragraphs = (doc: DocData) =>
  doc.body.children.filter((n): n is ParagraphNode => n.type === 'PARAGRAPH');
const tables = (doc: DocData) => doc.body.children.filter((n): n is TableNode => n.type === 'TABLE');
const text = (doc: DocData) => doc.body.children.map((n: BlockNode) => blockText(n)).join('\n');

describe('the bundle in a bare vm context, on the sample workbook', () => {
  test('onOpen builds the add-on menu from top-level functions that exist', async () => {
    const { runtime, bundle } = await sampleRuntime();
    bundle.call('onOpen', { authMode: 'NONE' });
    const items = runtime.ui.menus[0].items;
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(bundle.has(item.functionName)).toBe(true);
    expect(runtime.calls.get('Range.getValues')).toBe(0); // nothing but the menu in AuthMode.NONE
  });

  test('the one-click flow writes the measures tab and a Doc in the official form', async () => {
    const { runtime, bundle } = await sampleRuntime();
    const measures = bundle.call<{ rows: number; summary: { added: number } }>('apiWriteMeasures');
    expect(measures.summary.added).toBe(measures.rows);
    const report = bundle.call<{ docId: string; pdfId: string | null }>('apiBuildReport');
    const doc = runtime.documents.get(report.docId) as DocData;
    expect(doc.body.attrs).toMatchObject({ PAGE_WIDTH: 595.276, PAGE_HEIGHT: 841.89 });
    expect(Number(doc.body.attrs.MARGIN_LEFT)).toBeCloseTo(85.04, 1); // 3 cm
    expect(Number(doc.body.attrs.MARGIN_RIGHT)).toBeCloseTo(56.69, 1); // 2 cm
    const headings = paragraphs(doc)
      .filter((p) => p.attrs.HEADING === 'HEADING1')
      .map((p) => blockText(p));
    expect(headings.slice(0, 2)).toEqual(['บทสรุปสำหรับผู้บริหาร', '๑. ความเป็นมา']);
    expect(headings).toHaveLength(5);
    for (const p of paragraphs(doc).filter((x) => blockText(x) !== '')) {
      expect(p.attrs.FONT_FAMILY).toBe('Sarabun');
    }
    const [signatures, ...data] = tables(doc).reverse();
    expect(blockText(signatures)).toContain('ผู้จัดทำ');
    expect(data.every((t) => t.pinnedHeaderRows === 1 && t.preventOverflow)).toBe(true);
    // Signatures: one borderless row, kept whole, nothing pinned.
    expect(signatures).toMatchObject({
      pinnedHeaderRows: 0,
      preventOverflow: true,
      attrs: { BORDER_WIDTH: 0 },
    });
    expect(blockText(signatures)).toContain('(นายสมชาย ตัวอย่าง)');
    // Group rows (an indicator) span the table and keep with the row after them.
    const measuresTable = data[0];
    const group = measuresTable.rows[1];
    expect(group.cells[0].attrs.COLUMN_SPAN).toBe(5);
    expect(group.cells.slice(1).every((c) => c.attrs.MERGED === true)).toBe(true);
    expect(group.cells[0].children.every((p) => p.type === 'PARAGRAPH' && p.keepWithNext)).toBe(true);
    // Headings, and the paragraph that leads into a table, stay on the page of what follows them.
    expect(
      paragraphs(doc)
        .filter((p) => String(p.attrs.HEADING).startsWith('HEADING'))
        .every((p) => p.keepWithNext),
    ).toBe(true);
    const lead = paragraphs(doc).find((p) => blockText(p).startsWith('ขั้นตอนของแต่ละมาตรการ'));
    expect(lead?.keepWithNext).toBe(true);
    const images = paragraphs(doc).flatMap((p) => p.inlines.filter((i) => i.kind === 'image'));
    expect(images).toHaveLength(3);
    expect(images.every((i) => i.image?.contentType === 'image/png')).toBe(true);
    expect(runtime.spreadsheet.getSheetByName('_ita_report_charts')).toBeNull(); // the scratch sheet is gone
    expect(text(doc)).toContain('o25'); // the 2569 item, never ๐๒๕
    expect(text(doc)).not.toMatch(/ข้อ [๐-๙]|[ieo][๐-๙]/); // item ids keep Latin letters and Arabic digits
  });

  test('regenerating rewrites the same Doc and updates the same PDF', async () => {
    const { runtime, bundle } = await sampleRuntime(SAMPLE, chromiumPdfWriter());
    runtime.context.user = 'owner@local.example';
    bundle.call('apiWriteMeasures');
    const first = bundle.call<{ docId: string; pdfId: string | null; reused: boolean }>('apiBuildReport');
    const second = bundle.call<{ docId: string; pdfId: string | null; reused: boolean }>('apiBuildReport');
    expect(second.docId).toBe(first.docId);
    expect(second.reused).toBe(true);
    expect(runtime.documents.size).toBe(1);
    expect(first.pdfId).toEqual(expect.any(String));
    expect(second.pdfId).toBe(first.pdfId);
  });

  test('a footer the user added to the Doc (the page number no API can insert) survives a rebuild', async () => {
    const { runtime, bundle } = await sampleRuntime();
    bundle.call('apiWriteMeasures');
    const first = bundle.call<{ docId: string }>('apiBuildReport');
    const g = runtime.globals as unknown as { DocumentApp: GoogleAppsScript.Document.DocumentApp };
    const doc = g.DocumentApp.openById(first.docId);
    doc.addFooter().appendParagraph('หน้า #');
    doc.saveAndClose();
    const second = bundle.call<{ docId: string }>('apiBuildReport');
    expect(second.docId).toBe(first.docId);
    expect(
      blockText((runtime.documents.get(first.docId) as DocData).footer?.children.at(-1) as BlockNode),
    ).toBe('หน้า #');
  });

  test('someone else holding the document lock gets a clear message, not a crash', async () => {
    const { runtime, bundle } = await sampleRuntime();
    runtime.documentLock.by = 'another user';
    expect(() => bundle.call('apiWriteMeasures')).toThrow(/มีผู้ใช้อื่นกำลัง/);
  });
});

describe('ita-report build', () => {
  test('writes the workbook, the HTML and the PDF; reading the workbook back keeps the measures tab', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ita-build-'));
    const result = await runBuild({ workbook: SAMPLE, out, distDir: DIST });
    expect(result.error).toBeNull();
    expect(result.files.map((f) => f.slice(out.length + 1))).toEqual([
      'workbook.xlsx',
      'report.html',
      'report.pdf',
    ]);
    const again = await sampleRuntime(join(out, 'workbook.xlsx'));
    const tab = again.runtime.spreadsheet.getSheetByName('มาตรการ');
    expect(tab?.getLastRow()).toBe((result.measures?.rows ?? 0) + 1);
  }, 120_000);
});

describe('the PDF of ita-report build', () => {
  test('carries its Thai text (Sarabun embedded), item ids in Latin letters', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ita-build-'));
    const result = await runBuild({ workbook: SAMPLE, out, distDir: DIST });
    expect(result.error).toBeNull();
    const text = bare(pdfText(join(out, 'report.pdf')));
    expect(text).toContain(bare('ความเป็นมา'));
    expect(text).toContain('o25');
    expect(text).toContain('๙๖.๐๖');
  }, 60_000);
});
