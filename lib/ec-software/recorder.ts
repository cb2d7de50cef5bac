// The recording proxy for UAT (`npm run recorder`, issue 15): listens on a local port (127.0.0.1 unless told
// otherwise), forwards every call of the EC's software to the target unchanged — its own key passes through,
// never written anywhere — and streams both bodies (a big upload is never held in memory). Calls to the EC APIs
// are taken in by the same engine as the sandbox's (monitor.ts: keys masked at once, checks, cases), and the
// same checklist and recording are served at /__sandbox/checklist and /__sandbox/recording (paths UAT does not
// have, so nothing of the EC's is shadowed). A production target is refused (lib/production-guard.ts).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { Pool } from 'undici';
import { guardUrl } from '../production-guard.ts';
import { isEcApiPath, SUITE_CLIENT_HEADER } from './calls.ts';
import { checklistAnswer } from './checklist-http.ts';
import { EcSoftwareMonitor } from './monitor.ts';

export interface RecorderOptions {
  /** Where the calls go: UAT's API origin (or a sandbox); production hosts are refused. */
  target: string;
  host?: string;
  port?: number;
  ecFiscalCode?: string;
  segregationCodes?: string[];
  /** JSON bodies up to this size are copied for the checks while they flow on; larger ones, and every other
   * body (upload ZIPs), are only counted. Default 1 MiB. */
  maxRecordedBodyBytes?: number;
  /** Upstream answer time limit, ms (default 60 000). */
  timeoutMs?: number;
}

export interface Recorder {
  url: string;
  target: string;
  monitor: EcSoftwareMonitor;
  close(): Promise<void>;
}

export class RecorderTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecorderTargetError';
  }
}

/** Headers that belong to one connection, not to the call (RFC 9110 §7.6.1), plus the host (set for the target). */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'host', 'proxy-authorization']);

/** Collects the first `max` bytes of a body flowing through, and counts all of them. */
class BodyTap {
  private chunks: Buffer[] = [];
  private kept = 0;
  private overflow = false;
  bytes = 0;
  constructor(private readonly max: number) {}
  take(chunk: Buffer): void {
    this.bytes += chunk.length;
    if (this.overflow) return;
    if (this.kept + chunk.length <= this.max) {
      this.chunks.push(chunk);
      this.kept += chunk.length;
    } else {
      this.overflow = true;
      this.chunks = [];
    }
  }
  /** The text when the whole body was kept, else only its size. */
  value(): string | { bytes: number } | undefined {
    if (this.bytes === 0) return undefined;
    return this.overflow ? { bytes: this.bytes } : Buffer.concat(this.chunks).toString('utf8');
  }
}

const isJson = (contentType: string | string[] | undefined): boolean => /^application\/(?:[\w.+-]+\+)?json\b/i.test(String(contentType ?? ''));

function forwardedHeaders(headers: IncomingMessage['headers']): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
  return out;
}

export async function startRecorder(options: RecorderOptions): Promise<Recorder> {
  const verdict = guardUrl('RECORDER_TARGET', options.target, 'https://api.uat.platform.pagopa.it');
  if (!verdict.ok) throw new RecorderTargetError(verdict.problem);
  const target = new URL(verdict.url);
  const pool = new Pool(target.origin, { connections: 16, keepAliveTimeout: 10_000 });
  const max = options.maxRecordedBodyBytes ?? 1_048_576;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const monitor = new EcSoftwareMonitor({
    source: {
      kind: 'recorder',
      target: target.origin,
      ...(options.ecFiscalCode ? { ecFiscalCode: options.ecFiscalCode } : {}),
      ...(options.segregationCodes ? { segregationCodes: options.segregationCodes } : {}),
    },
  });
  const basePath = target.pathname.replace(/\/+$/, '');

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = req.url ?? '/';
    // Origin-form only: an absolute-form target (`GET http://host/…`) is not a call for the target.
    if (!url.startsWith('/')) {
      res
        .writeHead(400, { 'content-type': 'application/json' })
        .end(JSON.stringify({ status: 400, title: 'Bad Request', detail: 'origin-form request target expected' }));
      return;
    }
    const local = checklistAnswer(monitor, req.method ?? 'GET', url, req.headers.accept);
    if (local) {
      res.writeHead(local.status, { 'content-type': local.contentType, 'cache-control': 'no-store' }).end(local.body);
      return;
    }
    const path = url.split('?', 1)[0]!;
    const recorded = req.headers[SUITE_CLIENT_HEADER] === undefined && isEcApiPath(path);
    const at = new Date();
    const started = performance.now();
    const requestTap = recorded ? new BodyTap(isJson(req.headers['content-type']) ? max : 0) : undefined;
    let responseTap: BodyTap | undefined;
    let aborted = false;
    req.once('aborted', () => (aborted = true));
    res.once('close', () => {
      if (!res.writableFinished) aborted = true;
    });
    const hasBody = req.headers['content-length'] !== undefined ? req.headers['content-length'] !== '0' : req.headers['transfer-encoding'] !== undefined;
    async function* requestBody() {
      for await (const chunk of req) {
        requestTap?.take(chunk as Buffer);
        yield chunk as Buffer;
      }
    }
    let status = 502;
    let responseHeaders: Record<string, string | string[] | undefined> = {};
    try {
      const upstream = await pool.request({
        method: (req.method ?? 'GET') as 'GET',
        path: basePath + url,
        headers: { ...forwardedHeaders(req.headers), host: target.host },
        body: hasBody ? Readable.from(requestBody(), { objectMode: false }) : null,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      status = upstream.statusCode;
      responseHeaders = upstream.headers;
      const headers: Record<string, string | string[]> = {};
      for (const [name, value] of Object.entries(upstream.headers))
        if (value !== undefined && value !== null && !HOP_BY_HOP.has(name)) headers[name] = value as string | string[];
      if (recorded) responseTap = new BodyTap(isJson(upstream.headers['content-type']) ? max : 0);
      res.writeHead(status, headers);
      for await (const chunk of upstream.body) {
        responseTap?.take(chunk as Buffer);
        // A client that went away (its own timeout) no longer gets the answer; the call is still recorded whole.
        if (res.destroyed) continue;
        if (!res.write(chunk))
          await new Promise((resolve) => {
            res.once('drain', resolve);
            res.once('close', resolve);
          });
      }
      if (!res.destroyed) res.end();
    } catch (error) {
      if (!res.headersSent) {
        const body = JSON.stringify({ status: 502, title: 'Bad Gateway', detail: `recorder: no answer from ${target.origin} (${(error as Error).name})` });
        res.writeHead(502, { 'content-type': 'application/json' }).end(body);
      } else res.destroy();
    }
    if (!recorded) return;
    const requestBodyValue = requestTap!.value();
    const responseBodyValue = responseTap?.value();
    monitor.record({
      at,
      ms: performance.now() - started,
      method: req.method ?? 'GET',
      url,
      requestHeaders: req.headers,
      ...(requestBodyValue !== undefined ? { requestBody: requestBodyValue } : {}),
      status,
      responseHeaders,
      ...(typeof responseBodyValue === 'string' ? { responseBody: responseBodyValue } : {}),
      ...(aborted ? { clientAborted: true } : {}),
    });
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    target: target.origin,
    monitor,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.close();
    },
  };
}
