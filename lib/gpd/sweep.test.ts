import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildSandbox, Clock } from '../../sandbox/app.ts';
import { ApiClient, closePools } from '../http/api-client.ts';
import { GpdClient } from '../http/gpd-client.ts';
import { GpdV3Client } from '../http/gpd-v3-client.ts';
import { Redactor } from '../redact.ts';
import { DebtPositionFactory } from './factory.ts';
import type { DebtPosition } from './model.ts';
import { runIdOf, runPrefix, sweepPositions } from './sweep.ts';

const ORG = '77777777777';
const KEY = 'sweep-test-gpd-key-0123456789';
const HOUR = 3_600_000;
let app: FastifyInstance;
let clock: Clock;
let gpd: GpdClient;
let gpdV3: GpdV3Client;

before(async () => {
  clock = new Clock();
  app = await buildSandbox({ subscriptions: [{ key: KEY, product: 'gpd', organizations: [ORG] }], clock });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const api = new ApiClient({
    baseUrl: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    key: KEY,
    timeoutMs: 5_000,
    redactor: new Redactor([KEY]),
  });
  gpd = new GpdClient((operation) => api.send(operation.request), ORG);
  gpdV3 = new GpdV3Client((operation) => api.send(operation.request), ORG);
});
after(async () => {
  await closePools();
  await app.close();
});

/** Creates `count` positions of run `runId` with the platform's clock `agoMs` in the past. */
async function createRun(runId: string, count: number, agoMs = 0): Promise<string[]> {
  return (await createPositions(runId, count, agoMs)).map((position) => position.iupd);
}

async function createPositions(runId: string, count: number, agoMs: number): Promise<DebtPosition[]> {
  const factory = new DebtPositionFactory({ runId, workerIndex: 0, segregationCode: '01', ecFiscalCode: ORG });
  const realNow = Date.now();
  clock.set(realNow - agoMs);
  const positions: DebtPosition[] = [];
  try {
    for (let i = 0; i < count; i += 1) {
      const position = factory.position();
      const created = await gpd.create(position, { toPublish: true });
      assert.equal(created.response.status, 201, created.response.text);
      positions.push(position);
    }
  } finally {
    clock.set(realNow);
  }
  return positions;
}

async function exists(iupd: string): Promise<boolean> {
  return (await gpd.get(iupd)).response.status === 200;
}

test('the run id is read back from an IUPD of the factory, and nothing else', () => {
  assert.equal(runIdOf('CONF-R2612020600AB12-W3-000017'), 'R2612020600AB12');
  assert.equal(runIdOf('CONF-R2612020600AB12'), undefined);
  assert.equal(runIdOf('OTHER-R1-W0-1'), undefined);
});

test('a sweep of every run leaves alone the runs active within the idle time and says so', async () => {
  const old = await createRun('SWEEPOLD1', 3, 5 * HOUR);
  const live = await createRun('SWEEPLIVE1', 4);
  const result = await sweepPositions(gpd, runPrefix(), { minIdleMs: 3 * HOUR });
  assert.deepEqual(result.deleted.sort(), [...old].sort());
  for (const iupd of old) assert.equal(await exists(iupd), false, `${iupd} of the idle run is removed`);
  for (const iupd of live) assert.equal(await exists(iupd), true, `${iupd} of the active run is kept`);
  const skipped = result.skipped.find((run) => run.runId === 'SWEEPLIVE1');
  assert.equal(skipped?.positions, 4);
  assert.equal(skipped?.reason, 'active');
  assert.ok(Date.now() - Date.parse(skipped!.lastActivity) < HOUR, skipped?.lastActivity);
});

test('a recently updated old run counts as active: the newest activity of a run decides', async () => {
  const [first, second] = await createPositions('SWEEPUPD1', 2, 5 * HOUR);
  const updated = await gpd.update(first!.iupd, { ...first!, companyName: 'Comune aggiornato' }, { toPublish: true });
  assert.equal(updated.response.status, 200, updated.response.text);
  const result = await sweepPositions(gpd, runPrefix(), { minIdleMs: 3 * HOUR });
  assert.ok(result.skipped.some((run) => run.runId === 'SWEEPUPD1'));
  assert.equal(await exists(first!.iupd), true);
  assert.equal(await exists(second!.iupd), true);
});

test('a run named in skipRuns (the lock holder) is left alone whatever its age; a sweep by run id removes it', async () => {
  const locked = await createRun('SWEEPLOCK1', 2, 10 * HOUR);
  const result = await sweepPositions(gpd, runPrefix(), { minIdleMs: HOUR, skipRuns: ['SWEEPLOCK1'] });
  assert.equal(result.skipped.find((run) => run.runId === 'SWEEPLOCK1')?.reason, 'locked');
  for (const iupd of locked) assert.equal(await exists(iupd), true);

  const byId = await sweepPositions(gpd, runPrefix('SWEEPLOCK1'));
  assert.deepEqual(byId.deleted.sort(), [...locked].sort());
  assert.deepEqual(byId.skipped, []);
});

test('positions with several payment plans (GPD v3): missed by the v1 list, found and removed through the v3 list', async () => {
  const factory = new DebtPositionFactory({ runId: 'SWEEPVTHREE', workerIndex: 1, segregationCode: '01', ecFiscalCode: ORG });
  const plans = factory.positionV3();
  assert.equal((await gpdV3.create(plans, { toPublish: true })).response.status, 201);
  const [single] = await createRun('SWEEPVTHREE', 1);
  const viaV1 = await sweepPositions(gpd, runPrefix('SWEEPVTHREE'));
  assert.deepEqual([viaV1.found, viaV1.deleted], [1, [single]]);
  assert.equal((await gpdV3.get(plans.iupd)).response.status, 200, 'v1 did not see it');
  const viaV3 = await sweepPositions(gpd, runPrefix('SWEEPVTHREE'), { v3: gpdV3 });
  assert.deepEqual([viaV3.found, viaV3.deleted], [1, [plans.iupd]]);
  assert.equal((await gpdV3.get(plans.iupd)).response.status, 404);
});
