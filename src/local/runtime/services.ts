import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Blob, newBlob } from './blob';
import { gasError, isDate, type RuntimeContext, Service } from './context';

const PROPERTY_VALUE_LIMIT = 9 * 1024;
const PROPERTY_TOTAL_LIMIT = 500 * 1024;

export class Properties extends Service {
  constructor(
    rt: RuntimeContext,
    readonly _store: Map<string, string>,
  ) {
    super(rt, 'Properties');
  }
  private size(store: Map<string, string>): number {
    let n = 0;
    for (const [k, v] of store) n += Buffer.byteLength(k) + Buffer.byteLength(v);
    return n;
  }
  private put(entries: [string, string][], deleteAllOthers: boolean): void {
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this._store);
    for (const [k, v] of entries) {
      if (Buffer.byteLength(v) > PROPERTY_VALUE_LIMIT) throw gasError('Argument too large: value');
      next.set(k, v);
    }
    if (this.size(next) > PROPERTY_TOTAL_LIMIT) {
      throw gasError(
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    }
    this._store.clear();
    for (const [k, v] of next) this._store.set(k, v);
  }
  getProperty(key: string) {
    return this._store.get(key) ?? null;
  }
  getProperties() {
    return Object.fromEntries(this._store);
  }
  getKeys() {
    return [...this._store.keys()];
  }
  setProperty(key: string, value: unknown) {
    this.put([[key, String(value)]], false);
    return this;
  }
  setProperties(properties: Record<string, unknown>, deleteAllOthers = false) {
    this.put(
      Object.entries(properties).map(([k, v]) => [k, String(v)]),
      deleteAllOthers,
    );
    return this;
  }
  deleteProperty(key: string) {
    this._store.delete(key);
    return this;
  }
  deleteAllProperties() {
    this._store.clear();
    return this;
  }
}

/**
 * A cache. "You must be prepared to get back null from all reads" (CacheService guide), and a Google
 * service call may fail: "If you exceed a quota or limitation, your script throws an exception"
 * (quotas page). With `fails`, every call throws (the text is ours: Google publishes none for the cache).
 */
export class Cache extends Service {
  constructor(
    rt: RuntimeContext,
    private readonly store: Map<string, { value: string; expires: number }>,
    private readonly fails = false,
  ) {
    super(rt, 'Cache');
  }
  private reachable(): void {
    if (this.fails) throw gasError('Service error: CacheService');
  }
  private live(key: string): string | null {
    this.reachable();
    const entry = this.store.get(key);
    if (!entry) return null;
    if (entry.expires <= this.rt.now().getTime()) {
      this.store.delete(key);
      return null;
    }
    return entry.value;
  }
  get(key: string) {
    return this.live(key);
  }
  getAll(keys: string[]) {
    this.reachable();
    const out: Record<string, string> = {};
    for (const k of keys) {
      const v = this.live(k);
      if (v !== null) out[k] = v;
    }
    return out;
  }
  put(key: string, value: string, expirationInSeconds = 600) {
    this.reachable();
    if (key.length > 250) throw gasError('Argument too large: key');
    if (Buffer.byteLength(String(value)) > 100 * 1024) throw gasError('Argument too large: value');
    const seconds = Math.min(Math.max(1, expirationInSeconds), 21600);
    // Kept as UTF-8 (its limit is in bytes: "The maximum amount of data that can be stored per key is
    // 100KB"), where half a surrogate pair has no encoding: it comes back U+FFFD.
    const text = Buffer.from(String(value), 'utf8').toString('utf8');
    this.store.set(key, { value: text, expires: this.rt.now().getTime() + seconds * 1000 });
  }
  putAll(values: Record<string, string>, expirationInSeconds = 600) {
    for (const [k, v] of Object.entries(values)) this.put(k, v, expirationInSeconds);
  }
  remove(key: string) {
    this.reachable();
    this.store.delete(key);
  }
  removeAll(keys: string[]) {
    this.reachable();
    for (const k of keys) this.store.delete(k);
  }
}

/** A lock; `holder` is shared by every Lock of the same scope, so another "process" can hold it. */
export class Lock extends Service {
  private mine = false;
  constructor(
    rt: RuntimeContext,
    private readonly holder: { by: string | null },
  ) {
    super(rt, 'Lock');
  }
  tryLock(_timeoutInMillis: number) {
    if (this.mine) return true;
    if (this.holder.by !== null) return false;
    this.holder.by = 'script';
    this.mine = true;
    return true;
  }
  waitLock(timeoutInMillis: number) {
    if (!this.tryLock(timeoutInMillis)) {
      throw gasError('Lock timeout: another process was holding the lock for too long.');
    }
  }
  hasLock() {
    return this.mine;
  }
  releaseLock() {
    if (this.mine) {
      this.holder.by = null;
      this.mine = false;
    }
  }
}

export class HtmlOutput extends Service {
  private title = '';
  private width = 300;
  private height = 500;
  constructor(
    rt: RuntimeContext,
    private content: string,
  ) {
    super(rt, 'HtmlOutput');
  }
  getContent() {
    return this.content;
  }
  setContent(content: string) {
    this.content = content;
    return this;
  }
  append(addedContent: string) {
    this.content += addedContent;
    return this;
  }
  getTitle() {
    return this.title;
  }
  setTitle(title: string) {
    this.title = title;
    return this;
  }
  getWidth() {
    return this.width;
  }
  setWidth(width: number) {
    this.width = width;
    return this;
  }
  getHeight() {
    return this.height;
  }
  setHeight(height: number) {
    this.height = height;
    return this;
  }
  setSandboxMode(_mode: unknown) {
    return this;
  }
  setXFrameOptionsMode(_mode: unknown) {
    return this;
  }
  addMetaTag(_name: string, _content: string) {
    return this;
  }
}

export class HtmlServiceImpl extends Service {
  readonly SandboxMode = { IFRAME: 'IFRAME', NATIVE: 'NATIVE', EMULATED: 'EMULATED' };
  readonly XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' };
  constructor(
    rt: RuntimeContext,
    private readonly projectDir: string,
  ) {
    super(rt, 'HtmlService');
  }
  /** Reads `<name>.html` of the script project (dist/), as Apps Script reads a project file. */
  createHtmlOutputFromFile(filename: string) {
    const path = join(this.projectDir, `${filename.replace(/\.html$/, '')}.html`);
    if (!existsSync(path)) throw gasError(`No HTML file named ${filename} was found.`);
    return new HtmlOutput(this.rt, readFileSync(path, 'utf8'));
  }
  createHtmlOutput(html = '') {
    return new HtmlOutput(this.rt, String(html));
  }
}

export interface UiEvents {
  menus: { name: string; items: { caption: string; functionName: string }[] }[];
  sidebars: HtmlOutput[];
  dialogs: HtmlOutput[];
  alerts: { title: string; prompt: string }[];
}

export class Menu extends Service {
  constructor(
    rt: RuntimeContext,
    private readonly events: UiEvents,
    readonly _name: string,
    readonly _items: { caption: string; functionName: string }[] = [],
  ) {
    super(rt, 'Menu');
  }
  addItem(caption: string, functionName: string) {
    this._items.push({ caption, functionName });
    return this;
  }
  addSeparator() {
    this._items.push({ caption: '---', functionName: '' });
    return this;
  }
  addSubMenu(menu: Menu) {
    for (const item of menu._items)
      this._items.push({ caption: `${menu._name} › ${item.caption}`, functionName: item.functionName });
    return this;
  }
  addToUi() {
    this.events.menus.push({ name: this._name, items: [...this._items] });
  }
}

export class Ui extends Service {
  readonly ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' };
  readonly Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' };
  constructor(
    rt: RuntimeContext,
    readonly _events: UiEvents,
    private readonly authMode: { mode: string },
  ) {
    super(rt, 'Ui');
  }
  createAddonMenu() {
    return new Menu(this.rt, this._events, 'ita-report');
  }
  createMenu(caption: string) {
    return new Menu(this.rt, this._events, caption);
  }
  private needsAuth(method: string) {
    if (this.authMode.mode === 'NONE') {
      throw gasError(
        `You do not have permission to call Ui.${method}. Required permissions: https://www.googleapis.com/auth/script.container.ui`,
      );
    }
  }
  showSidebar(userInterface: HtmlOutput) {
    this.needsAuth('showSidebar');
    this._events.sidebars.push(userInterface);
  }
  showModalDialog(userInterface: HtmlOutput, _title: string) {
    this.needsAuth('showModalDialog');
    this._events.dialogs.push(userInterface);
  }
  alert(titleOrPrompt: string, prompt?: string, _buttons?: string) {
    this._events.alerts.push({
      title: prompt === undefined ? '' : titleOrPrompt,
      prompt: prompt ?? titleOrPrompt,
    });
    return this.Button.OK;
  }
}

export class UtilitiesImpl extends Service {
  readonly Charset = { UTF_8: 'UTF-8', US_ASCII: 'US-ASCII' };
  constructor(rt: RuntimeContext) {
    super(rt, 'Utilities');
  }
  newBlob(data?: unknown, contentType?: string, name?: string) {
    return newBlob(this.rt, data, contentType, name);
  }
  getUuid() {
    return randomUUID();
  }
  base64Encode(data: string | number[]) {
    return (
      typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(Int8Array.from(data).buffer)
    ).toString('base64');
  }
  base64Decode(encoded: string) {
    return Array.from(new Int8Array(Buffer.from(encoded, 'base64')));
  }
  sleep(_milliseconds: number) {}
  /** A subset of Java's SimpleDateFormat: yyyy, yy, MM, M, dd, d, HH, H, mm, ss, Z. */
  formatDate(date: Date, timeZone: string, format: string) {
    if (!isDate(date))
      throw gasError("The parameters don't match the method signature for Utilities.formatDate.");
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hour12: false,
      })
        .formatToParts(date)
        .map((p) => [p.type, p.value]),
    );
    const map: Record<string, string> = {
      yyyy: parts.year,
      yy: parts.year.slice(2),
      MM: parts.month,
      M: String(Number(parts.month)),
      dd: parts.day,
      d: String(Number(parts.day)),
      HH: parts.hour === '24' ? '00' : parts.hour,
      H: String(Number(parts.hour) % 24),
      mm: parts.minute,
      ss: parts.second,
    };
    return format.replace(/yyyy|yy|MM|M|dd|d|HH|H|mm|ss|'[^']*'/g, (token) =>
      token.startsWith("'") ? token.slice(1, -1) : (map[token] ?? token),
    );
  }
}

export class SessionImpl extends Service {
  constructor(rt: RuntimeContext) {
    super(rt, 'Session');
  }
  getActiveUser() {
    return { getEmail: () => this.rt.user };
  }
  getEffectiveUser() {
    return { getEmail: () => this.rt.user };
  }
  getScriptTimeZone() {
    return this.rt.timeZone;
  }
  getActiveUserLocale() {
    return 'th';
  }
  getTemporaryActiveUserKey() {
    return Buffer.from(this.rt.user).toString('base64');
  }
}

export { Blob };
