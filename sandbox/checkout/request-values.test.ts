// Request values Checkout's routes must not trust: a query parameter given twice arrives as an array,
// and names such as `constructor` or `__proto__` are properties of every plain object. Every route of
// the ecommerce backend, the pages and the card gateway answers them with a 4xx (404 for files that do
// not exist), never with a 500.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { CARDS_METHOD_ID } from './ecommerce.ts';
import { V1, V2, activated, bearer, cardSession, goodAuth, setup, teardown, validNotice, type Env } from './checkout-test-helpers.ts';
import { CHECKOUT_ROUTES } from './web-routes.ts';

const PROTO_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '__defineGetter__'];
/** Every query parameter a Checkout route reads, given twice, plus prototype-ish names. */
const DUPLICATED = 'recaptchaResponse=a&recaptchaResponse=b&sessionid=a&sessionid=b&lang=it&lang=en&maxOccurrences=1&maxOccurrences=2&t=1&t=2';
const PROTO_QUERY = PROTO_NAMES.map((n) => `${n}=x`).join('&');

interface Case {
  app: 'checkout' | 'gateway';
  method: InjectOptions['method'];
  url: string;
  headers?: Record<string, string | string[]>;
  body?: unknown;
  /** Beyond "not a 5xx": the status expected. */
  status?: number;
}

describe('Checkout routes: duplicated query parameters and prototype-ish names', () => {
  let env: Env;
  let t: Awaited<ReturnType<typeof activated>>;
  let rptId: string;
  let open: { orderId: string; sessionId: string };
  before(async () => {
    env = await setup(0);
    rptId = (await validNotice(env.sb)).rptId;
    t = await activated(env, await validNotice(env.sb));
    open = await cardSession(env);
  });
  after(() => teardown(env));

  const send = (c: Case) => {
    const app: FastifyInstance = c.app === 'checkout' ? env.sb.app : env.gatewayApp;
    const headers = { ...c.headers, ...(c.body === undefined ? {} : { 'content-type': 'application/json' }) };
    return app.inject({ method: c.method, url: c.url, headers, ...(c.body === undefined ? {} : { payload: JSON.stringify(c.body) }) });
  };

  /** The routes, with path values and bodies built from `name` (a valid one when `name` is undefined). */
  const routes = (name?: string): Case[] => {
    const method = name ?? CARDS_METHOD_ID;
    const tx = name ?? t.transactionId;
    const order = name ?? t.orderId;
    const session = name ?? t.sessionId;
    const auth = bearer(t.authToken, name ?? t.transactionId);
    const notice = { paymentAmount: 10000, primaryCreditorInstitution: name ?? '77777777777', transferList: [] };
    return [
      { app: 'checkout', method: 'GET', url: '/checkout/feature-flags/v1/features/values' },
      { app: 'checkout', method: 'GET', url: `${V1}/payment-requests/${name ?? rptId}?recaptchaResponse=x` },
      { app: 'checkout', method: 'POST', url: `${V2}/payment-methods`, body: { totalAmount: 10000, paymentNotice: [notice] } },
      { app: 'checkout', method: 'POST', url: `${V1}/payment-methods/${method}/sessions`, headers: { lang: name ?? 'it', origin: name ?? 'http://x.test' } },
      { app: 'checkout', method: 'GET', url: `${V1}/payment-methods/${method}/sessions/${order}`, headers: auth },
      {
        app: 'checkout',
        method: 'POST',
        url: `${V2}/transactions?recaptchaResponse=x`,
        headers: { 'x-correlation-id': name ?? 'c', 'x-client-id-from-client': name ?? 'CHECKOUT' },
        body: { paymentNotices: [{ rptId, amount: 10000 }], email: 'a@b.it', orderId: name ?? open.orderId },
      },
      { app: 'checkout', method: 'GET', url: `${V1}/transactions/${tx}`, headers: bearer(t.authToken) },
      { app: 'checkout', method: 'GET', url: `${V2}/transactions/${tx}`, headers: bearer(t.authToken) },
      { app: 'checkout', method: 'GET', url: `${V1}/transactions/${tx}/outcomes`, headers: bearer(t.authToken) },
      {
        app: 'checkout',
        method: 'POST',
        url: `${V2}/payment-methods/${method}/fees?maxOccurrences=10`,
        headers: auth,
        body: { touchpoint: 'CHECKOUT', paymentNotices: [notice], isAllCCP: false },
      },
      {
        app: 'checkout',
        method: 'POST',
        url: `${V1}/transactions/${tx}/auth-requests`,
        headers: { ...bearer(t.authToken), lang: name ?? 'it' },
        body: name === undefined ? { ...goodAuth(t.orderId), pspId: 'NOT-A-PSP' } : { ...goodAuth(name), pspId: name, paymentInstrumentId: name },
      },
      { app: 'checkout', method: 'DELETE', url: `${V1}/transactions/${name ?? 'not-a-transaction'}`, headers: bearer(t.authToken) },
      { app: 'checkout', method: 'OPTIONS', url: `${V1}/${name ?? 'transactions'}` },
      ...[...CHECKOUT_ROUTES, '/77777777777302000000000000001'].map((url): Case => ({ app: 'checkout', method: 'GET', url })),
      { app: 'checkout', method: 'GET', url: `/static/${name ?? 'app.js'}` },
      { app: 'checkout', method: 'HEAD', url: `/static/${name ?? 'app.js'}` },
      { app: 'checkout', method: 'GET', url: '/favicon.ico' },
      { app: 'checkout', method: 'GET', url: '/recaptcha/api.js' },
      { app: 'checkout', method: 'GET', url: '/env-config.js' },
      { app: 'checkout', method: 'GET', url: `/${name ?? 'pagina'}` },
      { app: 'gateway', method: 'GET', url: '/monetaweb/resources/hfsdk.js' },
      { app: 'gateway', method: 'GET', url: `/fe/build/field/${name ?? 'CARD_NUMBER'}?sessionid=${name ?? open.sessionId}&lang=${name ?? 'it'}` },
      {
        app: 'gateway',
        method: 'POST',
        url: '/fe/build/text/',
        headers: { session: name ?? open.sessionId },
        body: { fieldValues: [{ id: name ?? 'PIN', value: '1' }] },
      },
      { app: 'gateway', method: 'GET', url: `/monetaweb/gdi/${session}` },
      { app: 'gateway', method: 'POST', url: `/monetaweb/gdi/${name ?? 'not-a-session'}/authorize` },
    ];
  };

  const withQuery = (url: string, query: string) => `${url}${url.includes('?') ? '&' : '?'}${query}`;
  const check = async (c: Case, why: string) => {
    const res = await send(c);
    assert.ok(res.statusCode < 500, `${why}: ${c.method} ${c.url} → ${res.statusCode} ${res.body}`);
    if (c.status !== undefined) assert.equal(res.statusCode, c.status, `${why}: ${c.method} ${c.url} → ${res.body}`);
  };

  it('the two reported requests: duplicated recaptchaResponse on verify and activation → 4xx', async () => {
    for (const url of [
      `${V1}/payment-requests/${rptId}?recaptchaResponse=a&recaptchaResponse=b`,
      `${V2}/transactions?recaptchaResponse=a&recaptchaResponse=b`,
    ]) {
      const res = await send({
        app: 'checkout',
        method: url.includes('transactions') ? 'POST' : 'GET',
        url,
        body: url.includes('transactions') ? { paymentNotices: [{ rptId, amount: 10000 }], email: 'a@b.it', orderId: open.orderId } : undefined,
      });
      assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${url} → ${res.statusCode} ${res.body}`);
    }
  });

  it('static files named like Object.prototype properties → 404, for GET and HEAD', async () => {
    for (const name of PROTO_NAMES) {
      for (const method of ['GET', 'HEAD'] as const) await check({ app: 'checkout', method, url: `/static/${name}`, status: 404 }, 'static');
    }
  });

  it('every route with every query parameter given twice: never a 5xx', async () => {
    for (const c of routes()) await check({ ...c, url: withQuery(c.url, DUPLICATED) }, 'duplicated query');
  });

  it('every route with query parameters named like Object.prototype properties: never a 5xx', async () => {
    for (const c of routes()) await check({ ...c, url: withQuery(c.url, PROTO_QUERY) }, 'prototype-ish query names');
  });

  it('every route with prototype-ish names as path values, ids, headers and body values: never a 5xx', async () => {
    for (const name of PROTO_NAMES) {
      for (const c of routes(name)) await check(c, name);
    }
  });

  it('headers given twice: never a 5xx', async () => {
    const twice = {
      lang: ['it', 'en'],
      'x-correlation-id': ['a', 'b'],
      'x-transaction-id-from-client': [t.transactionId, 'x'],
      session: ['a', 'b'],
      origin: ['http://a', 'http://b'],
    };
    for (const c of routes()) await check({ ...c, headers: { ...twice, ...c.headers } }, 'duplicated headers');
    for (const c of routes()) await check({ ...c, headers: { ...c.headers, ...twice } }, 'duplicated headers, overriding');
  });
});
