// The card gateway stand-in (its rules: card-rules.test.ts): the SDK and field pages it serves, and the card
// store behind the hosted fields (values checked again on the server, session ready only when complete).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildCardGatewayApp, CardGateway, type CardSession } from './card-gateway.ts';
import { storeFields } from './checkout-test-helpers.ts';

describe('card gateway app', () => {
  let gateway: CardGateway;
  let app: FastifyInstance;
  let session: CardSession;
  before(async () => {
    gateway = new CardGateway();
    gateway.origin = 'http://gateway.test';
    app = await buildCardGatewayApp(gateway);
  });
  after(() => app.close());

  const store = (s: CardSession, fieldValues: Array<{ id: string; value: string }>) => storeFields(app, s.sessionId, fieldValues);

  it('serves the SDK defining the global Build class', async () => {
    const res = await app.inject({ method: 'GET', url: '/monetaweb/resources/hfsdk.js' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /javascript/);
    assert.match(res.body, /window\.Build = Build/);
    assert.match(res.body, /confirmData/);
  });

  it("serves one page per field, with the field's input and the opener's origin only", async () => {
    session = gateway.open('http://checkout.test', 'it');
    const form = gateway.form(session);
    assert.deepEqual(
      form.map((f) => f.id),
      ['CARD_NUMBER', 'EXPIRATION_DATE', 'SECURITY_CODE', 'CARDHOLDER_NAME'],
    );
    for (const field of form) {
      const url = new URL(field.src);
      assert.equal(url.origin, 'http://gateway.test');
      const res = await app.inject({ method: 'GET', url: `${url.pathname}${url.search}` });
      assert.equal(res.statusCode, 200, field.id);
      assert.match(res.body, new RegExp(`<input\\s+id="${field.id}"`));
      assert.match(res.body, /data-parent="http:\/\/checkout\.test"/);
    }
    const english = gateway.open('http://checkout.test', 'en');
    const page = await app.inject({ method: 'GET', url: `/fe/build/field/CARD_NUMBER?sessionid=${english.sessionId}` });
    assert.match(page.body, /aria-label="Card number"/);
    assert.equal((await app.inject({ method: 'GET', url: '/fe/build/field/CARD_NUMBER?sessionid=unknown' })).statusCode, 404);
    assert.equal((await app.inject({ method: 'GET', url: `/fe/build/field/PIN?sessionid=${session.sessionId}` })).statusCode, 404);
  });

  it('stores valid values and refuses invalid ones with 400; ready for payment only with all four', async () => {
    const s = gateway.open('http://checkout.test', 'it');
    for (const bad of [
      { id: 'CARD_NUMBER', value: '4242424242424241' },
      { id: 'EXPIRATION_DATE', value: '01/20' },
      { id: 'SECURITY_CODE', value: '12' },
      { id: 'PIN', value: '1234' },
    ]) {
      const res = await store(s, [bad]);
      assert.equal(res.statusCode, 400, `${bad.id}: ${res.body}`);
      assert.match(res.json<{ detail: string }>().detail, new RegExp(bad.id));
    }
    assert.equal(gateway.masked(s), undefined);
    let state = '';
    for (const [id, value] of Object.entries({ CARD_NUMBER: '5255000260000014', EXPIRATION_DATE: '1230', SECURITY_CODE: '123' })) {
      state = (await store(s, [{ id, value }])).json<{ state: string }>().state;
    }
    assert.equal(state, 'CARD_DATA_COLLECTION');
    assert.equal((await store(s, [{ id: 'CARDHOLDER_NAME', value: 'Test test' }])).json<{ state: string }>().state, 'READY_FOR_PAYMENT');
    assert.deepEqual(gateway.masked(s), { bin: '525500', lastFourDigits: '0014', expiringDate: '12/30', brand: 'MASTERCARD' });
  });

  it('refuses an unknown session and a body without fieldValues', async () => {
    const unknown = await app.inject({
      method: 'POST',
      url: '/fe/build/text/',
      headers: { session: 'nope', 'content-type': 'application/json' },
      payload: '{}',
    });
    assert.equal(unknown.statusCode, 401);
    const s = gateway.open('http://checkout.test', 'it');
    assert.equal(
      (await app.inject({ method: 'POST', url: '/fe/build/text/', headers: { session: s.sessionId, 'content-type': 'application/json' }, payload: '{}' }))
        .statusCode,
      400,
    );
  });

  it('the GDI page authorizes only a session ready for payment, once', async () => {
    const s = gateway.open('http://checkout.test', 'it');
    const page = await app.inject({ method: 'GET', url: `/monetaweb/gdi/${s.sessionId}` });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /data-parent="http:\/\/checkout\.test"/);
    assert.equal((await app.inject({ method: 'POST', url: `/monetaweb/gdi/${s.sessionId}/authorize` })).statusCode, 409, 'no card data yet');

    let authorized = 0;
    gateway.onAuthorize(async () => {
      authorized += 1;
    });
    await store(s, [
      { id: 'CARD_NUMBER', value: '4242424242424242' },
      { id: 'EXPIRATION_DATE', value: '12/30' },
      { id: 'SECURITY_CODE', value: '123' },
      { id: 'CARDHOLDER_NAME', value: 'Test test' },
    ]);
    for (let i = 0; i < 2; i++) {
      const res = await app.inject({ method: 'POST', url: `/monetaweb/gdi/${s.sessionId}/authorize` });
      assert.equal(res.statusCode, 200);
      assert.match(res.json<{ redirectUrl: string }>().redirectUrl, /^http:\/\/checkout\.test\/esito\?t=\d+$/);
    }
    assert.equal(authorized, 1, 'a reload of the GDI page does not pay twice');
    assert.equal((await app.inject({ method: 'POST', url: '/monetaweb/gdi/unknown/authorize' })).statusCode, 404);
  });
});

describe('card sessions', () => {
  it('have distinct 18-character order ids, and a refused request stores none of its values', () => {
    const gateway = new CardGateway();
    const ids = new Set(Array.from({ length: 1000 }, () => gateway.open('http://checkout.test', 'it').orderId));
    assert.equal(ids.size, 1000);
    assert.ok([...ids].every((id) => id.length === 18));
    const session = gateway.open('http://checkout.test', 'it');
    assert.throws(() =>
      gateway.store(
        session,
        [
          { id: 'CARD_NUMBER', value: '4242424242424242' },
          { id: 'SECURITY_CODE', value: '1' },
        ],
        new Date(),
      ),
    );
    assert.deepEqual(session.values, {});
  });
});
