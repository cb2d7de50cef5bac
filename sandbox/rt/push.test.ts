import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { validateBody } from '../../lib/schemas.ts';
import { parseSoapEnvelope, koResponse, rtResponseBody, soapEnvelope, soapFault } from '../../lib/rt/soap.ts';
import { loadPaForNodeXsd } from '../../lib/rt/xsd.ts';
import { HOUR, KEYS, ORG, PAYMENT_BODY, T0, at, positionBody, startSandbox, twoBeneficiaryBody, type TestSandbox } from '../test-helpers.ts';
import { parseRtEndpoints } from './routes.ts';

// An EC endpoint whose answer depends on the path: what a station may answer the Node.
interface Received {
  path: string;
  soapAction: string | undefined;
  body: string;
}
const received: Received[] = [];
let endpoint: Server;
let base: string;
let refusedUrl: string;

const ANSWERS: Record<string, (version: 1 | 2) => { status: number; body: string } | undefined> = {
  '/ok': (v) => ({ status: 200, body: soapEnvelope(rtResponseBody(v, { outcome: 'OK' })) }),
  '/ko': (v) => ({ status: 200, body: soapEnvelope(rtResponseBody(v, koResponse('PAA_SYSTEM_ERROR', 'Errore generico', ORG, 'database down'))) }),
  '/garbage': () => ({ status: 200, body: '<<<not xml' }),
  '/fault': () => ({ status: 500, body: soapFault('Server', 'boom') }),
  '/hang': () => undefined,
};

before(async () => {
  endpoint = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const soapAction = request.headers.soapaction?.toString().replace(/"/g, '');
      received.push({ path: request.url ?? '', soapAction, body });
      const answer = ANSWERS[request.url ?? '']?.(soapAction === 'paSendRT' ? 1 : 2);
      if (answer) response.writeHead(answer.status, { 'content-type': 'text/xml' }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}`;
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  refusedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/`;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
});
after(async () => {
  endpoint.closeAllConnections();
  await new Promise<void>((resolve) => endpoint.close(() => resolve()));
});

const RT = { timeoutMs: 300, maxAttempts: 3, retryIntervalMs: 60_000, jobIntervalMs: 0 };

async function paid(sb: TestSandbox, amount = 12345) {
  const body = twoBeneficiaryBody(amount);
  assert.equal((await sb.ec('POST', '/debtpositions', { body, query: { toPublish: 'true' } })).status, 201);
  const iuv = body.paymentOption[0]!.iuv;
  const payment = { ...PAYMENT_BODY, pspCode: 'BNLIITRR', pspTaxCode: '09339391005', paymentDate: at(T0, -HOUR) };
  assert.equal((await sb.internal('POST', `/paymentoptions/3${iuv}/pay`, { body: payment })).status, 200);
  return { body, iuv };
}

interface Push {
  stations: Array<{
    stationId: string;
    status: string;
    statusHistory: string[];
    soapAction: string;
    attempts: Array<Record<string, unknown>>;
    nextAttemptAt?: string;
  }>;
  receiptId: string;
}

/** Polls the push of a receipt until `done` holds (5 s deadline). */
async function pushOf(sb: TestSandbox, iuv: string, done: (p: Push) => boolean): Promise<Push> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const res = await sb.control('GET', `/rt/receipts/${ORG}/${iuv}`);
    if (res.status === 200 && done(res.body as Push)) return res.body as Push;
    if (Date.now() > deadline) assert.fail(`push of ${iuv} not done: ${res.status} ${res.raw}`);
    await sleep(20);
  }
}
const station = (p: Push, id: string) => p.stations.find((s) => s.stationId === id)!;
const settled = (p: Push) =>
  p.stations.every((s) => s.status !== 'NOTICE_GENERATED' && s.attempts.length > 0 && (s.status !== 'NOTICE_SENT' || s.nextAttemptAt !== undefined));

/** The request element of an envelope as a standalone document (what the XSD validates). */
function bodyElement(envelope: string): string {
  const match = /<(\w+):(paSendRTV2Request|paSendRTReq)>[\s\S]*<\/\1:\2>/.exec(envelope);
  assert.ok(match, 'no request element in the envelope');
  return match[0].replace(`<${match[1]}:${match[2]}>`, `<${match[1]}:${match[2]} xmlns:${match[1]}="http://pagopa-api.pagopa.gov.it/pa/paForNode.xsd">`);
}

const xsd = loadPaForNodeXsd();

test('a payment pushes paSendRTV2 (V2 station) and paSendRT (V1 station): XSD-valid bodies, consistent with the GPD and biz-events receipts, NOTIFIED', async (t) => {
  const sb = await startSandbox({
    rt: {
      ...RT,
      stations: [
        { stationId: `${ORG}_02`, url: `${base}/ok`, primitiveVersion: 2 },
        { stationId: `${ORG}_03`, url: `${base}/ok?v1`, primitiveVersion: 1 },
      ],
    },
  });
  try {
    ANSWERS['/ok?v1'] = ANSWERS['/ok']!;
    const { body, iuv } = await paid(sb);
    const push = await pushOf(sb, iuv, (p) => p.stations.every((s) => s.status === 'NOTIFIED'));
    assert.deepEqual(station(push, `${ORG}_02`).statusHistory, ['NOTICE_GENERATED', 'NOTICE_SENT', 'NOTIFIED']);
    assert.equal(station(push, `${ORG}_02`).attempts.length, 1);
    assert.deepEqual(
      { ...station(push, `${ORG}_02`).attempts[0], durationMs: 0 },
      { at: new Date(T0).toISOString(), httpStatus: 200, outcome: 'OK', durationMs: 0 },
    );

    const gpdXml = (
      await sb.call('GET', `/gpd/payments-receipts-service/v1/payments/${ORG}/receipts/${iuv}`, { headers: { 'ocp-apim-subscription-key': KEYS.receipts } })
    ).raw;
    const receiptId = /<receiptId>([^<]+)<\/receiptId>/.exec(gpdXml)![1]!;
    assert.equal(push.receiptId, receiptId);
    const biz = await sb.call('GET', `/bizevents/service/v1/organizations/${ORG}/receipts/${receiptId}`, {
      headers: { 'ocp-apim-subscription-key': KEYS.biz },
    });
    assert.equal(biz.status, 200);

    for (const [path, version, schema] of [
      ['/ok', 2, 'rt/PaSendRTV2Request'],
      ['/ok?v1', 1, 'rt/PaSendRTReq'],
    ] as const) {
      const call = received.find((r) => r.path === path && r.body.includes(iuv))!;
      assert.equal(call.soapAction, version === 2 ? 'paSendRTV2' : 'paSendRT');
      const parsed = parseSoapEnvelope(call.body);
      assert.deepEqual(validateBody(schema, parsed.content), { schema, valid: true, errors: [], warnings: [] });
      const request = parsed.content as { idPA: string; idBrokerPA: string; idStation: string; receipt: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
      assert.deepEqual([request.idPA, request.idBrokerPA, request.idStation], [ORG, ORG, version === 2 ? `${ORG}_02` : `${ORG}_03`]);
      const r = request.receipt;
      assert.equal(r.receiptId, receiptId);
      assert.equal(r.noticeNumber, `3${iuv}`);
      assert.equal(r.creditorReferenceId, iuv);
      assert.equal(r.paymentAmount, '123.45');
      assert.equal(r.paymentAmount, String(biz.body.paymentAmount.toFixed(2)));
      assert.equal(r.debtor.uniqueIdentifier.entityUniqueIdentifierValue, body.fiscalCode);
      assert.equal(r.debtor.fullName, biz.body.debtor.fullName);
      assert.deepEqual(
        r.transferList.transfer.map((t: Record<string, string>) => [t.idTransfer, t.transferAmount, t.fiscalCodePA, t.IBAN]),
        [
          ['1', '120.00', ORG, 'IT30N0103076271000001823603'],
          ['2', '3.45', '15376371009', 'IT60X0542811101000000123456'],
        ],
      );
      assert.equal(r.idPSP, biz.body.idPSP);
      assert.equal(r.PSPCompanyName, biz.body.pspCompanyName);
      assert.ok(gpdXml.includes(`<PSPCompanyName>${r.PSPCompanyName}</PSPCompanyName>`));
      if ('validate' in xsd) assert.deepEqual(await xsd.validate(bodyElement(call.body)), { valid: true, errors: [] }, `XSD, V${version}`);
      else t.diagnostic(`XSD check skipped: ${xsd.reason}`);
    }
  } finally {
    await sb.close();
  }
});

test('KO, garbage, SOAP Fault, no answer, connection refused: attempts recorded, retries on the sandbox clock up to the maximum, the receipt still served', async () => {
  const stations = [
    { stationId: 'S_KO', url: `${base}/ko`, primitiveVersion: 2 as const },
    { stationId: 'S_GARBAGE', url: `${base}/garbage`, primitiveVersion: 2 as const },
    { stationId: 'S_FAULT', url: `${base}/fault`, primitiveVersion: 2 as const },
    { stationId: 'S_HANG', url: `${base}/hang`, primitiveVersion: 2 as const },
    { stationId: 'S_REFUSED', url: refusedUrl, primitiveVersion: 2 as const },
  ];
  const sb = await startSandbox({ rt: { ...RT, stations } });
  try {
    const { iuv } = await paid(sb);
    let push = await pushOf(sb, iuv, settled);
    const ko = station(push, 'S_KO');
    assert.equal(ko.status, 'FAILED', 'a KO is final unless retryOnKo');
    assert.deepEqual(
      ko.attempts.map((a) => [a.httpStatus, a.outcome, a.faultCode, a.detail]),
      [[200, 'KO', 'PAA_SYSTEM_ERROR', 'database down']],
    );
    const expectations: Record<string, [number | undefined, string]> = {
      S_GARBAGE: [200, 'MALFORMED'],
      S_FAULT: [500, 'MALFORMED'],
      S_HANG: [undefined, 'TIMEOUT'],
      S_REFUSED: [undefined, 'UNREACHABLE'],
    };
    for (const [id, [httpStatus, outcome]] of Object.entries(expectations)) {
      const s = station(push, id);
      assert.equal(s.status, 'NOTICE_SENT', id);
      assert.deepEqual([s.attempts[0]!.httpStatus, s.attempts[0]!.outcome], [httpStatus, outcome], id);
      assert.equal(s.nextAttemptAt, new Date(T0 + RT.retryIntervalMs).toISOString(), id);
    }
    assert.match(String(station(push, 'S_REFUSED').attempts[0]!.detail), /ECONNREFUSED/);
    assert.match(String(station(push, 'S_FAULT').attempts[0]!.detail), /SOAP Fault/);

    // The retry job does nothing before the interval has passed on the sandbox clock.
    assert.deepEqual((await sb.control('POST', '/rt/retries')).body, { attempted: 0 });
    for (let attempt = 2; attempt <= RT.maxAttempts; attempt++) {
      assert.equal((await sb.control('POST', '/clock', { advanceMs: RT.retryIntervalMs })).status, 200);
      assert.deepEqual((await sb.control('POST', '/rt/retries')).body, { attempted: 4 });
      push = await pushOf(sb, iuv, settled);
      for (const id of Object.keys(expectations)) assert.equal(station(push, id).attempts.length, attempt, id);
    }
    for (const id of Object.keys(expectations)) {
      assert.equal(station(push, id).status, 'FAILED', `${id} after ${RT.maxAttempts} attempts`);
      assert.deepEqual(station(push, id).statusHistory, ['NOTICE_GENERATED', 'NOTICE_SENT', 'FAILED']);
      assert.equal(station(push, id).nextAttemptAt, undefined);
    }
    assert.equal(station(push, 'S_KO').attempts.length, 1);
    await sb.control('POST', '/clock', { advanceMs: RT.retryIntervalMs });
    assert.deepEqual((await sb.control('POST', '/rt/retries')).body, { attempted: 0 });

    const served = await sb.call('GET', `/gpd/payments-receipts-service/v1/payments/${ORG}/receipts/${iuv}`, {
      headers: { 'ocp-apim-subscription-key': KEYS.receipts },
    });
    assert.equal(served.status, 200);
    assert.equal(
      (await sb.ec('GET', `/debtpositions/${(await sb.ec('GET', '/debtpositions', { query: { page: '0' } })).body.payment_position_list[0].iupd}`)).status,
      200,
    );
  } finally {
    await sb.close();
  }
});

test('retryOnKo: a KO is retried like a failure, and an OK afterwards ends the push NOTIFIED', async () => {
  const sb = await startSandbox({ rt: { ...RT, retryOnKo: true, stations: [{ stationId: 'S_FLIP', url: `${base}/flip`, primitiveVersion: 2 }] } });
  let calls = 0;
  ANSWERS['/flip'] = (v) => (++calls === 1 ? ANSWERS['/ko']!(v) : ANSWERS['/ok']!(v));
  try {
    const { iuv } = await paid(sb);
    let push = await pushOf(sb, iuv, settled);
    assert.equal(station(push, 'S_FLIP').status, 'NOTICE_SENT');
    await sb.control('POST', '/clock', { advanceMs: RT.retryIntervalMs });
    assert.deepEqual((await sb.control('POST', '/rt/retries')).body, { attempted: 1 });
    push = await pushOf(sb, iuv, (p) => station(p, 'S_FLIP').status === 'NOTIFIED');
    assert.deepEqual(
      station(push, 'S_FLIP').attempts.map((a) => a.outcome),
      ['KO', 'OK'],
    );
  } finally {
    await sb.close();
  }
});

test('control calls: stations set, read and removed; bad input is 400/404 and changes nothing; the key is required', async () => {
  const sb = await startSandbox({ rt: RT });
  try {
    const stations = async () => (await sb.control('GET', '/rt/stations')).body.stations;
    assert.deepEqual(await stations(), []);
    assert.deepEqual((await sb.control('PUT', `/rt/stations/${ORG}_01`, { url: `${base}/ok`, primitiveVersion: 2 })).body, {
      stationId: `${ORG}_01`,
      url: `${base}/ok`,
      primitiveVersion: 2,
    });
    const before = await stations();
    for (const [path, body] of [
      [`/rt/stations/${ORG}_01`, { url: 'ftp://x/', primitiveVersion: 2 }],
      [`/rt/stations/${ORG}_01`, { url: 'http://user:pw@127.0.0.1/', primitiveVersion: 2 }],
      [`/rt/stations/${ORG}_01`, { url: 'not a url', primitiveVersion: 2 }],
      [`/rt/stations/${ORG}_01`, { url: `${base}/ok`, primitiveVersion: 3 }],
      [`/rt/stations/${ORG}_01`, { url: `${base}/ok`, primitiveVersion: '2' }],
      [`/rt/stations/${ORG}_01`, { url: `${base}/ok`, primitiveVersion: 2, extra: true }],
      [`/rt/stations/${ORG}_01`, [1, 2]],
      [`/rt/stations/${'x'.repeat(36)}`, { url: `${base}/ok`, primitiveVersion: 2 }],
      [`/rt/stations/a%20b`, { url: `${base}/ok`, primitiveVersion: 2 }],
    ] as const) {
      const res = await sb.control('PUT', path, body);
      assert.equal(res.status, 400, `${path} ${JSON.stringify(body)}: ${res.raw}`);
    }
    const notJson = await sb.call('PUT', `/__sandbox/rt/stations/${ORG}_01`, {
      payload: '{',
      headers: { 'content-type': 'application/json', 'ocp-apim-subscription-key': KEYS.internal },
    });
    assert.equal(notJson.status, 400);
    assert.deepEqual(await stations(), before);
    assert.equal((await sb.control('DELETE', '/rt/stations/NOPE')).status, 404);
    assert.equal((await sb.control('GET', `/rt/receipts/${ORG}/012345678901234567`)).status, 404);
    assert.equal((await sb.call('GET', '/__sandbox/rt/stations')).status, 401);
    assert.equal((await sb.control('DELETE', `/rt/stations/${ORG}_01`)).status, 204);
    assert.deepEqual(await stations(), []);
  } finally {
    await sb.close();
  }
});

test('SANDBOX_RT_ENDPOINTS: <stationId>=<url>|<version>, comma separated; a bad entry is named', () => {
  assert.deepEqual(parseRtEndpoints(' 77777777777_01=http://127.0.0.1:5900/|2 , S2=https://ec.example/rt|1'), [
    { stationId: '77777777777_01', url: 'http://127.0.0.1:5900/', primitiveVersion: 2 },
    { stationId: 'S2', url: 'https://ec.example/rt', primitiveVersion: 1 },
  ]);
  assert.deepEqual(parseRtEndpoints(''), []);
  assert.throws(() => parseRtEndpoints('S1=http://x/|3'), /S1=http:\/\/x\/\|3/);
  assert.throws(() => parseRtEndpoints('S1=ftp://x/|2'), /http or https/);
});

test('a payment without PSP (internal pay without pspCode) is not sent: attempt NOT_SENT, FAILED; the payment and its receipt stand', async () => {
  const sb = await startSandbox({ rt: { ...RT, stations: [{ stationId: 'S_OK', url: `${base}/ok`, primitiveVersion: 2 }] } });
  try {
    const body = positionBody();
    assert.equal((await sb.ec('POST', '/debtpositions', { body, query: { toPublish: 'true' } })).status, 201);
    const iuv = body.paymentOption[0]!.iuv;
    const before = received.length;
    assert.equal((await sb.internal('POST', `/paymentoptions/3${iuv}/pay`, { body: PAYMENT_BODY })).status, 200);
    const push = await pushOf(sb, iuv, (p) => p.stations.every((s) => s.status === 'FAILED'));
    assert.deepEqual(
      station(push, 'S_OK').attempts.map((a) => [a.outcome, a.detail]),
      [['NOT_SENT', 'the payment names no PSP (pay without pspCode): a receipt needs idPSP and idChannel']],
    );
    assert.equal(received.length, before, 'nothing sent');
    const served = await sb.call('GET', `/gpd/payments-receipts-service/v1/payments/${ORG}/receipts/${iuv}`, {
      headers: { 'ocp-apim-subscription-key': KEYS.receipts },
    });
    assert.equal(served.status, 200);
  } finally {
    await sb.close();
  }
});
