import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig, ConfigError, keyFingerprint, makeRunId, resolveRun, sandboxEnv, tryLoadConfig, UAT_API_BASE_URL, UAT_CHECKOUT_URL } from './config.ts';

// Obviously not a key: a test value of a key's length.
const KEY = 'test-key-not-a-secret-000000000';
const uat = {
  TARGET: 'uat',
  EC_FISCAL_CODE: '12345678901',
  BROKER_CODE: '12345678901',
  STATION_ID: '12345678901_01',
  SEGREGATION_CODE: '01',
  GPD_SUBSCRIPTION_KEY: KEY,
  RUN_ID: 'R2611281200AB12',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems;
  }
  assert.fail('expected a ConfigError');
}

test('a complete UAT configuration loads with the UAT base URL', () => {
  const config = loadConfig(uat);
  assert.equal(config.target, 'uat');
  assert.equal(config.apiBaseUrl, UAT_API_BASE_URL);
  assert.equal(config.keys.gpd, KEY);
  assert.equal(config.sandbox, undefined);
  assert.deepEqual(config.gpdRateLimit, { calls: 100, periodMs: 10_000 });
});

test('sandbox defaults need only the generated key and run id', () => {
  const config = loadConfig({ GPD_SUBSCRIPTION_KEY: KEY, SANDBOX_INTERNAL_KEY: KEY, RUN_ID: 'R1234', SANDBOX_PORT: '6001' });
  assert.equal(config.target, 'sandbox');
  assert.equal(config.apiBaseUrl, 'http://127.0.0.1:6001');
  assert.equal(config.ecFiscalCode, '77777777777');
  assert.deepEqual(config.sandbox, {
    port: 6001,
    internalKey: KEY,
    upload: { retryAfterMs: 500, chunkIntervalMs: 10 },
    checkout: { outcomeDelayMs: 600, pollDelayMs: 300 },
  });
});

test('sandboxEnv: every variable sandbox/main.ts reads, from the resolved configuration; keys out of its JSON form', () => {
  const config = loadConfig({
    GPD_SUBSCRIPTION_KEY: KEY,
    BIZ_SUBSCRIPTION_KEY: `${KEY}b`,
    SANDBOX_INTERNAL_KEY: `${KEY}i`,
    RUN_ID: 'R1234',
    SANDBOX_PORT: '6001',
    SANDBOX_UPLOAD_RETRY_AFTER_MS: '250',
    EC_FISCAL_CODE: '12345678901',
  });
  const env = sandboxEnv(config);
  assert.deepEqual(env, {
    SANDBOX_HOST: '127.0.0.1',
    SANDBOX_PORT: '6001',
    SANDBOX_CARD_GATEWAY_PORT: '0',
    EC_FISCAL_CODE: '12345678901',
    SANDBOX_EXTRA_ORGANIZATIONS: '',
    BROKER_CODE: '77777777777',
    STATION_ID: '77777777777_01',
    SEGREGATION_CODE: '01',
    GPD_SUBSCRIPTION_KEY: KEY,
    BIZ_SUBSCRIPTION_KEY: `${KEY}b`,
    SANDBOX_INTERNAL_KEY: `${KEY}i`,
    SANDBOX_UPLOAD_RETRY_AFTER_MS: '250',
    SANDBOX_UPLOAD_CHUNK_INTERVAL_MS: '10',
    SANDBOX_CHECKOUT_OUTCOME_DELAY_MS: '600',
    SANDBOX_CHECKOUT_POLL_DELAY_MS: '300',
    SANDBOX_RT_ENDPOINTS: '',
    SANDBOX_RT_TIMEOUT_MS: '10000',
    SANDBOX_RT_MAX_ATTEMPTS: '5',
    SANDBOX_RT_RETRY_INTERVAL_MS: '60000',
    SANDBOX_RT_RETRY_ON_KO: 'false',
    SANDBOX_LOG: 'false',
  });
  // What Playwright hands the child process, and what its JSON/blob reporters write of config.webServer.
  assert.equal({ ...process.env, ...env }.GPD_SUBSCRIPTION_KEY, KEY);
  const json = JSON.stringify({ webServer: { env } });
  for (const secret of [KEY, `${KEY}b`, `${KEY}i`]) assert.ok(!json.includes(secret), 'no key in the JSON form');
  assert.match(json, new RegExp(`"GPD_SUBSCRIPTION_KEY":"${keyFingerprint(KEY)}"`));
  assert.throws(() => sandboxEnv(loadConfig(uat)), /not the sandbox/);
});

test('a wrong sandbox pace is a configuration problem, not a sandbox that fails to start', () => {
  const problems = problemsOf({ GPD_SUBSCRIPTION_KEY: KEY, SANDBOX_INTERNAL_KEY: KEY, RUN_ID: 'R1234', SANDBOX_CHECKOUT_POLL_DELAY_MS: '-1' });
  assert.equal(problems.length, 1);
  assert.match(problems[0]!, /^SANDBOX_CHECKOUT_POLL_DELAY_MS="-1" is invalid/);
  assert.equal(loadConfig({ ...uat, SANDBOX_CHECKOUT_POLL_DELAY_MS: '-1' }).sandbox, undefined, 'ignored on UAT');
});

test('resolveRun: the runner generates run id, sandbox keys and a free port once, into the environment workers inherit', () => {
  const env: NodeJS.ProcessEnv = { DOTENV_CONFIG_PATH: '/nonexistent/.env' };
  const resolved = resolveRun(env, () => 6543);
  assert.ok(resolved.config, resolved.error?.message);
  assert.equal(env.SANDBOX_PORT, '6543');
  assert.match(env.RUN_ID!, /^R\d{12}[0-9A-F]{4}$/);
  assert.equal(resolved.config.keys.gpd, env.GPD_SUBSCRIPTION_KEY);
  assert.equal(resolved.config.sandbox?.internalKey, env.SANDBOX_INTERNAL_KEY);
  // A worker: the same environment gives the same configuration, nothing generated again.
  assert.deepEqual(tryLoadConfig({ ...env }).config, resolved.config);
  assert.deepEqual(resolveRun(env, () => assert.fail('no second port')).config, resolved.config);
  // UAT: no port, no generated key; an invalid .env is one ConfigError, not an exception.
  const bad = resolveRun({ ...uat, EC_FISCAL_CODE: 'abc', DOTENV_CONFIG_PATH: '/nonexistent/.env' }, () => assert.fail('no port on UAT'));
  assert.ok(bad.error instanceof ConfigError);
  assert.deepEqual(bad.error.problems, ['EC_FISCAL_CODE="abc" is invalid: expected the EC fiscal code, 11 digits.']);
});

test('every wrong UAT setting is reported at once, naming the setting and the expected form', () => {
  const problems = problemsOf({ ...uat, EC_FISCAL_CODE: '123', SEGREGATION_CODE: 'x', GPD_SUBSCRIPTION_KEY: '', STATION_ID: '' });
  assert.equal(problems.length, 4);
  assert.match(problems[0]!, /^EC_FISCAL_CODE="123" is invalid: expected the EC fiscal code, 11 digits/);
  assert.ok(problems.some((p) => p.startsWith('STATION_ID is missing')));
  assert.ok(problems.some((p) => p.startsWith('SEGREGATION_CODE="x" is invalid')));
  assert.ok(problems.some((p) => p.startsWith('GPD_SUBSCRIPTION_KEY is missing')));
});

test('production hosts are refused', () => {
  for (const url of ['https://api.platform.pagopa.it', 'https://checkout.pagopa.it/']) {
    const problems = problemsOf({ ...uat, API_BASE_URL: url });
    assert.match(problems.join('\n'), /PRODUCTION host .* never runs against production/);
  }
});

test('production is refused in every spelling of its host, on every URL setting and target', () => {
  const spellings = [
    'https://api.platform.pagopa.it.',
    'https://api.platform.pagopa.it..',
    'https://api.platform.pagopa.it%2e',
    'https://API.Platform.PagoPA.IT',
    'https://api%2eplatform%2epagopa%2eit',
    'https://\uff41pi.platform.pagopa.it', // fullwidth "a": IDNA maps it to "a"
    'https://api.platform.pagopa.it\u3002', // ideographic full stop
    'https://api.platform.pagopa.it:443/gpd',
    'https://checkout.pagopa.it.',
    'https://CHECKOUT.pagopa.it%2E/',
    // Any other host under the platform's domains that is not a known UAT host.
    'https://pagopa.it',
    'https://api.prod.platform.pagopa.it',
    'https://api.uat.platform.pagopa.it.evil.pagopa.it',
  ];
  for (const url of spellings) {
    for (const name of ['API_BASE_URL', 'CHECKOUT_URL']) {
      for (const target of [uat, { ...uat, TARGET: 'sandbox', SANDBOX_INTERNAL_KEY: KEY }]) {
        const problems = problemsOf({ ...target, [name]: url });
        assert.ok(
          problems.some((p) => p.startsWith(`${name} points at`) && p.includes('never runs against production')),
          `${name}=${url} (TARGET=${target.TARGET}) must be refused: ${problems.join(' | ')}`,
        );
      }
    }
  }
});

test('the known UAT hosts are accepted in any spelling and used in their normal form', () => {
  const config = loadConfig({ ...uat, API_BASE_URL: 'https://API.uat.platform.pagopa.it./', CHECKOUT_URL: 'https://uat.checkout.pagopa.it.' });
  assert.equal(config.apiBaseUrl, UAT_API_BASE_URL);
  assert.equal(config.checkout.url, UAT_CHECKOUT_URL);
});

test('a URL with credentials in it is refused without echoing them', () => {
  const problems = problemsOf({ ...uat, API_BASE_URL: 'https://user:s3cr3tpass@api.uat.platform.pagopa.it' });
  assert.equal(problems.length, 1);
  assert.match(problems[0]!, /^API_BASE_URL must not carry a user name or password/);
  assert.ok(!problems[0]!.includes('s3cr3tpass'));
});

test('TARGET=prod is one problem, saying production is never a target', () => {
  for (const value of ['prod', 'production', 'PROD']) {
    const problems = problemsOf({ TARGET: value });
    assert.equal(problems.length, 1, problems.join(' | '));
    assert.match(problems[0]!, new RegExp(`^TARGET="${value}" is invalid: .*never runs against production.*"sandbox".*"uat"`));
  }
  const other = problemsOf({ TARGET: 'staging' });
  assert.deepEqual(other.length, 1);
});

test('UAT must use https and a known target', () => {
  assert.match(problemsOf({ ...uat, API_BASE_URL: 'http://api.uat.platform.pagopa.it' }).join(), /must use https/);
  assert.match(problemsOf({ ...uat, TARGET: 'prod' }).join(), /TARGET="prod" is invalid/);
});

test('a bad key is reported without showing its value', () => {
  const secret = 'has spaces in it and is a secret';
  const problems = problemsOf({ ...uat, GPD_SUBSCRIPTION_KEY: secret });
  assert.match(problems.join(), /GPD_SUBSCRIPTION_KEY is invalid.*the value is not shown/);
  assert.ok(!problems.join().includes(secret));
});

test('the key fingerprint does not reveal the key', () => {
  const fingerprint = keyFingerprint(KEY);
  assert.match(fingerprint, /^sha256:[0-9a-f]{12}$/);
  assert.ok(!fingerprint.includes(KEY.slice(0, 8)));
});

test('run ids are short, valid for IUPDs and distinct', () => {
  const a = makeRunId(new Date('2026-11-28T12:34:56Z'));
  assert.match(a, /^R261128123456[0-9A-F]{4}$/);
  assert.notEqual(makeRunId(), makeRunId());
});

test('Checkout defaults: UAT Checkout and its documented test card; the sandbox its own Checkout', () => {
  const config = loadConfig(uat);
  assert.equal(config.checkout.url, UAT_CHECKOUT_URL);
  assert.deepEqual(config.checkout.card, { number: '5255000260000014', expiry: '12/30', cvv: '123', holder: 'Test test' });
  assert.equal(config.checkout.language, 'it');
  assert.equal(config.checkout.pspId, undefined);
  const sandbox = loadConfig({ SANDBOX_PORT: '6123', SANDBOX_INTERNAL_KEY: KEY, GPD_SUBSCRIPTION_KEY: KEY, RUN_ID: 'R1' + 'A'.repeat(5) });
  assert.equal(sandbox.checkout.url, 'http://127.0.0.1:6123');
});

test('Checkout settings are validated without echoing card data; production Checkout is refused', () => {
  const problems = problemsOf({
    ...uat,
    CHECKOUT_URL: 'https://checkout.pagopa.it',
    CHECKOUT_CARD_NUMBER: '4242424242424241',
    CHECKOUT_CARD_EXPIRY: '13/30',
    CHECKOUT_CARD_CVV: '98',
    CHECKOUT_PSP_ID: 'bad id',
    CHECKOUT_PAYER_EMAIL: 'nobody',
    CHECKOUT_LANGUAGE: 'fr',
  });
  for (const name of [
    'CHECKOUT_URL',
    'CHECKOUT_CARD_NUMBER',
    'CHECKOUT_CARD_EXPIRY',
    'CHECKOUT_CARD_CVV',
    'CHECKOUT_PSP_ID',
    'CHECKOUT_PAYER_EMAIL',
    'CHECKOUT_LANGUAGE',
  ]) {
    assert.ok(
      problems.some((p) => p.startsWith(name)),
      `${name} reported`,
    );
  }
  assert.ok(problems.some((p) => p.includes('PRODUCTION host checkout.pagopa.it')));
  assert.ok(!problems.join('\n').includes('4242424242424241'), 'the card number is not shown');
  assert.ok(!problems.join('\n').includes('"98"'), 'the CVV is not shown');
});

test('a spaced card number is accepted and kept as digits', () => {
  const config = loadConfig({ ...uat, CHECKOUT_CARD_NUMBER: '4242 4242 4242 4242', CHECKOUT_LANGUAGE: 'en', CHECKOUT_PSP_ID: 'BNLIITRR' });
  assert.equal(config.checkout.card.number, '4242424242424242');
  assert.equal(config.checkout.language, 'en');
  assert.equal(config.checkout.pspId, 'BNLIITRR');
});

test('reporting flows: the ledger is kept on UAT and the run’s own on the sandbox; the PSP falls back to Checkout’s', () => {
  const onUat = loadConfig(uat).fdr;
  assert.deepEqual(onUat, { ledger: { file: 'reports/fdr-ledger.jsonl', pendingWorkingDays: 3 }, pspId: undefined });
  const set = loadConfig({ ...uat, FDR_LEDGER: 'history/l.jsonl', FDR_PENDING_WORKING_DAYS: '0', CHECKOUT_PSP_ID: 'WOLLNLB1' }).fdr;
  assert.deepEqual(set, { ledger: { file: 'history/l.jsonl', pendingWorkingDays: 0 }, pspId: 'WOLLNLB1' });
  assert.equal(loadConfig({ ...uat, CHECKOUT_PSP_ID: 'WOLLNLB1', FDR_PSP_ID: 'BNLIITRR' }).fdr.pspId, 'BNLIITRR');
  const sandbox = loadConfig({ GPD_SUBSCRIPTION_KEY: KEY, SANDBOX_INTERNAL_KEY: KEY, RUN_ID: 'R1234', REPORTS_DIR: '/tmp/r' }).fdr;
  assert.equal(sandbox.ledger.file, '/tmp/r/test-results/fdr-ledger.jsonl');
  assert.equal(sandbox.pspId, 'BNLIITRR');
});

test('reporting flows: a bad ledger setting or PSP id is one more problem of the one ConfigError', () => {
  const problems = problemsOf({ ...uat, FDR_LEDGER: 'reports/', FDR_PENDING_WORKING_DAYS: '31', FDR_PSP_ID: 'bnl iitrr' });
  assert.equal(problems.length, 3);
  assert.match(problems[0]!, /^FDR_LEDGER="reports\/" is invalid: expected the path of the ledger file/);
  assert.match(problems[1]!, /^FDR_PENDING_WORKING_DAYS="31" is invalid: expected whole working days 0\.\.30/);
  assert.match(problems[2]!, /^FDR_PSP_ID="bnl iitrr" is invalid/);
});

test('RATE_LIMIT_JOBS: jobs on different machines with the same key each take their share of the limits; a bad value is one problem', () => {
  assert.deepEqual(loadConfig({ ...uat, RATE_LIMIT_JOBS: '1' }).gpdRateLimit, { calls: 100, periodMs: 10_000 });
  const shard = loadConfig({ ...uat, RATE_LIMIT_JOBS: '3' });
  assert.deepEqual(shard.gpdRateLimit, { calls: 33, periodMs: 10_000 });
  assert.deepEqual(shard.uploadRateLimit, { calls: 3, periodMs: 1_000 });
  assert.deepEqual(loadConfig({ ...uat, RATE_LIMIT_JOBS: '20' }).uploadRateLimit, { calls: 1, periodMs: 1_000 }, 'never less than one call');
  for (const bad of ['0', '1.5', 'two', '101']) {
    assert.deepEqual(problemsOf({ ...uat, RATE_LIMIT_JOBS: bad }), [
      'RATE_LIMIT_JOBS is invalid: expected how many jobs on different machines use the same keys at once, 1..100 (CI: the number of shards).',
    ]);
  }
});

test('GPD_API_VERSIONS: v1 on UAT and v1,v3 on the sandbox by default; v1, v1,v3 and v3 accepted; any other value is one clear problem', () => {
  const sandbox = { GPD_SUBSCRIPTION_KEY: KEY, SANDBOX_INTERNAL_KEY: KEY, RUN_ID: 'R1234' };
  assert.deepEqual(loadConfig(uat).gpdApiVersions, ['v1']);
  assert.deepEqual(loadConfig(sandbox).gpdApiVersions, ['v1', 'v3']);
  assert.deepEqual(loadConfig({ ...uat, GPD_API_VERSIONS: 'v1,v3' }).gpdApiVersions, ['v1', 'v3']);
  assert.deepEqual(loadConfig({ ...uat, GPD_API_VERSIONS: ' v3 , v1 ' }).gpdApiVersions, ['v1', 'v3']);
  assert.deepEqual(loadConfig({ ...sandbox, GPD_API_VERSIONS: 'v3' }).gpdApiVersions, ['v3']);
  assert.deepEqual(loadConfig({ ...sandbox, GPD_API_VERSIONS: 'v1' }).gpdApiVersions, ['v1']);
  for (const bad of ['v2', 'v1,v1', 'v1;v3', 'V3', ',']) {
    assert.deepEqual(problemsOf({ ...uat, GPD_API_VERSIONS: bad }), [
      `GPD_API_VERSIONS=${JSON.stringify(bad)} is invalid: expected the GPD debt-position API versions your EC implements, comma separated: "v1" (default on UAT), "v1,v3" (default on the sandbox) or "v3".`,
    ]);
  }
});

test("RT settings (issue 14): the EC endpoint is optional; the suite's own sandbox gets the example receiver it starts", () => {
  const sandbox = { GPD_SUBSCRIPTION_KEY: KEY, SANDBOX_INTERNAL_KEY: KEY, RUN_ID: 'R1234' };
  assert.deepEqual(loadConfig(sandbox).rt, { endpointUrl: undefined, primitiveVersion: 2, timeoutMs: 10000, receiverPort: undefined });
  const own = loadConfig({ ...sandbox, SANDBOX_RT_RECEIVER_PORT: '6100', STATION_ID: '77777777777_03' });
  assert.deepEqual(own.rt, { endpointUrl: 'http://127.0.0.1:6100/', primitiveVersion: 2, timeoutMs: 10000, receiverPort: 6100 });
  assert.equal(sandboxEnv(own).SANDBOX_RT_ENDPOINTS, '77777777777_03=http://127.0.0.1:6100/|2');
  const ec = loadConfig({ ...uat, EC_RT_ENDPOINT_URL: 'https://ec.example.it/pagopa/paForNode', EC_RT_PRIMITIVE_VERSION: '1', EC_RT_TIMEOUT_MS: '5000' });
  assert.deepEqual(ec.rt, { endpointUrl: 'https://ec.example.it/pagopa/paForNode', primitiveVersion: 1, timeoutMs: 5000, receiverPort: undefined });
  const problems = problemsOf({ ...uat, EC_RT_ENDPOINT_URL: 'https://user:pw@ec.example.it/', EC_RT_PRIMITIVE_VERSION: '3', EC_RT_TIMEOUT_MS: '10' });
  assert.deepEqual(
    problems.map((p) => p.split(' is invalid')[0]),
    ['EC_RT_ENDPOINT_URL="https://user:pw@ec.example.it/"', 'EC_RT_PRIMITIVE_VERSION="3"', 'EC_RT_TIMEOUT_MS="10"'],
  );
  const env: NodeJS.ProcessEnv = { DOTENV_CONFIG_PATH: '/nonexistent/.env' };
  let next = 7000;
  const resolved = resolveRun(env, () => next++);
  assert.equal(env.SANDBOX_RT_RECEIVER_PORT, '7001');
  assert.equal(resolved.config?.rt.endpointUrl, 'http://127.0.0.1:7001/');
  const byHand: NodeJS.ProcessEnv = { DOTENV_CONFIG_PATH: '/nonexistent/.env', API_BASE_URL: 'http://127.0.0.1:5800' };
  assert.equal(resolveRun(byHand, () => 7100).config?.rt.endpointUrl, undefined, 'a sandbox started by hand: no receiver started for it');
});
