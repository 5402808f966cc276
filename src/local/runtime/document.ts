import { Blob } from './blob';
import { gasError, type RuntimeContext, Service } from './context';
import type { DriveFile } from './drive';
import { checkedEmail, User } from './spreadsheet';

/** DocumentApp's enums, with the string values Apps Script uses. */
export const ParagraphHeading = {
  NORMAL: 'NORMAL',
  HEADING1: 'HEADING1',
  HEADING2: 'HEADING2',
  HEADING3: 'HEADING3',
  HEADING4: 'HEADING4',
  HEADING5: 'HEADING5',
  HEADING6: 'HEADING6',
  TITLE: 'TITLE',
  SUBTITLE: 'SUBTITLE',
} as const;
export const HorizontalAlignment = {
  LEFT: 'LEFT',
  CENTER: 'CENTER',
  RIGHT: 'RIGHT',
  JUSTIFY: 'JUSTIFY',
} as const;
export const VerticalAlignment = { TOP: 'TOP', CENTER: 'CENTER', BOTTOM: 'BOTTOM' } as const;
export const Attribute = Object.fromEntries(
  [
    'BACKGROUND_COLOR',
    'BOLD',
    'BORDER_COLOR',
    'BORDER_WIDTH',
    'CODE',
    'FONT_FAMILY',
    'FONT_SIZE',
    'FOREGROUND_COLOR',
    'HEADING',
    'HEIGHT',
    'HORIZONTAL_ALIGNMENT',
    'INDENT_END',
    'INDENT_FIRST_LINE',
    'INDENT_START',
    'ITALIC',
    'LEFT_TO_RIGHT',
    'LINE_SPACING',
    'LINK_URL',
    'MARGIN_BOTTOM',
    'MARGIN_LEFT',
    'MARGIN_RIGHT',
    'MARGIN_TOP',
    'MINIMUM_HEIGHT',
    'PADDING_BOTTOM',
    'PADDING_LEFT',
    'PADDING_RIGHT',
    'PADDING_TOP',
    'PAGE_HEIGHT',
    'PAGE_WIDTH',
    'SPACING_AFTER',
    'SPACING_BEFORE',
    'STRIKETHROUGH',
    'UNDERLINE',
    'VERTICAL_ALIGNMENT',
    'WIDTH',
  ].map((k) => [k, k]),
) as Record<string, string>;
export const ElementType = {
  BODY_SECTION: 'BODY_SECTION',
  PARAGRAPH: 'PARAGRAPH',
  TABLE: 'TABLE',
  TABLE_ROW: 'TABLE_ROW',
  TABLE_CELL: 'TABLE_CELL',
  TEXT: 'TEXT',
  INLINE_IMAGE: 'INLINE_IMAGE',
  PAGE_BREAK: 'PAGE_BREAK',
  HEADER_SECTION: 'HEADER_SECTION',
  FOOTER_SECTION: 'FOOTER_SECTION',
} as const;

type Attrs = Record<string, unknown>;

/** The document's contents as data: what the HTML writer and the Docs API view read. */
export interface RunNode {
  text: string;
  attrs: Attrs;
}
export interface InlineNode {
  kind: 'text' | 'image' | 'pagebreak';
  runs?: RunNode[];
  image?: { data: Buffer; contentType: string; width: number; height: number; altTitle: string };
}
export interface ParagraphNode {
  type: 'PARAGRAPH';
  attrs: Attrs;
  inlines: InlineNode[];
  /** Docs API paragraphStyle.keepWithNext (DocumentApp has no attribute for it). */
  keepWithNext?: boolean;
}
export interface CellNode {
  type: 'TABLE_CELL';
  attrs: Attrs;
  children: BlockNode[];
}
export interface RowNode {
  type: 'TABLE_ROW';
  attrs: Attrs;
  cells: CellNode[];
}
export interface TableNode {
  type: 'TABLE';
  attrs: Attrs;
  rows: RowNode[];
  columnWidths: (number | null)[];
  /** Set through the Docs API (DocumentApp has no call for them). */
  pinnedHeaderRows: number;
  preventOverflow: boolean;
}
export type BlockNode = ParagraphNode | TableNode;
export interface SectionNode {
  attrs: Attrs;
  children: BlockNode[];
}
export interface DocData {
  id: string;
  name: string;
  body: SectionNode;
  header: SectionNode | null;
  footer: SectionNode | null;
  revision: number;
}

function newParagraph(text = '', attrs: Attrs = {}): ParagraphNode {
  return {
    type: 'PARAGRAPH',
    attrs: { ...attrs },
    inlines: text === '' ? [] : [{ kind: 'text', runs: [{ text, attrs: {} }] }],
  };
}

function newCell(text = ''): CellNode {
  return { type: 'TABLE_CELL', attrs: {}, children: [newParagraph(text)] };
}

function paragraphText(p: ParagraphNode): string {
  return p.inlines.map((i) => (i.kind === 'text' ? (i.runs ?? []).map((r) => r.text).join('') : '')).join('');
}

export function blockText(node: BlockNode): string {
  if (node.type === 'PARAGRAPH') return paragraphText(node);
  return node.rows.map((r) => r.cells.map((c) => c.children.map(blockText).join('\n')).join('\t')).join('\n');
}

/** One open handle on a document: saveAndClose() closes this handle; openById() gives a new one. */
export class DocHandle {
  closed = false;
  constructor(readonly data: DocData) {}
  assertOpen(): void {
    if (this.closed) throw gasError('Document is closed, its contents cannot be updated.');
    this.data.revision++;
  }
}

abstract class Element extends Service {
  protected constructor(
    rt: RuntimeContext,
    className: string,
    protected readonly handle: DocHandle,
  ) {
    super(rt, className);
  }
  abstract _node(): { attrs: Attrs };
  abstract getType(): string;
  asParagraph(): Paragraph {
    if (this.getType() !== ElementType.PARAGRAPH)
      throw gasError(`Cannot cast ${this.getType()} to PARAGRAPH.`);
    return this._self as unknown as Paragraph;
  }
  asTable(): Table {
    if (this.getType() !== ElementType.TABLE) throw gasError(`Cannot cast ${this.getType()} to TABLE.`);
    return this._self as unknown as Table;
  }
  getAttributes() {
    return { ...this._node().attrs };
  }
  setAttributes(attributes: Attrs) {
    this.handle.assertOpen();
    Object.assign(this._node().attrs, attributes);
    return this;
  }
}

abstract class Container extends Element {
  abstract _children(): BlockNode[];
  getNumChildren() {
    return this._children().length;
  }
  getChild(childIndex: number) {
    const node = this._children()[childIndex];
    if (!node)
      throw gasError(
        `Child index (${childIndex}) must be less than the number of child elements (${this._children().length}).`,
      );
    return wrap(this.rt, this.handle, node, this._children());
  }
  getChildIndex(child: Paragraph | Table) {
    return this._children().indexOf(child._node() as BlockNode);
  }
  getText() {
    return this._children().map(blockText).join('\n');
  }
  getParagraphs() {
    const out: Paragraph[] = [];
    const walk = (nodes: BlockNode[]) => {
      for (const n of nodes) {
        if (n.type === 'PARAGRAPH') out.push(new Paragraph(this.rt, this.handle, n, nodes));
        else for (const r of n.rows) for (const c of r.cells) walk(c.children);
      }
    };
    walk(this._children());
    return out;
  }
  getTables() {
    return this._children()
      .filter((n): n is TableNode => n.type === 'TABLE')
      .map((n) => new Table(this.rt, this.handle, n, this._children()));
  }
  protected insertBlock(index: number, node: BlockNode) {
    this.handle.assertOpen();
    const children = this._children();
    if (index < 0 || index > children.length) throw gasError('Index out of bounds.');
    children.splice(index, 0, node);
    return wrap(this.rt, this.handle, node, children);
  }
  appendParagraph(textOrParagraph: string | Paragraph) {
    return this.insertParagraph(this._children().length, textOrParagraph);
  }
  insertParagraph(childIndex: number, textOrParagraph: string | Paragraph) {
    const node =
      typeof textOrParagraph === 'string'
        ? newParagraph(textOrParagraph)
        : structuredClone((textOrParagraph as Paragraph)._node());
    return this.insertBlock(childIndex, node) as Paragraph;
  }
  appendTable(cells?: string[][]) {
    return this.insertTable(this._children().length, cells);
  }
  insertTable(childIndex: number, cells?: string[][]) {
    if (cells !== undefined && (!Array.isArray(cells) || cells.some((r) => !Array.isArray(r)))) {
      throw gasError("The parameters don't match the method signature for DocumentApp.Body.appendTable.");
    }
    const width = Math.max(0, ...(cells ?? []).map((r) => r.length));
    const node: TableNode = {
      type: 'TABLE',
      attrs: {},
      rows: (cells ?? []).map((r) => ({
        type: 'TABLE_ROW',
        attrs: {},
        cells: Array.from({ length: width }, (_, i) => newCell(String(r[i] ?? ''))),
      })),
      columnWidths: Array(width).fill(null),
      pinnedHeaderRows: 0,
      preventOverflow: false,
    };
    const table = this.insertBlock(childIndex, node) as Table;
    // Apps Script puts an empty paragraph after a table that ends the body, so the body never ends in a table.
    if (childIndex === this._children().length - 1) this._children().push(newParagraph());
    return table;
  }
  appendImage(image: Blob) {
    const paragraph = this.appendParagraph('');
    return paragraph.appendInlineImage(image);
  }
  appendPageBreak() {
    const node = newParagraph();
    node.inlines.push({ kind: 'pagebreak' });
    this.insertBlock(this._children().length, node);
    return new PageBreak(this.rt, this.handle);
  }
  removeChild(child: Paragraph | Table) {
    this.handle.assertOpen();
    const children = this._children();
    const i = children.indexOf(child._node() as BlockNode);
    if (i < 0) throw gasError('Element does not contain the specified child element.');
    children.splice(i, 1);
    return this;
  }
  clear() {
    this.handle.assertOpen();
    this._children().splice(0, this._children().length, newParagraph());
    return this;
  }
}

export class Body extends Container {
  constructor(
    rt: RuntimeContext,
    handle: DocHandle,
    private readonly section: SectionNode,
    private readonly kind: string = ElementType.BODY_SECTION,
  ) {
    super(
      rt,
      kind === ElementType.BODY_SECTION
        ? 'Body'
        : kind === ElementType.HEADER_SECTION
          ? 'HeaderSection'
          : 'FooterSection',
      handle,
    );
  }
  _node() {
    return this.section;
  }
  _children() {
    return this.section.children;
  }
  getType() {
    return this.kind;
  }
  private attr(name: string, value: number) {
    this.handle.assertOpen();
    this.section.attrs[name] = value;
    return this;
  }
  setMarginTop(v: number) {
    return this.attr('MARGIN_TOP', v);
  }
  setMarginBottom(v: number) {
    return this.attr('MARGIN_BOTTOM', v);
  }
  setMarginLeft(v: number) {
    return this.attr('MARGIN_LEFT', v);
  }
  setMarginRight(v: number) {
    return this.attr('MARGIN_RIGHT', v);
  }
  setPageWidth(v: number) {
    return this.attr('PAGE_WIDTH', v);
  }
  setPageHeight(v: number) {
    return this.attr('PAGE_HEIGHT', v);
  }
  getMarginTop() {
    return Number(this.section.attrs.MARGIN_TOP ?? 72);
  }
  getMarginLeft() {
    return Number(this.section.attrs.MARGIN_LEFT ?? 72);
  }
  getPageWidth() {
    return Number(this.section.attrs.PAGE_WIDTH ?? 612);
  }
  getPageHeight() {
    return Number(this.section.attrs.PAGE_HEIGHT ?? 792);
  }
}

function wrap(
  rt: RuntimeContext,
  handle: DocHandle,
  node: BlockNode,
  siblings: BlockNode[],
): Paragraph | Table {
  return node.type === 'PARAGRAPH'
    ? new Paragraph(rt, handle, node, siblings)
    : new Table(rt, handle, node, siblings);
}

/** Text of a paragraph or cell: the runs of its text, with attributes on character ranges. */
export class Text extends Service {
  constructor(
    rt: RuntimeContext,
    private readonly handle: DocHandle,
    private readonly paragraphs: ParagraphNode[],
  ) {
    super(rt, 'Text');
  }
  private runs(): RunNode[] {
    return this.paragraphs.flatMap((p) =>
      p.inlines.flatMap((i) => (i.kind === 'text' ? (i.runs ?? []) : [])),
    );
  }
  getText() {
    return this.paragraphs.map(paragraphText).join('\n');
  }
  setText(text: string) {
    this.handle.assertOpen();
    const first = this.paragraphs[0];
    first.inlines = first.inlines.filter((i) => i.kind !== 'text');
    first.inlines.unshift({ kind: 'text', runs: [{ text, attrs: {} }] });
    return this;
  }
  appendText(text: string) {
    this.handle.assertOpen();
    const last = this.paragraphs[this.paragraphs.length - 1];
    last.inlines.push({ kind: 'text', runs: [{ text, attrs: {} }] });
    return this;
  }
  /** Sets an attribute on [start, endInclusive], or on all the text when no range is given. */
  private set(name: string, args: unknown[]) {
    this.handle.assertOpen();
    if (args.length === 1) {
      for (const run of this.runs()) run.attrs[name] = args[0];
      return this;
    }
    const [start, end, value] = args as [number, number, unknown];
    const length = this.getText().length;
    if (start < 0 || end >= length || start > end) throw gasError('Index out of bounds.');
    let offset = 0;
    for (const p of this.paragraphs) {
      for (const inline of p.inlines) {
        if (inline.kind !== 'text' || !inline.runs) continue;
        const next: RunNode[] = [];
        for (const run of inline.runs) {
          const a = offset;
          const b = offset + run.text.length - 1;
          offset += run.text.length;
          if (b < start || a > end) {
            next.push(run);
            continue;
          }
          const from = Math.max(start, a) - a;
          const to = Math.min(end, b) - a + 1;
          if (from > 0) next.push({ text: run.text.slice(0, from), attrs: { ...run.attrs } });
          next.push({ text: run.text.slice(from, to), attrs: { ...run.attrs, [name]: value } });
          if (to < run.text.length) next.push({ text: run.text.slice(to), attrs: { ...run.attrs } });
        }
        inline.runs = next;
      }
      offset += 1;
    }
    return this;
  }
  setBold(...args: unknown[]) {
    return this.set('BOLD', args);
  }
  setItalic(...args: unknown[]) {
    return this.set('ITALIC', args);
  }
  setUnderline(...args: unknown[]) {
    return this.set('UNDERLINE', args);
  }
  setFontFamily(...args: unknown[]) {
    return this.set('FONT_FAMILY', args);
  }
  setFontSize(...args: unknown[]) {
    return this.set('FONT_SIZE', args);
  }
  setForegroundColor(...args: unknown[]) {
    return this.set('FOREGROUND_COLOR', args);
  }
  setLinkUrl(...args: unknown[]) {
    return this.set('LINK_URL', args);
  }
  getTextAttributeIndices() {
    const out: number[] = [];
    let offset = 0;
    for (const run of this.runs()) {
      out.push(offset);
      offset += run.text.length;
    }
    return out;
  }
  getAttributes(offset?: number) {
    if (offset === undefined) return { ...(this.runs()[0]?.attrs ?? {}) };
    let at = 0;
    for (const run of this.runs()) {
      if (offset < at + run.text.length) return { ...run.attrs };
      at += run.text.length;
    }
    throw gasError('Index out of bounds.');
  }
  /** One attribute at an offset, or over all the text: null where its runs hold several values, as Google's getters say. */
  private attribute(name: string, offset?: number): unknown {
    if (offset !== undefined) return this.getAttributes(offset)[name];
    const values = new Set(
      this.runs()
        .filter((r) => r.text.length > 0)
        .map((r) => r.attrs[name] ?? null),
    );
    return values.size === 1 ? [...values][0] : null;
  }
  isBold(offset?: number) {
    if (offset !== undefined) return Boolean(this.getAttributes(offset).BOLD);
    const values = new Set(
      this.runs()
        .filter((r) => r.text.length > 0)
        .map((r) => Boolean(r.attrs.BOLD)),
    );
    return values.size > 1 ? null : values.has(true);
  }
  getFontFamily(offset?: number) {
    return (this.attribute('FONT_FAMILY', offset) as string | undefined) ?? null;
  }
  getFontSize(offset?: number) {
    return (this.attribute('FONT_SIZE', offset) as number | undefined) ?? null;
  }
  getLinkUrl(offset?: number) {
    return (this.attribute('LINK_URL', offset) as string | undefined) ?? null;
  }
}

export class Paragraph extends Element {
  constructor(
    rt: RuntimeContext,
    handle: DocHandle,
    private readonly node: ParagraphNode,
    private readonly siblings: BlockNode[],
  ) {
    super(rt, 'Paragraph', handle);
  }
  _node() {
    return this.node;
  }
  getType() {
    return ElementType.PARAGRAPH;
  }
  getText() {
    return paragraphText(this.node);
  }
  setText(text: string) {
    this.handle.assertOpen();
    this.node.inlines = [{ kind: 'text', runs: [{ text, attrs: {} }] }];
    return this;
  }
  appendText(text: string) {
    this.handle.assertOpen();
    this.node.inlines.push({ kind: 'text', runs: [{ text, attrs: {} }] });
    return new Text(this.rt, this.handle, [this.node]);
  }
  editAsText() {
    return new Text(this.rt, this.handle, [this.node]);
  }
  getHeading() {
    return (this.node.attrs.HEADING as string | undefined) ?? ParagraphHeading.NORMAL;
  }
  setHeading(heading: string) {
    if (!Object.values(ParagraphHeading).includes(heading as never)) {
      throw gasError("The parameters don't match the method signature for DocumentApp.Paragraph.setHeading.");
    }
    return this.setAttributes({ HEADING: heading });
  }
  getAlignment() {
    return (this.node.attrs.HORIZONTAL_ALIGNMENT as string | undefined) ?? null;
  }
  setAlignment(alignment: string) {
    return this.setAttributes({ HORIZONTAL_ALIGNMENT: alignment });
  }
  setSpacingBefore(v: number) {
    return this.setAttributes({ SPACING_BEFORE: v });
  }
  setSpacingAfter(v: number) {
    return this.setAttributes({ SPACING_AFTER: v });
  }
  setLineSpacing(v: number) {
    return this.setAttributes({ LINE_SPACING: v });
  }
  setIndentFirstLine(v: number) {
    return this.setAttributes({ INDENT_FIRST_LINE: v });
  }
  setIndentStart(v: number) {
    return this.setAttributes({ INDENT_START: v });
  }
  getNumChildren() {
    return this.node.inlines.length;
  }
  appendInlineImage(image: Blob) {
    this.handle.assertOpen();
    const type = image.getContentType() ?? '';
    if (!['image/png', 'image/jpeg', 'image/gif'].includes(type)) {
      throw gasError(`Invalid image data or content type ${type}: an inline image must be PNG, JPEG or GIF.`);
    }
    const { width, height } = imageSize(image._data, type);
    const inline: InlineNode = {
      kind: 'image',
      image: { data: image._data, contentType: type, width, height, altTitle: '' },
    };
    this.node.inlines.push(inline);
    return new InlineImage(this.rt, this.handle, inline);
  }
  getImages() {
    return this.node.inlines
      .filter((i) => i.kind === 'image')
      .map((i) => new InlineImage(this.rt, this.handle, i));
  }
  appendPageBreak() {
    this.handle.assertOpen();
    this.node.inlines.push({ kind: 'pagebreak' });
    return new PageBreak(this.rt, this.handle);
  }
  removeFromParent() {
    this.handle.assertOpen();
    const i = this.siblings.indexOf(this.node);
    if (i >= 0) this.siblings.splice(i, 1);
    return this;
  }
}

/** Pixel size of a PNG (IHDR) or GIF header; 0×0 for others. */
function imageSize(data: Buffer, type: string): { width: number; height: number } {
  if (type === 'image/png' && data.length > 24)
    return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  if (type === 'image/gif' && data.length > 10)
    return { width: data.readUInt16LE(6), height: data.readUInt16LE(8) };
  return { width: 0, height: 0 };
}

function integerPixels(value: number, method: string): number {
  if (!Number.isInteger(value)) {
    throw gasError(
      `The parameters (number) don't match the method signature for DocumentApp.InlineImage.${method}.`,
    );
  }
  return value;
}

export class InlineImage extends Service {
  constructor(
    rt: RuntimeContext,
    private readonly handle: DocHandle,
    private readonly inline: InlineNode,
  ) {
    super(rt, 'InlineImage');
  }
  private get image() {
    return this.inline.image as NonNullable<InlineNode['image']>;
  }
  getType() {
    return ElementType.INLINE_IMAGE;
  }
  getWidth() {
    return this.image.width;
  }
  getHeight() {
    return this.image.height;
  }
  /** `width`: "Integer — the new width, in pixels"; Apps Script refuses a fraction. */
  setWidth(width: number) {
    this.handle.assertOpen();
    this.image.width = integerPixels(width, 'setWidth');
    return this;
  }
  setHeight(height: number) {
    this.handle.assertOpen();
    this.image.height = integerPixels(height, 'setHeight');
    return this;
  }
  setAltTitle(title: string) {
    this.image.altTitle = title;
    return this;
  }
  getAltTitle() {
    return this.image.altTitle;
  }
  getBlob() {
    return new Blob(this.rt, this.image.data, this.image.contentType, null);
  }
}

export class PageBreak extends Service {
  constructor(rt: RuntimeContext, _handle: DocHandle) {
    super(rt, 'PageBreak');
  }
  getType() {
    return ElementType.PAGE_BREAK;
  }
}

export class Table extends Element {
  constructor(
    rt: RuntimeContext,
    handle: DocHandle,
    private readonly node: TableNode,
    private readonly siblings: BlockNode[],
  ) {
    super(rt, 'Table', handle);
  }
  _node() {
    return this.node;
  }
  getType() {
    return ElementType.TABLE;
  }
  getNumRows() {
    return this.node.rows.length;
  }
  getRow(rowIndex: number) {
    const row = this.node.rows[rowIndex];
    if (!row)
      throw gasError(
        `Row index (${rowIndex}) must be less than the number of rows (${this.node.rows.length}).`,
      );
    return new TableRow(this.rt, this.handle, row, this.node);
  }
  getCell(rowIndex: number, cellIndex: number) {
    return this.getRow(rowIndex).getCell(cellIndex);
  }
  appendTableRow() {
    this.handle.assertOpen();
    const row: RowNode = { type: 'TABLE_ROW', attrs: {}, cells: [] };
    this.node.rows.push(row);
    return new TableRow(this.rt, this.handle, row, this.node);
  }
  removeRow(rowIndex: number) {
    this.handle.assertOpen();
    const [row] = this.node.rows.splice(rowIndex, 1);
    return new TableRow(this.rt, this.handle, row, this.node);
  }
  getText() {
    return blockText(this.node);
  }
  setBorderWidth(width: number) {
    return this.setAttributes({ BORDER_WIDTH: width });
  }
  setBorderColor(color: string) {
    return this.setAttributes({ BORDER_COLOR: color });
  }
  setColumnWidth(columnIndex: number, width: number) {
    this.handle.assertOpen();
    this.node.columnWidths[columnIndex] = width;
    return this;
  }
  getColumnWidth(columnIndex: number) {
    return this.node.columnWidths[columnIndex] ?? null;
  }
  removeFromParent() {
    this.handle.assertOpen();
    const i = this.siblings.indexOf(this.node);
    if (i >= 0) this.siblings.splice(i, 1);
    return this;
  }
}

export class TableRow extends Element {
  constructor(
    rt: RuntimeContext,
    handle: DocHandle,
    private readonly node: RowNode,
    private readonly table: TableNode,
  ) {
    super(rt, 'TableRow', handle);
  }
  _node() {
    return this.node;
  }
  getType() {
    return ElementType.TABLE_ROW;
  }
  getNumCells() {
    return this.node.cells.length;
  }
  getCell(cellIndex: number) {
    const cell = this.node.cells[cellIndex];
    if (!cell)
      throw gasError(
        `Cell index (${cellIndex}) must be less than the number of cells (${this.node.cells.length}).`,
      );
    return new TableCell(this.rt, this.handle, cell);
  }
  appendTableCell(text = '') {
    this.handle.assertOpen();
    const cell = newCell(text);
    this.node.cells.push(cell);
    if (this.table.columnWidths.length < this.node.cells.length) this.table.columnWidths.push(null);
    return new TableCell(this.rt, this.handle, cell);
  }
  setMinimumHeight(height: number) {
    return this.setAttributes({ MINIMUM_HEIGHT: height });
  }
  getText() {
    return this.node.cells.map((c) => c.children.map(blockText).join('\n')).join('\t');
  }
}

export class TableCell extends Container {
  constructor(
    rt: RuntimeContext,
    handle: DocHandle,
    private readonly node: CellNode,
  ) {
    super(rt, 'TableCell', handle);
  }
  _node() {
    return this.node;
  }
  _children() {
    return this.node.children;
  }
  getType() {
    return ElementType.TABLE_CELL;
  }
  setText(text: string) {
    this.handle.assertOpen();
    this.node.children.splice(0, this.node.children.length, newParagraph(text));
    return this;
  }
  editAsText() {
    return new Text(
      this.rt,
      this.handle,
      this.node.children.filter((c): c is ParagraphNode => c.type === 'PARAGRAPH'),
    );
  }
  setBackgroundColor(color: string) {
    return this.setAttributes({ BACKGROUND_COLOR: color });
  }
  getBackgroundColor() {
    return (this.node.attrs.BACKGROUND_COLOR as string | undefined) ?? null;
  }
  setVerticalAlignment(alignment: string) {
    return this.setAttributes({ VERTICAL_ALIGNMENT: alignment });
  }
  setPaddingTop(v: number) {
    return this.setAttributes({ PADDING_TOP: v });
  }
  setPaddingBottom(v: number) {
    return this.setAttributes({ PADDING_BOTTOM: v });
  }
  setPaddingLeft(v: number) {
    return this.setAttributes({ PADDING_LEFT: v });
  }
  setPaddingRight(v: number) {
    return this.setAttributes({ PADDING_RIGHT: v });
  }
  setWidth(width: number) {
    return this.setAttributes({ WIDTH: width });
  }
}

export type PdfWriter = (doc: DocData) => Buffer;

export class DocumentImpl extends Service {
  constructor(
    rt: RuntimeContext,
    readonly _handle: DocHandle,
    private readonly toPdf: PdfWriter | null,
    private readonly file: DriveFile | undefined = undefined,
  ) {
    super(rt, 'Document');
  }
  /**
   * saveAndClose(): "A closed Document can't be edited. Use DocumentApp.openById() to reopen a given
   * document for editing." Whether anything of a closed Document may still be read, the reference does not
   * say: here nothing may, so that the add-on takes what it needs (the id) before closing.
   */
  private open(): void {
    if (this._handle.closed) throw gasError('Document is closed, its contents cannot be updated.');
  }
  private role(email: string) {
    const e = email.toLowerCase();
    return this.file?.permissions.find((p) => p.type === 'user' && p.emailAddress?.toLowerCase() === e)?.role;
  }
  /**
   * Shares the Doc, and Google e-mails each person added: the reference gives these methods no way to
   * say otherwise (only the Drive API's permissions.create has sendNotificationEmail).
   */
  private share(emails: (string | { getEmail(): string })[], role: 'writer' | 'reader', by: string) {
    this.open();
    const mine = this.role(this.rt.user);
    if (mine !== 'owner' && mine !== 'writer')
      throw gasError('You do not have permission to perform that action.');
    const list = emails.map((e) => checkedEmail(e));
    for (const email of list) {
      const current = this.role(email);
      if (current === 'owner' || current === 'writer' || current === role) continue;
      this.rt.mail.push({ to: email, fileId: this.data.id, by });
      const existing = this.file?.permissions.find(
        (p) => p.emailAddress?.toLowerCase() === email.toLowerCase(),
      );
      if (existing) existing.role = role;
      else
        this.file?.permissions.push({ id: this.rt.newId('perm'), type: 'user', role, emailAddress: email });
    }
    return this;
  }
  private people(roles: string[]) {
    return (this.file?.permissions ?? [])
      .filter((p) => p.type === 'user' && roles.includes(p.role) && p.emailAddress)
      .map((p) => new User(this.rt, p.emailAddress as string));
  }
  addViewer(emailOrUser: string | { getEmail(): string }) {
    return this.addViewers([emailOrUser]);
  }
  /** "If any of the users were already on the list of editors, this method has no effect for them." */
  addViewers(emails: (string | { getEmail(): string })[]) {
    return this.share(emails, 'reader', 'Document.addViewers');
  }
  addEditor(emailOrUser: string | { getEmail(): string }) {
    return this.addEditors([emailOrUser]);
  }
  addEditors(emails: (string | { getEmail(): string })[]) {
    return this.share(emails, 'writer', 'Document.addEditors');
  }
  getViewers() {
    this.open();
    return this.people(['reader', 'commenter']);
  }
  getEditors() {
    this.open();
    return this.people(['owner', 'writer']);
  }
  private get data() {
    return this._handle.data;
  }
  getId() {
    this.open();
    return this.data.id;
  }
  getName() {
    this.open();
    return this.data.name;
  }
  setName(name: string) {
    this._handle.assertOpen();
    this.data.name = name;
    return this;
  }
  getUrl() {
    this.open();
    return `https://docs.google.com/document/d/${this.data.id}/edit`;
  }
  getBody() {
    this.open();
    return new Body(this.rt, this._handle, this.data.body);
  }
  getHeader() {
    this.open();
    return this.data.header
      ? new Body(this.rt, this._handle, this.data.header, ElementType.HEADER_SECTION)
      : null;
  }
  addHeader() {
    this._handle.assertOpen();
    if (this.data.header) throw gasError('Document tab already contains a header.');
    this.data.header = { attrs: {}, children: [newParagraph()] };
    return this.getHeader();
  }
  getFooter() {
    this.open();
    return this.data.footer
      ? new Body(this.rt, this._handle, this.data.footer, ElementType.FOOTER_SECTION)
      : null;
  }
  addFooter() {
    this._handle.assertOpen();
    if (this.data.footer) throw gasError('Document tab already contains a footer.');
    this.data.footer = { attrs: {}, children: [newParagraph()] };
    return this.getFooter();
  }
  saveAndClose() {
    this.open();
    this._handle.closed = true;
  }
  getAs(contentType: string) {
    this.open();
    if (contentType !== 'application/pdf') throw gasError(`Converting to ${contentType} is not supported.`);
    if (!this.toPdf) throw gasError('Converting to application/pdf is not available here (no Chromium).');
    return new Blob(this.rt, this.toPdf(this.data), 'application/pdf', `${this.data.name}.pdf`);
  }
  getBlob() {
    return this.getAs('application/pdf');
  }
}

export class DocumentAppImpl extends Service {
  readonly ParagraphHeading = ParagraphHeading;
  readonly HorizontalAlignment = HorizontalAlignment;
  readonly VerticalAlignment = VerticalAlignment;
  readonly Attribute = Attribute;
  readonly ElementType = ElementType;

  constructor(
    rt: RuntimeContext,
    readonly _docs: Map<string, DocData>,
    private readonly onCreate: (doc: DocData) => void,
    private readonly toPdf: PdfWriter | null,
    private readonly files: Map<string, DriveFile> = new Map(),
  ) {
    super(rt, 'DocumentApp');
  }
  /** A new document, US Letter as Google Docs makes them, with one empty paragraph. */
  create(name: string) {
    if (!name) throw gasError('Invalid argument: name');
    const data: DocData = {
      id: this.rt.newId('doc'),
      name,
      body: {
        attrs: {
          PAGE_WIDTH: 612,
          PAGE_HEIGHT: 792,
          MARGIN_TOP: 72,
          MARGIN_BOTTOM: 72,
          MARGIN_LEFT: 72,
          MARGIN_RIGHT: 72,
        },
        children: [newParagraph()],
      },
      header: null,
      footer: null,
      revision: 0,
    };
    this._docs.set(data.id, data);
    this.onCreate(data);
    return new DocumentImpl(this.rt, new DocHandle(data), this.toPdf, this.files.get(data.id));
  }
  /** A Doc opens for someone it is shared with: "you do not have permission to access it" otherwise. */
  openById(id: string) {
    const data = this._docs.get(id);
    const file = this.files.get(id);
    const user = this.rt.user.toLowerCase();
    const shared = !file || file.permissions.some((p) => p.emailAddress?.toLowerCase() === user);
    if (!data || !shared)
      throw gasError(
        `No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.`,
      );
    return new DocumentImpl(this.rt, new DocHandle(data), this.toPdf, file);
  }
  getActiveDocument() {
    return null;
  }
}
