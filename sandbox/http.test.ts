import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { startSandbox, type TestSandbox } from './test-helpers.ts';

describe('error handler', () => {
  let sb: TestSandbox;
  afterEach(() => sb.close());

  it('answers an unexpected error with a generic 500 that does not reveal its message', async () => {
    sb = await startSandbox();
    sb.app.get('/boom/error', async () => {
      throw new Error('secret internal state at /srv/sandbox/x.ts:12');
    });
    sb.app.get('/boom/type-error', async () => (undefined as unknown as { a: { b: string } }).a.b);
    for (const url of ['/boom/error', '/boom/type-error']) {
      const res = await sb.call('GET', url);
      assert.equal(res.status, 500);
      assert.deepEqual(res.body, { title: 'INTERNAL SERVER ERROR', status: 500, detail: 'An unexpected error occurred; the sandbox log has the details.' });
      assert.doesNotMatch(res.raw, /secret|srv|undefined|reading/);
    }
  });
});
