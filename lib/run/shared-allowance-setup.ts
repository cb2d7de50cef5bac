// Global setup: the allowance of platform calls shared by every worker of the run, and by every other run on this
// machine with the same target and key (shards started side by side): lib/run/machine-allowance.ts. Workers are
// started after this and inherit ALLOWANCE_URL from the runner's environment. The runner holds its lease until it
// exits, so the global teardowns can still use the allowance.
import { keyFingerprint, runConfig } from '../config.ts';
import { ALLOWANCE_URL_VARIABLE, startAllowanceCoordinator } from '../http/shared-allowance.ts';
import { joinMachineAllowance } from './machine-allowance.ts';

export default async function startSharedAllowance(): Promise<void> {
  const { config } = runConfig();
  if (!config) return; // invalid configuration: the setup project says why, and no call is made
  const limits = { gpd: config.gpdRateLimit, upload: config.uploadRateLimit };
  try {
    const allowance = await joinMachineAllowance({ apiBaseUrl: config.apiBaseUrl, keyFingerprint: keyFingerprint(config.keys.gpd ?? ''), limits });
    process.env[ALLOWANCE_URL_VARIABLE] = allowance.url;
  } catch (error) {
    // Without the machine's coordinator the run still shares one allowance among its own workers.
    console.warn(`${(error as Error).message} This run keeps an allowance of its own: do not run another one with the same key at the same time.`);
    process.env[ALLOWANCE_URL_VARIABLE] = (await startAllowanceCoordinator(limits)).url;
  }
}
