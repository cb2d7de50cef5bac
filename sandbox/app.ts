// The sandbox: a local stand-in for pagoPA UAT (gateway + GPD debt positions v1 + the internal GPD
// API used by the Node), plus a control API for tests. See docs/ARCHITECTURE.md.
import { ProblemError } from './problem.ts';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { Clock } from './clock.ts';
import { controlRoutes } from './control.ts';
import { installGateway, type ProtectedApi } from './gateway.ts';
import { internalRoutes } from './gpd/routes-internal.ts';
import { odpRoutes } from './gpd/odp.ts';
import { ecRoutes } from './gpd/routes-v1.ts';
import { bulkRoutes } from './gpd/routes-v2.ts';
import { v3Routes } from './gpd/routes-v3.ts';
import { UploadJobs } from './upload/upload-jobs.ts';
import { ReceiptStore } from './receipts/receipt-store.ts';
import { receiptsRoutes } from './receipts/routes.ts';
import { bizEventsRoutes } from './bizevents/routes.ts';
import { FlowStore } from './fdr/flows.ts';
import { fdrRoutes } from './fdr/routes.ts';
import { uploadRoutes } from './upload/routes.ts';
import { GpdService } from './gpd/service.ts';
import { GpdStore } from './gpd/store.ts';
import { BODY_LIMIT, installHttpBasics } from './http.ts';
import { CardGateway } from './checkout/card-gateway.ts';
import { ecommerceRoutes } from './checkout/ecommerce.ts';
import { PaymentNode } from './checkout/node.ts';
import { Transactions } from './checkout/transactions.ts';
import { checkoutWebRoutes } from './checkout/web-routes.ts';
import { CARTS_V1, CARTS_V2, Carts, cartPagesRoutes, cartsRoutes } from './checkout/carts.ts';
import { DEFAULT_RT_PUSH, ReceiptPusher, type RtPushSettings, type RtStation } from './rt/push.ts';
import { rtControlRoutes } from './rt/routes.ts';
import { EcSoftwareMonitor } from '../lib/ec-software/monitor.ts';
import { ecSoftwareRoutes, installEcRecording } from './ec-software.ts';

export { CardGateway, Clock };

export type Product = 'gpd' | 'gpd-receipts' | 'fdr' | 'biz' | 'checkout-ec' | 'internal';

/** organizations: EC fiscal codes bound to the key ('*' = any, used for the internal key). */
export interface Subscription {
  key: string;
  product: Product;
  organizations: string[];
}

export interface SandboxOptions {
  subscriptions: Subscription[];
  /** Default: new Clock() (real time, controllable offset). */
  clock?: Clock;
  /** Defaults 100/10 000 ms (GPD) and 10/1 000 ms (upload). */
  rateLimits?: { gpd?: { calls: number; periodMs: number }; upload?: { calls: number; periodMs: number }; carts?: { calls: number; periodMs: number } };
  /** Upload service: the Retry-After its 202 announces (default 10 000 ms, as UAT), the pause between
   * chunks of 20 (default 200 ms) and the request size limit (default 100 MiB); `progress`: where the
   * progress lines of uploads of more than 1 000 positions go (none by default; `npm run sandbox`: its console). */
  upload?: { retryAfterMs?: number; chunkIntervalMs?: number; maxRequestBytes?: number; progress?: (line: string) => void };
  /** Who the receipts name as broker and station of an EC (default: the EC itself, station `<EC>_01`). */
  receipts?: { brokerCode?: string; stationId?: string };
  /** Checkout: the card gateway its pages use (default: one that is not listening; see
   * buildCardGatewayApp), how long an outcome stays "in progress" after the payment closes
   * (default 1 500 ms) and the front end's base polling delay (default 3 000 ms, as UAT). */
  checkout?: { cardGateway?: CardGateway; outcomeDelayMs?: number; pollDelayMs?: number; carts?: Carts };
  /** FdR: the day after the payment day (UTC) on which PSPs publish its flow (default 2, D+2 as production). */
  fdr?: { publishDelayDays?: number };
  /** Default false. */
  logger?: boolean;
  /** Receipt push (paSendRT/V2) to the EC's stations with an endpoint (none by default); timeout, attempts,
   * interval and retry on KO (defaults in rt/push.ts); how often the retry job looks for due retries (1 000 ms). */
  rt?: Partial<RtPushSettings> & { stations?: RtStation[]; jobIntervalMs?: number };
  /** The recording of the EC's own software (issue 15): the EC and its segregation codes, for the checks. */
  ecSoftware?: { ecFiscalCode?: string; segregationCodes?: string[] };
}

export const BASE_PATHS = {
  gpdV1: '/gpd/debt-positions-service/v1',
  gpdV2: '/gpd/debt-positions-service/v2',
  uploadV1: '/upload/gpd/debt-positions-service/v1',
  uploadV2: '/upload/gpd/debt-positions-service/v2',
  receipts: '/gpd/payments-receipts-service/v1',
  bizEvents: '/bizevents/service/v1',
  gpdInternal: '/gpd/api/v1',
  control: '/__sandbox',
  // GPD v3 (payment plans, issue 13).
  gpdV3: '/gpd/debt-positions-service/v3',
} as const;

/** The FdR organisation API (apart from BASE_PATHS, whose every entry the gateway-encoding test spells). */
export const FDR_BASE_PATH = '/fdr-org/service/v1';

const APIS: ProtectedApi[] = [
  { prefix: BASE_PATHS.gpdV1, product: 'gpd', rateLimit: 'gpd' },
  { prefix: BASE_PATHS.gpdV2, product: 'gpd', rateLimit: 'gpd' },
  // The upload API belongs to the same products as the debt-positions API: one GPD key serves both.
  { prefix: BASE_PATHS.uploadV1, product: 'gpd', rateLimit: 'upload' },
  { prefix: BASE_PATHS.uploadV2, product: 'gpd', rateLimit: 'upload' },
  { prefix: BASE_PATHS.receipts, product: 'gpd-receipts' },
  { prefix: BASE_PATHS.bizEvents, product: 'biz' },
  { prefix: FDR_BASE_PATH, product: 'fdr' },
  { prefix: BASE_PATHS.gpdInternal, product: 'internal' },
  { prefix: BASE_PATHS.control, product: 'internal' },
  // Checkout carts (issue 13): no key needed — APIM's API "checkout/ec" has subscription_required = false and belongs
  // to product checkout-ec only (pagopa-infra src/domains/checkout-app/04_apim_checkout_ec.tf); rate-limit-by-key on
  // X-Forwarded-For (its base policy). The contracts declare a key: README, known differences.
  { prefix: CARTS_V1, product: 'checkout-ec', subscriptionRequired: false, rateLimit: 'carts' },
  { prefix: CARTS_V2, product: 'checkout-ec', subscriptionRequired: false, rateLimit: 'carts' },
  // GPD v3 (issue 13).
  { prefix: BASE_PATHS.gpdV3, product: 'gpd', rateLimit: 'gpd' },
];

export async function buildSandbox(options: SandboxOptions): Promise<FastifyInstance> {
  const clock = options.clock ?? new Clock();
  // maxParamLength: the platform's services answer long path values themselves (e.g. FdR's FDR-3008 for a long
  // flow name); Fastify's default (100 characters) would answer 414 instead. Node's header limit bounds the URL.
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: BODY_LIMIT, routerOptions: { maxParamLength: 16_384 } });
  // The Node reaches GPD through the internal API, with a key of its own.
  const nodeKey = { key: `node-${randomUUID()}`, product: 'internal', organizations: ['*'] } satisfies Subscription;
  const subscriptions = [...options.subscriptions, nodeKey];

  installHttpBasics(app);
  // Issue 15: every call of the EC's own software (not the suite's) is recorded and checked, the gateway's
  // refusals included (hence before the gateway's hook).
  const ecMonitor = new EcSoftwareMonitor({
    source: { kind: 'sandbox', target: 'sandbox', ...options.ecSoftware },
    secrets: subscriptions.map((s) => s.key),
    now: () => clock.millis(),
  });
  installEcRecording(app, ecMonitor);
  installGateway(app, {
    subscriptions,
    apis: APIS,
    rateLimits: {
      gpd: options.rateLimits?.gpd ?? { calls: 100, periodMs: 10_000 },
      upload: options.rateLimits?.upload ?? { calls: 10, periodMs: 1_000 },
      carts: options.rateLimits?.carts ?? { calls: 150, periodMs: 10_000 },
    },
    openPaths: [`${BASE_PATHS.control}/health`, `${BASE_PATHS.control}/checklist`, `${BASE_PATHS.control}/recording`],
  });
  await app.register(ecSoftwareRoutes(ecMonitor), { prefix: BASE_PATHS.control });

  const service = new GpdService(new GpdStore(), clock);
  await app.register(ecRoutes, { prefix: BASE_PATHS.gpdV1, service });
  await app.register(bulkRoutes, { prefix: BASE_PATHS.gpdV2, service });
  await app.register(v3Routes, { prefix: BASE_PATHS.gpdV3, service });
  const receipts = new ReceiptStore((organization) => ({
    brokerCode: options.receipts?.brokerCode ?? organization,
    stationId: options.receipts?.stationId ?? `${organization}_01`,
  }));
  // Publishing a flow reports its transfers to GPD, as the internal report call does (a refused report is ignored, as then).
  const flows = new FlowStore(
    () => clock.millis(),
    async (owner, iuv, idTransfer) => {
      try {
        service.report(owner, iuv, idTransfer);
      } catch (error) {
        if (!(error instanceof ProblemError)) throw error;
      }
    },
    options.fdr?.publishDelayDays ?? 2,
  );
  // The Node pushes each receipt to the EC's stations with an endpoint, after it is stored (never in the way of the payment).
  const { stations: rtStations, jobIntervalMs: rtJobIntervalMs, ...rtSettings } = options.rt ?? {};
  const given = Object.fromEntries(Object.entries(rtSettings).filter(([, value]) => value !== undefined)) as Partial<RtPushSettings>;
  const pusher = new ReceiptPusher(clock, { ...DEFAULT_RT_PUSH, ...given }, (ec) => options.receipts?.brokerCode ?? ec, rtStations, rtJobIntervalMs);
  app.addHook('onClose', async () => pusher.close());
  // Checkout's transactions: the Node's payments in progress (the notification-fee update asks about them).
  const transactions = new Transactions();
  await app.register(internalRoutes, {
    prefix: BASE_PATHS.gpdInternal,
    service,
    paymentInProgress: (rptId) => transactions.ongoingFor(rptId) !== undefined,
    onPaid: (position, option) => {
      const stored = receipts.record(position, option, clock.millis());
      flows.addPayment(stored);
      try {
        pusher.push(stored);
      } catch (error) {
        app.log.error(error, 'receipt push not started');
      }
    },
  });
  await app.register(receiptsRoutes, { prefix: BASE_PATHS.receipts, receipts, service, clock });
  await app.register(bizEventsRoutes, { prefix: BASE_PATHS.bizEvents, receipts });
  const jobs = new UploadJobs(service, clock, { chunkIntervalMs: options.upload?.chunkIntervalMs ?? 200, progress: options.upload?.progress });
  app.addHook('onClose', async () => jobs.close());
  for (const [version, prefix] of [
    ['v1', BASE_PATHS.uploadV1],
    ['v2', BASE_PATHS.uploadV2],
  ] as const) {
    await app.register(uploadRoutes, {
      prefix,
      version,
      jobs,
      retryAfterMs: options.upload?.retryAfterMs ?? 10_000,
      maxRequestBytes: options.upload?.maxRequestBytes ?? 100 * 1024 * 1024,
      now: () => clock.millis(),
    });
  }
  const knownOrganizations = new Set(subscriptions.flatMap((s) => s.organizations).filter((o) => o !== '*'));
  await app.register(fdrRoutes, { prefix: FDR_BASE_PATH, flows, now: () => clock.millis(), isKnownOrganization: (ec) => knownOrganizations.has(ec) });
  // verifyPaymentOptions (OdP) of the internal API, with its own error shape.
  await app.register(odpRoutes, { prefix: BASE_PATHS.gpdInternal, service, clock });
  await app.register(controlRoutes, { prefix: BASE_PATHS.control, clock, service, flows });
  await app.register(rtControlRoutes, { prefix: `${BASE_PATHS.control}/rt`, pusher });

  const cardGateway = options.checkout?.cardGateway ?? new CardGateway();
  const ecOrganizations = options.subscriptions.filter((s) => s.product === 'gpd').flatMap((s) => s.organizations);
  const node = new PaymentNode(app, nodeKey.key, (fiscalCode) => ecOrganizations.includes('*') || ecOrganizations.includes(fiscalCode));
  await app.register(ecommerceRoutes, {
    node,
    transactions,
    cardGateway,
    now: () => clock.millis(),
    outcomeDelayMs: options.checkout?.outcomeDelayMs ?? 1_500,
  });
  await app.register(checkoutWebRoutes, { cardGateway, pollDelayMs: options.checkout?.pollDelayMs ?? 3_000 });
  // Checkout carts (issue 13): the EC's carts API and the cart pages' backend.
  const carts = options.checkout?.carts ?? new Carts();
  await app.register(cartsRoutes, { carts, node });
  await app.register(cartPagesRoutes, { carts });
  return app;
}
