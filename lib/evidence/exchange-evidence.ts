// What an API call leaves in the report: one JSON attachment, `exchange.json`, holding its request and
// its response (one attachment, not two: each costs the call a Playwright step, bench figure 1). A body
// of thousands of positions would make the report too large to attach to a ticket, so in a body
// above 16 KiB long lists are shortened to their first and last items, with the count and a SHA-256
// of the whole body (the assertions always see the whole body; only the attachment is shortened).
// The raw response text is left out: the body holds it, parsed or as text.
import { createHash } from 'node:crypto';
import type { ApiExchange } from '../http/api-client.ts';
import type { SchemaVerdict } from '../schemas.ts';

/** Above this many bytes (serialised) a body is shortened in the attachment. */
export const FULL_BODY_BYTES = 16 * 1024;
const KEPT_HEAD = 2;
const KEPT_TAIL = 1;

function shortenLists(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(shortenLists);
    if (items.length <= KEPT_HEAD + KEPT_TAIL + 1) return items;
    const left = items.length - KEPT_HEAD - KEPT_TAIL;
    return [...items.slice(0, KEPT_HEAD), `… ${left} elementi omessi / ${left} items left out …`, ...items.slice(-KEPT_TAIL)];
  }
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, shortenLists(item)]));
  return value;
}

export interface ShortenedBody {
  body: unknown;
  /** Present when the body was shortened: what the whole one was. */
  shortened?: { bytes: number; sha256: string };
}

export function attachmentBody(body: unknown, limit = FULL_BODY_BYTES): ShortenedBody {
  if (body === undefined || typeof body === 'string') return { body };
  const whole = JSON.stringify(body);
  if (whole.length <= limit) return { body };
  return { body: shortenLists(body), shortened: { bytes: Buffer.byteLength(whole), sha256: createHash('sha256').update(whole).digest('hex') } };
}

/** The name of the attachment of an API call (its step holds it). */
export const EXCHANGE_ATTACHMENT = 'exchange.json';

/** The attachment of an exchange (already redacted by the client): its request and its response, each with its schema verdict. */
export function exchangeAttachment(exchange: ApiExchange, requestSchema: SchemaVerdict | undefined, responseSchema: SchemaVerdict | undefined): string {
  const request = attachmentBody(exchange.request.body);
  const response = attachmentBody(exchange.response.body);
  return JSON.stringify(
    {
      request: {
        method: exchange.request.method,
        url: exchange.request.url,
        headers: exchange.request.headers,
        body: request.body,
        shortened: request.shortened,
        schema: requestSchema,
      },
      response: {
        status: exchange.response.status,
        headers: exchange.response.headers,
        body: response.body,
        shortened: response.shortened,
        ms: exchange.ms,
        requestId: exchange.requestId,
        throttled: exchange.throttled,
        schema: responseSchema,
      },
    },
    null,
    // One space a level: as readable in the report's code view, and an eighth lighter than two (report ≤ 10 MB).
    1,
  );
}
