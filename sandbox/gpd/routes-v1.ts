// The EC operations of the GPD API v1 (`/gpd/debt-positions-service/v1`). The same plugin is also
// mounted in the internal API, which exposes the same operations.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { jsonBody, param, queryParams, sendJson } from '../http.ts';
import { appError, badRequest } from '../problem.ts';
import { isMultiInstallments } from './status.ts';
import { parseInt32, parseListQuery } from './list.ts';
import { readAlreadyPaidBody, readIbanBody, readPositionBody } from './request.ts';
import { paymentOptionModelResponse, paymentPositionBaseResponse, paymentPositionModel, paymentPositionsInfo } from './responses.ts';
import { checkSegregation, segregationCodes, segregationCodesViolation } from './segregation.ts';
import type { GpdService } from './service.ts';
import { ADDRESSABLE, ADDRESSABLE_MESSAGE } from './validation.ts';

export interface GpdRoutesOptions {
  service: GpdService;
}

export const APP_INFO = { name: 'pagopa-debt-position', version: '1.1.37-sandbox', environment: 'sandbox' };
export const DELETED_MESSAGE = 'The debt position was successfully deleted';

const POSITIONS = '/organizations/:organizationfiscalcode/debtpositions';
const POSITION = `${POSITIONS}/:iupd`;

const org = (request: FastifyRequest) => param(request, 'organizationfiscalcode');

/** Spring's String→boolean conversion of `toPublish` (default false). */
export function toPublish(request: FastifyRequest): boolean {
  const text = queryParams(request).get('toPublish')?.trim().toLowerCase();
  if (text === undefined || text === '') return false;
  if (['true', 'on', 'yes', '1'].includes(text)) return true;
  if (['false', 'off', 'no', '0'].includes(text)) return false;
  throw badRequest(`Invalid value ${queryParams(request).get('toPublish')} for property toPublish`);
}

/** @Pattern on the path variables of GET/DELETE one and on segregationCodes (ConstraintViolationException). */
export function checkAddressable(request: FastifyRequest, method: string): void {
  const violations = ['organizationfiscalcode', 'iupd']
    .filter((name) => !ADDRESSABLE.test(param(request, name)))
    .map((name) => `${method}.${name === 'iupd' ? 'iupd' : 'organizationFiscalCode'}: ${ADDRESSABLE_MESSAGE}`);
  const segregation = segregationCodesViolation(request, method);
  if (segregation) violations.push(segregation);
  if (violations.length) throw badRequest(violations.join(', '));
}

/**
 * The organization code of every other operation, held to the same pattern as GET/DELETE one. The
 * platform constrains it only there, so it would store a position under `7777777777\u0000` that those
 * two then refuse: the sandbox refuses it everywhere instead, so that whatever can be created can be
 * read and deleted. Called after the body and the query are bound, as Spring's method validation runs
 * after argument resolution; `method` is the controller method the message names.
 */
export function checkOrganization(request: FastifyRequest, method: string): string {
  const code = org(request);
  if (!ADDRESSABLE.test(code)) throw badRequest(`${method}.organizationFiscalCode: ${ADDRESSABLE_MESSAGE}`);
  return code;
}

/** Update and delete of one position (v1 and v3): the service's lookup (404), then the codes (403). */
export function checkPositionCodes(service: GpdRoutesOptions['service'], ec: string, iupd: string, request: FastifyRequest): void {
  const codes = segregationCodes(request);
  if (codes) checkSegregation(ec, service.get(ec, iupd), codes);
}

export const ecRoutes: FastifyPluginAsync<GpdRoutesOptions> = async (app, { service }) => {
  app.get('/info', async (_request, reply) => sendJson(reply, 200, APP_INFO));

  app.post(POSITIONS, async (request, reply) => {
    const input = readPositionBody(jsonBody(request));
    const publish = toPublish(request);
    const ec = checkOrganization(request, 'createDebtPosition');
    checkSegregation(ec, input, segregationCodes(request));
    return sendJson(reply, 201, paymentPositionModel(service.create(ec, input, publish)));
  });

  app.get(POSITIONS, async (request, reply) => {
    const query = parseListQuery(queryParams(request));
    const page = service.list(checkOrganization(request, 'getOrganizationDebtPositions'), query);
    // Multi-plan positions are dropped from the page after paging: page_info still counts them.
    return sendJson(
      reply,
      200,
      paymentPositionsInfo(
        page,
        page.positions.filter((pp) => !isMultiInstallments(pp)),
      ),
    );
  });

  app.patch(`${POSITIONS}/transfers`, async (request, reply) => {
    const query = queryParams(request);
    const oldIban = query.get('oldIban');
    if (oldIban === undefined) throw badRequest("Required request parameter 'oldIban' for method parameter type String is not present");
    const limitText = query.get('limit')?.trim();
    const limit = limitText ? parseInt32(limitText) : 1000;
    if (limit === undefined) throw badRequest(`Invalid value ${query.get('limit')} for property limit`);
    const { newIban } = readIbanBody(jsonBody(request));
    const violations: string[] = [];
    if (oldIban.trim() === '') violations.push('updateTransferIbanMassive.oldIban: must not be blank');
    if (limit > 1000) violations.push('updateTransferIbanMassive.limit: must be less than or equal to 1000');
    // Not constrained on the platform, where a negative SQL LIMIT fails with a 500.
    if (limit < 0) violations.push('updateTransferIbanMassive.limit: must be greater than or equal to 0');
    if (!ADDRESSABLE.test(org(request))) violations.unshift(`updateTransferIbanMassive.organizationFiscalCode: ${ADDRESSABLE_MESSAGE}`);
    if (violations.length) throw badRequest(violations.join(', '));
    const updated = service.changeIban(org(request), oldIban, newIban, limit);
    return sendJson(reply, 200, { description: `Updated IBAN on ${updated} Transfers`, updatedTransfers: updated });
  });

  app.get(POSITION, async (request, reply) => {
    checkAddressable(request, 'getOrganizationDebtPositionByIUPD');
    const position = service.get(org(request), param(request, 'iupd'));
    checkSegregation(org(request), position, segregationCodes(request));
    // A position with several plans (created through v3) cannot be shown by v1.
    if (isMultiInstallments(position)) throw appError('V1_UNPROCESSABLE_ENTITY_MULTI_INSTALLMENTS', position.organizationFiscalCode, position.iupd);
    return sendJson(reply, 200, paymentPositionBaseResponse(position));
  });

  app.put(POSITION, async (request, reply) => {
    const input = readPositionBody(jsonBody(request));
    const publish = toPublish(request);
    const ec = checkOrganization(request, 'updateDebtPosition');
    // The IUPD mismatch (400) comes first, in the update.
    if (input.iupd === param(request, 'iupd')) checkPositionCodes(service, ec, input.iupd, request);
    const updated = service.update(ec, param(request, 'iupd'), input, publish);
    return sendJson(reply, 200, paymentPositionModel(updated));
  });

  app.delete(POSITION, async (request, reply) => {
    checkAddressable(request, 'deleteDebtPosition');
    checkPositionCodes(service, org(request), param(request, 'iupd'), request);
    service.delete(org(request), param(request, 'iupd'));
    // A JSON string: the body is the message in double quotes.
    return sendJson(reply, 200, DELETED_MESSAGE);
  });

  app.post(`${POSITION}/publish`, async (request, reply) =>
    sendJson(reply, 200, paymentPositionModel(service.publish(checkOrganization(request, 'publishDebtPosition'), param(request, 'iupd')))),
  );

  app.post(`${POSITION}/invalidate`, async (request, reply) =>
    sendJson(reply, 200, paymentPositionModel(service.invalidate(checkOrganization(request, 'invalidateDebtPosition'), param(request, 'iupd')))),
  );

  app.post('/organizations/:organizationfiscalcode/paymentoptions/paids/:nav', markAsPaidHandler(service));
};

/** `paids`, the same in v1 and v2. */
export const markAsPaidHandler = (service: GpdService) => async (request: FastifyRequest, reply: FastifyReply) => {
  const { paymentDate } = readAlreadyPaidBody(jsonBody(request));
  const { option } = service.markAsPaid(checkOrganization(request, 'setPaymentOptionAsAlreadyPaid'), param(request, 'nav'), paymentDate);
  return sendJson(reply, 200, paymentOptionModelResponse(option));
};
