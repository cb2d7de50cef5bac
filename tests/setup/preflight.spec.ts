// Preflight: configuration, target reachability and key, before any scenario runs.
// A problem here stops the run with one actionable message instead of forty red tests.
import { keyFingerprint } from '../../lib/config.ts';
import { checkKey } from '../../lib/keys/key-check.ts';
import { evidenceTransport } from '../../fixtures/evidence.ts';
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

  // The GPD key is mandatory: without it no case can run, so a refusal stops the run here. The other keys are
  // checked by ACC-05, ACC-07 and ACC-08: a wrong one fails its case and skips only its product's cases.
  test('GPD API reachable and the GPD key accepted for the EC', async ({ apis, config }) => {
    test.info().annotations.push(
      { type: 'target', description: `${config.target} ${config.apiBaseUrl}` },
      {
        type: 'EC',
        description: `${config.ecFiscalCode} (broker ${config.brokerCode}, station ${config.stationId}, segregation code ${config.segregationCode})`,
      },
      { type: 'GPD key', description: keyFingerprint(config.keys.gpd!) },
      { type: 'run id', description: config.runId },
    );
    const { verdict } = await checkKey('gpd', evidenceTransport(apis.gpd), config);
    expect(verdict.ok, verdict.ok ? '' : verdict.advice).toBe(true);
  });
});
