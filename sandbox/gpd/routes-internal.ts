// The internal GPD API (`/gpd/api/v1`) that the Node and the reporting use: notice lookup by NAV,
// payment, transfer reporting; it also exposes the EC operations (the same plugin as v1).
import type { FastifyPluginAsync } from 'fastify';
import { jsonBody, param, sendJson } from '../http.ts';
import { readNotificationFeeBody, readPaymentBody } from './request.ts';
import {
  paidPaymentOptionModel,
  paymentPositionBaseResponse,
  paymentsOptionModelResponse,
  paymentsWithDebtorInfo,
  transferModelResponse,
} from './responses.ts';
import { checkOrganization, ecRoutes, type GpdRoutesOptions } from './routes-v1.ts';
import type { PaymentOption, PaymentPosition } from './model.ts';

export interface InternalRoutesOptions extends GpdRoutesOptions {
  /** Called after a payment through pagoPA (the Node then sends the receipt). */
  onPaid?: (position: PaymentPosition, option: PaymentOption) => void;
  /** Whether the Node has a payment of the notice (EC fiscal code + NAV) in progress: its checkPosition is not OK. */
  paymentInProgress?: (rptId: string) => boolean;
}

/** Spring's status for an update made while a payment is in progress (CustomHttpStatus.IN_PROGRESS). */
const IN_PROGRESS = 209;

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

  app.put(`${OPTIONS}/:nav/notificationfee`, async (request, reply) => {
    const { notificationFee } = readNotificationFeeBody(jsonBody(request));
    const ec = checkOrganization(request, 'updateNotificationFee');
    // PaymentsService.updateNotificationFee: the Node's checkPosition between the lookup and the update.
    const { option } = service.updateNotificationFee(ec, param(request, 'nav'), notificationFee);
    const inProgress = options.paymentInProgress?.(`${ec}${option.nav}`) ?? false;
    return sendJson(reply, inProgress ? IN_PROGRESS : 200, paymentsOptionModelResponse(option));
  });

  app.post(`${OPTIONS}/:iuv/transfers/:transferid/report`, async (request, reply) => {
    const ec = checkOrganization(request, 'reportTransfer');
    const { transfer } = service.report(ec, param(request, 'iuv'), param(request, 'transferid'));
    return sendJson(reply, 200, transferModelResponse(transfer));
  });
};
