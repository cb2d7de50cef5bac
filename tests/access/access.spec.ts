import { randomBytes } from 'node:crypto';
import { test, expect } from '../../fixtures/index.ts';
import { evidenceTransport } from '../../fixtures/evidence.ts';
import { GATEWAY } from '../../lib/texts/gateway.ts';
import type { Product } from '../../lib/config.ts';
import { checkKey, keyAdvice } from '../../lib/keys/key-check.ts';

test('[ACC-01] no subscription key → 401', async ({ gpd }) => {
  const res = await gpd.list({ limit: 1 }, { key: null });
  expect(res).toBeGatewayError(401, GATEWAY.missingKey);
});

test('[ACC-02] wrong subscription key → 401', async ({ gpd }) => {
  const res = await gpd.list({ limit: 1 }, { key: randomBytes(16).toString('hex') });
  expect(res).toBeGatewayError(401, GATEWAY.invalidKey);
});

test('[ACC-03] the GPD key works for the EC → 200', async ({ gpd }) => {
  const res = await gpd.list({ limit: 1 });
  expect(res).toHaveStatus(200);
  expect(res.response.headers['x-request-id'], 'the answer carries the X-Request-Id that was sent').toBe(res.request.headers['x-request-id']);
});

test('[ACC-04] EC not bound to the key → 403', async ({ gpd, config }) => {
  const res = await gpd.list({ limit: 1 }, { organization: config.unboundEcFiscalCode });
  expect(res).toBeGatewayError(403, GATEWAY.notAllowed);
});

// The optional product keys: a missing key skips the case (and the product's cases), a refused one fails it with
// the advice (and skips the product's cases with the same advice: one message, not a cascade).
const OPTIONAL_KEYS = [
  ['ACC-05', 'gpd-receipts', 'the receipts key works for the EC → 200'],
  ['ACC-07', 'fdr', 'the FdR key works for the EC → 200'],
  ['ACC-08', 'biz', 'the biz-events key works for the EC → the service answers'],
] as const satisfies readonly (readonly [string, Product, string])[];

for (const [id, product, title] of OPTIONAL_KEYS) {
  test(`[${id}] ${title}`, async ({ apis, config }) => {
    const client = { 'gpd-receipts': apis.receipts, fdr: apis.fdr, biz: apis.biz }[product];
    test.skip(!client, keyAdvice(product, 'missing', config));
    const { verdict } = await checkKey(product, evidenceTransport(client!), config);
    expect(verdict.ok, verdict.ok ? '' : verdict.advice).toBe(true);
  });
}

test('[ACC-06] encoded spellings of an API path do not get past the key check', async ({ gpdApi, config }) => {
  const send = evidenceTransport(gpdApi);
  const list = `/organizations/${config.ecFiscalCode}/debtpositions`;
  // What a gateway that compares raw paths would let through: the path the service routes is the same.
  const spellings = [
    `/%67pd/debt-positions-service/v1${list}`,
    `/gpd/debt-positions-service/%761${list}`,
    `/gpd/debt%2Dpositions-service/v1${list}`,
    `/GPD/debt-positions-service/v1${list}`,
    `/gpd/./debt-positions-service/v1${list}`,
  ];
  for (const path of spellings) {
    const res = await send({ action: `List debt positions without a key via ${path}`, request: { method: 'GET', path, query: { limit: 1 }, key: null } });
    expect.soft([401, 404], `${path}: refused (401) or unknown (404), never served`).toContain(res.response.status);
  }
});
