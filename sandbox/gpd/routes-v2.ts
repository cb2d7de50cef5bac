// GPD API v2 (`/gpd/debt-positions-service/v2`): bulk create/update/delete, all-or-nothing, and
// the same "paids" as v1. UAT/DEV only on the platform.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { jsonBody, param, sendJson } from '../http.ts';
import { badRequest } from '../problem.ts';
import { readIupdsBody, readPositionsBody } from './bulk-request.ts';
import { checkSegregation, segregationCodes } from './segregation.ts';
import { APP_INFO, DELETED_MESSAGE, checkOrganization, markAsPaidHandler, toPublish, type GpdRoutesOptions } from './routes-v1.ts';

const POSITIONS = '/organizations/:organizationfiscalcode/debtpositions';
const org = (request: FastifyRequest) => param(request, 'organizationfiscalcode');

export const bulkRoutes: FastifyPluginAsync<GpdRoutesOptions> = async (app, { service }) => {
  app.get('/info', async (_request, reply) => sendJson(reply, 200, APP_INFO));

  app.post(POSITIONS, async (request, reply) => {
    const inputs = readPositionsBody(jsonBody(request));
    const publish = toPublish(request);
    const ec = checkOrganization(request, 'createMultipleDebtPositions');
    const codes = segregationCodes(request);
    for (const input of inputs) checkSegregation(ec, input, codes);
    service.createMany(ec, inputs, publish);
    return reply.code(201).send();
  });

  app.put(POSITIONS, async (request, reply) => {
    const inputs = readPositionsBody(jsonBody(request));
    const publish = toPublish(request);
    const ec = checkOrganization(request, 'updateMultipleDebtPositions');
    checkStoredSegregation(
      service,
      ec,
      inputs.map((i) => i.iupd),
      segregationCodes(request),
    );
    service.updateMany(ec, inputs, publish);
    return reply.code(200).send();
  });

  app.delete(POSITIONS, async (request, reply) => {
    // The body is bound and validated first (argument resolution), then the method's
    // @Pattern("\b\w{11}\b") on the organization code.
    const iupds = readIupdsBody(jsonBody(request));
    if (!/^\w{11}$/.test(org(request))) throw badRequest('deleteMultipleDebtPositions.organizationFiscalCode: must match "\\b\\w{11}\\b"');
    checkStoredSegregation(service, org(request), iupds, segregationCodes(request));
    service.deleteMany(org(request), iupds);
    // Plain text, not the JSON string v1 answers.
    return reply.code(200).type('text/plain;charset=UTF-8').send(DELETED_MESSAGE);
  });

  app.post('/organizations/:organizationfiscalcode/paymentoptions/paids/:nav', markAsPaidHandler(service));
};

/** getDebtPositionsByIUPDs: when every IUPD exists (else the service's 404), 403 for the first stored position outside the codes. */
function checkStoredSegregation(service: GpdRoutesOptions['service'], ec: string, iupds: string[], codes: string[] | undefined): void {
  if (codes === undefined || !iupds.every((iupd) => service.exists(ec, iupd))) return;
  for (const iupd of iupds) checkSegregation(ec, service.get(ec, iupd), codes);
}
