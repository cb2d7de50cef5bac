// The Playwright run of lib/evidence/exchange-steps.test.ts: exchange-steps.pw.ts with the reporters
// that read the evidence (JSON, Allure), into the folder EXCHANGE_STEPS_OUT.
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

const out = process.env.EXCHANGE_STEPS_OUT!;

export default defineConfig({
  testDir: '.',
  testMatch: 'exchange-steps.pw.ts',
  workers: 1,
  retries: 0,
  outputDir: join(out, 'test-results'),
  reporter: [
    ['json', { outputFile: join(out, 'playwright-results.json') }],
    ['allure-playwright', { resultsDir: join(out, 'allure-results'), detail: true }],
  ],
});
