// The bench works (issue 16): its pure parts, and one run of every section at the small size whose table
// and JSON must hold every figure with a number. No performance target is asserted here: the bench reports
// them (`npm run bench`), a test on a shared machine must not depend on them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { JSONReport } from '@playwright/test/reporter';
import { atLeast, atMost, printed, quantile, table, type BenchReport } from './figures.ts';
import { analyseRun, minimalTimeMs } from './run.ts';
import { SECTIONS } from './sections.ts';

test('figures judge their targets; the table shows yes, NO and — and each extra under its row', () => {
  assert.equal(atLeast('a', 50_000, 50_000, 'positions/s').met, true);
  assert.equal(atLeast('a', 49_999, 50_000, 'positions/s').met, false);
  assert.equal(atMost('b', 1.11, 1.1, '×').met, false);
  assert.equal(printed('c', 3, 's').met, undefined);
  const text = table([
    {
      section: 's',
      seconds: 1,
      figures: [atLeast('4 throughput', 60_000, 50_000, 'positions/s', 'detail'), atMost('1 ratio', 1.5, 1.1, '×'), printed('7 time', 12, 's')],
    },
    { section: 'broken', seconds: 0, figures: [], error: 'boom' },
  ]);
  const lines = text.split('\n');
  assert.match(lines[0]!, /^figure\s+measured\s+target\s+met\?$/);
  assert.match(lines[2]!, /^4 throughput\s+60 000 positions\/s\s+≥ 50 000 positions\/s\s+yes$/);
  assert.equal(lines[3]!.trim(), 'detail');
  assert.match(lines[4]!, /^1 ratio\s+1\.50 ×\s+≤ 1\.10 ×\s+NO$/);
  assert.match(lines[5]!, /^7 time\s+12 s\s+—\s+—$/);
  assert.match(text, /section broken failed: boom/);
});

test('quantiles interpolate between sorted values', () => {
  assert.equal(quantile([3, 1, 2], 0.5), 2);
  assert.equal(quantile([1, 2, 3, 4], 0.5), 2.5);
  assert.equal(
    quantile(
      Array.from({ length: 101 }, (_, i) => i),
      0.99,
    ),
    99,
  );
});

test('the UAT time a window limit allows: the first window at once, then one period per further window', () => {
  const gpd = { calls: 100, periodMs: 10_000 };
  assert.equal(minimalTimeMs(0, gpd), 0);
  assert.equal(minimalTimeMs(100, gpd), 0);
  assert.equal(minimalTimeMs(101, gpd), 10_000);
  assert.equal(minimalTimeMs(950, gpd), 90_000);
});

test("a run's bounds and calls per product come from its JSON report", () => {
  const at = (s: number) => new Date(Date.parse('2026-01-01T00:00:00Z') + s * 1000).toISOString();
  const result = (startS: number, durationS: number, titles: string[] = []) => ({
    startTime: at(startS),
    duration: durationS * 1000,
    status: 'passed',
    steps: [{ title: 'Create debt position', duration: 1, steps: titles.map((title) => ({ title, duration: 1 })) }],
  });
  const spec = (project: string, ...results: ReturnType<typeof result>[]) => ({
    title: 't',
    tests: results.map((r) => ({ projectName: project, results: [r] })),
  });
  const report = {
    config: { workers: 2 },
    stats: { startTime: at(0), duration: 20_000 },
    suites: [
      {
        specs: [spec('setup', result(1, 2, ['GET /gpd/debt-positions-service/v1/info → 200 (3 ms)']))],
        suites: [
          {
            specs: [
              spec(
                'api',
                result(3, 10, [
                  'POST /gpd/debt-positions-service/v1/organizations/1/debtpositions → 201 (5 ms) · Create debt position A',
                  'GET /__sandbox/clock → 200 (1 ms)',
                ]),
              ),
              spec('bulk', result(3, 4, ['POST /upload/gpd/debt-positions-service/v2/brokers/1/organizations/1/debtpositions/file → 429 (1 ms)'])),
              spec('teardown', result(14, 1)),
            ],
          },
        ],
      },
    ],
  } as unknown as JSONReport;
  const run = analyseRun(report);
  assert.equal(run.criticalMs, 2_000 + 10_000 + 1_000);
  assert.equal(run.workMs, 17_000);
  assert.equal(run.workers, 2);
  assert.equal(run.beforeMs, 1_000);
  assert.equal(run.afterMs, 5_000);
  assert.deepEqual(Object.fromEntries(run.calls), {
    gpd: { calls: 2, throttled: 0 },
    'sandbox-only': { calls: 1, throttled: 0 },
    upload: { calls: 1, throttled: 1 },
  });
});

test('`npm run bench -- --size small` prints one table and writes every figure with a number', { timeout: 10 * 60_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-test-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const out = join(dir, 'bench.json');
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/bench.ts', '--size', 'small', '--out', out], {
    maxBuffer: 16 * 1024 * 1024,
    timeout: 9 * 60_000,
  });
  const report = JSON.parse(readFileSync(out, 'utf8')) as BenchReport;
  assert.equal(report.size, 'small');
  assert.deepEqual(
    report.sections.map((s) => s.section),
    Object.keys(SECTIONS),
  );
  for (const section of report.sections) assert.equal(section.error, undefined, `section ${section.section}: ${section.error}`);
  const figures = report.sections.flatMap((s) => s.figures);
  for (const f of figures) {
    assert.ok(typeof f.measured === 'number' && Number.isFinite(f.measured), `${f.figure}: ${f.measured}`);
    assert.equal(f.met === undefined, f.target === undefined, `${f.figure}: a target goes with a verdict`);
    assert.ok(
      stdout.split('\n').some((line) => line.startsWith(`${f.figure}  `)),
      `${f.figure} is in the printed table`,
    );
  }
  // Every figure of issue 16, and the recorder's (issue 15).
  const numbers = new Set(figures.map((f) => f.figure.split(' ')[0]));
  for (const n of ['1', '2', '3', '4', '5', '6', '7', 'recorder']) assert.ok(numbers.has(n), `figure ${n} is measured`);
});
