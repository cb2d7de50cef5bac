// The internal GPD API (`/gpd/api/v1`) that the Node and the reporting use: notice lookup by NAV,
// payment, transfer reporting; it also exposes the EC operations (the same plugin as v1).
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { jsonBody, param, sendJson } from '../http.ts';
import { readPaymentBody } from './request.ts';
import { paidPaymentOptionModel, paymentPositionBaseResponse, paymentsWithDebtorInfo, transferModelResponse } from './responses.ts';
import { ecRoutes, type GpdRoutesOptions } from './routes-v1.ts';
import type { PaymentOption, PaymentPosition } from './model.ts';

export interface InternalRoutesOptions extends GpdRoutesOptions {
  /** Called after a payment through pagoPA (the Node then sends the receipt). */
  onPaid?: (position: PaymentPosition, option: PaymentOption) => void;
}

const OPTIONS = '/organizations/:organizationfiscalcode/paymentoptions';
const org = (request: FastifyRequest) => param(request, 'organizationfiscalcode');

export const internalRoutes: FastifyPluginAsync<InternalRoutesOptions> = async (app, options) => {
  const { service } = options;
  await app.register(ecRoutes, { service });

  app.get(`${OPTIONS}/:nav`, async (request, reply) => {
    const { position, option, debtPositionStatus } = service.getOptionForNode(org(request), param(request, 'nav'));
    return sendJson(reply, 200, paymentsWithDebtorInfo(position, option, debtPositionStatus));
  });

  app.get(`${OPTIONS}/:iuv/debtposition`, async (request, reply) =>
    sendJson(reply, 200, paymentPositionBaseResponse(service.getByIuv(org(request), param(request, 'iuv')))),
  );

  app.post(`${OPTIONS}/:nav/pay`, async (request, reply) => {
    const payment = readPaymentBody(jsonBody(request));
    const { position, option } = service.pay(org(request), param(request, 'nav'), payment);
    options.onPaid?.(position, option);
    return sendJson(reply, 200, paidPaymentOptionModel(option));
  });

  app.post(`${OPTIONS}/:iuv/transfers/:transferid/report`, async (request, reply) => {
    const { transfer } = service.report(org(request), param(request, 'iuv'), param(request, 'transferid'));
    return sendJson(reply, 200, transferModelResponse(transfer));
  });
};
