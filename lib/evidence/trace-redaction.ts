// Card data out of Playwright traces. A trace keeps the arguments of every call, DOM snapshots with
// input values (`__playwright_value_`) and request bodies: the card number would be in all three.
// The number is replaced wherever it occurs (also grouped by spaces or dashes); the security code,
// too short to replace blindly, wherever it is a JSON value of those places. Synchronous on purpose:
// it runs in a reporter's onTestEnd, before any other reporter reads the trace.
import { readFileSync, writeFileSync } from 'node:fs';
import { unzipSync, zipSync } from 'fflate';

export interface CardSecrets {
  number: string;
  cvv: string;
}

export const CARD_NUMBER_MASK = '[CARD NUMBER REDACTED]';
export const CVV_MASK = '[CVV REDACTED]';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text with the card number and the security code masked. */
export function redactCardData(text: string, secrets: CardSecrets): string {
  const digits = secrets.number.replace(/\D/g, '');
  let result = text;
  if (digits.length >= 12) result = result.replace(new RegExp(digits.split('').join('[ -]?'), 'g'), CARD_NUMBER_MASK);
  if (/^\d{3,4}$/.test(secrets.cvv)) {
    // "key":"123" in call arguments (`value`, `text`, serialized `s`), snapshots and bodies, JSON-escaped or not.
    const value = new RegExp(`(\\\\?"(?:value|text|s|__playwright_value_)\\\\?"\\s*:\\s*\\\\?")${escapeRegExp(secrets.cvv)}(\\\\?")`, 'g');
    result = result.replace(value, `$1${CVV_MASK}$2`);
  }
  return result;
}

/** Screencast frames and screenshots: pixels, not text (the suite's own screenshots mask the card fields). */
export const IMAGE_ENTRY = /\.(jpe?g|png|webp|gif)$/i;

/** Rewrites a trace ZIP in place; answers whether anything was masked. */
export function redactTraceFile(path: string, secrets: CardSecrets): boolean {
  const entries = unzipSync(readFileSync(path));
  let changed = false;
  for (const [name, content] of Object.entries(entries)) {
    if (IMAGE_ENTRY.test(name)) continue;
    // latin1 maps bytes 1:1, so bodies of any encoding come back byte-exact where nothing matched.
    const text = Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('latin1');
    const redacted = redactCardData(text, secrets);
    if (redacted !== text) {
      entries[name] = new Uint8Array(Buffer.from(redacted, 'latin1'));
      changed = true;
    }
  }
  if (changed) writeFileSync(path, zipSync(entries));
  return changed;
}
