// `npm run evidence`: the pack a creditor body attaches to the shared test plan, built from one run's
// outputs: esecuzione.json (the verdicts), report.html (Allure, Italian), piano-di-test.xlsx and .md,
// sintesi.pdf. Everything below is derived from esecuzione.json, so the five files cannot disagree.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JSONReport } from '@playwright/test/reporter';
import { outputPaths, type OutputPaths } from '../run/output-paths.ts';
import { readRunInfo } from '../run/run-info.ts';
import { buildExecution } from './build-execution.ts';
import { generateReport, prepareAllureResults } from './allure-report.ts';
import type { Execution, RunEnvironment, Verdict } from './execution.ts';
import { writePlanXlsx } from './pack/plan-xlsx.ts';
import { planMarkdown } from './pack/plan-markdown.ts';
import { writeSummaryPdf } from './pack/summary-pdf.ts';
import { romeParts } from './pack/plan-columns.ts';

export const PACK_FILES = ['report.html', 'piano-di-test.xlsx', 'piano-di-test.md', 'sintesi.pdf', 'esecuzione.json'] as const;

export class EvidenceInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EvidenceInputError';
  }
}

export interface PackResult {
  dir: string;
  execution: Execution;
  sizes: Record<(typeof PACK_FILES)[number], number>;
}

/** `yyyymmdd-hhmm` of an instant in Europe/Rome (the plan's time zone, whatever the machine's). */
export function romeStamp(instant: Date): string {
  const parts = romeParts(instant);
  return `${parts.year}${parts.month}${parts.day}-${parts.hour}${parts.minute}`;
}

/** The environment of a run whose configuration was invalid (no run-info.json): said, not invented. */
function unknownEnvironment(): RunEnvironment {
  const missing = 'non disponibile (configurazione non valida)';
  return {
    runId: missing,
    target: 'sconosciuto',
    apiBaseUrl: missing,
    checkoutUrl: missing,
    ecFiscalCode: 'sconosciuto',
    brokerCode: missing,
    stationId: missing,
    segregationCode: missing,
    suiteVersion: missing,
    playwrightVersion: missing,
    nodeVersion: process.version,
    keyFingerprints: {},
    owner: process.env.EVIDENCE_OWNER?.trim() ?? '',
  };
}

function readInputs(paths: OutputPaths): { report: JSONReport; environment: RunEnvironment } {
  if (!existsSync(paths.playwrightJson))
    throw new EvidenceInputError(
      `No run to build evidence from: ${paths.playwrightJson} is missing. Run the suite first (npx playwright test), then npm run evidence.`,
    );
  if (!existsSync(paths.allureResults)) throw new EvidenceInputError(`${paths.allureResults} is missing: the run did not write Allure results.`);
  const report = JSON.parse(readFileSync(paths.playwrightJson, 'utf8')) as JSONReport;
  const environment = existsSync(paths.runInfo) ? readRunInfo(paths.runInfo) : unknownEnvironment();
  if (process.env.EVIDENCE_OWNER !== undefined) environment.owner = process.env.EVIDENCE_OWNER.trim();
  return { report, environment };
}

export interface PackOptions {
  paths?: OutputPaths;
  historyPath?: string;
  now?: Date;
}

/** The verdicts of the last run and its Allure results prepared with them (shared by the pack and `npm run report`). */
async function prepareRun(paths: OutputPaths, now: Date) {
  const { report, environment } = readInputs(paths);
  const verdicts = new Map<string, Verdict>(buildExecution({ report, environment, now }).cases.map((c) => [c.id, c.verdict]));
  const prepared = join(paths.reports, '.evidence-allure-results');
  const allureIds = prepareAllureResults(paths.allureResults, prepared, verdicts);
  return { report, environment, prepared, allureIds };
}

const reportName = (environment: RunEnvironment) => `Piano di test — ${environment.ecFiscalCode} — ${environment.target}`;

/** `npm run report`: the Allure report alone, as in the pack, at reports/allure-report/index.html. */
export async function buildReport({
  paths = outputPaths(),
  historyPath = process.env.EVIDENCE_HISTORY || undefined,
  now = new Date(),
}: PackOptions = {}): Promise<string> {
  const { environment, prepared } = await prepareRun(paths, now);
  const file = join(paths.reports, 'allure-report', 'index.html');
  mkdirSync(join(paths.reports, 'allure-report'), { recursive: true });
  await generateReport({ resultsDir: prepared, file, name: reportName(environment), historyPath });
  rmSync(prepared, { recursive: true, force: true });
  return file;
}

export async function buildPack({
  paths = outputPaths(),
  historyPath = process.env.EVIDENCE_HISTORY || undefined,
  now = new Date(),
}: PackOptions = {}): Promise<PackResult> {
  const { report, environment, prepared, allureIds } = await prepareRun(paths, now);
  const dir = join(paths.reports, `evidence-${environment.target}-${environment.ecFiscalCode}-${romeStamp(new Date(report.stats.startTime))}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const reportLinks = new Map([...allureIds].map(([caseId, id]) => [caseId, `report.html#${id}`]));
  const execution = buildExecution({ report, environment, reportLinks, now });

  writeFileSync(join(dir, 'esecuzione.json'), JSON.stringify(execution, null, 2));
  await generateReport({ resultsDir: prepared, file: join(dir, 'report.html'), name: reportName(environment), historyPath });
  rmSync(prepared, { recursive: true, force: true });
  await writePlanXlsx(execution, join(dir, 'piano-di-test.xlsx'));
  writeFileSync(join(dir, 'piano-di-test.md'), planMarkdown(execution));
  await writeSummaryPdf(execution, join(dir, 'sintesi.pdf'));

  const sizes = Object.fromEntries(PACK_FILES.map((file) => [file, statSync(join(dir, file)).size])) as PackResult['sizes'];
  return { dir, execution, sizes };
}
