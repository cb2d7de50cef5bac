import { randomUUID } from 'node:crypto';
import { test, expect, type EcReceiver, type RtAnswer } from '../../fixtures/index.ts';
import { receiptOf, rtRequest } from '../../lib/rt/receipt.ts';
import { RT_OPERATIONS } from '../../lib/rt/soap.ts';
import { RT } from '../../lib/texts/rt.ts';
import type { CreatedPosition } from '../../lib/gpd/model.ts';

// The suite plays pagoPA's Node against the EC's receipt endpoint, for a notice it created in this run (so the
// EC's system can recognise it): the notice is created and published, its receipt built as if it was paid.

/** A payment token as the Node writes receiptId: 32 hex digits, new for each receipt. */
const newReceiptId = () => randomUUID().replace(/-/g, '');

/** The answer is a response of the configured primitive (HTTP 200, a valid body), within the Node's timeout. */
function expectResponse(ec: EcReceiver, answer: RtAnswer) {
  const { call } = answer;
  expect(call.failure, `an answer within the Node's timeout (${ec.timeoutMs} ms)`).toBeUndefined();
  expect(call.parseError, 'the answer is a SOAP 1.1 envelope').toBeUndefined();
  expect(call.body?.element, `the Body holds ${RT_OPERATIONS[ec.version].response}`).toBe(RT_OPERATIONS[ec.version].response);
  expect(call.status, 'HTTP 200').toBe(200);
  return answer.response!;
}

async function noticeAndReceipt(ec: EcReceiver, create: () => Promise<CreatedPosition>, ecFiscalCode: string) {
  const position = await create();
  const receipt = receiptOf(position, ecFiscalCode, newReceiptId(), new Date());
  return { position, receipt, request: rtRequest(ec.version, ec.station, receipt) };
}

test('[RT-01] valid receipt accepted by the EC endpoint', async ({ ecReceiver, positions, factory, config }) => {
  const { request } = await noticeAndReceipt(ecReceiver, () => positions.createOk(factory.position(), { toPublish: true }), config.ecFiscalCode);
  const answer = await ecReceiver.send(`Node sends ${RT_OPERATIONS[ecReceiver.version].soapAction} for IUV ${request.receipt.creditorReferenceId}`, request);
  expect(expectResponse(ecReceiver, answer)).toMatchObject({ outcome: 'OK' });
  expect(answer.call.ms, "answered within the Node's timeout").toBeLessThanOrEqual(ecReceiver.timeoutMs);
});

test('[RT-02] the same receipt sent again: no second accounting', async ({ ecReceiver, positions, factory, config }) => {
  const { request } = await noticeAndReceipt(ecReceiver, () => positions.createOk(factory.position(), { toPublish: true }), config.ecFiscalCode);
  const first = await ecReceiver.send('Node sends the receipt', request);
  expect(expectResponse(ecReceiver, first)).toMatchObject({ outcome: 'OK' });
  const again = expectResponse(ecReceiver, await ecReceiver.send('Node sends the same receipt again (its earlier answer lost)', request));
  const verdict = again.outcome === 'OK' ? 'OK' : `KO ${again.fault?.faultCode}`;
  expect(['OK', `KO ${RT.duplicateReceipt}`], `a repeated receipt is OK or KO ${RT.duplicateReceipt}`).toContain(verdict);
});

test('[RT-03] receipt for an EC the endpoint does not serve', async ({ ecReceiver, positions, factory, config }) => {
  const { request } = await noticeAndReceipt(ecReceiver, () => positions.createOk(factory.position(), { toPublish: true }), config.ecFiscalCode);
  const other = config.unboundEcFiscalCode;
  const answer = await ecReceiver.send(`Node sends the receipt for EC ${other}`, {
    ...request,
    idPA: other,
    receipt: { ...request.receipt, fiscalCode: other },
  });
  expect(expectResponse(ecReceiver, answer)).toMatchObject({ outcome: 'KO', fault: { faultCode: RT.wrongDomain } });
});

test('[RT-04] receipt addressed to a wrong station', async ({ ecReceiver, positions, factory, config }) => {
  const { request } = await noticeAndReceipt(ecReceiver, () => positions.createOk(factory.position(), { toPublish: true }), config.ecFiscalCode);
  const wrong = `${config.brokerCode}_${config.stationId.endsWith('_98') ? '97' : '98'}`;
  const answer = await ecReceiver.send(`Node sends the receipt to station ${wrong}`, { ...request, idStation: wrong });
  expect(expectResponse(ecReceiver, answer)).toMatchObject({ outcome: 'KO', fault: { faultCode: RT.wrongStation } });
});

test('[RT-05] request that violates the XSD: never accepted', async ({ ecReceiver, positions, factory, config }) => {
  const { request } = await noticeAndReceipt(ecReceiver, () => positions.createOk(factory.position(), { toPublish: true }), config.ecFiscalCode);
  const element = RT_OPERATIONS[ecReceiver.version].request;
  const invalid: Array<[string, (xml: string) => string]> = [
    ['paymentAmount without two decimals', (xml) => xml.replace(/<paymentAmount>(\d+)\.\d{2}<\/paymentAmount>/, '<paymentAmount>$1</paymentAmount>')],
    [`an unknown element in ${element}`, (xml) => xml.replace('<idPA>', '<unknownElement>x</unknownElement><idPA>')],
  ];
  for (const [what, edit] of invalid) {
    const answer = await ecReceiver.send(`Node sends a receipt with ${what}`, request, { invalidOnPurpose: true, edit });
    expect(answer.call.failure, `an answer within the Node's timeout (${ecReceiver.timeoutMs} ms)`).toBeUndefined();
    if (answer.soapFault) continue; // a SOAP Fault refuses the request
    expect(answer.response, `${what}: a ${RT_OPERATIONS[ecReceiver.version].response} or a SOAP Fault`).toBeDefined();
    expect(answer.response, `${what}: KO PAA_SINTASSI_EXTRAXSD, never OK`).toMatchObject({ outcome: 'KO', fault: { faultCode: RT.syntaxExtraXsd } });
  }
});
