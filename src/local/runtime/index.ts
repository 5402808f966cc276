import { join } from 'node:path';
import {
  CallCounter,
  NO_ACCOUNT_DOMAINS,
  notImplementedLocally,
  type RuntimeContext,
  Service,
} from './context';
import { type DocData, DocumentAppImpl, type PdfWriter } from './document';
import { createDocs, createDrive, type DriveFile, type DriveLog } from './drive';
import {
  Cache,
  HtmlServiceImpl,
  Lock,
  Properties,
  SessionImpl,
  Ui,
  type UiEvents,
  UtilitiesImpl,
} from './services';
import {
  ChartType,
  DataValidationBuilder,
  DataValidationCriteria,
  ProtectionType,
  SpreadsheetImpl,
  WrapStrategy,
} from './spreadsheet';

export { CallCounter, type RuntimeContext } from './context';
export type { DocData } from './document';
export { SpreadsheetImpl } from './spreadsheet';

class SpreadsheetAppImpl extends Service {
  readonly ProtectionType = ProtectionType;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly WrapStrategy = WrapStrategy;
  constructor(
    rt: RuntimeContext,
    private readonly active: () => SpreadsheetImpl,
    private readonly ui: Ui,
  ) {
    super(rt, 'SpreadsheetApp');
  }
  getActive() {
    return this.active();
  }
  getActiveSpreadsheet() {
    return this.active();
  }
  getActiveSheet() {
    return this.active().getActiveSheet();
  }
  getActiveRange() {
    return this.active().getActiveRange();
  }
  getUi() {
    return this.ui;
  }
  newDataValidation() {
    return DataValidationBuilder._new(this.rt);
  }
  flush() {}
}

export interface RuntimeOptions {
  /** Makes the spreadsheet the script is bound to (an .xlsx loader, say), in this runtime's context. */
  spreadsheet?: (context: RuntimeContext) => SpreadsheetImpl;
  /** Who runs the script. Default: the spreadsheet's owner. */
  user?: string;
  timeZone?: string;
  /** The script project's files (Sidebar.html): dist/ by default. */
  projectDir?: string;
  /** How a Doc becomes PDF here (Chromium), or null where it cannot. */
  pdf?: PdfWriter | null;
  now?: () => Date;
  /** Domains whose addresses have no Google account (default: NO_ACCOUNT_DOMAINS). */
  noAccountDomains?: string[];
}

export interface Runtime {
  context: RuntimeContext;
  calls: CallCounter;
  /** The globals a script sees: the Apps Script services, and nothing else. */
  globals: Record<string, unknown>;
  spreadsheet: SpreadsheetImpl;
  ui: UiEvents;
  authMode: { mode: string };
  documents: Map<string, DocData>;
  driveFiles: Map<string, DriveFile>;
  driveLog: DriveLog;
  documentProperties: Map<string, string>;
  userProperties: Map<string, string>;
  scriptProperties: Map<string, string>;
  /** Set `by` to another name to play a second user holding the document lock. */
  documentLock: { by: string | null };
  logs: string[];
  /** The console.time phases the script ran, in the order they ended. */
  phases: Phase[];
}

/** A console.time phase of the script: its label, its time here, and the service calls made within it. */
export interface Phase {
  label: string;
  ms: number;
  calls: Record<string, number>;
}

/**
 * console.time and timeEnd, as Apps Script logs them (`label: N ms` in the execution's log); each phase's
 * calls are kept too, so that the bench can price a phase that a real run's log times.
 */
function consoleTimers(log: (...args: unknown[]) => void, calls: CallCounter, phases: Phase[]) {
  const started = new Map<string, { at: number; before: Record<string, number> }>();
  return {
    time: (label = 'default') => {
      started.set(label, { at: Date.now(), before: calls.snapshot() });
    },
    timeEnd: (label = 'default') => {
      const start = started.get(label);
      if (start === undefined) return;
      started.delete(label);
      const ms = Date.now() - start.at;
      const within: Record<string, number> = {};
      for (const [name, n] of Object.entries(calls.snapshot())) {
        const made = n - (start.before[name] ?? 0);
        if (made > 0) within[name] = made;
      }
      phases.push({ label, ms, calls: within });
      log(`${label}: ${ms} ms`);
    },
  };
}

function isPlainObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * Apps Script runs a script's dates in the project's time zone (`appsscript.json` timeZone), so a date cell
 * read as midnight in Bangkok is that day to `getDate()`. Node has one zone per process: it is set to the
 * project's, as Apps Script would have it.
 */
function useScriptTimeZone(timeZone: string): void {
  if (process.env.TZ !== timeZone) process.env.TZ = timeZone;
}

export function createRuntime(options: RuntimeOptions = {}): Runtime {
  let seq = 0;
  const calls = new CallCounter();
  const timeZone = options.timeZone ?? 'Asia/Bangkok';
  useScriptTimeZone(timeZone);
  const context: RuntimeContext = {
    calls,
    user: options.user ?? 'owner@local.example',
    timeZone,
    now: options.now ?? (() => new Date()),
    newId: (prefix) => `${prefix}-${(++seq).toString(36).padStart(4, '0')}`,
    hasGoogleAccount: (email) => {
      const domain = email.split('@')[1]?.toLowerCase() ?? '';
      return !(options.noAccountDomains ?? NO_ACCOUNT_DOMAINS).some(
        (d) => domain === d || domain.endsWith(`.${d}`),
      );
    },
  };
  const spreadsheet =
    options.spreadsheet?.(context) ?? SpreadsheetImpl._create(context, 'ita-report', context.user);
  if (!options.user) context.user = spreadsheet._state.owner;
  // Loading the spreadsheet is not the script's doing: count from here.
  calls.reset();
  const ui: UiEvents = { menus: [], sidebars: [], dialogs: [], alerts: [] };
  const authMode = { mode: 'FULL' };
  const uiService = new Ui(context, ui, authMode);
  const documents = new Map<string, DocData>();
  const driveFiles = new Map<string, DriveFile>();
  const driveLog: DriveLog = { permissionCalls: [] };
  const stores = {
    document: new Map<string, string>(),
    user: new Map<string, string>(),
    script: new Map<string, string>(),
  };
  const caches = { document: new Map(), user: new Map(), script: new Map() };
  const locks = {
    document: { by: null as string | null },
    user: { by: null as string | null },
    script: { by: null as string | null },
  };
  const logs: string[] = [];
  const phases: Phase[] = [];
  const log = (...args: unknown[]) => {
    logs.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
  };
  const onDocCreated = (doc: DocData) => {
    driveFiles.set(doc.id, {
      id: doc.id,
      name: doc.name,
      mimeType: 'application/vnd.google-apps.document',
      parents: ['root'],
      data: null,
      permissions: [{ id: context.newId('perm'), type: 'user', role: 'owner', emailAddress: context.user }],
      appUsers: [context.user],
      modifiedTime: context.now().toISOString(),
    });
  };
  // A service given as a plain object (PropertiesService, Drive with Drive.Files…): each method call counted
  // by its path (`Drive.Files.create`), as the Service classes count theirs.
  const countedObject = <T extends object>(name: string, obj: T): T =>
    new Proxy(obj, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (typeof prop !== 'string') return value;
        if (value === undefined) return notImplementedLocally(name, prop);
        if (typeof value === 'function') {
          return (...args: unknown[]) => {
            calls.count(`${name}.${prop}`);
            return value.apply(target, args);
          };
        }
        return isPlainObject(value) ? countedObject(`${name}.${prop}`, value) : value;
      },
    });
  const globals: Record<string, unknown> = {
    SpreadsheetApp: new SpreadsheetAppImpl(context, () => spreadsheet, uiService),
    DocumentApp: new DocumentAppImpl(context, documents, onDocCreated, options.pdf ?? null, driveFiles),
    HtmlService: new HtmlServiceImpl(context, options.projectDir ?? join(process.cwd(), 'dist')),
    PropertiesService: countedObject('PropertiesService', {
      getDocumentProperties: () => new Properties(context, stores.document),
      getUserProperties: () => new Properties(context, stores.user),
      getScriptProperties: () => new Properties(context, stores.script),
    }),
    CacheService: countedObject('CacheService', {
      getDocumentCache: () => new Cache(context, caches.document),
      getUserCache: () => new Cache(context, caches.user),
      getScriptCache: () => new Cache(context, caches.script),
    }),
    LockService: countedObject('LockService', {
      getDocumentLock: () => new Lock(context, locks.document),
      getUserLock: () => new Lock(context, locks.user),
      getScriptLock: () => new Lock(context, locks.script),
    }),
    Session: new SessionImpl(context),
    Utilities: new UtilitiesImpl(context),
    Drive: countedObject('Drive', createDrive(context, driveFiles, driveLog)),
    Docs: countedObject('Docs', createDocs(context, documents)),
    Charts: countedObject('Charts', { ChartType }),
    ScriptApp: countedObject('ScriptApp', {
      AuthMode: { NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION' },
      getScriptId: () => 'local-script',
    }),
    Logger: countedObject('Logger', { log: (...args: unknown[]) => log(...args) }),
    console: { log, info: log, warn: log, error: log, ...consoleTimers(log, calls, phases) },
  };
  return {
    context,
    calls,
    globals,
    spreadsheet,
    ui,
    authMode,
    documents,
    driveFiles,
    driveLog,
    documentProperties: stores.document,
    userProperties: stores.user,
    scriptProperties: stores.script,
    documentLock: locks.document,
    logs,
    phases,
  };
}
