// The internal API (the Node's side): notice lookup, payment, reporting; plus paids and IBAN change.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { DAY, KEYS, ORG, PAYMENT_BODY, ids, planBody, positionBody, startSandbox, transfer, type TestSandbox } from '../test-helpers.ts';

let sb: TestSandbox;
beforeEach(async () => {
  sb = await startSandbox();
});
afterEach(() => sb.close());

const get = async (iupd: string) => (await sb.ec('GET', `/debtpositions/${iupd}`)).body;

/** A VALID position with two transfers (to report them one by one). */
async function validWithTwoTransfers() {
  const { iupd, iuv, nav } = ids();
  const body = positionBody({ iupd, iuv });
  body.paymentOption[0]!.transfer = [transfer(6000, '1'), { ...transfer(4000, '2'), organizationFiscalCode: '15376371009' }];
  assert.equal((await sb.ec('POST', '/debtpositions', { body, query: { toPublish: 'true' } })).status, 201);
  return { iupd, iuv, nav };
}

describe('internal API', () => {
  it('get by NAV (or IUV) gives the notice with its debtor and the NOTIFICATION_FEE metadata', async () => {
    const { iupd, iuv, nav } = await validWithTwoTransfers();
    for (const code of [nav, iuv]) {
      const res = await sb.internal('GET', `/paymentoptions/${code}`);
      assert.equal(res.status, 200);
      assert.equal(res.body.iupd, iupd);
      assert.equal(res.body.nav, nav);
      assert.equal(res.body.fiscalCode, 'RSSMRA80A01H501U');
      assert.equal(res.body.debtPositionStatus, 'VALID');
      assert.deepEqual(res.body.paymentOptionMetadata, [{ key: 'NOTIFICATION_FEE', value: '0' }]);
      assert.equal(res.body.transfer[1].organizationFiscalCode, '15376371009');
    }
    assert.deepEqual((await sb.internal('GET', '/paymentoptions/399999999999999999')).body, {
      title: 'Not found the payment option',
      status: 404,
      detail: `Not found a payment option for Organization Fiscal Code ${ORG} and NAV 399999999999999999`,
    });
  });

  it('shows EXPIRED to the Node for an expiring notice past its due date', async () => {
    const { iupd, iuv, nav } = ids();
    await sb.ec('POST', '/debtpositions', { body: positionBody({ iupd, iuv, switchToExpired: true, dueInMs: DAY }), query: { toPublish: 'true' } });
    sb.clock.advance(2 * DAY);
    assert.equal((await sb.internal('GET', `/paymentoptions/${nav}`)).body.debtPositionStatus, 'EXPIRED');
    assert.equal((await get(iupd)).status, 'VALID');
  });

  it('pay → PO_PAID with the payment data, position PAID; paying again → 409', async () => {
    const { iupd, nav } = await validWithTwoTransfers();
    const res = await sb.internal('POST', `/paymentoptions/${nav}/pay`, { body: { ...PAYMENT_BODY, fee: '150', pspCode: 'PSP01' } });
    assert.equal(res.status, 200);
    assert.equal(res.body.status, 'PO_PAID');
    assert.equal(res.body.fee, 150);
    assert.equal(res.body.idReceipt, 'receipt-1');
    assert.equal(res.body.paymentMethod, 'CP');
    assert.equal(res.body.serviceType, 'GPD');
    const position = await get(iupd);
    assert.equal(position.status, 'PAID');
    assert.equal(position.paymentDate, PAYMENT_BODY.paymentDate);
    assert.deepEqual((await sb.internal('POST', `/paymentoptions/${nav}/pay`, { body: PAYMENT_BODY })).body, {
      title: 'Existing related payment found',
      status: 409,
      detail: `A payment transaction has already been carried out for the Organization Fiscal Code ${ORG} and NAV ${nav}`,
    });
  });

  it('installments: PARTIALLY_PAID after the first, PAID after the last; the single option is then 404', async () => {
    const plan = planBody();
    await sb.ec('POST', '/debtpositions', { body: plan.body, query: { toPublish: 'true' } });
    await sb.internal('POST', `/paymentoptions/${plan.installments[0]}/pay`, { body: PAYMENT_BODY });
    assert.equal((await get(plan.body.iupd)).status, 'PARTIALLY_PAID');
    assert.equal((await sb.internal('GET', `/paymentoptions/${plan.single}`)).status, 404);
    assert.equal((await sb.internal('POST', `/paymentoptions/${plan.single}/pay`, { body: PAYMENT_BODY })).status, 404);
    await sb.internal('POST', `/paymentoptions/${plan.installments[1]}/pay`, { body: PAYMENT_BODY });
    assert.equal((await get(plan.body.iupd)).status, 'PAID');
  });

  it('paying the single option first makes the installments 409 (a single option is paid)', async () => {
    const plan = planBody();
    await sb.ec('POST', '/debtpositions', { body: plan.body, query: { toPublish: 'true' } });
    await sb.internal('POST', `/paymentoptions/${plan.single}/pay`, { body: PAYMENT_BODY });
    assert.equal((await get(plan.body.iupd)).status, 'PAID');
    assert.equal((await sb.internal('POST', `/paymentoptions/${plan.installments[0]}/pay`, { body: PAYMENT_BODY })).status, 409);
  });

  it('report: transfer T_REPORTED, option partially then fully reported, position REPORTED', async () => {
    const { iupd, iuv, nav } = await validWithTwoTransfers();
    const early = await sb.internal('POST', `/paymentoptions/${iuv}/transfers/1/report`);
    assert.deepEqual(early.body, {
      title: 'transfer is not in accountable state',
      status: 409,
      detail: `The transfer option with Organization Fiscal Code ${ORG}, IUV ${iuv} and TxID 1 is not in payable state`,
    });
    await sb.internal('POST', `/paymentoptions/${nav}/pay`, { body: PAYMENT_BODY });
    const first = await sb.internal('POST', `/paymentoptions/${iuv}/transfers/1/report`);
    assert.equal(first.status, 200);
    assert.equal(first.body.status, 'T_REPORTED');
    assert.equal((await get(iupd)).paymentOption[0].status, 'PO_PARTIALLY_REPORTED');
    assert.equal((await get(iupd)).status, 'PAID');
    await sb.internal('POST', `/paymentoptions/${iuv}/transfers/2/report`);
    const position = await get(iupd);
    assert.equal(position.paymentOption[0].status, 'PO_REPORTED');
    assert.equal(position.status, 'REPORTED');
    assert.deepEqual((await sb.internal('POST', `/paymentoptions/${iuv}/transfers/3/report`)).body, {
      title: 'Not found the transfer',
      status: 404,
      detail: `Not found a transfer for Organization Fiscal Code ${ORG}, IUV ${iuv} and TxID 3`,
    });
  });

  it('exposes the EC operations too, and the position by IUV', async () => {
    const body = positionBody();
    assert.equal((await sb.internal('POST', '/debtpositions', { body })).status, 201);
    assert.equal((await sb.internal('GET', `/paymentoptions/${body.paymentOption[0]!.iuv}/debtposition`)).body.iupd, body.iupd);
    assert.equal((await sb.ec('GET', `/debtpositions/${body.iupd}`)).status, 200);
    const info = await sb.call('GET', '/gpd/api/v1/info', { headers: { 'ocp-apim-subscription-key': KEYS.internal } });
    assert.equal(info.status, 200);
  });

  it('paids accepts the IUV as well as the NAV', async () => {
    const { iupd, iuv } = ids();
    await sb.ec('POST', '/debtpositions', { body: positionBody({ iupd, iuv }), query: { toPublish: 'true' } });
    assert.equal((await sb.ec('POST', `/paymentoptions/paids/${iuv}`, { body: {} })).status, 200);
    assert.equal((await get(iupd)).status, 'PAID');
  });
});

describe('IBAN change', () => {
  it('updates transfers of unpaid options of payable positions, at most `limit`', async () => {
    const oldIban = 'IT30N0103076271000001823603';
    const paid = await validWithTwoTransfers();
    await sb.internal('POST', `/paymentoptions/${paid.nav}/pay`, { body: PAYMENT_BODY });
    const draft = positionBody();
    const valid = positionBody();
    await sb.ec('POST', '/debtpositions', { body: draft });
    await sb.ec('POST', '/debtpositions', { body: valid, query: { toPublish: 'true' } });
    const patch = (limit?: string) =>
      sb.ec('PATCH', '/debtpositions/transfers', { query: { oldIban, ...(limit ? { limit } : {}) }, body: { newIban: 'IT60X0542811101000000123456' } });
    assert.deepEqual((await patch('1')).body, { description: 'Updated IBAN on 1 Transfers', updatedTransfers: 1 });
    assert.deepEqual((await patch()).body, { description: 'Updated IBAN on 1 Transfers', updatedTransfers: 1 });
    assert.deepEqual((await patch()).body, { description: 'Updated IBAN on 0 Transfers', updatedTransfers: 0 });
    assert.equal((await get(draft.iupd)).paymentOption[0].transfer[0].iban, 'IT60X0542811101000000123456');
    assert.equal((await get(paid.iupd)).paymentOption[0].transfer[0].iban, oldIban);
  });
});
