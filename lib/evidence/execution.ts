// The machine-readable result of a run (`esecuzione.json` of the evidence pack): one entry per
// catalogue case, with its outcome, times, request ids and reason. The spreadsheet, the Markdown
// plan, the PDF summary and the Allure report's verdicts are all built from this one object.
import type { Area, OnboardingStep } from '../catalogue.ts';

/** The four outcomes of the shared test plan (Italian: they are the plan's words). */
export const OUTCOMES = ['Superato', 'Non superato', 'Problema di ambiente', 'Non eseguito'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** English names of the outcomes, shown second. */
export const OUTCOME_EN: Record<Outcome, string> = {
  Superato: 'Passed',
  'Non superato': 'Not passed',
  'Problema di ambiente': 'Environment problem',
  'Non eseguito': 'Not run',
};

/**
 * Why a case has its outcome: `nonconformance` (an assertion on the platform's answer failed),
 * `environment` (network, timeout, 502/503/504, 429 after the retries), `suite-defect` (an error
 * in the suite's own code: reported as Non superato, never hidden), `not-run` (skipped or absent).
 */
export type Verdict = 'passed' | 'nonconformance' | 'environment' | 'suite-defect' | 'not-run';

/**
 * Start of the reason of a case skipped because it does not apply to this EC (e.g. a GPD API version it does not
 * implement, issue 13): "Non eseguito — non applicabile" in the plan, and not a mandatory case missing from the gate.
 */
export const NOT_APPLICABLE = 'Non applicabile';

export const OUTCOME_OF: Record<Verdict, Outcome> = {
  passed: 'Superato',
  nonconformance: 'Non superato',
  'suite-defect': 'Non superato',
  environment: 'Problema di ambiente',
  'not-run': 'Non eseguito',
};

export interface Bilingual {
  it: string;
  en: string;
}

export interface CaseExecution {
  id: string;
  onboardingStep: OnboardingStep;
  area: Area;
  mandatory: boolean;
  title: Bilingual;
  preconditions: Bilingual;
  steps: { it: string[]; en: string[] };
  expected: Bilingual;
  outcome: Outcome;
  verdict: Verdict;
  /** ISO 8601 instants (UTC); absent when the case did not run. */
  start?: string;
  end?: string;
  durationMs?: number;
  /** `X-Request-Id` of every API call of the case, in call order. */
  requestIds: string[];
  /** Link to the case inside report.html (relative to the pack folder). */
  reportLink?: string;
  /** One line: the reason it was not run, or the failure. */
  note?: string;
  /** The documented difference between the platform and its published contract this case evidences. */
  knownDifference?: Bilingual & { source: string };
}

export interface RunEnvironment {
  runId: string;
  target: string;
  apiBaseUrl: string;
  checkoutUrl: string;
  ecFiscalCode: string;
  brokerCode: string;
  stationId: string;
  segregationCode: string;
  suiteVersion: string;
  playwrightVersion: string;
  nodeVersion: string;
  /** `sha256:…` of each configured key, by product; never a key. */
  keyFingerprints: Record<string, string>;
  /** The person responsible for the plan (`EVIDENCE_OWNER`), empty when not set. */
  owner: string;
  /** The run ids of the shards of a sharded run, merged into this one (absent for a single run). */
  shards?: string[];
  /** GPD_API_VERSIONS: the GPD API versions the EC implements, so the plan says why a version's cases did not run (issue 13). */
  gpdApiVersions?: string[];
  /** The EC's receipt endpoint the RT cases called (origin and path, no query), when configured (issue 14). */
  rtEndpoint?: string;
  /** Where the evidence comes from when it is not a suite run (issue 15: the recorded calls of the EC's software). */
  evidenceSource?: Bilingual;
}

export interface Execution {
  format: 'pagopa-async-conformance/esecuzione@1';
  generatedAt: string;
  /** Start of the run and its wall time (from Playwright's report). */
  startedAt: string;
  durationMs: number;
  environment: RunEnvironment;
  /** The plan's overall verdict: Superato only when every mandatory case passed. */
  verdict: { outcome: 'Superato' | 'Non superato'; mandatoryNotPassed: string[] };
  cases: CaseExecution[];
}
