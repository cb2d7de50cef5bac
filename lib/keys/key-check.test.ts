import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkKey, PRODUCTS } from './key-check.ts';
import type { ApiExchange } from '../http/api-client.ts';
import type { Operation } from '../http/gpd-client.ts';
import type { Product } from '../config.ts';

const config = {
  ecFiscalCode: '12345678901',
  apiBaseUrl: 'https://api.uat.platform.pagopa.it',
  keys: { gpd: 'k'.repeat(32), fdr: 'f'.repeat(32), biz: 'b'.repeat(32), 'gpd-receipts': 'r'.repeat(32) },
};

/** A transport that answers `status` and records the operations it was given. */
function answering(status: number, body: unknown = {}) {
  const sent: Operation[] = [];
  const transport = async (operation: Operation) => {
    sent.push(operation);
    return { request: operation.request, response: { status, body, text: JSON.stringify(body), headers: {} }, ms: 1 } as unknown as ApiExchange;
  };
  return { sent, transport };
}

test('each product is probed with one read of its own API for the EC, and its success statuses pass', async () => {
  const expected: Record<Product, [string, number]> = {
    gpd: ['/gpd/debt-positions-service/v1/organizations/12345678901/debtpositions', 200],
    'gpd-receipts': ['/gpd/payments-receipts-service/v1/payments/12345678901/receipts', 200],
    fdr: ['/fdr-org/service/v1/organizations/12345678901/fdrs', 200],
    // biz-events: a receipt that does not exist; the service's 404 proves the key and the binding.
    biz: ['/bizevents/service/v1/organizations/12345678901/receipts/conformance-key-check', 404],
  };
  for (const [product, [path, status]] of Object.entries(expected) as [Product, [string, number]][]) {
    const { sent, transport } = answering(status);
    const { verdict } = await checkKey(product, transport, config);
    assert.deepEqual(verdict, { product, ok: true, status }, product);
    assert.equal(sent.length, 1);
    assert.equal(sent[0]!.request.method, 'GET');
    assert.equal(sent[0]!.request.path, path);
  }
});

test('401: the advice names the variable, the Back Office product and the environment', async () => {
  const { verdict } = await checkKey('fdr', answering(401, { statusCode: 401, message: 'Access denied due to invalid subscription key.' }).transport, config);
  assert.equal(verdict.ok, false);
  assert.ok(!verdict.ok && verdict.problem === 'refused');
  assert.match(verdict.advice, /FDR_SUBSCRIPTION_KEY rifiutata \(401\)/);
  assert.match(verdict.advice, new RegExp(`"${PRODUCTS.fdr.backOffice.replace(/[()]/g, '\\$&')}"`));
  assert.match(verdict.advice, /UAT/);
});

test('403: the advice names the EC and the delegation', async () => {
  const { verdict } = await checkKey('gpd-receipts', answering(403).transport, config);
  assert.ok(!verdict.ok && verdict.problem === 'not-bound');
  assert.match(verdict.advice, /EC 12345678901 non associato a GPD_RECEIPTS_SUBSCRIPTION_KEY \(403\)/);
  assert.match(verdict.advice, /delega/);
});

test('a missing key is a verdict without a call; another status is "unexpected" with the answer', async () => {
  const { sent, transport } = answering(200);
  const { verdict } = await checkKey('biz', transport, { ...config, keys: { gpd: config.keys.gpd } });
  assert.ok(!verdict.ok && verdict.problem === 'missing');
  assert.match(verdict.advice, /BIZ_SUBSCRIPTION_KEY non configurata/);
  assert.equal(sent.length, 0);
  const odd = await checkKey('gpd', answering(400, { title: 'Bad Request' }).transport, config);
  assert.ok(!odd.verdict.ok && odd.verdict.problem === 'unexpected');
  assert.match(odd.verdict.advice, /HTTP 400 \{"title":"Bad Request"\}/);
});
