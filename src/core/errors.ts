/**
 * The message of anything thrown. Not by `instanceof Error`: the bundle runs in another realm locally
 * (a vm context), and Apps Script's services throw their own objects.
 */
export function errorMessage(e: unknown): string {
  return typeof e === 'object' && e !== null && 'message' in e ? String(e.message) : String(e);
}

/** An error the user can act on, as its message carries it: JSON with a code and the Thai and English text. */
export function encodeUserError(code: string, th: string, en: string): string {
  return JSON.stringify({ code, th, en });
}

/**
 * The Thai and English text of an error the add-on raised for the user, or null when it is not one of
 * ours. google.script.run may hand the sidebar the message behind its class ("Error: {…}").
 */
export function userErrorOf(e: unknown): { code: string | null; th: string; en: string } | null {
  try {
    const parsed = JSON.parse(errorMessage(e).replace(/^[A-Za-z]*Error:\s*/, '')) as {
      code?: string;
      th?: string;
      en?: string;
    };
    if (parsed.th && parsed.en) return { code: parsed.code ?? null, th: parsed.th, en: parsed.en };
  } catch (_e) {
    // not one of ours
  }
  return null;
}

/** The Thai and English text of an error the add-on raised for the user, or the plain message twice. */
export function decodeUserError(e: unknown): { code: string | null; th: string; en: string } {
  const message = errorMessage(e);
  return userErrorOf(e) ?? { code: null, th: message, en: message };
}
