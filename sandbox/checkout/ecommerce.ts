// The ecommerce backend behind Checkout, under the platform's own paths (`/ecommerce/checkout/v1|v2`,
// `/checkout/feature-flags/v1`): verify, payment methods, card sessions, activation, fees, authorization
// and outcomes, with the bodies and error shapes the real front end reads. reCAPTCHA-protected calls
// need a non-empty `recaptchaResponse`; transaction calls need the activation's bearer token.
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { formatLocalDateTime } from '../dates.ts';
import { jsonBody, param, sendJson } from '../http.ts';
import { ProblemError } from '../problem.ts';
import type { CardGateway } from './card-gateway.ts';
import { NodeFault, RPT_ID, type Notice, type PaymentNode } from './node.ts';
import { headerValue, queryValue } from './request-values.ts';
import { CARD_BUNDLES, totalAmount, type Transaction, type Transactions } from './transactions.ts';

export interface EcommerceOptions {
  node: PaymentNode;
  transactions: Transactions;
  cardGateway: CardGateway;
  /** Sandbox time (payment dates on GPD). */
  now: () => number;
  /** How long the outcome stays "not final" after the payment closes (the front end polls meanwhile). */
  outcomeDelayMs: number;
}

export const CHECKOUT_V1 = '/ecommerce/checkout/v1';
export const CHECKOUT_V2 = '/ecommerce/checkout/v2';
export const FEATURE_FLAGS = '/checkout/feature-flags/v1';
/** The card method ("CP") of the sandbox's payment-methods list. */
export const CARDS_METHOD_ID = '148ff003-46a5-4ef1-8a7f-0fd8a5d3f5d6';

const FLAGS = {
  isAuthenticationEnabled: false,
  isPspPickerPageEnabled: true,
  isMaintenancePageEnabled: false,
  isScheduledMaintenanceBannerEnabled: false,
  isPaymentMethodsHandlerEnabled: true,
  isPaymentWalletEnabled: false,
};

const badRequest = (detail: string) => new ProblemError(400, 'Bad Request', detail);
const unauthorized = (reply: FastifyReply) => reply.code(401).send({ statusCode: 401, message: 'Unauthorized' });

function body<T>(request: FastifyRequest): Partial<T> {
  const text = jsonBody(request);
  if (!text) throw badRequest('Request body is required');
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badRequest('Request body must be a JSON object');
    return value as Partial<T>;
  } catch (error) {
    if (error instanceof ProblemError) throw error;
    throw badRequest('Malformed JSON request body');
  }
}

/** The Checkout page's origin (browsers send `Origin` on the POSTs that need it). */
const clientOrigin = (request: FastifyRequest) => headerValue(request, 'origin') ?? `${request.protocol}://${request.host}`;

const isMethod = (id: string) => {
  if (id !== CARDS_METHOD_ID) throw new ProblemError(404, 'Not Found', `Payment method with id ${id} not found`);
};

export const ecommerceRoutes: FastifyPluginAsync<EcommerceOptions> = async (app: FastifyInstance, options) => {
  const { node, transactions, cardGateway } = options;

  const fault = (reply: FastifyReply, error: unknown) => {
    if (error instanceof NodeFault) return sendJson(reply, error.status, error.toJSON());
    throw error;
  };

  /** The transaction a bearer token opens, or a 401 answer. */
  const authorized = (request: FastifyRequest, reply: FastifyReply, transactionId: string): Transaction | undefined => {
    const token = headerValue(request, 'authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const transaction = transactions.get(transactionId);
    if (!token || !transaction || transaction.authToken !== token) {
      unauthorized(reply);
      return undefined;
    }
    return transaction;
  };

  // Checkout is served from another origin in UAT: its API answers CORS preflights.
  app.addHook('onSend', async (request, reply) => {
    if (headerValue(request, 'origin')) reply.header('access-control-allow-origin', headerValue(request, 'origin')!).header('vary', 'Origin');
  });
  app.options('/ecommerce/checkout/*', async (_request, reply) =>
    reply
      .code(204)
      .header('access-control-allow-methods', 'GET, POST, DELETE, OPTIONS')
      .header(
        'access-control-allow-headers',
        'authorization, content-type, lang, x-correlation-id, x-client-id-from-client, x-transaction-id-from-client, x-rpt-ids',
      )
      .send(),
  );

  app.get(`${FEATURE_FLAGS}/features/values`, async (_request, reply) => sendJson(reply, 200, FLAGS));

  app.get(`${CHECKOUT_V1}/payment-requests/:rptId`, async (request, reply) => {
    if (!queryValue(request, 'recaptchaResponse')) return unauthorized(reply);
    const rptId = param(request, 'rptId');
    if (!RPT_ID.test(rptId)) throw badRequest(`Invalid rptId: ${rptId}`);
    try {
      const notice = await node.verify(rptId);
      const { paFiscalCode, paName, description, amount, dueDate } = notice;
      return sendJson(reply, 200, { rptId, paFiscalCode, paName, description, amount, dueDate });
    } catch (error) {
      return fault(reply, error);
    }
  });

  app.post(`${CHECKOUT_V2}/payment-methods`, async (request, reply) => {
    const { totalAmount: amount } = body<{ totalAmount: number }>(request);
    if (!Number.isInteger(amount) || amount! < 1) throw badRequest('totalAmount is required: a positive integer (euro cents)');
    const fees = CARD_BUNDLES.map((b) => b.taxPayerFee);
    return sendJson(reply, 200, {
      paymentMethods: [
        {
          id: CARDS_METHOD_ID,
          name: { IT: 'Carte', EN: 'Cards' },
          description: { IT: 'Carta di credito, debito o prepagata', EN: 'Credit, debit or prepaid card' },
          status: 'ENABLED',
          validityDateFrom: '2023-01-01',
          paymentTypeCode: 'CP',
          paymentMethodTypes: ['CARTE'],
          feeRange: { min: Math.min(...fees), max: Math.max(...fees) },
          paymentMethodAsset: '',
          methodManagement: 'ONBOARDABLE',
          paymentMethodsBrandAssets: {},
          metadata: {},
        },
      ],
    });
  });

  app.post(`${CHECKOUT_V1}/payment-methods/:methodId/sessions`, async (request, reply) => {
    isMethod(param(request, 'methodId'));
    const session = cardGateway.open(clientOrigin(request), headerValue(request, 'lang') ?? 'it');
    return sendJson(reply, 200, {
      orderId: session.orderId,
      correlationId: session.correlationId,
      paymentMethodData: { paymentMethod: 'CARDS', form: cardGateway.form(session) },
    });
  });

  app.get(`${CHECKOUT_V1}/payment-methods/:methodId/sessions/:orderId`, async (request, reply) => {
    isMethod(param(request, 'methodId'));
    const transaction = authorized(request, reply, headerValue(request, 'x-transaction-id-from-client') ?? '');
    if (!transaction) return reply;
    // As the platform's gateway: the token's transaction must be the one the path's orderId serves (else 401).
    const orderId = param(request, 'orderId');
    const session = cardGateway.byOrderId(orderId);
    if (!session || transaction.orderId !== orderId || session.transactionId !== transaction.transactionId) return unauthorized(reply);
    const card = cardGateway.masked(session);
    if (!card) throw new ProblemError(404, 'Not Found', `Session with orderId ${orderId} not found`);
    return sendJson(reply, 200, { sessionId: session.sessionId, ...card });
  });

  app.post(`${CHECKOUT_V2}/transactions`, async (request, reply) => {
    if (!queryValue(request, 'recaptchaResponse')) return unauthorized(reply);
    const input = body<{ paymentNotices: Array<{ rptId?: string; amount?: number }>; email: string; orderId: string }>(request);
    const notices = input.paymentNotices;
    if (!Array.isArray(notices) || notices.length < 1 || notices.length > 5) throw badRequest('paymentNotices must hold 1 to 5 notices');
    if (notices.some((n) => typeof n !== 'object' || n === null || typeof n.rptId !== 'string' || !RPT_ID.test(n.rptId) || !Number.isInteger(n.amount))) {
      throw badRequest('Each payment notice needs an rptId of 29 digits and an amount in euro cents');
    }
    if (typeof input.email !== 'string' || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(input.email)) throw badRequest('email is not a valid e-mail address');
    if (typeof input.orderId !== 'string' || input.orderId === '') throw badRequest('orderId is required');
    // The orderId is the card session's: only the Checkout that opened the session knows its correlationId
    // (sent as x-correlation-id), and the orderId serves one transaction.
    const orderId = input.orderId;
    const correlationId = headerValue(request, 'x-correlation-id');
    const session = cardGateway.byOrderId(orderId);
    const sessionUsable = () => {
      if (!session || correlationId === undefined || session.correlationId !== correlationId) {
        throw badRequest('Invalid request: orderId is not a card session opened with this x-correlation-id');
      }
      if (session.transactionId !== undefined) throw badRequest(`Invalid request: the card session of orderId ${orderId} already serves a transaction`);
      return session;
    };
    sessionUsable();
    const verified: Notice[] = [];
    try {
      for (const n of notices) {
        const notice = await node.verify(n.rptId!);
        if (transactions.ongoingFor(notice.rptId)) throw new NodeFault('PPT_PAGAMENTO_IN_CORSO');
        verified.push(notice);
      }
    } catch (error) {
      return fault(reply, error);
    }
    // Again: another activation may have taken the session while the notices were verified.
    const card = sessionUsable();
    const transaction = transactions.activate({
      notices: verified,
      email: input.email,
      orderId,
      clientId: headerValue(request, 'x-client-id-from-client') ?? 'CHECKOUT',
      correlationId: card.correlationId,
    });
    card.transactionId = transaction.transactionId;
    return sendJson(reply, 200, {
      transactionId: transaction.transactionId,
      status: transaction.status,
      payments: transaction.payments.map(paymentInfo),
      clientId: transaction.clientId,
      authToken: transaction.authToken,
    });
  });

  for (const version of [CHECKOUT_V1, CHECKOUT_V2]) {
    app.get(`${version}/transactions/:transactionId`, async (request, reply) => {
      const transaction = authorized(request, reply, param(request, 'transactionId'));
      if (!transaction) return reply;
      return sendJson(reply, 200, {
        transactionId: transaction.transactionId,
        status: transaction.status,
        payments: transaction.payments.map(paymentInfo),
        clientId: transaction.clientId,
        feeTotal: transaction.authorization?.fee,
        gatewayInfo: transaction.authorization
          ? { gateway: 'NPG', authorizationStatus: transaction.status === 'NOTIFIED_OK' ? 'EXECUTED' : undefined }
          : undefined,
      });
    });
  }

  app.delete(`${CHECKOUT_V1}/transactions/:transactionId`, async (request, reply) => {
    const transaction = authorized(request, reply, param(request, 'transactionId'));
    if (!transaction) return reply;
    if (transaction.status !== 'ACTIVATED') throw new ProblemError(409, 'Conflict', `Transaction ${transaction.transactionId} is ${transaction.status}`);
    transactions.settle(transaction, 'CANCELED', 0);
    return reply.code(202).send();
  });

  app.post(`${CHECKOUT_V2}/payment-methods/:methodId/fees`, async (request, reply) => {
    isMethod(param(request, 'methodId'));
    const transaction = authorized(request, reply, headerValue(request, 'x-transaction-id-from-client') ?? '');
    if (!transaction) return reply;
    const input = body<{ paymentNotices: Array<{ paymentAmount?: unknown; primaryCreditorInstitution?: unknown } | null> }>(request);
    const notices = input.paymentNotices;
    if (!Array.isArray(notices) || notices.length === 0) throw badRequest('paymentNotices is required');
    if (notices.some((n) => typeof n !== 'object' || n === null || !Number.isInteger(n.paymentAmount) || typeof n.primaryCreditorInstitution !== 'string')) {
      throw badRequest('Each payment notice needs paymentAmount (euro cents) and primaryCreditorInstitution');
    }
    return sendJson(reply, 200, {
      paymentMethodName: 'CARDS',
      paymentMethodDescription: 'Carte',
      paymentMethodStatus: 'ENABLED',
      belowThreshold: false,
      bundles: CARD_BUNDLES.map(({ pspFiscalCode: _taxCode, ...b }) => ({ ...b, paymentMethod: 'CP', touchpoint: 'CHECKOUT' })),
      asset: '',
      brandAssets: {},
    });
  });

  app.post(`${CHECKOUT_V1}/transactions/:transactionId/auth-requests`, async (request, reply) => {
    const transaction = authorized(request, reply, param(request, 'transactionId'));
    if (!transaction) return reply;
    const input = body<{
      amount: number;
      fee: number;
      pspId: string;
      language?: string;
      paymentInstrumentId: string;
      details: { detailType?: string; orderId?: string };
    }>(request);
    if (input.paymentInstrumentId !== CARDS_METHOD_ID) throw badRequest('paymentInstrumentId is not a payment method of this transaction');
    if (input.amount !== totalAmount(transaction)) throw badRequest(`amount must be ${totalAmount(transaction)} (the payments' total)`);
    // Required by the request's schema (a 400 before the service looks at them).
    if (typeof input.fee !== 'number' || !Number.isInteger(input.fee) || typeof input.pspId !== 'string')
      throw badRequest('fee (euro cents) and pspId are required');
    // TransactionsService.findMatchingBundle: the PSP and the fee of one of the bundles, else UnsatisfiablePspRequestException.
    const bundle = CARD_BUNDLES.find((b) => b.idPsp === input.pspId && b.taxPayerFee === input.fee);
    if (!bundle) {
      throw new ProblemError(
        409,
        'Cannot find a PSP with the requested parameters',
        `Cannot find a PSP with fee ${Math.trunc(input.fee / 100)} and language ${String(input.language)} for transaction with payment token '${transaction.transactionId}'`,
      );
    }
    if (input.details?.detailType !== 'cards' || input.details.orderId !== transaction.orderId)
      throw badRequest('details must be cards details with the orderId of the transaction');
    if (transaction.status !== 'ACTIVATED') throw new ProblemError(409, 'Conflict', `Transaction ${transaction.transactionId} is ${transaction.status}`);
    const session = cardGateway.byOrderId(transaction.orderId);
    if (session?.transactionId !== transaction.transactionId) throw badRequest('Invalid request: the card session is not bound to this transaction');
    if (!cardGateway.masked(session)) throw new ProblemError(409, 'Conflict', 'The card data of this transaction are not complete');
    transaction.status = 'AUTHORIZATION_REQUESTED';
    transaction.authorization = { bundle, fee: bundle.taxPayerFee, amount: input.amount };
    const gdi = Buffer.from(`${cardGateway.origin}/monetaweb/gdi/${encodeURIComponent(session.sessionId)}`).toString('base64url');
    return sendJson(reply, 200, { authorizationUrl: `${session.checkoutOrigin}/gdi-check#gdiIframeUrl=${gdi}`, authorizationRequestId: transaction.orderId });
  });

  app.get(`${CHECKOUT_V1}/transactions/:transactionId/outcomes`, async (request, reply) => {
    const transaction = authorized(request, reply, param(request, 'transactionId'));
    if (!transaction) return reply;
    return sendJson(reply, 200, transactions.outcome(transaction));
  });

  // The gateway authorized the card: the Node closes the payment on GPD (which yields the receipt).
  cardGateway.onAuthorize(async (session, card) => {
    // Only the transaction bound to the session's orderId at its activation.
    const transaction = session.transactionId === undefined ? undefined : transactions.get(session.transactionId);
    if (transaction?.status !== 'AUTHORIZATION_REQUESTED' || !transaction.authorization) throw new ProblemError(409, 'Conflict', 'No authorization requested');
    transaction.authorization.card = card;
    const { bundle, fee } = transaction.authorization;
    try {
      for (const payment of transaction.payments) {
        await node.pay(payment.notice, {
          paymentDate: formatLocalDateTime(options.now()),
          paymentMethod: 'CP',
          pspCode: bundle.idPsp,
          pspTaxCode: bundle.pspFiscalCode,
          pspCompany: bundle.pspBusinessName,
          idReceipt: payment.paymentToken,
          fee,
        });
      }
      transactions.settle(transaction, 'NOTIFIED_OK', options.outcomeDelayMs);
    } catch (error) {
      app.log.warn(error);
      transactions.settle(transaction, 'CLOSURE_ERROR', options.outcomeDelayMs);
    }
  });
};

function paymentInfo({ paymentToken, notice }: { paymentToken: string; notice: Notice }) {
  return {
    paymentToken,
    rptId: notice.rptId,
    reason: notice.description,
    amount: notice.amount,
    transferList: notice.transfers,
    isAllCCP: false,
    creditorReferenceId: notice.iuv,
  };
}
