// The Allure 3 report of the evidence pack: one HTML file, in Italian, whose tree is the test plan
// (onboarding step → area → case), with the verdicts of esecuzione.json (an environment problem is
// "broken", never "failed"), Italian categories, a quality gate on the mandatory cases and, when
// asked, the history of earlier runs.
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { AllureReport, resolveConfig } from '@allurereport/core';
import type { QualityGateValidationResult } from '@allurereport/plugin-api';
import type { TestResult } from '@allurereport/core-api';
import { LABEL } from './case-metadata.ts';
import { ALLURE_CATEGORIES, verdictLabel, verdictOf } from './verdict.ts';
import type { Verdict } from './execution.ts';

/** Labels that say nothing to a reviewer: Playwright's reporter's own, and those the tree and the name already show
 * (parentSuite and suite stay: a hidden label no longer groups the tree). */
export const HIDDEN_LABELS = ['language', 'framework', 'host', 'thread', 'package', 'titlePath', '_fallbackTestCaseId', 'epic', 'feature', 'story'];

/** Where the tests that are not catalogue cases sit in the tree. */
export const RUN_SUITE = "Preparazione e pulizia dell'esecuzione / Run set-up and clean-up";

interface AllureStepFile {
  name?: string;
  status?: string;
  attachments?: unknown[];
  steps?: AllureStepFile[];
}

interface AllureResultFile extends AllureStepFile {
  uuid: string;
  status?: string;
  statusDetails?: { message?: string; trace?: string };
  labels?: Array<{ name: string; value: string }>;
}

const ALLURE_STATUS: Record<Verdict, string | undefined> = {
  passed: undefined,
  'not-run': undefined,
  nonconformance: 'failed',
  environment: 'broken',
  'suite-defect': 'broken',
};

function verdictOfAllure(result: AllureResultFile): Verdict {
  const status = result.status === 'passed' ? 'passed' : result.status === 'skipped' ? 'skipped' : 'failed';
  return verdictOf({ status, errors: [{ message: result.statusDetails?.message, stack: result.statusDetails?.trace }] });
}

/** The id Allure 3 gives a test result (its route in the report). */
export function allureTestResultId(uuid: string): string {
  return createHash('md5').update(uuid).digest('hex');
}

/**
 * Copies the run's Allure results to `dest`, each result with the verdict of esecuzione.json (cases)
 * or of the same classification (set-up and teardown tests) as status and `esito` label. Answers
 * case id → Allure test result id.
 */
export function prepareAllureResults(source: string, dest: string, verdicts: Map<string, Verdict>): Map<string, string> {
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  cpSync(source, dest, { recursive: true });
  const ids = new Map<string, string>();
  for (const name of readdirSync(dest)) {
    if (!name.endsWith('-result.json')) continue;
    const file = join(dest, name);
    const result = JSON.parse(readFileSync(file, 'utf8')) as AllureResultFile;
    const caseId = result.labels?.find((label) => label.name === LABEL.caseId)?.value;
    const verdict = (caseId && verdicts.get(caseId)) || verdictOfAllure(result);
    const status = ALLURE_STATUS[verdict];
    if (status) result.status = status;
    const replaced = new Set<string>([LABEL.verdict, ...(caseId ? [] : ['parentSuite', 'suite'])]);
    const project = result.labels?.find((label) => label.name === 'parentSuite')?.value ?? '';
    result.labels = [
      ...(result.labels ?? []).filter((label) => !replaced.has(label.name)),
      { name: LABEL.verdict, value: verdictLabel(verdict) },
      // Tests that are not cases (configuration check, final sweep) stay apart from the plan's tree.
      ...(caseId
        ? []
        : [
            { name: 'parentSuite', value: RUN_SUITE },
            { name: 'suite', value: project },
          ]),
    ];
    pruneEmptyFixtureSteps(result);
    writeFileSync(file, JSON.stringify(result));
    if (caseId) ids.set(caseId, allureTestResultId(result.uuid));
  }
  return ids;
}

/**
 * Playwright reports the set-up of every fixture as a step: one that passed and holds nothing (no attachment, no
 * step left) says nothing to a reviewer, and there are hundreds. A fixture step with content (the cleanup's API
 * calls) or that failed stays.
 */
function pruneEmptyFixtureSteps(node: AllureStepFile): void {
  if (!node.steps) return;
  for (const step of node.steps) pruneEmptyFixtureSteps(step);
  node.steps = node.steps.filter(
    (step) => !(step.name?.startsWith('Fixture "') && step.status === 'passed' && !step.attachments?.length && !step.steps?.length),
  );
}

/**
 * The quality gate shown in the report: every mandatory case (label `obbligatorio: Sì`) passed.
 * Computed here, not by Allure's QualityGate: its validation needs Node 22 (Iterator.prototype.toArray).
 */
export function mandatoryGate(trs: readonly TestResult[]): QualityGateValidationResult {
  const mandatory = trs.filter((tr) => tr.labels.some((label) => label.name === LABEL.mandatory && label.value === 'Sì'));
  const notPassed = mandatory.filter((tr) => tr.status !== 'passed');
  return {
    rule: 'casiObbligatoriNonSuperati',
    success: notPassed.length === 0,
    expected: 0,
    actual: notPassed.length,
    message:
      notPassed.length === 0
        ? 'Tutti i casi obbligatori sono superati / Every mandatory case passed'
        : `Casi obbligatori non superati: ${notPassed.length} (ammessi: 0) / Mandatory cases not passed: ${notPassed.map((tr) => tr.name).join(', ')}`,
    testResults: notPassed.map((tr) => tr.id),
  };
}

export interface ReportOptions {
  resultsDir: string;
  /** The single HTML file to write. */
  file: string;
  name: string;
  /** JSONL file carrying the history across runs (EVIDENCE_HISTORY). */
  historyPath?: string;
  /** Add this run to the history (default); false only shows it. */
  appendHistory?: boolean;
}

export async function generateReport({ resultsDir, file, name, historyPath, appendHistory = true }: ReportOptions): Promise<void> {
  const output = `${file}.d`;
  rmSync(output, { recursive: true, force: true });
  const config = await resolveConfig({
    name,
    output,
    historyPath,
    appendHistory,
    hideLabels: HIDDEN_LABELS,
    categories: ALLURE_CATEGORIES,
    // Declared so that the report has a quality gate; its result is ours (mandatoryGate).
    qualityGate: { rules: [] },
    plugins: {
      awesome: {
        options: { singleFile: true, reportLanguage: 'it', reportName: name, groupBy: ['parentSuite', 'suite'] },
      },
    },
  });
  const report = new AllureReport(config);
  await report.start();
  await report.readDirectory(resultsDir);
  const trs = await report.store.allTestResults({ includeRetries: false });
  report.realtimeDispatcher.sendQualityGateResults([mandatoryGate(trs)]);
  await report.done();
  const html = join(output, 'index.html');
  if (!existsSync(html)) throw new Error(`Allure wrote no report in ${output}`);
  renameSync(html, file);
  rmSync(output, { recursive: true, force: true });
}
