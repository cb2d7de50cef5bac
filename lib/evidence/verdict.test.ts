import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expect } from '@playwright/test';
import { request } from 'undici';
import { ALLURE_CATEGORIES, failureLine, verdictLabel, verdictOf } from './verdict.ts';
import { ApiClient, ENVIRONMENT_MARKER, EnvironmentError, closePools } from '../http/api-client.ts';
import { Redactor } from '../redact.ts';
import type { Verdict } from './execution.ts';

type TestError = { message?: string; stack?: string; value?: string };

/** The error a real call throws, as Playwright's reporter sees it. */
async function caught(run: () => unknown): Promise<TestError> {
  try {
    await run();
  } catch (error) {
    const e = error as Error;
    return { message: e.message, stack: e.stack };
  }
  throw new Error('expected the call to throw');
}

const assertionErrors: Array<[string, TestError]> = [
  ['expect().toBe', await caught(() => expect(1).toBe(2))],
  ['expect() with a custom message', await caught(() => expect(1, 'the status is 201').toBe(2))],
  ['expect().toEqual', await caught(() => expect({ a: 1 }).toEqual({ a: 2 }))],
  [
    'toPass timeout',
    await caught(() =>
      expect(async () => {
        throw new Error('not yet');
      }).toPass({ timeout: 50 }),
    ),
  ],
  ['expect.poll timeout', await caught(() => expect.poll(() => 1, { timeout: 50 }).toBe(2))],
  [
    'locator matcher (literal)',
    { message: "Error: expect(locator).toBeVisible() failed\n\nLocator: getByRole('button', { name: 'Paga' })\nExpected: visible\nTimeout: 5000ms" },
  ],
  ['custom matcher (literal)', { message: 'Error: the receipt is missing\n\nexpect(received).toHaveReceipt()' }],
];

const dead = new ApiClient({ baseUrl: 'http://127.0.0.1:1', timeoutMs: 2_000, redactor: new Redactor([]) });
const environmentErrors: Array<[string, TestError]> = [
  ['EnvironmentError from the client', await caught(() => dead.send({ method: 'GET', path: '/info' }))],
  ['marker only in the message', { message: `${ENVIRONMENT_MARKER}: GET /x (http://h): the gateway answered 503` }],
  ['EnvironmentError name only in the stack', { message: 'wrapped', stack: 'EnvironmentError: something\n    at ApiClient.send (api-client.ts:1:1)' }],
  ...[
    'net::ERR_NAME_NOT_RESOLVED',
    'net::ERR_CONNECTION_REFUSED',
    'net::ERR_CONNECTION_RESET',
    'net::ERR_CONNECTION_CLOSED',
    'net::ERR_CONNECTION_TIMED_OUT',
    'net::ERR_TIMED_OUT',
    'net::ERR_INTERNET_DISCONNECTED',
    'net::ERR_ADDRESS_UNREACHABLE',
    'net::ERR_CERT_AUTHORITY_INVALID',
    'net::ERR_SSL_PROTOCOL_ERROR',
  ].map((code): [string, TestError] => [code, { message: `page.goto: ${code} at http://127.0.0.1:1/\nCall log:\n  - navigating to "http://127.0.0.1:1/"` }]),
];
await closePools();

const defectErrors: Array<[string, TestError]> = [
  ['TypeError', await caught(() => (undefined as unknown as { x: () => void }).x())],
  ['ReferenceError', await caught(() => eval('notDefinedAnywhere'))],
  ['suite error', await caught(() => assert.fail('SANDBOX_PORT is not set'))],
  ['raw undici error (not wrapped by the client)', await caught(() => request('http://127.0.0.1:1/'))],
  ['thrown value', { value: '42' }],
];

test('a failed test is classified by its error', () => {
  const table: Array<[string, TestError, Verdict]> = [
    ...assertionErrors.map(([name, error]): [string, TestError, Verdict] => [name, error, 'nonconformance']),
    ...environmentErrors.map(([name, error]): [string, TestError, Verdict] => [name, error, 'environment']),
    ...defectErrors.map(([name, error]): [string, TestError, Verdict] => [name, error, 'suite-defect']),
  ];
  for (const [name, error, expected] of table) {
    assert.equal(verdictOf({ status: 'failed', errors: [error] }), expected, `${name}: ${JSON.stringify(error.message ?? error.value)}`);
  }
});

test('the status decides first: passed, skipped, interrupted, timedOut', () => {
  const [, assertion] = assertionErrors[0]!;
  assert.equal(verdictOf({ status: 'passed', errors: [] }), 'passed');
  assert.equal(verdictOf({ status: 'skipped', errors: [] }), 'not-run');
  assert.equal(verdictOf({ status: 'interrupted', errors: [assertion] }), 'not-run');
  assert.equal(verdictOf({ status: 'timedOut', errors: [{ message: 'Test timeout of 30000ms exceeded.' }] }), 'environment');
  assert.equal(verdictOf({ status: 'timedOut', errors: [{ message: 'Test timeout of 30000ms exceeded.' }, assertion] }), 'environment');
  assert.equal(verdictOf({ status: 'failed', errors: [] }), 'suite-defect');
});

test('with several errors environment wins over nonconformance, nonconformance over suite-defect', () => {
  const [, assertion] = assertionErrors[0]!;
  const [, environment] = environmentErrors[0]!;
  const [, defect] = defectErrors[0]!;
  assert.equal(verdictOf({ status: 'failed', errors: [assertion, environment] }), 'environment');
  assert.equal(verdictOf({ status: 'failed', errors: [defect, assertion, environment] }), 'environment');
  assert.equal(verdictOf({ status: 'failed', errors: [defect, assertion] }), 'nonconformance');
  assert.equal(verdictOf({ status: 'failed', errors: [assertion, defect] }), 'nonconformance');
  assert.equal(verdictOf({ status: 'failed', errors: [defect, defect] }), 'suite-defect');
});

test('an EnvironmentError caught inside toPass is still environment', async () => {
  const error = await caught(() =>
    expect(async () => {
      throw new EnvironmentError('gateway', 'GET /x (http://h): the gateway answered 503');
    }).toPass({ timeout: 50 }),
  );
  assert.equal(verdictOf({ status: 'failed', errors: [error] }), 'environment');
});

test('failureLine: the first lines of the first message joined, no ANSI, no Error: prefix, at most 300 chars', () => {
  assert.equal(failureLine([]), undefined);
  assert.equal(failureLine([{ message: '' }]), undefined);
  assert.equal(
    failureLine([{ message: '\u001b[2mexpect(\u001b[22m\u001b[31mreceived\u001b[39m).toBe()\nExpected: 2' }]),
    'expect(received).toBe() Expected: 2',
  );
  assert.equal(failureLine([{ message: '\n\n   Error: second line  \nthird' }, { message: 'other' }]), 'second line third');
  assert.equal(
    failureLine([{ message: `EnvironmentError: ${ENVIRONMENT_MARKER}: GET /x: no response\n    at send (api-client.ts:1:1)` }]),
    'GET /x: no response',
  );
  assert.equal(failureLine([{ value: 'thrown string' }]), 'thrown string');
  const long = failureLine([{ message: 'x'.repeat(1000) }]);
  assert.equal(long?.length, 300);
  const [, real] = assertionErrors[0]!;
  assert.equal(failureLine([real]), 'expect(received).toBe(expected) // Object.is equality Expected: 2 Received: 1');
});

test('verdict labels and the Allure categories built on them', () => {
  assert.equal(verdictLabel('environment'), 'Problema di ambiente');
  assert.equal(verdictLabel('nonconformance'), 'Non conformità');
  assert.equal(verdictLabel('suite-defect'), 'Difetto della suite');
  assert.equal(verdictLabel('passed'), 'Superato');
  assert.equal(verdictLabel('not-run'), 'Non eseguito');
  assert.deepEqual(ALLURE_CATEGORIES, [
    { name: 'Problemi di ambiente', matchers: { labels: { esito: 'Problema di ambiente' } } },
    { name: 'Non conformità della piattaforma', matchers: { labels: { esito: 'Non conformità' } } },
    { name: 'Difetti della suite', matchers: { labels: { esito: 'Difetto della suite' } } },
  ]);
});
