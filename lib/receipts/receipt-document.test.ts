// The receipt document is read whichever primitive the Node used to send it to GPD's receipts service.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { receiptRequest } from './receipt-document.ts';

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const fields =
  '<idPA>77777777777</idPA><idBrokerPA>77777777777</idBrokerPA><idStation>77777777777_01</idStation><receipt><noticeNumber>301000000000000012</noticeNumber></receipt>';

test('paSendRTReq (paSendRT) and PaSendRTV2Request (paSendRTV2) documents, as the service stores them', () => {
  for (const [root, primitive] of [
    ['paSendRTReq', 'paSendRT'],
    ['PaSendRTV2Request', 'paSendRTV2'],
  ] as const) {
    const read = receiptRequest(`${DECLARATION}<${root}>${fields}</${root}>`);
    assert.equal(read?.primitive, primitive);
    assert.equal(read?.request.idStation, '77777777777_01');
    assert.equal(read?.request.receipt.noticeNumber, '301000000000000012', 'tag values kept as text: leading zeros and all');
  }
});

test('a namespaced SOAP envelope is opened', () => {
  const xml =
    '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:pafn="http://pagopa-api.pagopa.gov.it/pa/paForNode.xsd">' +
    `<soapenv:Body><pafn:paSendRTV2Request>${fields}</pafn:paSendRTV2Request></soapenv:Body></soapenv:Envelope>`;
  const read = receiptRequest(xml);
  assert.equal(read?.primitive, 'paSendRTV2');
  assert.equal(read?.request.idPA, '77777777777');
});

test('anything else is no receipt', () => {
  for (const xml of ['', '<paGetPaymentReq/>', '<paSendRTReq>text</paSendRTReq>', '{"a":1}']) assert.equal(receiptRequest(xml), undefined, xml);
});
