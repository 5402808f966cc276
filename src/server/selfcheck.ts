import { escapeMarkup } from '../core/markup';
import {
  CARD_WORDS,
  FIXES,
  IMAGE_WIDTH,
  NOT_CHECKED,
  SELF_CHECK_KIND,
  type SelfCheckResult,
  type SelfCheckStep,
  STEP_LABELS,
  type StepId,
  selfCheckLines,
} from '../core/selfcheck';
import { errorMessage, phase } from './errors';

// "ตรวจสอบการติดตั้ง": every capability a click uses, tried on scratch objects the check makes and removes,
// each Apps Script call timed on its own (console.time, and the milliseconds in the answer), so that a real
// run can replace the estimates of bench/costs.cjs (`npm run bench -- --compare FILE` reads the JSON).
// Sharing is left out: Google e-mails whoever a file is shared with.

/** A 200 × 100 PNG of one colour: the scratch Doc's image. */
const PNG_200X100 =
  'iVBORw0KGgoAAAANSUhEUgAAAMgAAABkCAIAAABM5OhcAAAAzElEQVR42u3SMQ0AAAgEsdeBTUwjAxMMDE2q4HKpHjgXCTAWxsJYYCyMhbHAWBgLY4GxMBbGAmNhLIwFxsJYGAuMhbEwFhgLY2EsMBbGwlhgLIyFscBYGAtjgbEwFsYCY2EsjAXGwlgYC4yFsTAWGAtjYSwwFsbCWGAsjIWxwFgYC2OBsTAWxgJjYSyMBcbCWBgLjIWxMBYYC2NhLDAWxsJYYCyMhbHAWBgLY4GxMBbGAmNhLIyFsVTAWBgLY4GxMBbGAmNhLIwFxuK3BabD20A1bV6hAAAAAElFTkSuQmCC';
type Docs = NonNullable<typeof globalThis.Docs>;
type DriveFiles = NonNullable<typeof globalThis.Drive>['Files'];

/** The Docs and Drive advanced services, or null where the project has them off. */
function advanced(): { docs: Docs | null; files: DriveFiles | null } {
  return {
    docs: typeof Docs === 'undefined' ? null : (Docs ?? null),
    files: typeof Drive === 'undefined' ? null : (Drive?.Files ?? null),
  };
}

/** One run of the check: its steps, its timed calls, and what it made (removed at the end). */
class Run {
  readonly steps: SelfCheckStep[] = [];
  readonly timings: SelfCheckResult['timings'] = [];
  readonly leftBehind: SelfCheckResult['leftBehind'] = [];

  /** One Apps Script call, timed on its own under its `Class.method` name. */
  time<T>(method: string, work: () => T): T {
    const started = Date.now();
    try {
      return phase(`ita: ${method}`, work);
    } finally {
      this.timings.push({ method, ms: Date.now() - started });
    }
  }

  /** A step: ✓ when `work` returns, ✗ with Google's message and what to do when it throws. */
  step(id: StepId, work: () => void): boolean {
    const started = Date.now();
    let error: string | null = null;
    try {
      work();
    } catch (e) {
      error = errorMessage(e);
    }
    const ok = error === null;
    const seconds = Math.round((Date.now() - started) / 10) / 100;
    this.steps.push({ id, label: STEP_LABELS[id], ok, seconds, error, fix: ok ? null : FIXES[id] });
    return ok;
  }

  /** A step that cannot run because one before it failed. */
  skip(id: StepId, because: StepId): void {
    this.steps.push({
      id,
      label: STEP_LABELS[id],
      ok: false,
      seconds: 0,
      error: `not tried: "${because}" failed`,
      fix: FIXES[because],
    });
  }
}

/** Throws unless `check` holds: a capability that answered wrongly fails as surely as one that threw. */
function expectThat(check: boolean, what: string): void {
  if (!check) throw new Error(what);
}

/** A scratch tab written, read back, protected and removed. */
function sheetSteps(run: Run, tag: string): void {
  const spreadsheet = SpreadsheetApp.getActive();
  let sheet: GoogleAppsScript.Spreadsheet.Sheet | null = null;
  const values = [
    ['ita-report', 'ตรวจสอบการติดตั้ง'],
    [tag, 2569],
  ];
  const wrote = run.step('sheet', () => {
    sheet = run.time('Spreadsheet.insertSheet', () => spreadsheet.insertSheet(`_ita_selfcheck_${tag}`));
    const range = (sheet as GoogleAppsScript.Spreadsheet.Sheet).getRange(1, 1, 2, 2);
    run.time('Range.setValues', () => range.setValues(values));
    const read = run.time('Range.getValues', () => range.getValues());
    expectThat(JSON.stringify(read) === JSON.stringify(values), 'the scratch tab read back other values');
  });
  const made = sheet as GoogleAppsScript.Spreadsheet.Sheet | null;
  if (wrote && made) {
    run.step('protect', () => {
      const protection = run.time('Sheet.protect', () => made.protect());
      run.time('Protection.setDescription', () => protection.setDescription('ita-report: self-check'));
      const me = Session.getEffectiveUser().getEmail();
      if (me) run.time('Protection.addEditors', () => protection.addEditors([me]));
    });
  } else run.skip('protect', 'sheet');
  if (!made) return;
  try {
    run.time('Spreadsheet.deleteSheet', () => spreadsheet.deleteSheet(made));
  } catch (e) {
    run.leftBehind.push({ what: 'tab', id: made.getName(), url: null, why: errorMessage(e) });
  }
}

/** The document cache and properties: a value put, read back and removed. */
function storeSteps(run: Run, tag: string): void {
  const key = `ita.selfcheck.${tag}`;
  run.step('cache', () => {
    const cache = CacheService.getDocumentCache();
    expectThat(cache !== null, 'no document cache: the script is not bound to this spreadsheet');
    const c = cache as GoogleAppsScript.Cache.Cache;
    run.time('Cache.putAll', () => c.putAll({ [key]: 'ตรวจสอบ' }, 60));
    const read = run.time('Cache.getAll', () => c.getAll([key]));
    run.time('Cache.removeAll', () => c.removeAll([key]));
    expectThat(read[key] === 'ตรวจสอบ', 'the cache gave back another value');
  });
  run.step('properties', () => {
    const props = PropertiesService.getDocumentProperties();
    run.time('Properties.setProperties', () => props.setProperties({ [key]: 'ตรวจสอบ' }));
    const read = run.time('Properties.getProperties', () => props.getProperties());
    run.time('Properties.deleteProperty', () => props.deleteProperty(key));
    expectThat(read[key] === 'ตรวจสอบ', 'the document properties gave back another value');
  });
}

/** The width of the Doc's one image as the Docs API gives it, and what that says of setWidth's unit. */
function readImageWidth(run: Run, docs: Docs, docId: string): SelfCheckResult['imageWidth'] {
  const doc = run.time('Docs.Documents.get', () => docs.Documents.get(docId, { fields: 'inlineObjects' }));
  const objects = Object.values(doc.inlineObjects ?? {});
  const size = objects[0]?.inlineObjectProperties?.embeddedObject?.size?.width;
  const read = typeof size?.magnitude === 'number' ? size.magnitude : null;
  const unit = size?.unit ?? null;
  // The Docs API gives sizes in points: 100 pixels are 75 points (96 pixels an inch, 72 points).
  const near = (target: number) => read !== null && unit === 'PT' && Math.abs(read - target) <= 1;
  const verdict = near(IMAGE_WIDTH * 0.75) ? 'pixels' : near(IMAGE_WIDTH) ? 'points' : 'unknown';
  return { set: IMAGE_WIDTH, read, unit, verdict };
}

/** A scratch Doc: made, given an image, saved, arranged once through the Docs API, exported, uploaded. */
function docSteps(run: Run, tag: string): SelfCheckResult['imageWidth'] {
  const { docs, files } = advanced();
  let imageWidth: SelfCheckResult['imageWidth'] = {
    set: IMAGE_WIDTH,
    read: null,
    unit: null,
    verdict: 'unknown',
  };
  let doc: GoogleAppsScript.Document.Document | null = null;
  const made = run.step('doc', () => {
    doc = run.time('DocumentApp.create', () => DocumentApp.create(`ita-report self-check ${tag} (ลบได้)`));
  });
  const scratch = doc as GoogleAppsScript.Document.Document | null;
  if (!made || !scratch) {
    for (const id of ['image', 'docsApi', 'pdf', 'drive'] as const) run.skip(id, 'doc');
    return imageWidth;
  }
  const docId = scratch.getId();
  const docUrl = scratch.getUrl();
  run.step('image', () => {
    const blob = Utilities.newBlob(Utilities.base64Decode(PNG_200X100), 'image/png', 'selfcheck.png');
    const image = scratch.getBody().appendParagraph('ita-report').appendInlineImage(blob);
    image.setWidth(IMAGE_WIDTH).setHeight(IMAGE_WIDTH / 2);
    run.time('Document.saveAndClose', () => scratch.saveAndClose());
  });
  run.step('docsApi', () => {
    expectThat(docs !== null, 'Docs is not defined: the Docs advanced service is off');
    const api = docs as Docs;
    imageWidth = readImageWidth(run, api, docId);
    const keep = {
      range: { startIndex: 1, endIndex: 2 },
      paragraphStyle: { keepWithNext: true },
      fields: 'keepWithNext',
    };
    run.time('Docs.Documents.batchUpdate', () =>
      api.Documents.batchUpdate({ requests: [{ updateParagraphStyle: keep }] }, docId),
    );
  });
  let pdf: GoogleAppsScript.Base.Blob | null = null;
  run.step('pdf', () => {
    const reopened = run.time('DocumentApp.openById', () => DocumentApp.openById(docId));
    pdf = run.time('Document.getAs', () => reopened.getAs('application/pdf'));
  });
  uploadStep(run, files, pdf, tag);
  removeFile(run, files, { what: 'Google Doc', id: docId, url: docUrl });
  return imageWidth;
}

/** The PDF uploaded to Drive as a build uploads it, then removed. */
function uploadStep(
  run: Run,
  files: DriveFiles | null,
  pdf: GoogleAppsScript.Base.Blob | null,
  tag: string,
): void {
  let uploaded: { id: string } | null = null;
  run.step('drive', () => {
    expectThat(files !== null, 'Drive is not defined: the Drive advanced service is off');
    const blob = pdf ?? Utilities.newBlob('%PDF-1.4\n%%EOF\n', 'application/pdf');
    const name = `ita-report self-check ${tag} (ลบได้).pdf`;
    const file = run.time('Drive.Files.create', () =>
      (files as DriveFiles).create({ name, mimeType: 'application/pdf' }, blob),
    );
    uploaded = { id: String(file.id) };
  });
  const made = uploaded as { id: string } | null;
  if (made)
    removeFile(run, files, {
      what: 'PDF',
      id: made.id,
      url: `https://drive.google.com/file/d/${made.id}/view`,
    });
}

/** Removes a scratch file through Drive; listed as left behind when it cannot be. */
function removeFile(
  run: Run,
  files: DriveFiles | null,
  file: { what: string; id: string; url: string },
): void {
  if (!files) {
    run.leftBehind.push({ ...file, why: 'the Drive advanced service is off: delete it from Drive by hand' });
    return;
  }
  try {
    run.time('Drive.Files.remove', () => files.remove(file.id));
  } catch (e) {
    run.leftBehind.push({ ...file, why: errorMessage(e) });
  }
}

/** Runs the check; never throws: each failure is a ✗ step with what to do. */
export function selfCheck(now: Date = new Date()): SelfCheckResult {
  const run = new Run();
  const tag = Utilities.getUuid().slice(0, 8);
  sheetSteps(run, tag);
  storeSteps(run, tag);
  const imageWidth = docSteps(run, tag);
  return {
    kind: SELF_CHECK_KIND,
    version: 1,
    at: now.toISOString(),
    ok: run.steps.every((s) => s.ok),
    steps: run.steps,
    timings: run.timings,
    imageWidth,
    leftBehind: run.leftBehind,
    notChecked: NOT_CHECKED,
    words: CARD_WORDS,
  };
}

/** The menu's dialog: the table in Thai and English, and the JSON in a field to copy. */
export function selfCheckDialog(result: SelfCheckResult): GoogleAppsScript.HTML.HtmlOutput {
  const pre = (lines: string[]) => `<pre>${escapeMarkup(lines.join('\n'))}</pre>`;
  const html =
    '<div style="font:13px sans-serif">' +
    pre(selfCheckLines(result, 'th')) +
    pre(selfCheckLines(result, 'en')) +
    '<p>JSON (npm run bench -- --compare FILE):</p>' +
    `<textarea readonly rows="8" style="width:100%" onfocus="this.select()">${escapeMarkup(JSON.stringify(result))}</textarea>` +
    '</div>';
  return HtmlService.createHtmlOutput(html).setWidth(640).setHeight(560);
}
