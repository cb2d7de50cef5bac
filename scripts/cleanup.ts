// `npm run cleanup`: removes the debt positions that earlier runs of this suite left on the
// configured EC (IUPDs tagged CONF-<run id>-…): deleted, or invalidated where deletion is refused.
// Usage: npm run cleanup [-- <run id>]
//   with a run id: every leftover of that run;
//   without: every run's leftovers, except runs that may still be in progress (a position created or
//   updated within CLEANUP_IDLE_MINUTES, default 180, or the run holding this folder's run lock).
import { prepareEnvironment, loadConfig, ConfigError } from '../lib/config.ts';
import { closePools } from '../lib/http/api-client.ts';
import { describeSweep, runPrefix, sweepWithOwnClient } from '../lib/gpd/sweep.ts';
import { lockHolder } from '../lib/run/run-lock.ts';

prepareEnvironment();
try {
  const config = loadConfig();
  const runId = process.argv[2];
  if (runId !== undefined && !/^[A-Za-z0-9]{4,20}$/.test(runId))
    throw new ConfigError([`run id ${JSON.stringify(runId)} is invalid: expected 4-20 letters/digits`]);
  console.log(`Sweeping positions ${runPrefix(runId)}* of EC ${config.ecFiscalCode} on ${config.apiBaseUrl}`);
  const running = lockHolder();
  const result = await sweepWithOwnClient(config, runId, runId ? {} : { minIdleMs: config.cleanup.idleMs, skipRuns: running ? [running.runId] : [] });
  for (const line of describeSweep(result)) console.log(line);
  await closePools();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : String(error));
  process.exitCode = 1;
}
