// Figure 1, harness overhead per API call: a Playwright run of scripts/bench/harness/overhead.bench.ts
// (the suite's fixtures, evidence steps and attachments filed by allure-playwright, as in a real run)
// against a sandbox in its own process whose limits do not throttle; ≥ 1 000 calls each way,
// interleaved. Ratio of medians, and the absolute extra in µs.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { atMost, median, printed, type Figure, type Section } from './figures.ts';
import { BENCH_EC, startBenchSandbox } from './bench-sandbox.ts';

const UNLIMITED = { calls: 1_000_000_000, periodMs: 1_000 };

export const benchHarness: Section = async (context): Promise<Figure[]> => {
  const calls = context.size === 'small' ? 50 : 1_000;
  const reports = join(context.workDir, 'harness');
  mkdirSync(reports, { recursive: true });
  const out = join(reports, 'timings.json');
  const sandbox = await startBenchSandbox({ rateLimits: { gpd: UNLIMITED, upload: UNLIMITED } });
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
  } finally {
    await sandbox.close();
  }
  const timings = JSON.parse(readFileSync(out, 'utf8')) as { harness: number[]; raw: number[] };
  const [harness, raw] = [median(timings.harness), median(timings.raw)];
  return [
    atMost(
      '1 harness ÷ raw call (medians)',
      harness / raw,
      1.1,
      '×',
      `${timings.harness.length} + ${timings.raw.length} GETs interleaved: median ${(harness * 1000).toFixed(0)} µs through the suite's client, ${(raw * 1000).toFixed(0)} µs raw undici`,
    ),
    printed('1 harness extra per call', (harness - raw) * 1000, 'µs'),
  ];
};
