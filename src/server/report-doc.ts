import type { Block, ReportModel } from '../core/report/model';

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
  /** true when the Doc of an earlier run was rewritten rather than a new one made. */
  reused: boolean;
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

/** Draws the chart in a scratch sheet and returns it as a PNG, as Sheets renders it. */
function chartImage(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  block: Extract<Block, { kind: 'chart' }>,
  column: number,
): GoogleAppsScript.Base.Blob {
  const width = Math.max(...block.data.map((r) => r.length));
  const grid = block.data.map((r) => [
    ...r.map((v) => (v === null ? '' : v)),
    ...Array(width - r.length).fill(''),
  ]);
  if (column + width - 1 > sheet.getMaxColumns())
    sheet.insertColumnsAfter(sheet.getMaxColumns(), column + width - 1 - sheet.getMaxColumns());
  const range = sheet.getRange(1, column, grid.length, width);
  range.setValues(grid);
  const chart = sheet
    .newChart()
    .setChartType(block.type === 'LINE' ? Charts.ChartType.LINE : Charts.ChartType.COLUMN)
    .addRange(range)
    .setNumHeaders(1)
    .setOption('title', '')
    .setOption('width', 640)
    .setOption('height', 340)
    .setOption('legend', { position: width > 2 ? 'bottom' : 'none' })
    .setOption('vAxis.viewWindow.min', block.id === 'trend' ? 50 : 0)
    .setOption('vAxis.viewWindow.max', 100)
    .setPosition(1, column, 0, 0)
    .build();
  sheet.insertChart(chart);
  const blob = chart.getAs('image/png');
  sheet.removeChart(chart);
  return blob;
}

/**
 * The report model into a Google Doc in the official form, then its PDF beside it. Tables get their header
 * row repeated on each page and rows kept whole through the Docs API, which DocumentApp lacks.
 */
export function renderReport(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  model: ReportModel,
  style: ReportStyle,
): ReportLinks {
  const props = PropertiesService.getDocumentProperties();
  const known = props.getProperties();
  const { doc, reused } = openOrCreate(model.name, known[PROP_DOC] ?? null);
  const body = doc.getBody();
  body
    .setPageWidth(PAGE.width)
    .setPageHeight(PAGE.height)
    .setMarginLeft(PAGE.left)
    .setMarginRight(PAGE.right)
    .setMarginTop(PAGE.top)
    .setMarginBottom(PAGE.bottom);
  const A = DocumentApp.Attribute;
  const center = (bold: boolean, size = style.size) =>
    textAttrs(style, {
      [A.HORIZONTAL_ALIGNMENT]: DocumentApp.HorizontalAlignment.CENTER,
      [A.BOLD]: bold,
      [A.FONT_SIZE]: size,
    });
  const headings = {
    1: DocumentApp.ParagraphHeading.HEADING1,
    2: DocumentApp.ParagraphHeading.HEADING2,
    3: DocumentApp.ParagraphHeading.HEADING3,
  };
  let chartSheet: GoogleAppsScript.Spreadsheet.Sheet | null = null;
  let chartColumn = 1;
  const first = body.getChild(0).asParagraph();
  let usedFirst = false;
  const paragraph = (text: string) => {
    if (!usedFirst) {
      usedFirst = true;
      first.setText(text);
      return first;
    }
    return body.appendParagraph(text);
  };
  for (const block of model.blocks) {
    switch (block.kind) {
      case 'title':
        paragraph(block.text)
          .setHeading(DocumentApp.ParagraphHeading.TITLE)
          .setAttributes(center(true, style.size + 6));
        break;
      case 'center':
        paragraph(block.text).setAttributes(center(block.bold ?? false));
        break;
      case 'heading': {
        const size = block.level === 1 ? style.size + 2 : style.size;
        paragraph(block.text)
          .setHeading(headings[block.level])
          .setAttributes(textAttrs(style, { [A.BOLD]: true, [A.FONT_SIZE]: size, [A.SPACING_BEFORE]: 8 }));
        break;
      }
      case 'paragraph':
        paragraph(block.text).setAttributes(
          textAttrs(style, {
            [A.INDENT_FIRST_LINE]: block.indent ? 36 : 0,
            [A.HORIZONTAL_ALIGNMENT]: DocumentApp.HorizontalAlignment.LEFT,
          }),
        );
        break;
      case 'missing':
        paragraph(block.text).setAttributes(
          textAttrs(style, { [A.ITALIC]: true, [A.FOREGROUND_COLOR]: '#5f6368' }),
        );
        break;
      case 'table': {
        if (block.caption)
          paragraph(block.caption).setAttributes(textAttrs(style, { [A.BOLD]: true, [A.SPACING_BEFORE]: 6 }));
        const table = body.appendTable([block.header, ...block.rows.map((r) => r.cells)]);
        table.setAttributes(
          textAttrs(style, { [A.FONT_SIZE]: style.size - (block.dense ? 2 : 1), [A.SPACING_AFTER]: 0 }),
        );
        table.setBorderWidth(0.5).setBorderColor('#000000');
        const total = block.widths.reduce((a, b) => a + b, 0);
        block.widths.forEach((w, i) => {
          table.setColumnWidth(i, (w / total) * TEXT_WIDTH);
        });
        const header = table.getRow(0);
        for (let c = 0; c < header.getNumCells(); c++) {
          header.getCell(c).setBackgroundColor('#e8eaed').editAsText().setBold(true);
        }
        block.rows.forEach((row, i) => {
          if (!row.bold && !row.group) return;
          const r = table.getRow(i + 1);
          if (row.group) r.getCell(0).setBackgroundColor('#f1f3f4');
          for (let c = 0; c < r.getNumCells(); c++) r.getCell(c).editAsText().setBold(true);
        });
        break;
      }
      case 'chart': {
        if (!chartSheet) {
          chartSheet = spreadsheet.getSheetByName(CHART_SHEET) ?? spreadsheet.insertSheet(CHART_SHEET);
          chartSheet.hideSheet();
        }
        const blob = chartImage(chartSheet, block, chartColumn);
        chartColumn += 4;
        const holder = paragraph('');
        holder.setAttributes(center(false));
        const image = holder.appendInlineImage(blob);
        const ratio = image.getHeight() / (image.getWidth() || 1);
        // InlineImage sizes are integer pixels.
        const width = Math.round(TEXT_WIDTH * 0.9);
        image.setWidth(width).setHeight(Math.round(width * (ratio || 0.53)));
        paragraph(block.caption).setAttributes(center(true));
        break;
      }
    }
  }
  if (chartSheet) spreadsheet.deleteSheet(chartSheet);
  const docId = doc.getId();
  const docUrl = doc.getUrl();
  doc.saveAndClose();
  pinTableHeaders(docId);
  let pdf: { id: string; url: string } | null = null;
  let pdfError: string | null = null;
  try {
    pdf = savePdf(docId, model.name, known[PROP_PDF] ?? null);
  } catch (e) {
    pdfError = typeof e === 'object' && e !== null && 'message' in e ? String(e.message) : String(e);
  }
  props.setProperties({ [PROP_DOC]: docId, ...(pdf ? { [PROP_PDF]: pdf.id } : {}) });
  return {
    name: model.name,
    docId,
    docUrl,
    pdfId: pdf?.id ?? null,
    pdfUrl: pdf?.url ?? null,
    pdfError,
    reused,
    unconfirmed: model.unconfirmed,
  };
}

/**
 * Repeats each table's header row on every page, keeps rows from splitting, and keeps captions with their
 * table or chart: one Docs API call for what DocumentApp cannot do.
 */
function pinTableHeaders(docId: string): void {
  if (typeof Docs === 'undefined' || !Docs?.Documents) return;
  const content = Docs.Documents.get(docId).body?.content ?? [];
  // pinTableHeaderRows and updateTableRowStyle are Docs API requests newer than @types/google-apps-script.
  const requests: Record<string, unknown>[] = [];
  const keepWithNext = (element: GoogleAppsScript.Docs.Schema.StructuralElement) => {
    requests.push({
      updateParagraphStyle: {
        range: { startIndex: element.startIndex, endIndex: element.endIndex },
        paragraphStyle: { keepWithNext: true },
        fields: 'keepWithNext',
      },
    });
  };
  content.forEach((element, i) => {
    // A chart stays with the caption under it.
    if (element.paragraph?.elements?.some((e) => e.inlineObjectElement)) keepWithNext(element);
    if (!element.table) return;
    const tableStartLocation = { index: element.startIndex };
    requests.push({ pinTableHeaderRows: { tableStartLocation, pinnedHeaderRowsCount: 1 } });
    requests.push({
      updateTableRowStyle: {
        tableStartLocation,
        tableRowStyle: { preventOverflow: true },
        fields: 'preventOverflow',
      },
    });
    // A table's caption stays with the table under it.
    if (content[i - 1]?.paragraph) keepWithNext(content[i - 1]);
  });
  if (requests.length > 0) {
    Docs.Documents.batchUpdate(
      { requests } as GoogleAppsScript.Docs.Schema.BatchUpdateDocumentRequest,
      docId,
    );
  }
}

/** The PDF beside the Doc: the file of the last run is updated in place, else a new one is made. */
function savePdf(docId: string, name: string, pdfId: string | null): { id: string; url: string } | null {
  if (typeof Drive === 'undefined' || !Drive?.Files) return null;
  const blob = DocumentApp.openById(docId).getAs('application/pdf').setName(`${name}.pdf`);
  if (pdfId) {
    try {
      const file = Drive.Files.update({ name: `${name}.pdf` }, pdfId, blob);
      return { id: file.id as string, url: `https://drive.google.com/file/d/${file.id}/view` };
    } catch (_e) {
      // Gone: make a new one.
    }
  }
  const file = Drive.Files.create({ name: `${name}.pdf`, mimeType: 'application/pdf' }, blob);
  return { id: file.id as string, url: `https://drive.google.com/file/d/${file.id}/view` };
}
