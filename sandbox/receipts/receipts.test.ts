import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser } from 'fast-xml-parser';
import { DAY, HOUR, KEYS, ORG, PAYMENT_BODY, T0, at, positionBody, startSandbox, twoBeneficiaryBody, type TestSandbox } from '../test-helpers.ts';

const RECEIPTS = `/gpd/payments-receipts-service/v1/payments/${ORG}/receipts`;
let sb: TestSandbox;
before(async () => {
  sb = await startSandbox();
});
after(() => sb.close());

const receipts = (path = '', query: Record<string, string> = {}, key: string = KEYS.receipts) =>
  sb.call('GET', `${RECEIPTS}${path}`, { query, headers: { 'ocp-apim-subscription-key': key } });

/** A VALID position paid through the internal API (as the Node does after Checkout). */
async function paidPosition(amount = 12345) {
  const body = twoBeneficiaryBody(amount);
  assert.equal((await sb.ec('POST', '/debtpositions', { body, query: { toPublish: 'true' } })).status, 201);
  const option = body.paymentOption[0]!;
  // Paid an hour before the sandbox's (frozen) now.
  const payment = { ...PAYMENT_BODY, paymentDate: at(T0, -HOUR) };
  assert.equal((await sb.internal('POST', `/paymentoptions/3${option.iuv}/pay`, { body: payment })).status, 200);
  return { body, iuv: option.iuv };
}

test('a payment through pagoPA produces the receipt: XML paSendRTReq consistent with the position, euros', async () => {
  const { body, iuv } = await paidPosition();
  const res = await receipts(`/${iuv}`);
  assert.equal(res.status, 200);
  assert.match(String(res.headers['content-type']), /^application\/xml/);
  // As pagopa-gpd-payments stores it (ReceiveRTService.marshal: JAXB, formatted, root in no namespace).
  assert.match(res.raw, /^<\?xml version="1\.0" encoding="UTF-8" standalone="yes"\?>\n<paSendRTReq>\n {4}<idPA>/);
  const doc = new XMLParser({ parseTagValue: false }).parse(res.raw) as { paSendRTReq: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  const receipt = doc.paSendRTReq.receipt;
  assert.equal(doc.paSendRTReq.idPA, ORG);
  assert.equal(receipt.noticeNumber, `3${iuv}`);
  assert.equal(receipt.creditorReferenceId, iuv);
  assert.equal(receipt.fiscalCode, ORG);
  assert.equal(receipt.outcome, 'OK');
  assert.equal(receipt.paymentAmount, '123.45');
  assert.equal(receipt.companyName, body.companyName);
  assert.equal(receipt.debtor.uniqueIdentifier.entityUniqueIdentifierValue, body.fiscalCode);
  assert.deepEqual(
    receipt.transferList.transfer.map((t: { idTransfer: string; transferAmount: string; fiscalCodePA: string }) => [
      t.idTransfer,
      t.transferAmount,
      t.fiscalCodePA,
    ]),
    [
      ['1', '120.00', ORG],
      ['2', '3.45', '15376371009'],
    ],
  );
  assert.equal(receipt.receiptId, PAYMENT_BODY.idReceipt);
});

test('an unpaid notice → 422; an unknown IUV → 404; an EC "paids" produces no receipt', async () => {
  const unpaid = positionBody();
  await sb.ec('POST', '/debtpositions', { body: unpaid, query: { toPublish: 'true' } });
  const iuv = unpaid.paymentOption[0]!.iuv;
  const res = await receipts(`/${iuv}`);
  assert.equal(res.status, 422);
  assert.equal(res.body.title, 'The receipts recovery is failed');
  const unknown = await receipts('/01999999999999999');
  assert.deepEqual(unknown.body, {
    title: 'Not found the receipt',
    status: 404,
    detail: `Not found a receipt for Organization Fiscal Code ${ORG} and IUV 01999999999999999`,
  });
  await sb.ec('POST', `/paymentoptions/paids/${iuv}`, { body: { paymentDate: '2025-03-01T10:00:00' } });
  assert.equal((await receipts(`/${iuv}`)).status, 404, 'marked as paid by the EC: no pagoPA receipt');
});

test('receipts list: filters, paging, window and the documented 400s', async () => {
  const paid = [await paidPosition(), await paidPosition(), await paidPosition()];
  const all = await receipts();
  assert.equal(all.status, 200);
  for (const { iuv } of paid)
    assert.ok(
      all.body.results.some((r: { iuv: string }) => r.iuv === iuv),
      iuv,
    );
  assert.deepEqual(Object.keys(all.body.results[0]).sort(), ['debtor', 'iuv', 'organizationFiscalCode', 'paymentDateTime', 'status']);
  assert.equal(all.body.results[0].status, 'PAID');
  const byIuv = await receipts('', { debtorOrIuv: paid[1]!.iuv });
  assert.deepEqual(
    byIuv.body.results.map((r: { iuv: string }) => r.iuv),
    [paid[1]!.iuv],
  );
  const paged = await receipts('', { pageSize: '1', pageNum: '1' });
  assert.deepEqual([paged.body.currentPageNumber, paged.body.length, paged.body.totalPages >= 3], [1, 1, true]);
  assert.deepEqual((await receipts('', { pageNum: '999' })).body, {
    title: 'Not enough elements',
    status: 400,
    detail: 'The page number is too big for the filtered elements',
  });
  assert.equal((await receipts('', { pageSize: '101' })).status, 400);
  assert.equal((await receipts('', { from: '2025-03-02', to: '2025-03-01' })).body.title, 'Invalid date range');
  assert.equal((await receipts('', { from: 'yesterday' })).status, 400);
  const old = await receipts('', { to: new Date(sb.now() - 200 * DAY).toISOString().slice(0, 10) });
  assert.equal(old.body.length, 0, 'outside the window');
});

test('the receipts API takes the receipts key, not the GPD key', async () => {
  assert.equal((await receipts('', {}, KEYS.gpd)).status, 401);
  assert.equal((await receipts('', {}, KEYS.receipts)).status, 200);
});

// pagopa-gpd-payments (IPaymentsController, PaymentsService.getReceiptByOrganizationFCAndIUV and
// retrieveEntitiesByFilter at 5d3837c): segregationCodes, the hidden parameter the gateway fills for a broker with
// segregation codes, held to \d{2}(,\d{2})*; the list keeps the IUVs starting with one of the codes; one receipt
// whose IUV starts with none is 403, before it is looked up.
test('segregationCodes: the list keeps the codes’ IUVs; one receipt outside them → 403 before the lookup; a malformed value → 400', async () => {
  const { iuv } = await paidPosition(); // IUVs of the test data start with 01
  const listed = async (codes: string) => ((await receipts('', { segregationCodes: codes })).body.results as Array<{ iuv: string }>).map((r) => r.iuv);
  assert.ok((await listed('01')).includes(iuv), 'listed with segregationCodes=01');
  assert.ok((await listed('02,01')).includes(iuv), 'listed with segregationCodes=02,01');
  assert.deepEqual(await listed('47'), [], 'none with a code no IUV starts with');

  assert.equal((await receipts(`/${iuv}`, { segregationCodes: '01' })).status, 200);
  // The paid IUV (01…) outside 02,03; an unknown IUV (02…) outside 01,03: 403, not 404, the code checked first.
  for (const [target, codes] of [
    [iuv, '02,03'],
    [`02${iuv.slice(2)}`, '01,03'],
  ] as const) {
    const refused = await receipts(`/${target}`, { segregationCodes: codes });
    assert.equal(refused.status, 403, refused.raw);
    assert.deepEqual(refused.body, {
      title: 'The receipt retrieve is forbidden',
      status: 403,
      detail: `The caller does not have proper authorization to access IUV with the following segregation code ${target.slice(0, 2)}`,
    });
  }
  for (const value of ['1', '01,', 'ab', '']) {
    const list = await receipts('', { segregationCodes: value });
    assert.deepEqual([list.status, list.body.detail], [400, 'getOrganizationReceipts.segregationCodes: must match "\\d{2}(,\\d{2})*"'], JSON.stringify(value));
    const one = await receipts(`/${iuv}`, { segregationCodes: value });
    assert.deepEqual([one.status, one.body.detail], [400, 'getReceiptByIUV.segregationCodes: must match "\\d{2}(,\\d{2})*"'], JSON.stringify(value));
  }
});
