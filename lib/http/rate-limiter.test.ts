import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RateLimiter, workerShare } from './rate-limiter.ts';

test('lets `calls` through per window and delays the next until the oldest leaves it', async () => {
  const limiter = new RateLimiter(3, 200);
  const started = Date.now();
  const times: number[] = [];
  await Promise.all(Array.from({ length: 5 }, () => limiter.acquire().then(() => times.push(Date.now() - started))));
  assert.equal(times.filter((t) => t < 100).length, 3);
  assert.ok(times[3]! >= 190 && times[4]! >= 190, `times: ${times.join(',')}`);
});

test('a worker gets its share of the per-key limit', () => {
  assert.equal(workerShare({ calls: 100, periodMs: 10_000 }, 2).calls, 50);
  assert.equal(workerShare({ calls: 100, periodMs: 10_000 }, 3).calls, 33);
  assert.equal(workerShare({ calls: 1, periodMs: 10_000 }, 4).calls, 1);
});

test('refuses a meaningless limit', () => {
  assert.throws(() => new RateLimiter(0, 1000), RangeError);
});
