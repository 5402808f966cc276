import { docToHtml } from '../../src/local/doc-html';
import type { DocData } from '../../src/local/runtime/document';
import { createRuntime } from '../../src/local/runtime/index';

function services() {
  const runtime = createRuntime({ user: 'owner@example.com', projectDir: __dirname });
  const g = runtime.globals as unknown as {
    DocumentApp: GoogleAppsScript.Document.DocumentApp;
    PropertiesService: GoogleAppsScript.Properties.PropertiesService;
    LockService: GoogleAppsScript.Lock.LockService;
    CacheService: GoogleAppsScript.Cache.CacheService;
    HtmlService: GoogleAppsScript.HTML.HtmlService;
    SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    Utilities: GoogleAppsScript.Utilities.Utilities;
    Drive: GoogleAppsScript.Drive;
  };
  return { runtime, ...g };
}

describe('DocumentApp', () => {
  test('builds the element tree: headings, attributes, tables and their cells', () => {
    const { DocumentApp } = services();
    const doc = DocumentApp.create('report');
    const body = doc.getBody();
    expect(body.getNumChildren()).toBe(1); // a new Doc has one empty paragraph
    body
      .appendParagraph('๑. ความเป็นมา')
      .setHeading(DocumentApp.ParagraphHeading.HEADING1)
      .setAttributes({
        [DocumentApp.Attribute.FONT_FAMILY]: 'Sarabun',
        [DocumentApp.Attribute.BOLD]: true,
      });
    const table = body.appendTable([
      ['แบบวัด', 'คะแนน'],
      ['IIT', '๙๙.๑๔'],
    ]);
    table.getCell(0, 0).editAsText().setBold(true);
    expect(body.getChild(1).asParagraph().getHeading()).toBe(DocumentApp.ParagraphHeading.HEADING1);
    expect(body.getChild(1).asParagraph().getAttributes()[DocumentApp.Attribute.FONT_FAMILY]).toBe('Sarabun');
    expect(body.getChild(2).getType()).toBe(DocumentApp.ElementType.TABLE);
    expect(body.getChild(2).asTable().getCell(1, 1).getText()).toBe('๙๙.๑๔');
    expect(table.getCell(0, 0).editAsText().isBold()).toBe(true);
    expect(table.getCell(0, 1).editAsText().isBold()).toBe(false);
    expect(body.getChild(3).getType()).toBe(DocumentApp.ElementType.PARAGRAPH); // a body never ends in a table
  });

  // Document.saveAndClose(): "A closed Document can't be edited. Use DocumentApp.openById() to reopen a given
  // document for editing." Whether a closed Document may still be read the reference leaves open: locally
  // it may not, so the add-on takes what it needs first.
  test('a closed document cannot be edited nor read; openById gives a new handle on the same contents', () => {
    const { DocumentApp } = services();
    const doc = DocumentApp.create('report');
    const body = doc.getBody();
    body.appendParagraph('first');
    const id = doc.getId();
    doc.saveAndClose();
    expect(() => body.appendParagraph('late')).toThrow('Document is closed, its contents cannot be updated.');
    for (const use of [
      () => doc.getId(),
      () => doc.getBody(),
      () => doc.getUrl(),
      () => doc.addViewer('a@b.c'),
    ])
      expect(use).toThrow('Document is closed');
    const again = DocumentApp.openById(id);
    expect(again.getBody().getText()).toBe('\nfirst');
    expect(() => DocumentApp.openById('no-such-doc')).toThrow('No item with the given ID could be found');
  });

  test('text attributes apply to character ranges', () => {
    const { DocumentApp } = services();
    const p = DocumentApp.create('x').getBody().appendParagraph('ข้อ i1 ได้ 98.71');
    p.editAsText().setBold(4, 5, true);
    const text = p.editAsText();
    expect(text.isBold(4)).toBe(true);
    expect(text.isBold(0)).toBe(false);
    expect(text.getTextAttributeIndices()).toEqual([0, 4, 6]);
  });

  test('a link on a character range, and null where the text holds several values', () => {
    // Google's Text reference: setLinkUrl(startOffset, endOffsetInclusive, url) "Sets the link URL for the
    // given character range"; getLinkUrl() returns "the link URL, or null if the element contains multiple
    // values for this attribute" (isBold(), getFontSize() and getFontFamily() say the same).
    const { DocumentApp } = services();
    const text = DocumentApp.create('x').getBody().appendParagraph('ดู https://a.example').editAsText();
    text.setLinkUrl(3, 19, 'https://a.example');
    expect(text.getLinkUrl(3)).toBe('https://a.example');
    expect(text.getLinkUrl(19)).toBe('https://a.example');
    expect(text.getLinkUrl(2)).toBeNull();
    expect(text.getLinkUrl()).toBeNull();
    text.setBold(0, 1, true);
    expect(text.isBold()).toBeNull();
    expect(() => text.setLinkUrl(3, 20, 'https://a.example')).toThrow('Index out of bounds.');
    text.setLinkUrl('https://b.example');
    expect(text.getLinkUrl()).toBe('https://b.example');
  });

  test('an inline image must be PNG, JPEG or GIF', () => {
    const { DocumentApp, Utilities } = services();
    const body = DocumentApp.create('x').getBody();
    expect(() => body.appendImage(Utilities.newBlob('<svg/>', 'image/svg+xml'))).toThrow(
      'must be PNG, JPEG or GIF',
    );
  });
});

describe('properties, cache, locks, HTML', () => {
  test('properties are strings, with Google’s size limits', () => {
    const { PropertiesService } = services();
    const props = PropertiesService.getDocumentProperties();
    props.setProperties({ a: 1 as unknown as string, b: 'x' });
    expect(props.getProperties()).toEqual({ a: '1', b: 'x' });
    expect(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
  });

  test('a lock held by another user cannot be taken; waitLock times out with Google’s message', () => {
    const { runtime, LockService } = services();
    runtime.documentLock.by = 'someone else';
    expect(LockService.getDocumentLock().tryLock(1000)).toBe(false);
    expect(() => LockService.getDocumentLock().waitLock(1000)).toThrow('Lock timeout');
    runtime.documentLock.by = null;
    const lock = LockService.getDocumentLock();
    expect(lock.tryLock(1000)).toBe(true);
    expect(LockService.getDocumentLock().tryLock(1000)).toBe(false);
    lock.releaseLock();
    expect(LockService.getDocumentLock().tryLock(1000)).toBe(true);
  });

  test('cache entries expire', () => {
    let now = 0;
    const runtime = createRuntime({ now: () => new Date(now) });
    const cache = (runtime.globals.CacheService as GoogleAppsScript.Cache.CacheService).getDocumentCache();
    cache?.put('k', 'v', 10);
    expect(cache?.get('k')).toBe('v');
    now = 11_000;
    expect(cache?.get('k')).toBeNull();
  });

  test('HtmlService reads the project file; a missing file throws', () => {
    const { HtmlService } = services();
    expect(() => HtmlService.createHtmlOutputFromFile('NoSuchFile')).toThrow(
      'No HTML file named NoSuchFile was found.',
    );
  });

  test('the sidebar cannot open in AuthMode.NONE', () => {
    const { runtime, SpreadsheetApp, HtmlService } = services();
    runtime.authMode.mode = 'NONE';
    expect(() => SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<p>x</p>'))).toThrow(
      'You do not have permission to call Ui.showSidebar',
    );
  });
});

describe('the Drive advanced service', () => {
  test('creates files and permissions, and reaches only the files the add-on made (drive.file)', () => {
    const { runtime, Drive, Utilities } = services();
    const file = Drive.Files?.create(
      { name: 'r.pdf', mimeType: 'application/pdf' },
      Utilities.newBlob('pdf'),
    );
    const id = file?.id as string;
    Drive.Permissions?.create({ role: 'reader', type: 'user', emailAddress: 'a@example.com' }, id, {
      sendNotificationEmail: false,
    });
    expect(runtime.driveFiles.get(id)?.permissions.map((p) => [p.role, p.emailAddress])).toEqual([
      ['owner', 'owner@example.com'],
      ['reader', 'a@example.com'],
    ]);
    expect(runtime.driveLog.permissionCalls[0].optionalArgs).toEqual({ sendNotificationEmail: false });
    expect(() => Drive.Files?.get('someone-elses-file')).toThrow('File not found');
  });
});

describe('the Docs advanced service', () => {
  function docWithTable() {
    const { runtime, DocumentApp } = services();
    const doc = DocumentApp.create('x');
    doc.getBody().appendTable([
      ['a', 'b', 'c'],
      ['group', '', ''],
      ['1', '2', '3'],
    ]);
    const id = doc.getId();
    doc.saveAndClose();
    const docs = (runtime.globals as unknown as { Docs: GoogleAppsScript.Docs }).Docs;
    const table = docs.Documents.get(id).body?.content?.find((e) => e.table);
    return { runtime, docs, id, start: table?.startIndex as number };
  }
  const merge = (start: number, rowIndex: number, columnSpan: number) => ({
    mergeTableCells: {
      tableRange: {
        tableCellLocation: { tableStartLocation: { index: start }, rowIndex, columnIndex: 0 },
        rowSpan: 1,
        columnSpan,
      },
    },
  });

  test("mergeTableCells: \"The text in the 'merged' cells will be concatenated and stored in the 'head' cell\"", () => {
    const { runtime, docs, id, start } = docWithTable();
    docs.Documents.batchUpdate({ requests: [merge(start, 1, 3)] } as never, id);
    const row = runtime.documents.get(id)?.body.children.find((n) => n.type === 'TABLE');
    const cells = row?.type === 'TABLE' ? row.rows[1].cells : [];
    expect(cells[0].attrs.COLUMN_SPAN).toBe(3);
    expect(cells.slice(1).map((c) => c.attrs.MERGED)).toEqual([true, true]);
    expect(docToHtml(runtime.documents.get(id) as DocData)).toMatch(
      /<tr><td colspan="3"[^>]*><p>group<\/p><\/td><\/tr>/,
    );
  });

  test('mergeTableCells outside the table is refused: "If any request is not valid, then the entire request will fail and nothing will be applied"', () => {
    const { runtime, docs, id, start } = docWithTable();
    const pin = { pinTableHeaderRows: { tableStartLocation: { index: start }, pinnedHeaderRowsCount: 1 } };
    expect(() =>
      docs.Documents.batchUpdate({ requests: [pin, merge(start, 1, 3), merge(start, 2, 4)] } as never, id),
    ).toThrow('The table range is invalid');
    const html = docToHtml(runtime.documents.get(id) as DocData);
    expect(html).not.toContain('colspan');
    expect(html).not.toContain('<thead>');
  });

  // developers.google.com/docs/api/how-tos/field-masks
  describe('a fields mask: "You can limit what\'s returned in a Docs API response, using the fields URL parameter"', () => {
    test('the example of the reference: title, the paragraphs, revisionId; the section break an empty element', () => {
      const { docs, id } = docWithTable();
      const doc = docs.Documents.get(id, { fields: 'title,body.content(paragraph),revisionId' });
      expect(Object.keys(doc).sort()).toEqual(['body', 'revisionId', 'title']);
      const content = doc.body?.content ?? [];
      // "content": [ {}, { "paragraph": … } ]: an element without any of the fields is there, empty.
      expect(content[0]).toEqual({});
      expect(content.some((e) => e.table)).toBe(false);
      expect(content.find((e) => e.paragraph)?.startIndex).toBeUndefined();
    });

    test('"subfields are dot-separated … multiple subfields from the same type can be listed within parentheses"; / works as the dot', () => {
      const { docs, id } = docWithTable();
      const mask =
        'body.content(startIndex,table.tableRows.tableCells.content(paragraph/elements(startIndex,endIndex)))';
      const table = docs.Documents.get(id, { fields: mask }).body?.content?.find((e) => e.table);
      const cell = table?.table?.tableRows?.[0]?.tableCells?.[0];
      expect(Object.keys(table ?? {}).sort()).toEqual(['startIndex', 'table']);
      expect(Object.keys(cell ?? {})).toEqual(['content']);
      const [run] = cell?.content?.[0]?.paragraph?.elements ?? [];
      expect(run).toEqual({ startIndex: expect.any(Number), endIndex: (run?.startIndex ?? 0) + 2 }); // "a" and the paragraph's newline
    });

    test('a field named twice is asked for with the subfields of both', () => {
      const { docs, id } = docWithTable();
      const table = docs.Documents.get(id, {
        fields: 'body.content.table.tableRows.startIndex,body.content.table.tableRows.endIndex',
      }).body?.content?.find((e) => e.table);
      expect(Object.keys(table?.table?.tableRows?.[0] ?? {}).sort()).toEqual(['endIndex', 'startIndex']);
    });

    test('a field the Document resource does not have, or a mask that does not parse, is refused', () => {
      const { docs, id } = docWithTable();
      expect(() => docs.Documents.get(id, { fields: 'body.content(paragraf)' })).toThrow(
        'Invalid field selection',
      );
      expect(() => docs.Documents.get(id, { fields: 'body.content(paragraph' })).toThrow(
        'Invalid field selection',
      );
      expect(() => docs.Documents.get(id, { fields: 'body..content' })).toThrow('Invalid field selection');
      // A field of another type: rows is a table's, not a structural element's.
      expect(() => docs.Documents.get(id, { fields: 'body.content.rows' })).toThrow(
        'Invalid field selection',
      );
      // Checked in the mask, whatever the document holds: this one has no table of contents.
      expect(() => docs.Documents.get(id, { fields: 'body.content.tableOfContents.contnet' })).toThrow(
        'Invalid field selection',
      );
    });
  });
});
