// The machine's allowance coordinator for one target and key (lib/run/machine-allowance.ts), alone in a detached
// process so that it outlives any one runner. It claims the registry file (first daemon wins; a second one exits),
// and goes once no runner holds a lease and nobody asked for a permit for `idleMs`, removing its registry entry.
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { startAllowanceCoordinator } from '../http/shared-allowance.ts';
import { answersWith, DAEMON_SETTINGS_VARIABLE, readRegistry, type DaemonSettings } from './machine-allowance.ts';

const settings = JSON.parse(process.env[DAEMON_SETTINGS_VARIABLE] ?? 'null') as DaemonSettings | null;
if (!settings) throw new Error(`${DAEMON_SETTINGS_VARIABLE} is not set`);

const coordinator = await startAllowanceCoordinator(settings.limits);
const mine = JSON.stringify({ url: coordinator.url, pid: process.pid });

async function claim(): Promise<boolean> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(settings!.registry, mine, { flag: 'wx' });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const other = readRegistry(settings!.registry);
    if (other && (await answersWith(other.url, settings!.limits))) return false; // another daemon serves this allowance
    removeRegistry(other ? JSON.stringify(other) : undefined); // left by a daemon that is gone
  }
  return false;
}

/** Removes the registry file if it still holds `expected` (this daemon's entry by default). */
function removeRegistry(expected = mine): void {
  try {
    const current = readFileSync(settings!.registry, 'utf8');
    if (expected === undefined || current === expected || readRegistry(settings!.registry) === undefined) unlinkSync(settings!.registry);
  } catch {
    // already gone
  }
}

async function stop(): Promise<never> {
  removeRegistry();
  await coordinator.close();
  process.exit(0);
}

if (!(await claim())) {
  await coordinator.close();
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
// The timer keeps the process alive (the coordinator's server does not).
setInterval(() => {
  if (coordinator.idleMs() >= settings.idleMs) void stop();
}, 250);
