// A key deliberately wrong for one product, end to end (issue 12, "Done when"): a real Playwright run against a
// sandbox that knows the GPD and receipts keys but not the FdR key the suite is given. One message — ACC-07
// fails with the advice — and only the FdR cases are skipped, with the same advice; the receipts case runs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildSandbox } from '../../sandbox/app.ts';
import { runSuite, type SuiteRun } from '../test-support/suite-run.ts';

const ORG = '77777777777';
const KEYS = { gpd: 'wrongkey-gpd-key-0123456789abcdef', receipts: 'wrongkey-receipts-0123456789abcd', internal: 'wrongkey-internal-0123456789abcd' };
const WRONG_FDR_KEY = 'not-the-fdr-key-0123456789abcdef';

let sandbox: FastifyInstance;
let run: SuiteRun;

before(async () => {
  sandbox = await buildSandbox({
    subscriptions: [
      { key: KEYS.gpd, product: 'gpd', organizations: [ORG] },
      { key: KEYS.receipts, product: 'gpd-receipts', organizations: [ORG] },
      { key: 'the-real-fdr-key-0123456789abcdef', product: 'fdr', organizations: [ORG] },
      { key: KEYS.internal, product: 'internal', organizations: ['*'] },
    ],
  });
  await sandbox.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(sandbox.server.address() as AddressInfo).port}`;
  run = await runSuite(['--project=api', '--project=fdr', '--project=receipts', '--grep', String.raw`\[(ACC-05|ACC-07|FDR-0[124]|RIC-05)\]`], url, {
    GPD_SUBSCRIPTION_KEY: KEYS.gpd,
    GPD_RECEIPTS_SUBSCRIPTION_KEY: KEYS.receipts,
    FDR_SUBSCRIPTION_KEY: WRONG_FDR_KEY,
    BIZ_SUBSCRIPTION_KEY: '',
    SANDBOX_INTERNAL_KEY: KEYS.internal,
  });
});

after(() => sandbox.close());

const byId = (id: string) => run.byId(id);

test('the wrong FdR key fails ACC-07 alone, with the advice naming the variable, the product and the environment', () => {
  assert.equal(run.exit, 1);
  assert.deepEqual(
    run.results.filter((r) => r.status === 'unexpected').map((r) => r.title.slice(0, 8)),
    ['[ACC-07]'],
  );
  assert.match(byId('ACC-07').messages, /FDR_SUBSCRIPTION_KEY rifiutata \(401\).*"FdR - Flussi di Rendicontazione \(EC\)".*UAT/s);
  assert.doesNotMatch(byId('ACC-07').messages, new RegExp(WRONG_FDR_KEY), 'the key itself is never shown');
});

test('only the FdR cases are skipped, with the same advice; the receipts cases run and pass', () => {
  for (const id of ['FDR-01', 'FDR-02', 'FDR-04']) {
    assert.equal(byId(id).status, 'skipped', id);
    assert.match(byId(id).messages, /FDR_SUBSCRIPTION_KEY rifiutata \(401\)/, id);
  }
  for (const id of ['ACC-05', 'RIC-05']) assert.equal(byId(id).status, 'expected', `${id}: ${byId(id).messages}`);
});
