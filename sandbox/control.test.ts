import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { DAY, HOUR, positionBody, startSandbox, type TestSandbox } from './test-helpers.ts';

let sb: TestSandbox;
beforeEach(async () => {
  sb = await startSandbox();
});
afterEach(() => sb.close());

const badRequest = (detail: string) => ({ title: 'BAD REQUEST', status: 400, detail });

describe('control API', () => {
  it('reads, sets and advances the clock', async () => {
    assert.deepEqual((await sb.control('GET', '/clock')).body, { now: '2025-03-01T15:30:00.000Z' });
    assert.deepEqual((await sb.control('POST', '/clock', { advanceMs: HOUR })).body, { now: '2025-03-01T16:30:00.000Z' });
    assert.deepEqual((await sb.control('POST', '/clock', { set: '2025-06-01T08:00:00Z' })).body, { now: '2025-06-01T08:00:00.000Z' });
    assert.deepEqual((await sb.control('POST', '/clock', { set: '2025-06-01T10:00:00+02:00' })).body, { now: '2025-06-01T08:00:00.000Z' });
    assert.deepEqual((await sb.control('POST', '/clock', { set: '2025-07-01T00:00:00' })).body, { now: '2025-07-01T00:00:00.000Z' });
    // The GPD API sees the moved clock.
    const created = await sb.ec('POST', '/debtpositions', { body: positionBody({ now: sb.now() }), query: { toPublish: 'true' } });
    assert.equal(created.body.validityDate, '2025-07-01T00:00:00');
  });

  it('rejects bad clock commands with 400 and leaves the clock alone', async () => {
    const bad: [unknown, string][] = [
      [{}, 'Give exactly one of "set" (ISO date-time) or "advanceMs" (milliseconds)'],
      [{ set: '2025-01-01T00:00:00Z', advanceMs: 1 }, 'Give exactly one of "set" (ISO date-time) or "advanceMs" (milliseconds)'],
      [{ set: 'yesterday' }, 'set: "yesterday" is not an ISO date-time'],
      [{ set: 42 }, 'set: 42 is not an ISO date-time'],
      [{ advanceMs: '1000' }, 'advanceMs: "1000" is not an integer number of milliseconds'],
      [{ advanceMs: 1.5 }, 'advanceMs: 1.5 is not an integer number of milliseconds'],
    ];
    for (const [body, detail] of bad) {
      const res = await sb.control('POST', '/clock', body);
      assert.equal(res.status, 400);
      assert.deepEqual(res.body, badRequest(detail));
    }
    const notJson = await sb.call('POST', '/__sandbox/clock', {
      payload: '{oops',
      headers: { 'ocp-apim-subscription-key': 'test-internal-key', 'content-type': 'application/json' },
    });
    assert.deepEqual(notJson.body, badRequest('The body must be JSON: {"set": "<ISO date-time>"} or {"advanceMs": <milliseconds>}'));
    assert.deepEqual((await sb.control('GET', '/clock')).body, { now: '2025-03-01T15:30:00.000Z' });
  });

  it('runs the scheduled jobs on demand and reports how many positions moved', async () => {
    await sb.ec('POST', '/debtpositions', { body: positionBody({ validityInMs: HOUR }), query: { toPublish: 'true' } });
    await sb.ec('POST', '/debtpositions', { body: positionBody({ switchToExpired: true, dueInMs: 3 * DAY }), query: { toPublish: 'true' } });
    await sb.control('POST', '/clock', { advanceMs: 2 * HOUR });
    assert.deepEqual((await sb.control('POST', '/batches/validate')).body, { updated: 1 });
    assert.deepEqual((await sb.control('POST', '/batches/validate')).body, { updated: 0 });
    await sb.control('POST', '/clock', { advanceMs: 3 * DAY });
    assert.deepEqual((await sb.control('POST', '/batches/expire')).body, { updated: 1 });
    assert.deepEqual((await sb.ec('GET', '/debtpositions', { query: { status: 'EXPIRED' } })).body.page_info.items_found, 1);
  });
});
