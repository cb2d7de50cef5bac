// The card gateway stand-in: its validation rules, the SDK and field pages it serves, and the card
// store behind the hosted fields (values checked again on the server, session ready only when complete).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildCardGatewayApp, CardGateway, type CardSession } from './card-gateway.ts';
import { cardBrand, fieldError, luhn } from './card-rules.ts';

const NOW = new Date(Date.UTC(2026, 10, 28, 12)); // November 2026

describe('card rules', () => {
  it('Luhn accepts test cards and refuses a changed digit', () => {
    for (const pan of ['4242424242424242', '5255000260000014', '378282246310005']) {
      assert.ok(luhn(pan), pan);
      assert.ok(!luhn(`${pan.slice(0, -1)}${(Number(pan.at(-1)) + 1) % 10}`), pan);
    }
  });

  it('brands by prefix; unknown circuits are HF0005', () => {
    assert.equal(cardBrand('4242424242424242'), 'VISA');
    assert.equal(cardBrand('5255000260000014'), 'MASTERCARD');
    assert.equal(cardBrand('2221000000000009'), 'MASTERCARD');
    assert.equal(cardBrand('378282246310005'), 'AMEX');
    assert.equal(cardBrand('9999999999999995'), undefined);
    assert.equal(fieldError('CARD_NUMBER', '9999999999999995', NOW), 'HF0005');
  });

  it('card number: 12-19 digits, Luhn-valid, spaces allowed', () => {
    assert.equal(fieldError('CARD_NUMBER', '4242 4242 4242 4242', NOW), undefined);
    assert.equal(fieldError('CARD_NUMBER', '4242424242424241', NOW), 'HF0004');
    assert.equal(fieldError('CARD_NUMBER', '42424242', NOW), 'HF0004');
    assert.equal(fieldError('CARD_NUMBER', '', NOW), 'HF0004');
  });

  it('expiry: MM/YY or MMYY, valid through the last day of its month', () => {
    assert.equal(fieldError('EXPIRATION_DATE', '12/30', NOW), undefined);
    assert.equal(fieldError('EXPIRATION_DATE', '1230', NOW), undefined);
    assert.equal(fieldError('EXPIRATION_DATE', '11/26', NOW), undefined, 'this month is still valid');
    assert.equal(fieldError('EXPIRATION_DATE', '10/26', NOW), 'HF0006', 'last month has expired');
    assert.equal(fieldError('EXPIRATION_DATE', '11/26', new Date(Date.UTC(2026, 11, 1))), 'HF0006', 'expired once the month is over');
    assert.equal(fieldError('EXPIRATION_DATE', '13/30', NOW), 'HF0006');
    assert.equal(fieldError('EXPIRATION_DATE', '00/30', NOW), 'HF0006');
    assert.equal(fieldError('EXPIRATION_DATE', '12-30', NOW), 'HF0006');
  });

  it('CVV 3 or 4 digits; holder as on the card', () => {
    assert.equal(fieldError('SECURITY_CODE', '123', NOW), undefined);
    assert.equal(fieldError('SECURITY_CODE', '1234', NOW), undefined);
    assert.equal(fieldError('SECURITY_CODE', '12', NOW), 'HF0001');
    assert.equal(fieldError('SECURITY_CODE', '12a', NOW), 'HF0001');
    assert.equal(fieldError('CARDHOLDER_NAME', "Maria D'Amico", NOW), undefined);
    assert.equal(fieldError('CARDHOLDER_NAME', 'X', NOW), 'HF0007');
    assert.equal(fieldError('CARDHOLDER_NAME', '1234', NOW), 'HF0007');
  });
});

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

  const store = (s: CardSession, fieldValues: Array<{ id: string; value: string }>) =>
    app.inject({
      method: 'POST',
      url: '/fe/build/text/',
      headers: { session: s.sessionId, 'content-type': 'application/json' },
      payload: JSON.stringify({ fieldValues }),
    });

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
