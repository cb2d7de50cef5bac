// What one API call leaves in the evidence (SPEC §5, bench figure 1), read back from a real
// Playwright run of exchange-steps/exchange-steps.pw.ts with the JSON and Allure reporters: one step
// `METHOD path → status (ms) · business name` per call holding one attachment (request and response)
// and no other step when the call passes; a failing check fails that step with the same message
// as an `expect`/`expect.soft` always gave; an environment problem still leaves its exchange.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JSONReport, JSONReportTestResult, JSONReportTestStep } from '@playwright/test/reporter';
import { testRuns } from './build-execution.ts';
import { EXCHANGE_ATTACHMENT } from './exchange-evidence.ts';

const out = mkdtempSync(join(tmpdir(), 'exchange-steps-'));
const results = new Map<string, JSONReportTestResult>();
interface AllureStep {
  name: string;
  status?: string;
  steps: AllureStep[];
  attachments: Array<{ name: string }>;
}
const allure = new Map<string, { attachments: Array<{ name: string }>; steps: AllureStep[] }>();

before(async () => {
  const child = spawn(process.execPath, ['node_modules/@playwright/test/cli.js', 'test', '--config', 'lib/evidence/exchange-steps/playwright.config.ts'], {
    env: { ...process.env, EXCHANGE_STEPS_OUT: out, CI: '', TEST_WORKER_INDEX: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await once(child, 'exit');
  const report = JSON.parse(readFileSync(join(out, 'playwright-results.json'), 'utf8')) as JSONReport;
  for (const run of testRuns(report)) results.set(run.spec.title, run.result!);
  for (const file of readdirSync(join(out, 'allure-results')).filter((name) => name.endsWith('-result.json'))) {
    const result = JSON.parse(readFileSync(join(out, 'allure-results', file), 'utf8')) as { name: string; attachments: []; steps: AllureStep[] };
    allure.set(result.name, result);
  }
});

/** The steps of the test's body (not the hooks and fixtures around it). */
function bodySteps(title: string): JSONReportTestStep[] {
  return (results.get(title)?.steps ?? []).filter((step) => step.title !== 'Before Hooks' && step.title !== 'After Hooks');
}

test('a passing call is one step `METHOD path → status (ms) · business name` holding one attachment, and nothing else', () => {
  assert.equal(results.get('passing calls')?.status, 'passed');
  const steps = bodySteps('passing calls');
  assert.deepEqual(
    // The JSON report leaves attach steps out: no check step may show up inside.
    steps.map((step) => [step.title, (step.steps ?? []).map((inner) => inner.title)]),
    [
      ['GET /gpd/info → 200 (3 ms) · Service info', []],
      ['GET /gpd/info → 200 (3 ms) · Service info', []],
    ],
  );
  const attachments = results.get('passing calls')!.attachments.filter((a) => a.name === EXCHANGE_ATTACHMENT);
  assert.equal(attachments.length, 2);
  const { request, response } = JSON.parse(Buffer.from(attachments[0]!.body!, 'base64').toString('utf8')) as {
    request: { method: string; url: string; headers: Record<string, string> };
    response: { status: number; body: unknown; requestId: string; schema: { schema: string; valid: boolean } };
  };
  assert.deepEqual([request.method, request.url, request.headers['x-request-id']], ['GET', 'http://127.0.0.1:1/gpd/info', 'rid-sent-0001']);
  assert.deepEqual([response.status, response.body, response.requestId], [200, { name: 'gpd', version: '1' }, 'rid-sent-0001']);
  assert.deepEqual([response.schema.schema, response.schema.valid], ['gpd/AppInfo', true]);
});

/** Allure's tree of a test's body: each step's name, status, attachments and children (an attachment is a child of its own). */
function allureTree(steps: AllureStep[]): unknown[] {
  return steps
    .filter((step) => step.name !== 'Before Hooks' && step.name !== 'After Hooks')
    .map((step) => [step.name, step.status, step.attachments.map((a) => a.name), allureTree(step.steps)]);
}

test("Allure (every step shown, expect ones too) holds the call's step with its attachment, and nothing at the test's root", () => {
  const result = allure.get('passing calls')!;
  const call = ['GET /gpd/info → 200 (3 ms) · Service info', 'passed', [], [[EXCHANGE_ATTACHMENT, undefined, [EXCHANGE_ATTACHMENT], []]]];
  assert.deepEqual(allureTree(result.steps), [call, call]);
  assert.deepEqual(
    result.attachments.filter((a) => a.name === EXCHANGE_ATTACHMENT),
    [],
  );
});

/** The Allure tree of a call whose check `check` failed: the call's step failed, its attachment and the failed check in it. */
function failedCall(check: string): unknown[] {
  return [
    'GET /gpd/info → 200 (3 ms) · Service info',
    'failed',
    [],
    [
      [EXCHANGE_ATTACHMENT, undefined, [EXCHANGE_ATTACHMENT], []],
      [check, 'failed', [], []],
    ],
  ];
}

/** The one error of a test, ANSI stripped, and its Allure tree. */
function failure(title: string): { message: string; tree: unknown[] } {
  const result = results.get(title)!;
  assert.equal(result.status, 'failed', title);
  assert.equal(result.errors.length, 1, `${title}: ${result.errors.map((e) => e.message).join('\n')}`);
  // eslint-disable-next-line no-control-regex -- ANSI escapes start with ESC (0x1b)
  const message = (result.errors[0]!.message ?? '').replace(/\u001b\[[0-9;]*m/g, '');
  return { message, tree: allureTree(allure.get(title)?.steps ?? []).filter((step) => (step as string[])[0] !== 'error-context') };
}

test("an X-Request-Id not echoed fails the call's step with the same expect.soft message", () => {
  const { message, tree } = failure('X-Request-Id not echoed');
  assert.match(
    message,
    /^Error: GET 200 echoes the X-Request-Id sent\n\nexpect\(received\)\.toBe\(expected\) \/\/ Object\.is equality\n\nExpected: "rid-sent-0001"\nReceived: "rid-other-0002"/,
  );
  assert.deepEqual(tree, [failedCall('GET 200 echoes the X-Request-Id sent')]);
});

test("a response body off its schema fails the call's step with the same expect.soft message", () => {
  const { message, tree } = failure('response body against its schema');
  assert.match(message, /^Error: response body of GET 200 conforms to gpd\/AppInfo\n\nexpect\(received\)\.toEqual\(expected\)/);
  assert.match(message, /\/name: must be string/);
  assert.deepEqual(tree, [failedCall('response body of GET 200 conforms to gpd/AppInfo')]);
});

test('a request body off its schema stops the call before sending, with the same expect message', () => {
  const { message, tree } = failure('request body against its schema');
  // The failing check in a step of the business name (as every call had before): its error is boxed there.
  assert.deepEqual(tree, [['Delete positions', 'failed', [], [['request body conforms to gpd/MultipleIUPDModel before sending', 'failed', [], []]]]]);
  assert.match(message, /^Error: request body conforms to gpd\/MultipleIUPDModel before sending\n\nexpect\(received\)\.toEqual\(expected\)/);
  assert.deepEqual(
    bodySteps('request body against its schema').filter((step) => / → /.test(step.title)),
    [],
    'no call, no exchange step',
  );
});

test('an environment problem with an answer still leaves its exchange step, then fails the test with it', () => {
  const { message, tree } = failure('environment problem');
  assert.deepEqual(tree, [['GET /gpd/info → 502 (3 ms) · Service info', 'failed', [], [[EXCHANGE_ATTACHMENT, undefined, [EXCHANGE_ATTACHMENT], []]]]]);
  assert.match(message, /EnvironmentError|Problema di ambiente|502 from the gateway/);
  assert.deepEqual(
    bodySteps('environment problem').map((step) => step.title),
    ['GET /gpd/info → 502 (3 ms) · Service info'],
  );
});
