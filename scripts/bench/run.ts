// Figures 3, 6 and 7 from one offline run of the suite (`playwright test`, every project; at the small
// size the receipts project and its setup/teardown), its outputs in the bench's scratch folder:
// 3. wall time ÷ max(critical path, total work ÷ workers), from the run's own JSON report: the critical
//    path is the setup project's span + the longest other test + the teardown project's span;
// 6. the evidence pack built from that run (lib/evidence/pack.ts, as `npm run evidence`): build time, sizes;
// 7. the calls the run made per product (its exchange steps, `METHOD /path → status (ms)`), and the
//    shortest time the platform's limits allow for them on UAT, next to the sandbox's wall time.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JSONReport, JSONReportSuite, JSONReportTestResult, JSONReportTestStep } from '@playwright/test/reporter';
import { buildPack } from '../../lib/evidence/pack.ts';
import { outputPaths } from '../../lib/run/output-paths.ts';
import { atMost, printed, type Figure, type Section } from './figures.ts';

const MB = 1024 * 1024;

/** The APIs a run calls, by path prefix; `limit` is the platform's per-key allowance (issue 16), if documented. */
const PRODUCTS: { prefix: string; product: string; limit?: { calls: number; periodMs: number } }[] = [
  { prefix: '/gpd/debt-positions-service/', product: 'gpd', limit: { calls: 100, periodMs: 10_000 } },
  { prefix: '/upload/gpd/', product: 'upload', limit: { calls: 10, periodMs: 1_000 } },
  { prefix: '/gpd/payments-receipts-service/', product: 'gpd-receipts' },
  { prefix: '/fdr-org/', product: 'fdr' },
  { prefix: '/bizevents/', product: 'biz' },
  // The Node's internal API and the sandbox's control API: no EC key calls them on UAT.
  { prefix: '/gpd/api/', product: 'sandbox-only' },
  { prefix: '/__sandbox/', product: 'sandbox-only' },
];
const EXCHANGE_STEP = /^(GET|POST|PUT|DELETE|PATCH) (\/\S*) → (\d{3}) \(/;

interface TimedResult {
  project: string;
  start: number;
  duration: number;
}

function* results(suites: JSONReportSuite[] | undefined): Generator<{ project: string; result: JSONReportTestResult }> {
  for (const suite of suites ?? []) {
    for (const spec of suite.specs) for (const t of spec.tests) for (const result of t.results) yield { project: t.projectName, result };
    yield* results(suite.suites);
  }
}

function* exchangeSteps(steps: JSONReportTestStep[] | undefined): Generator<{ path: string; status: number }> {
  for (const step of steps ?? []) {
    const match = EXCHANGE_STEP.exec(step.title);
    if (match) yield { path: match[2]!, status: Number(match[3]) };
    yield* exchangeSteps(step.steps);
  }
}

/** Span of a project's results (first start to last end), 0 when it did not run. */
function span(timed: TimedResult[], project: string): number {
  const own = timed.filter((t) => t.project === project);
  if (own.length === 0) return 0;
  return Math.max(...own.map((t) => t.start + t.duration)) - Math.min(...own.map((t) => t.start));
}

/** The shortest time in which `calls` calls fit a window limit: the first `limit.calls` at once, then one window per batch. */
export function minimalTimeMs(calls: number, limit: { calls: number; periodMs: number }): number {
  return calls <= 0 ? 0 : (Math.ceil(calls / limit.calls) - 1) * limit.periodMs;
}

export function analyseRun(report: JSONReport): {
  wallMs: number;
  workers: number;
  criticalMs: number;
  workMs: number;
  tests: number;
  failed: number;
  /** From the run's start to its first test, and from its last test's end to the run's end (web server, workers, reporters). */
  beforeMs: number;
  afterMs: number;
  calls: Map<string, { calls: number; throttled: number }>;
} {
  const timed: TimedResult[] = [];
  const calls = new Map<string, { calls: number; throttled: number }>();
  let failed = 0;
  for (const { project, result } of results(report.suites)) {
    timed.push({ project, start: Date.parse(result.startTime), duration: result.duration });
    if (result.status !== 'passed' && result.status !== 'skipped') failed += 1;
    for (const exchange of exchangeSteps(result.steps)) {
      const product = PRODUCTS.find((p) => exchange.path.startsWith(p.prefix))?.product ?? 'other';
      const entry = calls.get(product) ?? { calls: 0, throttled: 0 };
      entry.calls += 1;
      if (exchange.status === 429) entry.throttled += 1;
      calls.set(product, entry);
    }
  }
  const longest = Math.max(0, ...timed.filter((t) => t.project !== 'setup' && t.project !== 'teardown').map((t) => t.duration));
  return {
    wallMs: report.stats.duration,
    workers: report.config.workers,
    criticalMs: span(timed, 'setup') + longest + span(timed, 'teardown'),
    workMs: timed.reduce((sum, t) => sum + t.duration, 0),
    tests: timed.length,
    failed,
    beforeMs: timed.length === 0 ? 0 : Math.min(...timed.map((t) => t.start)) - Date.parse(report.stats.startTime),
    afterMs: timed.length === 0 ? 0 : Date.parse(report.stats.startTime) + report.stats.duration - Math.max(...timed.map((t) => t.start + t.duration)),
    calls,
  };
}

export const benchRun: Section = async (context): Promise<Figure[]> => {
  const reports = join(context.workDir, 'run');
  const projects = context.size === 'small' ? ['--project=receipts'] : [];
  context.progress(`the suite on its own sandbox (${projects.length > 0 ? projects.join(' ') : 'every project'}), outputs in a scratch folder`);
  const { RUN_ID: _ownRunId, API_BASE_URL: _ownSandbox, CHECKOUT_URL: _ownCheckout, ...inherited } = process.env; // the run resolves its own
  const child = spawn(process.execPath, ['node_modules/@playwright/test/cli.js', 'test', ...projects], {
    env: {
      ...inherited,
      DOTENV_CONFIG_PATH: '/nonexistent/.env',
      CI: '',
      TEST_WORKER_INDEX: '',
      TARGET: 'sandbox',
      REPORTS_DIR: reports,
      EVIDENCE_HISTORY: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await once(child, 'exit');
  const paths = outputPaths({ REPORTS_DIR: reports });
  const report = JSON.parse(readFileSync(paths.playwrightJson, 'utf8')) as JSONReport;
  const run = analyseRun(report);

  const bound = Math.max(run.criticalMs, run.workMs / run.workers);
  const figures: Figure[] = [
    atMost(
      '3 run wall ÷ max(critical path, work ÷ workers)',
      run.wallMs / bound,
      1.5,
      '×',
      `${run.tests} tests (${run.failed} not passed), ${run.workers} workers: wall ${(run.wallMs / 1000).toFixed(1)} s, critical path ${(run.criticalMs / 1000).toFixed(1)} s, work ÷ workers ${(run.workMs / run.workers / 1000).toFixed(1)} s; ${(run.beforeMs / 1000).toFixed(1)} s before the first test, ${(run.afterMs / 1000).toFixed(1)} s after the last`,
    ),
  ];

  const previous = { owner: process.env.EVIDENCE_OWNER, history: process.env.EVIDENCE_HISTORY };
  process.env.EVIDENCE_OWNER = 'bench';
  process.env.EVIDENCE_HISTORY = '';
  try {
    const started = performance.now();
    const pack = await buildPack({ paths });
    const seconds = (performance.now() - started) / 1000;
    const total = Object.values(pack.sizes).reduce((sum, bytes) => sum + bytes, 0);
    figures.push(
      atMost('6 evidence pack build time', seconds, 10, 's', `${pack.execution.cases.length} cases; pack ${(total / MB).toFixed(1)} MB`),
      printed(
        '6 report size (report.html)',
        pack.sizes['report.html'] / MB,
        'MB',
        `run's JSON report ${(readFileSync(paths.playwrightJson).length / MB).toFixed(1)} MB`,
      ),
    );
  } finally {
    process.env.EVIDENCE_OWNER = previous.owner;
    process.env.EVIDENCE_HISTORY = previous.history;
    if (previous.owner === undefined) delete process.env.EVIDENCE_OWNER;
    if (previous.history === undefined) delete process.env.EVIDENCE_HISTORY;
  }

  const perProduct = [...run.calls].sort(([a], [b]) => a.localeCompare(b));
  const limited = PRODUCTS.filter((p) => p.limit).map((p) => ({ ...p, calls: run.calls.get(p.product)?.calls ?? 0 }));
  const uatMs = Math.max(0, ...limited.map((p) => minimalTimeMs(p.calls, p.limit!)));
  figures.push(
    printed(
      '7 UAT run time the limits allow',
      uatMs / 1000,
      's',
      `sandbox wall ${(run.wallMs / 1000).toFixed(1)} s; calls ${perProduct.map(([product, c]) => `${product} ${c.calls}${c.throttled ? ` (${c.throttled} × 429)` : ''}`).join(', ')}; limits per key: ${limited.map((p) => `${p.product} ${p.limit!.calls}/${p.limit!.periodMs / 1000} s`).join(', ')} (Checkout's and UAT's own latencies not included)`,
    ),
  );
  return figures;
};
