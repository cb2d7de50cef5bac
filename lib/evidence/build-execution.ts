// Builds `esecuzione.json` from Playwright's JSON report (the source of every outcome), the
// catalogue (every case exactly once, run or not) and the run's environment.
import type { JSONReport, JSONReportSpec, JSONReportSuite, JSONReportTest, JSONReportTestResult } from '@playwright/test/reporter';
import { CATALOGUE, caseIdOfTitle, type TestCase } from '../catalogue.ts';
import { knownDifferenceOf } from '../known-differences.ts';
import { EXCHANGE_ATTACHMENT } from './exchange-evidence.ts';
import { failureLine, verdictOf } from './verdict.ts';
import { NOT_APPLICABLE, OUTCOME_OF, type CaseExecution, type Execution, type RunEnvironment, type Verdict } from './execution.ts';

export interface TestRun {
  spec: JSONReportSpec;
  test: JSONReportTest;
  /** The last attempt (retries replace earlier ones). */
  result: JSONReportTestResult | undefined;
}

/** Every test of the report, by its title's case id; tests without an id (setup, teardown) under ''. */
export function testRuns(report: JSONReport): TestRun[] {
  const runs: TestRun[] = [];
  const visit = (suite: JSONReportSuite) => {
    for (const spec of suite.specs) for (const test of spec.tests) runs.push({ spec, test, result: test.results.at(-1) });
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of report.suites) visit(suite);
  return runs;
}

const STATUS: Record<string, 'passed' | 'failed' | 'timedOut' | 'skipped' | 'interrupted'> = {
  passed: 'passed',
  failed: 'failed',
  timedOut: 'timedOut',
  skipped: 'skipped',
  interrupted: 'interrupted',
};

export function verdictOfRun(run: TestRun): Verdict {
  if (!run.result) return 'not-run';
  // A test expected to fail (test.fail) that failed passed: Playwright's own verdict decides.
  if (run.test.status === 'expected' || run.test.status === 'flaky') return run.result.status === 'skipped' ? 'not-run' : 'passed';
  return verdictOf({ status: STATUS[run.result.status ?? 'failed'] ?? 'failed', errors: run.result.errors });
}

/** The attachment that held a call's response before `exchange.json` (reports of earlier runs). */
const LEGACY_RESPONSE_ATTACHMENT = 'response.json';

/** `X-Request-Id` of every API call, from the `exchange.json` attachments of the evidence steps (`response.json` in earlier runs). */
export function requestIdsOf(result: JSONReportTestResult | undefined): string[] {
  const ids: string[] = [];
  for (const attachment of result?.attachments ?? []) {
    const combined = attachment.name === EXCHANGE_ATTACHMENT;
    if ((!combined && attachment.name !== LEGACY_RESPONSE_ATTACHMENT) || !attachment.body) continue;
    try {
      const parsed = JSON.parse(Buffer.from(attachment.body, 'base64').toString('utf8')) as { requestId?: unknown; response?: { requestId?: unknown } };
      const requestId = combined ? parsed.response?.requestId : parsed.requestId;
      if (typeof requestId === 'string' && requestId) ids.push(requestId);
    } catch {
      // not one of ours
    }
  }
  return ids;
}

const NOTE_PREFIX: Partial<Record<Verdict, string>> = {
  environment: 'Problema di ambiente, non una non conformità',
  'suite-defect': 'Errore della suite, non della piattaforma',
};

function notRunReason(run: TestRun | undefined, setupFailed: boolean): string {
  if (!run) return 'Non eseguito in questa esecuzione (escluso dai filtri --grep, --project o --shard).';
  const skip = [...(run.result?.annotations ?? []), ...run.test.annotations].find((a) => a.type === 'skip' || a.type === 'fixme');
  if (skip?.description) return skip.description;
  if (run.result?.status === 'interrupted') return 'Esecuzione interrotta prima della fine del caso.';
  if (!run.result || run.test.status === 'skipped')
    return setupFailed ? 'Non eseguito: il progetto "setup" non è stato superato (configurazione o raggiungibilità).' : 'Non eseguito.';
  return 'Non eseguito.';
}

function caseExecution(entry: TestCase, run: TestRun | undefined, setupFailed: boolean): CaseExecution {
  const verdict = run ? verdictOfRun(run) : 'not-run';
  const ran = run?.result && run.result.status !== 'skipped';
  const start = ran ? new Date(run.result!.startTime) : undefined;
  const failure = verdict === 'passed' || verdict === 'not-run' ? undefined : failureLine(run!.result!.errors);
  const note =
    verdict === 'not-run' ? notRunReason(run, setupFailed) : failure ? (NOTE_PREFIX[verdict] ? `${NOTE_PREFIX[verdict]}: ${failure}` : failure) : undefined;
  return {
    ...catalogueFields(entry),
    outcome: OUTCOME_OF[verdict],
    verdict,
    ...(start
      ? { start: start.toISOString(), end: new Date(start.getTime() + run!.result!.duration).toISOString(), durationMs: Math.round(run!.result!.duration) }
      : {}),
    requestIds: requestIdsOf(run?.result),
    ...(note ? { note } : {}),
    ...knownDifferenceField(entry.id),
  };
}

/** What a case's execution carries from the catalogue: the same for a suite run and a recording of the EC's software. */
export function catalogueFields(
  entry: TestCase,
): Pick<CaseExecution, 'id' | 'onboardingStep' | 'area' | 'mandatory' | 'title' | 'preconditions' | 'steps' | 'expected'> {
  const { id, onboardingStep, area, mandatory, title, preconditions, steps, expected } = entry;
  return { id, onboardingStep, area, mandatory, title, preconditions, steps, expected };
}

/** The case's known difference from the published contracts, as esecuzione.json carries it (nothing when none). */
export function knownDifferenceField(caseId: string): Pick<CaseExecution, 'knownDifference'> {
  const known = knownDifferenceOf(caseId);
  return known ? { knownDifference: { it: known.it, en: known.en, source: known.source } } : {};
}

export interface BuildInput {
  report: JSONReport;
  environment: RunEnvironment;
  now?: Date;
}

export function buildExecution({ report, environment, now = new Date() }: BuildInput): Execution {
  const runs = testRuns(report);
  const byCase = new Map<string, TestRun>();
  for (const run of runs) {
    const id = caseIdOfTitle(run.spec.title);
    if (id) byCase.set(id, run);
  }
  const setupFailed = runs.some((run) => run.test.projectName === 'setup' && run.test.status === 'unexpected');
  const cases = CATALOGUE.map((entry) => caseExecution(entry, byCase.get(entry.id), setupFailed));
  const notApplicable = (c: CaseExecution) => c.outcome === 'Non eseguito' && (c.note ?? '').startsWith(NOT_APPLICABLE);
  const mandatoryNotPassed = cases.filter((c) => c.mandatory && c.outcome !== 'Superato' && !notApplicable(c)).map((c) => c.id);
  return {
    format: 'pagopa-async-conformance/esecuzione@1',
    generatedAt: now.toISOString(),
    startedAt: new Date(report.stats.startTime).toISOString(),
    durationMs: Math.round(report.stats.duration),
    environment,
    verdict: { outcome: mandatoryNotPassed.length === 0 ? 'Superato' : 'Non superato', mandatoryNotPassed },
    cases,
  };
}

/** The same execution with each case that ran linked to its page in report.html (case id → link). */
export function withReportLinks(execution: Execution, links: Map<string, string>): Execution {
  return { ...execution, cases: execution.cases.map((c) => (c.start && links.has(c.id) ? { ...c, reportLink: links.get(c.id)! } : c)) };
}
