// The internal API's verifyPaymentOptions (POST /payment-options/organizations/{ec}/notices/{nav}: the payment options
// of the notice's position grouped into single payments and plans) and its OdP-shaped errors, as pagopa-debt-position
// does it at 597562dd (OptionsService.verifyPaymentOptions, PaymentsController, ErrorHandler's ODP branch, OdpProfile,
// AppError's ODP_OVERLAY).
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { DAY, INTERNAL, KEYS, ORG, PAYMENT_BODY, T0, at, plansV3Body, startSandbox, v3, type Res, type TestSandbox } from '../test-helpers.ts';

let sb: TestSandbox;
beforeEach(async () => {
  sb = await startSandbox();
});
afterEach(() => sb.close());

const verify = (nav: string, query: Record<string, string> = {}, org = ORG) =>
  sb.call('POST', `${INTERNAL}/payment-options/organizations/${org}/notices/${nav}`, { query, headers: { 'ocp-apim-subscription-key': KEYS.internal } });

async function plans() {
  const plan = plansV3Body();
  assert.equal((await v3(sb, 'POST', '/debtpositions', { body: plan.body, query: { toPublish: 'true' } })).status, 201);
  return plan;
}

type Json = Res['body'];
const groupOf = (res: Res, description: string): Json => res.body.paymentOptions.find((g: Json) => g.description === description);

/** The OdP error body: its fields, and a timestamp and date-time that agree. */
function assertOdpError(res: Res, status: number, statusText: string, code: string, message: string): void {
  assert.equal(res.status, status, res.raw);
  assert.deepEqual(Object.keys(res.body).sort(), ['appErrorCode', 'dateTime', 'errorMessage', 'httpStatusCode', 'httpStatusDescription', 'timestamp']);
  assert.deepEqual(
    [res.body.httpStatusCode, res.body.httpStatusDescription, res.body.appErrorCode, res.body.errorMessage],
    [status, statusText, code, message],
  );
  assert.ok(Number.isInteger(res.body.timestamp), 'epoch seconds');
  assert.equal(Date.parse(`${res.body.dateTime}Z`) / 1000, res.body.timestamp, 'the same instant, as a UTC LocalDateTime');
}

describe('verifyPaymentOptions', () => {
  it('groups a position into its single payment and its plans, by due date, every field as the service writes it', async () => {
    const { single, planA, planB } = await plans();
    const res = await verify(single);
    assert.equal(res.status, 200, res.raw);
    assert.deepEqual(Object.keys(res.body), ['organizationFiscalCode', 'companyName', 'officeName', 'paymentOptions']);
    assert.deepEqual([res.body.organizationFiscalCode, res.body.companyName, res.body.officeName], [ORG, 'Comune di Test', null]);
    // Ordered by each group's last due date: single (10 days), plan A (30), plan B (40).
    assert.deepEqual(
      res.body.paymentOptions.map((g: Json) => [g.description, g.numberOfInstallments, g.amount, g.dueDate]),
      [
        ['Unica soluzione', 1, 12000, at(T0, 10 * DAY)],
        ['Tre rate', 3, 12000, at(T0, 30 * DAY)],
        ['Due rate', 2, 12000, at(T0, 40 * DAY)],
      ],
    );
    const planAGroup = groupOf(res, 'Tre rate');
    assert.deepEqual(
      { ...planAGroup, installments: undefined },
      {
        description: 'Tre rate',
        numberOfInstallments: 3,
        amount: 12000,
        dueDate: at(T0, 30 * DAY),
        validFrom: at(T0, 0), // published without a validity date: valid from the publication
        status: 'PO_UNPAID',
        statusReason: 'No installment has been paid',
        allCCP: false,
        installments: undefined,
      },
    );
    assert.deepEqual(
      planAGroup.installments.map((i: Json) => i.nav),
      planA,
      'installments by due date',
    );
    assert.deepEqual(planAGroup.installments[0], {
      nav: planA[0],
      iuv: planA[0]!.slice(1),
      amount: 4000,
      description: `Rata ${planA[0]!.slice(-4)}`,
      dueDate: at(T0, 10 * DAY),
      validFrom: at(T0, 0),
      status: 'POI_UNPAID',
      statusReason: null,
    });
    assert.deepEqual(
      groupOf(res, 'Due rate').installments.map((i: Json) => i.nav),
      planB,
    );
    assert.equal((await verify(planB[1]!.slice(1))).status, 200, 'found by IUV too');
  });

  it('once an installment of a plan is paid: that plan partially paid, every other option not payable', async () => {
    const { planA } = await plans();
    assert.equal((await sb.internal('POST', `/paymentoptions/${planA[0]}/pay`, { body: PAYMENT_BODY })).status, 200);
    const res = await verify(planA[1]!);
    const paidPlan = groupOf(res, 'Tre rate');
    assert.deepEqual([paidPlan.status, paidPlan.statusReason], ['PO_PARTIALLY_PAID', 'Some installments already paid']);
    assert.deepEqual(
      paidPlan.installments.map((i: Json) => [i.status, i.statusReason]),
      [
        ['POI_PAID', null],
        ['POI_UNPAID', null],
        ['POI_UNPAID', null],
      ],
    );
    for (const other of ['Unica soluzione', 'Due rate']) {
      const group = groupOf(res, other);
      assert.deepEqual([group.status, group.statusReason], ['PO_INVALID', 'Not payable: another payment option has already been used'], other);
      assert.ok(
        group.installments.every((i: Json) => i.status === 'POI_INVALID' && i.statusReason === 'Not payable: another payment option has already been used'),
      );
    }
  });

  it('past their due dates: a group whose installments all expired is expired, not payable when one of them switches to expired', async () => {
    const { single } = await plans();
    sb.clock.advance(35 * DAY); // past the single payment (10 days) and plan A (30), not plan B's last installment (40)
    const res = await verify(single);
    assert.deepEqual(
      [groupOf(res, 'Unica soluzione').status, groupOf(res, 'Unica soluzione').statusReason],
      ['PO_EXPIRED_UNPAID', 'Group expired but still payable'],
      'switchToExpired false',
    );
    assert.deepEqual(
      groupOf(res, 'Tre rate').installments.map((i: Json) => [i.status, i.statusReason]),
      [
        ['POI_EXPIRED_UNPAID', 'Expired but payable'],
        ['POI_EXPIRED_UNPAID', 'Expired but payable'],
        ['POI_EXPIRED_UNPAID', 'Expired but payable'],
      ],
    );
    const planB = groupOf(res, 'Due rate');
    assert.deepEqual([planB.status, planB.statusReason], ['PO_UNPAID', 'No installment has been paid'], 'one installment still ahead');
    assert.deepEqual(
      planB.installments.map((i: Json) => i.status),
      ['POI_EXPIRED_NOT_PAYABLE', 'POI_UNPAID'],
    );
    sb.clock.advance(10 * DAY);
    const later = groupOf(await verify(single), 'Due rate');
    assert.deepEqual([later.status, later.statusReason], ['PO_EXPIRED_NOT_PAYABLE', 'Group expired and not payable']);
  });

  it('an invalidated position: every group and installment invalid', async () => {
    const { body, single } = await plans();
    assert.equal((await sb.ec('POST', `/debtpositions/${body.iupd}/invalidate`)).status, 200);
    const res = await verify(single);
    assert.equal(res.status, 200, res.raw);
    for (const group of res.body.paymentOptions) {
      assert.deepEqual([group.status, group.statusReason], ['PO_INVALID', 'Debt position is INVALID or EXPIRED']);
      assert.ok(group.installments.every((i: Json) => i.status === 'POI_INVALID' && i.statusReason === 'Debt position is INVALID or EXPIRED'));
    }
  });

  it('errors are OdP bodies: 400 ODP-101 PAA_SINTASSI for a malformed NAV, EC or codes; 404 ODP-107 PAA_PAGAMENTO_SCONOSCIUTO for an unknown notice or one outside the codes', async () => {
    const { single } = await plans();
    assertOdpError(await verify('ABCDEF'), 400, 'Bad Request', 'ODP-101', 'PAA_SINTASSI verifyPaymentOptions.nav: must match "^\\d{1,30}$"');
    assertOdpError(
      await verify(single, {}, 'EC-1'),
      400,
      'Bad Request',
      'ODP-101',
      'PAA_SINTASSI verifyPaymentOptions.organizationFiscalCode: must match "\\d{1,30}"',
    );
    assertOdpError(
      await verify(single, { segregationCodes: '1' }),
      400,
      'Bad Request',
      'ODP-101',
      'PAA_SINTASSI verifyPaymentOptions.segregationCodes: must match "\\d{2}(,\\d{2})*"',
    );
    assertOdpError(
      await verify('399999999999999999'),
      404,
      'Not Found',
      'ODP-107',
      `PAA_PAGAMENTO_SCONOSCIUTO Not found a payment option for Organization Fiscal Code ${ORG} and NAV 399999999999999999`,
    );
    // The codes are checked on the NAV (its digits 2-3) before the lookup.
    assertOdpError(
      await verify(single, { segregationCodes: '47' }),
      404,
      'Not Found',
      'ODP-107',
      `PAA_PAGAMENTO_SCONOSCIUTO The caller does not have proper authorization to access or modify the NAVs in the payment position. [Organization Fiscal Code=${ORG}]`,
    );
    assert.equal((await verify(single, { segregationCodes: single.slice(1, 3) })).status, 200);
  });
});
