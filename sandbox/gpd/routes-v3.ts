// GPD API v3 (`/gpd/debt-positions-service/v3`): debt positions with payment plans
// (PaymentPositionModelV3). Same store and service as v1; no invalidate, paids or IBAN change.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { jsonBody, param, queryParams, sendJson } from '../http.ts';
import { badRequest } from '../problem.ts';
import { parseListQuery } from './list.ts';
import { POSITION_STATUSES_V3, type PositionV3Input } from './model.ts';
import { readPositionV3Body } from './request.ts';
import { paymentPositionModelResponseV3, paymentPositionModelV3, paymentPositionsInfoV3 } from './responses-v3.ts';
import { DELETED_MESSAGE, checkAddressable, checkOrganization, checkPositionCodes, toPublish, type GpdRoutesOptions } from './routes-v1.ts';
import { checkSegregation, segregationCodes, segregationCodesViolation } from './segregation.ts';
import { ADDRESSABLE, ADDRESSABLE_MESSAGE } from './validation.ts';

const POSITIONS = '/organizations/:organizationfiscalcode/debtpositions';
const POSITION = `${POSITIONS}/:iupd`;

const org = (request: FastifyRequest) => param(request, 'organizationfiscalcode');

/**
 * The EC of create, list and update (checkOrganization), with v3's @Pattern on segregationCodes, which
 * IDebtPositionControllerV3 declares on every CRUD operation (v1: GET/DELETE one only).
 */
function checkOrganizationV3(request: FastifyRequest, method: string): string {
  const segregation = segregationCodesViolation(request, method);
  if (segregation && !ADDRESSABLE.test(org(request))) throw badRequest(`${method}.organizationFiscalCode: ${ADDRESSABLE_MESSAGE}, ${segregation}`);
  if (segregation) throw badRequest(segregation);
  return checkOrganization(request, method);
}

/** The service's check of a v3 body: the first installment of the first option (PaymentPositionCRUDService). */
const firstInstallment = (input: PositionV3Input) => ({ iupd: input.iupd, paymentOption: input.paymentOption[0]?.installments.slice(0, 1) ?? [] });

export const v3Routes: FastifyPluginAsync<GpdRoutesOptions> = async (app, { service }) => {
  app.post(POSITIONS, async (request, reply) => {
    const input = readPositionV3Body(jsonBody(request));
    const publish = toPublish(request);
    const ec = checkOrganizationV3(request, 'createDebtPosition');
    checkSegregation(ec, firstInstallment(input), segregationCodes(request));
    return sendJson(reply, 201, paymentPositionModelV3(service.createV3(ec, input, publish)));
  });

  app.get(POSITIONS, async (request, reply) => {
    const query = parseListQuery(queryParams(request), POSITION_STATUSES_V3);
    const ec = checkOrganizationV3(request, 'getOrganizationDebtPositions');
    // The controller converts the v3 status to v1's by name: UNPAYABLE has no v1 counterpart, and the
    // platform fails with a 500 (IllegalArgumentException). The sandbox answers 400 (sandbox/README.md).
    if ((query.status as string | undefined) === 'UNPAYABLE') {
      throw badRequest('No enum constant it.gov.pagopa.debtposition.model.enumeration.DebtPositionStatus.UNPAYABLE');
    }
    return sendJson(reply, 200, paymentPositionsInfoV3(service.list(ec, query)));
  });

  app.get(POSITION, async (request, reply) => {
    checkAddressable(request, 'getOrganizationDebtPositionByIUPD');
    const position = service.get(org(request), param(request, 'iupd'));
    checkSegregation(org(request), position, segregationCodes(request));
    return sendJson(reply, 200, paymentPositionModelResponseV3(position));
  });

  app.put(POSITION, async (request, reply) => {
    const input = readPositionV3Body(jsonBody(request));
    const publish = toPublish(request);
    const ec = checkOrganizationV3(request, 'updateDebtPosition');
    if (input.iupd === param(request, 'iupd')) checkPositionCodes(service, ec, input.iupd, request);
    const updated = service.updateV3(ec, param(request, 'iupd'), input, publish);
    return sendJson(reply, 200, paymentPositionModelV3(updated));
  });

  app.delete(POSITION, async (request, reply) => {
    checkAddressable(request, 'deleteDebtPosition');
    checkPositionCodes(service, org(request), param(request, 'iupd'), request);
    service.delete(org(request), param(request, 'iupd'));
    return sendJson(reply, 200, DELETED_MESSAGE);
  });

  app.post(`${POSITION}/publish`, async (request, reply) =>
    sendJson(reply, 200, paymentPositionModelV3(service.publish(checkOrganization(request, 'publishDebtPosition'), param(request, 'iupd')))),
  );
};
