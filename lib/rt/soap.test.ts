import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateBody } from '../schemas.ts';
import type { CtReceiptV2 } from '../schema-types.ts';
import { toReceiptV1 } from './receipt.ts';
import {
  requestOrderProblems,
  koResponse,
  parseSoapEnvelope,
  PA_FOR_NODE_NS,
  requestVersion,
  responseVersion,
  RT_OPERATIONS,
  rtRequestBody,
  rtResponseBody,
  soapEnvelope,
  soapFault,
  soapFaultOf,
  SoapParseError,
} from './soap.ts';
import { loadPaForNodeXsd } from './xsd.ts';

const xsd = loadPaForNodeXsd();
const skipXsd = 'reason' in xsd ? xsd.reason : false;

/** A receipt with every field of ctReceiptV2 (two transfers: an IBAN and a digital stamp). */
function fullReceipt(): CtReceiptV2 {
  const subject = {
    uniqueIdentifier: { entityUniqueIdentifierType: 'F' as const, entityUniqueIdentifierValue: 'RSSMRA80A01H501U' },
    fullName: 'Mario Rossi',
    streetName: 'Via Roma',
    civicNumber: '1',
    postalCode: '00100',
    city: 'Roma',
    stateProvinceRegion: 'RM',
    country: 'IT',
    'e-mail': 'mario.rossi@example.org',
  };
  return {
    receiptId: 'c110729279a4418abc1de7bd3a4ce0ad',
    noticeNumber: '301123456789012345',
    fiscalCode: '77777777777',
    outcome: 'OK',
    creditorReferenceId: '01123456789012345',
    paymentAmount: '120.50',
    description: 'TARI 2026 rata unica',
    companyName: 'Comune di Prova',
    officeName: 'Ufficio tributi',
    debtor: subject,
    transferList: {
      transfer: [
        {
          idTransfer: '1',
          transferAmount: '104.50',
          fiscalCodePA: '77777777777',
          companyName: 'Comune di Prova',
          IBAN: 'IT60X0542811101000000123456',
          remittanceInformation: 'TARI 2026',
          transferCategory: '9/0101101IM/',
          metadata: { mapEntry: [{ key: 'anno', value: '2026' }] },
        },
        {
          idTransfer: '2',
          transferAmount: '16.00',
          fiscalCodePA: '15376371009',
          MBDAttachment: 'PG1hcmNhRGFCb2xsbz4=',
          remittanceInformation: 'Bollo',
          transferCategory: '9/0301109AP',
        },
      ],
    },
    idPSP: 'BNLIITRR',
    pspFiscalCode: '09339391005',
    pspPartitaIVA: '09339391005',
    PSPCompanyName: 'Banca Nazionale del Lavoro S.p.A.',
    idChannel: 'BNLIITRR_01',
    channelDescription: 'app',
    payer: subject,
    paymentMethod: 'creditCard',
    paymentNote: 'nota',
    fee: '1.00',
    primaryCiIncurredFee: '0.50',
    idBundle: 'bundle-1',
    idCiBundle: 'ci-bundle-1',
    paymentDateTime: '2026-12-07T08:15:00',
    applicationDate: '2026-12-07',
    transferDate: '2026-12-08',
    metadata: { mapEntry: [{ key: 'canale', value: 'checkout' }] },
    standIn: 'false',
  };
}

const station = { idPA: '77777777777', idBrokerPA: '77777777777', idStation: '77777777777_01' };
const v1Receipt = () => {
  const receipt = fullReceipt();
  receipt.transferList.transfer = receipt.transferList.transfer.slice(0, 1);
  receipt.paymentAmount = '104.50';
  return toReceiptV1(receipt);
};

test('official XSD: the paSendRTV2Request and paSendRTReq bodies we build are valid', { skip: skipXsd }, async () => {
  const validate = (xsd as { validate: (xml: string) => Promise<{ valid: boolean; errors: string[] }> }).validate;
  assert.deepEqual(await validate(rtRequestBody(2, { ...station, receipt: fullReceipt() })), { valid: true, errors: [] });
  assert.deepEqual(await validate(rtRequestBody(1, { ...station, receipt: v1Receipt() })), { valid: true, errors: [] });
  // Minimal: only the required fields.
  const {
    officeName: _o,
    payer: _p,
    paymentNote: _n,
    primaryCiIncurredFee: _f,
    idBundle: _b,
    idCiBundle: _c,
    metadata: _m,
    standIn: _s,
    pspPartitaIVA: _v,
    ...minimal
  } = fullReceipt();
  assert.deepEqual(await validate(rtRequestBody(2, { ...station, receipt: minimal })), { valid: true, errors: [] });
});

test('official XSD: OK and KO responses of both versions are valid; a SOAP envelope is not a body', { skip: skipXsd }, async () => {
  const validate = (xsd as { validate: (xml: string) => Promise<{ valid: boolean; errors: string[] }> }).validate;
  for (const version of [1, 2] as const) {
    assert.equal((await validate(rtResponseBody(version, { outcome: 'OK' }))).valid, true);
    const ko = koResponse('PAA_RECEIPT_DUPLICATA', 'Ricevuta duplicata', '77777777777', 'receipt already received');
    assert.deepEqual(await validate(rtResponseBody(version, ko)), { valid: true, errors: [] });
  }
  assert.equal((await validate(soapEnvelope(rtResponseBody(2, { outcome: 'OK' })))).valid, false);
});

test('official XSD agrees with our schemas on what is invalid (so the schemas can stand in for it at run time)', { skip: skipXsd }, async () => {
  const validate = (xsd as { validate: (xml: string) => Promise<{ valid: boolean; errors: string[] }> }).validate;
  const cases: Array<[string, (r: CtReceiptV2) => void]> = [
    ['amount without decimals', (r) => void (r.paymentAmount = '120')],
    ['zero transfer amount', (r) => void (r.transferList.transfer[0]!.transferAmount = '0.00')],
    ['notice number of 17 digits', (r) => void (r.noticeNumber = '30112345678901234')],
    ['EC fiscal code with letters', (r) => void (r.fiscalCode = '7777777777A')],
    ['six transfers', (r) => void (r.transferList.transfer = Array.from({ length: 6 }, () => r.transferList.transfer[0]!))],
    ['description of 141 characters', (r) => void (r.description = 'x'.repeat(141))],
    ['outcome neither OK nor KO', (r) => void (r.outcome = 'MAYBE' as 'OK')],
    ['country in lower case', (r) => void (r.debtor.country = 'it')],
  ];
  for (const [name, breakIt] of cases) {
    const receipt = fullReceipt();
    breakIt(receipt);
    const request = { ...station, receipt };
    const official = await validate(rtRequestBody(2, request));
    assert.equal(official.valid, false, `XSD accepts ${name}`);
    const parsed = parseSoapEnvelope(soapEnvelope(rtRequestBody(2, request)));
    assert.equal(validateBody('rt/PaSendRTV2Request', parsed.content).valid, false, `our schema accepts ${name}`);
  }
});

test('a request round-trips through the envelope: element, namespace, content equal to what was built, valid against our schema', () => {
  for (const version of [1, 2] as const) {
    const request = version === 1 ? { ...station, receipt: v1Receipt() } : { ...station, receipt: fullReceipt() };
    const body = parseSoapEnvelope(soapEnvelope(rtRequestBody(version, request)));
    assert.equal(body.element, RT_OPERATIONS[version].request);
    assert.equal(requestVersion(body.element), version);
    assert.equal(body.namespace, PA_FOR_NODE_NS);
    assert.deepEqual(body.content, request);
    assert.deepEqual(validateBody(RT_OPERATIONS[version].requestSchema, body.content), {
      schema: RT_OPERATIONS[version].requestSchema,
      valid: true,
      errors: [],
      warnings: [],
    });
  }
});

test('a response round-trips; a SOAP Fault is recognised', () => {
  const ko = koResponse('PAA_ID_DOMINIO_ERRATO', 'Dominio errato', '77777777777');
  const body = parseSoapEnvelope(soapEnvelope(rtResponseBody(2, ko)));
  assert.equal(responseVersion(body.element), 2);
  assert.deepEqual(body.content, { outcome: 'KO', fault: { faultCode: 'PAA_ID_DOMINIO_ERRATO', faultString: 'Dominio errato', id: '77777777777' } });
  assert.equal(validateBody('rt/CtResponse', body.content).valid, true);
  assert.deepEqual(soapFaultOf(parseSoapEnvelope(soapFault('Client', 'bad <request>'))), { faultcode: 'soapenv:Client', faultstring: 'bad <request>' });
});

test('the builder refuses fields outside the XSD sequence (a V2 field in a V1 receipt)', () => {
  assert.throws(() => rtRequestBody(1, { ...station, receipt: { ...v1Receipt(), paymentNote: 'x' } as never }), /paymentNote/);
});

test('parseSoapEnvelope refuses what is not a SOAP 1.1 envelope with one body element', () => {
  const bad = [
    'not xml at all',
    '<a><b></a>',
    '<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>',
    '<root/>',
    '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><x/></s:Body></s:Envelope>',
    `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header/></s:Envelope>`,
    `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><a/><b/></s:Body></s:Envelope>`,
    `<?"xml version="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><a/></s:Body></s:Envelope>`,
    `<?xml v</a>ersion="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><a/></s:Body></s:Envelope>`,
    ` <?xml version="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><a/></s:Body></s:Envelope>`,
    `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><?xml version="1.0"?><s:Body><a/></s:Body></s:Envelope>`,
  ];
  const declared = `<?xml version="1.0" encoding="UTF-8"?>\n<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><a/></s:Body></s:Envelope>`;
  assert.equal(parseSoapEnvelope(declared).element, 'a');
  for (const xml of bad) assert.throws(() => parseSoapEnvelope(xml), SoapParseError, xml);
});

test('element order: what we build is in the XSD order; swapped elements are reported, and the XSD refuses them too', async () => {
  for (const version of [1, 2] as const) {
    const request = version === 1 ? { ...station, receipt: v1Receipt() } : { ...station, receipt: fullReceipt() };
    assert.deepEqual(requestOrderProblems(version, soapEnvelope(rtRequestBody(version, request))), []);
  }
  const swaps: Array<[string, string, string]> = [
    ['<idPA>77777777777</idPA>', '<idBrokerPA>77777777777</idBrokerPA>', '/idPA: must come before idBrokerPA'],
    ['<fullName>Mario Rossi</fullName>', '<streetName>Via Roma</streetName>', '/receipt/debtor/fullName: must come before streetName'],
    ['<key>anno</key>', '<value>2026</value>', '/receipt/transferList/transfer/metadata/mapEntry/key: must come before value'],
  ];
  for (const [a, b, problem] of swaps) {
    const body = rtRequestBody(2, { ...station, receipt: fullReceipt() })
      .replace(`${a}\n`, '§')
      .replace(b, `${b}\n${a}`)
      .replace('§', '');
    assert.ok(body.includes(`${b}\n`), `swap ${a}`);
    assert.ok(
      requestOrderProblems(2, soapEnvelope(body)).some((p) => p.includes(problem)),
      `${problem}: ${requestOrderProblems(2, soapEnvelope(body)).join('; ')}`,
    );
    if ('validate' in xsd) assert.equal((await xsd.validate(body)).valid, false, `the XSD accepts ${a} after ${b}`);
  }
});
