// The field pages get the server's card rules: the gateway serves gateway-web/card-rules.mjs as is,
// the page imports it and keeps no rule of its own, and the served module, evaluated on its own,
// answers as the server's rules (card-rules.ts) on the cases of card-rules.test.ts.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { buildCardGatewayApp, CardGateway } from './card-gateway.ts';
import { CARD_FIELDS, CARD_RULES_PATH, cardBrand, fieldError, luhn } from './card-rules.ts';

type Rules = typeof import('./gateway-web/card-rules.mjs');

describe('card rules served to the field pages', () => {
  let app: FastifyInstance;
  let gateway: CardGateway;
  before(async () => {
    gateway = new CardGateway();
    gateway.origin = 'http://gateway.test';
    app = await buildCardGatewayApp(gateway);
  });
  after(() => app.close());

  it('serves the rules module byte for byte, as JavaScript', async () => {
    const res = await app.inject({ method: 'GET', url: CARD_RULES_PATH });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/javascript/);
    assert.equal(res.body, readFileSync(new URL('./gateway-web/card-rules.mjs', import.meta.url), 'utf8'));
  });

  it('every field page imports that module and holds no copy of a rule', async () => {
    const session = gateway.open('http://checkout.test', 'it');
    for (const field of gateway.form(session)) {
      const url = new URL(field.src);
      const page = (await app.inject({ method: 'GET', url: `${url.pathname}${url.search}` })).body;
      assert.match(page, /<script type="module">/, field.id);
      assert.ok(page.includes(`import { fieldError } from '${CARD_RULES_PATH}';`), field.id);
      // No Luhn loop, prefix table, error code or pattern of the rules is left in the page.
      for (const copy of [/HF000[14-7]/, /luhn/i, /\\d\{12,19\}/, /222\[1-9\]/, /\\p\{L\}/, /Date\.UTC/])
        assert.doesNotMatch(page, copy, `${field.id}: ${copy}`);
    }
  });

  it('the served module answers as the server on the rules cases', async () => {
    const text = (await app.inject({ method: 'GET', url: CARD_RULES_PATH })).body;
    const served = (await import(`data:text/javascript;base64,${Buffer.from(text).toString('base64')}`)) as Rules;
    const numbers = ['4242424242424242', '4242424242424241', '5555555555554444', '2223003122003222', '378282246310005', '6011111111111117'];
    for (const pan of [...numbers, '5018000000000009', '1234567812345670', '4242 4242 4242 4242', '42424242424', '']) {
      assert.equal(served.luhn(pan), luhn(pan), pan);
      assert.equal(served.cardBrand(pan), cardBrand(pan), pan);
    }
    const now = new Date(Date.UTC(2026, 5, 15, 12));
    const values: Record<(typeof CARD_FIELDS)[number], string[]> = {
      CARD_NUMBER: [...numbers, '1234567812345670', '4242 4242 4242 4242', '12345', 'abc', ''],
      EXPIRATION_DATE: ['06/26', '05/26', '07/26', '0726', '13/27', '00/27', '12/99', '6/26', ' 07 / 26 ', ''],
      SECURITY_CODE: ['123', '1234', '12', '12345', '12a', ''],
      CARDHOLDER_NAME: ['Mario Rossi', "D'Angelo", 'Zoë Ñúñez', 'M', '1Mario', ` ${'a'.repeat(49)} `, 'a'.repeat(51), ''],
    };
    for (const field of CARD_FIELDS) {
      for (const value of values[field]) assert.equal(served.fieldError(field, value, now), fieldError(field, value, now), `${field} ${JSON.stringify(value)}`);
    }
  });
});
