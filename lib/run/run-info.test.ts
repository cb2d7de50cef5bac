import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from '../config.ts';
import { environmentBlock, runEnvironment } from './run-info.ts';

test('the run environment names the GPD API versions the EC implements (GPD_API_VERSIONS), in the Allure block too', () => {
  const config = loadConfig({
    GPD_SUBSCRIPTION_KEY: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
    SANDBOX_INTERNAL_KEY: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
    RUN_ID: 'R1234',
    GPD_API_VERSIONS: 'v3',
  });
  const environment = runEnvironment(config, {});
  assert.deepEqual(environment.gpdApiVersions, ['v3']);
  assert.equal(environmentBlock(environment).versioni_api_gpd, 'v3');
  // A run-info written before the setting existed has none: the block leaves the line out.
  assert.equal('versioni_api_gpd' in environmentBlock({ ...environment, gpdApiVersions: undefined }), false);
});
