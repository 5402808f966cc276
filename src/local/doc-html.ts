import { readFileSync } from 'node:fs';
import { escapeMarkup as escapeHtml } from '../core/markup';
import { sarabunFiles } from './runtime/blob';
import type { BlockNode, DocData, ParagraphNode, RunNode, SectionNode, TableNode } from './runtime/document';
import { holdThaiWords } from './thai-words';

const HEADING_TAG: Record<string, string> = {
  TITLE: 'h1',
  SUBTITLE: 'h2',
  HEADING1: 'h1',
  HEADING2: 'h2',
  HEADING3: 'h3',
  HEADING4: 'h4',
  HEADING5: 'h5',
  HEADING6: 'h6',
};

/**
 * Docs' line spacing multiplies the font's own line height, not the em. Sarabun's tone marks over an upper
 * vowel reach 1.286 em above the baseline (its OS/2 winAscent), past its hhea ascent (1.068 em): ink outside
 * the line box is what Chromium prints at the foot of the page before. So the font is declared with an ascent
 * and descent that hold all its marks (1.286 + 0.32 em) and a line is at least that tall: 1.15 gives 1.61 em.
 */
const SARABUN_LINE = 1.4;
const SARABUN_METRICS = 'ascent-override:128.6%;descent-override:32%;line-gap-override:0%;';
function lineHeight(spacing: unknown): string {
  return (Number(spacing) * SARABUN_LINE).toFixed(3);
}

/*
 * Every value that reaches a style is checked against its own narrow form here, whatever the Doc holds: a
 * font family of letters, digits and spaces, a colour in #hex, a finite number. Anything else is left out.
 */
function cssFont(value: unknown): string | null {
  return typeof value === 'string' && /^[A-Za-z0-9 ]{1,60}$/.test(value) ? `'${value}'` : null;
}

function cssColor(value: unknown): string | null {
  return typeof value === 'string' && /^#(?:[0-9a-fA-F]{3}){1,2}$/.test(value) ? value : null;
}

function cssNumber(value: unknown): number | null {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim() !== ''
        ? Number(value)
        : NaN;
  return Number.isFinite(n) ? n : null;
}

function cssKeyword(value: unknown, allowed: readonly string[]): string | null {
  const word = String(value).toLowerCase();
  return allowed.includes(word) ? word : null;
}

/** A link target the report may carry: http(s) and mailto only. */
function safeHref(value: unknown): string | null {
  return typeof value === 'string' && /^(?:https?:\/\/|mailto:)/i.test(value.trim()) ? value.trim() : null;
}

/** Text attributes of a run (over its paragraph's) as inline CSS. */
function textStyle(attrs: Record<string, unknown>): string {
  const css: string[] = [];
  const font = cssFont(attrs.FONT_FAMILY);
  if (font) css.push(`font-family:${font}`);
  const size = cssNumber(attrs.FONT_SIZE);
  if (size) css.push(`font-size:${size}pt`);
  if (attrs.BOLD === true) css.push('font-weight:bold');
  if (attrs.BOLD === false) css.push('font-weight:normal');
  if (attrs.ITALIC) css.push('font-style:italic');
  if (attrs.UNDERLINE) css.push('text-decoration:underline');
  const color = cssColor(attrs.FOREGROUND_COLOR);
  if (color) css.push(`color:${color}`);
  const background = cssColor(attrs.BACKGROUND_COLOR);
  if (background) css.push(`background:${background}`);
  return css.join(';');
}

function run(r: RunNode): string {
  const text = holdThaiWords(escapeHtml(r.text)).replace(/\n/g, '<br>');
  const style = textStyle(r.attrs);
  const inner = style ? `<span style="${style}">${text}</span>` : text;
  const href = safeHref(r.attrs.LINK_URL);
  return href ? `<a href="${escapeHtml(href)}">${inner}</a>` : inner;
}

function paragraph(p: ParagraphNode): string {
  const a = p.attrs;
  const css: string[] = [];
  const align =
    a.HORIZONTAL_ALIGNMENT && cssKeyword(a.HORIZONTAL_ALIGNMENT, ['left', 'center', 'right', 'justify']);
  if (align) css.push(`text-align:${align}`);
  const before = cssNumber(a.SPACING_BEFORE);
  if (before !== null) css.push(`margin-top:${before}pt`);
  const after = cssNumber(a.SPACING_AFTER);
  if (after !== null) css.push(`margin-bottom:${after}pt`);
  const lineSpacing = cssNumber(a.LINE_SPACING);
  if (lineSpacing !== null) css.push(`line-height:${lineHeight(lineSpacing)}`);
  const indentStart = cssNumber(a.INDENT_START);
  const indentFirst = cssNumber(a.INDENT_FIRST_LINE);
  if (indentFirst !== null) css.push(`text-indent:${indentFirst - (indentStart ?? 0)}pt`);
  if (indentStart !== null) css.push(`margin-left:${indentStart}pt`);
  if (p.keepWithNext) css.push('break-after:avoid');
  const own = textStyle(a);
  if (own) css.push(own);
  let body = '';
  let pageBreak = false;
  for (const inline of p.inlines) {
    if (inline.kind === 'text') body += (inline.runs ?? []).map(run).join('');
    else if (inline.kind === 'image' && inline.image) {
      const img = inline.image;
      const type = cssKeyword(img.contentType, ['image/png', 'image/jpeg', 'image/gif']) ?? 'image/png';
      const src = `data:${type};base64,${img.data.toString('base64')}`;
      // InlineImage.setWidth(width): "width — Integer — the new width, in pixels": a CSS pixel is 0.75 pt.
      body += `<img src="${src}" alt="${escapeHtml(img.altTitle)}" style="width:${cssNumber(img.width) ?? 0}px;height:${cssNumber(img.height) ?? 0}px">`;
    } else if (inline.kind === 'pagebreak') pageBreak = true;
  }
  const tag = HEADING_TAG[String(a.HEADING ?? '')] ?? 'p';
  const html = `<${tag}${css.length ? ` style="${css.join(';')}"` : ''}>${body || '&nbsp;'}</${tag}>`;
  return pageBreak ? `${html}<div class="page-break"></div>` : html;
}

/** About how wide a line of Thai is in Sarabun at `size` pt: marks above and below take no width. */
function lineWidth(text: string, size: number): number {
  return text.replace(/[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/g, '').length * size * 0.56;
}

/** The text of a cell's blocks, a line per paragraph line. */
function cellLines(nodes: BlockNode[]): string[] {
  return nodes.flatMap((n) =>
    n.type === 'PARAGRAPH'
      ? paragraphText(n).split('\n')
      : n.rows.flatMap((r) => r.cells.flatMap((c) => cellLines(c.children))),
  );
}

/**
 * About how tall a row is printed, in points: its tallest cell's lines, each wrapped to its column (less the
 * cell's padding), at the table's font size and the page's line height.
 */
function rowHeight(r: TableNode['rows'][number], widths: number[], size: number): number {
  let column = 0;
  let tallest = 0;
  for (const c of r.cells.filter((x) => !x.attrs.MERGED)) {
    const span = Math.max(1, Math.floor(cssNumber(c.attrs.COLUMN_SPAN) ?? 1));
    const room = Math.max(20, widths.slice(column, column + span).reduce((a, b) => a + b, 0) - 8);
    column += span;
    const lines = cellLines(c.children).reduce(
      (n, l) => n + Math.max(1, Math.ceil(lineWidth(l, size) / room)),
      0,
    );
    tallest = Math.max(tallest, lines * size * SARABUN_LINE * 1.15 + 4);
  }
  return tallest;
}

/**
 * A row that keeps whole unless it is taller than a third of the page: then it may break across pages (its
 * table's header repeated on the next), so that a page is not left a third or more empty before it.
 */
function splits(r: TableNode['rows'][number], t: TableNode, page: number | null): boolean {
  if (!page) return false;
  const widths = t.columnWidths.map((w) => cssNumber(w) ?? 0);
  if (widths.some((w) => w <= 0)) return false;
  return rowHeight(r, widths, cssNumber(t.attrs.FONT_SIZE) ?? 11) > page / 3;
}

function table(t: TableNode, page: number | null = null): string {
  const widths = t.columnWidths
    .map((w) => (cssNumber(w) ? `<col style="width:${cssNumber(w)}pt">` : '<col>'))
    .join('');
  const border = cssNumber(t.attrs.BORDER_WIDTH) ?? 1;
  const color = cssColor(t.attrs.BORDER_COLOR) ?? '#000000';
  const keepsWithNext = (r: TableNode['rows'][number]) =>
    r.cells.some((c) => c.children.some((b) => b.type === 'PARAGRAPH' && b.keepWithNext));
  const rowClass = (r: TableNode['rows'][number]) =>
    [keepsWithNext(r) && 'keep-next', t.preventOverflow && splits(r, t, page) && 'split']
      .filter(Boolean)
      .join(' ');
  const row = (r: TableNode['rows'][number], tag: 'th' | 'td') =>
    `<tr${rowClass(r) ? ` class="${rowClass(r)}"` : ''}>${r.cells
      .filter((c) => !c.attrs.MERGED)
      .map((c) => {
        const span = Math.max(1, Math.floor(cssNumber(c.attrs.COLUMN_SPAN) ?? 1));
        const css = [`border:${border}pt ${border > 0 ? 'solid' : 'none'} ${color}`];
        const background = cssColor(c.attrs.BACKGROUND_COLOR);
        if (background) css.push(`background:${background}`);
        const vertical = cssKeyword(c.attrs.VERTICAL_ALIGNMENT, ['top', 'center', 'bottom']);
        if (vertical) css.push(`vertical-align:${vertical === 'center' ? 'middle' : vertical}`);
        return `<${tag}${span > 1 ? ` colspan="${span}"` : ''} style="${css.join(';')}">${blocks(c.children)}</${tag}>`;
      })
      .join('')}</tr>`;
  const head = t.rows.slice(0, t.pinnedHeaderRows);
  const body = t.rows.slice(t.pinnedHeaderRows);
  const own = textStyle(t.attrs);
  return `<table class="${t.preventOverflow ? 'keep-rows' : ''}"${own ? ` style="${own}"` : ''}><colgroup>${widths}</colgroup>${
    head.length ? `<thead>${head.map((r) => row(r, 'th')).join('')}</thead>` : ''
  }<tbody>${body.map((r) => row(r, 'td')).join('')}</tbody></table>`;
}

/** `page`: the height of the page's text area in points, where the body's blocks are laid out. */
function blocks(nodes: BlockNode[], page: number | null = null): string {
  return nodes.map((n) => (n.type === 'PARAGRAPH' ? paragraph(n) : table(n, page))).join('\n');
}

function section(s: SectionNode | null, cls: string): string {
  return s ? `<div class="${cls}">${blocks(s.children)}</div>` : '';
}

function fontFace(family: string, path: string, weight: number): string {
  return `@font-face{font-family:'${family}';src:url(data:font/ttf;base64,${readFileSync(path).toString('base64')}) format('truetype');font-weight:${weight};${SARABUN_METRICS}}`;
}

/**
 * Page numbers at the foot of every page but the first, in the digits the Doc's text uses. They stand for
 * the page-number field the officer inserts once in Google Docs (Insert → Page numbers): no Apps Script or
 * Docs API call can insert one, and the renderer keeps the Doc's header and footer through rebuilds.
 */
function pageNumberStyle(doc: DocData): string {
  const thai = /[๐-๙]/.test(
    doc.body.children.map((b) => (b.type === 'PARAGRAPH' ? paragraphText(b) : '')).join(''),
  );
  return `@page { @bottom-center { content: counter(page${thai ? ', thai' : ''}); font-family: 'Sarabun'; font-size: 11pt; vertical-align: top; padding-top: 12pt; } }
@page :first { @bottom-center { content: none; } }`;
}

/**
 * The header's text at the top of every printed page, as Docs repeats a header section (the screen view
 * shows the section once, above the body). Its text is the user's: written as an escaped CSS string.
 */
function headerStyle(doc: DocData): string {
  const text = (doc.header?.children ?? [])
    .map((b) => (b.type === 'PARAGRAPH' ? paragraphText(b) : ''))
    .filter((t) => t.trim() !== '')
    .join('  ');
  if (!text) return '';
  const css = text.replace(/[\\"<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);
  return `@page { @top-right { content: "${css}"; font-family: 'Sarabun'; font-weight: 700; font-size: 11pt; vertical-align: bottom; padding-bottom: 12pt; } }
@media print { .header { display: none; } }`;
}

function paragraphText(p: ParagraphNode): string {
  return p.inlines.map((i) => (i.runs ?? []).map((r) => r.text).join('')).join('');
}

/** The height of a page's text area in points, from the body's page size and margins. */
function textHeight(a: Record<string, unknown>): number | null {
  const [height, top, bottom] = [a.PAGE_HEIGHT, a.MARGIN_TOP, a.MARGIN_BOTTOM].map(cssNumber);
  return height && top !== null && bottom !== null ? height - top - bottom : null;
}

/** The page loads nothing and runs nothing: its styles are inline, its fonts and images data: URLs. */
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; base-uri 'none'; form-action 'none'";

/**
 * The Doc as one self-contained HTML page: the page size and margins of its body, Sarabun embedded,
 * pinned table header rows repeated on each printed page, and rows kept whole where the Doc says so.
 */
export function docToHtml(doc: DocData): string {
  const a = doc.body.attrs;
  const numbers = pageNumberStyle(doc);
  const pt = (v: unknown, d: number) => `${cssNumber(v) ?? d}pt`;
  const fonts = sarabunFiles();
  return `<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<title>${escapeHtml(doc.name)}</title>
<style>
${fontFace('Sarabun', fonts.regular, 400)}
${fontFace('Sarabun', fonts.bold, 700)}
@page { size: ${pt(a.PAGE_WIDTH, 612)} ${pt(a.PAGE_HEIGHT, 792)}; margin: ${pt(a.MARGIN_TOP, 72)} ${pt(a.MARGIN_RIGHT, 72)} ${pt(a.MARGIN_BOTTOM, 72)} ${pt(a.MARGIN_LEFT, 72)}; }
html { background: #f1f3f4; }
body { font-family: 'Sarabun', sans-serif; font-size: 11pt; line-height: 1.61; margin: 0; }
.page { background: #fff; max-width: ${pt(a.PAGE_WIDTH, 612)}; box-sizing: border-box; margin: 16px auto; padding: ${pt(a.MARGIN_TOP, 72)} ${pt(a.MARGIN_RIGHT, 72)} ${pt(a.MARGIN_BOTTOM, 72)} ${pt(a.MARGIN_LEFT, 72)}; box-shadow: 0 1px 3px rgba(0,0,0,.3); }
@media print { html { background: none; } .page { margin: 0; padding: 0; box-shadow: none; max-width: none; } }
h1, h2, h3, h4, h5, h6 { font-size: inherit; margin: 0.6em 0 0.3em; break-after: avoid; }
p { margin: 0 0 0.3em; }
table { border-collapse: collapse; width: 100%; margin: 0.3em 0 0.6em; table-layout: fixed; }
th, td { padding: 2pt 4pt; vertical-align: top; text-align: left; font-weight: normal; overflow-wrap: break-word; }
.w { display: inline-block; text-indent: 0; }
table.keep-rows tr.keep-next { break-after: avoid; }
${numbers}
${headerStyle(doc)}
th p, td p { margin: 0; }
thead { display: table-header-group; }
table.keep-rows tr { break-inside: avoid; }
table.keep-rows tr.split { break-inside: auto; }
img { display: block; margin: 0 auto; max-width: 100%; height: auto !important; }
.page-break { break-after: page; }
</style>
</head>
<body><div class="page">
${section(doc.header, 'header')}
${blocks(doc.body.children, textHeight(a))}
${section(doc.footer, 'footer')}
</div></body>
</html>
`;
}
