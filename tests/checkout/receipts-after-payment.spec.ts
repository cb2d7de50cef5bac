import { test, expect, type PaidNotice } from '../../fixtures/index.ts';
import type { ReceiptsClient } from '../../lib/http/receipts-client.ts';
import { receiptRequest, type ReceiptDoc } from '../../lib/receipts/receipt-document.ts';

// The payment is these cases' precondition: PAY-01 evidences its steps screen by screen.
test.use({ checkoutStepScreenshots: false });

/** How long the receipt may take to reach the receipts service after the payment (it is sent asynchronously). */
const RECEIPT_TIMEOUT_MS = 120_000;

type Doc = ReceiptDoc;

const euros = (cents: number) => (cents / 100).toFixed(2);
const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** The fields of a paid option the receipts are compared with. */
interface PaidOption {
  idReceipt: string;
  pspCompany: string;
  paymentDate: string;
  description: string;
}

function paidOption(paid: PaidNotice): PaidOption {
  return paid.paid.paymentOption[0] as unknown as PaidOption;
}

/** Polls the receipt by IUV until the service has it; answers the XML text. */
async function receiptXml(receipts: ReceiptsClient, iuv: string): Promise<string> {
  let xml = '';
  await expect
    .poll(
      async () => {
        const res = await receipts.get(iuv);
        xml = res.response.text;
        return res.response.status;
      },
      { message: `receipt of IUV ${iuv} available`, timeout: RECEIPT_TIMEOUT_MS, intervals: [1_000, 2_000, 5_000] },
    )
    .toBe(200);
  return xml;
}

/** The request of a receipt document: paSendRTReq or, from a V2 station, PaSendRTV2Request. */
function receiptRequestOf(xml: string): Doc {
  const read = receiptRequest(xml);
  expect(read, 'the document is a paSendRTReq or a PaSendRTV2Request').toBeDefined();
  return read!.request;
}

test('[RIC-01] receipt by IUV of a notice paid on Checkout, consistent with the position', async ({ payOnCheckout, receipts, config }) => {
  const paid = await payOnCheckout();
  const option = paidOption(paid);
  const request = receiptRequestOf(await receiptXml(receipts, paid.iuv));
  const receipt = request.receipt as Doc;

  await test.step('EC, broker and station', async () => {
    expect(request.idPA).toBe(config.ecFiscalCode);
    expect(request.idBrokerPA).toBe(config.brokerCode);
    expect(request.idStation).toBe(config.stationId);
  });

  await test.step('notice, amount in euros, outcome', async () => {
    expect(receipt.receiptId, 'receiptId = the receipt id GPD keeps').toBe(option.idReceipt);
    expect(receipt.noticeNumber).toBe(paid.nav);
    expect(receipt.creditorReferenceId, 'creditorReferenceId = IUV').toBe(paid.iuv);
    expect(receipt.fiscalCode).toBe(config.ecFiscalCode);
    expect(receipt.outcome).toBe('OK');
    expect(receipt.paymentAmount, 'amount in euros with two decimals').toBe(euros(paid.amount));
    expect(receipt.companyName).toBe(paid.body.companyName);
    expect(receipt.paymentDateTime.slice(0, 10), 'payment date as on GPD').toBe(option.paymentDate.slice(0, 10));
  });

  await test.step('debtor', async () => {
    expect(receipt.debtor.uniqueIdentifier.entityUniqueIdentifierType).toBe(paid.body.type);
    expect(receipt.debtor.uniqueIdentifier.entityUniqueIdentifierValue).toBe(paid.body.fiscalCode);
    expect(receipt.debtor.fullName).toBe(paid.body.fullName);
  });

  await test.step('transfers', async () => {
    const transfers = list(receipt.transferList?.transfer);
    const expected = paid.body.paymentOption[0]!.transfer;
    expect(transfers).toHaveLength(expected.length);
    for (const t of expected) {
      const found = transfers.find((r) => String(r.idTransfer) === t.idTransfer);
      expect(found, `transfer ${t.idTransfer}`).toBeDefined();
      expect(found!.transferAmount).toBe(euros(t.amount));
      expect(found!.fiscalCodePA).toBe(t.organizationFiscalCode ?? config.ecFiscalCode);
      expect(found!.IBAN).toBe(t.iban);
      expect(found!.remittanceInformation).toBe(t.remittanceInformation);
    }
  });

  await test.step('PSP and fee', async () => {
    expect(receipt.PSPCompanyName).toBe(option.pspCompany);
    expect(receipt.idPSP, 'the PSP chosen on Checkout').toEqual(config.checkout.pspId ?? expect.any(String));
    expect.soft(receipt.fee, 'the fee paid on Checkout, in euros').toBe(euros(paid.total - paid.amount));
  });
});

test('[RIC-02] receipts list finds the payment (by IUV, by debtor)', async ({ payOnCheckout, receipts, config }) => {
  const paid = await payOnCheckout();
  await receiptXml(receipts, paid.iuv);

  await test.step('filtered by IUV (debtorOrIuv)', async () => {
    // No date filter: the default window (3 months) holds today's payment whatever the time zones.
    const res = await receipts.list({ debtorOrIuv: paid.iuv });
    expect(res).toHaveStatus(200);
    const found = res.response.body.results.filter((r) => r.iuv === paid.iuv);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ organizationFiscalCode: config.ecFiscalCode, debtor: paid.body.fiscalCode, status: 'PAID' });
    expect(found[0]!.paymentDateTime.slice(0, 10)).toBe(paidOption(paid).paymentDate.slice(0, 10));
  });

  await test.step('filtered by debtor', async () => {
    const res = await receipts.list({ debtor: paid.body.fiscalCode, pageSize: 100 });
    expect(res).toHaveStatus(200);
    const results = res.response.body.results;
    expect(results.map((r) => r.iuv)).toContain(paid.iuv);
    expect(
      results.every((r) => r.debtor === paid.body.fiscalCode),
      'only receipts of that debtor',
    ).toBe(true);
  });
});

test('[RIC-03] biz-events receipt (JSON) of a notice paid on Checkout', async ({ bizEvents, payOnCheckout, config }) => {
  const paid = await payOnCheckout();
  const option = paidOption(paid);
  let receipt: Doc = {};
  await expect
    .poll(
      async () => {
        const res = await bizEvents.receiptForOption(option.idReceipt, paid.iuv);
        receipt = res.response.body;
        return res.response.status;
      },
      { message: `biz-events receipt of IUR ${option.idReceipt}`, timeout: RECEIPT_TIMEOUT_MS, intervals: [1_000, 2_000, 5_000] },
    )
    .toBe(200);

  await test.step('consistent with the position', async () => {
    expect(receipt).toMatchObject({
      receiptId: option.idReceipt,
      noticeNumber: paid.nav,
      fiscalCode: config.ecFiscalCode,
      creditorReferenceId: paid.iuv,
      outcome: 'OK',
      companyName: paid.body.companyName,
      pspCompanyName: option.pspCompany,
    });
    expect(Number(receipt.paymentAmount), 'amount in euros').toBeCloseTo(paid.amount / 100, 2);
    expect(receipt.debtor).toMatchObject({ entityUniqueIdentifierType: paid.body.type, entityUniqueIdentifierValue: paid.body.fiscalCode });
    const transfers = receipt.transferList as Array<Doc>;
    expect(transfers).toHaveLength(paid.body.paymentOption[0]!.transfer.length);
    for (const t of paid.body.paymentOption[0]!.transfer) {
      const found = transfers.find((r) => String(r.idTransfer) === t.idTransfer);
      expect(found, `transfer ${t.idTransfer}`).toBeDefined();
      expect(Number(found!.transferAmount)).toBeCloseTo(t.amount / 100, 2);
      expect(found!.fiscalCodePA).toBe(t.organizationFiscalCode ?? config.ecFiscalCode);
    }
  });

  await test.step('the same receipt by IUR alone', async () => {
    const res = await bizEvents.receipt(option.idReceipt);
    expect(res).toHaveStatus(200);
    expect(res.response.body).toMatchObject({ receiptId: option.idReceipt, creditorReferenceId: paid.iuv });
  });
});
