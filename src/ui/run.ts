import { errorMessage, userErrorOf } from '../core/errors';
import type * as Server from '../server/index';

/** The server functions the sidebar may call: every export of src/server/index.ts whose name starts with api. */
export type Api = { [K in keyof typeof Server as K extends `api${string}` ? K : never]: (typeof Server)[K] };

interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: Error) => void): ScriptRun;
  [name: string]: unknown;
}

declare const google: { script: { run: ScriptRun } };

/**
 * How long the sidebar waits for a server call: Apps Script stops a script after six minutes, so a call
 * with no answer after seven never answers. A page may set `ITA_CALL_TIMEOUT_MS` (the browser tests do).
 */
export function callTimeoutMs(): number {
  const set = (globalThis as { ITA_CALL_TIMEOUT_MS?: number }).ITA_CALL_TIMEOUT_MS;
  return typeof set === 'number' && set > 0 ? set : 7 * 60_000;
}

/** A server call that did not answer in time. */
export class CallTimeout extends Error {
  constructor(readonly minutes: number) {
    super(`No answer within ${minutes} minutes`);
    this.name = 'CallTimeout';
  }
}

/** google.script.run as a typed promise: `await call('apiAnalyze')`; it fails after callTimeoutMs(). */
export function call<K extends keyof Api>(name: K, ...args: Parameters<Api[K]>): Promise<ReturnType<Api[K]>> {
  return new Promise((resolve, reject) => {
    const limit = callTimeoutMs();
    const timer = setTimeout(() => reject(new CallTimeout(Math.max(1, Math.round(limit / 60_000)))), limit);
    const runner = google.script.run
      .withSuccessHandler((value) => {
        clearTimeout(timer);
        resolve(value as ReturnType<Api[K]>);
      })
      .withFailureHandler((error) => {
        clearTimeout(timer);
        reject(error);
      });
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}

export interface ShownError {
  th: string;
  en: string;
  kind: 'user' | 'busy' | 'accounts' | 'quota' | 'timeout' | 'other';
  /** The add-on's own error code (`data-errors`, `busy`…), when it is one of ours. */
  code?: string;
}

/** Turns a failure from the server into something a governance officer can act on. */
export function explain(error: unknown): ShownError {
  if (error instanceof CallTimeout) {
    return {
      kind: 'timeout',
      th: `ไม่ได้รับคำตอบจากเซิร์ฟเวอร์ภายใน ${error.minutes} นาที งานอาจยังทำต่อหรือหยุดไปแล้ว: ปิดแล้วเปิดแถบนี้ใหม่ การ์ด "รายงานล่าสุด" จะบอกว่าสร้างเสร็จหรือไม่ ถ้าไม่เสร็จ ให้กดสร้างอีกครั้ง`,
      en: `No answer from the server within ${error.minutes} minutes. The work may still be running or may have stopped: close and reopen this sidebar; the “Last report” card says whether the report was built. If not, build again.`,
    };
  }
  const message = errorMessage(error);
  const ours = userErrorOf(error);
  if (ours)
    return {
      th: ours.th,
      en: ours.en,
      kind: ours.code === 'busy' ? 'busy' : 'user',
      ...(ours.code ? { code: ours.code } : {}),
    };
  if (
    /PERMISSION_DENIED|Authorization is required|We're sorry, a server error occurred while reading from storage/i.test(
      message,
    )
  ) {
    return {
      kind: 'accounts',
      th: 'เบราว์เซอร์ลงชื่อเข้าใช้ Google หลายบัญชี ทำให้ส่วนเสริมเรียกเซิร์ฟเวอร์ไม่ได้ โปรดออกจากบัญชีอื่น หรือเปิดสเปรดชีตในหน้าต่างที่ลงชื่อเข้าใช้บัญชีเดียว แล้วลองใหม่',
      en: 'Your browser is signed in to several Google accounts, which stops add-ons from reaching their server. Sign out of the others, or open the spreadsheet in a window with one account, and try again.',
    };
  }
  if (/Service invoked too many times|quota|Exceeded maximum execution time|too many/i.test(message)) {
    return {
      kind: 'quota',
      th: `เกินโควตาหรือเวลาที่ Google กำหนด (${message}) โปรดลองใหม่ภายหลัง`,
      en: `A Google quota or time limit was reached (${message}); try again later.`,
    };
  }
  return { kind: 'other', th: `เกิดข้อผิดพลาด: ${message}`, en: `Something went wrong: ${message}` };
}
