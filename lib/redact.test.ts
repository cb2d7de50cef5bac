import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Redactor, REDACTED } from './redact.ts';

const secret = 'f00dfeedcafebabe0123456789abcdef';
const redactor = new Redactor([secret]);

test('known secrets disappear from text, wherever they are', () => {
  assert.equal(redactor.text(`key=${secret}; again ${secret}`), `key=${REDACTED}; again ${REDACTED}`);
});

test('secret-named headers are masked even with unknown values', () => {
  const out = redactor.headers({ 'Ocp-Apim-Subscription-Key': 'whatever', 'x-request-id': 'abc', authorization: 'Bearer x' });
  assert.deepEqual(out, { 'Ocp-Apim-Subscription-Key': REDACTED, 'x-request-id': 'abc', authorization: REDACTED });
});

test('JSON is deep-copied with secret fields masked and secrets replaced', () => {
  const input = { a: [{ cvv: '123', note: `k ${secret}` }], n: 1, nil: null };
  assert.deepEqual(redactor.json(input), { a: [{ cvv: REDACTED, note: `k ${REDACTED}` }], n: 1, nil: null });
  assert.equal(input.a[0]!.cvv, '123', 'the original is untouched');
});

test('the subscription-key query parameter is masked in URLs', () => {
  assert.equal(redactor.url('https://h/p?a=1&subscription-key=zzz&b=2'), `https://h/p?a=1&subscription-key=${REDACTED}&b=2`);
});
