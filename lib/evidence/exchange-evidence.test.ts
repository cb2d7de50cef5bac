// Attachments of an API call: small bodies whole, long lists shortened with the whole body's size and hash.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { attachmentBody, exchangeAttachment, EXCHANGE_ATTACHMENT, FULL_BODY_BYTES } from './exchange-evidence.ts';
import type { ApiExchange } from '../http/api-client.ts';
import type { SchemaVerdict } from '../schemas.ts';

test('a small body is attached whole', () => {
  const body = { paymentPositions: [{ iupd: 'A' }, { iupd: 'B' }] };
  assert.deepEqual(attachmentBody(body), { body });
});

test('a long list keeps its first two and last items, the count left out, and the hash of the whole body', () => {
  const positions = Array.from({ length: 500 }, (_, i) => ({ iupd: `CONF-${i}`, companyName: 'x'.repeat(60) }));
  const body = { paymentPositions: positions };
  const whole = JSON.stringify(body);
  assert.ok(whole.length > FULL_BODY_BYTES);
  const { body: short, shortened } = attachmentBody(body) as { body: { paymentPositions: unknown[] }; shortened: { bytes: number; sha256: string } };
  assert.deepEqual(short.paymentPositions, [positions[0], positions[1], '… 497 elementi omessi / 497 items left out …', positions[499]]);
  assert.equal(shortened.bytes, Buffer.byteLength(whole));
  assert.equal(shortened.sha256, createHash('sha256').update(whole).digest('hex'));
  assert.ok(JSON.stringify(short).length < FULL_BODY_BYTES);
});

test('the one attachment of a call holds its request and its response, each with its schema verdict; the raw text not twice', () => {
  const exchange: ApiExchange = {
    request: { method: 'GET', url: 'http://h/x', headers: { accept: 'application/json' }, body: undefined },
    response: { status: 200, headers: { 'x-request-id': 'rid-1' }, body: { ok: true }, text: '{"ok":true}' },
    ms: 5,
    requestId: 'rid-1',
    throttled: 0,
  };
  const verdict: SchemaVerdict = { schema: 'gpd/PaymentPositionModel' as SchemaVerdict['schema'], valid: true, errors: [], warnings: [] };
  assert.equal(EXCHANGE_ATTACHMENT, 'exchange.json');
  const { request, response } = JSON.parse(exchangeAttachment(exchange, undefined, verdict)) as Record<string, Record<string, unknown>>;
  assert.deepEqual(request, { method: 'GET', url: 'http://h/x', headers: { accept: 'application/json' } });
  const parsed = response!;
  assert.equal(parsed.status, 200);
  assert.deepEqual(parsed.body, { ok: true });
  assert.equal(parsed.requestId, 'rid-1');
  assert.deepEqual(parsed.schema, verdict);
  assert.equal(parsed.text, undefined);
});
