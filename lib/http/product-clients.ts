// The one place that builds the API clients of a process: one client per Back Office product key, each
// drawing on that product's allowance (GPD: 100 calls / 10 s per key; upload: 10 / s; no limit is documented
// for the receipts, FdR and biz-events products). In a run, the allowance is the run's one shared by all
// workers (lib/http/shared-allowance.ts); the command-line sweep has all of it (it runs alone).
import { secretValues, type SuiteConfig } from '../config.ts';
import { Redactor } from '../redact.ts';
import { ApiClient } from './api-client.ts';
import { allowanceFor, type Bucket } from './shared-allowance.ts';

export interface ProductClients {
  gpd: ApiClient;
  /** The upload service, with the GPD key and the upload service's own limit. */
  upload: ApiClient;
  /** Absent when the product's key is not configured. */
  receipts?: ApiClient;
  fdr?: ApiClient;
  biz?: ApiClient;
  /** The Checkout EC carts API, called without a key: APIM does not require one there, and refuses a key of another
   * product (pagopa-infra src/domains/checkout-app/04_apim_checkout_ec.tf: subscription_required = false). */
  carts: ApiClient;
}

export function productClients(config: SuiteConfig, options: { redactor?: Redactor; processes?: number } = {}): ProductClients {
  const redactor = options.redactor ?? new Redactor(secretValues(config));
  const processes = options.processes ?? 1;
  const client = (key: string | undefined, options: { limit?: [Bucket, { calls: number; periodMs: number }]; echoesRequestId: boolean }) =>
    new ApiClient({
      baseUrl: config.apiBaseUrl,
      key,
      timeoutMs: config.requestTimeoutMs,
      redactor,
      limiter: options.limit ? allowanceFor(options.limit[0], options.limit[1], processes) : undefined,
      echoesRequestId: options.echoesRequestId,
    });
  // X-Request-Id is declared on every answer by the contracts of GPD, its receipts and biz-events; the upload and
  // FdR contracts do not declare it.
  return {
    gpd: client(config.keys.gpd, { limit: ['gpd', config.gpdRateLimit], echoesRequestId: true }),
    upload: client(config.keys.gpd, { limit: ['upload', config.uploadRateLimit], echoesRequestId: false }),
    ...(config.keys['gpd-receipts'] ? { receipts: client(config.keys['gpd-receipts'], { echoesRequestId: true }) } : {}),
    ...(config.keys.fdr ? { fdr: client(config.keys.fdr, { echoesRequestId: false }) } : {}),
    ...(config.keys.biz ? { biz: client(config.keys.biz, { echoesRequestId: true }) } : {}),
    carts: client(undefined, { echoesRequestId: false }),
  };
}
