// Standalone sandbox (`npm run sandbox`): configuration from the environment (same variables as the
// suite), binds every product key to the EC, listens until SIGINT/SIGTERM. Never prints a key.
import { config as loadDotenv } from 'dotenv';
import { buildSandbox, CardGateway, type Product, type Subscription } from './app.ts';
import { buildCardGatewayApp } from './checkout/card-gateway.ts';

// Same `.env` as the suite when started by hand; variables already set (e.g. by Playwright) win.
loadDotenv({ quiet: true, path: process.env.DOTENV_CONFIG_PATH ?? '.env' });

const env = (name: string, fallback: string) => {
  const value = process.env[name]?.trim();
  return value ? value : fallback;
};

const host = env('SANDBOX_HOST', '127.0.0.1');
const port = Number(env('SANDBOX_PORT', '5800'));
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`SANDBOX_PORT must be a TCP port (1-65535), got ${JSON.stringify(process.env.SANDBOX_PORT)}`);
  process.exit(2);
}

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
  retryAfterMs: Number(env('SANDBOX_UPLOAD_RETRY_AFTER_MS', '10000')),
  chunkIntervalMs: Number(env('SANDBOX_UPLOAD_CHUNK_INTERVAL_MS', '200')),
};
if (!Object.values(upload).every((v) => Number.isInteger(v) && v >= 0)) {
  console.error('SANDBOX_UPLOAD_RETRY_AFTER_MS and SANDBOX_UPLOAD_CHUNK_INTERVAL_MS must be integers ≥ 0 (milliseconds)');
  process.exit(2);
}
const checkoutTimes = {
  outcomeDelayMs: Number(env('SANDBOX_CHECKOUT_OUTCOME_DELAY_MS', '1500')),
  pollDelayMs: Number(env('SANDBOX_CHECKOUT_POLL_DELAY_MS', '3000')),
};
const gatewayPort = Number(env('SANDBOX_CARD_GATEWAY_PORT', '0'));
if (!Object.values(checkoutTimes).every((v) => Number.isInteger(v) && v >= 0) || !Number.isInteger(gatewayPort) || gatewayPort < 0 || gatewayPort > 65535) {
  console.error(
    'SANDBOX_CHECKOUT_OUTCOME_DELAY_MS and SANDBOX_CHECKOUT_POLL_DELAY_MS must be integers ≥ 0 (milliseconds), SANDBOX_CARD_GATEWAY_PORT a TCP port (0 = any free one)',
  );
  process.exit(2);
}
const logger = process.env.SANDBOX_LOG === 'true';
// The card gateway listens on its own port: its card fields are cross-origin to Checkout, as in UAT.
const cardGateway = new CardGateway();
const gatewayApp = await buildCardGatewayApp(cardGateway, { logger });
cardGateway.origin = new URL(await gatewayApp.listen({ host, port: gatewayPort })).origin;

const receipts = { brokerCode: process.env.BROKER_CODE || undefined, stationId: process.env.STATION_ID || undefined };
const app = await buildSandbox({ subscriptions, upload, receipts, checkout: { cardGateway, ...checkoutTimes }, logger });
const address = await app.listen({ host, port });
console.log(`pagoPA sandbox listening on ${address} (Checkout at ${address}/, card gateway at ${cardGateway.origin})`);
console.log(`EC fiscal codes bound to the product keys: ${organizations.join(', ')}`);

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
