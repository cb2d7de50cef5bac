// Figure 5, the sandbox: a sandbox alone in a child process (scripts/bench/sandbox-child.ts) with the
// platform's rate limits and 50 GPD keys. (a) The bench's upload file (100 000 positions) is uploaded;
// its status is polled every Retry-After with a progress line (processed / total); processing rate =
// positions ÷ (first status showing all processed − the 202). (b) The RSS it keeps for them once idle:
// full GCs, then V8's memory reducer (what a sandbox left running does by itself), sampled each second
// until it stays put; the growth per stored position against the empty sandbox. (c) p99 of a create
// under 50 concurrent clients, each on its own key and within that key's limit (the suite's client
// and its limiter, no evidence: the sandbox's answer time is measured), 0 × 429 expected.
import { openAsBlob } from 'node:fs';
import { ApiClient, closePools, EnvironmentError, retryAfterMs, type ApiExchange } from '../../lib/http/api-client.ts';
import { UploadClient, fileIdOf } from '../../lib/http/bulk-client.ts';
import { GpdClient } from '../../lib/http/gpd-client.ts';
import { RateLimiter } from '../../lib/http/rate-limiter.ts';
import { DebtPositionFactory } from '../../lib/gpd/factory.ts';
import { makeRunId } from '../../lib/config.ts';
import { Redactor } from '../../lib/redact.ts';
import { atLeast, atMost, printed, quantile, type BenchContext, type Figure, type Section } from './figures.ts';
import { BENCH_EC, startBenchSandbox, type BenchSandbox } from './bench-sandbox.ts';
import { uploadFile } from './upload-file.ts';

const MIB = 1024 * 1024;
const CLIENTS = 50;
/** The platform's limits (issue 16): GPD 100 calls / 10 s per key, upload 10 / s. */
const GPD_LIMIT = { calls: 100, periodMs: 10_000 };
const UPLOAD_LIMIT = { calls: 10, periodMs: 1_000 };

function client(sandbox: BenchSandbox, key: string, limit: { calls: number; periodMs: number }): ApiClient {
  return new ApiClient({
    baseUrl: sandbox.url,
    key,
    timeoutMs: 120_000,
    redactor: new Redactor([key, sandbox.internalKey]),
    limiter: new RateLimiter(limit.calls, limit.periodMs),
  });
}

async function uploadAndWait(
  context: BenchContext,
  sandbox: BenchSandbox,
): Promise<{ positions: number; postMs: number; processingMs: number; failed: number }> {
  const file = await uploadFile(context);
  const api = client(sandbox, sandbox.keys[0]!, UPLOAD_LIMIT);
  const upload = new UploadClient((operation) => api.send(operation.request), 'v2', BENCH_EC, BENCH_EC);
  const posted = performance.now();
  const accepted = await upload.upload('create', { fileName: 'positions.zip', data: await openAsBlob(file.path, { type: 'application/zip' }) });
  const acceptedAt = performance.now();
  if (accepted.response.status !== 202) throw new Error(`upload refused: ${accepted.response.status} ${accepted.response.text.slice(0, 300)}`);
  const fileId = fileIdOf(accepted.response.headers.location);
  const wait = retryAfterMs(accepted.response.headers['retry-after']);
  if (!fileId || wait === undefined) throw new Error('the 202 has no usable Location or Retry-After');
  const deadline = Date.now() + 30 * 60_000;
  let lastLine = 0;
  for (;;) {
    if (Date.now() > deadline) throw new Error('upload not processed within 30 minutes');
    await new Promise((resolve) => setTimeout(resolve, wait)); // Retry-After between polls
    const status = await upload.status(fileId);
    if (status.response.status !== 200) throw new Error(`status: ${status.response.status} ${status.response.text.slice(0, 300)}`);
    const { processedItem, submittedItem } = status.response.body;
    const done = processedItem === submittedItem;
    if (submittedItem > 1_000 && (done || performance.now() - lastLine >= 1_000)) {
      context.progress(`upload ${fileId}: ${processedItem} / ${submittedItem} positions processed`);
      lastLine = performance.now();
    }
    if (done) break;
  }
  const processingMs = performance.now() - acceptedAt;
  const report = await upload.report(fileId);
  if (report.response.status !== 200) throw new Error(`report: ${report.response.status}`);
  const failed = report.response.body.responses.filter((r) => r.statusCode >= 400).reduce((n, r) => n + (r.iupds?.length ?? 1), 0);
  return { positions: file.positions, postMs: acceptedAt - posted, processingMs, failed };
}

async function concurrentCreates(sandbox: BenchSandbox, perClient: number): Promise<{ latencies: number[]; throttled: number; failures: string[] }> {
  const runId = makeRunId();
  const latencies: number[] = [];
  const failures: string[] = [];
  let throttled = 0;
  await Promise.all(
    sandbox.keys.map(async (key, index) => {
      const api = client(sandbox, key, GPD_LIMIT);
      const gpd = new GpdClient((operation) => api.send(operation.request), BENCH_EC);
      const factory = new DebtPositionFactory({ runId, workerIndex: index, segregationCode: '01', ecFiscalCode: BENCH_EC });
      for (let i = 0; i < perClient; i += 1) {
        let exchange: ApiExchange;
        try {
          exchange = await gpd.create(factory.position());
        } catch (error) {
          if (error instanceof EnvironmentError && error.kind === 'throttled') throttled += 1;
          failures.push((error as Error).message);
          continue;
        }
        throttled += exchange.throttled;
        latencies.push(exchange.ms);
        if (exchange.response.status !== 201) failures.push(`create → ${exchange.response.status}`);
      }
    }),
  );
  return { latencies, throttled, failures };
}

export const benchSandbox: Section = async (context): Promise<Figure[]> => {
  await uploadFile(context); // generated before the sandbox starts: the machine does one thing at a time
  const sandbox = await startBenchSandbox({ gpdKeys: CLIENTS, upload: { retryAfterMs: 100, chunkIntervalMs: 0 } });
  try {
    const { memory: empty } = await sandbox.settledMemory();
    const upload = await uploadAndWait(context, sandbox);
    const collected = await sandbox.memory();
    const { memory: full, waitedMs } = await sandbox.settledMemory();
    const perClient = context.size === 'small' ? 4 : GPD_LIMIT.calls;
    context.progress(`${CLIENTS} clients × ${perClient} creates, each on its own key`);
    const creates = await concurrentCreates(sandbox, perClient);
    if (creates.failures.length > 0) throw new Error(`${creates.failures.length} creates failed, e.g. ${creates.failures[0]}`);
    const stored = upload.positions - upload.failed;
    const rssPerPosition = (full.rss - empty.rss) / stored;
    const heapPerPosition = (full.heapUsed - empty.heapUsed) / stored;
    return [
      atMost(
        `5 sandbox RSS with ${stored} positions`,
        full.rss / MIB,
        300,
        'MiB',
        `idle (settled ${(waitedMs / 1000).toFixed(0)} s after the upload's forced full GCs, which left ${(collected.rss / MIB).toFixed(0)} MiB); empty ${(empty.rss / MIB).toFixed(0)} MiB; ${Math.round(rssPerPosition)} B of RSS and ${Math.round(heapPerPosition)} B of JS heap per stored position`,
      ),
      printed(
        '5 sandbox RSS per stored position',
        rssPerPosition,
        'B',
        `idle: heap used ${(empty.heapUsed / MIB).toFixed(0)} → ${(full.heapUsed / MIB).toFixed(0)} MiB of ${(full.heapTotal / MIB).toFixed(0)} MiB reserved, external ${(full.external / MIB).toFixed(0)} MiB`,
      ),
      atLeast(
        '5 upload processing',
        upload.positions / (upload.processingMs / 1000),
        10_000,
        'positions/s',
        `${upload.positions} positions processed ${(upload.processingMs / 1000).toFixed(1)} s after the 202 (the POST itself ${(upload.postMs / 1000).toFixed(1)} s); ${upload.failed} refused`,
      ),
      printed(
        `5 create p99, ${CLIENTS} clients on own keys`,
        quantile(creates.latencies, 0.99),
        'ms',
        `${creates.latencies.length} creates, median ${quantile(creates.latencies, 0.5).toFixed(0)} ms, ${creates.throttled} × 429`,
      ),
      atMost('5 429s caused by clients within their limit', creates.throttled, 0, '×'),
    ];
  } finally {
    await closePools();
    await sandbox.close();
  }
};
