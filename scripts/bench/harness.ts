// Figure 1, harness overhead per API call: a Playwright run of scripts/bench/harness/overhead.bench.ts
// (the suite's fixtures, evidence steps and attachments filed by allure-playwright, as in a real run)
// against a sandbox in its own process whose limits do not throttle; ≥ 1 000 calls each way,
// interleaved, in tests of 25 pairs (a case's size). Ratio of medians, and the absolute extra in µs; and
// the part of that extra spent outside Playwright, measured in this process; and the same extra next to a
// UAT-like call of 30 ms; and the evidence floor, one step holding one attachment without HTTP, in tests
// of their own (with it the extra is about as long as the local call: the 1.10 target is out of reach offline).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { atMost, median, printed, type Figure, type Section } from './figures.ts';
import { BENCH_EC, startBenchSandbox, type BenchSandbox } from './bench-sandbox.ts';
import { ApiClient, closePools, poolFor } from '../../lib/http/api-client.ts';
import { GpdClient, GPD_V1_BASE } from '../../lib/http/gpd-client.ts';
import { RateLimiter } from '../../lib/http/rate-limiter.ts';
import { DebtPositionFactory } from '../../lib/gpd/factory.ts';
import { makeRunId } from '../../lib/config.ts';
import { Redactor } from '../../lib/redact.ts';
import { validateBody } from '../../lib/schemas.ts';
import { exchangeAttachment } from '../../lib/evidence/exchange-evidence.ts';

const UNLIMITED = { calls: 1_000_000_000, periodMs: 1_000 };
/** A GPD call's order of magnitude on UAT (network and platform), against which the same extra is also shown. */
const UAT_LIKE_CALL_MS = 30;

/**
 * The part of the overhead outside Playwright, in this process, on the same sandbox: the same GET raw,
 * through the suite's ApiClient (limiter, request id, redaction of headers and body, parse), and through
 * it plus the response's schema check and the attachment's body; interleaved, medians in ms.
 */
async function outsidePlaywright(sandbox: BenchSandbox, calls: number): Promise<{ raw: number; client: number; checked: number }> {
  const key = sandbox.keys[0]!;
  const api = new ApiClient({
    baseUrl: sandbox.url,
    key,
    timeoutMs: 30_000,
    redactor: new Redactor([key, sandbox.internalKey]),
    limiter: new RateLimiter(UNLIMITED.calls, UNLIMITED.periodMs),
    echoesRequestId: true,
  });
  const gpd = new GpdClient((operation) => api.send(operation.request), BENCH_EC);
  const factory = new DebtPositionFactory({ runId: makeRunId(), workerIndex: 0, segregationCode: '01', ecFiscalCode: BENCH_EC });
  const created = await gpd.create(factory.position());
  if (created.response.status !== 201) throw new Error(`create → ${created.response.status}`);
  const path = `${GPD_V1_BASE}/organizations/${BENCH_EC}/debtpositions/${encodeURIComponent(created.response.body.iupd)}`;
  const pool = poolFor(new URL(sandbox.url).origin);
  const ways = {
    raw: async () => {
      const res = await pool.request({
        method: 'GET',
        path,
        headers: { accept: 'application/json', 'x-request-id': randomUUID(), 'ocp-apim-subscription-key': key },
      });
      JSON.parse(await res.body.text());
    },
    client: async () => {
      await api.send({ method: 'GET', path });
    },
    checked: async () => {
      const exchange = await api.send({ method: 'GET', path });
      exchangeAttachment(exchange, undefined, validateBody('gpd/PaymentPositionModelBaseResponse', exchange.response.body));
    },
  };
  const times = { raw: [] as number[], client: [] as number[], checked: [] as number[] };
  const order = Object.keys(ways) as (keyof typeof ways)[];
  for (let i = 0; i < 20 + calls; i += 1) {
    for (const way of i % 2 === 0 ? order : [...order].reverse()) {
      const started = performance.now();
      await ways[way]();
      if (i >= 20) times[way].push(performance.now() - started);
    }
  }
  await closePools();
  return { raw: median(times.raw), client: median(times.client), checked: median(times.checked) };
}

export const benchHarness: Section = async (context): Promise<Figure[]> => {
  const calls = context.size === 'small' ? 50 : 1_000;
  const reports = join(context.workDir, 'harness');
  mkdirSync(reports, { recursive: true });
  const out = join(reports, 'timings.json');
  const sandbox = await startBenchSandbox({ rateLimits: { gpd: UNLIMITED, upload: UNLIMITED } });
  let outside: Awaited<ReturnType<typeof outsidePlaywright>>;
  try {
    context.progress(`${calls} calls through the suite's client and ${calls} raw, interleaved`);
    const { RUN_ID: _ownRunId, ...inherited } = process.env; // the run resolves its own
    const child = spawn(process.execPath, ['node_modules/@playwright/test/cli.js', 'test', '--config', 'scripts/bench/harness/playwright.config.ts'], {
      env: {
        ...inherited,
        DOTENV_CONFIG_PATH: '/nonexistent/.env',
        CI: '',
        TEST_WORKER_INDEX: '',
        REPORTS_DIR: reports,
        TARGET: 'sandbox',
        API_BASE_URL: sandbox.url,
        CHECKOUT_URL: sandbox.url,
        EC_FISCAL_CODE: BENCH_EC,
        GPD_SUBSCRIPTION_KEY: sandbox.keys[0]!,
        SANDBOX_INTERNAL_KEY: sandbox.internalKey,
        GPD_RATE_LIMIT_CALLS: String(UNLIMITED.calls),
        GPD_RATE_LIMIT_PERIOD_MS: String(UNLIMITED.periodMs),
        BENCH_HARNESS_CALLS: String(calls),
        BENCH_HARNESS_OUT: out,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const [code] = (await once(child, 'exit')) as [number | null];
    if (code !== 0) {
      const report = readFileSync(join(reports, 'playwright-results.json'), 'utf8');
      throw new Error(`the harness run failed (exit ${code}): ${/"message":\s*"([^"]{0,400})/.exec(report)?.[1] ?? 'see its JSON report'}`);
    }
    context.progress(`the same GET in this process: raw, through the suite's client, and with schema check and attachment body`);
    outside = await outsidePlaywright(sandbox, calls);
  } finally {
    await sandbox.close();
  }
  const timings = { harness: [] as number[], raw: [] as number[], floor: [] as number[] };
  for (const file of readdirSync(reports).filter((name) => name.startsWith('timings.json.'))) {
    const part = JSON.parse(readFileSync(join(reports, file), 'utf8')) as typeof timings;
    timings.harness.push(...part.harness);
    timings.raw.push(...part.raw);
    timings.floor.push(...part.floor);
  }
  const [harness, raw] = [median(timings.harness), median(timings.raw)];
  return [
    atMost(
      '1 harness ÷ raw call (medians)',
      harness / raw,
      1.1,
      '×',
      `${timings.harness.length} + ${timings.raw.length} GETs interleaved in tests of 25 pairs: median ${(harness * 1000).toFixed(0)} µs through the suite's client, ${(raw * 1000).toFixed(0)} µs raw undici`,
    ),
    printed('1 harness extra per call', (harness - raw) * 1000, 'µs'),
    printed(
      '1 … next to a UAT-like call',
      (UAT_LIKE_CALL_MS + harness - raw) / UAT_LIKE_CALL_MS,
      '×',
      `the same extra on a ${UAT_LIKE_CALL_MS} ms call: +${(((harness - raw) / UAT_LIKE_CALL_MS) * 100).toFixed(1)} %` +
        ` (the local call takes ${(raw * 1000).toFixed(0)} µs)`,
    ),
    printed(
      '1 … of it outside Playwright',
      (outside.checked - outside.raw) * 1000,
      'µs',
      `same GET in the bench's process, medians: raw ${(outside.raw * 1000).toFixed(0)} µs, suite's client (limiter, redaction, parse) +${((outside.client - outside.raw) * 1000).toFixed(0)} µs, schema check + attachment body +${((outside.checked - outside.client) * 1000).toFixed(0)} µs; the rest is Playwright's steps, attachments and reporters`,
    ),
    printed(
      '1 … the evidence floor',
      median(timings.floor) * 1000,
      'µs',
      `${timings.floor.length} times in tests of 25 after the calls': one step \`METHOD path → status (ms)\` holding one attachment the size of the call's, no HTTP (SPEC §5's evidence of a call, nothing else)`,
    ),
  ];
};
