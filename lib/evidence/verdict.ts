// The one place that turns a Playwright test result into a verdict (execution.ts): an environment
// problem (unreachable target, timeout, gateway, throttling) must never read as a platform
// non-conformance. The Allure categories of the report are built from the same labels.
import type { CategoryRule } from '@allurereport/core-api';
import { ENVIRONMENT_MARKER } from '../http/api-client.ts';
import type { Verdict } from './execution.ts';

export interface TestResultLike {
  status: 'passed' | 'failed' | 'timedOut' | 'skipped' | 'interrupted';
  errors: TestErrorLike[];
}

export interface TestErrorLike {
  message?: string;
  stack?: string;
  value?: string;
}

const ENVIRONMENT_ERROR_NAME = /\bEnvironmentError\b/;
const BROWSER_NETWORK =
  /net::ERR_(NAME_NOT_RESOLVED|CONNECTION_REFUSED|CONNECTION_RESET|CONNECTION_CLOSED|CONNECTION_TIMED_OUT|TIMED_OUT|INTERNET_DISCONNECTED|ADDRESS_UNREACHABLE|CERT_\w+|SSL_\w+)\b/;
// Playwright's matcher messages name the matcher (`expect(received).toBe(expected)`, `expect(locator)…`);
// `toPass` and `expect.poll` end with their own timeout line instead when the predicate never passed.
const ASSERTION = /\bexpect(\.\w+)*\(|Timeout \d+ms exceeded while waiting on the predicate/;

function texts(error: TestErrorLike): string[] {
  return [error.message, error.stack, error.value].filter((t): t is string => typeof t === 'string');
}

function isEnvironment(error: TestErrorLike): boolean {
  return texts(error).some((t) => t.includes(ENVIRONMENT_MARKER) || ENVIRONMENT_ERROR_NAME.test(t) || BROWSER_NETWORK.test(t));
}

function isAssertion(error: TestErrorLike): boolean {
  return ASSERTION.test(stripAnsi(error.message ?? error.value ?? ''));
}

export function verdictOf(result: TestResultLike): Verdict {
  // passed → 'passed'.
  if (result.status === 'passed') return 'passed';
  // skipped or interrupted → 'not-run': the case produced no evidence either way.
  if (result.status === 'skipped' || result.status === 'interrupted') return 'not-run';
  // EnvironmentError (its marker or its name) or a browser network failure (net::ERR_…) in any error → 'environment'.
  if (result.errors.some(isEnvironment)) return 'environment';
  // timedOut (Playwright's test timeout) → 'environment': the target did not answer in time.
  if (result.status === 'timedOut') return 'environment';
  // An expect assertion (also soft, custom-matcher, expect.poll and toPass) in any error → 'nonconformance'.
  if (result.errors.some(isAssertion)) return 'nonconformance';
  // Anything else (TypeError, ReferenceError, an error of the suite's own code) → 'suite-defect'.
  return 'suite-defect';
}

// eslint-disable-next-line no-control-regex -- ANSI escapes start with ESC (0x1b)
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;

function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/** The first error as one line for the plan's note column: ANSI stripped, its first lines joined, ≤ 300 chars. */
export function failureLine(errors: readonly TestErrorLike[]): string | undefined {
  const first = errors[0];
  if (!first) return undefined;
  // The first lines say what failed and how ("expected HTTP 201, got: 200 …"): joined into one.
  const lines = stripAnsi(first.message ?? first.value ?? first.stack ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^at /.test(l));
  if (lines.length === 0) return undefined;
  const line = lines
    .slice(0, 4)
    .join(' ')
    .replace(/^(?:Environment)?Error: /, '')
    .replace(`${ENVIRONMENT_MARKER}: `, '');
  return line.slice(0, 300);
}

const LABELS: Record<Verdict, string> = {
  environment: 'Problema di ambiente',
  nonconformance: 'Non conformità',
  'suite-defect': 'Difetto della suite',
  passed: 'Superato',
  'not-run': 'Non eseguito',
};

/** The value of the `esito` label the evidence tool puts on each Allure result. */
export function verdictLabel(v: Verdict): string {
  return LABELS[v];
}

/** Allure 3 category rules of the report, matching the `esito` label (first match wins). */
export const ALLURE_CATEGORIES: CategoryRule[] = [
  { name: 'Problemi di ambiente', matchers: { labels: { esito: verdictLabel('environment') } } },
  { name: 'Non conformità della piattaforma', matchers: { labels: { esito: verdictLabel('nonconformance') } } },
  { name: 'Difetti della suite', matchers: { labels: { esito: verdictLabel('suite-defect') } } },
];
