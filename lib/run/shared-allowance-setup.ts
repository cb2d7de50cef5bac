// Global setup: the run's one allowance of platform calls, shared by every worker (lib/http/shared-allowance.ts).
// Workers are started after this and inherit ALLOWANCE_URL from the runner's environment. The coordinator lives
// as long as the runner process (it does not keep it alive), so the global teardowns can still use it.
import { runConfig } from '../config.ts';
import { ALLOWANCE_URL_VARIABLE, startAllowanceCoordinator } from '../http/shared-allowance.ts';

export default async function startSharedAllowance(): Promise<void> {
  const { config } = runConfig();
  if (!config) return; // invalid configuration: the setup project says why, and no call is made
  const coordinator = await startAllowanceCoordinator({ gpd: config.gpdRateLimit, upload: config.uploadRateLimit });
  process.env[ALLOWANCE_URL_VARIABLE] = coordinator.url;
}
