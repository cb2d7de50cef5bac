import { test, expect, type StationPush } from '../../fixtures/index.ts';
import { validateBody } from '../../lib/schemas.ts';
import { parseSoapEnvelope, RT_OPERATIONS } from '../../lib/rt/soap.ts';
import { euros } from '../../lib/rt/receipt.ts';

// The payment is this case's precondition: PAY-01 evidences its steps screen by screen.
test.use({ checkoutStepScreenshots: false });

/** How long the Node's push may take to be NOTIFIED after the payment (it is sent asynchronously). */
const PUSH_TIMEOUT_MS = 30_000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a parsed request, read field by field by the assertions
type Doc = Record<string, any>;

test('[RT-06] Checkout payment: the Node pushes the receipt and the EC endpoint accepts it', async ({ payOnCheckout, receiptPushes, config }) => {
  test.skip(
    !receiptPushes.observable,
    "Solo sandbox: su UAT la ricevuta del pagamento arriva all'endpoint della stazione configurata in Back Office, verificarla nel suo log / sandbox only: on UAT the receipt reaches the endpoint of the station configured in Back Office, check its log",
  );
  test.skip(config.rt.endpointUrl === undefined, 'EC_RT_ENDPOINT_URL non impostato / EC_RT_ENDPOINT_URL not set');
  const paid = await payOnCheckout();
  const version = config.rt.primitiveVersion;
  let push: StationPush | undefined;
  let receiptId = '';

  await test.step(`Wait for the push to station ${config.stationId} to be NOTIFIED`, async () => {
    await expect
      .poll(
        async () => {
          const pushes = await receiptPushes.pushesOf(config.ecFiscalCode, paid.iuv);
          receiptId = pushes?.receiptId ?? '';
          push = pushes?.stations.find((s) => s.stationId === config.stationId);
          return push?.status;
        },
        { message: `push of IUV ${paid.iuv} to ${config.stationId} NOTIFIED`, timeout: PUSH_TIMEOUT_MS, intervals: [500, 1_000, 2_000] },
      )
      .toBe('NOTIFIED');
  });

  await test.step('statuses, SOAPAction, the endpoint answered OK', async () => {
    expect(push!.statusHistory).toEqual(['NOTICE_GENERATED', 'NOTICE_SENT', 'NOTIFIED']);
    expect(push!.soapAction).toBe(RT_OPERATIONS[version].soapAction);
    expect(push!.attempts.at(-1)).toMatchObject({ httpStatus: 200, outcome: 'OK' });
  });

  await test.step('the envelope sent: valid, consistent with the position and with GPD', async () => {
    const body = parseSoapEnvelope(push!.envelope ?? '');
    expect(body.element).toBe(RT_OPERATIONS[version].request);
    const verdict = validateBody(RT_OPERATIONS[version].requestSchema, body.content);
    expect([...verdict.errors, ...verdict.warnings], `conforms to ${verdict.schema}`).toEqual([]);
    const request = body.content as Doc;
    const receipt = request.receipt as Doc;
    const option = paid.paid.paymentOption[0] as unknown as { idReceipt: string };
    expect(request).toMatchObject({ idPA: config.ecFiscalCode, idBrokerPA: config.brokerCode, idStation: config.stationId });
    expect(receipt).toMatchObject({
      receiptId: option.idReceipt,
      noticeNumber: paid.nav,
      creditorReferenceId: paid.iuv,
      fiscalCode: config.ecFiscalCode,
      outcome: 'OK',
      paymentAmount: euros(paid.amount),
      companyName: paid.body.companyName,
      debtor: {
        uniqueIdentifier: { entityUniqueIdentifierType: paid.body.type, entityUniqueIdentifierValue: paid.body.fiscalCode },
        fullName: paid.body.fullName,
      },
    });
    expect(receiptId).toBe(option.idReceipt);
    const expected = paid.body.paymentOption[0]!.transfer;
    expect(receipt.transferList.transfer).toHaveLength(expected.length);
    for (const [i, t] of expected.entries()) {
      expect(receipt.transferList.transfer[i]).toMatchObject({
        idTransfer: t.idTransfer,
        transferAmount: euros(t.amount),
        fiscalCodePA: t.organizationFiscalCode ?? config.ecFiscalCode,
        IBAN: t.iban,
      });
    }
  });
});
