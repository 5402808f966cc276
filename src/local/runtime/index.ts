import { join } from 'node:path';
import {
  CallCounter,
  gasError,
  NO_ACCOUNT_DOMAINS,
  notImplementedLocally,
  type RuntimeContext,
  type SentMail,
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

export { CallCounter, type RuntimeContext, type SentMail, TIME_LIMIT } from './context';
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
  /** false: the Docs API is not enabled in the script's Cloud project, and every Docs call says so. */
  docsApi?: boolean;
  /** false: the Drive API is not enabled in the script's Cloud project, and every Drive call says so. */
  driveApi?: boolean;
  /** true: every call of a cache throws, as a Google service may fail. */
  cacheFails?: boolean;
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
  /** The e-mails Google would have sent: invitations to the files shared. */
  mail: SentMail[];
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

/** The context every service of one runtime shares: who runs, the clock, ids, the e-mails sent. */
function runtimeContext(options: RuntimeOptions, calls: CallCounter): RuntimeContext {
  let seq = 0;
  const timeZone = options.timeZone ?? 'Asia/Bangkok';
  useScriptTimeZone(timeZone);
  return {
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
    mail: [],
  };
}

/**
 * A service given as a plain object (PropertiesService, Drive with Drive.Files…): each method call counted
 * by its path (`Drive.Files.create`), as the Service classes count theirs. `refuse`, when given, is what
 * every call throws instead (an advanced service whose API the project has not enabled).
 */
function countedObject<T extends object>(
  calls: CallCounter,
  name: string,
  obj: T,
  refuse?: (path: string) => Error,
): T {
  return new Proxy(obj, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof prop !== 'string') return value;
      if (value === undefined) return notImplementedLocally(name, prop);
      if (typeof value === 'function') {
        return (...args: unknown[]) => {
          calls.count(`${name}.${prop}`);
          if (refuse) throw refuse(`${name}.${prop}`);
          return value.apply(target, args);
        };
      }
      return isPlainObject(value) ? countedObject(calls, `${name}.${prop}`, value, refuse) : value;
    },
  });
}

/**
 * What an advanced service answers when its API is not enabled in the script's Cloud project: "If you use
 * a standard Cloud project, you must manually enable the API corresponding to the advanced service"
 * (developers.google.com/apps-script/guides/services/advanced); the API answers 403 accessNotConfigured,
 * "<API> has not been used in project N before or it is disabled. Enable it by visiting … then retry".
 */
export function apiDisabled(api: 'docs' | 'drive'): (path: string) => Error {
  const title = api === 'docs' ? 'Google Docs API' : 'Google Drive API';
  return (path) => {
    const method = path.split('.').slice(1).join('.').toLowerCase();
    return gasError(
      `API call to ${api}.${method} failed with error: ${title} has not been used in project ${LOCAL_PROJECT} before or it is disabled. ` +
        `Enable it by visiting https://console.developers.google.com/apis/api/${api}.googleapis.com/overview?project=${LOCAL_PROJECT} then retry. ` +
        'If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.',
    );
  };
}

const LOCAL_PROJECT = '000000000000';

interface Stores {
  documents: Map<string, DocData>;
  driveFiles: Map<string, DriveFile>;
  driveLog: DriveLog;
  properties: Record<'document' | 'user' | 'script', Map<string, string>>;
  caches: Record<'document' | 'user' | 'script', Map<string, { value: string; expires: number }>>;
  locks: Record<'document' | 'user' | 'script', { by: string | null }>;
}

function emptyStores(): Stores {
  return {
    documents: new Map(),
    driveFiles: new Map(),
    driveLog: { permissionCalls: [] },
    properties: { document: new Map(), user: new Map(), script: new Map() },
    caches: { document: new Map(), user: new Map(), script: new Map() },
    locks: { document: { by: null }, user: { by: null }, script: { by: null } },
  };
}

/** A new Doc is a file in Drive too, owned by whoever made it, and reachable through drive.file by them. */
function docFileMaker(context: RuntimeContext, driveFiles: Map<string, DriveFile>) {
  return (doc: DocData) => {
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
}

/** The globals a script sees: the Apps Script services over the runtime's stores, and nothing else. */
function serviceGlobals(
  context: RuntimeContext,
  options: RuntimeOptions,
  parts: {
    spreadsheet: SpreadsheetImpl;
    ui: Ui;
    stores: Stores;
    log: (...args: unknown[]) => void;
    phases: Phase[];
  },
): Record<string, unknown> {
  const { calls } = context;
  const { stores, log } = parts;
  const counted = <T extends object>(name: string, obj: T, refuse?: (path: string) => Error) =>
    countedObject(calls, name, obj, refuse);
  const cache = (store: Map<string, { value: string; expires: number }>) =>
    new Cache(context, store, options.cacheFails ?? false);
  return {
    SpreadsheetApp: new SpreadsheetAppImpl(context, () => parts.spreadsheet, parts.ui),
    DocumentApp: new DocumentAppImpl(
      context,
      stores.documents,
      docFileMaker(context, stores.driveFiles),
      options.pdf ?? null,
      stores.driveFiles,
    ),
    HtmlService: new HtmlServiceImpl(context, options.projectDir ?? join(process.cwd(), 'dist')),
    PropertiesService: counted('PropertiesService', {
      getDocumentProperties: () => new Properties(context, stores.properties.document),
      getUserProperties: () => new Properties(context, stores.properties.user),
      getScriptProperties: () => new Properties(context, stores.properties.script),
    }),
    CacheService: counted('CacheService', {
      getDocumentCache: () => cache(stores.caches.document),
      getUserCache: () => cache(stores.caches.user),
      getScriptCache: () => cache(stores.caches.script),
    }),
    LockService: counted('LockService', {
      getDocumentLock: () => new Lock(context, stores.locks.document),
      getUserLock: () => new Lock(context, stores.locks.user),
      getScriptLock: () => new Lock(context, stores.locks.script),
    }),
    Session: new SessionImpl(context),
    Utilities: new UtilitiesImpl(context),
    Drive: counted(
      'Drive',
      createDrive(context, stores.driveFiles, stores.driveLog, (id) => stores.documents.delete(id)),
      options.driveApi === false ? apiDisabled('drive') : undefined,
    ),
    Docs: counted(
      'Docs',
      createDocs(context, stores.documents),
      options.docsApi === false ? apiDisabled('docs') : undefined,
    ),
    Charts: counted('Charts', { ChartType }),
    ScriptApp: counted('ScriptApp', {
      AuthMode: { NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION' },
      getScriptId: () => 'local-script',
    }),
    Logger: counted('Logger', { log: (...args: unknown[]) => log(...args) }),
    console: { log, info: log, warn: log, error: log, ...consoleTimers(log, calls, parts.phases) },
  };
}

export function createRuntime(given: RuntimeOptions = {}): Runtime {
  // The services keep their options; not the loader, which may hold a whole parsed file (ten times the cells).
  const { spreadsheet: load, ...options } = given;
  const calls = new CallCounter();
  const context = runtimeContext(options, calls);
  const spreadsheet = load?.(context) ?? SpreadsheetImpl._create(context, 'ita-report', context.user);
  if (!options.user) context.user = spreadsheet._state.owner;
  // Loading the spreadsheet is not the script's doing: count from here.
  calls.reset();
  const ui: UiEvents = { menus: [], sidebars: [], dialogs: [], alerts: [] };
  const authMode = { mode: 'FULL' };
  const stores = emptyStores();
  const logs: string[] = [];
  const phases: Phase[] = [];
  const log = (...args: unknown[]) => {
    logs.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
  };
  const uiService = new Ui(context, ui, authMode);
  return {
    context,
    calls,
    globals: serviceGlobals(context, options, { spreadsheet, ui: uiService, stores, log, phases }),
    spreadsheet,
    ui,
    authMode,
    documents: stores.documents,
    driveFiles: stores.driveFiles,
    driveLog: stores.driveLog,
    mail: context.mail,
    documentProperties: stores.properties.document,
    userProperties: stores.properties.user,
    scriptProperties: stores.properties.script,
    documentLock: stores.locks.document,
    logs,
    phases,
  };
}
