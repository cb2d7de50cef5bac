import { test, expect } from '../../fixtures/index.ts';
import { euroToCents } from '../../lib/fdr/reconcile.ts';
import { ecShareCents } from '../../lib/fdr/paid-notice.ts';
import { readPayments, reconcileLedger } from '../../lib/fdr/published-flows.ts';
import type { FdrPayment, FlowRef } from '../../lib/http/fdr-client.ts';

// The payment is this case's precondition: PAY-01 evidences its steps screen by screen.
test.use({ checkoutStepScreenshots: false });

/** How long a flow asked for may take to be listed. */
const FLOW_TIMEOUT_MS = 60_000;

test('[FDR-03] notice paid on Checkout reported in a flow (D+2) and the position REPORTED', async ({
  fdr,
  reportingPsps,
  payOnCheckout,
  factory,
  gpd,
  config,
}) => {
  test.skip(
    !reportingPsps.publishOnRequest,
    'In UAT i flussi arrivano quando un PSP di test li pubblica: FDR-04 verifica questo pagamento nelle esecuzioni successive / on UAT flows arrive when a test PSP publishes them: FDR-04 checks the payments in later runs',
  );
  // Two transfers of the EC and one of a second beneficiary: the EC's flow reports its two, not the third.
  const transfer = [
    factory.transfer({ idTransfer: '1', amount: 4_000 }),
    factory.transfer({ idTransfer: '2', amount: 3_500 }),
    factory.transfer({ idTransfer: '3', amount: 2_500, organizationFiscalCode: config.secondEcFiscalCode, companyName: 'Ente beneficiario secondario' }),
  ];
  const body = factory.position({ paymentOption: [factory.option({ amount: 10_000, transfer })] });
  const paid = await payOnCheckout(body);
  await reportingPsps.publishFlowsOf([paid.iuv]);

  let found: { flow: FlowRef; payments: FdrPayment[] } | undefined;

  await test.step(`Find IUV ${paid.iuv} in the published flows`, async () => {
    await expect
      .poll(
        async () => {
          const listed = await fdr.list();
          expect(listed).toHaveStatus(200);
          for (const flow of listed.response.body.data.toReversed()) {
            const payments = (await readPayments(fdr, flow)).filter((p) => p.iuv === paid.iuv);
            if (payments.length > 0) return (found = { flow, payments });
          }
          return undefined;
        },
        { message: `a published flow reports IUV ${paid.iuv}`, timeout: FLOW_TIMEOUT_MS, intervals: [1_000, 2_000, 5_000] },
      )
      .toBeDefined();
  });

  const { flow, payments } = found!;

  await test.step('The flow: published, to the EC, from the PSP, totals equal to its payments', async () => {
    const single = await fdr.flow(flow);
    expect(single).toHaveStatus(200);
    const all = await readPayments(fdr, flow);
    const sumCents = all.reduce((sum, p) => sum + (euroToCents(p.pay) ?? Number.NaN), 0);
    expect(single.response.body).toMatchObject({
      status: 'PUBLISHED',
      fdr: flow.fdr,
      revision: flow.revision,
      receiver: { organizationId: config.ecFiscalCode },
      sender: { pspId: flow.pspId },
      totPayments: all.length,
    });
    // When Checkout offered a single PSP and skipped the choice, which PSP took it is not known here.
    expect(flow.pspId, 'the flow is sent by the PSP chosen on Checkout').toBe(paid.pspId ?? flow.pspId);
    expect(euroToCents(single.response.body.sumPayments), 'sumPayments in euros = the sum of the payments').toBe(sumCents);
    expect(
      all.map((p) => p.index),
      'payments ordered by index from 1',
    ).toEqual(all.map((_, i) => i + 1));
  });

  await test.step("The IUV's payments: one per transfer of the EC, amounts in euros", async () => {
    const ecTransfers = body.paymentOption[0]!.transfer.filter((t) => (t.organizationFiscalCode ?? config.ecFiscalCode) === config.ecFiscalCode);
    expect(
      payments.map((p) => ({ idTransfer: p.idTransfer, cents: euroToCents(p.pay), payStatus: p.payStatus })).sort((a, b) => a.idTransfer - b.idTransfer),
    ).toEqual(ecTransfers.map((t) => ({ idTransfer: Number(t.idTransfer), cents: t.amount, payStatus: 'EXECUTED' })));
    expect(
      payments.reduce((sum, p) => sum + (euroToCents(p.pay) ?? Number.NaN), 0),
      "the EC's share of the notice",
    ).toBe(ecShareCents(body, config.ecFiscalCode));
    const paidOn = paid.paymentDate.slice(0, 10);
    for (const p of payments) expect(p.payDate.slice(0, 10), 'paid on the day GPD shows').toBe(paidOn);
  });

  await test.step('The reconciliation ledger: this payment is recorded and reconciled with its flow', async () => {
    const { results } = await reconcileLedger(fdr, config.fdr.ledger, new Date());
    const ours = results.filter((r) => r.entry.iuv === paid.iuv && r.entry.runId === config.runId);
    expect(
      ours.map((r) => [r.state, r.entry.amountCents]),
      ours.map((r) => r.detail).join('; '),
    ).toEqual([['reconciled', ecShareCents(body, config.ecFiscalCode)]]);
  });

  await test.step('GPD: the position is REPORTED', async () => {
    await expect
      .poll(async () => (await gpd.get(body.iupd)).response.body.status, { message: `position ${body.iupd} REPORTED`, timeout: FLOW_TIMEOUT_MS })
      .toBe('REPORTED');
  });
});
