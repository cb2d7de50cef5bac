// The sandbox's Checkout backend through its HTTP API: verify and its mapping of GPD states to Nodo
// faults, a whole card payment (sessions, card data on the gateway, activation, fees, authorization,
// outcome) ending with the position PAID and its receipt, and the refusals on the way.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { KEYS, ORG, reachState, startSandbox, type State, type TestSandbox } from '../test-helpers.ts';
import { CARDS_METHOD_ID } from './ecommerce.ts';
import {
  CHECKOUT_ORIGIN,
  GATEWAY_ORIGIN,
  V1,
  V2,
  activate,
  authRequest,
  bearer,
  goodAuth,
  cardSession,
  rptId,
  setup,
  teardown,
  verify,
  type CardOrder,
  type Env,
} from './checkout-test-helpers.ts';

const CARD = { CARD_NUMBER: '4242424242424242', EXPIRATION_DATE: '12/30', SECURITY_CODE: '123', CARDHOLDER_NAME: 'Mario Rossi' };

/** Activates one notice of 100,00 €. */
const activateNav = (sb: TestSandbox, nav: string, session: CardOrder) => activate(sb, [{ rptId: rptId(nav), amount: 10000 }], session);

describe('verify: GPD states as Checkout sees them', () => {
  let sb: TestSandbox;
  before(async () => {
    sb = await startSandbox();
  });
  after(() => sb.close());

  it('answers a VALID notice with its payee, subject, amount in cents and due date', async () => {
    const { nav, body } = await reachState(sb, 'VALID');
    const res = await verify(sb, rptId(nav));
    assert.equal(res.status, 200, res.raw);
    assert.deepEqual(res.body, {
      rptId: rptId(nav),
      paFiscalCode: ORG,
      paName: body.companyName,
      description: body.paymentOption[0]!.description,
      amount: 10000,
      dueDate: body.paymentOption[0]!.dueDate.slice(0, 10),
    });
  });

  const cases: Array<[State | 'unknown', number, string, string]> = [
    ['unknown', 404, 'PAYMENT_UNKNOWN', 'PAA_PAGAMENTO_SCONOSCIUTO'],
    ['DRAFT', 404, 'PAYMENT_UNKNOWN', 'PAA_PAGAMENTO_SCONOSCIUTO'],
    ['PUBLISHED', 404, 'PAYMENT_UNKNOWN', 'PAA_PAGAMENTO_SCONOSCIUTO'],
    ['INVALID', 409, 'PAYMENT_CANCELED', 'PAA_PAGAMENTO_ANNULLATO'],
    ['PAID', 409, 'PAYMENT_DUPLICATED', 'PAA_PAGAMENTO_DUPLICATO'],
    ['REPORTED', 409, 'PAYMENT_DUPLICATED', 'PAA_PAGAMENTO_DUPLICATO'],
    // Last: reaching EXPIRED moves the sandbox clock two days on.
    ['EXPIRED', 409, 'PAYMENT_EXPIRED', 'PAA_PAGAMENTO_SCADUTO'],
  ];
  for (const [state, status, category, detail] of cases) {
    it(`${state} → ${status} ${category} ${detail}`, async () => {
      const nav = state === 'unknown' ? '301999999999999999' : (await reachState(sb, state)).nav;
      const res = await verify(sb, rptId(nav));
      assert.equal(res.status, status, res.raw);
      assert.equal(res.body.faultCodeCategory, category);
      assert.equal(res.body.faultCodeDetail, detail);
      assert.equal(typeof res.body.title, 'string');
    });
  }

  it('a notice marked as paid by the EC (paids) is already paid for the Node', async () => {
    const { nav } = await reachState(sb, 'VALID');
    const paids = await sb.ec('POST', `/paymentoptions/paids/${nav}`, { body: { paymentDate: '2025-03-01T10:00:00' } });
    assert.equal(paids.status, 200, paids.raw);
    const res = await verify(sb, rptId(nav));
    assert.deepEqual([res.status, res.body.faultCodeCategory, res.body.faultCodeDetail], [409, 'PAYMENT_DUPLICATED', 'PAA_PAGAMENTO_DUPLICATO']);
  });

  it('an EC unknown to the platform → 404 PAYMENT_DATA_ERROR PPT_DOMINIO_SCONOSCIUTO', async () => {
    const res = await verify(sb, rptId('301999999999999999', '00000000000'));
    assert.deepEqual([res.status, res.body.faultCodeCategory, res.body.faultCodeDetail], [404, 'PAYMENT_DATA_ERROR', 'PPT_DOMINIO_SCONOSCIUTO']);
  });

  it('without reCAPTCHA token → 401; a malformed rptId → 400, not 500', async () => {
    const { nav } = await reachState(sb, 'VALID');
    assert.equal((await verify(sb, rptId(nav), {})).status, 401);
    assert.equal((await verify(sb, rptId(nav), { recaptchaResponse: '' })).status, 401);
    for (const bad of ['123', `${ORG}30100000000000000X`, `${rptId(nav)}0`]) {
      const res = await verify(sb, bad);
      assert.equal(res.status, 400, `${bad}: ${res.raw}`);
    }
  });

  it('feature flags: the PSP page and the payment-methods handler are on', async () => {
    const res = await sb.call('GET', '/checkout/feature-flags/v1/features/values');
    assert.equal(res.status, 200);
    assert.equal(res.body.isPspPickerPageEnabled, true);
    assert.equal(res.body.isPaymentMethodsHandlerEnabled, true);
    assert.equal(res.body.isMaintenancePageEnabled, false);
  });
});

describe('a card payment through the API', () => {
  let env: Env;
  before(async () => {
    env = await setup(0);
  });
  after(() => teardown(env));

  it('ends with outcome 0, the position PAID with the payment data and its receipt', async () => {
    const { sb } = env;
    const { nav, iupd, body } = await reachState(sb, 'VALID');

    const methods = await sb.call('POST', `${V2}/payment-methods`, {
      body: { totalAmount: 10000, paymentNotice: [{ paymentAmount: 10000, primaryCreditorInstitution: ORG }] },
    });
    assert.equal(methods.status, 200, methods.raw);
    const cards = methods.body.paymentMethods.find((m: { paymentTypeCode: string }) => m.paymentTypeCode === 'CP');
    assert.equal(cards.id, CARDS_METHOD_ID);
    assert.equal(cards.status, 'ENABLED');
    assert.ok(cards.feeRange.min <= cards.feeRange.max);

    const session = await cardSession(env, CARD);
    const { orderId, sessionId, res: form } = session;
    const fields = form.body.paymentMethodData.form as Array<{ id: string; src: string; class: string }>;
    assert.deepEqual(
      fields.map((f) => f.id),
      ['CARD_NUMBER', 'EXPIRATION_DATE', 'SECURITY_CODE', 'CARDHOLDER_NAME'],
    );
    assert.ok(fields.every((f) => f.src.startsWith(`${GATEWAY_ORIGIN}/`) && f.class === 'CARD_FIELD'));

    const activation = await activateNav(sb, nav, session);
    assert.equal(activation.status, 200, activation.raw);
    const { transactionId, authToken, payments } = activation.body;
    assert.equal(activation.body.status, 'ACTIVATED');
    assert.equal(activation.body.clientId, 'CHECKOUT');
    assert.equal(payments[0].rptId, rptId(nav));
    assert.equal(payments[0].amount, 10000);
    assert.equal(payments[0].creditorReferenceId, body.paymentOption[0]!.iuv);
    assert.deepEqual(payments[0].transferList, [{ paFiscalCode: ORG, transferAmount: 10000, transferCategory: '9/0101108TS/', digitalStamp: false }]);

    const card = await sb.call('GET', `${V1}/payment-methods/${CARDS_METHOD_ID}/sessions/${orderId}`, { headers: bearer(authToken, transactionId) });
    assert.equal(card.status, 200, card.raw);
    assert.deepEqual(card.body, { sessionId, bin: '424242', lastFourDigits: '4242', expiringDate: '12/30', brand: 'VISA' });

    const fees = await sb.call('POST', `${V2}/payment-methods/${CARDS_METHOD_ID}/fees`, {
      headers: bearer(authToken, transactionId),
      body: { touchpoint: 'CHECKOUT', paymentNotices: [{ paymentAmount: 10000, primaryCreditorInstitution: ORG, transferList: [] }], isAllCCP: false },
    });
    assert.equal(fees.status, 200, fees.raw);
    const bundle = fees.body.bundles.find((b: { idPsp: string }) => b.idPsp === 'WOLLNLB1');
    assert.ok(bundle && Number.isInteger(bundle.taxPayerFee) && bundle.pspBusinessName);

    const auth = await sb.call('POST', `${V1}/transactions/${transactionId}/auth-requests`, {
      headers: bearer(authToken),
      body: {
        amount: 10000,
        fee: bundle.taxPayerFee,
        paymentInstrumentId: CARDS_METHOD_ID,
        pspId: 'WOLLNLB1',
        isAllCCP: false,
        language: 'IT',
        details: { detailType: 'cards', orderId },
      },
    });
    assert.equal(auth.status, 200, auth.raw);
    assert.equal(auth.body.authorizationRequestId, orderId);
    const authorizationUrl = new URL(auth.body.authorizationUrl);
    assert.equal(`${authorizationUrl.origin}${authorizationUrl.pathname}`, `${CHECKOUT_ORIGIN}/gdi-check`);
    const gdi = Buffer.from(new URLSearchParams(authorizationUrl.hash.slice(1)).get('gdiIframeUrl')!, 'base64url').toString();
    assert.equal(gdi, `${GATEWAY_ORIGIN}/monetaweb/gdi/${sessionId}`);

    const pending = await sb.call('GET', `${V1}/transactions/${transactionId}/outcomes`, { headers: bearer(authToken) });
    assert.deepEqual(pending.body, { outcome: 17, isFinalStatus: false }, 'not final before the gateway authorizes');

    const authorized = await env.gatewayApp.inject({ method: 'POST', url: `/monetaweb/gdi/${sessionId}/authorize` });
    assert.equal(authorized.statusCode, 200, authorized.body);
    assert.match(authorized.json<{ redirectUrl: string }>().redirectUrl, new RegExp(`^${CHECKOUT_ORIGIN}/esito\\?t=\\d+$`));

    const outcome = await sb.call('GET', `${V1}/transactions/${transactionId}/outcomes`, { headers: bearer(authToken) });
    // totalAmount is the amount paid fees excluded (TransactionOutcomeInfo); the front end shows totalAmount + fees.
    assert.deepEqual(outcome.body, { outcome: 0, isFinalStatus: true, totalAmount: 10000, fees: bundle.taxPayerFee });

    const position = await sb.ec('GET', `/debtpositions/${iupd}`);
    assert.equal(position.body.status, 'PAID');
    const option = position.body.paymentOption[0];
    assert.equal(option.status, 'PO_PAID');
    assert.equal(option.idReceipt, payments[0].paymentToken);
    assert.equal(option.pspCompany, bundle.pspBusinessName);
    assert.equal(option.fee, bundle.taxPayerFee);
    assert.equal(option.paymentMethod, 'CP');
    assert.equal(option.paymentDate, position.body.paymentDate);

    const receipt = await sb.call('GET', `/gpd/payments-receipts-service/v1/payments/${ORG}/receipts/${body.paymentOption[0]!.iuv}`, {
      headers: { 'ocp-apim-subscription-key': KEYS.receipts },
    });
    assert.equal(receipt.status, 200, receipt.raw);
    assert.match(receipt.raw, new RegExp(`<receiptId>${payments[0].paymentToken}</receiptId>`));
    assert.match(receipt.raw, /<idPSP>WOLLNLB1<\/idPSP>/);

    const again = await verify(sb, rptId(nav));
    assert.equal(again.body.faultCodeDetail, 'PAA_PAGAMENTO_DUPLICATO', 'once paid, the notice is paid for Checkout');
  });
});

describe('outcome polling', () => {
  it('stays "in progress" (17, not final) for the configured delay after the payment', async () => {
    const env = await setup(60_000);
    try {
      const { nav } = await reachState(env.sb, 'VALID');
      const session = await cardSession(env);
      const { orderId, sessionId } = session;
      const { transactionId, authToken } = (await activateNav(env.sb, nav, session)).body;
      const auth = await authRequest(env.sb, { transactionId, authToken }, goodAuth(orderId));
      assert.equal(auth.status, 200, auth.raw);
      assert.equal((await env.gatewayApp.inject({ method: 'POST', url: `/monetaweb/gdi/${sessionId}/authorize` })).statusCode, 200);
      const outcome = await env.sb.call('GET', `${V1}/transactions/${transactionId}/outcomes`, { headers: bearer(authToken) });
      assert.deepEqual(outcome.body, { outcome: 17, isFinalStatus: false });
    } finally {
      await teardown(env);
    }
  });
});

describe('refusals', () => {
  let env: Env;
  before(async () => {
    env = await setup(0);
  });
  after(() => teardown(env));

  it('one open transaction per notice: a second activation is PAYMENT_ONGOING until the first is deleted', async () => {
    const { sb } = env;
    const { nav } = await reachState(sb, 'VALID');
    const first = await activateNav(sb, nav, await cardSession(env));
    assert.equal(first.status, 200, first.raw);
    const second = await activateNav(sb, nav, await cardSession(env));
    assert.deepEqual([second.status, second.body.faultCodeCategory, second.body.faultCodeDetail], [409, 'PAYMENT_ONGOING', 'PPT_PAGAMENTO_IN_CORSO']);

    const { transactionId, authToken } = first.body;
    assert.equal((await sb.call('DELETE', `${V1}/transactions/${transactionId}`, { headers: bearer('wrong') })).status, 401);
    assert.equal((await sb.call('DELETE', `${V1}/transactions/${transactionId}`, { headers: bearer(authToken) })).status, 202);
    const outcome = await sb.call('GET', `${V1}/transactions/${transactionId}/outcomes`, { headers: bearer(authToken) });
    assert.deepEqual(outcome.body, { outcome: 8, isFinalStatus: true }, 'canceled by the user');
    const third = await activateNav(sb, nav, await cardSession(env));
    assert.equal(third.status, 200, third.raw);
  });

  it('activation maps the GPD state like verify, and needs the reCAPTCHA token', async () => {
    const { sb } = env;
    const invalid = await reachState(sb, 'INVALID');
    const res = await activateNav(sb, invalid.nav, await cardSession(env));
    assert.deepEqual([res.status, res.body.faultCodeCategory, res.body.faultCodeDetail], [409, 'PAYMENT_CANCELED', 'PAA_PAGAMENTO_ANNULLATO']);
    const { nav } = await reachState(sb, 'VALID');
    const noToken = await sb.call('POST', `${V2}/transactions`, {
      body: { paymentNotices: [{ rptId: rptId(nav), amount: 10000 }], email: 'a@b.it', orderId: 'x' },
    });
    assert.equal(noToken.status, 401);
  });

  it('malformed activation bodies → 400 with a reason', async () => {
    const { sb } = env;
    const { nav } = await reachState(sb, 'VALID');
    const good = { paymentNotices: [{ rptId: rptId(nav), amount: 10000 }], email: 'payer@example.org', orderId: 'E1' };
    const bodies: unknown[] = [
      { ...good, paymentNotices: [] },
      { ...good, paymentNotices: [null] },
      { ...good, paymentNotices: 'all' },
      { ...good, paymentNotices: [{ rptId: '123', amount: 10000 }] },
      { ...good, paymentNotices: [{ rptId: rptId(nav), amount: 'ten' }] },
      { ...good, email: 'not-an-email' },
      { ...good, orderId: undefined },
      [good],
    ];
    for (const body of bodies) {
      const res = await sb.call('POST', `${V2}/transactions`, { query: { recaptchaResponse: 't' }, body });
      assert.equal(res.status, 400, `${JSON.stringify(body)} → ${res.raw}`);
      assert.equal(typeof res.body.detail, 'string');
    }
    const syntax = await sb.call('POST', `${V2}/transactions`, {
      query: { recaptchaResponse: 't' },
      payload: '{"paymentNotices":',
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(syntax.status, 400);
  });

  it('transaction calls need the bearer token of that transaction', async () => {
    const { sb } = env;
    const { nav } = await reachState(sb, 'VALID');
    const session = await cardSession(env);
    const { orderId } = session;
    const { transactionId, authToken } = (await activateNav(sb, nav, session)).body;
    const other = (await activateNav(sb, (await reachState(sb, 'VALID')).nav, await cardSession(env))).body;
    for (const headers of [{}, bearer('nope', transactionId), bearer(other.authToken, transactionId)]) {
      assert.equal((await sb.call('GET', `${V1}/transactions/${transactionId}/outcomes`, { headers })).status, 401);
      assert.equal((await sb.call('GET', `${V1}/payment-methods/${CARDS_METHOD_ID}/sessions/${orderId}`, { headers })).status, 401);
    }
    assert.equal((await sb.call('GET', `${V2}/transactions/${transactionId}`, { headers: bearer(authToken) })).body.status, 'ACTIVATED');
  });

  it('auth-request: wrong amount or order → 400; a PSP and fee no bundle offers → 409 as the transactions service; a transaction already authorized → 409', async () => {
    const { sb } = env;
    const { nav } = await reachState(sb, 'VALID');
    const session = await cardSession(env);
    const { orderId } = session;
    const { transactionId, authToken } = (await activateNav(sb, nav, session)).body;
    const good = goodAuth(orderId);
    const url = `${V1}/transactions/${transactionId}/auth-requests`;
    // pagopa-ecommerce-transactions-service (9a703607) TransactionsService.findMatchingBundle and
    // TransactionsController.unsatisfiablePspRequestHandler: the fee in whole euros (integer division), the language,
    // the transaction id as payment token.
    for (const body of [
      { ...good, fee: 1 },
      { ...good, fee: 1234 },
      { ...good, pspId: 'UNKNOWNPSP' },
    ]) {
      const res = await sb.call('POST', url, { headers: bearer(authToken), body });
      assert.deepEqual(
        [res.status, res.body],
        [
          409,
          {
            title: 'Cannot find a PSP with the requested parameters',
            status: 409,
            detail: `Cannot find a PSP with fee ${Math.trunc(body.fee / 100)} and language IT for transaction with payment token '${transactionId}'`,
          },
        ],
        `${JSON.stringify(body)} → ${res.raw}`,
      );
    }
    for (const body of [
      { ...good, amount: 9999 },
      { ...good, paymentInstrumentId: 'other' },
      { ...good, details: { detailType: 'cards', orderId: 'another' } },
    ]) {
      const res = await sb.call('POST', url, { headers: bearer(authToken), body });
      assert.equal(res.status, 400, `${JSON.stringify(body)} → ${res.raw}`);
    }
    assert.equal((await sb.call('POST', url, { headers: bearer(authToken), body: good })).status, 200);
    assert.equal((await sb.call('POST', url, { headers: bearer(authToken), body: good })).status, 409);
  });

  it('auth-request before the card data are complete → 409', async () => {
    const { sb } = env;
    const { nav } = await reachState(sb, 'VALID');
    const session = await cardSession(env, { CARD_NUMBER: CARD.CARD_NUMBER });
    const { orderId } = session;
    const { transactionId, authToken } = (await activateNav(sb, nav, session)).body;
    const res = await authRequest(sb, { transactionId, authToken }, goodAuth(orderId));
    assert.equal(res.status, 409, res.raw);
  });

  it('malformed bodies on every POST get a 4xx, never a 500', async () => {
    const { sb } = env;
    const { nav } = await reachState(sb, 'VALID');
    const { transactionId, authToken } = (await activateNav(sb, nav, await cardSession(env))).body;
    const posts = [
      [`${V2}/payment-methods`, {}],
      [`${V2}/transactions`, {}],
      [`${V2}/payment-methods/${CARDS_METHOD_ID}/fees`, bearer(authToken, transactionId)],
      [`${V1}/transactions/${transactionId}/auth-requests`, bearer(authToken)],
    ] as const;
    for (const [url, headers] of posts) {
      for (const payload of [undefined, 'null', '[]', '"x"', '42', '{"a":1}', '{bad', '{"paymentNotices":[null],"details":null,"totalAmount":"x"}']) {
        const res = await sb.call('POST', url, {
          query: { recaptchaResponse: 't' },
          headers: payload === undefined ? headers : { ...headers, 'content-type': 'application/json' },
          ...(payload === undefined ? {} : { payload }),
        });
        assert.ok(res.status >= 400 && res.status < 500, `${url} ${String(payload)} → ${res.status} ${res.raw}`);
      }
    }
  });

  it('an unknown payment method → 404', async () => {
    const res = await env.sb.call('POST', `${V1}/payment-methods/not-a-method/sessions`, { headers: { origin: CHECKOUT_ORIGIN } });
    assert.equal(res.status, 404);
  });
});
