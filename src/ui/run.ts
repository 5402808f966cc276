import type * as Server from '../server/index';

/** The server functions the sidebar may call: every export of src/server/index.ts whose name starts with api. */
export type Api = { [K in keyof typeof Server as K extends `api${string}` ? K : never]: (typeof Server)[K] };

interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: Error) => void): ScriptRun;
  [name: string]: unknown;
}

declare const google: { script: { run: ScriptRun } };

/** google.script.run as a typed promise: `await call('apiAnalyze')`. */
export function call<K extends keyof Api>(name: K, ...args: Parameters<Api[K]>): Promise<ReturnType<Api[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<Api[K]>))
      .withFailureHandler((error) => reject(error));
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}

export interface ShownError {
  th: string;
  en: string;
  kind: 'user' | 'busy' | 'accounts' | 'quota' | 'other';
}

/** Turns a failure from the server into something a governance officer can act on. */
export function explain(error: unknown): ShownError {
  const message = error instanceof Error ? error.message : String(error);
  try {
    const parsed = JSON.parse(message.replace(/^[A-Za-z]*Error:\s*/, '')) as {
      code?: string;
      th?: string;
      en?: string;
    };
    if (parsed.th && parsed.en)
      return { th: parsed.th, en: parsed.en, kind: parsed.code === 'busy' ? 'busy' : 'user' };
  } catch (_e) {
    // not one of ours
  }
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
