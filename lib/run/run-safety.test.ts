// The run's own safety, end to end: the run lock refuses a second run in the same folder, and a run
// interrupted with Ctrl-C (SIGINT to its process group) removes its leftovers before it exits.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir, hostname } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildSandbox } from '../../sandbox/app.ts';
import { DebtPositionFactory } from '../gpd/factory.ts';
import { KEPT_STATUSES } from '../gpd/cleanup.ts';
import { acquireRunLock, lockHolder, releaseRunLock, RUN_LOCK_PATH } from './run-lock.ts';

const CLI = 'node_modules/@playwright/test/cli.js';
const ORG = '77777777777';
// The test reads with a key of its own, so that its polling does not use the run's rate allowance.
const KEYS = { gpd: 'run-safety-gpd-key-0123456789', observer: 'run-safety-observer-key-0123', internal: 'run-safety-internal-key-012345' };

function tempLock(): string {
  return join(mkdtempSync(join(tmpdir(), 'run-lock-')), 'lock.json');
}

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

test('the run lock: one holder, refused with who holds it, given back only by its holder, a dead holder taken over', () => {
  const path = tempLock();
  assert.deepEqual(acquireRunLock('RUNA1', path), { acquired: true });
  const second = acquireRunLock('RUNB1', path);
  assert.equal(second.acquired, false);
  assert.equal(!second.acquired && second.holder.runId, 'RUNA1');
  releaseRunLock('RUNB1', path);
  assert.equal(lockHolder(path)?.runId, 'RUNA1', 'another run cannot give back the lock');
  releaseRunLock('RUNA1', path);
  assert.equal(existsSync(path), false);

  writeFileSync(path, JSON.stringify({ pid: deadPid(), runId: 'RUNDEAD', host: hostname(), startedAt: new Date().toISOString() }));
  assert.equal(lockHolder(path), undefined, 'a lock whose process is gone is stale');
  assert.deepEqual(acquireRunLock('RUNC1', path), { acquired: true });
  writeFileSync(path, '{"pid": tor');
  assert.deepEqual(acquireRunLock('RUND1', path), { acquired: true }, 'a torn lock file is stale');
});

// The tests below run Playwright in this folder: not while a real run holds its lock.
const running = lockHolder();
const busy = running ? `a run (${running.runId}) is in progress in this folder` : false;
const env = (extra: Record<string, string>) => ({
  ...process.env,
  DOTENV_CONFIG_PATH: '/nonexistent/.env',
  CI: '',
  TEST_WORKER_INDEX: '',
  ...extra,
});

test('a second run in the same folder is refused with one clear message; a stale lock does not block', { skip: busy }, () => {
  assert.deepEqual(acquireRunLock('RUNHOLD1'), { acquired: true });
  try {
    const second = spawnSync(process.execPath, [CLI, 'test', '--list', '--project=setup'], { encoding: 'utf8', env: env({}) });
    assert.equal(second.status, 2, second.stdout + second.stderr);
    assert.match(second.stderr, /Another run of this suite is in progress in this folder \(run id RUNHOLD1, pid \d+/);
    assert.equal(lockHolder()?.runId, 'RUNHOLD1', 'the refused run leaves the lock alone');
  } finally {
    releaseRunLock('RUNHOLD1');
  }
  writeFileSync(RUN_LOCK_PATH, JSON.stringify({ pid: deadPid(), runId: 'RUNDEAD2', host: hostname(), startedAt: new Date().toISOString() }));
  const after = spawnSync(process.execPath, [CLI, 'test', '--list', '--project=setup'], { encoding: 'utf8', env: env({}) });
  assert.equal(after.status, 0, after.stdout + after.stderr);
  assert.equal(existsSync(RUN_LOCK_PATH), false, 'the run gives the lock back when it exits');
});

let sandbox: FastifyInstance;
let baseUrl = '';
before(async () => {
  sandbox = await buildSandbox({
    subscriptions: [
      { key: KEYS.gpd, product: 'gpd', organizations: [ORG] },
      { key: KEYS.observer, product: 'gpd', organizations: [ORG] },
      { key: KEYS.internal, product: 'internal', organizations: ['*'] },
    ],
  });
  await sandbox.listen({ host: '127.0.0.1', port: 0 });
  baseUrl = `http://127.0.0.1:${(sandbox.server.address() as AddressInfo).port}`;
});
after(() => sandbox.close());

async function positionsOf(runId: string): Promise<Array<{ iupd: string; status: string }>> {
  const res = await sandbox.inject({
    url: `/gpd/debt-positions-service/v1/organizations/${ORG}/debtpositions?limit=50&orderby=INSERTED_DATE&ordering=DESC`,
    headers: { 'ocp-apim-subscription-key': KEYS.observer },
  });
  assert.equal(res.statusCode, 200, res.body);
  const list = (res.json() as { payment_position_list: Array<{ iupd: string; status: string }> }).payment_position_list;
  return list.filter((item) => item.iupd.startsWith(`CONF-${runId}-`));
}

test('Ctrl-C in the middle of a run: the teardown project is skipped, yet the run leaves no position behind', { skip: busy, timeout: 120_000 }, async () => {
  const runId = `RINT${Date.now().toString(36).toUpperCase()}`;
  // Leftovers of a worker that died before its own cleanup: only a sweep of the run removes them.
  const factory = new DebtPositionFactory({ runId, workerIndex: 99, segregationCode: '01', ecFiscalCode: ORG });
  for (let n = 1; n <= 3; n += 1) {
    const res = await sandbox.inject({
      method: 'POST',
      url: `/gpd/debt-positions-service/v1/organizations/${ORG}/debtpositions?toPublish=true`,
      headers: { 'ocp-apim-subscription-key': KEYS.gpd, 'content-type': 'application/json' },
      payload: JSON.stringify(factory.position()),
    });
    assert.equal(res.statusCode, 201, res.body);
  }

  const output = mkdtempSync(join(tmpdir(), 'interrupted-run-'));
  const child = spawn(process.execPath, [CLI, 'test', '--project=api', '--reporter=line', `--output=${output}`], {
    detached: true, // its own process group, as a terminal's Ctrl-C reaches every process of the run
    env: env({
      TARGET: 'sandbox',
      API_BASE_URL: baseUrl,
      CHECKOUT_URL: baseUrl,
      RUN_ID: runId,
      GPD_SUBSCRIPTION_KEY: KEYS.gpd,
      SANDBOX_INTERNAL_KEY: KEYS.internal,
      WORKERS: '2',
    }),
  });
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  // Interrupt as soon as the run's own tests are creating positions.
  const deadline = Date.now() + 60_000;
  while (!(await positionsOf(runId)).some((item) => !item.iupd.includes('-W99-'))) {
    assert.ok(Date.now() < deadline, `the run created no position within 60 s:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 200)); // polling the sandbox, not waiting for a result
  }
  process.kill(-child.pid!, 'SIGINT');
  await exited;

  assert.match(log, /interrupted/i, log);
  assert.doesNotMatch(log, /remove the positions this run left behind/, 'the teardown project did not run');
  assert.match(log, new RegExp(`Run ${runId} ended before its teardown`), log);
  const left = (await positionsOf(runId)).filter((item) => !KEPT_STATUSES.includes(item.status));
  assert.deepEqual(left, [], `positions left behind:\n${log}`);
});
