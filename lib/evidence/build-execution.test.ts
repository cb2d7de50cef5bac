// esecuzione.json from Playwright's JSON report: every catalogue case once, whatever the run held.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JSONReport } from '@playwright/test/reporter';
import { CATALOGUE } from '../catalogue.ts';
import { buildExecution, withReportLinks } from './build-execution.ts';
import type { RunEnvironment } from './execution.ts';
import { notApplicableReason } from '../gpd/api-versions.ts';

const environment = { runId: 'R1', target: 'sandbox', ecFiscalCode: '77777777777', keyFingerprints: {} } as unknown as RunEnvironment;
const body = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');

type Spec = {
  title: string;
  project: string;
  status: string;
  testStatus: string;
  errors?: Array<{ message: string }>;
  annotations?: Array<{ type: string; description?: string }>;
  rids?: string[];
  /** Request ids in the attachments of runs before the one attachment per call (`response.json`). */
  legacyRids?: string[];
};

function report(specs: Spec[]): JSONReport {
  return {
    stats: { startTime: '2026-07-01T10:00:00.000Z', duration: 5000, expected: 0, unexpected: 0, flaky: 0, skipped: 0 },
    suites: [
      {
        title: 'file.spec.ts',
        specs: specs.map((s) => ({
          title: s.title,
          tests: [
            {
              projectName: s.project,
              status: s.testStatus,
              annotations: s.annotations ?? [],
              results: [
                {
                  status: s.status,
                  startTime: '2026-07-01T10:00:01.000Z',
                  duration: 1500,
                  errors: s.errors ?? [],
                  annotations: [],
                  attachments: [
                    ...(s.rids ?? []).map((rid) => ({
                      name: 'exchange.json',
                      contentType: 'application/json',
                      body: body({ request: { method: 'GET', headers: { 'x-request-id': rid } }, response: { status: 200, requestId: rid } }),
                    })),
                    ...(s.legacyRids ?? []).map((rid) => ({
                      name: 'response.json',
                      contentType: 'application/json',
                      body: body({ status: 200, requestId: rid }),
                    })),
                  ],
                },
              ],
            },
          ],
        })),
        suites: [],
      },
    ],
  } as unknown as JSONReport;
}

test('passed, skipped with its reason, failed by an assertion, request ids in order, times', () => {
  const built = buildExecution({
    report: report([
      { title: '[ACC-03] key works', project: 'api', status: 'passed', testStatus: 'expected', rids: ['a', 'b'] },
      {
        title: '[ACC-05] receipts key',
        project: 'api',
        status: 'skipped',
        testStatus: 'skipped',
        annotations: [{ type: 'skip', description: 'Chiave non configurata' }],
      },
      {
        title: '[GPD-CRE-01] draft',
        project: 'api',
        status: 'failed',
        testStatus: 'unexpected',
        errors: [{ message: 'Error: expect(received).toBe(expected)\n\nExpected: 201' }],
      },
    ]),
    environment,
  });
  const execution = withReportLinks(
    built,
    new Map([
      ['ACC-03', 'report.html#x'],
      ['ACC-05', 'report.html#y'],
    ]),
  );
  assert.equal(execution.cases.find((e) => e.id === 'ACC-05')!.reportLink, undefined, 'a case that did not run has no link');
  assert.equal(execution.cases.length, CATALOGUE.length);
  const c = (id: string) => execution.cases.find((e) => e.id === id)!;
  assert.deepEqual([c('ACC-03').outcome, c('ACC-03').requestIds, c('ACC-03').reportLink], ['Superato', ['a', 'b'], 'report.html#x']);
  assert.equal(c('ACC-03').start, '2026-07-01T10:00:01.000Z');
  assert.equal(c('ACC-03').end, '2026-07-01T10:00:02.500Z');
  assert.deepEqual([c('ACC-05').outcome, c('ACC-05').note], ['Non eseguito', 'Chiave non configurata']);
  assert.equal(c('GPD-CRE-01').outcome, 'Non superato');
  assert.equal(c('GPD-CRE-01').note, 'expect(received).toBe(expected) Expected: 201');
  assert.equal(c('GPD-DEL-01').outcome, 'Non eseguito');
  assert.deepEqual(execution.verdict.outcome, 'Non superato');
  assert.ok(execution.verdict.mandatoryNotPassed.includes('GPD-CRE-01') && !execution.verdict.mandatoryNotPassed.includes('ACC-03'));
});

test('the request ids of a report written before the one attachment per call (response.json) are read too', () => {
  const execution = buildExecution({
    report: report([{ title: '[ACC-03] key works', project: 'api', status: 'passed', testStatus: 'expected', legacyRids: ['old-1', 'old-2'] }]),
    environment,
  });
  assert.deepEqual(execution.cases.find((e) => e.id === 'ACC-03')!.requestIds, ['old-1', 'old-2']);
});

test('a failed set-up: the cases it held back say so', () => {
  const execution = buildExecution({
    report: report([
      {
        title: 'configuration (.env) is complete and valid',
        project: 'setup',
        status: 'failed',
        testStatus: 'unexpected',
        errors: [{ message: 'ConfigError' }],
      },
      { title: '[ACC-03] key works', project: 'api', status: 'skipped', testStatus: 'skipped' },
    ]),
    environment,
  });
  assert.match(execution.cases.find((e) => e.id === 'ACC-03')!.note ?? '', /progetto "setup" non è stato superato/);
});

test('every mandatory case passed: the verdict is Superato', () => {
  const all = CATALOGUE.map((c) => ({ title: `[${c.id}] x`, project: 'api', status: 'passed', testStatus: 'expected' }));
  const execution = buildExecution({ report: report(all), environment });
  assert.deepEqual(execution.verdict, { outcome: 'Superato', mandatoryNotPassed: [] });
});

test('a case that does not apply (a GPD API version the EC does not use) is "Non eseguito — non applicabile", and the gate does not count it', () => {
  const reason = notApplicableReason('v1', ['v3'])!;
  const execution = buildExecution({
    report: report([
      { title: '[GPD-CRE-01] draft', project: 'api', status: 'skipped', testStatus: 'skipped', annotations: [{ type: 'skip', description: reason }] },
      {
        title: '[GPD-CRE-02] published',
        project: 'api',
        status: 'skipped',
        testStatus: 'skipped',
        annotations: [{ type: 'skip', description: 'Chiave non configurata' }],
      },
    ]),
    environment,
  });
  const c = (id: string) => execution.cases.find((e) => e.id === id)!;
  assert.deepEqual([c('GPD-CRE-01').outcome, c('GPD-CRE-01').note], ['Non eseguito', reason]);
  assert.match(c('GPD-CRE-01').note!, /^Non applicabile: /);
  assert.ok(!execution.verdict.mandatoryNotPassed.includes('GPD-CRE-01'), 'not applicable: not a mandatory case missing');
  assert.ok(execution.verdict.mandatoryNotPassed.includes('GPD-CRE-02'), 'skipped for a missing key: still missing');
});
