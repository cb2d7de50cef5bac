// Standalone sandbox (`npm run sandbox`): configuration from the environment (same variables as the
// suite), binds every product key to the EC, listens until SIGINT/SIGTERM. Never prints a key.
// Started by the suite, it gets every variable below from the suite's resolved configuration
// (lib/config.ts `sandboxEnv`), so none of the fallbacks here applies (except the key of a product the
// suite has no key for, whose cases it skips); they serve a start by hand: loopback, port 5800 and EC
// 77777777777 as the suite's own defaults, `sandbox-<product>-key` keys, and for the pace
// (SANDBOX_UPLOAD_*, SANDBOX_CHECKOUT_*, SANDBOX_FDR_PUBLISH_DELAY_DAYS) buildSandbox's own defaults, UAT's pace.
import { config as loadDotenv } from 'dotenv';
import { buildSandbox, CardGateway, type Product, type Subscription } from './app.ts';
import { buildCardGatewayApp } from './checkout/card-gateway.ts';
import { parseRtEndpoints } from './rt/routes.ts';

// Same `.env` as the suite when started by hand; variables already set (e.g. by Playwright) win.
loadDotenv({ quiet: true, path: process.env.DOTENV_CONFIG_PATH ?? '.env' });

/** The variable's value; `fallback` when it is unset or empty. */
const env = (name: string, fallback: string) => process.env[name]?.trim() || fallback;
/** A whole number ≥ 0 (milliseconds unless `unit` says otherwise), or undefined (buildSandbox's default) when unset or empty. */
const millis = (name: string, unit = 'milliseconds'): number | undefined => {
  const raw = process.env[name]?.trim();
  if (!raw) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`${name} must be an integer ≥ 0 (${unit}), got ${JSON.stringify(raw)}`);
    process.exit(2);
  }
  return value;
};
const tcpPort = (name: string, fallback: string, min: number): number => {
  const port = Number(env(name, fallback));
  if (!Number.isInteger(port) || port < min || port > 65535) {
    console.error(`${name} must be a TCP port (${min}-65535${min === 0 ? ', 0 = any free one' : ''}), got ${JSON.stringify(process.env[name])}`);
    process.exit(2);
  }
  return port;
};

const host = env('SANDBOX_HOST', '127.0.0.1');
const port = tcpPort('SANDBOX_PORT', '5800', 1);
const gatewayPort = tcpPort('SANDBOX_CARD_GATEWAY_PORT', '0', 0);

const organizations = [
  env('EC_FISCAL_CODE', '77777777777'),
  ...env('SANDBOX_EXTRA_ORGANIZATIONS', '')
    .split(',')
    .map((code) => code.trim())
    .filter(Boolean),
];

const PRODUCT_KEYS: [Product, string][] = [
  ['gpd', 'GPD_SUBSCRIPTION_KEY'],
  ['gpd-receipts', 'GPD_RECEIPTS_SUBSCRIPTION_KEY'],
  ['fdr', 'FDR_SUBSCRIPTION_KEY'],
  ['biz', 'BIZ_SUBSCRIPTION_KEY'],
];
const subscriptions: Subscription[] = [
  ...PRODUCT_KEYS.map(([product, variable]): Subscription => ({ key: env(variable, `sandbox-${product}-key`), product, organizations })),
  { key: env('SANDBOX_INTERNAL_KEY', 'sandbox-internal-key'), product: 'internal', organizations: ['*'] },
];

const upload = {
  retryAfterMs: millis('SANDBOX_UPLOAD_RETRY_AFTER_MS'),
  chunkIntervalMs: millis('SANDBOX_UPLOAD_CHUNK_INTERVAL_MS'),
  // Issue 16: large uploads show their progress (`upload <fileId>: 40 000 / 100 000 positions`; no key in it).
  progress: (line: string) => console.log(line),
};
const checkoutTimes = { outcomeDelayMs: millis('SANDBOX_CHECKOUT_OUTCOME_DELAY_MS'), pollDelayMs: millis('SANDBOX_CHECKOUT_POLL_DELAY_MS') };
// FdR pace: the day after the payment day on which its flow is published (default 2, D+2 as production).
const fdrDelay = millis('SANDBOX_FDR_PUBLISH_DELAY_DAYS', 'days');
const logger = process.env.SANDBOX_LOG === 'true';
// The card gateway listens on its own port: its card fields are cross-origin to Checkout, as in UAT.
const cardGateway = new CardGateway();
const gatewayApp = await buildCardGatewayApp(cardGateway, { logger });
cardGateway.origin = new URL(await gatewayApp.listen({ host, port: gatewayPort })).origin;

const receipts = { brokerCode: env('BROKER_CODE', '') || undefined, stationId: env('STATION_ID', '') || undefined };
// Receipt push (paSendRT/V2): the stations with an endpoint, `<stationId>=<url>|<1|2>` comma separated, and the
// Node's timeout, attempts, retry interval and retry on KO (buildSandbox's defaults when unset).
let rtStations;
try {
  rtStations = parseRtEndpoints(env('SANDBOX_RT_ENDPOINTS', ''));
} catch (error) {
  console.error(`SANDBOX_RT_ENDPOINTS: ${(error as Error).message}`);
  process.exit(2);
}
const rtRetryOnKo = env('SANDBOX_RT_RETRY_ON_KO', '');
if (rtRetryOnKo !== '' && rtRetryOnKo !== 'true' && rtRetryOnKo !== 'false') {
  console.error(`SANDBOX_RT_RETRY_ON_KO must be true or false, got ${JSON.stringify(rtRetryOnKo)}`);
  process.exit(2);
}
const rtMaxAttempts = millis('SANDBOX_RT_MAX_ATTEMPTS', 'attempts');
const rtTimeoutMs = millis('SANDBOX_RT_TIMEOUT_MS');
if (rtMaxAttempts === 0 || rtTimeoutMs === 0) {
  console.error('SANDBOX_RT_MAX_ATTEMPTS and SANDBOX_RT_TIMEOUT_MS must be at least 1 (the first attempt counts; a timeout of 0 ms never waits)');
  process.exit(2);
}
const rt = {
  stations: rtStations,
  timeoutMs: rtTimeoutMs,
  maxAttempts: rtMaxAttempts,
  retryIntervalMs: millis('SANDBOX_RT_RETRY_INTERVAL_MS'),
  retryOnKo: rtRetryOnKo === '' ? undefined : rtRetryOnKo === 'true',
};
// Issue 15: the EC and its segregation code, for the checks of the EC's own software's calls.
const ecSoftware = { ecFiscalCode: organizations[0]!, segregationCodes: [env('SEGREGATION_CODE', '01')] };
const app = await buildSandbox({
  subscriptions,
  upload,
  receipts,
  checkout: { cardGateway, ...checkoutTimes },
  fdr: { publishDelayDays: fdrDelay },
  rt,
  logger,
  ecSoftware,
});
const address = await app.listen({ host, port });
console.log(`pagoPA sandbox listening on ${address} (Checkout at ${address}/, card gateway at ${cardGateway.origin})`);
console.log(`EC fiscal codes bound to the product keys: ${organizations.join(', ')}`);
if (rtStations.length > 0) console.log(`Receipts pushed to: ${rtStations.map((s) => `${s.stationId} (V${s.primitiveVersion}) ${s.url}`).join(', ')}`);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (closing) return;
    closing = true;
    console.log(`${signal} received: closing the sandbox`);
    Promise.all([app.close(), gatewayApp.close()]).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
