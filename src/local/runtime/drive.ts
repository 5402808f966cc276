import type { Blob } from './blob';
import { gasError, type RuntimeContext } from './context';
import DOCS_TYPES from './docs-fields.json';
import { type BlockNode, blockText, type DocData, type ParagraphNode, type TableNode } from './document';
import { partialResponse } from './field-mask';

export interface DrivePermission {
  id: string;
  type: 'user' | 'group' | 'domain' | 'anyone';
  role: 'owner' | 'organizer' | 'fileOrganizer' | 'writer' | 'commenter' | 'reader';
  emailAddress?: string;
}

export interface DriveFile {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  data: Buffer | null;
  permissions: DrivePermission[];
  /**
   * The users for whom this app created or opened the file: with the drive.file scope ("files created or
   * opened by the app") a user's run of the add-on reaches these files only, and only for that user.
   */
  appUsers: string[];
  modifiedTime: string;
}

export interface DriveLog {
  permissionCalls: {
    fileId: string;
    resource: Record<string, unknown>;
    optionalArgs: Record<string, unknown>;
  }[];
}

function notFound(fileId: string): Error {
  return gasError(`API call to drive.files.get failed with error: File not found: ${fileId}.`);
}

/** The Drive advanced service (v3) calls the add-on uses, over an in-memory Drive. */
export function createDrive(
  rt: RuntimeContext,
  files: Map<string, DriveFile>,
  log: DriveLog,
  onRemoved: (fileId: string) => void = () => {},
) {
  const reachable = (fileId: string): DriveFile => {
    const file = files.get(fileId);
    const user = rt.user.toLowerCase();
    if (!file?.appUsers.some((u) => u.toLowerCase() === user)) throw notFound(fileId);
    return file;
  };
  const view = (f: DriveFile) => ({
    id: f.id,
    name: f.name,
    mimeType: f.mimeType,
    parents: [...f.parents],
    webViewLink:
      f.mimeType === 'application/vnd.google-apps.document'
        ? `https://docs.google.com/document/d/${f.id}/edit`
        : `https://drive.google.com/file/d/${f.id}/view`,
    modifiedTime: f.modifiedTime,
  });
  return {
    Files: {
      create(resource: { name?: string; mimeType?: string; parents?: string[] }, mediaData?: Blob) {
        const file: DriveFile = {
          id: rt.newId('file'),
          name: resource.name ?? mediaData?.getName() ?? 'Untitled',
          mimeType: resource.mimeType ?? mediaData?.getContentType() ?? 'application/octet-stream',
          parents: resource.parents ?? ['root'],
          data: mediaData ? Buffer.from(mediaData._data) : null,
          permissions: [{ id: rt.newId('perm'), type: 'user', role: 'owner', emailAddress: rt.user }],
          appUsers: [rt.user],
          modifiedTime: rt.now().toISOString(),
        };
        files.set(file.id, file);
        return view(file);
      },
      get(fileId: string, _optionalArgs?: Record<string, unknown>) {
        return view(reachable(fileId));
      },
      /**
       * "Permanently deletes a file owned by the user without moving it to the trash": through drive.file,
       * a file the add-on made or opened for this user, and only its owner may.
       */
      remove(fileId: string) {
        const file = reachable(fileId);
        const user = rt.user.toLowerCase();
        if (!file.permissions.some((p) => p.role === 'owner' && p.emailAddress?.toLowerCase() === user)) {
          throw gasError(
            `API call to drive.files.delete failed with error: The user does not have sufficient permissions for file ${fileId}.`,
          );
        }
        files.delete(fileId);
        onRemoved(fileId);
      },
      update(resource: { name?: string }, fileId: string, mediaData?: Blob) {
        const file = reachable(fileId);
        if (resource.name) file.name = resource.name;
        if (mediaData) file.data = Buffer.from(mediaData._data);
        file.modifiedTime = rt.now().toISOString();
        return view(file);
      },
    },
    Permissions: {
      create(
        resource: { role: DrivePermission['role']; type: DrivePermission['type']; emailAddress?: string },
        fileId: string,
        optionalArgs: Record<string, unknown> = {},
      ) {
        const file = reachable(fileId);
        const email = resource.emailAddress ?? '';
        if (resource.type === 'user' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
          throw gasError(`API call to drive.permissions.create failed with error: Invalid sharing request`);
        }
        // sendNotificationEmail defaults to true; without it, an address with no Google account cannot be invited.
        if (
          resource.type === 'user' &&
          optionalArgs.sendNotificationEmail === false &&
          !rt.hasGoogleAccount(email)
        ) {
          throw gasError(
            `API call to drive.permissions.create failed with error: Bad Request. User message: "You are trying to invite ${email}. Since there is no Google account associated with this email address, you must check the "Notify people" box to invite this recipient."`,
          );
        }
        log.permissionCalls.push({ fileId, resource: { ...resource }, optionalArgs: { ...optionalArgs } });
        // "This defaults to true for users and groups."
        if (resource.type === 'user' && optionalArgs.sendNotificationEmail !== false)
          rt.mail.push({ to: email, fileId, by: 'Drive.Permissions.create' });
        const existing = file.permissions.find(
          (p) => p.emailAddress === resource.emailAddress && p.type === resource.type,
        );
        if (existing) {
          existing.role = resource.role;
          return { ...existing };
        }
        const permission: DrivePermission = { id: rt.newId('perm'), ...resource };
        file.permissions.push(permission);
        return { ...permission };
      },
      list(fileId: string) {
        return { permissions: reachable(fileId).permissions.map((p) => ({ ...p })) };
      },
    },
  };
}

interface ParagraphElementOut {
  startIndex: number;
  endIndex: number;
  textRun?: { content: string };
  inlineObjectElement?: { inlineObjectId: string };
  pageBreak?: Record<string, never>;
}

/**
 * A paragraph's elements as the Docs API gives them, each with its indexes: text runs, images and page
 * breaks (one index each), and the closing newline, which is text too: the end of the last run, or a run of
 * its own after an image.
 */
function paragraphElements(node: ParagraphNode, start: number): ParagraphElementOut[] {
  let at = start;
  const elements: ParagraphElementOut[] = node.inlines.map((i) => {
    const content = i.kind === 'text' ? (i.runs ?? []).map((r) => r.text).join('') : '';
    const startIndex = at;
    at += i.kind === 'text' ? content.length : 1;
    if (i.kind === 'text') return { startIndex, endIndex: at, textRun: { content } };
    if (i.kind === 'image')
      return { startIndex, endIndex: at, inlineObjectElement: { inlineObjectId: imageId(startIndex) } };
    return { startIndex, endIndex: at, pageBreak: {} };
  });
  const last = elements[elements.length - 1];
  if (last?.textRun) {
    last.endIndex = at + 1;
    last.textRun = { content: `${last.textRun.content}\n` };
  } else elements.push({ startIndex: at, endIndex: at + 1, textRun: { content: '\n' } });
  return elements;
}

/** An inline image's object id: the index where it stands, unique in the document. */
const imageId = (index: number) => `image-${index}`;

/** A size in points, as the Docs API gives every size (Dimension unit "PT"). */
const points = (magnitude: number) => ({ magnitude, unit: 'PT' });

/**
 * The document's images by object id, with their sizes: InlineImage sizes are pixels ("the new width, in
 * pixels"), the Docs API's are points, at 96 pixels and 72 points an inch.
 */
function inlineObjects(paragraphs: ReturnType<typeof layout>['paragraphs']): Record<string, unknown> {
  const objects: Record<string, unknown> = {};
  for (const { node, startIndex } of paragraphs) {
    let at = startIndex;
    for (const inline of node.inlines) {
      if (inline.kind === 'image' && inline.image) {
        const size = { width: points(inline.image.width * 0.75), height: points(inline.image.height * 0.75) };
        objects[imageId(at)] = {
          objectId: imageId(at),
          inlineObjectProperties: { embeddedObject: { size } },
        };
      }
      at += inline.kind === 'text' ? (inline.runs ?? []).reduce((n, r) => n + r.text.length, 0) : 1;
    }
  }
  return objects;
}

/** Docs API indices: UTF-16 code units, a newline ending each paragraph, one unit per table, row and cell start. */
function layout(doc: DocData) {
  const content: Record<string, unknown>[] = [{ startIndex: 0, endIndex: 1, sectionBreak: {} }];
  const tables: { startIndex: number; node: TableNode }[] = [];
  const paragraphs: { startIndex: number; endIndex: number; node: ParagraphNode }[] = [];
  let index = 1;
  const blocks = (nodes: BlockNode[], out: Record<string, unknown>[]) => {
    for (const node of nodes) {
      const start = index;
      if (node.type === 'PARAGRAPH') {
        const length = node.inlines.reduce(
          (n, i) => n + (i.kind === 'text' ? (i.runs ?? []).reduce((m, r) => m + r.text.length, 0) : 1),
          0,
        );
        index += length + 1;
        paragraphs.push({ startIndex: start, endIndex: index, node });
        const elements = paragraphElements(node, start);
        out.push({
          startIndex: start,
          endIndex: index,
          paragraph: {
            elements,
            paragraphStyle: {
              namedStyleType: node.attrs.HEADING ?? 'NORMAL_TEXT',
              keepWithNext: Boolean(node.keepWithNext),
            },
          },
        });
      } else {
        tables.push({ startIndex: start, node });
        index += 1;
        const rows = node.rows.map((row) => {
          const rowStart = index;
          index += 1;
          const cells = row.cells.map((cell) => {
            const cellStart = index;
            index += 1;
            const inner: Record<string, unknown>[] = [];
            blocks(cell.children, inner);
            return { startIndex: cellStart, endIndex: index, content: inner };
          });
          return { startIndex: rowStart, endIndex: index, tableCells: cells };
        });
        index += 1;
        out.push({
          startIndex: start,
          endIndex: index,
          table: {
            rows: node.rows.length,
            columns: node.rows[0]?.cells.length ?? 0,
            tableRows: rows,
            tableStyle: { pinnedHeaderRowsCount: node.pinnedHeaderRows },
          },
        });
      }
    }
  };
  blocks(doc.body.children, content);
  return { content, tables, paragraphs };
}

/**
 * Docs API mergeTableCells: "The text in the 'merged' cells will be concatenated and stored in the 'head'
 * cell of the range", which spans the range; a range outside the table is refused.
 */
/** A request's tableRange: the table it names and the span, as given (the caller checks the bounds). */
function tableRangeOf(body: Record<string, unknown>, tableOf: (location: unknown) => TableNode) {
  const range = body.tableRange as {
    tableCellLocation?: { tableStartLocation?: unknown; rowIndex?: number; columnIndex?: number };
    rowSpan?: number;
    columnSpan?: number;
  };
  const at = range?.tableCellLocation;
  return {
    table: tableOf(at?.tableStartLocation),
    row: at?.rowIndex ?? -1,
    column: at?.columnIndex ?? -1,
    rows: range?.rowSpan ?? 0,
    columns: range?.columnSpan ?? 0,
  };
}

function mergeCells(
  body: Record<string, unknown>,
  i: number,
  tableOf: (location: unknown) => TableNode,
): void {
  const { table, row: rowIndex, column: first, rows, columns: span } = tableRangeOf(body, tableOf);
  const row = table.rows[rowIndex];
  if (!row || rows !== 1 || first < 0 || span < 1 || first + span > row.cells.length)
    throw gasError(`Invalid requests[${i}].mergeTableCells: The table range is invalid.`);
  const head = row.cells[first];
  for (const cell of row.cells.slice(first + 1, first + span)) {
    if (cell.children.map(blockText).join('').trim() !== '') head.children.push(...cell.children);
    cell.children = [];
    cell.attrs = { ...cell.attrs, MERGED: true };
  }
  head.attrs = { ...head.attrs, COLUMN_SPAN: span };
}

function fieldsOf(body: Record<string, unknown>, i: number, kind: string): string[] {
  // "At least one field must be specified."
  const fields = String(body.fields ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  if (fields.length === 0)
    throw gasError(`Invalid requests[${i}].${kind}: At least one field must be specified.`);
  return fields;
}

function hexColor(color: unknown): string | null {
  const rgb = (color as { color?: { rgbColor?: { red?: number; green?: number; blue?: number } } })?.color
    ?.rgbColor;
  if (!rgb) return null;
  const part = (v: number | undefined) =>
    Math.round(Math.min(1, Math.max(0, v ?? 0)) * 255)
      .toString(16)
      .padStart(2, '0');
  return `#${part(rgb.red)}${part(rgb.green)}${part(rgb.blue)}`;
}

/** Docs API updateTableCellStyle, for the background colour of a range of cells within the table. */
function styleCells(
  body: Record<string, unknown>,
  i: number,
  tableOf: (location: unknown) => TableNode,
): void {
  const fields = fieldsOf(body, i, 'updateTableCellStyle');
  const { table, row: row0, column: col0, rows, columns: cols } = tableRangeOf(body, tableOf);
  const width = table.rows[0]?.cells.length ?? 0;
  if (row0 < 0 || col0 < 0 || rows < 1 || cols < 1 || row0 + rows > table.rows.length || col0 + cols > width)
    throw gasError(`Invalid requests[${i}].updateTableCellStyle: The table range is invalid.`);
  const unknown = fields.filter((f) => f !== 'backgroundColor');
  if (unknown.length > 0)
    throw gasError(`not implemented locally: updateTableCellStyle fields ${unknown.join(',')}`);
  const style = body.tableCellStyle as { backgroundColor?: unknown } | undefined;
  const background = hexColor(style?.backgroundColor);
  for (const row of table.rows.slice(row0, row0 + rows))
    for (const cell of row.cells.slice(col0, col0 + cols)) {
      cell.attrs = { ...cell.attrs, BACKGROUND_COLOR: background };
    }
}

/**
 * Docs API updateTableColumnProperties: "If the value of table_column_properties#width is less than 5
 * points (5/72 inch), a 400 bad request error is returned." No indices: every column.
 */
function columnWidths(table: TableNode, body: Record<string, unknown>, i: number): void {
  const fields = fieldsOf(body, i, 'updateTableColumnProperties');
  const props = body.tableColumnProperties as {
    widthType?: string;
    width?: { magnitude?: number; unit?: string };
  };
  const columns = table.rows[0]?.cells.length ?? 0;
  const indices = (body.columnIndices as number[] | undefined) ?? [...Array(columns).keys()];
  if (indices.some((c) => !Number.isInteger(c) || c < 0 || c >= columns))
    throw gasError(`Invalid requests[${i}].updateTableColumnProperties: The column index is out of range.`);
  if (!fields.includes('width')) return;
  const width = props?.width;
  if (width?.unit !== 'PT' || !(Number(width.magnitude) >= 5))
    throw gasError(
      `Invalid requests[${i}].updateTableColumnProperties: The column width must be at least 5 points.`,
    );
  for (const c of indices) table.columnWidths[c] = Number(width.magnitude);
}

/** Docs API updateTextStyle, locally for `bold` over whole paragraphs (what the renderer sends). */
function styleText(
  body: Record<string, unknown>,
  i: number,
  paragraphs: { startIndex: number; endIndex: number; node: ParagraphNode }[],
): void {
  const fields = fieldsOf(body, i, 'updateTextStyle');
  const range = body.range as { startIndex?: number; endIndex?: number } | undefined;
  const start = range?.startIndex ?? -1;
  const end = range?.endIndex ?? -1;
  const hit = paragraphs.filter((p) => start < p.endIndex && end > p.startIndex);
  if (start < 0 || end <= start || hit.length === 0)
    throw gasError(`Invalid requests[${i}].updateTextStyle: The range is invalid.`);
  if (fields.some((f) => f !== 'bold') || hit.some((p) => start > p.startIndex || end < p.endIndex - 1))
    throw gasError('not implemented locally: updateTextStyle other than bold over whole paragraphs');
  const bold = Boolean((body.textStyle as { bold?: boolean } | undefined)?.bold);
  for (const p of hit)
    for (const inline of p.node.inlines)
      for (const run of inline.runs ?? []) run.attrs = { ...run.attrs, BOLD: bold };
}

/** A deep copy of a document tree; image bytes (never changed in place) are shared. */
function copyTree<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyTree) as T;
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copyTree(v)])) as T;
}

/** The Docs advanced service calls the renderer needs: get, and the table requests DocumentApp lacks. */
export function createDocs(_rt: RuntimeContext, docs: Map<string, DocData>) {
  const find = (id: string) => {
    const doc = docs.get(id);
    if (!doc)
      throw gasError(`API call to docs.documents.get failed with error: Requested entity was not found.`);
    return doc;
  };
  return {
    Documents: {
      get(documentId: string, optionalArgs: { fields?: string } = {}) {
        const doc = find(documentId);
        const { content, paragraphs } = layout(doc);
        const images = inlineObjects(paragraphs);
        const whole = {
          documentId,
          title: doc.name,
          revisionId: String(doc.revision),
          body: { content },
          // An empty field is left out of an answer, as the API leaves it out.
          ...(Object.keys(images).length > 0 ? { inlineObjects: images } : {}),
        };
        if (optionalArgs.fields === undefined) return whole;
        return partialResponse(whole, optionalArgs.fields, 'Document', DOCS_TYPES);
      },
      batchUpdate(resource: { requests: Record<string, Record<string, unknown>>[] }, documentId: string) {
        const original = find(documentId);
        // "If any request is not valid, then the entire request will fail and nothing will be applied":
        // the requests work on a copy that replaces the body only when all of them succeeded.
        const doc = { ...original, body: copyTree(original.body) };
        // Each request sees the document as the ones before it left it (a merge moves text).
        let { tables, paragraphs } = layout(doc);
        const tableAt = (request: Record<string, unknown>, i: number, kind: string) => {
          const location = request.tableStartLocation as { index?: number } | undefined;
          const table = tables.find((t) => t.startIndex === location?.index);
          if (!table) {
            throw gasError(`Invalid requests[${i}].${kind}: The provided table start location is invalid.`);
          }
          return table.node;
        };
        const replies = resource.requests.map((request, i) => {
          const [kind] = Object.keys(request);
          const body = request[kind];
          if (kind === 'pinTableHeaderRows') {
            const table = tableAt(body, i, kind);
            const n = Number(body.pinnedHeaderRowsCount ?? 0);
            if (n < 0 || n > table.rows.length)
              throw gasError(`Invalid requests[${i}].${kind}: pinnedHeaderRowsCount is out of range.`);
            table.pinnedHeaderRows = n;
          } else if (kind === 'updateTableRowStyle') {
            const table = tableAt(body, i, kind);
            const style = body.tableRowStyle as { preventOverflow?: boolean };
            if (String(body.fields).split(',').includes('preventOverflow'))
              table.preventOverflow = Boolean(style.preventOverflow);
          } else if (kind === 'updateParagraphStyle') {
            const range = body.range as { startIndex?: number; endIndex?: number } | undefined;
            const hit = paragraphs.filter(
              (p) => range && (range.startIndex ?? -1) < p.endIndex && (range.endIndex ?? -1) > p.startIndex,
            );
            if (!range || hit.length === 0)
              throw gasError(`Invalid requests[${i}].${kind}: The range is invalid.`);
            const style = body.paragraphStyle as { keepWithNext?: boolean };
            if (String(body.fields).split(',').includes('keepWithNext')) {
              for (const p of hit) p.node.keepWithNext = Boolean(style.keepWithNext);
            }
          } else if (kind === 'mergeTableCells') {
            mergeCells(body, i, (location) => tableAt({ tableStartLocation: location }, i, kind));
            ({ tables, paragraphs } = layout(doc));
          } else if (kind === 'updateTableCellStyle') {
            styleCells(body, i, (location) => tableAt({ tableStartLocation: location }, i, kind));
          } else if (kind === 'updateTableColumnProperties') {
            columnWidths(tableAt(body, i, kind), body, i);
          } else if (kind === 'updateTextStyle') {
            styleText(body, i, paragraphs);
          } else {
            throw gasError(`Invalid JSON payload received. Unknown name "${kind}" at 'requests[${i}]'.`);
          }
          return {};
        });
        original.body = doc.body;
        original.revision++;
        return { documentId, replies };
      },
    },
  };
}
