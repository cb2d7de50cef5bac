// The internal GPD API (`/gpd/api/v1`) that the Node and the reporting use: notice lookup by NAV,
// payment, transfer reporting; it also exposes the EC operations (the same plugin as v1).
import type { FastifyPluginAsync } from 'fastify';
import { jsonBody, param, sendJson } from '../http.ts';
import { readPaymentBody } from './request.ts';
import { paidPaymentOptionModel, paymentPositionBaseResponse, paymentsWithDebtorInfo, transferModelResponse } from './responses.ts';
import { checkOrganization, ecRoutes, type GpdRoutesOptions } from './routes-v1.ts';
import type { PaymentOption, PaymentPosition } from './model.ts';

export interface InternalRoutesOptions extends GpdRoutesOptions {
  /** Called after a payment through pagoPA (the Node then sends the receipt). */
  onPaid?: (position: PaymentPosition, option: PaymentOption) => void;
}

const OPTIONS = '/organizations/:organizationfiscalcode/paymentoptions';

export const internalRoutes: FastifyPluginAsync<InternalRoutesOptions> = async (app, options) => {
  const { service } = options;
  await app.register(ecRoutes, { service });

  app.get(`${OPTIONS}/:nav`, async (request, reply) => {
    const ec = checkOrganization(request, 'getOrganizationPaymentOptionByNAV');
    const { position, option, debtPositionStatus } = service.getOptionForNode(ec, param(request, 'nav'));
    return sendJson(reply, 200, paymentsWithDebtorInfo(position, option, debtPositionStatus));
  });

  app.get(`${OPTIONS}/:iuv/debtposition`, async (request, reply) =>
    sendJson(reply, 200, paymentPositionBaseResponse(service.getByIuv(checkOrganization(request, 'getDebtPositionByIUV'), param(request, 'iuv')))),
  );

  app.post(`${OPTIONS}/:nav/pay`, async (request, reply) => {
    const payment = readPaymentBody(jsonBody(request));
    const { position, option } = service.pay(checkOrganization(request, 'payPaymentOption'), param(request, 'nav'), payment);
    options.onPaid?.(position, option);
    return sendJson(reply, 200, paidPaymentOptionModel(option));
  });

  app.post(`${OPTIONS}/:iuv/transfers/:transferid/report`, async (request, reply) => {
    const ec = checkOrganization(request, 'reportTransfer');
    const { transfer } = service.report(ec, param(request, 'iuv'), param(request, 'transferid'));
    return sendJson(reply, 200, transferModelResponse(transfer));
  });
};
