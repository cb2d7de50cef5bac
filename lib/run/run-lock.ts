// One run at a time per project folder: a run writes reports/, test-results/ and playwright-report/,
// so a second run started in the same folder would overwrite the first's evidence and traces. The
// Playwright runner takes this lock (an exclusively created file) and gives it back when it exits; a
// lock whose process is gone (a killed run) is taken over.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';

export const RUN_LOCK_PATH = 'reports/.run-lock.json';

export interface RunLockHolder {
  pid: number;
  runId: string;
  host: string;
  startedAt: string;
}

export type LockVerdict = { acquired: true } | { acquired: false; holder: RunLockHolder };

export class RunInProgressError extends Error {
  constructor(readonly holder: RunLockHolder) {
    super(
      `Another run of this suite is in progress in this folder (run id ${holder.runId}, pid ${holder.pid}, started ${holder.startedAt}): ` +
        'it writes reports/, test-results/ and playwright-report/, which a second run would overwrite. ' +
        'Wait for it to end, or start the second run from another clone of the project.',
    );
    this.name = 'RunInProgressError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The holder of the lock if a live process holds it (a lock from another machine counts as live). */
export function lockHolder(path = RUN_LOCK_PATH): RunLockHolder | undefined {
  let holder: RunLockHolder;
  try {
    holder = JSON.parse(readFileSync(path, 'utf8')) as RunLockHolder;
  } catch {
    return undefined; // absent, or torn: a run that died while writing it
  }
  if (!Number.isInteger(holder.pid)) return undefined;
  return holder.host !== hostname() || isAlive(holder.pid) ? holder : undefined;
}

export function acquireRunLock(runId: string, path = RUN_LOCK_PATH, pid = process.pid): LockVerdict {
  mkdirSync(dirname(path), { recursive: true });
  const mine: RunLockHolder = { pid, runId, host: hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(path, JSON.stringify(mine), { flag: 'wx' });
      return { acquired: true };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = lockHolder(path);
    if (holder) return { acquired: false, holder };
    rmSync(path, { force: true }); // stale: its run is gone
  }
  throw new Error(`Could not take the run lock ${path}: another run keeps creating and removing it.`);
}

/** Gives the lock back, only if this run holds it. */
export function releaseRunLock(runId: string, path = RUN_LOCK_PATH, pid = process.pid): void {
  try {
    const holder = JSON.parse(readFileSync(path, 'utf8')) as RunLockHolder;
    if (holder.pid === pid && holder.runId === runId) rmSync(path, { force: true });
  } catch {
    // nothing to give back
  }
}
