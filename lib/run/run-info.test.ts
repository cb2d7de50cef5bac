import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from '../config.ts';
import { environmentBlock, runEnvironment } from './run-info.ts';

/** Obviously not a key: a test value of a key's length. */
const FAKE_KEY = 'k'.repeat(32);

test('the run environment names the GPD API versions the EC implements (GPD_API_VERSIONS), in the Allure block too', () => {
  const config = loadConfig({
    GPD_SUBSCRIPTION_KEY: FAKE_KEY,
    SANDBOX_INTERNAL_KEY: FAKE_KEY,
    RUN_ID: 'R1234',
    GPD_API_VERSIONS: 'v3',
  });
  const environment = runEnvironment(config, {});
  assert.deepEqual(environment.gpdApiVersions, ['v3']);
  assert.equal(environmentBlock(environment).versioni_api_gpd, 'v3');
  // A run-info written before the setting existed has none: the block leaves the line out.
  assert.equal('versioni_api_gpd' in environmentBlock({ ...environment, gpdApiVersions: undefined }), false);
});

const uat = {
  TARGET: 'uat',
  EC_FISCAL_CODE: '12345678901',
  BROKER_CODE: '12345678901',
  STATION_ID: '12345678901_01',
  SEGREGATION_CODE: '01',
  GPD_SUBSCRIPTION_KEY: FAKE_KEY,
  RUN_ID: 'R2611281200AB12',
};

test("the RT cases' endpoint is in the run's environment without its query (issue 14); absent when not configured", () => {
  const environment = runEnvironment(loadConfig({ ...uat, EC_RT_ENDPOINT_URL: 'https://ec.example.it/pagopa/paForNode?token=secret' }), {});
  assert.equal(environment.rtEndpoint, 'https://ec.example.it/pagopa/paForNode');
  assert.equal(environmentBlock(environment).endpoint_ricevute_ec, 'https://ec.example.it/pagopa/paForNode');
  assert.ok(!JSON.stringify(environment).includes('secret'));
  const without = runEnvironment(loadConfig(uat), {});
  assert.equal('rtEndpoint' in without, false);
  assert.equal('endpoint_ricevute_ec' in environmentBlock(without), false);
});
