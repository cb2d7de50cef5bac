// Bench figure 2 (issue 16): how much of the platform's GPD allowance (100 calls / 10 s per key) the suite uses
// when it has more to do than the allowance lets through. The api project runs (repeated, so demand exceeds the
// allowance) against a sandbox with the platform's limits, through a counting proxy: GPD calls per full 10 s
// window ÷ 100, across all workers, and the 429s our own traffic caused (target 0).
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSandbox } from '../../sandbox/app.ts';
import { runSuite } from '../../lib/test-support/suite-run.ts';
import { atLeast, atMost, type BenchContext, type Figure } from './figures.ts';

const ORG = '77777777777';
const KEYS = { gpd: 'bench-allowance-gpd-0123456789abc', internal: 'bench-allowance-internal-0123456' };
const LIMIT = { calls: 100, periodMs: 10_000 };

export interface AllowanceFigures {
  /** Mean of GPD calls per full window ÷ the allowance, over the windows of the run. */
  usedRatio: number;
  /** The busiest and the idlest full window, as ratios. */
  maxRatio: number;
  minRatio: number;
  windows: number;
  gpdCalls: number;
  throttled: number;
  wallMs: number;
}

export async function benchAllowance(repeat: number, grep?: string): Promise<AllowanceFigures> {
  const sandbox = await buildSandbox({
    subscriptions: [
      { key: KEYS.gpd, product: 'gpd', organizations: [ORG] },
      { key: KEYS.internal, product: 'internal', organizations: ['*'] },
    ],
    rateLimits: { gpd: LIMIT },
  });
  await sandbox.listen({ host: '127.0.0.1', port: 0 });
  const calls: { at: number; status: number }[] = [];
  const proxy = countingProxy(`http://127.0.0.1:${(sandbox.server.address() as AddressInfo).port}`, calls);
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  try {
    const started = performance.now();
    const run = await runSuite(
      ['--project=api', '--no-deps', `--repeat-each=${repeat}`, ...(grep ? ['--grep', grep] : [])],
      `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
      {
        GPD_SUBSCRIPTION_KEY: KEYS.gpd,
        SANDBOX_INTERNAL_KEY: KEYS.internal,
        GPD_RECEIPTS_SUBSCRIPTION_KEY: '',
        BIZ_SUBSCRIPTION_KEY: '',
        FDR_SUBSCRIPTION_KEY: '',
      },
      30 * 60_000,
    );
    const wallMs = performance.now() - started;
    if (run.exit !== 0) throw new Error(`the api project did not pass under the bench (exit ${run.exit})`);
    const first = calls[0]?.at ?? 0;
    const last = calls.at(-1)?.at ?? 0;
    const windows = Math.floor((last - first) / LIMIT.periodMs);
    const perWindow = Array.from({ length: windows }, (_, k) => {
      const from = first + k * LIMIT.periodMs;
      return calls.filter((c) => c.at >= from && c.at < from + LIMIT.periodMs).length / LIMIT.calls;
    });
    const mean = perWindow.reduce((a, b) => a + b, 0) / Math.max(1, windows);
    return {
      usedRatio: mean,
      maxRatio: Math.max(...perWindow, 0),
      minRatio: windows === 0 ? 0 : Math.min(...perWindow),
      windows,
      gpdCalls: calls.length,
      throttled: calls.filter((c) => c.status === 429).length,
      wallMs,
    };
  } finally {
    await new Promise((resolve) => proxy.close(resolve));
    await sandbox.close();
  }
}

/** Forwards everything; records the time and status of each GPD debt-position call (v1, v2). */
function countingProxy(target: string, calls: { at: number; status: number }[]): Server {
  return createServer((req, res) => {
    const gpd = (req.url ?? '').startsWith('/gpd/debt-positions-service/');
    const at = performance.now();
    const upstream = httpRequest(`${target}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
      if (gpd) calls.push({ at, status: answer.statusCode! });
      res.writeHead(answer.statusCode!, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
}

/** Section `allowance` (figure 2): the api project ×4 (at the small size, its create cases once: demand stays below the allowance). */
export async function allowanceSection(context: BenchContext): Promise<Figure[]> {
  const f = context.size === 'small' ? await benchAllowance(1, 'GPD-CRE') : await benchAllowance(4);
  const extra = `${f.gpdCalls} GPD calls in ${(f.wallMs / 1000).toFixed(1)} s, ${f.windows} full windows (min ${f.minRatio.toFixed(2)}, max ${f.maxRatio.toFixed(2)})`;
  return [atLeast('2 GPD allowance used (calls per 10 s ÷ 100)', f.usedRatio, 0.9, '', extra), atMost('2 429 from our own traffic', f.throttled, 0, 'answers')];
}
