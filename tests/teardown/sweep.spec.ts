// Teardown: whatever this run left behind (interrupted tests) is removed.
import { test, expect } from '../../fixtures/index.ts';
import { describeSweep, runPrefix, sweepPositions } from '../../lib/gpd/sweep.ts';

test.beforeEach(({ configProblem }) => {
  test.skip(configProblem !== undefined, 'the configuration is invalid: nothing was created');
});

test('remove the positions this run left behind', async ({ gpd, config }) => {
  const result = await sweepPositions(gpd, runPrefix(config.runId));
  test.info().annotations.push({
    type: 'sweep',
    description: describeSweep(result).join('\n'),
  });
  expect(result.failed, 'every unpaid leftover could be removed').toEqual([]);
});
