import { join } from 'node:path';
import { createRuntime } from '../../src/local/index';
import { ROOT } from '../helpers/workbook';

// The Drive and Docs API calls the installation check makes, as Google's reference states them.

const PNG_2X1 =
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAD0lEQVR4nGNgZGJmYWUDAAA/ABYhutRUAAAAAElFTkSuQmCC';

function runtime(user?: string) {
  return createRuntime({ projectDir: join(ROOT, 'dist'), ...(user ? { user } : {}) });
}

type Globals = {
  DocumentApp: GoogleAppsScript.Document.DocumentApp;
  Drive: { Files: { remove(id: string): void; get(id: string): unknown } };
  Docs: GoogleAppsScript.Docs;
  Utilities: GoogleAppsScript.Utilities.Utilities;
};

describe('Drive.Files.remove', () => {
  test('"Permanently deletes a file owned by the user without moving it to the trash": the Doc is gone', () => {
    const rt = runtime();
    const g = rt.globals as unknown as Globals;
    const doc = g.DocumentApp.create('scratch');
    g.Drive.Files.remove(doc.getId());
    expect(rt.driveFiles.has(doc.getId())).toBe(false);
    expect(() => g.DocumentApp.openById(doc.getId())).toThrow();
    expect(() => g.Drive.Files.get(doc.getId())).toThrow(/File not found/);
  });

  test('a file the add-on never made for this user is not found (drive.file)', () => {
    const rt = runtime();
    const g = rt.globals as unknown as Globals;
    expect(() => g.Drive.Files.remove('file-elsewhere')).toThrow(/File not found: file-elsewhere/);
  });
});

describe('Docs.Documents.get inlineObjects', () => {
  test('an image set to 100 pixels wide ("the new width, in pixels") reads as 75 points (unit PT)', () => {
    const rt = runtime();
    const g = rt.globals as unknown as Globals;
    const doc = g.DocumentApp.create('scratch');
    const id = doc.getId();
    const blob = g.Utilities.newBlob(g.Utilities.base64Decode(PNG_2X1), 'image/png', 'x.png');
    doc.getBody().appendParagraph('a').appendInlineImage(blob).setWidth(100).setHeight(50);
    doc.saveAndClose();
    const got = g.Docs.Documents.get(id, { fields: 'inlineObjects' });
    const objects = Object.values(got.inlineObjects ?? {}) as GoogleAppsScript.Docs.Schema.InlineObject[];
    expect(objects.map((o) => o.inlineObjectProperties?.embeddedObject?.size)).toEqual([
      { width: { magnitude: 75, unit: 'PT' }, height: { magnitude: 37.5, unit: 'PT' } },
    ]);
    // The paragraph's element names the same object.
    const body = g.Docs.Documents.get(id, {
      fields: 'body.content.paragraph.elements.inlineObjectElement.inlineObjectId',
    });
    const ids = (body.body?.content ?? []).flatMap((c) =>
      (c.paragraph?.elements ?? []).map((e) => e.inlineObjectElement?.inlineObjectId).filter(Boolean),
    );
    expect(ids).toEqual([objects[0].objectId]);
  });

  test('a Doc without images has no inlineObjects field, as the API leaves empty fields out', () => {
    const rt = runtime();
    const g = rt.globals as unknown as Globals;
    const doc = g.DocumentApp.create('scratch');
    const id = doc.getId();
    doc.saveAndClose();
    expect(g.Docs.Documents.get(id)).not.toHaveProperty('inlineObjects');
  });
});
