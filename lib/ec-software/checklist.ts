// The live checklist of the EC's own software: the catalogue's cases that calls of an EC's software can
// evidence, by onboarding step, each done / not yet / done with problems, with the calls that evidence it and
// the advice for the problems. Built from a recording (monitor.ts); served as JSON and as a page
// (checklist-page.ts) by the sandbox and by the recording proxy.
import { CATALOGUE, ONBOARDING_STEPS, type Area, type OnboardingStep, type TestCase } from '../catalogue.ts';
import type { Bilingual } from '../evidence/execution.ts';
import type { Finding, RecordedCall } from './calls.ts';
import { PROVOKED_BY, type Recording, type RecordingSource } from './monitor.ts';

export const CHECKLIST_FORMAT = 'pagopa-async-conformance/checklist@1';

export type ItemStatus = 'done' | 'todo' | 'problems';

/**
 * Cases no call of the EC's software can evidence, with the reason: they are the suite's (payment on Checkout,
 * the gateway's handling of encoded paths, the reconciliation ledger across runs).
 */
export const NOT_EVIDENCEABLE: Record<string, Bilingual> = {
  'ACC-06': { it: 'Verifica del gateway con percorsi codificati: la esegue la suite', en: "A check of the gateway with encoded paths: the suite's" },
  'FDR-04': { it: 'Riconciliazione su più esecuzioni con il registro della suite', en: "Reconciliation over several runs with the suite's ledger" },
};
const notEvidenceable = (entry: TestCase): Bilingual | undefined =>
  NOT_EVIDENCEABLE[entry.id] ??
  (entry.area === 'PAY'
    ? {
        it: "Pagamento su Checkout: lo fa il pagatore, non il software dell'EC (eseguire la suite)",
        en: "Payment on Checkout: the payer's, not the EC's software (run the suite)",
      }
    : undefined);

export interface CallRef {
  seq: number;
  at: string;
  method: string;
  url: string;
  status: number;
  requestId: string;
}

export interface ItemProblem extends CallRef {
  findings: Finding[];
}

export interface ChecklistItem {
  id: string;
  area: Area;
  mandatory: boolean;
  title: Bilingual;
  status: ItemStatus;
  /** The calls that evidence it, oldest first. */
  calls: CallRef[];
  /** The evidencing calls with problems that are not the case's point, with their advice. */
  problems: ItemProblem[];
}

export interface ChecklistStep {
  step: OnboardingStep;
  title: Bilingual;
  items: ChecklistItem[];
}

export interface Checklist {
  format: typeof CHECKLIST_FORMAT;
  source: RecordingSource;
  generatedAt: string;
  calls: number;
  counts: Record<ItemStatus, number>;
  steps: ChecklistStep[];
  /** Every call with a finding, whatever case it evidences (also none). */
  problems: ItemProblem[];
  /** Cases left to the suite, with the reason. */
  notEvidenceable: { id: string; title: Bilingual; reason: Bilingual }[];
}

export const refOf = (call: RecordedCall): CallRef => ({
  seq: call.seq,
  at: call.at,
  method: call.method,
  url: call.url,
  status: call.response.status,
  requestId: call.requestId,
});

/** The findings of a call that are a problem for a case (a refusal the case is about is its evidence, not a problem). */
export function problemsFor(caseId: string, call: RecordedCall): Finding[] {
  // An access case is about the key and the gateway: what the body of the call did wrong is another case's.
  if (caseId.startsWith('ACC-')) return [];
  const provoked = PROVOKED_BY[caseId] ?? [];
  return call.findings.filter((f) => !provoked.includes(f.code));
}

/** One case's state in a recording: its calls, its problems and its status. */
export function caseState(entry: TestCase, calls: readonly RecordedCall[]): ChecklistItem {
  const evidence = calls.filter((call) => call.cases.includes(entry.id));
  const problems = evidence.map((call) => ({ ...refOf(call), findings: problemsFor(entry.id, call) })).filter((p) => p.findings.length > 0);
  return {
    id: entry.id,
    area: entry.area,
    mandatory: entry.mandatory,
    title: entry.title,
    status: evidence.length === 0 ? 'todo' : problems.length > 0 ? 'problems' : 'done',
    calls: evidence.map(refOf),
    problems,
  };
}

export function buildChecklist(recording: Recording, now = new Date()): Checklist {
  const steps = new Map<OnboardingStep, ChecklistStep>();
  const counts: Record<ItemStatus, number> = { done: 0, todo: 0, problems: 0 };
  const left: Checklist['notEvidenceable'] = [];
  for (const entry of CATALOGUE) {
    const reason = notEvidenceable(entry);
    if (reason) {
      left.push({ id: entry.id, title: entry.title, reason });
      continue;
    }
    const item = caseState(entry, recording.calls);
    counts[item.status] += 1;
    let step = steps.get(entry.onboardingStep);
    if (!step) steps.set(entry.onboardingStep, (step = { step: entry.onboardingStep, title: ONBOARDING_STEPS[entry.onboardingStep], items: [] }));
    step.items.push(item);
  }
  return {
    format: CHECKLIST_FORMAT,
    source: recording.source,
    generatedAt: now.toISOString(),
    calls: recording.calls.length,
    counts,
    steps: [...steps.values()].sort((a, b) => a.step - b.step),
    problems: recording.calls.filter((call) => call.findings.length > 0).map((call) => ({ ...refOf(call), findings: call.findings })),
    notEvidenceable: left,
  };
}

/** Whether a case id is one an EC's software can evidence (the checklist's items). */
export function isEvidenceable(entry: TestCase): boolean {
  return notEvidenceable(entry) === undefined;
}

export { notEvidenceable };
