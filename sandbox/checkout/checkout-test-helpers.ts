// Shared by the sandbox's Checkout tests: a sandbox with its card gateway (not listening: inject),
// card sessions with the card stored as the hosted fields store it, activation, bearer headers,
// authorization requests and the ecommerce error body.
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { ORG, positionBody, startSandbox, type Res, type TestSandbox } from '../test-helpers.ts';
import { buildCardGatewayApp, CardGateway } from './card-gateway.ts';
import { Carts } from './carts.ts';
import { CARDS_METHOD_ID } from './ecommerce.ts';
import { CARD_BUNDLES } from './transactions.ts';

export const V1 = '/ecommerce/checkout/v1';
export const V2 = '/ecommerce/checkout/v2';
export const CHECKOUT_ORIGIN = 'http://checkout.sandbox.test';
export const GATEWAY_ORIGIN = 'http://cards.sandbox.test';
export const VISA = { CARD_NUMBER: '4242 4242 4242 4242', EXPIRATION_DATE: '12/39', SECURITY_CODE: '123', CARDHOLDER_NAME: 'Mario Rossi' };

export const rptId = (nav: string, org = ORG) => `${org}${nav}`;

export interface Env {
  sb: TestSandbox;
  gateway: CardGateway;
  gatewayApp: FastifyInstance;
  /** The sandbox's carts (issue 13), to see that a refused cart stored nothing. */
  carts: Carts;
}

export async function setup(outcomeDelayMs = 0): Promise<Env> {
  const gateway = new CardGateway();
  gateway.origin = GATEWAY_ORIGIN;
  const gatewayApp = await buildCardGatewayApp(gateway);
  const carts = new Carts();
  const sb = await startSandbox({ checkout: { cardGateway: gateway, outcomeDelayMs, carts } });
  return { sb, gateway, gatewayApp, carts };
}
export const teardown = async (env: Env) => {
  await env.sb.close();
  await env.gatewayApp.close();
};

export const verify = (sb: TestSandbox, id: string, query: Record<string, string> = { recaptchaResponse: 'x' }) =>
  sb.call('GET', `${V1}/payment-requests/${id}`, { query });

/** The Nodo fault of an ecommerce error body, checked to be exactly `{title, faultCodeCategory, faultCodeDetail}`. */
export function fault(res: Res): [number, string, string] {
  assert.deepEqual(Object.keys(res.body).sort(), ['faultCodeCategory', 'faultCodeDetail', 'title'], res.raw);
  assert.ok(res.body.title.length > 0);
  return [res.status, res.body.faultCodeCategory, res.body.faultCodeDetail];
}

/** A VALID position of one option, created and published by the EC (amount in cents). */
export async function validNotice(sb: TestSandbox, amount = 10000, companyName = 'Comune di Test') {
  const body = positionBody({ amount, companyName });
  const res = await sb.ec('POST', '/debtpositions', { body, query: { toPublish: 'true' } });
  assert.equal(res.status, 201, res.raw);
  const option = body.paymentOption[0]!;
  return { body, iupd: body.iupd, iuv: option.iuv, nav: `3${option.iuv}`, rptId: rptId(`3${option.iuv}`) };
}

export const openSession = async (sb: TestSandbox) => {
  const res = await sb.call('POST', `${V1}/payment-methods/${CARDS_METHOD_ID}/sessions`, { headers: { origin: CHECKOUT_ORIGIN, lang: 'it' } });
  assert.equal(res.status, 200, res.raw);
  const sessionId = new URL(res.body.paymentMethodData.form[0].src).searchParams.get('sessionid')!;
  return { orderId: res.body.orderId as string, correlationId: res.body.correlationId as string, sessionId, res };
};

/** What Checkout keeps of a card session for the activation: its orderId and correlationId (sent as `x-correlation-id`). */
export interface CardOrder {
  orderId: string;
  correlationId?: string;
}

/** The hosted fields posting their values to the gateway. */
export const storeFields = (gatewayApp: FastifyInstance, sessionId: string, fieldValues: Array<{ id: string; value: string }>) =>
  gatewayApp.inject({
    method: 'POST',
    url: '/fe/build/text/',
    headers: { session: sessionId, 'content-type': 'application/json' },
    payload: JSON.stringify({ fieldValues }),
  });

export async function storeCard(gatewayApp: FastifyInstance, sessionId: string, card: Record<string, string> = VISA) {
  for (const [id, value] of Object.entries(card)) {
    const res = await storeFields(gatewayApp, sessionId, [{ id, value }]);
    assert.equal(res.statusCode, 200, res.body);
  }
}

/** Activation as Checkout sends it, with the card session's orderId and (when given) its correlationId. */
export const activate = (sb: TestSandbox, notices: Array<{ rptId: string; amount: number }>, { orderId, correlationId }: CardOrder) =>
  sb.call('POST', `${V2}/transactions`, {
    query: { recaptchaResponse: 'x' },
    headers: { 'x-client-id-from-client': 'CHECKOUT', ...(correlationId === undefined ? {} : { 'x-correlation-id': correlationId }) },
    body: { paymentNotices: notices, email: 'mario.rossi@example.org', orderId },
  });

export const bearer = (authToken: string, transactionId?: string): Record<string, string> => ({
  authorization: `Bearer ${authToken}`,
  ...(transactionId === undefined ? {} : { 'x-transaction-id-from-client': transactionId }),
});

export const authRequest = (sb: TestSandbox, t: { transactionId: string; authToken: string }, body: Record<string, unknown>) =>
  sb.call('POST', `${V1}/transactions/${t.transactionId}/auth-requests`, { headers: bearer(t.authToken), body });

export const goodAuth = (orderId: string, amount = 10000, psp = CARD_BUNDLES[0]!) => ({
  amount,
  fee: psp.taxPayerFee,
  paymentInstrumentId: CARDS_METHOD_ID,
  pspId: psp.idPsp,
  isAllCCP: false,
  language: 'IT',
  details: { detailType: 'cards', orderId },
});

export const outcome = (sb: TestSandbox, t: { transactionId: string; authToken: string }) =>
  sb.call('GET', `${V1}/transactions/${t.transactionId}/outcomes`, { headers: bearer(t.authToken) });

/** Opens a card session and stores `card` on the gateway. */
export async function cardSession(env: Env, card: Record<string, string> = VISA) {
  const session = await openSession(env.sb);
  await storeCard(env.gatewayApp, session.sessionId, card);
  return session;
}

/** Activates `notice` with a fresh card session whose card data are stored. */
export async function activated(env: Env, notice: { rptId: string }, amount = 10000) {
  const { orderId, correlationId, sessionId } = await openSession(env.sb);
  await storeCard(env.gatewayApp, sessionId);
  const res = await activate(env.sb, [{ rptId: notice.rptId, amount }], { orderId, correlationId });
  assert.equal(res.status, 200, res.raw);
  return { orderId, correlationId, sessionId, transactionId: res.body.transactionId as string, authToken: res.body.authToken as string, body: res.body };
}
