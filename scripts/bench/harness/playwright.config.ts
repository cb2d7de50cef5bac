// The bench's own Playwright run (figure 1): one test, scripts/bench/harness/overhead.bench.ts, through
// the suite's real fixtures and the reporter that files their evidence (Allure). Resolved as the suite's
// config resolves a run; the sandbox is the bench's (API_BASE_URL), so no webServer.
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { resolveRun } from '../../../lib/config.ts';

if (!process.env.TEST_WORKER_INDEX) resolveRun();
const reports = process.env.REPORTS_DIR!;

export default defineConfig({
  testDir: '.',
  testMatch: 'overhead.bench.ts',
  workers: 1,
  retries: 0,
  timeout: 30 * 60_000,
  outputDir: join(reports, 'test-results'),
  reporter: [
    ['json', { outputFile: join(reports, 'playwright-results.json') }],
    ['allure-playwright', { resultsDir: join(reports, 'allure-results'), detail: true }],
  ],
});
