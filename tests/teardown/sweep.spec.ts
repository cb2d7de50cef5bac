// Teardown: whatever this run left behind (interrupted tests) is removed.
import { test, expect } from '../../fixtures/index.ts';
import { IUPD_PREFIX } from '../../lib/gpd/factory.ts';
import { sweepPositions } from '../../lib/gpd/sweep.ts';
import { configError } from '../../lib/config.ts';

test.skip(configError() !== undefined, 'the configuration is invalid: nothing was created');

test('remove the positions this run left behind', async ({ gpd, config }) => {
  const result = await sweepPositions(gpd, `${IUPD_PREFIX}-${config.runId}-`);
  test.info().annotations.push({
    type: 'sweep',
    description: `found ${result.found}, deleted ${result.deleted.length}, invalidated ${result.invalidated.length}, kept ${result.kept.length}`,
  });
  const open = result.kept.filter((entry) => !/\((PAID|PARTIALLY_PAID|REPORTED|INVALID|EXPIRED)\)$/.test(entry));
  expect(open, 'every unpaid leftover could be removed').toEqual([]);
});
