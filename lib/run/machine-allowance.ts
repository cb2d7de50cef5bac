// One allowance per key on this machine, not per run: shards of one run started side by side (or two runs with the
// same key) spend the same platform limit, so they must share one coordinator. The coordinator
// (lib/http/shared-allowance.ts) lives in a small detached process (lib/run/allowance-daemon.ts) found through a
// registry file named after the target, the key's fingerprint and the limits. Each runner holds a lease on it (an
// open `POST /hold`) for as long as it lives; the daemon goes once no runner holds it and nobody asked for a permit
// for a few seconds, so no runner's exit takes the allowance away from the others.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Limits } from '../http/shared-allowance.ts';

/** What a daemon writes in its registry file. */
export interface RegistryEntry {
  url: string;
  pid: number;
}

/** The daemon's settings, passed in ALLOWANCE_DAEMON as JSON. */
export interface DaemonSettings {
  limits: Limits;
  registry: string;
  /** It exits after this long without a lease and without a permit asked. */
  idleMs: number;
}

export const DAEMON_SETTINGS_VARIABLE = 'ALLOWANCE_DAEMON';
/** One folder per user: another user's runs have their own keys' allowances and folder permissions. */
const DEFAULT_DIR = join(tmpdir(), `pagopa-async-conformance-${userInfo().uid}`);
const DEFAULT_IDLE_MS = 5_000;
const JOIN_DEADLINE_MS = 20_000;
/** Between two looks at the registry while a daemon starts (it takes ~1 s: Node and tsx). */
const POLL_MS = 50;
/** A daemon that has not claimed the registry in this time is started again. */
const RESPAWN_AFTER_MS = 5_000;

export interface MachineAllowanceOptions {
  /** Where registry files live (default: the OS temporary folder). */
  dir?: string;
  idleMs?: number;
}

export interface MachineAllowance {
  url: string;
  /** Gives the lease back (the runner's exit does it too). */
  release(): void;
}

/** The registry file of an allowance: one per target, key and limits; no secret in its name or content. */
export function registryPath(target: { apiBaseUrl: string; keyFingerprint: string; limits: Limits }, dir = DEFAULT_DIR): string {
  const id = createHash('sha256')
    .update(JSON.stringify([new URL(target.apiBaseUrl).origin, target.keyFingerprint, target.limits]))
    .digest('hex')
    .slice(0, 16);
  return join(dir, `allowance-${id}.json`);
}

export function readRegistry(path: string): RegistryEntry | undefined {
  try {
    const entry = JSON.parse(readFileSync(path, 'utf8')) as RegistryEntry;
    return typeof entry.url === 'string' && Number.isInteger(entry.pid) ? entry : undefined;
  } catch {
    return undefined; // none yet, or being written
  }
}

/** The coordinator at `url` answers, with these limits. */
export async function answersWith(url: string, limits: Limits): Promise<boolean> {
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) });
    if (!res.ok) return false;
    const body = (await res.json()) as { limits?: unknown };
    return JSON.stringify(body.limits) === JSON.stringify(limits);
  } catch {
    return false;
  }
}

/**
 * Joins this machine's allowance for `target`, starting its daemon if none runs, and holds a lease on it until
 * `release()` or the process's exit. Throws when no coordinator could be reached in time.
 */
export async function joinMachineAllowance(
  target: { apiBaseUrl: string; keyFingerprint: string; limits: Limits },
  options: MachineAllowanceOptions = {},
): Promise<MachineAllowance> {
  const dir = options.dir ?? DEFAULT_DIR;
  mkdirSync(dir, { recursive: true });
  const registry = registryPath(target, dir);
  const deadline = performance.now() + JOIN_DEADLINE_MS;
  let spawnedAt = -Infinity;
  while (performance.now() < deadline) {
    const entry = readRegistry(registry);
    if (entry && (await answersWith(entry.url, target.limits))) {
      const release = await hold(entry.url);
      if (release) return { url: entry.url, release };
    }
    if (performance.now() - spawnedAt > RESPAWN_AFTER_MS) {
      startDaemon({ limits: target.limits, registry, idleMs: options.idleMs ?? DEFAULT_IDLE_MS });
      spawnedAt = performance.now();
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(`The run's shared allowance could not be started within ${JOIN_DEADLINE_MS / 1000} s (registry ${registry}).`);
}

/** Opens a lease; answers how to give it back, or undefined when the coordinator refused or is gone. */
function hold(url: string): Promise<(() => void) | undefined> {
  return new Promise((resolve) => {
    const req = request(`${url}/hold`, { method: 'POST' });
    req.once('response', (res) => {
      if (res.statusCode !== 200) {
        req.destroy();
        resolve(undefined);
        return;
      }
      res.resume();
      // Once granted, the lease must not keep the runner alive: it ends with it.
      req.socket?.unref();
      resolve(() => req.destroy());
    });
    req.once('error', () => resolve(undefined));
    req.end();
  });
}

function startDaemon(settings: DaemonSettings): void {
  const entry = fileURLToPath(new URL('./allowance-daemon.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), entry], {
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, [DAEMON_SETTINGS_VARIABLE]: JSON.stringify(settings) },
  });
  child.unref();
}
