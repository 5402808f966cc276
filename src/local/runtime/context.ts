import GOOGLE_METHODS from './google-methods.json';

/** Counts every service call a script makes, by class and method (`Range.getValues`). */
export class CallCounter {
  readonly counts = new Map<string, number>();
  /** Calls made to fail, for tests of what a failure midway leaves behind (`Class.method` → message). */
  private readonly failures = new Map<string, string>();
  /** Calls left before the execution is stopped (stopAfter), and the message it stops with. */
  private stop: { left: number; message: string } | null = null;

  count(name: string): void {
    if (this.stop && this.stop.left-- <= 0) throw gasError(this.stop.message);
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    const failure = this.failures.get(name);
    if (failure !== undefined) {
      this.failures.delete(name);
      throw gasError(failure);
    }
  }

  /**
   * After `calls` more calls, every call throws: the execution is over, as when Apps Script stops a script
   * at its time limit ("If you exceed a quota or limitation, your script throws an exception and execution
   * stops", developers.google.com/apps-script/guides/services/quotas). `resume()` starts a new execution.
   */
  stopAfter(calls: number, message = TIME_LIMIT): void {
    this.stop = { left: calls, message };
  }

  resume(): void {
    this.stop = null;
  }

  /** The next call of `name` (`Docs.Documents.batchUpdate`) throws `message`, as a Google service would. */
  failNext(name: string, message: string): void {
    this.failures.set(name, message);
  }

  total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  get(name: string): number {
    return this.counts.get(name) ?? 0;
  }

  /** Counts sorted by name, for printing and JSON. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
  }
}

/** The message of the 6-minute limit: "Script runtime: 6 min / execution" (the quotas page). */
export const TIME_LIMIT = 'Exceeded maximum execution time';

/** An e-mail Google would have sent: an invitation to a file, by the call that sent it. */
export interface SentMail {
  to: string;
  fileId: string;
  by: string;
}

export interface RuntimeContext {
  calls: CallCounter;
  /** The user the script runs as (Session.getEffectiveUser / getActiveUser). */
  user: string;
  timeZone: string;
  now: () => Date;
  newId: (prefix: string) => string;
  /** Whether an address has a Google account (Drive will not add one that has none without an invitation). */
  hasGoogleAccount: (email: string) => boolean;
  /** The e-mails sharing sent (Document.addViewers, Spreadsheet.addEditors, Drive with notification). */
  mail: SentMail[];
}

/** Domains whose addresses the local runtime treats as having no Google account. */
export const NO_ACCOUNT_DOMAINS = ['no-google.example'];

/**
 * Base of every local service object: the object a script holds is a proxy that counts each method call
 * by class name. Methods the runtime calls on its own objects internally go through the target and are
 * not counted. Chained methods return the proxy, so `range.setValues(v).setFontWeight('bold')` counts two.
 */
let nextUid = 1;

export abstract class Service {
  /** The counting proxy of this object: what a method hands out when it returns or stores itself. */
  protected _self!: this;
  readonly _uid = nextUid++;

  protected constructor(
    protected readonly rt: RuntimeContext,
    className: string,
  ) {
    const target = this;
    const proxy = new Proxy(this, {
      get(obj, prop, receiver) {
        const value = Reflect.get(obj, prop, receiver);
        if (value === undefined && typeof prop === 'string') return notImplementedLocally(className, prop);
        if (
          typeof value !== 'function' ||
          typeof prop !== 'string' ||
          prop.startsWith('_') ||
          prop === 'constructor'
        ) {
          return value;
        }
        return function (this: unknown, ...args: unknown[]) {
          rt.calls.count(`${className}.${prop}`);
          const result = value.apply(target, args);
          return result === target ? receiver : result;
        };
      },
    });
    this._self = proxy;
    // biome-ignore lint/correctness/noConstructorReturn: the proxy is how calls are counted
    return proxy;
  }
}

/**
 * What reading a method Google's class has, but this runtime does not, gives: a function that says so
 * when called ("not implemented locally: Range.getBandings"), rather than undefined and "is not a
 * function", which would read as a mistake in the add-on. A name Google's class lacks stays undefined.
 */
export function notImplementedLocally(className: string, method: string): (() => never) | undefined {
  if (!(GOOGLE_METHODS as Record<string, string[]>)[className]?.includes(method)) return undefined;
  return () => {
    throw gasError(`not implemented locally: ${className}.${method}`);
  };
}

/** Realm-independent checks: the script runs in a vm context whose Dates and Arrays are not ours. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

export function gasError(message: string): Error {
  const error = new Error(message);
  error.name = 'Exception';
  return error;
}
