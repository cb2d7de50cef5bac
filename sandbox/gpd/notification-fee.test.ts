// The internal API's notification-fee update (PUT /organizations/{ec}/paymentoptions/{nav}/notificationfee), as
// pagopa-debt-position does it (PaymentsController.updateNotificationFee, PaymentsService.updateNotificationFee,
// NotificationFeeUpdateService, NotificationFeeUpdateModel at 597562dd): the option found by IUV or NAV, only while
// unpaid; the new fee replaces the old one in the option's amount and in its primary transfer's (the first by
// idTransfer of the EC or with no EC); 209 instead of 200 while the Node has a payment of the notice in progress.
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { ORG, PAYMENT_BODY, ids, positionBody, startSandbox, transfer, type TestSandbox } from '../test-helpers.ts';
import { activated, setup, teardown, validNotice, type Env } from '../checkout/checkout-test-helpers.ts';

/** A VALID position of 100 €: 60 € to another EC first in the list, 40 € to the EC (transfer 2). */
async function validWithTwoTransfers(sb: TestSandbox) {
  const { iupd, iuv, nav } = ids();
  const body = positionBody({ iupd, iuv });
  body.paymentOption[0]!.transfer = [{ ...transfer(6000, '1'), organizationFiscalCode: '15376371009' }, transfer(4000, '2')];
  assert.equal((await sb.ec('POST', '/debtpositions', { body, query: { toPublish: 'true' } })).status, 201);
  return { iupd, iuv, nav };
}

const update = (sb: TestSandbox, code: string, body: unknown) => sb.internal('PUT', `/paymentoptions/${code}/notificationfee`, { body });

describe('notification fee update', () => {
  let sb: TestSandbox;
  beforeEach(async () => {
    sb = await startSandbox();
  });
  afterEach(() => sb.close());

  it('adds the fee to the option and to the EC’s transfer; a second update replaces the first; by IUV or NAV', async () => {
    const { iupd, iuv, nav } = await validWithTwoTransfers(sb);
    const first = await update(sb, iuv, { notificationFee: 150 });
    assert.equal(first.status, 200, first.raw);
    assert.equal(first.body.nav, nav);
    assert.equal(first.body.notificationFee, 150);
    assert.equal(first.body.amount, 10150);
    assert.deepEqual(
      first.body.transfer.map((t: { idTransfer: string; amount: number }) => [t.idTransfer, t.amount]),
      [
        ['1', 6000],
        ['2', 4150],
      ],
      'the fee goes to the EC’s own transfer, not to the first one of another EC',
    );
    assert.match(first.body.lastUpdatedDateNotificationFee, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
    assert.equal('serviceType' in first.body, false, 'PaymentOptionModelResponse of the payments API');

    const second = await update(sb, nav, { notificationFee: 200 });
    assert.equal(second.status, 200, second.raw);
    assert.deepEqual([second.body.amount, second.body.notificationFee, second.body.transfer[1].amount], [10200, 200, 4200]);
    const stored = (await sb.ec('GET', `/debtpositions/${iupd}`)).body.paymentOption[0];
    assert.deepEqual([stored.amount, stored.notificationFee, stored.transfer[1].amount], [10200, 200, 4200], 'kept on the position');
    const zero = await update(sb, nav, { notificationFee: 0 });
    assert.deepEqual([zero.body.amount, zero.body.transfer[1].amount], [10000, 4000], 'a zero fee gives the amounts back');
  });

  it('refuses what the service refuses, with its texts, and changes nothing', async () => {
    const { iupd, iuv, nav } = await validWithTwoTransfers(sb);
    assert.deepEqual((await update(sb, '399999999999999999', { notificationFee: 1 })).body, {
      title: 'Not found the payment option',
      status: 404,
      detail: `Not found a payment option for Organization Fiscal Code ${ORG} and NAV 399999999999999999`,
    });
    for (const [body, detail] of [
      [{}, 'Notification fee is required'],
      [{ notificationFee: null }, 'Notification fee is required'],
      [{ notificationFee: -1 }, 'Notification fee must be greater or equals to zero'],
    ] as const) {
      const res = await update(sb, iuv, body);
      assert.equal(res.status, 400, res.raw);
      assert.match(res.body.detail, new RegExp(detail));
    }
    assert.equal((await update(sb, iuv, { notificationFee: 'tanto' })).status, 400, 'not a number');

    assert.equal((await sb.internal('POST', `/paymentoptions/${nav}/pay`, { body: PAYMENT_BODY })).status, 200);
    assert.deepEqual((await update(sb, nav, { notificationFee: 150 })).body, {
      title: 'Not in unpaid state for notification fee update',
      status: 422,
      detail: `The payment option with Organization Fiscal Code ${ORG} and NAV ${nav} is not in unpaid state and the notification fee cannot be updated.`,
    });
    const stored = (await sb.ec('GET', `/debtpositions/${iupd}`)).body.paymentOption[0];
    assert.deepEqual([stored.amount, stored.notificationFee], [10000, 0], 'unchanged');
  });

  it('an option with no transfer of the EC → 422, nothing changed', async () => {
    const { iupd, iuv } = ids();
    const body = positionBody({ iupd, iuv });
    body.paymentOption[0]!.transfer = [{ ...transfer(10000, '1'), organizationFiscalCode: '15376371009' }];
    assert.equal((await sb.ec('POST', '/debtpositions', { body, query: { toPublish: 'true' } })).status, 201);
    assert.deepEqual((await update(sb, iuv, { notificationFee: 150 })).body, {
      title: 'No valid transfer found for notification fee update',
      status: 422,
      detail: `No transfer found for payment option with IUV ${iuv} related to Organization Fiscal Code ${ORG}`,
    });
    assert.equal((await sb.ec('GET', `/debtpositions/${iupd}`)).body.paymentOption[0].amount, 10000);
  });
});

describe('notification fee update while the Node has a payment of the notice in progress', () => {
  let env: Env;
  before(async () => {
    env = await setup();
  });
  after(() => teardown(env));

  it('209 with the option updated (checkPosition on the Node is not OK)', async () => {
    const notice = await validNotice(env.sb);
    assert.equal((await update(env.sb, notice.nav, { notificationFee: 100 })).status, 200, 'nothing in progress yet');
    await activated(env, notice, 10100);
    const res = await update(env.sb, notice.nav, { notificationFee: 150 });
    assert.equal(res.status, 209, res.raw);
    assert.equal(res.body.amount, 10150);
  });
});
