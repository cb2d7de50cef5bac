// The Checkout carts API (`/checkout/ec/v1|v2/carts`): the gateway's key, the service's validations and
// texts (one 400 for any formal error, 422 for duplicates and for notices the Node will not take), the 302
// to the redirect page, the cart the front end reads back, and a cart of several notices paid in one
// transaction (each option PAID on GPD, each with its receipt). Malformed carts change nothing.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { after, before, describe, it } from 'node:test';
import { KEYS, ORG, startSandbox, type TestSandbox } from '../test-helpers.ts';
import { CARTS_V1, CARTS_V2, isJavaUri, MAX_CART_NOTICES } from './carts.ts';
import { activate, authRequest, bearer, cardSession, goodAuth, outcome, setup, teardown, V1, validNotice, type Env } from './checkout-test-helpers.ts';

const RETURN_URLS = {
  returnOkUrl: 'https://portale.comune.test/pagopa/ok',
  returnCancelUrl: 'https://portale.comune.test/pagopa/annullato',
  returnErrorUrl: 'https://portale.comune.test/pagopa/errore',
};
const INVALID = { title: 'Request validation error', status: 400, detail: 'The input request is invalid' };

type Notice = Awaited<ReturnType<typeof validNotice>>;
const cartNotice = (n: Notice, amount = 10000) => ({
  noticeNumber: n.nav,
  fiscalCode: ORG,
  amount,
  companyName: 'Comune di Test',
  description: 'Tassa rifiuti',
});

const postCart = (
  sb: TestSandbox,
  body: unknown,
  {
    prefix = CARTS_V1,
    key = null as string | null,
    payload,
    caller,
  }: { prefix?: string; key?: string | null; payload?: string; /** X-Forwarded-For: the address APIM counts calls by. */ caller?: string } = {},
) =>
  sb.call('POST', `${prefix}/carts`, {
    headers: {
      ...(key === null ? {} : { 'ocp-apim-subscription-key': key }),
      ...(caller === undefined ? {} : { 'x-forwarded-for': caller }),
      'content-type': 'application/json',
    },
    ...(payload === undefined ? { body } : { payload }),
  });

const cartIdOf = (location: string) =>
  /\/carts\/([0-9a-f-]{36})\/redirect\?clientId=CHECKOUT_CART$/.exec(new URL(location).pathname + new URL(location).search)?.[1];

describe('Checkout carts API', () => {
  let env: Env;
  let sb: TestSandbox;
  let notices: Notice[];
  before(async () => {
    env = await setup();
    sb = env.sb;
    notices = [];
    for (let i = 0; i < 6; i++) notices.push(await validNotice(sb, 10000 + i * 100));
  });
  after(() => teardown(env));

  it('needs no key (APIM: the API does not require a subscription); a key of another product → 401, nothing stored', async () => {
    // pagopa-infra src/domains/checkout-app/04_apim_checkout_ec.tf: API "checkout/ec" subscription_required = false,
    // only in product checkout-ec; APIM refuses a key that is not scoped to the API or its product.
    const body = () => ({ paymentNotices: [cartNotice(notices[0]!)], returnUrls: RETURN_URLS });
    const stored = env.carts.size;
    for (const key of [KEYS.gpd, KEYS.receipts, 'not-a-key-of-anyone']) {
      const refused = await postCart(sb, body(), { key });
      assert.equal(refused.status, 401, refused.raw);
      assert.deepEqual(refused.body, {
        statusCode: 401,
        message: 'Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.',
      });
    }
    assert.equal(env.carts.size, stored, 'a refused cart is not stored');
    const anonymous = await postCart(sb, body());
    assert.equal(anonymous.status, 302, anonymous.raw);
    const withProductKey = await postCart(sb, body(), { key: KEYS.checkoutEc });
    assert.equal(withProductKey.status, 302, withProductKey.raw);
  });

  it('APIM limits the carts API to 150 calls per 10 s per caller address (X-Forwarded-For), then 429 with Retry-After', async () => {
    const limited = await startSandbox({ rateLimits: { carts: { calls: 3, periodMs: 10_000 } } });
    try {
      const post = (caller: string) => postCart(limited, {}, { caller });
      for (let i = 0; i < 3; i++) assert.equal((await post('192.0.2.1')).status, 400, 'within the limit the service answers (an empty cart: 400)');
      const over = await post('192.0.2.1');
      assert.equal(over.status, 429, over.raw);
      assert.match(String(over.headers['retry-after']), /^\d+$/);
      assert.equal((await post('192.0.2.2')).status, 400, 'another caller has its own count');
    } finally {
      await limited.close();
    }
  });

  it('a valid cart of one notice → 302 to the redirect page, which sends the browser to /c/<cartId>; the cart reads back as sent', async () => {
    const body = {
      paymentNotices: [cartNotice(notices[0]!)],
      returnUrls: RETURN_URLS,
      emailNotice: 'mario.rossi@example.org',
      idCart: 'ec-cart-1',
      allCCP: false,
    };
    const stored = env.carts.size;
    const res = await postCart(sb, body);
    assert.equal(res.status, 302, res.raw);
    assert.equal(env.carts.size, stored + 1);
    assert.equal(res.raw, '');
    const location = String(res.headers.location);
    const cartId = cartIdOf(location);
    assert.ok(cartId, location);
    assert.equal(new URL(location).pathname, `${V1}/carts/${cartId}/redirect`);

    const page = await sb.call('GET', `${V1}/carts/${cartId}/redirect?clientId=CHECKOUT_CART`);
    assert.equal(page.status, 200);
    assert.match(String(page.headers['content-type']), /^text\/html/);
    assert.match(page.raw, new RegExp(`<meta http-equiv="refresh" content="0; url=http://localhost(?::\\d+)?/c/${cartId}\\?clientId=CHECKOUT_CART">`));

    const cart = await sb.call('GET', `${V1}/carts/${cartId}`);
    assert.equal(cart.status, 200, cart.raw);
    assert.deepEqual(cart.body, { paymentNotices: body.paymentNotices, returnUrls: RETURN_URLS, emailNotice: body.emailNotice, idCart: 'ec-cart-1' });
    // The front end's cart route is served.
    const app = await sb.call('GET', `/c/${cartId}?clientId=CHECKOUT_CART`);
    assert.equal(app.status, 200);
    assert.match(app.raw, /<main id="root"/);
  });

  it('v2 requires returnWaitingUrl and keeps it; v1 does not require it', async () => {
    const body = { paymentNotices: [cartNotice(notices[1]!)], returnUrls: RETURN_URLS };
    assert.deepEqual((await postCart(sb, body, { prefix: CARTS_V2 })).body, INVALID);
    const v2 = await postCart(sb, { ...body, returnUrls: { ...RETURN_URLS, returnWaitingUrl: 'https://portale.comune.test/attesa' } }, { prefix: CARTS_V2 });
    assert.equal(v2.status, 302, v2.raw);
    const cart = await sb.call('GET', `${V1}/carts/${cartIdOf(String(v2.headers.location))}`);
    assert.equal(cart.body.returnUrls.returnWaitingUrl, 'https://portale.comune.test/attesa');
    assert.equal((await postCart(sb, body)).status, 302);
  });

  it('the contract example (relative return URLs, allCCP "false") is accepted, as java.net.URI and Jackson take it', async () => {
    const res = await postCart(sb, {
      paymentNotices: [cartNotice(notices[2]!)],
      returnUrls: {
        returnOkUrl: 'www.comune.di.prova.it/pagopa/success.html',
        returnCancelUrl: 'www.comune.di.prova.it/pagopa/cancel.html',
        returnErrorUrl: 'www.comune.di.prova.it/pagopa/error.html',
      },
      idCart: 'id_cart',
      allCCP: 'false',
    });
    assert.equal(res.status, 302, res.raw);
  });

  it('formal errors → 400 "Request validation error" with the service body; no cart is created', async () => {
    const good = { paymentNotices: [cartNotice(notices[0]!)], returnUrls: RETURN_URLS };
    const six = { ...good, paymentNotices: notices.map((n) => cartNotice(n)) };
    assert.equal(six.paymentNotices.length, MAX_CART_NOTICES + 1);
    const withNotice = (patch: Record<string, unknown>) => ({ ...good, paymentNotices: [{ ...cartNotice(notices[0]!), ...patch }] });
    const withUrls = (patch: Record<string, unknown>) => ({ ...good, returnUrls: { ...RETURN_URLS, ...patch } });
    const cases: Array<[string, unknown]> = [
      ['six notices', six],
      ['no notices', { ...good, paymentNotices: [] }],
      ['paymentNotices missing', { returnUrls: RETURN_URLS }],
      ['returnUrls missing', { paymentNotices: good.paymentNotices }],
      ['returnOkUrl missing', { ...good, returnUrls: { returnCancelUrl: 'a', returnErrorUrl: 'b' } }],
      ['notice number of 17 digits', withNotice({ noticeNumber: notices[0]!.nav.slice(1) })],
      ['notice number of 19 digits', withNotice({ noticeNumber: `${notices[0]!.nav}0` })],
      ['fiscal code of 10 digits', withNotice({ fiscalCode: ORG.slice(1) })],
      ['amount 0', withNotice({ amount: 0 })],
      ['amount negative', withNotice({ amount: -100 })],
      ['amount not a number', withNotice({ amount: 'dieci' })],
      ['amount missing', withNotice({ amount: null })],
      ['companyName of 141 characters', withNotice({ companyName: 'x'.repeat(141) })],
      ['description missing', withNotice({ description: undefined })],
      ['notice number not a string', withNotice({ noticeNumber: { a: 1 } })],
      ['return URL with a space', withUrls({ returnOkUrl: 'https://portale.comune.test/ok page' })],
      ['return URL without scheme-specific part', withUrls({ returnErrorUrl: 'https:' })],
      ['return URL without authority', withUrls({ returnCancelUrl: 'https://' })],
      ['emailNotice not an e-mail', { ...good, emailNotice: 'mario.rossi' }],
      ['allCCP not a boolean', { ...good, allCCP: 'forse' }],
      ['notice number with a slash (not an RptId)', withNotice({ noticeNumber: `30200000000000/100` })],
      ['a JSON array', [good]],
    ];
    const stored = env.carts.size;
    for (const [name, body] of cases) {
      const res = await postCart(sb, body);
      assert.equal(res.status, 400, `${name}: ${res.raw}`);
      assert.deepEqual(res.body, INVALID, name);
      assert.equal(res.headers.location, undefined, name);
    }
    for (const payload of ['', '{', 'null', '"x"']) {
      const res = await postCart(sb, undefined, { payload });
      assert.deepEqual([res.status, res.body], [400, INVALID], JSON.stringify(payload));
    }
    const xml = await sb.call('POST', `${CARTS_V1}/carts`, {
      headers: { 'content-type': 'application/xml' },
      payload: '<cart/>',
    });
    assert.equal(xml.status, 415, xml.raw);
    assert.equal(env.carts.size, stored, 'a refused cart is not stored');
  });

  it('duplicate notices → 422 "Invalid payment info" / "Duplicate payment notice values found."', async () => {
    const stored = env.carts.size;
    const res = await postCart(sb, { paymentNotices: [cartNotice(notices[3]!), cartNotice(notices[3]!, 500)], returnUrls: RETURN_URLS });
    assert.equal(res.status, 422, res.raw);
    assert.equal(env.carts.size, stored);
    assert.deepEqual(res.body, { title: 'Invalid payment info', status: 422, detail: 'Duplicate payment notice values found.' });
  });

  it('a notice the Node will not take (unknown, or of an unknown EC) → 422 "Invalid payment notice data"', async () => {
    const unknownNotice = { ...cartNotice(notices[4]!), noticeNumber: '302999999999999999' };
    const unknownEc = { ...cartNotice(notices[4]!), fiscalCode: '12345678901' };
    const stored = env.carts.size;
    for (const bad of [unknownNotice, unknownEc]) {
      const res = await postCart(sb, { paymentNotices: [cartNotice(notices[4]!), bad], returnUrls: RETURN_URLS });
      assert.equal(res.status, 422, res.raw);
      assert.deepEqual(res.body, { title: 'Invalid payment info', status: 422, detail: 'Invalid payment notice data' });
    }
    assert.equal(env.carts.size, stored);
  });

  it('GET cart: an id that is not a UUID → 400, an unknown one → 404 "Cart not found"', async () => {
    assert.deepEqual((await sb.call('GET', `${V1}/carts/not-a-uuid`)).body, INVALID);
    const id = '11111111-2222-4333-8444-555555555555';
    const res = await sb.call('GET', `${V1}/carts/${id}`);
    assert.equal(res.status, 404);
    assert.deepEqual(res.body, { title: 'Cart not found', status: 404, detail: `Cart with id ${id} not found` });
    assert.equal((await sb.call('GET', `${V1}/carts/${id}/redirect`)).status, 404);
  });
});

describe('a cart of several notices paid in one transaction', () => {
  let env: Env;
  before(async () => {
    env = await setup();
  });
  after(() => teardown(env));

  it('each option PAID on GPD, each with its receipt; the outcome is final', async () => {
    const sb = env.sb;
    const notices = [await validNotice(sb, 12000), await validNotice(sb, 3050), await validNotice(sb, 99)];
    const posted = await postCart(sb, { paymentNotices: notices.map((n) => cartNotice(n, 1)), returnUrls: RETURN_URLS });
    assert.equal(posted.status, 302, posted.raw);
    const cart = await sb.call('GET', `${V1}/carts/${cartIdOf(String(posted.headers.location))}`);
    const toPay = cart.body.paymentNotices.map((n: { fiscalCode: string; noticeNumber: string; amount: number }) => ({
      rptId: n.fiscalCode + n.noticeNumber,
      amount: n.amount,
    }));
    const { orderId, correlationId, sessionId } = await cardSession(env);
    const activation = await activate(sb, toPay, { orderId, correlationId });
    assert.equal(activation.status, 200, activation.raw);
    assert.equal(activation.body.payments.length, 3);
    const t = { transactionId: activation.body.transactionId as string, authToken: activation.body.authToken as string };
    const total = notices.reduce((sum, n) => sum + n.body.paymentOption[0]!.amount, 0);
    const auth = await authRequest(sb, t, goodAuth(orderId, total));
    assert.equal(auth.status, 200, auth.raw);
    assert.equal((await env.gatewayApp.inject({ method: 'POST', url: `/monetaweb/gdi/${sessionId}/authorize` })).statusCode, 200);
    const final = await outcome(sb, t);
    assert.equal(final.body.outcome, 0, final.raw);
    for (const n of notices) {
      const position = await sb.ec('GET', `/debtpositions/${n.iupd}`);
      assert.equal(position.body.status, 'PAID', position.raw);
      assert.equal(position.body.paymentOption[0].status, 'PO_PAID');
      const receipt = await sb.call('GET', `/gpd/payments-receipts-service/v1/payments/${ORG}/receipts/${n.iuv}`, {
        headers: { 'ocp-apim-subscription-key': KEYS.receipts },
      });
      assert.equal(receipt.status, 200, receipt.raw);
    }
    // The transaction is the cart's: the token reads it back with its three payments.
    const read = await sb.call('GET', `${V1}/transactions/${t.transactionId}`, { headers: bearer(t.authToken) });
    assert.equal(read.body.payments.length, 3);
    // Paid notices are no longer payable: the same cart again → 422.
    const again = await postCart(sb, { paymentNotices: notices.map((n) => cartNotice(n)), returnUrls: RETURN_URLS });
    assert.deepEqual([again.status, again.body.detail], [422, 'Invalid payment notice data']);
  });
});

describe('hostile carts (property-based)', () => {
  let env: Env;
  before(async () => {
    env = await setup();
  });
  after(() => teardown(env));

  it('any mutation of a valid cart: never a 5xx; stored exactly when answered 302', async () => {
    const sb = env.sb;
    const notice = await validNotice(sb);
    const valid = () => ({ paymentNotices: [cartNotice(notice)], returnUrls: { ...RETURN_URLS }, emailNotice: 'a@b.it', idCart: 'x' });
    const KEYS_AT = {
      cart: ['paymentNotices', 'returnUrls', 'emailNotice', 'idCart', 'allCCP', '__proto__', 'constructor'],
      notice: ['noticeNumber', 'fiscalCode', 'amount', 'companyName', 'description', '__proto__'],
      urls: ['returnOkUrl', 'returnCancelUrl', 'returnErrorUrl', 'returnWaitingUrl', 'toString'],
    } as const;
    const seen = new Set<number>();
    let run = 0;
    const mutation = fc.tuple(
      fc.constantFrom('cart', 'notice', 'urls'),
      fc.nat(6),
      fc.oneof(
        fc.jsonValue({ maxDepth: 2 }),
        fc.constantFrom('', ' ', '%zz', 'https://', 'x'.repeat(200), '302000000000000000', '1e3', '1.5', '-1', '9'.repeat(30)),
      ),
      fc.boolean(),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.constantFrom(CARTS_V1, CARTS_V2), async (mutations, prefix) => {
        const body = valid() as Record<string, unknown>;
        for (const [where, index, value, drop] of mutations) {
          const notices = body.paymentNotices;
          const target = (where === 'cart' ? body : where === 'notice' ? (Array.isArray(notices) ? notices[0] : undefined) : body.returnUrls) as Record<
            string,
            unknown
          >;
          if (typeof target !== 'object' || target === null) continue;
          const names = KEYS_AT[where];
          const name = names[index % names.length]!;
          if (drop) delete target[name];
          else Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
        }
        const stored = env.carts.size;
        // Each run from its own address: 400 runs from one would meet APIM's 150 calls / 10 s.
        const res = await postCart(sb, undefined, { prefix, payload: JSON.stringify(body), caller: `198.51.100.${(run++ % 250) + 1}` });
        seen.add(res.status);
        assert.ok(res.status < 500, `${res.status} ${res.raw}`);
        assert.ok([302, 400, 422].includes(res.status), `${res.status} ${res.raw}`);
        assert.equal(env.carts.size, stored + (res.status === 302 ? 1 : 0), res.raw);
      }),
      { seed: 20261207, numRuns: 400 },
    );
    assert.ok(seen.has(302) && seen.has(400), `statuses seen: ${[...seen].join(', ')}`);
  });
});

describe('isJavaUri', () => {
  it('accepts what java.net.URI parses and refuses what it does not', () => {
    for (const ok of ['https://a.it/x?y=1#z', 'www.comune.it/ok.html', '/relative', '', 'mailto:a@b.it', 'https://a.it/%C3%A8', 'https://a.it/è'])
      assert.ok(isJavaUri(ok), ok);
    for (const bad of ['https://a.it/a b', 'https://a.it/<x>', 'https://a.it/%zz', 'https:', '1http://a.it', 'https://', 'a#b#c', 'https://a.it/{x}'])
      assert.ok(!isJavaUri(bad), bad);
  });
});
