// Preflight: configuration, target reachability and key, before any scenario runs.
// A problem here stops the run with one actionable message instead of forty red tests.
import { test as base } from '@playwright/test';
import { loadConfig, keyFingerprint, configError } from '../../lib/config.ts';
import { test, expect } from '../../fixtures/index.ts';

base('configuration (.env) is complete and valid', () => {
  // Throws ConfigError naming every wrong setting and the expected form.
  const config = loadConfig();
  expect(config.keys.gpd, 'the GPD key is configured').toBeTruthy();
  base.info().annotations.push(
    { type: 'target', description: `${config.target} ${config.apiBaseUrl}` },
    {
      type: 'EC',
      description: `${config.ecFiscalCode} (broker ${config.brokerCode}, station ${config.stationId}, segregation code ${config.segregationCode})`,
    },
    { type: 'GPD key', description: keyFingerprint(config.keys.gpd!) },
    { type: 'run id', description: config.runId },
  );
});

test.describe('with a valid configuration', () => {
  // The configuration test above already reports a broken .env: one message, not two.
  test.skip(configError() !== undefined, 'the configuration is invalid: see "configuration (.env) is complete and valid"');

  test('GPD API reachable and the GPD key accepted for the EC', async ({ gpd, config }) => {
    const res = await gpd.list({ limit: 1 });
    const hints: Record<number, string> = {
      401: 'GPD_SUBSCRIPTION_KEY was refused: use the UAT key of the Back Office product "GPD - Posizioni Debitorie" (keys are per environment).',
      403: `EC_FISCAL_CODE ${config.ecFiscalCode} is not bound to GPD_SUBSCRIPTION_KEY: check the EC (or the intermediary's delegation) in the Back Office.`,
    };
    expect(res.response.status, hints[res.response.status] ?? `unexpected answer from ${config.apiBaseUrl}: ${res.response.text.slice(0, 300)}`).toBe(200);
  });
});
