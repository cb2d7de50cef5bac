// More Checkout backend and card gateway cases, beyond ecommerce.test.ts and card-gateway.test.ts:
// verify on a plan and along the sandbox clock, the activation lock across deletion and authorization,
// carts, malformed card-field bodies, and the SDK run in a VM (foreign origins ignored).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runInNewContext } from 'node:vm';
import { DAY, T0, reachState, positionBody, startSandbox, type TestSandbox } from '../test-helpers.ts';
import { formatLocalDateTime } from '../dates.ts';
import {
  CHECKOUT_ORIGIN,
  GATEWAY_ORIGIN,
  V1,
  activate,
  bearer,
  activated,
  authRequest,
  cardSession,
  fault,
  goodAuth,
  openSession,
  outcome,
  rptId,
  setup,
  storeFields,
  teardown,
  validNotice,
  verify,
  type Env,
} from './checkout-test-helpers.ts';

describe('verify (GET payment-requests/{rptId})', () => {
  let sb: TestSandbox;
  before(async () => {
    sb = await startSandbox();
  });
  after(() => sb.close());

  it('PARTIALLY_PAID plan: the unpaid installment is payable, the paid one → 409 PAYMENT_DUPLICATED, the single option → 404 PAYMENT_UNKNOWN', async () => {
    const plan = await reachState(sb, 'PARTIALLY_PAID');
    const [, paid, unpaid] = plan.body.paymentOption.map((o) => rptId(`3${o.iuv}`));
    assert.equal(rptId(plan.nav), unpaid);
    const payable = await verify(sb, unpaid!);
    assert.equal(payable.status, 200, payable.raw);
    assert.equal(payable.body.amount, 5000);
    assert.deepEqual(fault(await verify(sb, paid!)), [409, 'PAYMENT_DUPLICATED', 'PAA_PAGAMENTO_DUPLICATO']);
    assert.deepEqual(fault(await verify(sb, rptId(plan.singleNav!))), [404, 'PAYMENT_UNKNOWN', 'PAA_PAGAMENTO_SCONOSCIUTO']);
  });
});

describe('verify follows the sandbox clock', () => {
  let sb: TestSandbox;
  before(async () => {
    sb = await startSandbox();
  });
  after(() => sb.close());

  it('switchToExpired + due date passed → 409 PAYMENT_EXPIRED PAA_PAGAMENTO_SCADUTO (without waiting for the batch); without switchToExpired it stays payable', async () => {
    const expiring = positionBody({ switchToExpired: true, dueInMs: DAY });
    const lasting = positionBody({ switchToExpired: false, dueInMs: DAY });
    const published = positionBody({ validityInMs: DAY, dueInMs: 10 * DAY });
    for (const body of [expiring, lasting, published]) {
      assert.equal((await sb.ec('POST', '/debtpositions', { body, query: { toPublish: 'true' } })).status, 201);
    }
    const id = (body: typeof expiring) => rptId(`3${body.paymentOption[0]!.iuv}`);
    assert.equal((await verify(sb, id(expiring))).status, 200, 'before its due date');
    assert.deepEqual(fault(await verify(sb, id(published))), [404, 'PAYMENT_UNKNOWN', 'PAA_PAGAMENTO_SCONOSCIUTO'], 'before its validity date');

    sb.clock.advance(2 * DAY);
    assert.deepEqual(fault(await verify(sb, id(expiring))), [409, 'PAYMENT_EXPIRED', 'PAA_PAGAMENTO_SCADUTO']);
    const late = await verify(sb, id(lasting));
    assert.equal(late.status, 200, late.raw);
    assert.equal(late.body.dueDate, formatLocalDateTime(T0 + DAY).slice(0, 10));
    assert.equal((await verify(sb, id(published))).status, 200, 'its validity date has come');
  });
});

describe('activation and transaction rules', () => {
  let env: Env;
  before(async () => {
    env = await setup(0);
  });
  after(() => teardown(env));

  it('after a deletion, the notice is paid with a new card session (the first orderId served its transaction)', async () => {
    const { sb, gatewayApp } = env;
    const notice = await validNotice(sb);
    const first = await activated(env, notice);
    assert.equal((await sb.call('DELETE', `${V1}/transactions/${first.transactionId}`, { headers: bearer(first.authToken) })).status, 202);
    assert.equal((await activate(sb, [{ rptId: notice.rptId, amount: 10000 }], first)).status, 400, 'an orderId serves one transaction');

    const second = await cardSession(env);
    const res = await activate(sb, [{ rptId: notice.rptId, amount: 10000 }], second);
    assert.equal(res.status, 200, res.raw);
    const t = { transactionId: res.body.transactionId as string, authToken: res.body.authToken as string };
    assert.equal((await authRequest(sb, t, goodAuth(second.orderId))).status, 200);
    assert.equal(
      (await gatewayApp.inject({ method: 'POST', url: `/monetaweb/gdi/${first.sessionId}/authorize` })).statusCode,
      409,
      'the first session has nothing to authorize',
    );
    const authorized = await gatewayApp.inject({ method: 'POST', url: `/monetaweb/gdi/${second.sessionId}/authorize` });
    assert.equal(authorized.statusCode, 200, authorized.body);
    assert.equal((await outcome(sb, t)).body.outcome, 0);
    assert.equal((await sb.ec('GET', `/debtpositions/${notice.iupd}`)).body.status, 'PAID');
    assert.deepEqual((await outcome(sb, first)).body, { outcome: 8, isFinalStatus: true }, 'the canceled one stays canceled');
  });

  it('the lock holds while the authorization is in progress too, and a transaction in progress cannot be deleted', async () => {
    const { sb } = env;
    const notice = await validNotice(sb);
    const first = await activated(env, notice);
    assert.equal((await authRequest(sb, first, goodAuth(first.orderId))).status, 200);
    const session = await openSession(sb);
    assert.deepEqual(fault(await activate(sb, [{ rptId: notice.rptId, amount: 10000 }], session)), [409, 'PAYMENT_ONGOING', 'PPT_PAGAMENTO_IN_CORSO']);
    assert.equal((await sb.call('DELETE', `${V1}/transactions/${first.transactionId}`, { headers: bearer(first.authToken) })).status, 409);
  });

  it('activation maps GPD states like verify (INVALID → 409 PAYMENT_CANCELED, unknown → 404); a refused cart locks none of its notices', async () => {
    const { sb } = env;
    const invalid = await reachState(sb, 'INVALID');
    const session = await openSession(sb);
    assert.deepEqual(fault(await activate(sb, [{ rptId: rptId(invalid.nav), amount: 10000 }], session)), [409, 'PAYMENT_CANCELED', 'PAA_PAGAMENTO_ANNULLATO']);
    const unknown = await activate(sb, [{ rptId: rptId('301000000000000099'), amount: 10000 }], session);
    assert.deepEqual(fault(unknown), [404, 'PAYMENT_UNKNOWN', 'PAA_PAGAMENTO_SCONOSCIUTO']);

    const good = await validNotice(sb);
    const cart = await activate(
      sb,
      [
        { rptId: good.rptId, amount: 10000 },
        { rptId: rptId(invalid.nav), amount: 10000 },
      ],
      session,
    );
    assert.deepEqual(fault(cart), [409, 'PAYMENT_CANCELED', 'PAA_PAGAMENTO_ANNULLATO']);
    assert.equal((await activate(sb, [{ rptId: good.rptId, amount: 10000 }], session)).status, 200, 'the valid notice was not locked');
  });
});

describe('card gateway app', () => {
  let env: Env;
  before(async () => {
    env = await setup(0);
  });
  after(() => teardown(env));

  it('/fe/build/text/ refuses invalid values with 400 and the gateway error code, accepts valid ones', async () => {
    const { sb, gatewayApp, gateway } = env;
    const { sessionId, orderId } = await openSession(sb);
    const refusals: Array<[{ id: string; value: string }, RegExp]> = [
      [{ id: 'CARD_NUMBER', value: '4242424242424241' }, /HF0004/],
      [{ id: 'CARD_NUMBER', value: '0000000000000000' }, /HF0005/],
      [{ id: 'EXPIRATION_DATE', value: '01/20' }, /HF0006/],
      [{ id: 'EXPIRATION_DATE', value: '13/39' }, /HF0006/],
      [{ id: 'SECURITY_CODE', value: '12' }, /HF0001/],
      [{ id: 'CARDHOLDER_NAME', value: '1' }, /HF0007/],
      [{ id: 'PIN', value: '12345' }, /PIN/],
    ];
    for (const [fieldValue, code] of refusals) {
      const res = await storeFields(gatewayApp, sessionId, [fieldValue]);
      assert.equal(res.statusCode, 400, `${JSON.stringify(fieldValue)} → ${res.body}`);
      assert.match(res.json<{ detail: string }>().detail, code);
    }
    assert.deepEqual(gateway.byOrderId(orderId)!.values, {}, 'nothing refused was stored');

    for (const payload of [
      '{"fieldValues":',
      'null',
      '{}',
      '{"fieldValues":{}}',
      '{"fieldValues":[null]}',
      '{"fieldValues":[{"id":"SECURITY_CODE","value":123}]}',
      '{"fieldValues":[{"id":"CARDHOLDER_NAME"}]}',
    ]) {
      const res = await gatewayApp.inject({
        method: 'POST',
        url: '/fe/build/text/',
        headers: { session: sessionId, 'content-type': 'application/json' },
        payload,
      });
      assert.equal(res.statusCode, 400, `${payload} → ${res.statusCode} ${res.body}`);
    }
    const unknown = await gatewayApp.inject({
      method: 'POST',
      url: '/fe/build/text/',
      headers: { session: 'unknown', 'content-type': 'application/json' },
      payload: JSON.stringify({ fieldValues: [{ id: 'SECURITY_CODE', value: '123' }] }),
    });
    assert.equal(unknown.statusCode, 401);

    const ok = await storeFields(gatewayApp, sessionId, [{ id: 'SECURITY_CODE', value: '1234' }]);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(gateway.byOrderId(orderId)!.values.SECURITY_CODE, '1234');
  });

  it('serves the SDK as JavaScript defining the global Build, which reports the fields of its own origin only', async () => {
    const { gatewayApp } = env;
    const res = await gatewayApp.inject({ method: 'GET', url: '/monetaweb/resources/hfsdk.js' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/javascript/);

    const listeners: Array<(event: { origin: string; data: unknown }) => void> = [];
    const window = { addEventListener: (_type: string, listener: (typeof listeners)[number]) => listeners.push(listener) } as Record<string, unknown>;
    const document = { currentScript: { src: `${GATEWAY_ORIGIN}/monetaweb/resources/hfsdk.js` }, querySelectorAll: () => [] };
    runInNewContext(res.body, { window, document, URL });
    const Build = window.Build as new (config: Record<string, unknown>) => { confirmData(callback?: () => void): void };
    assert.equal(typeof Build, 'function');

    const seen: string[] = [];
    const build = new Build({
      onAllFieldsLoaded: () => seen.push('all loaded'),
      onBuildSuccess: ({ id }: { id: string }) => seen.push(`valid ${id}`),
      onBuildError: ({ id, errorCode }: { id: string; errorCode: string }) => seen.push(`invalid ${id} ${errorCode}`),
      onBuildFlowStateChange: (_event: unknown, state: string) => seen.push(state),
    });
    const send = (origin: string, data: Record<string, unknown>) =>
      listeners.forEach((listener) => listener({ origin, data: { source: 'sandbox-card-gateway', ...data } }));
    const fields = ['CARD_NUMBER', 'EXPIRATION_DATE', 'SECURITY_CODE', 'CARDHOLDER_NAME'];
    send(CHECKOUT_ORIGIN, { type: 'validity', id: 'CARD_NUMBER', valid: false, errorCode: 'HF0004' }); // not the gateway: ignored
    for (const id of fields) send(GATEWAY_ORIGIN, { type: 'loaded', id });
    send(GATEWAY_ORIGIN, { type: 'validity', id: 'SECURITY_CODE', valid: false, errorCode: 'HF0001' });
    send(GATEWAY_ORIGIN, { type: 'validity', id: 'SECURITY_CODE', valid: true });
    build.confirmData();
    for (const id of fields) send(GATEWAY_ORIGIN, { type: 'stored', id, state: id === 'CARDHOLDER_NAME' ? 'READY_FOR_PAYMENT' : 'CARD_DATA_COLLECTION' });
    assert.deepEqual(seen, ['all loaded', 'invalid SECURITY_CODE HF0001', 'valid SECURITY_CODE', 'READY_FOR_PAYMENT']);
  });
});
