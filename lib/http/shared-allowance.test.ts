// The run's shared allowance: one busy worker gets all of it, busy workers share it, and a 429 from the
// platform holds every worker back for its Retry-After.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiClient } from './api-client.ts';
import { RateLimiter } from './rate-limiter.ts';
import { allowanceFor, RemoteAllowance, startAllowanceCoordinator, type AllowanceCoordinator } from './shared-allowance.ts';
import { Redactor } from '../redact.ts';

const PERIOD = 1_000;
const coordinators: AllowanceCoordinator[] = [];
after(() => Promise.all(coordinators.map((c) => c.close())));

async function coordinator(calls: number): Promise<AllowanceCoordinator> {
  const c = await startAllowanceCoordinator({ gpd: { calls, periodMs: PERIOD }, upload: { calls: 1, periodMs: PERIOD } });
  coordinators.push(c);
  return c;
}

/** Acquires `count` permits one after the other; resolves with the times (ms since `start`) they were granted. */
async function drain(allowance: RemoteAllowance, count: number, start: number, until: number): Promise<number[]> {
  const granted: number[] = [];
  for (let i = 0; i < count && performance.now() < until; i++) {
    await allowance.acquire();
    granted.push(performance.now() - start);
  }
  return granted;
}

test('one busy worker while the other is idle: the busy one gets the whole allowance', async () => {
  const { url } = await coordinator(10);
  const busy = new RemoteAllowance(url, 'gpd');
  new RemoteAllowance(url, 'gpd'); // the idle worker: it asks for nothing
  const start = performance.now();
  const granted = await drain(busy, 10, start, start + 5 * PERIOD);
  assert.equal(granted.length, 10);
  assert.ok(
    granted.every((t) => t < PERIOD / 2),
    `all 10 permits at once, not a half share: ${granted.map(Math.round).join(', ')}`,
  );
});

test('two busy workers share the allowance: together never more than it per window, each a fair part', async () => {
  const { url } = await coordinator(10);
  const [a, b] = [new RemoteAllowance(url, 'gpd'), new RemoteAllowance(url, 'gpd')];
  const start = performance.now();
  const window = (times: number[]) => times.filter((t) => t < PERIOD * 0.9).length;
  const [ga, gb] = await Promise.all([drain(a, 15, start, start + 3 * PERIOD), drain(b, 15, start, start + 3 * PERIOD)]);
  assert.equal(window(ga) + window(gb), 10, `first window: ${window(ga)} + ${window(gb)}`);
  assert.ok(window(ga) >= 4 && window(gb) >= 4, `a fair part each: ${window(ga)} / ${window(gb)}`);
  assert.equal(ga.length + gb.length, 30, 'the rest in the next windows');
});

test('a 429 with Retry-After from the platform holds back every worker, not only the one that met it', async () => {
  const { url } = await coordinator(100);
  const arrivals: { at: number; path: string }[] = [];
  let answered429 = false;
  const platform = createServer((req, res) => {
    arrivals.push({ at: performance.now(), path: req.url ?? '' });
    if (!answered429) {
      answered429 = true;
      res
        .writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' })
        .end('{"statusCode":429,"message":"Rate limit is exceeded. Try again in 1 seconds."}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((resolve) => platform.listen(0, '127.0.0.1', resolve));
  try {
    const baseUrl = `http://127.0.0.1:${(platform.address() as AddressInfo).port}`;
    // The first worker's handle says when it has told the coordinator; calls already on their way cannot be held.
    let toldCoordinator = false;
    const firstAllowance = new (class extends RemoteAllowance {
      override async backOff(ms: number): Promise<void> {
        await super.backOff(ms);
        toldCoordinator = true;
      }
    })(url, 'gpd');
    const worker = (limiter: RemoteAllowance) => new ApiClient({ baseUrl, timeoutMs: 5_000, redactor: new Redactor([]), limiter });
    const [first, second] = [worker(firstAllowance), worker(new RemoteAllowance(url, 'gpd'))];
    const throttledCall = first.send({ method: 'GET', path: '/a' });
    await waitFor(() => toldCoordinator);
    const otherCall = second.send({ method: 'GET', path: '/b' });
    const [a, b] = await Promise.all([throttledCall, otherCall]);
    assert.equal(a.throttled, 1);
    assert.deepEqual([a.response.status, b.response.status], [200, 200]);
    const throttledAt = arrivals[0]!.at;
    const other = arrivals.find((x) => x.path === '/b')!;
    assert.ok(other.at - throttledAt >= 900, `the other worker waited out the Retry-After too (${Math.round(other.at - throttledAt)} ms)`);
  } finally {
    await new Promise((resolve) => platform.close(resolve));
  }
});

test('the coordinator refuses what it does not know, and a process without it keeps a limiter of its own', async () => {
  const { url } = await coordinator(10);
  for (const [path, status] of [
    ['/acquire/nope', 404],
    ['/back-off/gpd?ms=-1', 400],
    ['/back-off/gpd?ms=x', 400],
    ['/steal/gpd', 404],
  ] as const) {
    assert.equal((await fetch(`${url}${path}`, { method: 'POST' })).status, status, path);
  }
  assert.equal((await fetch(`${url}/acquire/gpd`)).status, 404, 'GET is not a way in');
  assert.ok(allowanceFor('gpd', { calls: 100, periodMs: PERIOD }, 4, { ALLOWANCE_URL: url }) instanceof RemoteAllowance);
  const local = allowanceFor('gpd', { calls: 100, periodMs: PERIOD }, 4, {});
  assert.ok(local instanceof RateLimiter && local.calls === 25, 'without a coordinator: a quarter each for 4 processes');
});

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setImmediate(resolve));
  }
}
