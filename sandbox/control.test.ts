import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { DAY, HOUR, T0, positionBody, startSandbox, type TestSandbox } from './test-helpers.ts';

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

  it('refuses instants the clock cannot represent with 400 and keeps working', async () => {
    const before = (await sb.control('GET', '/clock')).body;
    const range = 'outside the range the clock can represent (1970-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z)';
    const bad: [unknown, string][] = [
      [{ advanceMs: 8_640_000_000_000_000 }, `advanceMs: 8640000000000000 would move the clock ${range}`],
      [{ advanceMs: -8_640_000_000_000_000 }, `advanceMs: -8640000000000000 would move the clock ${range}`],
      [{ advanceMs: Number.MAX_SAFE_INTEGER }, `advanceMs: 9007199254740991 would move the clock ${range}`],
      [{ advanceMs: -T0 - 1 }, `advanceMs: ${-T0 - 1} would move the clock ${range}`],
      [{ set: '1969-12-31T23:59:59Z' }, `set: "1969-12-31T23:59:59Z" is ${range}`],
      [{ set: '0000-01-01T00:00:00' }, `set: "0000-01-01T00:00:00" is ${range}`],
      [{ set: '9999-12-31T23:59:59-01:00' }, `set: "9999-12-31T23:59:59-01:00" is ${range}`],
    ];
    for (const [body, detail] of bad) {
      const res = await sb.control('POST', '/clock', body);
      assert.equal(res.status, 400, res.raw);
      assert.deepEqual(res.body, badRequest(detail));
      assert.deepEqual((await sb.control('GET', '/clock')).body, before);
    }
    // The edges are fine, and the GPD API still works afterwards.
    assert.deepEqual((await sb.control('POST', '/clock', { set: '9999-12-31T23:59:59.999Z' })).body, { now: '9999-12-31T23:59:59.999Z' });
    assert.deepEqual((await sb.control('POST', '/clock', { advanceMs: 1 })).body, badRequest(`advanceMs: 1 would move the clock ${range}`));
    assert.deepEqual((await sb.control('POST', '/clock', { set: '1970-01-01T00:00:00Z' })).body, { now: '1970-01-01T00:00:00.000Z' });
    assert.deepEqual((await sb.control('POST', '/clock', { set: '2025-03-01T15:30:00Z' })).body, before);
    assert.equal((await sb.ec('POST', '/debtpositions', { body: positionBody() })).status, 201);
  });

  it('refuses impossible calendar dates, with an offset, with Z and zone-less', async () => {
    const before = (await sb.control('GET', '/clock')).body;
    for (const set of [
      '2025-02-30T00:00:00Z',
      '2025-02-29T00:00:00Z',
      '2025-04-31T10:00:00+02:00',
      '2025-02-30T00:00:00',
      '2025-13-01T00:00:00Z',
      '2025-00-10T00:00:00Z',
      '2025-01-00T00:00:00+01:00',
      '2025-01-01T24:00:00Z',
      '2025-01-01T10:60:00Z',
      '2025-01-01T10:00:60Z',
      '2025-01-01T10:00:00+24:00',
      '2025-01-01T10:00:00+01:60',
    ]) {
      const res = await sb.control('POST', '/clock', { set });
      assert.deepEqual(res.body, badRequest(`set: ${JSON.stringify(set)} is not an ISO date-time`), set);
    }
    assert.deepEqual((await sb.control('GET', '/clock')).body, before);
    assert.deepEqual((await sb.control('POST', '/clock', { set: '2024-02-29T23:00:00-01:00' })).body, { now: '2024-03-01T00:00:00.000Z' });
  });

  it('answers deeply nested JSON bodies with 400, not 500', async () => {
    const before = (await sb.control('GET', '/clock')).body;
    const deepArray = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    const deepObject = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
    for (const payload of [
      deepArray(50_000),
      deepObject(50_000),
      `{"set":${deepArray(50_000)}}`,
      `{"advanceMs":${deepObject(50_000)}}`,
      `{"set":${deepArray(900)}}`,
    ]) {
      const res = await sb.call('POST', '/__sandbox/clock', {
        payload,
        headers: { 'ocp-apim-subscription-key': 'test-internal-key', 'content-type': 'application/json' },
      });
      assert.equal(res.status, 400, `${payload.slice(0, 20)}: ${res.raw.slice(0, 200)}`);
      assert.equal(res.body.title, 'BAD REQUEST');
    }
    assert.deepEqual((await sb.control('GET', '/clock')).body, before);
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
