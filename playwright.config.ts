import { rmSync } from 'node:fs';
import { defineConfig, chromium } from '@playwright/test';
import { prepareEnvironment, loadConfig, ConfigError, type SuiteConfig } from './lib/config.ts';
import { freePortSync } from './lib/free-port.ts';
import { resolveChromium, type ChromiumChoice } from './lib/browser.ts';
import { acquireRunLock, releaseRunLock, RunInProgressError } from './lib/run/run-lock.ts';
import { outputPaths } from './lib/run/output-paths.ts';
import { environmentBlock, runEnvironment, writeRunInfo } from './lib/run/run-info.ts';

prepareEnvironment();
const outputs = outputPaths();
const runner = !process.env.TEST_WORKER_INDEX;
if (runner) {
  // Runner process only, not workers: one run at a time in this folder, then a fresh evidence folder.
  const runId = process.env.RUN_ID!;
  const lock = acquireRunLock(runId, outputs.lock);
  if (!lock.acquired) {
    console.error(new RunInProgressError(lock.holder).message);
    process.exit(2);
  }
  process.on('exit', () => releaseRunLock(runId, outputs.lock));
  for (const stale of [outputs.allureResults, outputs.runInfo, outputs.blob]) rmSync(stale, { recursive: true, force: true });
}
if ((process.env.TARGET ?? 'sandbox') === 'sandbox' && !process.env.SANDBOX_PORT && !process.env.API_BASE_URL) {
  process.env.SANDBOX_PORT = String(freePortSync());
}

// A broken configuration must not stop Playwright from starting: the `setup` project reports it.
let config: SuiteConfig | undefined;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
}
const environment = config ? runEnvironment(config) : undefined;
if (runner && environment) writeRunInfo(outputs.runInfo, environment);

let browser: ChromiumChoice | undefined;
try {
  browser = resolveChromium({ playwrightExecutable: chromium.executablePath() });
} catch {
  browser = undefined; // only the browser projects need one; their fixture explains how to install it
}

// `TRACE_MODE=on` keeps every trace (the self-test scans them all); default: only failures'.
const TRACE_MODES = ['on', 'off', 'retain-on-failure', 'on-first-retry', 'on-all-retries', 'retain-on-first-failure'] as const;
type TraceMode = (typeof TRACE_MODES)[number];
const traceMode: TraceMode = TRACE_MODES.find((mode) => mode === process.env.TRACE_MODE) ?? 'retain-on-failure';

const startSandbox = config?.target === 'sandbox' && !process.env.API_BASE_URL;

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // API cases wait on the network, not the CPU; the client-side limiter keeps all workers under the key's limit.
  workers: Number(process.env.WORKERS || 4),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: outputs.testResults,
  globalTeardown: [
    // Card data out of traces even when the reporters below are replaced on the command line.
    './reporters/redact-traces-teardown.ts',
    // An interrupted run (Ctrl-C) skips the teardown project: its leftovers are swept here.
    './lib/run/interrupted-run-teardown.ts',
  ],
  reporter: [
    // First: it masks card data in each trace before any other reporter reads it.
    ['./reporters/card-redaction.ts'],
    ['list'],
    ['html', { outputFolder: outputs.htmlReport, open: 'never' }],
    ['json', { outputFile: outputs.playwrightJson }],
    // A shard of a sharded run (CI, `npm run shards`) also leaves its blob, merged afterwards.
    ...(process.env.BLOB_REPORT === '1' ? [['blob', { outputDir: outputs.blob }] as const] : []),
    [
      'allure-playwright',
      {
        resultsDir: outputs.allureResults,
        detail: true,
        suiteTitle: true,
        environmentInfo: environment ? environmentBlock(environment) : { configurazione: 'non valida (vedi il progetto setup)' },
      },
    ],
  ],
  use: {
    trace: traceMode,
    screenshot: 'only-on-failure',
    launchOptions: browser?.executablePath ? { executablePath: browser.executablePath, args: browser.args } : undefined,
  },
  projects: [
    { name: 'setup', testMatch: /setup\/.*\.spec\.ts/, teardown: 'teardown' },
    { name: 'api', testMatch: /(access|gpd)\/.*\.spec\.ts/, dependencies: ['setup'] },
    // An upload is processed asynchronously: allow for two of them per test within UPLOAD_TIMEOUT_MS.
    { name: 'bulk', testMatch: /bulk\/.*\.spec\.ts/, dependencies: ['setup'], timeout: 2 * (config?.bulk.uploadTimeoutMs ?? 900_000) + 60_000 },
    { name: 'receipts', testMatch: /receipts\/.*\.spec\.ts/, dependencies: ['setup'] },
    // The browser project: Checkout payments. UAT's outcome may take two minutes (pagoPA's own suites
    // wait 120 s). No screencast in traces and no automatic screenshots: the card fields would show in
    // them; the page objects attach screenshots with the card fields masked.
    {
      name: 'checkout',
      testMatch: /checkout\/.*\.spec\.ts/,
      dependencies: ['setup'],
      timeout: 300_000,
      use: {
        viewport: { width: 1200, height: 907 },
        screenshot: 'off',
        video: 'off',
        trace: { mode: traceMode, screenshots: false, snapshots: true, sources: true },
      },
    },
    { name: 'teardown', testMatch: /teardown\/.*\.spec\.ts/ },
  ],
  webServer: startSandbox
    ? {
        command: 'node --import tsx sandbox/main.ts',
        url: `http://127.0.0.1:${process.env.SANDBOX_PORT}/__sandbox/health`,
        reuseExistingServer: false,
        timeout: 30_000,
        stdout: 'ignore',
        stderr: 'pipe',
        // The suite's own sandbox answers uploads quickly; UAT's pace stays the sandbox default.
        env: {
          SANDBOX_HOST: '127.0.0.1',
          SANDBOX_PORT: process.env.SANDBOX_PORT!,
          SANDBOX_UPLOAD_RETRY_AFTER_MS: process.env.SANDBOX_UPLOAD_RETRY_AFTER_MS ?? '500',
          SANDBOX_UPLOAD_CHUNK_INTERVAL_MS: process.env.SANDBOX_UPLOAD_CHUNK_INTERVAL_MS ?? '10',
          // Checkout keeps polling an outcome for a moment, as in UAT, only faster.
          SANDBOX_CHECKOUT_OUTCOME_DELAY_MS: process.env.SANDBOX_CHECKOUT_OUTCOME_DELAY_MS ?? '600',
          SANDBOX_CHECKOUT_POLL_DELAY_MS: process.env.SANDBOX_CHECKOUT_POLL_DELAY_MS ?? '300',
        },
      }
    : undefined,
});
