// The GPD receipts API (`/gpd/payments-receipts-service/v1`, product "GPD - Recupero ricevute"):
// the receipts list with its paging and 3-month window, and one receipt by IUV as XML.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { param, queryParams, sendJson } from '../http.ts';
import { ProblemError } from '../problem.ts';
import type { GpdService } from '../gpd/service.ts';
import type { Clock } from '../clock.ts';
import type { ReceiptStore } from './receipt-store.ts';
import { segregationCodes, segregationCodesViolation } from '../gpd/segregation.ts';

export interface ReceiptsRoutesOptions {
  receipts: ReceiptStore;
  service: GpdService;
  clock: Clock;
}

const RECEIPTS = '/payments/:organizationfiscalcode/receipts';
const org = (request: FastifyRequest) => param(request, 'organizationfiscalcode');
const invalidRange = () => new ProblemError(400, 'Invalid date range', 'Date from must be before date to');

/** `yyyy-MM-dd` or `yyyy-MM-ddTHH:mm:ss`, in UTC; `endOfDay` for a bare `to` date. */
function readDate(text: string, endOfDay: boolean): number {
  const m = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}:\d{2})?$/.exec(text);
  const ms = m ? Date.parse(`${m[1]}${m[2] ?? (endOfDay ? 'T23:59:59.999' : 'T00:00:00')}Z`) : NaN;
  if (Number.isNaN(ms)) throw new ProblemError(400, 'Invalid date range', `Invalid date format: ${text}`);
  return ms;
}

function addMonths(ms: number, months: number): number {
  const date = new Date(ms);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.getTime();
}

/**
 * segregationCodes (pagopa-gpd-payments IPaymentsController: hidden, @Pattern \d{2}(,\d{2})*): the codes, or a 400 naming
 * the controller method as its ConstraintViolationException does.
 */
function codesOf(request: FastifyRequest, method: string): string[] | undefined {
  const violation = segregationCodesViolation(request, method);
  if (violation) throw new ProblemError(400, 'BAD REQUEST', violation);
  return segregationCodes(request);
}

function intParam(text: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const value = /^-?\d+$/.test(text) ? Number(text) : NaN;
  if (!(value >= min && value <= max)) {
    throw new ProblemError(400, 'BAD REQUEST', `getOrganizationReceipts.${name}: must be ${min === max ? min : `between ${min} and ${max}`}`);
  }
  return value;
}

export const receiptsRoutes: FastifyPluginAsync<ReceiptsRoutesOptions> = async (app, { receipts, service, clock }) => {
  app.get('/info', async (_request, reply) => sendJson(reply, 200, { name: 'pagopa-gpd-payments', version: '0.13.3-sandbox', environment: 'sandbox' }));

  app.get(RECEIPTS, async (request, reply) => {
    const query = queryParams(request);
    const pageNum = intParam(query.get('pageNum'), 'pageNum', 0, 0, Number.MAX_SAFE_INTEGER);
    const pageSize = intParam(query.get('pageSize'), 'pageSize', 20, 1, 100);
    const codes = codesOf(request, 'getOrganizationReceipts');
    const fromText = query.get('from');
    const toText = query.get('to');
    let from: number;
    let to: number;
    if (fromText === undefined && toText === undefined) [from, to] = [addMonths(clock.millis(), -3), clock.millis()];
    else if (toText === undefined) {
      from = readDate(fromText!, false);
      to = Math.min(addMonths(from, 3), clock.millis());
    } else if (fromText === undefined) {
      to = readDate(toText, true);
      from = addMonths(to, -3);
    } else [from, to] = [readDate(fromText, false), readDate(toText, true)];
    if (from > to) throw invalidRange();
    const debtor = query.get('debtor');
    const service_ = query.get('service');
    const debtorOrIuv = query.get('debtorOrIuv');
    const matching = receipts
      .list(org(request))
      .filter((r) => r.paymentMs >= from && r.paymentMs <= to)
      .filter((r) => debtor === undefined || r.debtor === debtor)
      .filter((r) => service_ === undefined || r.iuv.startsWith(service_))
      .filter((r) => debtorOrIuv === undefined || r.iuv.startsWith(debtorOrIuv) || r.debtor.startsWith(debtorOrIuv))
      // retrieveEntitiesByFilter: the IUV (row key) starts with one of the codes.
      .filter((r) => !codes?.length || codes.some((code) => r.iuv.startsWith(code)))
      .sort((a, b) => b.paymentMs - a.paymentMs);
    const totalPages = Math.ceil(matching.length / pageSize);
    if (pageNum > 0 && pageNum >= totalPages) throw new ProblemError(400, 'Not enough elements', 'The page number is too big for the filtered elements');
    const page = matching.slice(pageNum * pageSize, (pageNum + 1) * pageSize);
    return sendJson(reply, 200, {
      currentPageNumber: pageNum,
      length: page.length,
      totalPages,
      results: page.map(({ organizationFiscalCode, iuv, debtor: d, paymentDateTime, status }) => ({
        organizationFiscalCode,
        iuv,
        debtor: d,
        paymentDateTime,
        status,
      })),
    });
  });

  app.get(`${RECEIPTS}/:iuv`, async (request, reply) => {
    const [organization, iuv] = [org(request), param(request, 'iuv')];
    // getReceiptByOrganizationFCAndIUV: the IUV's code against the broker's, before the lookup.
    const codes = codesOf(request, 'getReceiptByIUV');
    if (codes?.length && iuv.length > 1 && !codes.includes(iuv.slice(0, 2))) {
      throw new ProblemError(
        403,
        'The receipt retrieve is forbidden',
        `The caller does not have proper authorization to access IUV with the following segregation code ${iuv.slice(0, 2)}`,
      );
    }
    const receipt = receipts.get(organization, iuv);
    if (receipt) return reply.code(200).type('application/xml').send(receipt.xml);
    // A notice GPD knows but that is still unpaid: the service's check against GPD fails.
    const known = service.findOption(organization, iuv);
    if (known && known.status === 'PO_UNPAID') {
      throw new ProblemError(
        422,
        'The receipts recovery is failed',
        `The receipts recovery is failed for Organization Fiscal Code ${organization} and IUV ${iuv}`,
      );
    }
    throw new ProblemError(404, 'Not found the receipt', `Not found a receipt for Organization Fiscal Code ${organization} and IUV ${iuv}`);
  });
};
