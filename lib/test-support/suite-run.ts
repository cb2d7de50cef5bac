// For the project's own tests that run the real suite as a child process against a sandbox (or a defective
// platform in front of one) living in the test's process: the child's environment and its results.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = 'node_modules/@playwright/test/cli.js';

export interface CaseResult {
  title: string;
  /** Playwright's: expected, unexpected, skipped, flaky. */
  status: string;
  /** Annotations (skip reasons) and error messages, one per line. */
  messages: string;
}

export interface SuiteRun {
  exit: number | null;
  results: CaseResult[];
  /** The result of the case whose title starts with `[id]`. */
  byId(id: string): CaseResult;
}

interface JsonSuite {
  suites?: JsonSuite[];
  specs?: {
    title: string;
    tests: { status: string; annotations: { type: string; description?: string }[]; results: { errors: { message?: string }[] }[] }[];
  }[];
}

/**
 * Runs `playwright test <args>` on the sandbox target at `apiUrl` with the given settings (keys among them), no
 * `.env`, its outputs in a fresh folder; resolves when it exits, without blocking this process (the sandbox
 * the child talks to lives here).
 */
export async function runSuite(args: string[], apiUrl: string, settings: Record<string, string>, timeoutMs = 150_000): Promise<SuiteRun> {
  const reportsDir = mkdtempSync(join(tmpdir(), 'suite-run-'));
  const env = {
    ...process.env,
    DOTENV_CONFIG_PATH: '/nonexistent/.env',
    CI: '',
    TEST_WORKER_INDEX: '',
    REPORTS_DIR: reportsDir,
    TARGET: 'sandbox',
    API_BASE_URL: apiUrl,
    CHECKOUT_URL: apiUrl,
    EVIDENCE_HISTORY: '',
    WORKERS: '2',
    ...settings,
  };
  const exit = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [CLI, 'test', ...args], { env, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (status) => {
      clearTimeout(timer);
      resolve(status);
    });
  });
  const report = JSON.parse(readFileSync(join(reportsDir, 'playwright-results.json'), 'utf8')) as JsonSuite;
  const walk = (suite: JsonSuite): CaseResult[] => [
    ...(suite.suites ?? []).flatMap(walk),
    ...(suite.specs ?? []).flatMap((spec) =>
      spec.tests.map((t) => ({
        title: spec.title,
        status: t.status,
        messages: [...t.annotations.map((a) => a.description ?? ''), ...t.results.flatMap((r) => r.errors.map((e) => e.message ?? ''))].join('\n'),
      })),
    ),
  ];
  const results = walk(report);
  return {
    exit,
    results,
    byId: (id) => {
      const found = results.find((r) => r.title.startsWith(`[${id}]`));
      if (!found) throw new Error(`no result for ${id} among ${results.map((r) => r.title).join(' | ')}`);
      return found;
    },
  };
}
