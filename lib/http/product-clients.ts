// The one place that builds the API clients of a process: one client per Back Office product key,
// each with its share of that product's rate limit (GPD: 100 calls / 10 s per key; upload: 10 / s;
// no limit is documented for the receipts, FdR and biz-events products). Fixtures build it once per worker;
// the command-line sweep once per process (all of the key's allowance: it runs alone).
import { secretValues, type SuiteConfig } from '../config.ts';
import { Redactor } from '../redact.ts';
import { ApiClient } from './api-client.ts';
import { workerShare } from './rate-limiter.ts';

export interface ProductClients {
  gpd: ApiClient;
  /** The upload service, with the GPD key and the upload service's own limit. */
  upload: ApiClient;
  /** Absent when the product's key is not configured. */
  receipts?: ApiClient;
  fdr?: ApiClient;
  biz?: ApiClient;
}

export function productClients(config: SuiteConfig, options: { redactor?: Redactor; processes?: number } = {}): ProductClients {
  const redactor = options.redactor ?? new Redactor(secretValues(config));
  const processes = options.processes ?? 1;
  const client = (key: string | undefined, limit?: { calls: number; periodMs: number }) =>
    new ApiClient({
      baseUrl: config.apiBaseUrl,
      key,
      timeoutMs: config.requestTimeoutMs,
      redactor,
      limiter: limit ? workerShare(limit, processes) : undefined,
    });
  return {
    gpd: client(config.keys.gpd, config.gpdRateLimit),
    upload: client(config.keys.gpd, config.uploadRateLimit),
    ...(config.keys['gpd-receipts'] ? { receipts: client(config.keys['gpd-receipts']) } : {}),
    ...(config.keys.fdr ? { fdr: client(config.keys.fdr) } : {}),
    ...(config.keys.biz ? { biz: client(config.keys.biz) } : {}),
  };
}
