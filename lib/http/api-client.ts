// HTTP client for the pagoPA APIs on undici: one keep-alive pool per origin, the subscription
// key header, client-side rate limiting, 429 retries honouring Retry-After, timing, request ids
// and redaction all live here, so every caller (fixtures, scripts) gets them the same way.
import { randomUUID } from 'node:crypto';
import { Pool, FormData } from 'undici';
import type { Limiter } from './rate-limiter.ts';
import type { Redactor } from '../redact.ts';
import { SUITE_CLIENT_HEADER } from '../ec-software/calls.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

export interface ApiRequest {
  method: HttpMethod;
  /** Path below the API base URL, starting with `/`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  /** JSON body; serialised here. */
  body?: unknown;
  /** A raw body sent as is (malformed-input cases), with its content type. */
  rawBody?: { text: string; contentType: string };
  /** A multipart/form-data body with one file part (upload service); streamed from the Blob. */
  multipart?: { field: string; fileName: string; data: Blob };
  headers?: Record<string, string>;
  /** Overrides the client's key for this call; `null` sends no key at all. */
  key?: string | null;
}

/**
 * One request and its answer. `T` is the type of the success body the operation expects (from its
 * response schema, see `sendOperation` in gpd-client.ts); on a non-2xx answer `body` is the error
 * body instead (a ProblemJson or the gateway's), which the specs check with `toBeProblem` /
 * `toBeGatewayError`. Every body is also checked against its schema by the evidence transport.
 */
export interface ApiExchange<T = unknown> {
  request: { method: HttpMethod; url: string; headers: Record<string, string>; body: unknown };
  response: { status: number; headers: Record<string, string>; body: T; text: string };
  ms: number;
  requestId: string;
  /** 429 answers waited out before this response. */
  throttled: number;
}

export interface ApiClientOptions {
  baseUrl: string;
  key?: string;
  timeoutMs: number;
  redactor: Redactor;
  limiter?: Limiter;
  /** Give up waiting out 429s after this long (ms). */
  maxThrottleMs?: number;
  /** The service echoes the `X-Request-Id` it is sent (its contract declares the header on every answer). */
  echoesRequestId?: boolean;
}

/** Every environment error's message starts with this, so a reviewer (and `verdictOf`) can tell it from a platform answer. */
export const ENVIRONMENT_MARKER = 'Problema di ambiente / Environment problem';

export type EnvironmentKind = 'network' | 'timeout' | 'gateway' | 'throttled';

/**
 * The target could not be judged: no answer (network), no answer in time (timeout), the gateway
 * answered 502/503/504 (gateway), or 429 outlasted the honoured retries (throttled). Never a
 * platform non-conformance: the case is reported as Problema di ambiente.
 */
export class EnvironmentError extends Error {
  constructor(
    readonly kind: EnvironmentKind,
    detail: string,
    /** The redacted exchange, when there was an answer. */
    readonly exchange?: ApiExchange,
    cause?: unknown,
  ) {
    super(`${ENVIRONMENT_MARKER}: ${detail}`, cause === undefined ? undefined : { cause });
    this.name = 'EnvironmentError';
  }
}

// 500 is deliberately absent: it is the platform's own answer (a fault the conformance case must
// report), while 502/503/504 come from the gateway in front of it when the backend is unreachable.
const GATEWAY_STATUSES = new Set([502, 503, 504]);

const UNDICI_TIMEOUTS = new Set(['HeadersTimeoutError', 'BodyTimeoutError', 'ConnectTimeoutError']);

function isTimeout(error: unknown): boolean {
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  return (typeof name === 'string' && UNDICI_TIMEOUTS.has(name)) || (typeof code === 'string' && /^UND_ERR_\w*_TIMEOUT$/.test(code));
}

const pools = new Map<string, Pool>();

/** The keep-alive pool of an origin, shared by every client of the process (the bench's raw calls use it too). */
export function poolFor(origin: string): Pool {
  let pool = pools.get(origin);
  if (!pool) {
    pool = new Pool(origin, { connections: 8, keepAliveTimeout: 10_000, pipelining: 1 });
    pools.set(origin, pool);
  }
  return pool;
}

export async function closePools(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((pool) => pool.close()));
}

export class ApiClient {
  private readonly base: URL;

  constructor(private readonly options: ApiClientOptions) {
    this.base = new URL(options.baseUrl);
  }

  get redactor(): Redactor {
    return this.options.redactor;
  }

  get echoesRequestId(): boolean {
    return this.options.echoesRequestId ?? false;
  }

  async send(request: ApiRequest): Promise<ApiExchange> {
    const url = new URL(this.base.pathname.replace(/\/$/, '') + request.path, this.base.origin);
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    const requestId = request.headers?.['X-Request-Id'] ?? randomUUID();
    const headers: Record<string, string> = { accept: 'application/json', 'x-request-id': requestId, ...lowerKeys(request.headers) };
    // Tells the sandbox (and the recorder) that this call is the suite's, not the EC's software's (issue 15).
    headers[SUITE_CLIENT_HEADER] = 'pagopa-async-conformance';
    const key = request.key === undefined ? this.options.key : request.key;
    if (key) headers['ocp-apim-subscription-key'] = key;
    let payload: string | FormData | undefined;
    if (request.multipart) {
      payload = new FormData();
      payload.append(request.multipart.field, request.multipart.data, request.multipart.fileName);
    } else if (request.rawBody) {
      payload = request.rawBody.text;
      headers['content-type'] = request.rawBody.contentType;
    } else if (request.body !== undefined) {
      payload = JSON.stringify(request.body);
      headers['content-type'] = 'application/json';
    }

    const deadline = Date.now() + (this.options.maxThrottleMs ?? 60_000);
    let throttled = 0;
    for (;;) {
      await this.options.limiter?.acquire();
      const started = performance.now();
      let status: number;
      let responseHeaders: Record<string, string>;
      let text: string;
      try {
        const res = await poolFor(url.origin).request({
          method: request.method,
          path: url.pathname + url.search,
          headers,
          body: payload,
          headersTimeout: this.options.timeoutMs,
          bodyTimeout: this.options.timeoutMs,
        });
        status = res.statusCode;
        responseHeaders = flattenHeaders(res.headers);
        text = await res.body.text();
      } catch (error) {
        const where = `${request.method} ${this.options.redactor.url(url.pathname)}`;
        const reason = this.options.redactor.text((error as Error).message);
        if (isTimeout(error)) {
          throw new EnvironmentError(
            'timeout',
            `${where}: no answer from ${url.origin} within ${this.options.timeoutMs} ms (${reason}). Is the target slow or unreachable? The limit is the REQUEST_TIMEOUT_MS setting.`,
            undefined,
            error,
          );
        }
        throw new EnvironmentError('network', `${where}: no response from ${url.origin} (${reason}). Is the target reachable?`, undefined, error);
      }
      const ms = Math.round(performance.now() - started);
      // 429 means "not processed": waiting and retrying is safe for every method, creates included.
      const wait = status === 429 ? retryAfterMs(responseHeaders['retry-after']) : undefined;
      if (wait !== undefined && Date.now() + wait <= deadline) {
        throttled += 1;
        // Every worker holds back, not only this one: the allowance is the key's.
        await this.options.limiter?.backOff(wait);
        await new Promise((resolve) => setTimeout(resolve, wait));
        continue;
      }
      const redactor = this.options.redactor;
      const exchange: ApiExchange = {
        request: {
          method: request.method,
          url: redactor.url(url.toString()),
          headers: redactor.headers(headers),
          body: request.multipart
            ? { multipart: { field: request.multipart.field, fileName: request.multipart.fileName, bytes: request.multipart.data.size } }
            : request.rawBody
              ? redactor.text(request.rawBody.text)
              : redactor.json(request.body),
        },
        response: { status, headers: redactor.headers(responseHeaders), body: redactor.json(parseBody(text, responseHeaders)), text: redactor.text(text) },
        ms,
        requestId: responseHeaders['x-request-id'] ?? requestId,
        throttled,
      };
      const where = `${request.method} ${redactor.url(url.pathname)} (${url.origin})`;
      if (GATEWAY_STATUSES.has(status)) {
        throw new EnvironmentError('gateway', `${where}: the gateway answered ${status}, the platform behind it was not reached. Retry later.`, exchange);
      }
      if (status === 429) {
        throw new EnvironmentError(
          'throttled',
          `${where}: still 429 after ${throttled} retries honouring Retry-After${wait === undefined ? ' (no usable Retry-After)' : ''}. Lower the rate or retry later.`,
          exchange,
        );
      }
      return exchange;
    }
  }
}

function lowerKeys(headers: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

function parseBody(text: string, headers: Record<string, string>): unknown {
  if (text === '') return undefined;
  if (/json/i.test(headers['content-type'] ?? '')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

/** Retry-After as seconds or HTTP date; undefined when absent or unusable. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const ms = /^(\d+)\s*ms$/i.exec(trimmed);
  if (ms) return Number(ms[1]);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
