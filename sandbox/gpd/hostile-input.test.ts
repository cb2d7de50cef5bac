// Hostile input on the GPD APIs (v1, v2 bulk, internal): a 4xx with the platform's body, never a 500,
// and nothing stored that could not be read and deleted afterwards.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import {
  DAY,
  HOUR,
  INTERNAL,
  KEYS,
  ORG,
  PAYMENT_BODY,
  T0,
  V1,
  multipart,
  positionBody,
  reachState,
  startSandbox,
  zipOf,
  type TestSandbox,
} from '../test-helpers.ts';
import { setImmediate as tick } from 'node:timers/promises';
import { Clock } from '../clock.ts';
import { ProblemError } from '../problem.ts';
import { readPositionBody } from './request.ts';
import { GpdService } from './service.ts';
import { GpdStore } from './store.ts';

const V2 = '/gpd/debt-positions-service/v2';
const ANY_EC_KEY = 'test-gpd-any-key';
const badRequest = (detail: string) => ({ title: 'BAD REQUEST', status: 400, detail });
const PATTERN = 'must match "[\\w*\\h-]+"';
const withKey = (key: string, options: { body?: unknown; query?: Record<string, string> } = {}) => ({
  ...options,
  headers: { 'ocp-apim-subscription-key': key },
});

/** A sandbox where a GPD key may act on any EC (as the internal key can), so only the service decides. */
const start = () =>
  startSandbox({
    subscriptions: [
      { key: ANY_EC_KEY, product: 'gpd', organizations: ['*'] },
      { key: KEYS.internal, product: 'internal', organizations: ['*'] },
      { key: KEYS.gpd, product: 'gpd', organizations: [ORG] },
    ],
  });

/** Fiscal codes (percent-encoded as sent) that GET and DELETE of one position refuse. */
const HOSTILE = [
  '7777777777%00',
  '7777777777%E2%80%AE',
  '%E2%80%AE77777777777',
  '77777777777%0A',
  '77777777777%2F',
  '7777.777777',
  '77777777777%22',
  '%3Cscript%3E',
  '%C3%A8',
];

/** Publishes positions with a future validity date, so that the validation batch counts what any EC holds. */
const publishing = (now: number) => positionBody({ now, validityInMs: HOUR, dueInMs: 30 * DAY });

async function storedAnywhere(sb: TestSandbox): Promise<number> {
  // Every stored position was published with a validity one hour ahead: the batch moves them all.
  sb.clock.advance(2 * HOUR);
  const res = await sb.control('POST', '/batches/validate');
  sb.clock.advance(-2 * HOUR);
  return res.body.updated;
}

describe('hostile organization fiscal codes in the path', () => {
  let sb: TestSandbox;
  afterEach(() => sb.close());

  it('are refused on create (v1, internal, v2 bulk) with the GET/DELETE pattern, and nothing is stored', async () => {
    sb = await start();
    for (const ec of HOSTILE) {
      const v1 = await sb.call(
        'POST',
        `${V1}/organizations/${ec}/debtpositions`,
        withKey(ANY_EC_KEY, { body: publishing(sb.now()), query: { toPublish: 'true' } }),
      );
      assert.deepEqual(v1.body, badRequest(`createDebtPosition.organizationFiscalCode: ${PATTERN}`), ec);
      const internal = await sb.call(
        'POST',
        `${INTERNAL}/organizations/${ec}/debtpositions`,
        withKey(KEYS.internal, { body: publishing(sb.now()), query: { toPublish: 'true' } }),
      );
      assert.deepEqual(internal.body, badRequest(`createDebtPosition.organizationFiscalCode: ${PATTERN}`), ec);
      const bulk = await sb.call(
        'POST',
        `${V2}/organizations/${ec}/debtpositions`,
        withKey(ANY_EC_KEY, { body: { paymentPositions: [publishing(sb.now())] }, query: { toPublish: 'true' } }),
      );
      assert.deepEqual(bulk.body, badRequest(`createMultipleDebtPositions.organizationFiscalCode: ${PATTERN}`), ec);
    }
    assert.equal(await storedAnywhere(sb), 0);
    // A plain EC code still works, and what is created can be read and deleted.
    const body = publishing(sb.now());
    assert.equal((await sb.call('POST', `${V1}/organizations/${ORG}/debtpositions`, withKey(ANY_EC_KEY, { body, query: { toPublish: 'true' } }))).status, 201);
    assert.equal((await sb.call('GET', `${V1}/organizations/${ORG}/debtpositions/${body.iupd}`, withKey(ANY_EC_KEY))).status, 200);
    assert.equal(await storedAnywhere(sb), 1);
  });

  it('are refused by every other operation, after the body is read (Spring order)', async () => {
    sb = await start();
    const existing = await reachState(sb, 'VALID');
    const ec = '7777777777%00';
    const iupd = existing.iupd;
    const cases: Array<[string, 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', string, string, unknown?, Record<string, string>?]> = [
      ['getOrganizationDebtPositions', 'GET', `${V1}/organizations/${ec}/debtpositions`, ANY_EC_KEY],
      ['updateDebtPosition', 'PUT', `${V1}/organizations/${ec}/debtpositions/${iupd}`, ANY_EC_KEY, existing.body],
      ['publishDebtPosition', 'POST', `${V1}/organizations/${ec}/debtpositions/${iupd}/publish`, ANY_EC_KEY],
      ['invalidateDebtPosition', 'POST', `${V1}/organizations/${ec}/debtpositions/${iupd}/invalidate`, ANY_EC_KEY],
      ['setPaymentOptionAsAlreadyPaid', 'POST', `${V1}/organizations/${ec}/paymentoptions/paids/${existing.nav}`, ANY_EC_KEY, {}],
      ['updateTransferIbanMassive', 'PATCH', `${V1}/organizations/${ec}/debtpositions/transfers`, ANY_EC_KEY, { newIban: 'IT1' }, { oldIban: 'IT0' }],
      ['updateMultipleDebtPositions', 'PUT', `${V2}/organizations/${ec}/debtpositions`, ANY_EC_KEY, { paymentPositions: [existing.body] }],
      ['setPaymentOptionAsAlreadyPaid', 'POST', `${V2}/organizations/${ec}/paymentoptions/paids/${existing.nav}`, ANY_EC_KEY, {}],
      ['getOrganizationPaymentOptionByNAV', 'GET', `${INTERNAL}/organizations/${ec}/paymentoptions/${existing.nav}`, KEYS.internal],
      ['getDebtPositionByIUV', 'GET', `${INTERNAL}/organizations/${ec}/paymentoptions/${existing.nav.slice(1)}/debtposition`, KEYS.internal],
      ['payPaymentOption', 'POST', `${INTERNAL}/organizations/${ec}/paymentoptions/${existing.nav}/pay`, KEYS.internal, PAYMENT_BODY],
      ['reportTransfer', 'POST', `${INTERNAL}/organizations/${ec}/paymentoptions/${existing.nav.slice(1)}/transfers/1/report`, KEYS.internal],
    ];
    for (const [method, verb, url, key, body, query] of cases) {
      const res = await sb.call(verb, url, withKey(key, { body, query }));
      assert.deepEqual(res.body, badRequest(`${method}.organizationFiscalCode: ${PATTERN}`), `${verb} ${url}: ${res.raw}`);
    }
    // GET and DELETE of one keep their joined message; v2 delete its own pattern.
    assert.deepEqual(
      (await sb.call('DELETE', `${V1}/organizations/${ec}/debtpositions/${iupd}`, withKey(ANY_EC_KEY))).body,
      badRequest(`deleteDebtPosition.organizationFiscalCode: ${PATTERN}`),
    );
    assert.deepEqual(
      (await sb.call('DELETE', `${V2}/organizations/${ec}/debtpositions`, withKey(ANY_EC_KEY, { body: { paymentPositionIUPDs: [iupd] } }))).body,
      badRequest('deleteMultipleDebtPositions.organizationFiscalCode: must match "\\b\\w{11}\\b"'),
    );
    // A body error comes first, as in Spring (argument resolution, then method validation).
    assert.deepEqual(
      (await sb.call('POST', `${V1}/organizations/${ec}/debtpositions`, withKey(ANY_EC_KEY, { body: { ...positionBody(), type: 'X' } }))).body.detail.slice(
        0,
        17,
      ),
      'JSON parse error:',
    );
    assert.equal((await sb.ec('GET', `/debtpositions/${iupd}`)).body.status, 'VALID');
  });
});

describe('hostile organization fiscal codes below the routes', () => {
  it('are refused by the service itself (create, createMany)', () => {
    const service = new GpdService(new GpdStore(), new Clock(() => T0));
    for (const ec of ['7777777777\u0000', '\u202E77777777777', '77777777777/']) {
      const input = readPositionBody(JSON.stringify(publishing(T0)));
      assert.throws(
        () => service.create(ec, input, true),
        (e: unknown) => e instanceof ProblemError && e.status === 400,
        JSON.stringify(ec),
      );
      assert.throws(
        () => service.createMany(ec, [input], true),
        (e: unknown) => e instanceof ProblemError && e.status === 400,
        JSON.stringify(ec),
      );
    }
  });

  it('are not stored by an upload, which reaches the service without the routes', async (t) => {
    const sb = await startSandbox({
      subscriptions: [
        { key: ANY_EC_KEY, product: 'gpd', organizations: ['*'] },
        { key: KEYS.internal, product: 'internal', organizations: ['*'] },
      ],
      upload: { chunkIntervalMs: 0 },
      rateLimits: { upload: { calls: 100_000, periodMs: 1_000 } },
    });
    t.after(() => sb.close());
    const base = `/upload/gpd/debt-positions-service/v2/brokers/${ORG}/organizations/7777777777%00/debtpositions`;
    const headers = { 'ocp-apim-subscription-key': ANY_EC_KEY };
    const { payload, contentType } = multipart([
      { field: 'file', fileName: 'p.zip', bytes: zipOf({ 'p.json': JSON.stringify({ paymentPositions: [publishing(sb.now())] }) }) },
    ]);
    const accepted = await sb.call('POST', `${base}/file`, { payload, headers: { ...headers, 'content-type': contentType } });
    assert.ok(accepted.status < 500, `the upload is answered without a 5xx: ${accepted.status} ${accepted.raw}`);
    // Whatever the upload answered, its job runs: wait for it through the files listing and the status.
    const deadline = Date.now() + 5_000;
    for (;;) {
      const files = await sb.call('GET', `${base}/files`, { headers });
      const id = files.body.fileIds?.[0]?.fileId ?? files.body.fileIds?.[0];
      const status = id === undefined ? undefined : await sb.call('GET', `${base}/file/${typeof id === 'string' ? id : ''}/status`, { headers });
      if (status?.body.processedItem !== undefined && status.body.processedItem === status.body.submittedItem) break;
      if (Date.now() > deadline) throw new Error(`upload not processed: ${files.raw} ${status?.raw}`);
      await tick();
    }
    assert.equal(await storedAnywhere(sb), 0);
  });
});

describe('deeply nested and impossible bodies', () => {
  let sb: TestSandbox;
  afterEach(() => sb.close());

  const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
  const TOO_DEEP = 'JSON parse error: Document nesting depth (1001) exceeds the maximum allowed (1000, from `StreamReadConstraints.getMaxNestingDepth()`)';

  it('refuses a body nested deeper than Jackson allows with 400, even under an unknown property', async () => {
    sb = await start();
    const existing = await reachState(sb, 'VALID');
    const json = (body: unknown, extra: string) => JSON.stringify(body).replace(/^\{/, `{"extra":${extra},`);
    const cases: Array<['POST' | 'PUT' | 'DELETE' | 'PATCH', string, string]> = [
      ['POST', `${V1}/organizations/${ORG}/debtpositions`, json(publishing(sb.now()), deep(50_000))],
      ['POST', `${V1}/organizations/${ORG}/debtpositions`, deep(50_000)],
      ['PUT', `${V1}/organizations/${ORG}/debtpositions/${existing.iupd}`, json(existing.body, deep(2_000))],
      ['POST', `${V2}/organizations/${ORG}/debtpositions`, json({ paymentPositions: [publishing(sb.now())] }, deep(50_000))],
      ['DELETE', `${V2}/organizations/${ORG}/debtpositions`, json({ paymentPositionIUPDs: [existing.iupd] }, deep(1_001))],
      ['POST', `${V1}/organizations/${ORG}/paymentoptions/paids/${existing.nav}`, json({}, deep(50_000))],
      ['PATCH', `${V1}/organizations/${ORG}/debtpositions/transfers?oldIban=IT0`, json({ newIban: 'IT1' }, deep(50_000))],
    ];
    for (const [method, url, payload] of cases) {
      const res = await sb.call(method, url, { payload, headers: { 'ocp-apim-subscription-key': KEYS.gpd, 'content-type': 'application/json' } });
      assert.deepEqual(res.body, badRequest(TOO_DEEP), `${method} ${url}: ${res.raw.slice(0, 300)}`);
    }
    const pay = await sb.call('POST', `${INTERNAL}/organizations/${ORG}/paymentoptions/${existing.nav}/pay`, {
      payload: json(PAYMENT_BODY, deep(50_000)),
      headers: { 'ocp-apim-subscription-key': KEYS.internal, 'content-type': 'application/json' },
    });
    assert.deepEqual(pay.body, badRequest(TOO_DEEP));
    const after = await sb.ec('GET', `/debtpositions/${existing.iupd}`);
    assert.equal(after.body.status, 'VALID');
    assert.equal(after.body.paymentOption[0].status, 'PO_UNPAID');
    assert.equal(await storedAnywhere(sb), 0);
  });

  it('refuses impossible calendar dates with the java.time message, and stores nothing', async () => {
    sb = await start();
    const cases: Array<[(b: ReturnType<typeof publishing>) => void, string, string]> = [
      [(b) => (b.paymentOption[0]!.dueDate = '2025-02-30T00:00:00'), '2025-02-30T00:00:00', "Invalid date 'FEBRUARY 30'"],
      [(b) => (b.validityDate = '2025-02-29T10:00:00Z'), '2025-02-29T10:00:00Z', "Invalid date 'February 29' as '2025' is not a leap year"],
      [(b) => (b.paymentOption[0]!.retentionDate = '2025-06-31T00:00:00'), '2025-06-31T00:00:00', "Invalid date 'JUNE 31'"],
      [(b) => (b.paymentOption[0]!.dueDate = '2025-04-01T24:00:00'), '2025-04-01T24:00:00', 'Invalid value for HourOfDay (valid values 0 - 23): 24'],
    ];
    for (const [edit, text, reason] of cases) {
      const body = publishing(sb.now());
      edit(body);
      const res = await sb.ec('POST', '/debtpositions', { body, query: { toPublish: 'true' } });
      assert.deepEqual(
        res.body,
        badRequest(
          `JSON parse error: Cannot deserialize value of type \`java.time.LocalDateTime\` from String "${text}": Failed to deserialize java.time.LocalDateTime: (java.time.format.DateTimeParseException) Text '${text}' could not be parsed: ${reason}`,
        ),
        text,
      );
    }
    assert.equal(await storedAnywhere(sb), 0);
  });
});

describe('repeated and odd query parameters', () => {
  let sb: TestSandbox;
  afterEach(() => sb.close());

  it('never answer 500 on any GPD route', async () => {
    sb = await start();
    const existing = await reachState(sb, 'VALID');
    const names = [
      'toPublish',
      'limit',
      'page',
      'due_date_from',
      'due_date_to',
      'payment_date_from',
      'payment_date_to',
      'payment_date_time_from',
      'payment_date_time_to',
      'status',
      'orderby',
      'ordering',
      'oldIban',
      'subscription-key',
      '__proto__',
      'constructor',
      'hasOwnProperty',
      'toString',
    ];
    const values = ['', 'true', '1', '-1', '2025-03-01', '2025-03-01T10:00:00', 'VALID', 'x', '%00', '[]'];
    const repeated = names
      .flatMap((n) => [`${n}=${values[names.indexOf(n) % values.length]}`, `${n}=${values[(names.indexOf(n) + 3) % values.length]}`, `${n}`])
      .join('&');
    const routes: Array<['GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', string, string, unknown?]> = [
      ['GET', `${V1}/info`, KEYS.gpd],
      ['GET', `${V1}/organizations/${ORG}/debtpositions`, KEYS.gpd],
      ['POST', `${V1}/organizations/${ORG}/debtpositions`, KEYS.gpd, positionBody()],
      ['GET', `${V1}/organizations/${ORG}/debtpositions/${existing.iupd}`, KEYS.gpd],
      ['PUT', `${V1}/organizations/${ORG}/debtpositions/${existing.iupd}`, KEYS.gpd, existing.body],
      ['PATCH', `${V1}/organizations/${ORG}/debtpositions/transfers`, KEYS.gpd, { newIban: 'IT1' }],
      ['POST', `${V1}/organizations/${ORG}/debtpositions/${existing.iupd}/publish`, KEYS.gpd],
      ['POST', `${V1}/organizations/${ORG}/paymentoptions/paids/missing`, KEYS.gpd, {}],
      ['GET', `${V2}/info`, KEYS.gpd],
      ['POST', `${V2}/organizations/${ORG}/debtpositions`, KEYS.gpd, { paymentPositions: [positionBody()] }],
      ['PUT', `${V2}/organizations/${ORG}/debtpositions`, KEYS.gpd, { paymentPositions: [existing.body] }],
      ['DELETE', `${V2}/organizations/${ORG}/debtpositions`, KEYS.gpd, { paymentPositionIUPDs: ['missing'] }],
      ['GET', `${INTERNAL}/organizations/${ORG}/debtpositions`, KEYS.internal],
      ['GET', `${INTERNAL}/organizations/${ORG}/paymentoptions/${existing.nav}`, KEYS.internal],
      ['GET', `${INTERNAL}/organizations/${ORG}/paymentoptions/${existing.nav.slice(1)}/debtposition`, KEYS.internal],
      ['POST', `${INTERNAL}/organizations/${ORG}/paymentoptions/missing/pay`, KEYS.internal, PAYMENT_BODY],
      ['POST', `${INTERNAL}/organizations/${ORG}/paymentoptions/missing/transfers/1/report`, KEYS.internal],
      ['POST', `${V1}/organizations/${ORG}/debtpositions/${existing.iupd}/invalidate`, KEYS.gpd],
      ['DELETE', `${V1}/organizations/${ORG}/debtpositions/${existing.iupd}`, KEYS.gpd],
    ];
    for (const query of [repeated, 'limit=1&limit=2&page=0&page=x&toPublish=true&toPublish=false&status=VALID&status=PAID&oldIban=a&oldIban=b']) {
      for (const [method, path, key, body] of routes) {
        const res = await sb.call(method, `${path}?${query}`, {
          ...(body === undefined ? {} : { body }),
          headers: { 'ocp-apim-subscription-key': key },
        });
        assert.ok(res.status < 500, `${method} ${path}?${query.slice(0, 60)}: ${res.status} ${res.raw.slice(0, 300)}`);
      }
    }
  });
});
