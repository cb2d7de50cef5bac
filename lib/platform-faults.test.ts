// Platform faults the suite must see (issue 16): a real Playwright run against a "defective platform", a proxy in
// front of the sandbox that breaks one behaviour per API. Each named case must fail on its fault, with a message
// that names it, and a case the fault does not concern must still pass.
//  - the gateway answers the debt-position list with a new X-Request-Id instead of the one sent (ACC-03);
//  - the upload report leaves out the items that failed (BLK-13; BLK-06, whose file has no failing item, passes).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildSandbox } from '../sandbox/app.ts';
import { runSuite, type SuiteRun } from './test-support/suite-run.ts';

const ORG = '77777777777';
const KEYS = { gpd: 'faults-gpd-key-0123456789abcdef0', internal: 'faults-internal-key-0123456789ab' };

let sandbox: FastifyInstance;
let proxy: Server;
let run: SuiteRun;

function defectivePlatform(target: string): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://proxy');
    const list = req.method === 'GET' && /\/debtpositions$/.test(url.pathname) && url.search !== '';
    const report = req.method === 'GET' && /\/debtpositions\/file\/[^/]+\/report$/.test(url.pathname);
    const upstream = httpRequest(`${target}${req.url}`, { method: req.method, headers: req.headers }, async (answer) => {
      const headers = { ...answer.headers };
      if (list) headers['x-request-id'] = randomUUID();
      if (!report || answer.statusCode !== 200) {
        res.writeHead(answer.statusCode!, headers);
        answer.pipe(res);
        return;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of answer) chunks.push(chunk as Buffer);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { responses: { statusCode: number }[] };
      body.responses = body.responses.filter((entry) => entry.statusCode < 400);
      const text = JSON.stringify(body);
      delete headers['content-length'];
      res.writeHead(200, { ...headers, 'content-length': Buffer.byteLength(text) });
      res.end(text);
    });
    req.pipe(upstream);
  });
}

before(async () => {
  sandbox = await buildSandbox({
    subscriptions: [
      { key: KEYS.gpd, product: 'gpd', organizations: [ORG] },
      { key: KEYS.internal, product: 'internal', organizations: ['*'] },
    ],
    upload: { retryAfterMs: 500, chunkIntervalMs: 10 },
  });
  await sandbox.listen({ host: '127.0.0.1', port: 0 });
  proxy = defectivePlatform(`http://127.0.0.1:${(sandbox.server.address() as AddressInfo).port}`);
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  run = await runSuite(
    ['--project=api', '--project=bulk', '--no-deps', '--grep', String.raw`\[(ACC-03|BLK-06|BLK-13)\]`],
    `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    {
      GPD_SUBSCRIPTION_KEY: KEYS.gpd,
      SANDBOX_INTERNAL_KEY: KEYS.internal,
      GPD_RECEIPTS_SUBSCRIPTION_KEY: '',
      BIZ_SUBSCRIPTION_KEY: '',
      UPLOAD_POSITIONS: '30',
    },
  );
});

after(async () => {
  await new Promise((resolve) => proxy.close(resolve));
  await sandbox.close();
});

test('a new X-Request-Id instead of the one sent fails ACC-03, naming the echo', () => {
  assert.equal(run.byId('ACC-03').status, 'unexpected', run.byId('ACC-03').messages);
  assert.match(run.byId('ACC-03').messages, /X-Request-Id/);
});

test('an upload report without its failed items fails BLK-13, item by item; BLK-06 (no failed item) passes', () => {
  assert.equal(run.byId('BLK-13').status, 'unexpected', run.byId('BLK-13').messages);
  assert.match(run.byId('BLK-13').messages, /report, item by item/);
  assert.equal(run.byId('BLK-06').status, 'expected', run.byId('BLK-06').messages);
  assert.equal(run.exit, 1);
});
