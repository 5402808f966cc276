import { encodeUserError, errorMessage } from '../core/errors';

export { errorMessage };

/**
 * An error the user can act on. Its message is JSON so that the sidebar can show the Thai or English text
 * (google.script.run hands the failure handler only the message).
 */
export class UserError extends Error {
  constructor(
    readonly code: string,
    readonly th: string,
    readonly en: string,
  ) {
    super(encodeUserError(code, th, en));
    this.name = 'UserError';
  }
}

/** Runs `work` holding the document lock; another user already at it gets a clear message. */
export function withDocumentLock<T>(work: () => T): T {
  const lock = LockService.getDocumentLock();
  // Outside a document (a standalone test run) there is no document lock to take.
  if (!lock) return work();
  if (!lock.tryLock(10_000)) {
    throw new UserError(
      'busy',
      'มีผู้ใช้อื่นกำลังสร้างรายงานหรือเขียนแท็บมาตรการของสเปรดชีตนี้อยู่ โปรดรอสักครู่แล้วลองใหม่',
      'Someone else is writing the measures tab or building the report of this spreadsheet; try again in a minute',
    );
  }
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}

/**
 * Runs one phase of a server call between console.time and console.timeEnd: a real run's Executions log
 * then shows what each phase costs in Apps Script (the figures bench/costs.cjs can only estimate).
 */
export function phase<T>(label: string, work: () => T): T {
  console.time(label);
  try {
    return work();
  } finally {
    console.timeEnd(label);
  }
}

/** A warning the user reads in either language. */
export interface Warning {
  th: string;
  en: string;
}

/**
 * What to do when an advanced service failed because its API is off in the script's Cloud project. A
 * published add-on runs in a standard Cloud project, and there "you must manually enable the API
 * corresponding to the advanced service" (developers.google.com/apps-script/guides/services/advanced);
 * the API then answers "… has not been used in project N before or it is disabled" (403
 * accessNotConfigured). null for any other failure.
 */
export function enableApiFix(
  api: 'Google Docs API' | 'Google Drive API',
  e: unknown,
  then: Warning = { th: 'สร้างรายงานอีกครั้ง', en: 'build again' },
): Warning | null {
  const message = errorMessage(e);
  if (!/has not been used in project|is disabled|accessNotConfigured|SERVICE_DISABLED/i.test(message))
    return null;
  return {
    th: `เปิดใช้ ${api} ในโปรเจกต์ Google Cloud ของสคริปต์ (Google Cloud console → APIs & Services → Library → ${api} → Enable) แล้ว${then.th}`,
    en: `Enable the ${api} in the script's Google Cloud project (Google Cloud console → APIs & Services → Library → ${api} → Enable), then ${then.en}`,
  };
}
