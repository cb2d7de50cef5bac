// GPD API v3 (`/gpd/debt-positions-service/v3`): debt positions with payment plans
// (PaymentPositionModelV3). Same store and service as v1; no invalidate, paids or IBAN change.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { jsonBody, param, queryParams, sendJson } from '../http.ts';
import { badRequest } from '../problem.ts';
import { parseListQuery } from './list.ts';
import { POSITION_STATUSES_V3 } from './model.ts';
import { readPositionV3Body } from './request.ts';
import { paymentPositionModelResponseV3, paymentPositionModelV3, paymentPositionsInfoV3 } from './responses-v3.ts';
import { DELETED_MESSAGE, checkOrganization, toPublish, type GpdRoutesOptions } from './routes-v1.ts';
import { ADDRESSABLE, ADDRESSABLE_MESSAGE } from './validation.ts';

const POSITIONS = '/organizations/:organizationfiscalcode/debtpositions';
const POSITION = `${POSITIONS}/:iupd`;

const org = (request: FastifyRequest) => param(request, 'organizationfiscalcode');

/** @Pattern on the path variables of GET/DELETE one, as v1. */
function checkAddressable(request: FastifyRequest, method: string): void {
  const violations = ['organizationfiscalcode', 'iupd']
    .filter((name) => !ADDRESSABLE.test(param(request, name)))
    .map((name) => `${method}.${name === 'iupd' ? 'iupd' : 'organizationFiscalCode'}: ${ADDRESSABLE_MESSAGE}`);
  if (violations.length) throw badRequest(violations.join(', '));
}

export const v3Routes: FastifyPluginAsync<GpdRoutesOptions> = async (app, { service }) => {
  app.post(POSITIONS, async (request, reply) => {
    const input = readPositionV3Body(jsonBody(request));
    const publish = toPublish(request);
    const ec = checkOrganization(request, 'createDebtPosition');
    return sendJson(reply, 201, paymentPositionModelV3(service.createV3(ec, input, publish)));
  });

  app.get(POSITIONS, async (request, reply) => {
    const query = parseListQuery(queryParams(request), POSITION_STATUSES_V3);
    const ec = checkOrganization(request, 'getOrganizationDebtPositions');
    // The controller converts the v3 status to v1's by name: UNPAYABLE has no v1 counterpart, and the
    // platform fails with a 500 (IllegalArgumentException). The sandbox answers 400 (sandbox/README.md).
    if ((query.status as string | undefined) === 'UNPAYABLE') {
      throw badRequest('No enum constant it.gov.pagopa.debtposition.model.enumeration.DebtPositionStatus.UNPAYABLE');
    }
    return sendJson(reply, 200, paymentPositionsInfoV3(service.list(ec, query)));
  });

  app.get(POSITION, async (request, reply) => {
    checkAddressable(request, 'getOrganizationDebtPositionByIUPD');
    return sendJson(reply, 200, paymentPositionModelResponseV3(service.get(org(request), param(request, 'iupd'))));
  });

  app.put(POSITION, async (request, reply) => {
    const input = readPositionV3Body(jsonBody(request));
    const publish = toPublish(request);
    const updated = service.updateV3(checkOrganization(request, 'updateDebtPosition'), param(request, 'iupd'), input, publish);
    return sendJson(reply, 200, paymentPositionModelV3(updated));
  });

  app.delete(POSITION, async (request, reply) => {
    checkAddressable(request, 'deleteDebtPosition');
    service.delete(org(request), param(request, 'iupd'));
    return sendJson(reply, 200, DELETED_MESSAGE);
  });

  app.post(`${POSITION}/publish`, async (request, reply) =>
    sendJson(reply, 200, paymentPositionModelV3(service.publish(checkOrganization(request, 'publishDebtPosition'), param(request, 'iupd')))),
  );
};
