import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser } from 'fast-xml-parser';
import { KEYS, ORG, OTHER_ORG, PAYMENT_BODY, positionBody, startSandbox, type PositionBody, type Res, type TestSandbox } from '../test-helpers.ts';

const BASE = '/bizevents/service/v1';
/** The second beneficiary of the positions below, with a BIZ key of its own. */
const BENEFICIARY = '15376371009';
const BENEFICIARY_KEY = 'test-biz-beneficiary-key';

let sb: TestSandbox;
before(async () => {
  sb = await startSandbox({
    subscriptions: [
      { key: KEYS.gpd, product: 'gpd', organizations: [ORG] },
      { key: KEYS.receipts, product: 'gpd-receipts', organizations: [ORG] },
      { key: KEYS.biz, product: 'biz', organizations: [ORG] },
      { key: BENEFICIARY_KEY, product: 'biz', organizations: [BENEFICIARY] },
      { key: KEYS.internal, product: 'internal', organizations: ['*'] },
    ],
  });
});
after(() => sb.close());

const receiptPath = (organization: string, iur: string, iuv?: string) =>
  `${BASE}/organizations/${organization}/receipts/${iur}${iuv === undefined ? '' : `/paymentoptions/${iuv}`}`;

const biz = (organization: string, iur: string, iuv?: string, headers: Record<string, string> = { 'ocp-apim-subscription-key': KEYS.biz }) =>
  sb.call('GET', receiptPath(organization, iur, iuv), { headers });

let tokens = 0;
/** A payment token unique in this sandbox (the IUR the biz-events API is queried by). */
const token = () => `bizToken${String(++tokens).padStart(4, '0')}`;

const PSP = { pspCode: 'ABI03069', pspTaxCode: '00799960158', pspCompany: 'Banca di Test', paymentMethod: 'CP', fee: '150' };

/** A position with every debtor field, an office, and a transfer to a second beneficiary. */
function richPosition(): PositionBody {
  const body = positionBody({ amount: 12345 });
  Object.assign(body, {
    type: 'G',
    streetName: 'Via Roma',
    civicNumber: '1',
    postalCode: '00100',
    city: 'Roma',
    province: 'RM',
    country: 'IT',
    email: 'mario.rossi@example.com',
    officeName: 'Ufficio Tributi',
  });
  body.paymentOption[0]!.transfer = [
    { idTransfer: '1', amount: 12000, remittanceInformation: 'TARI', category: '9/0101108TS/', iban: 'IT30N0103076271000001823603' },
    {
      idTransfer: '2',
      amount: 345,
      remittanceInformation: 'Quota',
      category: '9/0201102IM/',
      iban: 'IT60X0542811101000000123456',
      organizationFiscalCode: BENEFICIARY,
    },
  ];
  return body;
}

/** Creates and publishes `body`, then pays its first option through the internal API (as the Node does). */
async function pay(body: PositionBody, payment: Record<string, unknown>): Promise<{ iuv: string; nav: string }> {
  const created = await sb.ec('POST', '/debtpositions', { body, query: { toPublish: 'true' } });
  assert.equal(created.status, 201, created.raw);
  const { iuv } = body.paymentOption[0]!;
  const paid = await sb.internal('POST', `/paymentoptions/3${iuv}/pay`, { body: payment });
  assert.equal(paid.status, 200, paid.raw);
  return { iuv, nav: `3${iuv}` };
}

function assertProblem(res: Res, status: number, title: string, detail: string) {
  assert.equal(res.status, status, res.raw);
  assert.match(String(res.headers['content-type']), /^application\/json/);
  assert.deepEqual(res.body, { title, status, detail });
}

test('by IUR: the receipt as CtReceiptModelResponse, every field from the position and the payment, amounts in euros', async () => {
  const iur = token();
  const { iuv, nav } = await pay(richPosition(), { ...PAYMENT_BODY, ...PSP, idReceipt: iur, paymentDate: '2025-03-01T14:30:00.250' });
  const res = await biz(ORG, iur, undefined, { 'ocp-apim-subscription-key': KEYS.biz, 'x-request-id': 'req-biz-1' });
  assert.equal(res.status, 200, res.raw);
  assert.match(String(res.headers['content-type']), /^application\/json/);
  assert.equal(res.headers['x-request-id'], 'req-biz-1');
  assert.deepEqual(res.body, {
    receiptId: iur,
    noticeNumber: nav,
    fiscalCode: ORG,
    outcome: 'OK',
    creditorReferenceId: iuv,
    paymentAmount: 123.45,
    description: 'TARI 2025',
    companyName: 'Comune di Test',
    officeName: 'Ufficio Tributi',
    debtor: {
      entityUniqueIdentifierType: 'G',
      entityUniqueIdentifierValue: 'RSSMRA80A01H501U',
      fullName: 'Mario Rossi',
      streetName: 'Via Roma',
      civicNumber: '1',
      postalCode: '00100',
      city: 'Roma',
      stateProvinceRegion: 'RM',
      country: 'IT',
      email: 'mario.rossi@example.com',
    },
    transferList: [
      {
        idTransfer: 1,
        transferAmount: 120,
        fiscalCodePA: ORG,
        iban: 'IT30N0103076271000001823603',
        remittanceInformation: 'TARI',
        transferCategory: '9/0101108TS/',
      },
      {
        idTransfer: 2,
        transferAmount: 3.45,
        fiscalCodePA: BENEFICIARY,
        iban: 'IT60X0542811101000000123456',
        remittanceInformation: 'Quota',
        transferCategory: '9/0201102IM/',
      },
    ],
    idPSP: 'ABI03069',
    pspFiscalCode: '00799960158',
    pspCompanyName: 'Banca di Test',
    idChannel: 'ABI03069_01',
    channelDescription: 'app',
    paymentMethod: 'CP',
    fee: 1.5,
    paymentDateTime: '2025-03-01',
    paymentDateTimeFormatted: '2025-03-01T14:30:00',
    applicationDate: '2025-03-01',
    transferDate: '2025-03-01',
  });
  // Amounts are JSON numbers, not strings.
  assert.match(res.raw, /"paymentAmount":123\.45,/);
  assert.match(res.raw, /"fee":1\.5,/);
});

test('the JSON receipt and the XML receipt of the GPD receipts API say the same', async () => {
  const iur = token();
  const { iuv } = await pay(richPosition(), { ...PAYMENT_BODY, ...PSP, idReceipt: iur });
  const json = (await biz(ORG, iur)).body;
  const xmlRes = await sb.call('GET', `/gpd/payments-receipts-service/v1/payments/${ORG}/receipts/${iuv}`, {
    headers: { 'ocp-apim-subscription-key': KEYS.receipts },
  });
  assert.equal(xmlRes.status, 200);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const xml = (new XMLParser({ parseTagValue: false }).parse(xmlRes.raw) as { paSendRTReq: { receipt: Record<string, any> } }).paSendRTReq.receipt;
  for (const field of ['receiptId', 'noticeNumber', 'fiscalCode', 'outcome', 'creditorReferenceId', 'description', 'companyName', 'officeName']) {
    assert.equal(json[field], xml[field], field);
  }
  for (const field of ['idPSP', 'pspFiscalCode', 'idChannel', 'channelDescription', 'paymentMethod', 'applicationDate', 'transferDate']) {
    assert.equal(json[field], xml[field], field);
  }
  assert.equal(json.pspCompanyName, xml.PSPCompanyName);
  assert.equal(json.paymentDateTimeFormatted, xml.paymentDateTime);
  assert.equal(json.paymentDateTime, xml.paymentDateTime.slice(0, 10));
  // Euros with two decimals in the XML, the same amount as a number in the JSON.
  assert.equal(json.paymentAmount, Number(xml.paymentAmount));
  assert.equal(json.fee, Number(xml.fee));
  assert.equal(xml.paymentAmount, '123.45');
  const { uniqueIdentifier, 'e-mail': email, ...debtor } = xml.debtor;
  assert.deepEqual(json.debtor, { ...uniqueIdentifier, ...debtor, email });
  assert.deepEqual(
    json.transferList,
    xml.transferList.transfer.map((t: Record<string, string>) => ({
      idTransfer: Number(t.idTransfer),
      transferAmount: Number(t.transferAmount),
      fiscalCodePA: t.fiscalCodePA,
      iban: t.IBAN,
      remittanceInformation: t.remittanceInformation,
      transferCategory: t.transferCategory,
    })),
  );
});

test('by IUR and IUV: the same receipt; a wrong IUV or an unknown IUR → 404 ProblemJson', async () => {
  const iur = token();
  const { iuv } = await pay(richPosition(), { ...PAYMENT_BODY, ...PSP, idReceipt: iur });
  const byIur = await biz(ORG, iur);
  const byBoth = await biz(ORG, iur, iuv);
  assert.equal(byBoth.status, 200, byBoth.raw);
  assert.deepEqual(byBoth.body, byIur.body);
  assert.equal(byBoth.body.creditorReferenceId, iuv);

  assertProblem(
    await biz(ORG, iur, '01999999999999999'),
    404,
    'Biz Event not found',
    `Not found a biz event for the Organization Fiscal Code ${ORG} and IUR ${iur} and IUV 01999999999999999`,
  );
  assertProblem(
    await biz(ORG, 'unknownToken'),
    404,
    'Biz Event not found',
    `Not found a biz event for the Organization Fiscal Code ${ORG} and IUR unknownToken`,
  );
  assertProblem(
    await biz(ORG, 'unknownToken', iuv),
    404,
    'Biz Event not found',
    `Not found a biz event for the Organization Fiscal Code ${ORG} and IUR unknownToken and IUV ${iuv}`,
  );
  // The IUV is not an IUR.
  assert.equal((await biz(ORG, iuv)).status, 404);
});

test('only payments through pagoPA have a biz event: unpaid and "paids" options → 404', async () => {
  const unpaid = positionBody();
  assert.equal((await sb.ec('POST', '/debtpositions', { body: unpaid, query: { toPublish: 'true' } })).status, 201);
  const { iuv } = unpaid.paymentOption[0]!;
  assert.equal((await biz(ORG, 'notPaidYet', iuv)).status, 404);
  assert.equal((await sb.ec('POST', `/paymentoptions/paids/3${iuv}`, { body: { paymentDate: '2025-03-01T10:00:00' } })).status, 200);
  // The EC's "paids" sets idReceipt to this placeholder: still no biz event.
  assert.equal((await biz(ORG, 'CLOSED_AS_ALREADY_PAID_BY_EC')).status, 404);
  assert.equal((await biz(ORG, 'CLOSED_AS_ALREADY_PAID_BY_EC', iuv)).status, 404);
});

test('a second beneficiary finds the receipt by IUR alone, not with the IUV; an EC that is not a beneficiary only with the IUV', async () => {
  const iur = token();
  const { iuv } = await pay(richPosition(), { ...PAYMENT_BODY, ...PSP, idReceipt: iur });
  const asBeneficiary = await biz(BENEFICIARY, iur, undefined, { 'ocp-apim-subscription-key': BENEFICIARY_KEY });
  assert.equal(asBeneficiary.status, 200, asBeneficiary.raw);
  assert.equal(asBeneficiary.body.fiscalCode, ORG, 'the receipt names the EC that issued the notice');
  assert.equal(asBeneficiary.body.receiptId, iur);
  assertProblem(
    await biz(BENEFICIARY, iur, iuv, { 'ocp-apim-subscription-key': BENEFICIARY_KEY }),
    404,
    'Biz Event not found',
    `Not found a biz event for the Organization Fiscal Code ${BENEFICIARY} and IUR ${iur} and IUV ${iuv}`,
  );

  // Every transfer to the other EC: the issuing EC is no beneficiary.
  const onBehalf = positionBody({ amount: 5000 });
  onBehalf.paymentOption[0]!.transfer = [
    {
      idTransfer: '1',
      amount: 5000,
      remittanceInformation: 'TEFA',
      category: '9/0201102IM/',
      iban: 'IT60X0542811101000000123456',
      organizationFiscalCode: BENEFICIARY,
    },
  ];
  const other = token();
  const paid = await pay(onBehalf, { ...PAYMENT_BODY, ...PSP, idReceipt: other });
  assertProblem(await biz(ORG, other), 404, 'Biz Event not found', `Not found a biz event for the Organization Fiscal Code ${ORG} and IUR ${other}`);
  const byBoth = await biz(ORG, other, paid.iuv);
  assert.equal(byBoth.status, 200, byBoth.raw);
  assert.deepEqual(
    byBoth.body.transferList.map((t: { fiscalCodePA: string }) => t.fiscalCodePA),
    [BENEFICIARY],
  );
  assert.equal((await biz(BENEFICIARY, other, undefined, { 'ocp-apim-subscription-key': BENEFICIARY_KEY })).status, 200);
});

test('a payment token found on two payments → 422 ProblemJson by IUR; the IUV still tells them apart', async () => {
  const iur = token();
  const first = await pay(richPosition(), { ...PAYMENT_BODY, ...PSP, idReceipt: iur });
  await pay(richPosition(), { ...PAYMENT_BODY, ...PSP, idReceipt: iur });
  assertProblem(
    await biz(ORG, iur),
    422,
    'Biz Event is not unique',
    `More than one biz event was found for the Organization Fiscal Code ${ORG} and IUR ${iur}`,
  );
  const one = await biz(ORG, iur, first.iuv);
  assert.equal(one.status, 200, one.raw);
  assert.equal(one.body.creditorReferenceId, first.iuv);
});

test('a receipt without PSP code and channel is the service response check: 500 "Invalid response"', async () => {
  const iur = token();
  await pay(positionBody(), { ...PAYMENT_BODY, idReceipt: iur }); // no pspCode
  assertProblem(await biz(ORG, iur), 500, 'Invalid response', 'idPSP idPSP is required. idChannel idChannel is required.');
});

test('gateway: the BIZ key only (header or query), bound to the EC of the path', async () => {
  const iur = token();
  await pay(positionBody(), { ...PAYMENT_BODY, ...PSP, idReceipt: iur });
  const path = receiptPath(ORG, iur);
  const noKey = await sb.call('GET', path);
  assert.equal(noKey.status, 401);
  assert.match(noKey.body.message, /missing subscription key/);
  for (const key of [KEYS.gpd, KEYS.receipts, KEYS.internal, 'not-a-key']) {
    const res = await sb.call('GET', path, { headers: { 'ocp-apim-subscription-key': key } });
    assert.equal(res.status, 401, key);
    assert.match(res.body.message, /invalid subscription key/, key);
  }
  assert.equal((await sb.call('GET', path, { query: { 'subscription-key': KEYS.biz } })).status, 200);
  assert.equal((await biz(ORG, iur)).status, 200);

  const forbidden = await biz(OTHER_ORG, iur);
  assert.deepEqual([forbidden.status, forbidden.body], [403, { statusCode: 403, message: 'You are not allowed to access this resource.' }]);
  assert.equal((await biz(OTHER_ORG, iur, '01999999999999999')).status, 403);
  assert.equal((await biz(BENEFICIARY, iur)).status, 403, 'the key of the EC is not bound to the beneficiary');
});

test('GET /info answers AppInfo behind the biz-events key (pagopa-biz-events-service BaseController, openapi_ec.json)', async () => {
  const info = await sb.call('GET', '/bizevents/service/v1/info', { headers: { 'ocp-apim-subscription-key': KEYS.biz } });
  assert.equal(info.status, 200, info.raw);
  assert.deepEqual(Object.keys(info.body).sort(), ['environment', 'name', 'version']);
  assert.equal(info.body.name, 'bizeventsservice');
  assert.equal((await sb.call('GET', '/bizevents/service/v1/info')).status, 401, 'the key is required');
});
