import { rmSync } from 'node:fs';
import { defineConfig, chromium } from '@playwright/test';
import { resolveRun, rtReceiverEnv, runConfig, sandboxEnv, SANDBOX_HOST } from './lib/config.ts';
import { resolveChromium, type ChromiumChoice } from './lib/browser.ts';
import { acquireRunLock, releaseRunLock, RunInProgressError } from './lib/run/run-lock.ts';
import { outputPaths } from './lib/run/output-paths.ts';
import { environmentBlock, runEnvironment, writeRunInfo } from './lib/run/run-info.ts';

// Playwright evaluates this file in the runner and again in every worker. The runner resolves the run once
// (`.env`, run id, generated sandbox keys, free port: lib/config.ts `resolveRun`) into its environment, which
// workers inherit; a worker only reads those values (`runConfig`, the same parse the `config` fixture answers).
// A broken configuration must not stop Playwright from starting: the `setup` project reports it.
const runner = !process.env.TEST_WORKER_INDEX;
const { config } = runner ? resolveRun() : runConfig();
const outputs = outputPaths();
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
// Only the runner's reporters write the environment: workers need not read the versions again.
const environment = runner && config ? runEnvironment(config) : undefined;
if (environment) writeRunInfo(outputs.runInfo, environment);

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

// A sandbox started by hand (API_BASE_URL set) is used as it is.
const ownSandbox = process.env.API_BASE_URL ? undefined : config?.sandbox;

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // API cases wait on the network, not the CPU; the run's shared allowance keeps all workers under the key's limit.
  workers: Number(process.env.WORKERS || 4),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: outputs.testResults,
  // One allowance of platform calls per key for the whole run, handed out to the workers as they need it.
  globalSetup: './lib/run/shared-allowance-setup.ts',
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
    // gpd-v3: GPD v3 (payment plans, issue 13), run when GPD_API_VERSIONS includes v3.
    { name: 'api', testMatch: /(access|gpd|gpd-v3)\/.*\.spec\.ts/, dependencies: ['setup'] },
    // An upload is processed asynchronously: allow for two of them per test within UPLOAD_TIMEOUT_MS.
    { name: 'bulk', testMatch: /bulk\/.*\.spec\.ts/, dependencies: ['setup'], timeout: 2 * (config?.bulk.uploadTimeoutMs ?? 900_000) + 60_000 },
    { name: 'receipts', testMatch: /receipts\/.*\.spec\.ts/, dependencies: ['setup'] },
    // Reporting flows (FdR); the case that pays a notice and finds it in a flow is in the browser project.
    { name: 'fdr', testMatch: /fdr\/.*\.spec\.ts/, dependencies: ['setup'] },
    // The EC's receipt endpoint (paSendRT/V2): the suite plays the Node (issue 14).
    { name: 'rt', testMatch: /tests\/rt\/.*\.spec\.ts/, dependencies: ['setup'] },
    // The browser project: Checkout payments. UAT's outcome may take two minutes (pagoPA's own suites
    // wait 120 s). No screencast in traces and no automatic screenshots: the card fields would show in
    // them; the page objects attach screenshots with the card fields masked.
    {
      name: 'checkout',
      testMatch: /checkout\/.*\.spec\.ts/,
      dependencies: ['setup'],
      timeout: 300_000,
      use: {
        // A stuck click or page load fails within a minute, naming what it waited for, instead of using up the
        // case's five minutes (which only the outcome's polling may need).
        actionTimeout: 30_000,
        navigationTimeout: 60_000,
        viewport: { width: 1200, height: 907 },
        screenshot: 'off',
        video: 'off',
        trace: { mode: traceMode, screenshots: false, snapshots: true, sources: true },
      },
    },
    { name: 'teardown', testMatch: /teardown\/.*\.spec\.ts/ },
  ],
  webServer: [
    ...(config && ownSandbox
      ? [
          {
            command: 'node --import tsx sandbox/main.ts',
            url: `http://${SANDBOX_HOST}:${ownSandbox.port}/__sandbox/health`,
            reuseExistingServer: false,
            timeout: 30_000,
            stdout: 'ignore' as const,
            stderr: 'pipe' as const,
            // Everything the sandbox reads, from the resolved configuration (keys shown as fingerprints in reports).
            env: sandboxEnv(config),
          },
        ]
      : []),
    // The example receipt receiver (examples/rt-receiver) the RT cases and the sandbox's receipt push use on the
    // suite's own sandbox, when no EC endpoint is configured (issue 14).
    ...(config && ownSandbox && config.rt.receiverPort
      ? [
          {
            command: 'node --import tsx examples/rt-receiver/main.ts',
            url: `http://${SANDBOX_HOST}:${config.rt.receiverPort}/health`,
            reuseExistingServer: false,
            timeout: 30_000,
            stdout: 'ignore' as const,
            stderr: 'pipe' as const,
            env: rtReceiverEnv(config),
          },
        ]
      : []),
  ],
});
