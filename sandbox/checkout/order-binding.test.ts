// A card session's orderId belongs to the Checkout that opened the session: the activation must come
// with the session's correlationId (`x-correlation-id`, which only the opener received), an orderId
// serves one transaction only, and the card data and the 3-D Secure step of a session work only for
// the transaction bound to its orderId. Someone who only knows another payer's orderId can neither read
// that payer's masked card nor make that payer's authorization pay another notice.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { TestSandbox } from '../test-helpers.ts';
import { CARDS_METHOD_ID } from './ecommerce.ts';
import {
  V1,
  activate,
  authRequest,
  bearer,
  cardSession,
  goodAuth,
  outcome,
  setup,
  teardown,
  validNotice,
  type CardOrder,
  type Env,
} from './checkout-test-helpers.ts';

const MASTERCARD = { CARD_NUMBER: '5555 5555 5555 4444', EXPIRATION_DATE: '11/38', SECURITY_CODE: '321', CARDHOLDER_NAME: 'Anna Bianchi' };

const cardData = (sb: TestSandbox, orderId: string, t: { transactionId: string; authToken: string }) =>
  sb.call('GET', `${V1}/payment-methods/${CARDS_METHOD_ID}/sessions/${orderId}`, { headers: bearer(t.authToken, t.transactionId) });

const tokens = (res: { body: { transactionId?: string; authToken?: string } }) => ({
  transactionId: res.body.transactionId as string,
  authToken: res.body.authToken as string,
});

/** A refusal of the activation: a 4xx with a ProblemJson reason, no transaction. */
function refused(res: { status: number; raw: string; body: { detail?: unknown; transactionId?: unknown } }, why: string) {
  assert.equal(res.status, 400, `${why}: ${res.status} ${res.raw}`);
  assert.equal(typeof res.body.detail, 'string', why);
  assert.equal(res.body.transactionId, undefined, why);
}

describe("a card session's orderId", () => {
  let env: Env;
  before(async () => {
    env = await setup(0);
  });
  after(() => teardown(env));

  it("an attacker knowing only the victim's orderId cannot activate with it, nor read the victim's card", async () => {
    const { sb } = env;
    const victimNotice = await validNotice(sb);
    const attackerNotice = await validNotice(sb);
    const victim = await cardSession(env, MASTERCARD);
    const attacker = await cardSession(env);

    const attempts: Array<[string, CardOrder]> = [
      ['without x-correlation-id', { orderId: victim.orderId }],
      ["with the attacker's own session's correlationId", { orderId: victim.orderId, correlationId: attacker.correlationId }],
      ['with a made-up correlationId', { orderId: victim.orderId, correlationId: '6f1c7e0e-1b1a-4c3e-9d55-2f1f6c2c0a11' }],
    ];
    const granted: Array<{ transactionId: string; authToken: string }> = [];
    for (const [why, order] of attempts) {
      const res = await activate(sb, [{ rptId: attackerNotice.rptId, amount: 10000 }], order);
      if (res.status === 200) granted.push(tokens(res));
      refused(res, why);
    }
    // Whatever the activation said, no token of the attacker's reads the victim's card data.
    const own = await activate(sb, [{ rptId: attackerNotice.rptId, amount: 10000 }], attacker);
    assert.equal(own.status, 200, own.raw);
    for (const t of [...granted, tokens(own)]) {
      const res = await cardData(sb, victim.orderId, t);
      assert.notEqual(res.status, 200, `card data revealed: ${res.raw}`);
      assert.ok(res.status >= 400 && res.status < 500, res.raw);
    }

    // The victim's flow is untouched.
    const activation = await activate(sb, [{ rptId: victimNotice.rptId, amount: 10000 }], victim);
    assert.equal(activation.status, 200, activation.raw);
    const card = await cardData(sb, victim.orderId, tokens(activation));
    assert.equal(card.status, 200, card.raw);
    assert.deepEqual(card.body, { sessionId: victim.sessionId, bin: '555555', lastFourDigits: '4444', expiringDate: '11/38', brand: 'MASTERCARD' });
  });

  it("the victim's 3-D Secure step pays the victim's notice, not the attacker's", async () => {
    const { sb, gatewayApp } = env;
    const victimNotice = await validNotice(sb);
    const attackerNotice = await validNotice(sb);
    const victim = await cardSession(env);

    // The attacker tries first, with the victim's orderId, and asks the authorization at once.
    const hijack = await activate(sb, [{ rptId: attackerNotice.rptId, amount: 10000 }], { orderId: victim.orderId });
    if (hijack.status === 200) await authRequest(sb, tokens(hijack), goodAuth(victim.orderId));
    refused(hijack, "activation with the victim's orderId");
    // With a transaction of their own, the attacker cannot name the victim's orderId in the authorization either.
    const attacker = await cardSession(env);
    const own = tokens(await activate(sb, [{ rptId: attackerNotice.rptId, amount: 10000 }], attacker));
    const foreign = await authRequest(sb, own, goodAuth(victim.orderId));
    assert.ok(foreign.status >= 400 && foreign.status < 500, foreign.raw);

    const v = tokens(await activate(sb, [{ rptId: victimNotice.rptId, amount: 10000 }], victim));
    assert.ok(v.transactionId, 'the victim activates');
    const auth = await authRequest(sb, v, goodAuth(victim.orderId));
    assert.equal(auth.status, 200, auth.raw);
    const gdi = await gatewayApp.inject({ method: 'POST', url: `/monetaweb/gdi/${victim.sessionId}/authorize` });
    assert.equal(gdi.statusCode, 200, gdi.body);

    assert.deepEqual((await outcome(sb, v)).body, { outcome: 0, isFinalStatus: true, totalAmount: 10000, fees: 95 }, "the victim's transaction is paid");
    assert.equal((await sb.ec('GET', `/debtpositions/${victimNotice.iupd}`)).body.status, 'PAID');
    assert.equal((await sb.ec('GET', `/debtpositions/${attackerNotice.iupd}`)).body.status, 'VALID', "the attacker's notice is not paid");
    assert.deepEqual((await outcome(sb, own)).body, { outcome: 17, isFinalStatus: false }, "the attacker's transaction is still open");
  });

  it('serves one transaction: a second activation with the same orderId is refused, also after a deletion or when concurrent', async () => {
    const { sb, gatewayApp } = env;
    const first = await validNotice(sb);
    const second = await validNotice(sb);
    const session = await cardSession(env);
    const t = tokens(await activate(sb, [{ rptId: first.rptId, amount: 10000 }], session));
    assert.ok(t.transactionId);
    refused(await activate(sb, [{ rptId: second.rptId, amount: 10000 }], session), 'reuse for another notice');

    assert.equal((await sb.call('DELETE', `${V1}/transactions/${t.transactionId}`, { headers: bearer(t.authToken) })).status, 202);
    refused(await activate(sb, [{ rptId: first.rptId, amount: 10000 }], session), 'reuse after the deletion');
    refused(await activate(sb, [{ rptId: second.rptId, amount: 10000 }], session), 'reuse after the deletion, another notice');

    // Two activations racing with one orderId: exactly one transaction gets it.
    const racing = await cardSession(env);
    const third = await validNotice(sb);
    const results = await Promise.all([
      activate(sb, [{ rptId: second.rptId, amount: 10000 }], racing),
      activate(sb, [{ rptId: third.rptId, amount: 10000 }], racing),
    ]);
    assert.deepEqual(results.map((r) => r.status).sort(), [200, 400], JSON.stringify(results.map((r) => r.raw)));

    // A new card session pays the first notice.
    const fresh = await cardSession(env);
    const paying = tokens(await activate(sb, [{ rptId: first.rptId, amount: 10000 }], fresh));
    assert.equal((await authRequest(sb, paying, goodAuth(fresh.orderId))).status, 200);
    assert.equal((await gatewayApp.inject({ method: 'POST', url: `/monetaweb/gdi/${fresh.sessionId}/authorize` })).statusCode, 200);
    assert.equal((await outcome(sb, paying)).body.outcome, 0);
  });

  it('an orderId no card session opened is refused', async () => {
    const { sb } = env;
    const notice = await validNotice(sb);
    refused(await activate(sb, [{ rptId: notice.rptId, amount: 10000 }], { orderId: 'E0000000000000000' }), 'unknown orderId');
  });
});
