// `npm run cleanup`: removes the debt positions that earlier runs of this suite left on the
// configured EC (IUPDs tagged CONF-<run id>-…): deleted, or invalidated where deletion is refused.
// Usage: npm run cleanup [-- <run id>]   (no run id: every run's leftovers)
import { prepareEnvironment, loadConfig, secretValues, ConfigError } from '../lib/config.ts';
import { Redactor } from '../lib/redact.ts';
import { ApiClient, closePools } from '../lib/http/api-client.ts';
import { GpdClient } from '../lib/http/gpd-client.ts';
import { RateLimiter } from '../lib/http/rate-limiter.ts';
import { IUPD_PREFIX } from '../lib/gpd/factory.ts';
import { sweepPositions } from '../lib/gpd/sweep.ts';

prepareEnvironment();
try {
  const config = loadConfig();
  const client = new ApiClient({
    baseUrl: config.apiBaseUrl,
    key: config.keys.gpd,
    timeoutMs: config.requestTimeoutMs,
    redactor: new Redactor(secretValues(config)),
    limiter: new RateLimiter(config.gpdRateLimit.calls, config.gpdRateLimit.periodMs),
  });
  const gpd = new GpdClient((operation) => client.send(operation.request), config.ecFiscalCode);
  const runId = process.argv[2];
  const prefix = runId ? `${IUPD_PREFIX}-${runId}-` : `${IUPD_PREFIX}-`;
  console.log(`Sweeping positions ${prefix}* of EC ${config.ecFiscalCode} on ${config.apiBaseUrl}`);
  const result = await sweepPositions(gpd, prefix, { maxPages: 200 });
  console.log(`found ${result.found}, deleted ${result.deleted.length}, invalidated ${result.invalidated.length}, kept ${result.kept.length}`);
  for (const kept of result.kept) console.log(`  kept: ${kept}`);
  await closePools();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : String(error));
  process.exitCode = 1;
}
