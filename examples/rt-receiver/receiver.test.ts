import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { validateBody } from '../../lib/schemas.ts';
import type { CtReceiptV2 } from '../../lib/schema-types.ts';
import { toReceiptV1 } from '../../lib/rt/receipt.ts';
import { parseSoapEnvelope, responseVersion, rtRequestBody, soapEnvelope, soapFaultOf, type RtVersion } from '../../lib/rt/soap.ts';
import { createRtReceiver, type RtReceiver } from './receiver.ts';

const EC = '77777777777';
const station = { idPA: EC, idBrokerPA: '77777777777', idStation: '77777777777_01' };
const storeFile = join(mkdtempSync(join(tmpdir(), 'rt-receiver-')), 'receipts.jsonl');
let receiver: RtReceiver;
let url: string;

before(async () => {
  receiver = createRtReceiver({ ecFiscalCodes: [EC], brokerCode: station.idBrokerPA, stationId: station.idStation, storeFile });
  await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}/`;
});
after(() => new Promise<void>((resolve) => receiver.server.close(() => resolve())));

let iuvCounter = 0;
function receipt(): CtReceiptV2 {
  const iuv = `011234567890${String(++iuvCounter).padStart(5, '0')}`;
  return {
    receiptId: `rcpt${iuv}`,
    noticeNumber: `3${iuv}`,
    fiscalCode: EC,
    outcome: 'OK',
    creditorReferenceId: iuv,
    paymentAmount: '10.00',
    description: 'Prova',
    companyName: 'Comune di Prova',
    debtor: { uniqueIdentifier: { entityUniqueIdentifierType: 'F', entityUniqueIdentifierValue: 'RSSMRA80A01H501U' }, fullName: 'Mario Rossi' },
    transferList: {
      transfer: [
        {
          idTransfer: '1',
          transferAmount: '10.00',
          fiscalCodePA: EC,
          IBAN: 'IT60X0542811101000000123456',
          remittanceInformation: 'Prova',
          transferCategory: '9/0101101IM/',
        },
      ],
    },
    idPSP: 'BNLIITRR',
    PSPCompanyName: 'BNL',
    idChannel: 'BNLIITRR_01',
    channelDescription: 'app',
  };
}

async function send(xml: string, soapAction = 'paSendRTV2') {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: soapAction }, body: xml });
  return { status: res.status, text: await res.text() };
}

async function sendRt(version: RtVersion, request: object) {
  const body = version === 1 ? rtRequestBody(1, request as never) : rtRequestBody(2, request as never);
  const res = await send(soapEnvelope(body), version === 1 ? 'paSendRT' : 'paSendRTV2');
  const parsed = parseSoapEnvelope(res.text);
  assert.equal(responseVersion(parsed.element), version, res.text);
  assert.equal(validateBody('rt/CtResponse', parsed.content).valid, true);
  return { status: res.status, content: parsed.content as { outcome: string; fault?: { faultCode: string } } };
}

test('a valid receipt of its EC and station: OK, stored in memory and in the JSONL file', async () => {
  const r = receipt();
  assert.deepEqual(await sendRt(2, { ...station, receipt: r }), { status: 200, content: { outcome: 'OK' } });
  assert.deepEqual(
    receiver.receipts().map((s) => s.receipt),
    [r],
  );
  assert.deepEqual(JSON.parse(readFileSync(storeFile, 'utf8').trim().split('\n').at(-1)!).receipt, r);
});

test('paSendRT (V1) is answered with paSendRTRes', async () => {
  const { status, content } = await sendRt(1, { ...station, receipt: toReceiptV1(receipt()) });
  assert.equal(status, 200);
  assert.equal(content.outcome, 'OK');
});

test('the same notice again: KO PAA_RECEIPT_DUPLICATA, accounted once', async () => {
  const r = receipt();
  await sendRt(2, { ...station, receipt: r });
  const before = receiver.receipts().length;
  const again = await sendRt(2, { ...station, receipt: { ...r, receiptId: 'another-token' } });
  assert.equal(again.content.outcome, 'KO');
  assert.equal(again.content.fault?.faultCode, 'PAA_RECEIPT_DUPLICATA');
  assert.equal(receiver.receipts().length, before);
});

test('wrong EC, broker, station: KO with the fault of each, nothing stored', async () => {
  const before = receiver.receipts().length;
  for (const [change, code] of [
    [{ idPA: '99999999999' }, 'PAA_ID_DOMINIO_ERRATO'],
    [{ idBrokerPA: '99999999999' }, 'PAA_ID_INTERMEDIARIO_ERRATO'],
    [{ idStation: '77777777777_99' }, 'PAA_STAZIONE_INT_ERRATA'],
  ] as const) {
    const { status, content } = await sendRt(2, { ...station, ...change, receipt: receipt() });
    assert.equal(status, 200);
    assert.equal(content.outcome, 'KO');
    assert.equal(content.fault?.faultCode, code);
  }
  assert.equal(receiver.receipts().length, before);
});

test('an XSD-invalid request (amount without decimals, unknown element, elements out of order, wrong namespace): KO PAA_SINTASSI_EXTRAXSD', async () => {
  const before = receiver.receipts().length;
  const noDecimals = { ...station, receipt: { ...receipt(), paymentAmount: '10' } };
  assert.equal((await sendRt(2, noDecimals)).content.fault?.faultCode, 'PAA_SINTASSI_EXTRAXSD');
  const extra = soapEnvelope(rtRequestBody(2, { ...station, receipt: receipt() })).replace('<idPA>', '<extra>x</extra><idPA>');
  assert.match((await send(extra)).text, /PAA_SINTASSI_EXTRAXSD/);
  const swapped = soapEnvelope(rtRequestBody(2, { ...station, receipt: receipt() })).replace(
    /(<idBrokerPA>[^<]*<\/idBrokerPA>)(\s*)(<idStation>[^<]*<\/idStation>)/,
    '$3$2$1',
  );
  assert.match((await send(swapped)).text, /PAA_SINTASSI_EXTRAXSD[\s\S]*idBrokerPA: must come before idStation|idStation: must come before/);
  const otherNs = soapEnvelope(rtRequestBody(2, { ...station, receipt: receipt() })).replace('http://pagopa-api.pagopa.gov.it/pa/paForNode.xsd', 'urn:other');
  assert.match((await send(otherNs)).text, /PAA_SINTASSI_EXTRAXSD/);
  assert.equal(receiver.receipts().length, before);
});

test('not XML, not SOAP, unknown operation: HTTP 500 with a SOAP Fault; other methods 405; every call listed', async () => {
  for (const xml of ['garbage', '<x/>', soapEnvelope('<pafn:paGetPaymentReq xmlns:pafn="http://pagopa-api.pagopa.gov.it/pa/paForNode.xsd"/>')]) {
    const res = await send(xml);
    assert.equal(res.status, 500);
    assert.equal(soapFaultOf(parseSoapEnvelope(res.text))?.faultcode, 'soapenv:Client');
  }
  assert.equal((await fetch(url, { method: 'PUT', body: 'x' })).status, 405);
  const listed = (await (await fetch(`${url}receipts`)).json()) as { calls: Array<{ outcome: string }> };
  assert.ok(listed.calls.some((c) => c.outcome === 'SOAP Fault'));
});

test('hostile bodies: always an answer (a KO, or a SOAP Fault with 500/413), never a stored receipt', async () => {
  const fc = await import('fast-check');
  // A receipt already received: a mangled copy that is still a valid request can only be a duplicate.
  const valid = soapEnvelope(rtRequestBody(2, { ...station, receipt: receipt() }));
  assert.match((await send(valid)).text, /<outcome>OK<\/outcome>/);
  const before = receiver.receipts().length;
  const body = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.string({ unit: 'binary', maxLength: 300 }),
    // A valid request cut, or with a random piece inserted at a random place.
    fc.nat({ max: valid.length }).map((n) => valid.slice(0, n)),
    fc
      .tuple(fc.nat({ max: valid.length }), fc.constantFrom('<', '>', '&', '&amp;', '<x>', '</receipt>', '<!DOCTYPE x>', '<?xml?>', ']]>', '\u0000'))
      .map(([n, piece]) => valid.slice(0, n) + piece + valid.slice(n)),
  );
  await fc.assert(
    fc.asyncProperty(body, async (text) => {
      const res = await send(text);
      if (res.status === 200) {
        const parsed = parseSoapEnvelope(res.text);
        assert.equal((parsed.content as { outcome: string }).outcome, 'KO', text);
      } else {
        assert.ok(res.status === 500 || res.status === 413, `${res.status} for ${JSON.stringify(text).slice(0, 200)}`);
        assert.ok(soapFaultOf(parseSoapEnvelope(res.text)), 'a SOAP Fault');
      }
    }),
    { numRuns: 300, seed: 20261207 },
  );
  assert.equal(receiver.receipts().length, before);
});
