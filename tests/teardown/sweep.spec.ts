// Teardown: whatever this run left behind (interrupted tests) is removed.
import { test, expect } from '../../fixtures/index.ts';
import { describeSweep, runPrefix, sweepPositions } from '../../lib/gpd/sweep.ts';

test.beforeEach(({ configProblem }) => {
  test.skip(configProblem !== undefined, 'the configuration is invalid: nothing was created');
});

test('remove the positions this run left behind', async ({ gpd, gpdV3, config }) => {
  // v1's list leaves out positions with several plans: an EC that uses v3 is swept through v3's list.
  const result = await sweepPositions(gpd, runPrefix(config.runId), config.gpdApiVersions.includes('v3') ? { v3: gpdV3 } : {});
  test.info().annotations.push({
    type: 'sweep',
    description: describeSweep(result).join('\n'),
  });
  expect(result.failed, 'every unpaid leftover could be removed').toEqual([]);
});
