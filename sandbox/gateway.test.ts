import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { KEYS, ORG, OTHER_ORG, V1, startSandbox, type TestSandbox } from './test-helpers.ts';

const MISSING = {
  statusCode: 401,
  message: 'Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.',
};
const INVALID = { statusCode: 401, message: 'Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.' };
const FORBIDDEN = { statusCode: 403, message: 'You are not allowed to access this resource.' };
const LIST = `${V1}/organizations/${ORG}/debtpositions`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const key = (k: string) => ({ headers: { 'ocp-apim-subscription-key': k } });

describe('gateway', () => {
  let sb: TestSandbox;
  afterEach(() => sb.close());

  it('answers 401 with the missing-key message when no key is sent', async () => {
    sb = await startSandbox();
    const res = await sb.call('GET', LIST);
    assert.equal(res.status, 401);
    assert.deepEqual(res.body, MISSING);
  });

  it('answers 401 with the invalid-key message for an unknown key', async () => {
    sb = await startSandbox();
    const res = await sb.call('GET', LIST, key('not-a-key'));
    assert.equal(res.status, 401);
    assert.deepEqual(res.body, INVALID);
  });

  it('answers 401 for the key of another product (receipts, internal)', async () => {
    sb = await startSandbox();
    for (const other of [KEYS.receipts, KEYS.internal]) {
      const res = await sb.call('GET', LIST, key(other));
      assert.equal(res.status, 401);
      assert.deepEqual(res.body, INVALID);
    }
    assert.deepEqual((await sb.call('GET', `/gpd/api/v1/organizations/${ORG}/debtpositions`, key(KEYS.gpd))).body, INVALID);
  });

  it('answers 403 when the EC in the path is not bound to the key', async () => {
    sb = await startSandbox();
    const res = await sb.call('GET', `${V1}/organizations/${OTHER_ORG}/debtpositions`, key(KEYS.gpd));
    assert.equal(res.status, 403);
    assert.deepEqual(res.body, FORBIDDEN);
  });

  it('lets the internal key reach any EC on the internal API', async () => {
    sb = await startSandbox();
    const res = await sb.call('GET', `/gpd/api/v1/organizations/${OTHER_ORG}/debtpositions`, key(KEYS.internal));
    assert.equal(res.status, 200);
  });

  it('accepts the key as query parameter subscription-key', async () => {
    sb = await startSandbox();
    const res = await sb.call('GET', `${LIST}?subscription-key=${KEYS.gpd}`);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.page_info, { page: 0, limit: 10, items_found: 0, total_pages: 0 });
  });

  it('echoes X-Request-Id, or generates one, on success and on errors', async () => {
    sb = await startSandbox();
    assert.equal(
      (await sb.call('GET', LIST, { headers: { 'ocp-apim-subscription-key': KEYS.gpd, 'x-request-id': 'abc-123' } })).headers['x-request-id'],
      'abc-123',
    );
    assert.equal((await sb.call('GET', LIST, { headers: { 'x-request-id': 'err-1' } })).headers['x-request-id'], 'err-1');
    for (const res of [
      await sb.call('GET', LIST, key(KEYS.gpd)),
      await sb.call('GET', LIST),
      await sb.call('GET', '/nowhere'),
      await sb.ec('GET', '/debtpositions/missing'),
    ]) {
      assert.match(String(res.headers['x-request-id']), UUID);
    }
  });

  it('answers unknown routes with the APIM 404 body', async () => {
    sb = await startSandbox();
    for (const url of ['/nowhere', `${V1}/unknown`, `${V1}/organizations/${ORG}/debtpositions/a/b/c`]) {
      const res = await sb.call('GET', url, key(KEYS.gpd));
      assert.equal(res.status, 404);
      assert.deepEqual(res.body, { statusCode: 404, message: 'Resource not found' });
    }
  });

  it('rate-limits GPD calls per key with 429 and Retry-After', async () => {
    sb = await startSandbox({ rateLimits: { gpd: { calls: 3, periodMs: 10_000 } } });
    const remaining = [];
    for (let i = 0; i < 3; i++) {
      const res = await sb.call('GET', LIST, key(KEYS.gpd));
      assert.equal(res.status, 200);
      remaining.push(res.headers['x-remaining-calls-per-min']);
    }
    assert.deepEqual(remaining, ['2', '1', '0']);
    const limited = await sb.call('GET', LIST, key(KEYS.gpd));
    assert.equal(limited.status, 429);
    assert.equal(limited.headers['retry-after'], '10');
    assert.deepEqual(limited.body, { statusCode: 429, message: 'Rate limit is exceeded. Try again in 10 seconds.' });
    assert.match(String(limited.headers['x-request-id']), UUID);
    // The internal API has no rate limit.
    assert.equal((await sb.internal('GET', '/debtpositions')).status, 200);
  });

  it('serves health without a key and protects the control API with the internal key', async () => {
    sb = await startSandbox();
    assert.deepEqual((await sb.call('GET', '/__sandbox/health')).body, { status: 'UP' });
    assert.deepEqual((await sb.call('GET', '/__sandbox/clock')).body, MISSING);
    assert.deepEqual((await sb.call('GET', '/__sandbox/clock', key(KEYS.gpd))).body, INVALID);
    assert.equal((await sb.control('GET', '/clock')).status, 200);
  });
});
