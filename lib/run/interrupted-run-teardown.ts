// Global teardown: the safety net for interrupted runs. On Ctrl-C Playwright stops the tests and
// skips the `teardown` project, but still runs the global teardown (before it stops the web
// server): here the run's own leftovers are swept. After a complete run the teardown project has
// already removed them, and this finds nothing to do and prints nothing.
import { runConfig } from '../config.ts';
import { describeSweep, sweepWithOwnClient } from '../gpd/sweep.ts';
import { closePools } from '../http/api-client.ts';

export default async function sweepInterruptedRun(): Promise<void> {
  const { config } = runConfig();
  if (!config) return; // invalid configuration: nothing was created
  try {
    const result = await sweepWithOwnClient(config, config.runId);
    if (result.deleted.length + result.invalidated.length + result.failed.length === 0) return;
    console.log(`Run ${config.runId} ended before its teardown: its leftover positions on ${config.apiBaseUrl} were swept.`);
    for (const line of describeSweep(result)) console.log(line);
  } catch (error) {
    console.error(
      `Could not check for leftovers of run ${config.runId} on ${config.apiBaseUrl}: ${error instanceof Error ? error.message : String(error)}. ` +
        `If that API still holds them, \`npm run cleanup -- ${config.runId}\` removes them.`,
    );
  } finally {
    await closePools();
  }
}
