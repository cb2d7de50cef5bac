// Preflight: configuration, target reachability and key, before any scenario runs.
// A problem here stops the run with one actionable message instead of forty red tests.
import { keyFingerprint } from '../../lib/config.ts';
import { test, expect } from '../../fixtures/index.ts';

// eslint-disable-next-line playwright/expect-expect -- the ConfigError thrown is the check: one message naming every problem
test('configuration (.env) is complete and valid', ({ configProblem }) => {
  // The ConfigError names every wrong setting and the expected form (the GPD key is mandatory).
  if (configProblem) throw configProblem;
});

test.describe('with a valid configuration', () => {
  // The configuration test above already reports a broken .env: one message, not two.
  test.beforeEach(({ configProblem }) => {
    test.skip(configProblem !== undefined, 'the configuration is invalid: see "configuration (.env) is complete and valid"');
  });

  test('GPD API reachable and the GPD key accepted for the EC', async ({ gpd, config }) => {
    test.info().annotations.push(
      { type: 'target', description: `${config.target} ${config.apiBaseUrl}` },
      {
        type: 'EC',
        description: `${config.ecFiscalCode} (broker ${config.brokerCode}, station ${config.stationId}, segregation code ${config.segregationCode})`,
      },
      { type: 'GPD key', description: keyFingerprint(config.keys.gpd!) },
      { type: 'run id', description: config.runId },
    );
    const res = await gpd.list({ limit: 1 });
    const hints: Record<number, string> = {
      401: 'GPD_SUBSCRIPTION_KEY was refused: use the UAT key of the Back Office product "GPD - Posizioni Debitorie" (keys are per environment).',
      403: `EC_FISCAL_CODE ${config.ecFiscalCode} is not bound to GPD_SUBSCRIPTION_KEY: check the EC (or the intermediary's delegation) in the Back Office.`,
    };
    expect(res.response.status, hints[res.response.status] ?? `unexpected answer from ${config.apiBaseUrl}: ${res.response.text.slice(0, 300)}`).toBe(200);
  });
});
