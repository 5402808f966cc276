import { type SheetsChartSpec, sheetsChartSpec } from '../core/report/chart-spec';
import { chartKey, type DrawnChart, isPng } from '../core/report/drawn-charts';
import type { ChartBlock, ReportModel, TableBlock } from '../core/report/model';
import type { DocumentProps } from './document-props';
import { enableApiFix, errorMessage, phase, UserError, type Warning } from './errors';
import type { OpenWorkbook } from './sheets';

const CM = 72 / 2.54;
/** A4 in points, with the margins of Thai official documents: 3 cm left, 2 cm right, 2.5 cm top and bottom. */
export const PAGE = {
  width: 595.276,
  height: 841.89,
  left: 3 * CM,
  right: 2 * CM,
  top: 2.5 * CM,
  bottom: 2.5 * CM,
};
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
const CHART_SHEET = '_ita_report_charts';
export const PROP_DOC = 'ita.reportDocId';
export const PROP_PDF = 'ita.reportPdfId';

/** Where each report keeps the ids of its Doc and PDF, so that a rebuild rewrites the same files. */
export const REPORT_KINDS = {
  plan: { doc: PROP_DOC, pdf: PROP_PDF, pdfError: 'ita.reportPdfError' },
  results: { doc: 'ita.resultsDocId', pdf: 'ita.resultsPdfId', pdfError: 'ita.resultsPdfError' },
  rollup: { doc: 'ita.rollupDocId', pdf: 'ita.rollupPdfId', pdfError: 'ita.rollupPdfError' },
} as const;
export type ReportKind = keyof typeof REPORT_KINDS;

export interface ReportStyle {
  font: string;
  size: number;
}

export interface ReportLinks {
  name: string;
  docId: string;
  docUrl: string;
  pdfId: string | null;
  pdfUrl: string | null;
  /** Why there is no PDF, when making it failed (the Doc is still there). */
  pdfError: string | null;
  /**
   * The PDF is made by a call of its own (apiSaveReportPdf), started as soon as this one answers with the
   * Doc: `pdfId` is then the PDF of the last build, which that call rewrites, and `pdfUrl` null until then.
   */
  pdfLater: boolean;
  /**
   * What went wrong that did not stop the build, and what to do: the tables left without their layout
   * (the Docs API failed), the PDF not made (Drive failed), each naming the fix when an API is off.
   */
  warnings: Warning[];
  /** true when the Doc of an earlier run was rewritten rather than a new one made. */
  reused: boolean;
  /** Built without indicator or item scores: the Doc is marked as a draft. */
  draft: boolean;
  /** Built despite data errors: the report's title says it is unconfirmed. */
  unconfirmed: boolean;
}

type Attrs = Record<string, unknown>;

function textAttrs(style: ReportStyle, extra: Attrs = {}): Attrs {
  const A = DocumentApp.Attribute;
  return {
    [A.FONT_FAMILY]: style.font,
    [A.FONT_SIZE]: style.size,
    [A.BOLD]: false,
    [A.FOREGROUND_COLOR]: '#000000',
    [A.SPACING_BEFORE]: 0,
    [A.SPACING_AFTER]: 4,
    [A.LINE_SPACING]: 1.15,
    ...extra,
  };
}

/** Opens the Doc of the last run (its id in the document properties), or makes a new one. */
function openOrCreate(
  name: string,
  docId: string | null,
): { doc: GoogleAppsScript.Document.Document; reused: boolean } {
  if (docId) {
    try {
      const doc = DocumentApp.openById(docId);
      doc.setName(name);
      doc.getBody().clear();
      return { doc, reused: true };
    } catch (_e) {
      // Deleted or no longer reachable: make a new one.
    }
  }
  return { doc: DocumentApp.create(name), reused: false };
}

/** Draws the chart in a scratch sheet, its data and its top left corner at `column`. */
function drawChart(sheet: GoogleAppsScript.Spreadsheet.Sheet, spec: SheetsChartSpec, column: number): void {
  const width = spec.grid[0].length;
  if (column + width - 1 > sheet.getMaxColumns())
    sheet.insertColumnsAfter(sheet.getMaxColumns(), column + width - 1 - sheet.getMaxColumns());
  const range = sheet.getRange(1, column, spec.grid.length, width);
  range.setValues(spec.grid);
  let builder = sheet
    .newChart()
    .setChartType(Charts.ChartType[spec.type])
    .addRange(range)
    .setNumHeaders(1)
    .setPosition(1, column, 0, 0);
  for (const [option, value] of Object.entries(spec.options)) builder = builder.setOption(option, value);
  sheet.insertChart(builder.build());
}

/** A chart the sidebar drew, as a blob, if its picture is a PNG (else Sheets draws that chart). */
function drawnImage(png: string): GoogleAppsScript.Base.Blob | null {
  let bytes: GoogleAppsScript.Byte[];
  try {
    bytes = Utilities.base64Decode(png);
  } catch (_e) {
    return null;
  }
  return isPng(bytes) ? Utilities.newBlob(bytes, 'image/png', 'chart.png') : null;
}

/**
 * The model's charts as PNGs: those the sidebar drew for this build (the same spec, a PNG), and the rest
 * as Sheets renders them, drawn side by side in a scratch sheet and taken from one getCharts() call. The
 * built objects are not the sheet's charts (their getChartId is null), and the reference does not say in
 * what order getCharts returns them: each is known by the column it is anchored in. The scratch sheet
 * goes whatever happens, and its charts with it.
 */
function chartImages(
  workbook: OpenWorkbook,
  charts: readonly ChartBlock[],
  drawn: readonly DrawnChart[],
): Map<ChartBlock, GoogleAppsScript.Base.Blob> {
  const images = new Map<ChartBlock, GoogleAppsScript.Base.Blob>();
  const byKey = new Map(drawn.map((d) => [d.key, d.png]));
  for (const block of charts) {
    const png = byKey.get(chartKey(block));
    const image = png ? drawnImage(png) : null;
    if (image) images.set(block, image);
  }
  const left = charts.filter((block) => !images.has(block));
  if (left.length > 0) phase('ita: charts Sheets draws', () => drawWithSheets(workbook, left, images));
  return images;
}

/** Charts drawn by Sheets, into `images`. */
function drawWithSheets(
  workbook: OpenWorkbook,
  left: readonly ChartBlock[],
  images: Map<ChartBlock, GoogleAppsScript.Base.Blob>,
): void {
  const { spreadsheet, tabs } = workbook;
  // One left by a run that could not delete it would hold charts at the same anchors: it goes first.
  const stale = tabs.find((t) => t.getName() === CHART_SHEET);
  if (stale) spreadsheet.deleteSheet(stale);
  const sheet = spreadsheet.insertSheet(CHART_SHEET);
  try {
    sheet.hideSheet();
    const byAnchor = new Map<number, ChartBlock>();
    let column = 1;
    for (const block of left) {
      const spec = sheetsChartSpec(block);
      drawChart(sheet, spec, column);
      byAnchor.set(column, block);
      column += spec.grid[0].length + 1;
    }
    for (const chart of sheet.getCharts()) {
      const block = byAnchor.get(chart.getContainerInfo().getAnchorColumn());
      if (block) images.set(block, chart.getAs('image/png'));
    }
  } finally {
    spreadsheet.deleteSheet(sheet);
  }
}

type Body = GoogleAppsScript.Document.Body;
type Paragraph = GoogleAppsScript.Document.Paragraph;

/** Writes the model's blocks into a Doc's body, one method a kind of block. */
class DocWriter {
  private readonly A = DocumentApp.Attribute;
  private usedFirst = false;
  /** Body children that keep with the next one (headings, lead paragraphs), for arrangeTables. */
  readonly keepWithNext: number[] = [];

  constructor(
    private readonly body: Body,
    private readonly style: ReportStyle,
    private readonly images: ReadonlyMap<ChartBlock, GoogleAppsScript.Base.Blob>,
  ) {}

  /** A body always holds one paragraph: the first block takes it over. */
  private paragraph(text: string): Paragraph {
    if (this.usedFirst) return this.body.appendParagraph(text);
    this.usedFirst = true;
    const first = this.body.getChild(0).asParagraph();
    first.setText(text);
    return first;
  }

  private center(bold: boolean, size = this.style.size): Attrs {
    return textAttrs(this.style, {
      [this.A.HORIZONTAL_ALIGNMENT]: DocumentApp.HorizontalAlignment.CENTER,
      [this.A.BOLD]: bold,
      [this.A.FONT_SIZE]: size,
    });
  }

  write(block: ReportModel['blocks'][number]): void {
    this.writeBlock(block);
    if (block.kind === 'heading' || (block.kind === 'paragraph' && block.keepWithNext))
      this.keepWithNext.push(this.body.getNumChildren() - 1);
  }

  private writeBlock(block: ReportModel['blocks'][number]): void {
    const A = this.A;
    switch (block.kind) {
      case 'title':
        this.paragraph(block.text)
          .setHeading(DocumentApp.ParagraphHeading.TITLE)
          .setAttributes(this.center(true, this.style.size + 6));
        return;
      case 'center':
        this.paragraph(block.text).setAttributes(this.center(block.bold ?? false));
        return;
      case 'heading':
        this.paragraph(block.text)
          .setHeading(HEADINGS[block.level]())
          .setAttributes(
            textAttrs(this.style, {
              [A.BOLD]: true,
              [A.FONT_SIZE]: block.level === 1 ? this.style.size + 2 : this.style.size,
              [A.SPACING_BEFORE]: 8,
            }),
          );
        return;
      case 'paragraph':
        this.paragraph(block.text).setAttributes(
          textAttrs(this.style, {
            [A.INDENT_FIRST_LINE]: block.indent ? 36 : 0,
            [A.HORIZONTAL_ALIGNMENT]: DocumentApp.HorizontalAlignment.LEFT,
          }),
        );
        return;
      case 'missing':
        this.paragraph(block.text).setAttributes(
          textAttrs(this.style, { [A.ITALIC]: true, [A.FOREGROUND_COLOR]: '#5f6368' }),
        );
        return;
      case 'table':
        this.table(block);
        return;
      case 'signatures':
        this.signatures(block.columns);
        return;
      case 'chart':
        this.chart(block);
        return;
    }
  }

  private table(block: TableBlock): void {
    const A = this.A;
    if (block.caption)
      this.paragraph(block.caption).setAttributes(
        textAttrs(this.style, { [A.BOLD]: true, [A.SPACING_BEFORE]: 6 }),
      );
    const table = this.body.appendTable([block.header, ...block.rows.map((r) => r.cells)]);
    table.setAttributes(
      textAttrs(this.style, { [A.FONT_SIZE]: this.style.size - (block.dense ? 2 : 1), [A.SPACING_AFTER]: 0 }),
    );
    table.setBorderWidth(0.5).setBorderColor('#000000');
    // Column widths, the header's and group rows' shading and bold: in arrangeTables' Docs API call.
    block.rows.forEach((row, r) => {
      for (const link of row.links ?? []) this.link(table.getCell(r + 1, link.cell).editAsText(), link.url);
    });
  }

  /** The URL where it stands in the text becomes a link to itself, coloured and underlined as links are. */
  private link(text: GoogleAppsScript.Document.Text, url: string): void {
    const start = text.getText().indexOf(url);
    if (start < 0 || !/^https?:\/\//i.test(url)) return;
    const end = start + url.length - 1;
    text.setLinkUrl(start, end, url).setForegroundColor(start, end, '#1155cc').setUnderline(start, end, true);
  }

  /** Signatures side by side in a borderless one-row table (a row is kept whole on a page). */
  private signatures(columns: string[][]): void {
    this.paragraph('');
    const table = this.body.appendTable([columns.map((lines) => lines.join('\n'))]);
    table.setAttributes(textAttrs(this.style, { [this.A.SPACING_AFTER]: 0, [this.A.LINE_SPACING]: 1.5 }));
    table.setBorderWidth(0);
    const row = table.getRow(0);
    for (let c = 0; c < row.getNumCells(); c++) {
      const cell = row.getCell(c);
      for (let p = 0; p < cell.getNumChildren(); p++)
        cell.getChild(p).asParagraph().setAlignment(DocumentApp.HorizontalAlignment.CENTER);
    }
  }

  private chart(block: ChartBlock): void {
    const blob = this.images.get(block);
    if (!blob) throw new Error(`Sheets did not draw the chart "${block.caption}"`);
    const holder = this.paragraph('');
    holder.setAttributes(this.center(false));
    const image = holder.appendInlineImage(blob);
    const ratio = image.getHeight() / (image.getWidth() || 1);
    // InlineImage sizes are integer pixels.
    const width = Math.round(TEXT_WIDTH * 0.9);
    image.setWidth(width).setHeight(Math.round(width * (ratio || 0.53)));
    this.paragraph(block.caption).setAttributes(this.center(true));
  }
}

const HEADINGS = {
  1: () => DocumentApp.ParagraphHeading.HEADING1,
  2: () => DocumentApp.ParagraphHeading.HEADING2,
  3: () => DocumentApp.ParagraphHeading.HEADING3,
};

/**
 * The report model into a Google Doc in the official form, then its PDF beside it (or, with `pdfLater`, in a
 * call of its own: saveReportPdf). Tables get their header row repeated on each page, rows kept whole and
 * group rows merged through the Docs API, which DocumentApp lacks. Only the body is rewritten: a header or
 * footer the user added (the page number, which no API can insert) stays through every rebuild. The Doc's
 * and the PDF's ids go with the record of the build (reportIdEntries), in one write; a body that fails
 * midway has the Doc's id written at once, so that the next build rewrites it.
 */
export function renderReport(
  workbook: OpenWorkbook,
  model: ReportModel,
  style: ReportStyle,
  kind: ReportKind,
  props: DocumentProps,
  drawn: readonly DrawnChart[] = [],
  pdfLater = false,
): ReportLinks {
  const keys = REPORT_KINDS[kind];
  const { doc, reused } = phase('ita: open or make the Doc', () =>
    openOrCreate(model.name, props.get(keys.doc)),
  );
  const docId = doc.getId();
  const docUrl = doc.getUrl();
  const warnings: Warning[] = [];
  let keepWithNext: number[];
  try {
    keepWithNext = writeBody(workbook, doc, model, style, drawn);
  } catch (e) {
    // Tracked once something failed, so that the next build rewrites this Doc; a build that ends well
    // writes the id with its record (reportIdEntries), in the same write.
    if (props.get(keys.doc) !== docId) props.set({ [keys.doc]: docId });
    throw new UserError(
      'report-incomplete',
      `สร้างเอกสารรายงานแล้วแต่ยังเขียนไม่ครบ (${errorMessage(e)}) เอกสารอยู่ที่ ${docUrl} กดสร้างรายงานอีกครั้งเพื่อเขียนทับเอกสารเดิม`,
      `The report Doc was made but not finished (${errorMessage(e)}). It is at ${docUrl}; build again to rewrite the same Doc`,
    );
  }
  try {
    phase('ita: arrange the tables (Docs API)', () => arrangeTables(docId, model, keepWithNext));
  } catch (e) {
    // The Doc is whole without it: its tables only lack their widths, shading and repeated headers.
    warnings.push(layoutWarning(e));
  }
  const links = {
    name: model.name,
    docId,
    docUrl,
    pdfLater,
    warnings,
    reused,
    draft: model.draft,
    unconfirmed: model.unconfirmed,
  };
  if (pdfLater) return { ...links, pdfId: props.get(keys.pdf), pdfUrl: null, pdfError: null };
  const pdf = makePdf(docId, model.name, props.get(keys.pdf));
  warnings.push(...pdf.warnings);
  return { ...links, pdfId: pdf.pdfId, pdfUrl: pdf.pdfUrl, pdfError: pdf.pdfError };
}

/** What making a report's PDF gives: the file, or why there is none and what to do. */
export interface PdfResult {
  pdfId: string | null;
  pdfUrl: string | null;
  pdfError: string | null;
  warnings: Warning[];
}

/** The Doc's PDF beside it, over the file of `pdfId` when it is still there; a failure said, not thrown. */
function makePdf(docId: string, name: string | null, pdfId: string | null): PdfResult {
  try {
    const pdf = savePdf(docId, name, pdfId);
    if (pdf) return { pdfId: pdf.id, pdfUrl: pdf.url, pdfError: null, warnings: [] };
    return { pdfId, pdfUrl: null, pdfError: 'Drive is not defined', warnings: [] };
  } catch (e) {
    const fix = enableApiFix('Google Drive API', e);
    return { pdfId, pdfUrl: null, pdfError: errorMessage(e), warnings: fix ? [fix] : [] };
  }
}

/**
 * The PDF of a Doc the build call just wrote and closed, in a server call of its own so that the sidebar
 * shows the Doc's link first. It writes the document properties only when something changed: a new PDF's
 * id, or why it failed (the build's record clears that), so that the last-report card never links an old
 * PDF as this build's.
 */
export function saveReportPdf(
  kind: ReportKind,
  docId: string,
  pdfId: string | null,
  props: DocumentProps,
): PdfResult {
  const keys = REPORT_KINDS[kind];
  const pdf = makePdf(docId, null, pdfId);
  if (pdf.pdfError !== null) props.set({ [keys.pdfError]: pdf.pdfError });
  else if (pdf.pdfId !== pdfId && pdf.pdfId) props.set({ [keys.pdf]: pdf.pdfId });
  return pdf;
}

/**
 * What the write that records a build keeps of its files: the Doc's id, the PDF's (when there is one), and
 * why the PDF failed ('' when it did not, or when it is yet to be made).
 */
export function reportIdEntries(kind: ReportKind, links: ReportLinks): Record<string, string> {
  const keys = REPORT_KINDS[kind];
  return {
    [keys.doc]: links.docId,
    ...(links.pdfId ? { [keys.pdf]: links.pdfId } : {}),
    [keys.pdfError]: links.pdfError ?? '',
  };
}

/**
 * The body, written and saved: the charts drawn first (their scratch sheet gone whatever happens), the Doc
 * closed for the Docs API to arrange its tables. The body children that keep with the next one.
 */
function writeBody(
  workbook: OpenWorkbook,
  doc: GoogleAppsScript.Document.Document,
  model: ReportModel,
  style: ReportStyle,
  drawn: readonly DrawnChart[],
): number[] {
  doc
    .getBody()
    .setPageWidth(PAGE.width)
    .setPageHeight(PAGE.height)
    .setMarginLeft(PAGE.left)
    .setMarginRight(PAGE.right)
    .setMarginTop(PAGE.top)
    .setMarginBottom(PAGE.bottom);
  const charts = model.blocks.filter((b): b is ChartBlock => b.kind === 'chart');
  const writer = new DocWriter(doc.getBody(), style, chartImages(workbook, charts, drawn));
  phase('ita: write the body', () => {
    for (const block of model.blocks) writer.write(block);
  });
  phase('ita: mark the draft in the header', () => markDraft(doc, model.draft));
  phase('ita: save the Doc', () => doc.saveAndClose());
  return writer.keepWithNext;
}

/** The tables left as DocumentApp made them, and why; what to do when the Docs API is off. */
function layoutWarning(e: unknown): Warning {
  const fix = enableApiFix('Google Docs API', e);
  const why = errorMessage(e);
  return {
    th: `ส่งเอกสารแล้ว แต่จัดรูปแบบตารางไม่ได้ (ความกว้างคอลัมน์ แถบสี หัวตารางซ้ำทุกหน้า): ${why}${fix ? ` — ${fix.th}` : ''}`,
    en: `The Doc is delivered, but its tables could not be laid out (column widths, shading, headers repeated on each page): ${why}${fix ? ` — ${fix.en}` : ''}`,
  };
}

/**
 * The header paragraph that marks a draft on every page. The add-on knows it as its own by its text, which
 * nothing else writes; the rest of the header (the page number the officer inserted) is never touched.
 */
export const DRAFT_HEADER = 'ร่าง – ยังไม่ใช่ฉบับเผยแพร่ (ita-report)';

/** A draft gets the mark in the Doc's header (made if there is none); a report no longer a draft loses it. */
function markDraft(doc: GoogleAppsScript.Document.Document, draft: boolean): void {
  let header = doc.getHeader();
  const ours = () => (header?.getParagraphs() ?? []).filter((p) => p.getText() === DRAFT_HEADER);
  if (draft) {
    if (ours().length > 0) return;
    header = header ?? doc.addHeader();
    const only = header.getParagraphs();
    // A new header holds one empty paragraph: the mark takes it rather than leaving a blank line above.
    let mark: GoogleAppsScript.Document.Paragraph;
    if (only.length === 1 && only[0].getText() === '') {
      mark = only[0];
      mark.setText(DRAFT_HEADER);
    } else mark = header.insertParagraph(0, DRAFT_HEADER);
    mark.setAlignment(DocumentApp.HorizontalAlignment.RIGHT).editAsText().setBold(true);
    return;
  }
  for (const p of ours()) {
    // A section keeps at least one paragraph: the last one is emptied rather than removed.
    if ((header?.getParagraphs().length ?? 0) > 1) p.removeFromParent();
    else p.setText('');
  }
}

type Element = GoogleAppsScript.Docs.Schema.StructuralElement;

/** The paragraphs of a table row (a group row keeps with the row after it). */
function rowParagraphs(element: Element, row: number): Element[] {
  return (element.table?.tableRows?.[row]?.tableCells ?? [])
    .flatMap((c) => c.content ?? [])
    .filter((e) => e.paragraph);
}

/**
 * What arrangeTables reads of the Doc, and no more: "For best performance, explicitly list only the fields
 * you need" (developers.google.com/docs/api/how-tos/field-masks); the whole resource carries every run's
 * and every cell's style.
 */
const ARRANGE_FIELDS =
  'body.content(startIndex,endIndex,sectionBreak,paragraph.elements(startIndex,inlineObjectElement.inlineObjectId),' +
  'table(rows,tableRows.tableCells.content(startIndex,endIndex,paragraph.elements.startIndex)))';

/**
 * What DocumentApp cannot do, in one Docs API call: each table's header row repeated on every page, rows kept
 * from splitting, group rows merged across the table and kept with the next row, captions kept with their
 * table or chart, headings and lead paragraphs with what follows them. The Doc's tables are the model's
 * tables and signatures, in order.
 */
function arrangeTables(docId: string, model: ReportModel, keep: readonly number[]): void {
  if (typeof Docs === 'undefined' || !Docs?.Documents) return;
  const content = Docs.Documents.get(docId, { fields: ARRANGE_FIELDS }).body?.content ?? [];
  // The body's children are the content's elements after its opening section break, in order.
  const children = content.filter((e) => !e.sectionBreak);
  const specs = model.blocks.filter((b) => b.kind === 'table' || b.kind === 'signatures');
  // pinTableHeaderRows, updateTableRowStyle and mergeTableCells are newer than @types/google-apps-script.
  const requests: Record<string, unknown>[] = [];
  const merges: Record<string, unknown>[] = [];
  const keepWithNext = (element: Element) => {
    requests.push({
      updateParagraphStyle: {
        range: { startIndex: element.startIndex, endIndex: element.endIndex },
        paragraphStyle: { keepWithNext: true },
        fields: 'keepWithNext',
      },
    });
  };
  for (const k of keep) if (children[k]?.paragraph) keepWithNext(children[k]);
  let t = 0;
  content.forEach((element, i) => {
    // A chart stays with the caption under it.
    if (element.paragraph?.elements?.some((e) => e.inlineObjectElement)) keepWithNext(element);
    if (!element.table) return;
    const spec = specs[t++];
    const tableStartLocation = { index: element.startIndex };
    requests.push({
      updateTableRowStyle: {
        tableStartLocation,
        tableRowStyle: { preventOverflow: true },
        fields: 'preventOverflow',
      },
    });
    if (spec?.kind !== 'table') return;
    requests.push({ pinTableHeaderRows: { tableStartLocation, pinnedHeaderRowsCount: 1 } });
    requests.push(...tableStyle(element, spec));
    // A table's caption stays with the table under it.
    if (content[i - 1]?.paragraph) keepWithNext(content[i - 1]);
    spec.rows.forEach((row, r) => {
      if (!row.group) return;
      for (const p of rowParagraphs(element, r + 1)) keepWithNext(p);
      merges.push({
        mergeTableCells: {
          tableRange: {
            tableCellLocation: { tableStartLocation, rowIndex: r + 1, columnIndex: 0 },
            rowSpan: 1,
            columnSpan: spec.header.length,
          },
        },
      });
    });
  });
  // Merging moves text between cells: done last, from the end, so that no index above is shifted.
  requests.push(...merges.reverse());
  if (requests.length > 0) {
    Docs.Documents.batchUpdate(
      { requests } as GoogleAppsScript.Docs.Schema.BatchUpdateDocumentRequest,
      docId,
    );
  }
}

/** Docs API colours are fractions of 255 per channel. */
function rgb(hex: string): Record<string, unknown> {
  const channel = (at: number) => Number.parseInt(hex.slice(at, at + 2), 16) / 255;
  return { color: { rgbColor: { red: channel(1), green: channel(3), blue: channel(5) } } };
}

/**
 * A table's look, as Docs API requests (one call for every table, rather than hundreds of DocumentApp
 * calls): column widths from the model, the header row shaded and bold, group rows shaded and bold in
 * their first cell (the rest is merged into it), bold rows bold.
 */
function tableStyle(element: Element, spec: TableBlock): Record<string, unknown>[] {
  const tableStartLocation = { index: element.startIndex };
  const requests: Record<string, unknown>[] = [];
  const total = spec.widths.reduce((a, b) => a + b, 0);
  spec.widths.forEach((w, column) => {
    requests.push({
      updateTableColumnProperties: {
        tableStartLocation,
        columnIndices: [column],
        tableColumnProperties: {
          widthType: 'FIXED_WIDTH',
          width: { magnitude: (w / total) * TEXT_WIDTH, unit: 'PT' },
        },
        fields: 'width,widthType',
      },
    });
  });
  const shade = (rowIndex: number, columnSpan: number, color: string) =>
    requests.push({
      updateTableCellStyle: {
        tableRange: {
          tableCellLocation: { tableStartLocation, rowIndex, columnIndex: 0 },
          rowSpan: 1,
          columnSpan,
        },
        tableCellStyle: { backgroundColor: rgb(color) },
        fields: 'backgroundColor',
      },
    });
  const bold = (rowIndex: number) => {
    for (const p of rowParagraphs(element, rowIndex)) {
      // The text without its closing newline; an empty cell has none to style.
      if ((p.endIndex ?? 0) - (p.startIndex ?? 0) <= 1) continue;
      requests.push({
        updateTextStyle: {
          range: { startIndex: p.startIndex, endIndex: (p.endIndex ?? 0) - 1 },
          textStyle: { bold: true },
          fields: 'bold',
        },
      });
    }
  };
  shade(0, spec.header.length, '#e8eaed');
  bold(0);
  spec.rows.forEach((row, r) => {
    if (row.group) shade(r + 1, 1, '#f1f3f4');
    if (row.group || row.bold) bold(r + 1);
  });
  return requests;
}

/** The PDF beside the Doc: the file of the last run is updated in place, else a new one is made. */
function savePdf(
  docId: string,
  name: string | null,
  pdfId: string | null,
): { id: string; url: string } | null {
  const files = typeof Drive === 'undefined' ? undefined : Drive?.Files;
  if (!files) return null;
  let title = name ?? '';
  const blob = phase('ita: export the PDF', () => {
    const doc = DocumentApp.openById(docId);
    title = name ?? doc.getName();
    return doc.getAs('application/pdf').setName(`${title}.pdf`);
  });
  return phase('ita: save the PDF in Drive', () => uploadPdf(files, blob, title, pdfId));
}

/** The PDF into Drive: over the file of the last run if it is still there, else a new one. */
function uploadPdf(
  files: NonNullable<typeof Drive>['Files'],
  blob: GoogleAppsScript.Base.Blob,
  name: string,
  pdfId: string | null,
): { id: string; url: string } {
  if (pdfId) {
    try {
      const file = files.update({ name: `${name}.pdf` }, pdfId, blob);
      return { id: file.id as string, url: `https://drive.google.com/file/d/${file.id}/view` };
    } catch (_e) {
      // Gone: make a new one.
    }
  }
  const file = files.create({ name: `${name}.pdf`, mimeType: 'application/pdf' }, blob);
  return { id: file.id as string, url: `https://drive.google.com/file/d/${file.id}/view` };
}
