// The biz-events organization receipts API (`/bizevents/service/v1`, product "BIZ - Recupero ricevute
// Ente Creditore"): the receipt of a payment through pagoPA as JSON (CtReceiptModelResponse), found by
// IUR (the payment token, i.e. the receiptId) and optionally by IUV. Its data are those of the XML receipt
// of the GPD receipts API (the same stored receipt), with amounts as numbers in euros.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { param, sendJson } from '../http.ts';
import { ProblemError } from '../problem.ts';
import type { ReceiptData, ReceiptStore } from '../receipts/receipt-store.ts';

export interface BizEventsRoutesOptions {
  receipts: ReceiptStore;
}

const RECEIPT = '/organizations/:organizationfiscalcode/receipts/:iur';

/** Euro cents as the service writes amounts: a JSON number in euros (12345 → 123.45). */
const euros = (cents: number) => cents / 100;

/** Drops the absent fields (the service writes them as null). */
function present<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The receipt as CtReceiptModelResponse, field by field from the same data as the XML paSendRTReq. */
export function ctReceiptModelResponse(r: ReceiptData) {
  return present({
    receiptId: r.receiptId,
    noticeNumber: r.noticeNumber,
    fiscalCode: r.fiscalCode,
    outcome: r.outcome,
    creditorReferenceId: r.creditorReferenceId,
    paymentAmount: euros(r.paymentAmountCents),
    description: r.description,
    companyName: r.companyName,
    officeName: r.officeName,
    debtor: present({ ...r.debtor }),
    transferList: r.transfers.map((t) =>
      present({
        idTransfer: Number(t.idTransfer),
        transferAmount: euros(t.amountCents),
        fiscalCodePA: t.fiscalCodePA,
        iban: t.iban,
        remittanceInformation: t.remittanceInformation,
        transferCategory: t.transferCategory,
      }),
    ),
    idPSP: r.idPSP,
    pspFiscalCode: r.pspFiscalCode,
    pspCompanyName: r.pspCompanyName,
    idChannel: r.idChannel,
    channelDescription: r.channelDescription,
    paymentMethod: r.paymentMethod,
    fee: euros(r.feeCents),
    // The day only: the service maps the receipt's paymentDateTime to a LocalDate (yyyy-MM-dd).
    paymentDateTime: r.paymentDateTime.slice(0, 10),
    paymentDateTimeFormatted: r.paymentDateTime.slice(0, 19),
    applicationDate: r.applicationDate,
    transferDate: r.transferDate,
  });
}

/**
 * The service validates its response bean before sending it: a receipt without the PSP identifiers
 * (possible here only when the internal `pay` had no pspCode) is its 500 "Invalid response".
 */
function checkResponse(r: ReceiptData): void {
  const missing = (['idPSP', 'idChannel'] as const).filter((field) => !r[field]);
  if (missing.length > 0) throw new ProblemError(500, 'Invalid response', missing.map((field) => `${field} ${field} is required.`).join(' '));
}

/** One receipt, or the service's 404 (none) / 422 (several); `which` completes the detail. */
function single(matches: ReceiptData[], which: string): ReceiptData {
  if (matches.length === 0) throw new ProblemError(404, 'Biz Event not found', `Not found a biz event for the Organization Fiscal Code ${which}`);
  if (matches.length > 1) {
    throw new ProblemError(422, 'Biz Event is not unique', `More than one biz event was found for the Organization Fiscal Code ${which}`);
  }
  checkResponse(matches[0]!);
  return matches[0]!;
}

export const bizEventsRoutes: FastifyPluginAsync<BizEventsRoutesOptions> = async (app, { receipts }) => {
  const org = (request: FastifyRequest) => param(request, 'organizationfiscalcode');

  // BaseController.healthCheck: AppInfo {name: the artifactId, version, environment}, behind the EC key as the rest
  // (openapi/openapi_ec.json declares it; the copy of the contract in the notes predates it).
  app.get('/info', async (_request, reply) => sendJson(reply, 200, { name: 'bizeventsservice', version: '0.6.0-sandbox', environment: 'sandbox' }));

  // By IUR alone the service looks the EC up among the transfers' beneficiaries (a secondary EC finds the
  // receipt from the IUR of its reporting flow); with the IUV too, it must be the EC that issued the notice.
  app.get(RECEIPT, async (request, reply) => {
    const [organization, iur] = [org(request), param(request, 'iur')];
    const matches = receipts.getByReceiptId(organization, iur, 'beneficiary').map((r) => r.receipt);
    return sendJson(reply, 200, ctReceiptModelResponse(single(matches, `${organization} and IUR ${iur}`)));
  });

  app.get(`${RECEIPT}/paymentoptions/:iuv`, async (request, reply) => {
    const [organization, iur, iuv] = [org(request), param(request, 'iur'), param(request, 'iuv')];
    const matches = receipts
      .getByReceiptId(organization, iur, 'creditor')
      .filter((r) => r.iuv === iuv)
      .map((r) => r.receipt);
    return sendJson(reply, 200, ctReceiptModelResponse(single(matches, `${organization} and IUR ${iur} and IUV ${iuv}`)));
  });
};
