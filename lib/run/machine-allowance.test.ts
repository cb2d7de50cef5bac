// One allowance per target and key on the machine: runners started side by side (shards of one run) join the same
// coordinator, it outlives the runner that started it, and it goes once nobody holds it.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { RemoteAllowance, type Limits } from '../http/shared-allowance.ts';
import { answersWith, joinMachineAllowance, readRegistry, registryPath, type MachineAllowance } from './machine-allowance.ts';

const dir = mkdtempSync(join(tmpdir(), 'allowance-test-'));
const IDLE_MS = 400;
const limits: Limits = { gpd: { calls: 5, periodMs: 1_000 }, upload: { calls: 1, periodMs: 1_000 } };
const target = (keyFingerprint: string) => ({ apiBaseUrl: 'https://api.uat.example/gpd', keyFingerprint, limits });
const leases: MachineAllowance[] = [];
after(() => {
  for (const lease of leases) lease.release();
  rmSync(dir, { recursive: true, force: true });
});

async function joined(keyFingerprint: string): Promise<MachineAllowance> {
  const lease = await joinMachineAllowance(target(keyFingerprint), { dir, idleMs: IDLE_MS });
  leases.push(lease);
  return lease;
}

/** Polls `check` every 50 ms until it holds or `ms` pass. */
async function eventually(check: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = performance.now() + ms;
  while (performance.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}

test('runners joining side by side share one coordinator, and its permits', async () => {
  const [a, b, c] = await Promise.all([joined('sha256:key-one'), joined('sha256:key-one'), joined('sha256:key-one')]);
  assert.equal(b.url, a.url);
  assert.equal(c.url, a.url);
  // 5 permits a second in all: the sixth, whoever asks, waits for the window.
  const start = performance.now();
  const granted: number[] = [];
  await Promise.all(
    [a, b, c].map(async (lease) => {
      const allowance = new RemoteAllowance(lease.url, 'gpd');
      for (let i = 0; i < 2; i++) {
        await allowance.acquire();
        granted.push(performance.now() - start);
      }
    }),
  );
  granted.sort((x, y) => x - y);
  assert.equal(granted.filter((t) => t < 900).length, 5, `granted at ${granted.map(Math.round).join(', ')} ms`);
  assert.ok(granted[5]! >= 900, `the sixth permit waited for the window: ${Math.round(granted[5]!)} ms`);
});

test('another key has its own allowance', async () => {
  const one = await joined('sha256:key-one');
  const two = await joined('sha256:key-two');
  assert.notEqual(two.url, one.url);
  assert.notEqual(registryPath(target('sha256:key-two'), dir), registryPath(target('sha256:key-one'), dir));
});

test('the coordinator outlives the runner that started it, and goes once nobody holds it', async () => {
  const registry = registryPath(target('sha256:key-three'), dir);
  // A runner in another process starts the coordinator, holds it, and exits.
  const script = `
    import { joinMachineAllowance } from ${JSON.stringify(new URL('./machine-allowance.ts', import.meta.url).href)};
    const lease = await joinMachineAllowance(${JSON.stringify(target('sha256:key-three'))}, { dir: ${JSON.stringify(dir)}, idleMs: ${IDLE_MS} });
    console.log(lease.url);`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { timeout: 60_000 });
  const first = stdout.trim();
  const mine = await joinMachineAllowance(target('sha256:key-three'), { dir, idleMs: IDLE_MS });
  assert.equal(mine.url, first, 'the second runner joins the first one’s coordinator');
  await new Promise((resolve) => setTimeout(resolve, IDLE_MS * 3)); // the first runner is gone: the lease of this one keeps it
  assert.ok(await answersWith(mine.url, limits), 'still there while a runner holds it');

  mine.release();
  assert.ok(await eventually(async () => !(await answersWith(first, limits)), 10_000), 'gone once nobody holds it');
  assert.ok(await eventually(() => !existsSync(registry), 2_000), 'its registry entry removed');
  const next = await joined('sha256:key-three');
  assert.notEqual(next.url, first, 'a later runner starts a new one');
});

test('a registry entry left by a coordinator that is gone is replaced', async () => {
  const registry = registryPath(target('sha256:key-four'), dir);
  writeFileSync(registry, JSON.stringify({ url: 'http://127.0.0.1:9', pid: 999_999 }));
  const lease = await joined('sha256:key-four');
  assert.notEqual(lease.url, 'http://127.0.0.1:9');
  assert.equal(readRegistry(registry)?.url, lease.url);
});

test('a registry entry with other limits is not joined', async () => {
  const other = await joinMachineAllowance(
    { ...target('sha256:key-five'), limits: { ...limits, gpd: { calls: 99, periodMs: 1_000 } } },
    { dir, idleMs: IDLE_MS },
  );
  leases.push(other);
  const lease = await joined('sha256:key-five');
  assert.notEqual(lease.url, other.url);
  assert.ok(await answersWith(lease.url, limits));
});
