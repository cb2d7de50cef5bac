// Suite configuration: read once from the environment (and `.env`), validated up front.
// Every problem is reported together, each naming the setting and the form it expects,
// so a wrong `.env` fails the `setup` project with one actionable message.
import { randomBytes, createHash } from 'node:crypto';
import { config as loadDotenv } from 'dotenv';
import { freePortSync } from './free-port.ts';
import { isLuhnValid } from './ids.ts';
import { guardUrl } from './production-guard.ts';
import { readLedgerSettings, type LedgerSettings } from './fdr/ledger.ts';
import { outputPaths } from './run/output-paths.ts';

export type Target = 'sandbox' | 'uat';
export type Product = 'gpd' | 'gpd-receipts' | 'fdr' | 'biz';

export interface SuiteConfig {
  target: Target;
  /** Base URL of the platform APIs (api.uat.platform.pagopa.it, or the sandbox). */
  apiBaseUrl: string;
  ecFiscalCode: string;
  brokerCode: string;
  stationId: string;
  segregationCode: string;
  /** A second EC, beneficiary of multi-beneficiary transfers (no key needed for it). */
  secondEcFiscalCode: string;
  /** An EC fiscal code that the GPD key is NOT bound to (ACC 403 case). */
  unboundEcFiscalCode: string;
  /** Subscription keys per product; only `gpd` is mandatory. Never print these. */
  keys: Partial<Record<Product, string>>;
  /** Client-side rate limit on GPD calls, shared by all workers (this job's share: RATE_LIMIT_JOBS). */
  gpdRateLimit: { calls: number; periodMs: number };
  /** Client-side rate limit on upload-service calls (platform: 10 / s per key; this job's share). */
  uploadRateLimit: { calls: number; periodMs: number };
  /** Bulk cases: positions per upload file, and how long an upload may take to be processed. */
  bulk: { uploadPositions: number; uploadTimeoutMs: number };
  /** Sandbox-only: how the suite's own sandbox is started (see `sandboxEnv`); undefined on UAT. */
  sandbox: SandboxSettings | undefined;
  /** Checkout (browser project): where it is, the test card, the PSP to choose, the payer's e-mail, the UI language. */
  checkout: CheckoutConfig;
  /** Reporting flows: the ledger of paid notices reconciled across runs, and a PSP the platform knows (flow-path checks). */
  fdr: FdrConfig;
  /** `npm run cleanup` without a run id leaves alone runs active within this time (they may be in progress). */
  cleanup: { idleMs: number };
  /** The EC's receipt endpoint (paSendRT/V2) the RT cases play the Node against. */
  rt: RtConfig;
  runId: string;
  requestTimeoutMs: number;
  /** GPD_API_VERSIONS (issue 13): the GPD debt-position API versions the EC implements; the cases of the others are not applicable. */
  gpdApiVersions: readonly GpdApiVersion[];
}

export interface SandboxSettings {
  /** Its listening port (chosen free by the runner unless SANDBOX_PORT is set) and the key of its internal/control API. */
  port: number;
  internalKey: string;
  /** The suite's own sandbox answers faster than UAT (the sandbox's standalone defaults keep UAT's pace). */
  upload: { retryAfterMs: number; chunkIntervalMs: number };
  checkout: { outcomeDelayMs: number; pollDelayMs: number };
}

export interface RtConfig {
  /** EC_RT_ENDPOINT_URL; on the suite's own sandbox, the example receiver it starts. Undefined: RT cases skipped. */
  endpointUrl: string | undefined;
  /** EC_RT_PRIMITIVE_VERSION: 1 (paSendRT) or 2 (paSendRTV2, default). */
  primitiveVersion: 1 | 2;
  /** EC_RT_TIMEOUT_MS: how long the Node waits for the endpoint's answer (production's value is not public; default 10000). */
  timeoutMs: number;
  /** The port of the example receiver the suite starts (own sandbox, no EC_RT_ENDPOINT_URL); else undefined. */
  receiverPort: number | undefined;
}

export interface FdrConfig {
  /** FDR_LEDGER (default: reports/fdr-ledger.jsonl on UAT, kept by CI; the run's own file on the sandbox,
   * which forgets its flows when it stops) and FDR_PENDING_WORKING_DAYS. */
  ledger: LedgerSettings;
  /** FDR_PSP_ID, else CHECKOUT_PSP_ID; on the sandbox one of its PSPs. Undefined: the flow-path checks take the PSP of a listed flow. */
  pspId: string | undefined;
}

export interface CheckoutConfig {
  /** https://uat.checkout.pagopa.it, or the sandbox's Checkout. */
  url: string;
  /** The card is a secret of its own kind: never in any output (see lib/evidence/trace-redaction.ts). */
  card: { number: string; expiry: string; cvv: string; holder: string };
  /** PSP to choose on the PSP list (`#psp-radio-<id>`); the first one offered when unset. */
  pspId: string | undefined;
  payerEmail: string;
  language: 'it' | 'en';
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Invalid configuration (${problems.length} problem${problems.length > 1 ? 's' : ''}); fix your .env (see .env.example):\n` +
        problems.map((p) => `  - ${p}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

export const UAT_API_BASE_URL = 'https://api.uat.platform.pagopa.it';
export const UAT_CHECKOUT_URL = 'https://uat.checkout.pagopa.it';
/** The UAT test card documented in pagoPA's own Checkout e2e suite (public test data, not a real card). */
const UAT_TEST_CARD = { number: '5255000260000014', expiry: '12/30', cvv: '123', holder: 'Test test' };

export const KEY_VARIABLES: Record<Product, string> = {
  gpd: 'GPD_SUBSCRIPTION_KEY',
  'gpd-receipts': 'GPD_RECEIPTS_SUBSCRIPTION_KEY',
  fdr: 'FDR_SUBSCRIPTION_KEY',
  biz: 'BIZ_SUBSCRIPTION_KEY',
};

/**
 * The pace of the suite's own sandbox, unless the environment sets it: uploads and Checkout outcomes answer
 * quickly (UAT: Retry-After 10 s, chunks every 200 ms, outcome after 1.5 s, polling every 3 s — the pace a
 * sandbox started by hand keeps).
 */
export const SUITE_SANDBOX_PACE = { uploadRetryAfterMs: 500, uploadChunkIntervalMs: 10, checkoutOutcomeDelayMs: 600, checkoutPollDelayMs: 300 } as const;
/** The suite's sandbox listens on loopback only; the API and Checkout URLs point there. */
export const SANDBOX_HOST = '127.0.0.1';

/** Names of the environment variables that carry secrets (for redaction). */
export const SECRET_VARIABLES = [...Object.values(KEY_VARIABLES), 'SANDBOX_INTERNAL_KEY'];
const SANDBOX_GENERATED_KEYS = [KEY_VARIABLES.gpd, KEY_VARIABLES['gpd-receipts'], KEY_VARIABLES.fdr, KEY_VARIABLES.biz, 'SANDBOX_INTERNAL_KEY'];

type Env = Record<string, string | undefined>;

/**
 * Loads `.env` (without overriding the real environment) and fills in the values that must be
 * identical in the Playwright runner, its workers and the sandbox process: a sandbox target gets
 * fresh random keys and a run id here, written back to `process.env` so that child processes inherit them.
 */
export function prepareEnvironment(env: NodeJS.ProcessEnv = process.env): void {
  loadEnvFile(env);
  env.RUN_ID ??= makeRunId();
  if ((env.TARGET ?? 'sandbox') === 'sandbox') {
    // Every product the sandbox serves gets a key; cases of a product without one are skipped, as on UAT.
    for (const variable of SANDBOX_GENERATED_KEYS) env[variable] ??= randomBytes(16).toString('hex');
  }
}

/** Loads `.env` (or DOTENV_CONFIG_PATH) into `env`, without overriding what is already set. */
export function loadEnvFile(env: NodeJS.ProcessEnv = process.env): void {
  loadDotenv({ quiet: true, path: env.DOTENV_CONFIG_PATH ?? '.env', processEnv: env as Record<string, string> });
}

export function makeRunId(now = new Date()): string {
  // Sortable and short: UTC time to the second plus 4 random hex chars.
  const stamp = now.toISOString().replace(/[-:T]/g, '').slice(2, 14);
  return `R${stamp}${randomBytes(2).toString('hex').toUpperCase()}`;
}

export function loadConfig(env: Env = process.env): SuiteConfig {
  const problems: string[] = [];
  const read = (name: string, fallback?: string) => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? fallback : value;
  };
  const expect = (name: string, value: string | undefined, pattern: RegExp, form: string) => {
    if (value === undefined) problems.push(`${name} is missing: expected ${form}.`);
    else if (!pattern.test(value)) problems.push(`${name}=${JSON.stringify(value)} is invalid: expected ${form}.`);
    return value ?? '';
  };

  const targetRaw = read('TARGET', 'sandbox')!;
  if (targetRaw !== 'sandbox' && targetRaw !== 'uat') {
    // Every other setting depends on the target: checking them against a guessed one would only mislead.
    throw new ConfigError([`TARGET=${JSON.stringify(targetRaw)} is invalid: this suite never runs against production; expected "sandbox" (default) or "uat".`]);
  }
  const target: Target = targetRaw;
  const isSandbox = target === 'sandbox';

  const sandboxPort = Number(read('SANDBOX_PORT', '5800'));
  if (isSandbox && !(Number.isInteger(sandboxPort) && sandboxPort > 0 && sandboxPort < 65536)) {
    problems.push(`SANDBOX_PORT=${JSON.stringify(read('SANDBOX_PORT'))} is invalid: expected a TCP port (1-65535).`);
  }

  const apiBaseUrl = checkBaseUrl(
    'API_BASE_URL',
    read('API_BASE_URL') ?? (isSandbox ? `http://${SANDBOX_HOST}:${sandboxPort}` : UAT_API_BASE_URL),
    target,
    problems,
    UAT_API_BASE_URL,
  );
  const checkout = readCheckout(read, target, sandboxPort, problems);

  const ecFiscalCode = expect('EC_FISCAL_CODE', read('EC_FISCAL_CODE', isSandbox ? '77777777777' : undefined), /^\d{11}$/, 'the EC fiscal code, 11 digits');
  const brokerCode = expect(
    'BROKER_CODE',
    read('BROKER_CODE', isSandbox ? '77777777777' : undefined),
    /^\d{11}$/,
    "the broker (intermediary) fiscal code, 11 digits; the EC's own code if it is not intermediated",
  );
  const stationId = expect(
    'STATION_ID',
    read('STATION_ID', isSandbox ? '77777777777_01' : undefined),
    /^\d{11}_\d{2}$/,
    'the station id, <broker code>_NN (e.g. 77777777777_01)',
  );
  const segregationCode = expect(
    'SEGREGATION_CODE',
    read('SEGREGATION_CODE', isSandbox ? '01' : undefined),
    /^\d{2}$/,
    'the segregation code assigned by PagoPA, 2 digits (e.g. 01)',
  );
  const secondEcFiscalCode = expect(
    'SECOND_EC_FISCAL_CODE',
    read('SECOND_EC_FISCAL_CODE', '15376371009'),
    /^\d{11}$/,
    'a second EC fiscal code (beneficiary of multi-beneficiary transfers), 11 digits',
  );
  const unboundEcFiscalCode = expect(
    'UNBOUND_EC_FISCAL_CODE',
    read('UNBOUND_EC_FISCAL_CODE', '99999999999'),
    /^\d{11}$/,
    'an EC fiscal code NOT bound to your GPD key, 11 digits',
  );
  if (unboundEcFiscalCode === ecFiscalCode) problems.push('UNBOUND_EC_FISCAL_CODE must differ from EC_FISCAL_CODE.');

  const keys: SuiteConfig['keys'] = {};
  for (const [product, variable] of Object.entries(KEY_VARIABLES) as [Product, string][]) {
    const value = read(variable);
    if (value === undefined) {
      if (product === 'gpd')
        problems.push(`${variable} is missing: expected the subscription key of the Back Office product "GPD - Posizioni Debitorie" (UAT).`);
      continue;
    }
    if (!/^[\x21-\x7e]{16,128}$/.test(value)) {
      problems.push(`${variable} is invalid: expected a subscription key (16-128 printable characters, no spaces); the value is not shown.`);
    }
    keys[product] = value;
  }

  const calls = Number(read('GPD_RATE_LIMIT_CALLS', '100'));
  const periodMs = Number(read('GPD_RATE_LIMIT_PERIOD_MS', '10000'));
  if (!(Number.isInteger(calls) && calls > 0)) problems.push('GPD_RATE_LIMIT_CALLS is invalid: expected a positive integer (platform: 100).');
  if (!(Number.isInteger(periodMs) && periodMs > 0))
    problems.push('GPD_RATE_LIMIT_PERIOD_MS is invalid: expected a positive integer of milliseconds (platform: 10000).');

  const uploadCalls = Number(read('UPLOAD_RATE_LIMIT_CALLS', '10'));
  if (!(Number.isInteger(uploadCalls) && uploadCalls > 0))
    problems.push('UPLOAD_RATE_LIMIT_CALLS is invalid: expected a positive integer of calls per second (platform: 10).');
  // Runners on one machine share one allowance by themselves (lib/run/machine-allowance.ts); jobs on different
  // machines with the same key (CI shards) cannot, so each takes its share of the platform's limits.
  const rateLimitJobs = Number(read('RATE_LIMIT_JOBS', '1'));
  if (!(Number.isInteger(rateLimitJobs) && rateLimitJobs >= 1 && rateLimitJobs <= 100))
    problems.push('RATE_LIMIT_JOBS is invalid: expected how many jobs on different machines use the same keys at once, 1..100 (CI: the number of shards).');
  const share = (limit: number) => Math.max(1, Math.floor(limit / (Number.isInteger(rateLimitJobs) && rateLimitJobs >= 1 ? rateLimitJobs : 1)));
  // A thousand positions exercise the chunked processing on the sandbox; UAT gets a small file by default.
  const uploadPositions = Number(read('UPLOAD_POSITIONS', isSandbox ? '1000' : '25'));
  if (!(Number.isInteger(uploadPositions) && uploadPositions >= 1 && uploadPositions <= 100_000)) {
    problems.push('UPLOAD_POSITIONS is invalid: expected the number of positions per upload file, 1..100000.');
  }
  const uploadTimeoutMs = Number(read('UPLOAD_TIMEOUT_MS', '900000'));
  if (!(Number.isInteger(uploadTimeoutMs) && uploadTimeoutMs >= 1000))
    problems.push('UPLOAD_TIMEOUT_MS is invalid: expected milliseconds ≥ 1000 (default 900000).');

  const requestTimeoutMs = Number(read('REQUEST_TIMEOUT_MS', '30000'));
  if (!(Number.isInteger(requestTimeoutMs) && requestTimeoutMs >= 1000)) problems.push('REQUEST_TIMEOUT_MS is invalid: expected an integer ≥ 1000.');

  const idleMinutes = Number(read('CLEANUP_IDLE_MINUTES', '180'));
  if (!(Number.isInteger(idleMinutes) && idleMinutes >= 0))
    problems.push('CLEANUP_IDLE_MINUTES is invalid: expected whole minutes ≥ 0 (default 180): runs active more recently are left alone by `npm run cleanup`.');

  const internalKey = read('SANDBOX_INTERNAL_KEY');
  if (isSandbox && internalKey === undefined)
    problems.push('SANDBOX_INTERNAL_KEY is missing: it is generated automatically; set it only to run against a sandbox started by hand.');
  const pace = (name: string, fallback: number, what: string) => {
    const value = Number(read(name, String(fallback)));
    if (isSandbox && !(Number.isInteger(value) && value >= 0))
      problems.push(`${name}=${JSON.stringify(read(name))} is invalid: expected ${what}, whole milliseconds ≥ 0 (default ${fallback}).`);
    return value;
  };
  const sandboxPace = {
    upload: {
      retryAfterMs: pace('SANDBOX_UPLOAD_RETRY_AFTER_MS', SUITE_SANDBOX_PACE.uploadRetryAfterMs, 'the Retry-After of an accepted upload'),
      chunkIntervalMs: pace('SANDBOX_UPLOAD_CHUNK_INTERVAL_MS', SUITE_SANDBOX_PACE.uploadChunkIntervalMs, 'the pause between chunks of an upload'),
    },
    checkout: {
      outcomeDelayMs: pace('SANDBOX_CHECKOUT_OUTCOME_DELAY_MS', SUITE_SANDBOX_PACE.checkoutOutcomeDelayMs, 'how long a Checkout outcome stays in progress'),
      pollDelayMs: pace('SANDBOX_CHECKOUT_POLL_DELAY_MS', SUITE_SANDBOX_PACE.checkoutPollDelayMs, "Checkout's base polling delay"),
    },
  };

  const fdr = readFdr(env, read, isSandbox, checkout.pspId, problems);
  const rt = readRt(read, isSandbox, problems);

  const runId = expect('RUN_ID', read('RUN_ID'), /^[A-Za-z0-9]{4,20}$/, 'a run id of 4-20 letters/digits (generated automatically)');
  const gpdApiVersions = readGpdApiVersions(read('GPD_API_VERSIONS'), isSandbox, problems);

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    target,
    apiBaseUrl,
    ecFiscalCode,
    brokerCode,
    stationId,
    segregationCode,
    secondEcFiscalCode,
    unboundEcFiscalCode,
    keys,
    gpdRateLimit: { calls: share(calls), periodMs },
    uploadRateLimit: { calls: share(uploadCalls), periodMs: 1000 },
    bulk: { uploadPositions, uploadTimeoutMs },
    sandbox: isSandbox ? { port: sandboxPort, internalKey: internalKey!, ...sandboxPace } : undefined,
    checkout,
    fdr,
    cleanup: { idleMs: idleMinutes * 60_000 },
    rt,
    runId,
    requestTimeoutMs,
    gpdApiVersions,
  };
}

/** The configuration, or the one ConfigError that names every problem in it. */
export type ConfigResult = { config: SuiteConfig; error?: undefined } | { config?: undefined; error: ConfigError };

/** `loadConfig` without throwing a ConfigError (a broken `.env` must not stop Playwright from starting). */
export function tryLoadConfig(env: Env = process.env): ConfigResult {
  try {
    return { config: loadConfig(env) };
  } catch (error) {
    if (error instanceof ConfigError) return { error };
    throw error;
  }
}

let processConfig: ConfigResult | undefined;

/**
 * The runner's one resolution of the run (playwright.config.ts, runner process only): `.env` loaded, then what
 * must be identical in the runner, its workers and the sandbox generated where unset — run id, sandbox keys
 * (`prepareEnvironment`), a free sandbox port — and written to `env`: the environment workers inherit is the
 * only channel Playwright gives from the runner to them. Then validated once; `runConfig()` answers the result.
 */
export function resolveRun(env: NodeJS.ProcessEnv = process.env, choosePort: () => number = freePortSync): ConfigResult {
  prepareEnvironment(env);
  if ((env.TARGET ?? 'sandbox') === 'sandbox' && !env.SANDBOX_PORT && !env.API_BASE_URL) env.SANDBOX_PORT = String(choosePort());
  // The suite's own sandbox pushes receipts to the example receiver the suite starts, unless the EC's endpoint is given.
  if ((env.TARGET ?? 'sandbox') === 'sandbox' && !env.API_BASE_URL && !env.EC_RT_ENDPOINT_URL?.trim() && !env.SANDBOX_RT_RECEIVER_PORT) {
    let port = choosePort();
    for (let tries = 0; String(port) === env.SANDBOX_PORT && tries < 5; tries++) port = choosePort();
    env.SANDBOX_RT_RECEIVER_PORT = String(port);
  }
  const result = tryLoadConfig(env);
  if (env === process.env) processConfig = result;
  return result;
}

/**
 * This process's configuration, parsed once from `process.env`: in the runner what `resolveRun` resolved, in a
 * worker the same values, inherited. The one reader for the config file in workers, the `config` fixture, the
 * reporters and the global teardowns.
 */
export function runConfig(): ConfigResult {
  return (processConfig ??= tryLoadConfig(process.env));
}

/**
 * Everything the suite's sandbox process (sandbox/main.ts) reads, for Playwright's `webServer.env`: every variable
 * main.ts reads is set here, so neither the runner's inherited environment nor main.ts's standalone defaults
 * decide anything — but the key of a product the suite has no key for (its cases are skipped). The keys
 * are in the object for the child process; its JSON form (what Playwright's JSON and blob reporters write of
 * `config.webServer`) shows fingerprints instead.
 */
export function sandboxEnv(config: SuiteConfig): Record<string, string> {
  const sandbox = config.sandbox;
  if (!sandbox) throw new Error(`sandboxEnv: the target is ${config.target}, not the sandbox`);
  const keys = Object.fromEntries(
    (Object.entries(KEY_VARIABLES) as [Product, string][]).flatMap(([product, variable]) => (config.keys[product] ? [[variable, config.keys[product]]] : [])),
  );
  const env: Record<string, string> = {
    SANDBOX_HOST,
    SANDBOX_PORT: String(sandbox.port),
    SANDBOX_CARD_GATEWAY_PORT: '0',
    EC_FISCAL_CODE: config.ecFiscalCode,
    // Only the EC is bound to the keys: UNBOUND_EC_FISCAL_CODE must stay unbound (the 403 case).
    SANDBOX_EXTRA_ORGANIZATIONS: '',
    BROKER_CODE: config.brokerCode,
    STATION_ID: config.stationId,
    // Issue 15: the segregation code the sandbox checks the EC's own software's IUVs against.
    SEGREGATION_CODE: config.segregationCode,
    ...keys,
    SANDBOX_INTERNAL_KEY: sandbox.internalKey,
    SANDBOX_UPLOAD_RETRY_AFTER_MS: String(sandbox.upload.retryAfterMs),
    SANDBOX_UPLOAD_CHUNK_INTERVAL_MS: String(sandbox.upload.chunkIntervalMs),
    SANDBOX_CHECKOUT_OUTCOME_DELAY_MS: String(sandbox.checkout.outcomeDelayMs),
    SANDBOX_CHECKOUT_POLL_DELAY_MS: String(sandbox.checkout.pollDelayMs),
    // Receipt push (issue 14): the EC's station gets the receipts at the RT cases' endpoint, with the Node's timeout.
    SANDBOX_RT_ENDPOINTS: config.rt.endpointUrl ? `${config.stationId}=${config.rt.endpointUrl}|${config.rt.primitiveVersion}` : '',
    SANDBOX_RT_TIMEOUT_MS: String(config.rt.timeoutMs),
    SANDBOX_RT_MAX_ATTEMPTS: String(SUITE_SANDBOX_RT.maxAttempts),
    SANDBOX_RT_RETRY_INTERVAL_MS: String(SUITE_SANDBOX_RT.retryIntervalMs),
    SANDBOX_RT_RETRY_ON_KO: 'false',
    // Its stdout is not kept (webServer.stdout 'ignore'): no request log.
    SANDBOX_LOG: 'false',
  };
  // Not enumerable: the child's environment (`{ ...process.env, ...env }`) does not get it, JSON.stringify does.
  Object.defineProperty(env, 'toJSON', {
    enumerable: false,
    value: () =>
      Object.fromEntries(Object.entries(env).map(([name, value]) => [name, SECRET_VARIABLES.includes(name) && value ? keyFingerprint(value) : value])),
  });
  return env;
}

/** What the example receipt receiver the suite starts reads (examples/rt-receiver/main.ts): the EC's identity and its port. */
export function rtReceiverEnv(config: SuiteConfig): Record<string, string> {
  if (config.rt.receiverPort === undefined) throw new Error('rtReceiverEnv: the suite starts no receiver (EC_RT_ENDPOINT_URL is set, or not the own sandbox)');
  return {
    RT_RECEIVER_HOST: SANDBOX_HOST,
    RT_RECEIVER_PORT: String(config.rt.receiverPort),
    EC_FISCAL_CODE: config.ecFiscalCode,
    BROKER_CODE: config.brokerCode,
    STATION_ID: config.stationId,
    RT_RECEIVER_STORE: '',
  };
}

function readCheckout(read: (name: string, fallback?: string) => string | undefined, target: Target, sandboxPort: number, problems: string[]): CheckoutConfig {
  const url = checkBaseUrl(
    'CHECKOUT_URL',
    read('CHECKOUT_URL') ?? (target === 'sandbox' ? `http://${SANDBOX_HOST}:${sandboxPort}` : UAT_CHECKOUT_URL),
    target,
    problems,
    UAT_CHECKOUT_URL,
  );
  const card = {
    number: (read('CHECKOUT_CARD_NUMBER') ?? UAT_TEST_CARD.number).replace(/\s/g, ''),
    expiry: read('CHECKOUT_CARD_EXPIRY') ?? UAT_TEST_CARD.expiry,
    cvv: read('CHECKOUT_CARD_CVV') ?? UAT_TEST_CARD.cvv,
    holder: read('CHECKOUT_CARD_HOLDER') ?? UAT_TEST_CARD.holder,
  };
  // Card values are never echoed in the messages.
  if (!/^\d{12,19}$/.test(card.number) || !isLuhnValid(card.number))
    problems.push('CHECKOUT_CARD_NUMBER is invalid: expected a test card number (12-19 digits, Luhn-valid); the value is not shown.');
  if (!/^(0[1-9]|1[0-2])\/\d{2}$/.test(card.expiry)) problems.push('CHECKOUT_CARD_EXPIRY is invalid: expected MM/YY (e.g. 12/30).');
  if (!/^\d{3,4}$/.test(card.cvv)) problems.push('CHECKOUT_CARD_CVV is invalid: expected 3 or 4 digits; the value is not shown.');
  if (card.holder.trim().length < 2) problems.push('CHECKOUT_CARD_HOLDER is invalid: expected the holder name as on the card.');
  const pspId = read('CHECKOUT_PSP_ID');
  if (pspId !== undefined && !/^[A-Z0-9_]{4,35}$/.test(pspId))
    problems.push(`CHECKOUT_PSP_ID=${JSON.stringify(pspId)} is invalid: expected a PSP id such as BNLIITRR.`);
  const payerEmail = read('CHECKOUT_PAYER_EMAIL', 'pagatore.conformance@example.org')!;
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(payerEmail))
    problems.push(`CHECKOUT_PAYER_EMAIL=${JSON.stringify(payerEmail)} is invalid: expected an e-mail address (a mailbox you own).`);
  const language = read('CHECKOUT_LANGUAGE', 'it')!;
  if (language !== 'it' && language !== 'en') problems.push(`CHECKOUT_LANGUAGE=${JSON.stringify(language)} is invalid: expected "it" (default) or "en".`);
  return { url, card, pspId, payerEmail, language: language === 'en' ? 'en' : 'it' };
}

/** The receipt push of the suite's sandbox: the sandbox's own defaults (its README), retries every minute of its clock. */
export const SUITE_SANDBOX_RT = { maxAttempts: 5, retryIntervalMs: 60_000 } as const;

/** The EC's receipt endpoint: any http(s) URL without credentials (it is the EC's, not pagoPA's). */
function readRt(read: (name: string, fallback?: string) => string | undefined, isSandbox: boolean, problems: string[]): RtConfig {
  const receiverPortText = isSandbox ? read('SANDBOX_RT_RECEIVER_PORT') : undefined;
  const receiverPort = receiverPortText === undefined ? undefined : Number(receiverPortText);
  if (receiverPort !== undefined && !(Number.isInteger(receiverPort) && receiverPort > 0 && receiverPort < 65536)) {
    problems.push(`SANDBOX_RT_RECEIVER_PORT=${JSON.stringify(receiverPortText)} is invalid: expected a TCP port (1-65535).`);
  }
  const given = read('EC_RT_ENDPOINT_URL');
  let endpointUrl = given ?? (receiverPort !== undefined ? `http://${SANDBOX_HOST}:${receiverPort}/` : undefined);
  if (given !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(given);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) {
      problems.push(
        `EC_RT_ENDPOINT_URL=${JSON.stringify(given)} is invalid: expected the http(s) URL of your station's receipt endpoint (paSendRT), without credentials.`,
      );
      endpointUrl = undefined;
    } else endpointUrl = url.href;
  }
  const version = read('EC_RT_PRIMITIVE_VERSION', '2');
  if (version !== '1' && version !== '2')
    problems.push(`EC_RT_PRIMITIVE_VERSION=${JSON.stringify(version)} is invalid: expected 1 (paSendRT) or 2 (paSendRTV2, default).`);
  const timeoutMs = Number(read('EC_RT_TIMEOUT_MS', '10000'));
  if (!(Number.isInteger(timeoutMs) && timeoutMs >= 1000 && timeoutMs <= 120_000))
    problems.push(`EC_RT_TIMEOUT_MS=${JSON.stringify(read('EC_RT_TIMEOUT_MS'))} is invalid: expected milliseconds 1000..120000 (default 10000).`);
  return { endpointUrl, primitiveVersion: version === '1' ? 1 : 2, timeoutMs, receiverPort: given === undefined ? receiverPort : undefined };
}

/** A PSP of the sandbox's registry (sandbox/fdr/flows.ts), the default FDR_PSP_ID there. */
const SANDBOX_PSP_ID = 'BNLIITRR';

function readFdr(
  env: Env,
  read: (name: string, fallback?: string) => string | undefined,
  isSandbox: boolean,
  checkoutPsp: string | undefined,
  problems: string[],
): FdrConfig {
  // The sandbox keeps no flow between runs: a ledger of earlier sandbox runs could only report "missing".
  const ledgerEnv = { ...env, FDR_LEDGER: read('FDR_LEDGER') ?? (isSandbox ? `${outputPaths(env).testResults}/fdr-ledger.jsonl` : undefined) };
  const ledger = readLedgerSettings(ledgerEnv);
  if (ledger.problems) problems.push(...ledger.problems);
  const pspId = read('FDR_PSP_ID') ?? checkoutPsp ?? (isSandbox ? SANDBOX_PSP_ID : undefined);
  if (pspId !== undefined && !/^[A-Z0-9_]{4,35}$/.test(pspId))
    problems.push(`FDR_PSP_ID=${JSON.stringify(pspId)} is invalid: expected a PSP id such as BNLIITRR.`);
  return { ledger: ledger.settings ?? { file: '', pendingWorkingDays: 0 }, pspId };
}

/** The URL setting in normal form; a problem when it is malformed, carries credentials or is not UAT under pagoPA's domain. */
function checkBaseUrl(name: string, value: string, target: Target, problems: string[], uatUrl: string): string {
  const verdict = guardUrl(name, value, uatUrl);
  if (!verdict.ok) {
    problems.push(verdict.problem);
    return value;
  }
  if (target === 'uat' && !verdict.url.startsWith('https:')) problems.push(`${name} must use https when TARGET=uat.`);
  return verdict.url;
}

/** A short, non-reversible fingerprint of a key, safe to show in evidence. */
export function keyFingerprint(key: string): string {
  return `sha256:${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
}

/** Every secret value of the configuration, for redaction. */
export function secretValues(config: SuiteConfig): string[] {
  return [...Object.values(config.keys), config.sandbox?.internalKey].filter((v): v is string => !!v);
}

/** The card values no output may show: number and security code. */
export function cardSecrets(config: SuiteConfig): { number: string; cvv: string } {
  return { number: config.checkout.card.number, cvv: config.checkout.card.cvv };
}

// ---- GPD API versions the EC implements (issue 13) ----

export const GPD_API_VERSIONS = ['v1', 'v3'] as const;
export type GpdApiVersion = (typeof GPD_API_VERSIONS)[number];
/** Defaults: UAT checks the stable v1 only, unless the EC says it uses v3; the sandbox serves both, so a plain run covers both. */
export const DEFAULT_GPD_API_VERSIONS: Record<Target, string> = { uat: 'v1', sandbox: 'v1,v3' };

/** GPD_API_VERSIONS: `v1`, `v1,v3` or `v3` (comma separated, spaces allowed, each once). */
export function readGpdApiVersions(raw: string | undefined, isSandbox: boolean, problems: string[]): GpdApiVersion[] {
  const text = raw ?? DEFAULT_GPD_API_VERSIONS[isSandbox ? 'sandbox' : 'uat'];
  const versions = text.split(',').map((v) => v.trim());
  const valid = versions.every((v): v is GpdApiVersion => (GPD_API_VERSIONS as readonly string[]).includes(v)) && new Set(versions).size === versions.length;
  if (!valid) {
    problems.push(
      `GPD_API_VERSIONS=${JSON.stringify(raw)} is invalid: expected the GPD debt-position API versions your EC implements, comma separated: "v1" (default on UAT), "v1,v3" (default on the sandbox) or "v3".`,
    );
    return [];
  }
  return GPD_API_VERSIONS.filter((v) => versions.includes(v));
}
