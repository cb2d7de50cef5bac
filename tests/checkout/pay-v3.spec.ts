// GPD v3 (issue 13): an instalment of a plan paid on Checkout, seen through GPD v3. Browser case of the
// GPD-V3 area, for an EC that uses v3 (GPD_API_VERSIONS).
import { test, expect } from '../../fixtures/index.ts';
import { recordInLedger } from '../../fixtures/checkout.ts';
import { paidInstallment } from '../../lib/fdr/paid-notice.ts';
import type { InstallmentModelResponse } from '../../lib/schema-types.ts';

// The payment is the way to the state under test (PARTIALLY_PAID on v3): its pages are evidenced by PAY-01.
test.use({ gpdApiVersion: 'v3', checkoutStepScreenshots: false });

/** How long GPD may take to show a Checkout payment (the Node closes it asynchronously), as payOnCheckout. */
const PAID_ON_GPD_TIMEOUT_MS = 120_000;

test('[GPD-V3-08] instalment of a plan paid on Checkout → PAID on GPD v3, position PARTIALLY_PAID', async ({
  checkout,
  positionsV3,
  gpdV3,
  factory,
  config,
}) => {
  const body = factory.positionV3();
  const created = await positionsV3.createOk(body, { toPublish: true });
  expect(created.status).toBe('VALID');
  const plan = body.paymentOption[1]!;
  const first = plan.installments[0]!;
  const nav = `3${first.iuv}`;

  const notice = { fiscalCode: config.ecFiscalCode, noticeNumber: nav };
  await checkout.enterNotice(notice);
  await checkout.summary.expectNotice({ ...notice, amountCents: first.amount, payee: body.companyName });
  const { total, pspId } = await checkout.payVerifiedNotice();
  expect(total, 'the total is the instalment amount plus a fee').toBeGreaterThanOrEqual(first.amount);

  let installments: InstallmentModelResponse[] = [];
  let status: string | undefined;
  await expect
    .poll(
      async () => {
        const res = await gpdV3.get(body.iupd);
        status = res.response.body.status;
        installments = (res.response.body.paymentOption ?? []).flatMap((o) => o.installments ?? []);
        return installments.find((i) => i.iuv === first.iuv)?.status;
      },
      { message: `instalment ${first.iuv} PAID on GPD v3`, timeout: PAID_ON_GPD_TIMEOUT_MS, intervals: [1_000, 2_000, 5_000] },
    )
    .toBe('PAID');

  expect(status, 'one instalment of a plan paid: the position is partially paid').toBe('PARTIALLY_PAID');
  const paid = installments.find((i) => i.iuv === first.iuv)!;
  expect(paid.paymentDate, 'GPD shows when the instalment was paid').toEqual(expect.any(String));
  expect(paid.idReceipt, 'receipt id (payment token)').toEqual(expect.any(String));
  // Like every Checkout payment, into the reconciliation ledger (FDR-04 looks for it in later runs' flows).
  await recordInLedger(
    config.fdr.ledger.file,
    paidInstallment({ installment: first, ec: config.ecFiscalCode, paymentDate: paid.paymentDate!, runId: config.runId, pspId }),
  );
  const others = body.paymentOption.flatMap((o) => o.installments).filter((i) => i.iuv !== first.iuv);
  expect(
    installments.filter((i) => i.iuv !== first.iuv).map((i) => [i.iuv, i.status]),
    'every other instalment and the single payment still unpaid',
  ).toEqual(expect.arrayContaining(others.map((i) => [i.iuv, 'UNPAID'])));
});
