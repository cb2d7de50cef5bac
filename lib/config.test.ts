import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig, ConfigError, keyFingerprint, makeRunId, UAT_API_BASE_URL } from './config.ts';

const KEY = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
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
  assert.deepEqual(config.sandbox, { port: 6001, internalKey: KEY });
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
