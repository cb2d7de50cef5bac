// Bulk benchmark: generates an upload file of N positions (default 100 000) in a child process,
// uploads it to a sandbox started for the purpose, waits for the report, and prints, in one run:
// generation throughput, ZIP size, upload-to-report wall time, sandbox processing throughput and
// the generator's peak RSS (target < 256 MB).
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, openAsBlob, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { freePortSync } from '../../lib/free-port.ts';
import { ApiClient, closePools, retryAfterMs } from '../../lib/http/api-client.ts';
import { UploadClient, fileIdOf } from '../../lib/http/bulk-client.ts';
import { Redactor } from '../../lib/redact.ts';
import { makeRunId } from '../../lib/config.ts';

const N = Number(process.env.BENCH_POSITIONS ?? 100_000);
const EC = '77777777777';
const RSS_TARGET = 256 * 1024 * 1024;

export async function benchBulk(): Promise<Record<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-bulk-'));
  const zipPath = join(dir, 'positions.zip');
  const runId = makeRunId();
  const generation = JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/bench/generate-upload.ts', String(N), zipPath, runId, EC], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .at(-1)!,
  ) as { ms: number; zipBytes: number; jsonBytes: number; peakRssBytes: number };

  const port = freePortSync();
  const key = randomBytes(16).toString('hex');
  const sandbox = spawn(process.execPath, ['--import', 'tsx', 'sandbox/main.ts'], {
    env: {
      ...process.env,
      SANDBOX_PORT: String(port),
      GPD_SUBSCRIPTION_KEY: key,
      EC_FISCAL_CODE: EC,
      SANDBOX_UPLOAD_CHUNK_INTERVAL_MS: '0',
      SANDBOX_UPLOAD_RETRY_AFTER_MS: '250',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      sandbox.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('listening on') && resolve());
      sandbox.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
    });
    const api = new ApiClient({ baseUrl: `http://127.0.0.1:${port}`, key, timeoutMs: 120_000, redactor: new Redactor([key]) });
    const upload = new UploadClient((operation) => api.send(operation.request), 'v2', EC, EC);
    const started = performance.now();
    const accepted = await upload.upload('create', { fileName: 'positions.zip', data: await openAsBlob(zipPath) });
    if (accepted.response.status !== 202) throw new Error(`upload refused: ${accepted.response.status} ${accepted.response.text}`);
    const fileId = fileIdOf(accepted.response.headers.location)!;
    const wait = retryAfterMs(accepted.response.headers['retry-after']) ?? 1000;
    const deadline = Date.now() + 30 * 60_000;
    let report:
      | { processedItem: number; submittedItem: number; startTime: string; endTime: string; responses: Array<{ statusCode: number; iupds: string[] }> }
      | undefined;
    while (!report) {
      if (Date.now() > deadline) throw new Error('upload not processed within 30 minutes');
      await new Promise((resolve) => setTimeout(resolve, wait)); // honour Retry-After between polls
      const res = await upload.report(fileId);
      if (res.response.status === 200) report = res.response.body;
      else if (res.response.status !== 425) throw new Error(`report: ${res.response.status} ${res.response.text}`);
    }
    const wallMs = performance.now() - started;
    const created = report.responses.filter((r) => r.statusCode === 201).reduce((n, r) => n + r.iupds.length, 0);
    const processingMs = Date.parse(report.endTime) - Date.parse(report.startTime);
    await closePools();
    return {
      positions: String(N),
      'generation throughput': `${Math.round(N / (generation.ms / 1000))} positions/s (${(generation.ms / 1000).toFixed(1)} s)`,
      'JSON size': `${(generation.jsonBytes / 1048576).toFixed(1)} MiB`,
      'ZIP size': `${(generation.zipBytes / 1048576).toFixed(1)} MiB (${((100 * generation.zipBytes) / generation.jsonBytes).toFixed(1)} % of the JSON)`,
      'generator peak RSS': `${(generation.peakRssBytes / 1048576).toFixed(0)} MB (target < 256 MB: ${generation.peakRssBytes < RSS_TARGET ? 'met' : 'NOT MET'})`,
      'upload-to-report wall time': `${(wallMs / 1000).toFixed(1)} s`,
      'sandbox processing throughput': `${Math.round(N / (processingMs / 1000))} positions/s (${(processingMs / 1000).toFixed(1)} s, ${created}/${N} created)`,
    };
  } finally {
    sandbox.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}
