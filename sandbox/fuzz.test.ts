// Seeded, bounded property-based fuzz over every route family of the sandbox: whatever the method, path,
// query, headers and body, (1) the answer is never a 5xx and inject never throws; (2) a mutating request
// refused with a 4xx leaves the observable state (the org's debt positions, the clock, its reporting flows, the carts)
// unchanged.
// Seed: FUZZ_SEED in the environment, else a fixed one; printed on failure.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { Carts } from './checkout/carts.ts';
import { FDR, FDR_KEY, fdrSubscriptions, payNotice } from './fdr/test-support.ts';
import { KEYS, ORG, OTHER_ORG, plansV3Body, positionBody, startSandbox, v3, type TestSandbox } from './test-helpers.ts';

const SEED = process.env.FUZZ_SEED === undefined ? 20251202 : Number(process.env.FUZZ_SEED);
const FLOW_NAME = '2026-01-01BNLIITRR-0000001';
/** A UUID of the shape of a cart id (no such cart). */
const CART_ID = '0b7e3c52-6a43-4f7e-9d7a-3f1c2b8e5a10';
const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 10000);
const TIME_LIMIT_MS = 20_000;

const PREFIXES = [
  '/gpd/debt-positions-service/v1',
  '/gpd/debt-positions-service/v2',
  '/gpd/debt-positions-service/v3',
  '/upload/gpd/debt-positions-service/v1',
  '/upload/gpd/debt-positions-service/v2',
  '/gpd/payments-receipts-service/v1',
  '/bizevents/service/v1',
  '/gpd/api/v1',
  '/__sandbox',
  '/ecommerce/checkout/v1',
  '/ecommerce/checkout/v2',
  '/checkout/feature-flags/v1',
  '/checkout/ec/v1',
  '/checkout/ec/v2',
  FDR,
  '',
];
const REAL_SEGMENTS = [
  'organizations',
  ORG,
  OTHER_ORG,
  'debtpositions',
  'publish',
  'invalidate',
  'transfers',
  'paymentoptions',
  'paids',
  'pay',
  'report',
  'debtposition',
  'brokers',
  'file',
  'files',
  'status',
  'payments',
  'receipts',
  'clock',
  'batches',
  'expire',
  'validate',
  'health',
  'info',
  'transactions',
  'outcomes',
  'auth-requests',
  'payment-methods',
  'sessions',
  'fees',
  'payment-requests',
  'features',
  'values',
  'static',
  'env-config.js',
  'favicon.ico',
  'fe',
  'build',
  'field',
  'text',
  'monetaweb',
  'gdi',
  'authorize',
  'resources',
  'hfsdk.js',
  'recaptcha',
  'api.js',
  `${ORG}-TEST-1`,
  '301000000000000100',
  '0100000000000000100',
  '1',
  '77777777777302016723749670035',
  'boom',
  'error',
  'fdrs',
  'revisions',
  'psps',
  'fdr',
  'republish',
  FLOW_NAME,
  'BNLIITRR',
  'SANDBOXDISABLEDPSP',
  'carts',
  'redirect',
  'c',
  'ec',
  CART_ID,
];
const HOSTILE_SEGMENTS = [
  '..',
  '.',
  '%2e%2e',
  '%2F',
  '%252F',
  '%00',
  '\u0000',
  '\u202e',
  '%E2%80%AE',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '%',
  '%zz',
  '%C0%AF',
  ' ',
  '%20',
  ';',
  '?',
  '#',
  '\\',
  'x'.repeat(5000),
  '9'.repeat(300),
  '💥',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
];

const segment = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...REAL_SEGMENTS) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_SEGMENTS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map(encodeURIComponent) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);
// Real route templates (from the route files); `{}` is a parameter, filled with a real or a hostile value.
const TEMPLATES = [
  '/gpd/debt-positions-service/v1/info',
  '/gpd/debt-positions-service/v1/organizations/{}/debtpositions',
  '/gpd/debt-positions-service/v1/organizations/{}/debtpositions/transfers',
  '/gpd/debt-positions-service/v1/organizations/{}/debtpositions/{}',
  '/gpd/debt-positions-service/v1/organizations/{}/debtpositions/{}/publish',
  '/gpd/debt-positions-service/v1/organizations/{}/debtpositions/{}/invalidate',
  '/gpd/debt-positions-service/v1/organizations/{}/paymentoptions/paids/{}',
  '/gpd/debt-positions-service/v2/info',
  '/gpd/debt-positions-service/v2/organizations/{}/debtpositions',
  '/gpd/debt-positions-service/v2/organizations/{}/paymentoptions/paids/{}',
  '/gpd/debt-positions-service/v3/organizations/{}/debtpositions',
  '/gpd/debt-positions-service/v3/organizations/{}/debtpositions/{}',
  '/gpd/debt-positions-service/v3/organizations/{}/debtpositions/{}/publish',
  '/upload/gpd/debt-positions-service/v1/brokers/{}/organizations/{}/debtpositions/file',
  '/upload/gpd/debt-positions-service/v1/brokers/{}/organizations/{}/debtpositions/file/{}/status',
  '/upload/gpd/debt-positions-service/v1/brokers/{}/organizations/{}/debtpositions/file/{}/report',
  '/upload/gpd/debt-positions-service/v2/brokers/{}/organizations/{}/debtpositions/file',
  '/upload/gpd/debt-positions-service/v2/brokers/{}/organizations/{}/debtpositions/files',
  '/upload/gpd/debt-positions-service/v2/brokers/{}/organizations/{}/debtpositions/file/{}/status',
  '/gpd/payments-receipts-service/v1/info',
  '/gpd/payments-receipts-service/v1/payments/{}/receipts',
  '/gpd/payments-receipts-service/v1/payments/{}/receipts/{}',
  '/bizevents/service/v1/organizations/{}/receipts/{}',
  '/bizevents/service/v1/organizations/{}/receipts/{}/paymentoptions/{}',
  '/gpd/api/v1/organizations/{}/paymentoptions/{}',
  '/gpd/api/v1/organizations/{}/paymentoptions/{}/debtposition',
  '/gpd/api/v1/organizations/{}/paymentoptions/{}/pay',
  '/gpd/api/v1/organizations/{}/paymentoptions/{}/transfers/{}/report',
  '/__sandbox/clock',
  '/__sandbox/health',
  '/__sandbox/batches/expire',
  '/__sandbox/batches/validate',
  '/__sandbox/fdr/publish',
  '/__sandbox/fdr/republish',
  '/__sandbox/rt/stations',
  '/__sandbox/rt/stations/{}',
  '/__sandbox/rt/receipts/{}/{}',
  '/__sandbox/rt/retries',
  `${FDR}/info`,
  `${FDR}/organizations/{}/fdrs`,
  `${FDR}/organizations/{}/fdrs/{}/revisions/{}/psps/{}`,
  `${FDR}/organizations/{}/fdrs/{}/revisions/{}/psps/{}/payments`,
  '/ecommerce/checkout/v1/payment-requests/{}',
  '/ecommerce/checkout/v1/transactions/{}',
  '/ecommerce/checkout/v1/transactions/{}/outcomes',
  '/ecommerce/checkout/v1/transactions/{}/auth-requests',
  '/ecommerce/checkout/v1/payment-methods/{}/sessions',
  '/ecommerce/checkout/v1/payment-methods/{}/sessions/{}',
  '/ecommerce/checkout/v2/payment-methods',
  '/ecommerce/checkout/v2/payment-methods/{}/fees',
  '/ecommerce/checkout/v2/transactions',
  '/ecommerce/checkout/v2/transactions/{}',
  '/checkout/feature-flags/v1/features/values',
  '/{}',
  '/env-config.js',
  '/favicon.ico',
  '/static/{}',
  '/fe/build/field/{}',
  '/fe/build/text/',
  '/monetaweb/gdi/{}',
  '/monetaweb/gdi/{}/authorize',
  '/monetaweb/resources/hfsdk.js',
  '/recaptcha/api.js',
  '/checkout/ec/v1/carts',
  '/checkout/ec/v2/carts',
  '/ecommerce/checkout/v1/carts/{}',
  '/ecommerce/checkout/v1/carts/{}/redirect',
  '/c/{}',
];
const param = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(ORG, `${ORG}-TEST-1`, '301000000000000100', '01000000000000100', '1', '77777777777302016723749670035', FLOW_NAME, 'BNLIITRR'),
  },
  { weight: 3, arbitrary: fc.constantFrom(...REAL_SEGMENTS) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_SEGMENTS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }).map(encodeURIComponent) },
);
const templated = fc.tuple(fc.constantFrom(...TEMPLATES), fc.array(param, { minLength: 4, maxLength: 4 })).map(([template, values]) => {
  let i = 0;
  return template.replace(/\{\}/g, () => values[i++]!);
});
const freeform = fc
  .tuple(fc.constantFrom(...PREFIXES), fc.array(segment, { minLength: 0, maxLength: 8 }), fc.boolean())
  .map(([prefix, segs, slash]) => `${prefix}/${segs.join('/')}${slash ? '/' : ''}`);
const path = fc.oneof({ weight: 4, arbitrary: templated }, { weight: 1, arbitrary: freeform });

const QUERY_NAMES = [
  'toPublish',
  'limit',
  'page',
  'status',
  'orderby',
  'ordering',
  'due_date_from',
  'due_date_to',
  'payment_date_from',
  'payment_date_to',
  'serviceType',
  'sessionId',
  'rptId',
  '__proto__',
  'constructor',
  'recaptchaResponse',
  'lang',
  'size',
  'pspId',
  'publishedGt',
  'flowDate',
];
const queryValue = fc.oneof(
  fc.constantFrom(
    'true',
    'false',
    '0',
    '1',
    '50',
    '-1',
    '99999999999',
    'DRAFT',
    'VALID',
    'ASC',
    'DESC',
    '2025-03-01',
    '2025-02-30',
    '2025-03-01T00:00:00Z',
    '+1000000000-01-01T00:00:00Z',
    '9223372036854775808',
    'BNLIITRR',
    '',
    '%00',
    'x'.repeat(3000),
  ),
  fc.string({ maxLength: 15 }),
);
const query = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...QUERY_NAMES), fc.string({ maxLength: 8 })), queryValue), { maxLength: 6 })
  .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'));

const ALL_KEYS = [...Object.values(KEYS), FDR_KEY];
const KEY_VALUES = [...ALL_KEYS, 'wrong-key', '', 'x'.repeat(2000)];
const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/xml',
  'multipart/form-data',
  'multipart/form-data; boundary=x',
  'application/x-www-form-urlencoded',
  'application/octet-stream',
  '*/*',
  'application/json; charset=utf-16',
];
const headers = fc
  .tuple(
    fc.boolean(),
    fc.constantFrom(...ALL_KEYS),
    fc.record(
      {
        'ocp-apim-subscription-key': fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ALL_KEYS) }, { weight: 1, arbitrary: fc.constantFrom(...KEY_VALUES) }),
        'content-type': fc.constantFrom(...CONTENT_TYPES),
        authorization: fc.constantFrom('Bearer x', 'Bearer ', 'Basic Og=='),
        accept: fc.constantFrom('application/json', 'text/html', '*/*'),
        'x-forwarded-for': fc.constantFrom('1.2.3.4', '::1', 'x'),
      },
      { requiredKeys: [] },
    ),
  )
  .map(([withKey, key, h]): Record<string, string> => (withKey ? { ...h, 'ocp-apim-subscription-key': key } : h));

type Mutable = Record<string, unknown>;
const deepNest = fc.integer({ min: 1, max: 1500 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth));
const nearValid = fc
  .tuple(
    fc.constantFrom('iupd', 'type', 'fiscalCode', 'fullName', 'companyName', 'switchToExpired', 'validityDate', 'paymentOption', '__proto__', 'constructor'),
    fc.jsonValue({ maxDepth: 2 }),
    fc.boolean(),
  )
  .map(([key, value, drop]) => {
    const body = positionBody() as unknown as Mutable;
    if (drop) delete body[key];
    else body[key] = value;
    return JSON.stringify(body);
  });
const nearValidOption = fc
  .tuple(fc.constantFrom('iuv', 'amount', 'description', 'isPartialPayment', 'dueDate', 'retentionDate', 'transfer', 'nav'), fc.jsonValue({ maxDepth: 2 }))
  .map(([key, value]) => {
    const body = positionBody();
    (body.paymentOption[0] as unknown as Mutable)[key] = value;
    return JSON.stringify(body);
  });
const cartBody = () => ({
  paymentNotices: [{ noticeNumber: '301000000000000100', fiscalCode: ORG, amount: 100, companyName: 'Comune', description: 'Tassa' }],
  returnUrls: {
    returnOkUrl: 'https://ec.test/ok',
    returnCancelUrl: 'https://ec.test/ko',
    returnErrorUrl: 'https://ec.test/err',
    returnWaitingUrl: 'https://ec.test/w',
  },
  emailNotice: 'a@b.it',
});
const nearValidCart = fc
  .tuple(
    fc.constantFrom('paymentNotices', 'returnUrls', 'emailNotice', 'idCart', 'allCCP', 'noticeNumber', 'fiscalCode', 'amount', 'returnOkUrl', '__proto__'),
    fc.jsonValue({ maxDepth: 2 }),
  )
  .map(([key, value]) => {
    const body = cartBody() as unknown as Mutable;
    const notice = (body.paymentNotices as Mutable[])[0]!;
    const urls = body.returnUrls as Mutable;
    if (key in notice) notice[key] = value;
    else if (key in urls) urls[key] = value;
    else body[key] = value;
    return JSON.stringify(body);
  });
// v3 bodies (payment plans): valid, with one field replaced or dropped, with an installment's field replaced.
const nearValidV3 = fc
  .tuple(
    fc.constantFrom(
      'iupd',
      'companyName',
      'payStandIn',
      'paymentOption',
      'debtor',
      'installments',
      'switchToExpired',
      'validityDate',
      'iuv',
      'amount',
      'dueDate',
      'transfer',
    ),
    fc.jsonValue({ maxDepth: 2 }),
    fc.boolean(),
  )
  .map(([key, value, drop]) => {
    const body = plansV3Body().body as unknown as Mutable & { paymentOption: Array<Mutable & { installments: Mutable[] }> };
    const target: Mutable = key in body ? body : key in body.paymentOption[1]! ? body.paymentOption[1]! : body.paymentOption[1]!.installments[0]!;
    if (drop) delete target[key];
    else target[key] = value;
    return JSON.stringify(body);
  });
const payload = fc.oneof(
  fc.constant(undefined),
  nearValidV3,
  fc.constant(JSON.stringify(plansV3Body().body)),
  fc.json({ maxDepth: 4 }),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify({ paymentPositions: [v] })),
  deepNest,
  nearValid,
  nearValidOption,
  fc.constant(JSON.stringify(positionBody())),
  fc.constant(JSON.stringify({ paymentPositions: [positionBody(), positionBody()] })),
  fc.constant(JSON.stringify({ time: '2025-03-01T15:30:00Z' })),
  fc.constant(JSON.stringify({ iuvs: ['01000000000000100'] })),
  fc.jsonValue({ maxDepth: 2 }).map((iuvs) => JSON.stringify({ iuvs })),
  fc.constant(JSON.stringify({ organizationId: ORG, pspId: 'BNLIITRR', fdr: FLOW_NAME })),
  // A receipt endpoint on loopback's discard port: nothing listens, a push is refused at once.
  fc.constant(JSON.stringify({ url: 'http://127.0.0.1:9/', primitiveVersion: 2 })),
  fc.constant(JSON.stringify({ url: 'file:///etc/passwd', primitiveVersion: 1 })),
  fc.string({ maxLength: 50 }),
  fc.constantFrom('{', '{"a":', 'null', '"', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{}}}'),
  nearValidCart,
);
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'] as const;
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const request = fc.record({ method: fc.constantFrom(...METHODS), path, query, headers, payload });
type Req = typeof request extends fc.Arbitrary<infer T> ? T : never;

describe('sandbox fuzz', () => {
  let sb: TestSandbox;
  const carts = new Carts();
  before(async () => {
    const unlimited = { calls: 1_000_000_000, periodMs: 1_000 };
    sb = await startSandbox({ subscriptions: fdrSubscriptions(), rateLimits: { gpd: unlimited, upload: unlimited }, checkout: { carts } });
    // Paid notices, so that the FdR routes have flows to serve (published) and to publish (pending).
    await payNotice(sb);
    await sb.control('POST', '/fdr/publish');
    await payNotice(sb);
  });
  after(async () => sb.close());

  const snapshot = async () => {
    const clock = await sb.call('GET', '/__sandbox/clock', { headers: { 'ocp-apim-subscription-key': KEYS.internal } });
    const pages: unknown[] = [];
    for (let page = 0; page < 100; page++) {
      const list = await sb.ec('GET', '/debtpositions', { query: { limit: '50', page: String(page) } });
      pages.push([list.status, list.body]);
      if (list.status !== 200 || page + 1 >= (list.body?.page_info?.total_pages ?? 0)) break;
    }
    // v1's list leaves out positions with several plans: v3's shows every position.
    for (let page = 0; page < 100; page++) {
      const list = await v3(sb, 'GET', '/debtpositions', { query: { limit: '50', page: String(page) } });
      pages.push([list.status, list.body]);
      if (list.status !== 200 || page + 1 >= (list.body?.page_info?.total_pages ?? 0)) break;
    }
    const flows = await sb.call('GET', `${FDR}/organizations/${ORG}/fdrs`, { headers: { 'ocp-apim-subscription-key': FDR_KEY } });
    const rt = await sb.call('GET', '/__sandbox/rt/stations', { headers: { 'ocp-apim-subscription-key': KEYS.internal } });
    return JSON.stringify({ clock: [clock.status, clock.body], pages, flows: [flows.status, flows.body], carts: carts.size, rt: [rt.status, rt.body] });
  };

  // light-my-request builds the URL with `new URL(url, 'http://localhost')`: a path it cannot parse (e.g. `/\\/`,
  // taken as an empty authority) throws in the client before anything reaches the server; such cases are
  // counted and reported, not sent.
  let unsendable = 0;
  const urlOf = (r: Req) => (r.query === '' ? r.path : `${r.path}?${r.query}`);
  const sendable = (r: Req) => {
    try {
      new URL(urlOf(r), 'http://localhost');
      return true;
    } catch {
      unsendable++;
      return false;
    }
  };
  const send = async (r: Req) => {
    const url = urlOf(r);
    const inject: InjectOptions = { method: r.method, url, headers: r.headers };
    if (r.payload !== undefined && r.method !== 'GET' && r.method !== 'HEAD') inject.payload = r.payload;
    return sb.app.inject(inject);
  };

  const statuses = new Map<number, number>();
  it(`no 5xx and no state change on a refused mutation (seed ${SEED}, FUZZ_SEED overrides)`, async () => {
    const result = await fc.check(
      fc.asyncProperty(request, async (r) => {
        if (!sendable(r)) return;
        const mutating = MUTATING.has(r.method);
        const before = mutating ? await snapshot() : '';
        const res = await send(r);
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        assert.ok(res.statusCode < 500, `status ${res.statusCode}: ${res.body.slice(0, 500)}`);
        if (mutating && res.statusCode >= 400) assert.equal(await snapshot(), before, `refused ${res.statusCode} changed state: ${res.body.slice(0, 300)}`);
      }),
      { seed: SEED, numRuns: NUM_RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: false, endOnFailure: true },
    );
    if (result.failed) assert.fail(`fuzz failed (FUZZ_SEED=${SEED}):\n${fc.defaultReportMessage(result)}`);
    console.log(
      `fuzz: ${result.numRuns} runs (${unsendable} not sendable by inject), seed ${SEED}${result.interrupted ? ' (interrupted by time limit)' : ''}; statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
  });
});
