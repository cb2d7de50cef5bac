// One allowance for all the workers of a run: the platform limits calls per key (GPD: 100 / 10 s; upload: 10 / s),
// not per worker, so a fixed share per worker wastes the allowance whenever some workers are idle. The runner
// starts a tiny coordinator on loopback (global setup) that hands out call permits from one sliding window per
// bucket, first come first served, and pauses a bucket for every worker when the platform answers 429 with
// Retry-After. Workers reach it through ALLOWANCE_URL; a process without it (a command-line sweep) keeps a local
// limiter of its own.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';
import { RateLimiter, workerShare, type Limiter } from './rate-limiter.ts';

export const ALLOWANCE_URL_VARIABLE = 'ALLOWANCE_URL';

export type Bucket = 'gpd' | 'upload';
export type Limits = Record<Bucket, { calls: number; periodMs: number }>;

export interface AllowanceCoordinator {
  url: string;
  /** How long nobody has used it (no hold open, no permit asked or pending), in ms; 0 while in use. */
  idleMs(): number;
  close(): Promise<void>;
}

/**
 * Starts the coordinator on 127.0.0.1 (any free port). It does not keep the process alive. Besides the permits:
 * `GET /health` answers its limits (a runner checks it joins the allowance it means), and `POST /hold` is a
 * runner's lease, open as long as the runner lives (lib/run/machine-allowance.ts).
 */
export async function startAllowanceCoordinator(limits: Limits): Promise<AllowanceCoordinator> {
  const limiters = new Map<string, RateLimiter>(Object.entries(limits).map(([bucket, limit]) => [bucket, new RateLimiter(limit.calls, limit.periodMs)]));
  let holds = 0;
  let pending = 0;
  let lastUse = performance.now();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://coordinator');
    const [, action, bucket] = url.pathname.split('/');
    req.resume();
    if (req.method === 'GET' && url.pathname === '/health') {
      // Looking is not using: a health check does not keep an unheld coordinator alive.
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ limits }));
      return;
    }
    lastUse = performance.now();
    if (req.method === 'POST' && url.pathname === '/hold') {
      holds += 1;
      res.once('close', () => {
        holds -= 1;
        lastUse = performance.now();
      });
      res.writeHead(200, { 'content-type': 'text/plain' }).flushHeaders();
      return;
    }
    const limiter = bucket === undefined ? undefined : limiters.get(bucket);
    if (req.method !== 'POST' || !limiter || (action !== 'acquire' && action !== 'back-off')) {
      res.writeHead(404).end();
      return;
    }
    if (action === 'back-off') {
      const ms = Number(url.searchParams.get('ms'));
      if (!(Number.isFinite(ms) && ms >= 0 && ms <= 3_600_000)) {
        res.writeHead(400).end();
        return;
      }
      limiter.backOff(ms);
      res.writeHead(204).end();
      return;
    }
    pending += 1;
    void limiter.acquire().then(() => {
      pending -= 1;
      lastUse = performance.now();
      res.writeHead(204).end();
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    idleMs: () => (holds > 0 || pending > 0 ? 0 : performance.now() - lastUse),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A worker's handle on one bucket of the run's coordinator. */
export class RemoteAllowance implements Limiter {
  private readonly pool: Pool;

  constructor(
    url: string,
    private readonly bucket: Bucket,
  ) {
    this.pool = pools(url);
  }

  async acquire(): Promise<void> {
    const res = await this.pool.request({ method: 'POST', path: `/acquire/${this.bucket}`, headersTimeout: 0, bodyTimeout: 0 });
    await res.body.dump();
    if (res.statusCode !== 204) throw new Error(`the run's allowance coordinator answered ${res.statusCode} for "${this.bucket}"`);
  }

  async backOff(ms: number): Promise<void> {
    const res = await this.pool.request({ method: 'POST', path: `/back-off/${this.bucket}?ms=${Math.round(ms)}` });
    await res.body.dump();
  }
}

const openPools = new Map<string, Pool>();
function pools(url: string): Pool {
  let pool = openPools.get(url);
  if (!pool) {
    pool = new Pool(url, { connections: 32, pipelining: 1 });
    openPools.set(url, pool);
  }
  return pool;
}

/**
 * The limiter of a bucket for this process: the run's shared allowance when the runner started one, else a local
 * limiter with this process's share (`processes` processes using the key at once).
 */
export function allowanceFor(bucket: Bucket, limit: { calls: number; periodMs: number }, processes = 1, env: NodeJS.ProcessEnv = process.env): Limiter {
  const url = env[ALLOWANCE_URL_VARIABLE];
  return url ? new RemoteAllowance(url, bucket) : workerShare(limit, processes);
}
