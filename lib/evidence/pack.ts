// `npm run evidence`: the pack a creditor body attaches to the shared test plan, built from one run's
// outputs: esecuzione.json (the verdicts), report.html (Allure, Italian), piano-di-test.xlsx and .md,
// sintesi.pdf. Everything below is derived from esecuzione.json, so the five files cannot disagree.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { JSONReport } from '@playwright/test/reporter';
import { outputPaths, type OutputPaths } from '../run/output-paths.ts';
import { readRunInfo } from '../run/run-info.ts';
import { buildExecution, withReportLinks } from './build-execution.ts';
import { generateReport, prepareAllureResults } from './allure-report.ts';
import { OUTCOMES, type Execution, type RunEnvironment } from './execution.ts';
import { writePlanXlsx } from './pack/plan-xlsx.ts';
import { planMarkdown } from './pack/plan-markdown.ts';
import { writeSummaryPdf } from './pack/summary-pdf.ts';
import { romeParts } from '../rome-time.ts';

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

/** The last run's execution, and its Allure results prepared with its verdicts (for the pack and `npm run report`). */
function prepareRun(paths: OutputPaths, now: Date) {
  const { report, environment } = readInputs(paths);
  const execution = buildExecution({ report, environment, now });
  const prepared = join(paths.reports, '.evidence-allure-results');
  const allureIds = prepareAllureResults(paths.allureResults, prepared, new Map(execution.cases.map((c) => [c.id, c.verdict])));
  return { report, execution, prepared, allureIds };
}

const reportName = (environment: RunEnvironment) => `Piano di test — ${environment.ecFiscalCode} — ${environment.target}`;

/** `npm run report`: the Allure report alone, as in the pack, at reports/allure-report/index.html. It shows the
 * history but does not add to it: the pack of the same run does, once. */
export async function buildReport({
  paths = outputPaths(),
  historyPath = process.env.EVIDENCE_HISTORY || undefined,
  now = new Date(),
}: PackOptions = {}): Promise<string> {
  const { execution, prepared } = prepareRun(paths, now);
  const file = join(paths.reports, 'allure-report', 'index.html');
  mkdirSync(join(paths.reports, 'allure-report'), { recursive: true });
  try {
    await generateReport({ resultsDir: prepared, file, name: reportName(execution.environment), historyPath, appendHistory: false });
  } finally {
    rmSync(prepared, { recursive: true, force: true });
  }
  return file;
}

export async function buildPack({
  paths = outputPaths(),
  historyPath = process.env.EVIDENCE_HISTORY || undefined,
  now = new Date(),
}: PackOptions = {}): Promise<PackResult> {
  const { report, execution: unlinked, prepared, allureIds } = prepareRun(paths, now);
  const { environment } = unlinked;
  const dir = join(paths.reports, `evidence-${environment.target}-${environment.ecFiscalCode}-${romeStamp(new Date(report.stats.startTime))}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const execution = withReportLinks(unlinked, new Map([...allureIds].map(([caseId, id]) => [caseId, `report.html#${id}`])));

  writeFileSync(join(dir, 'esecuzione.json'), JSON.stringify(execution, null, 2));
  try {
    await generateReport({ resultsDir: prepared, file: join(dir, 'report.html'), name: reportName(environment), historyPath });
  } finally {
    rmSync(prepared, { recursive: true, force: true });
  }
  await writePlanXlsx(execution, join(dir, 'piano-di-test.xlsx'));
  writeFileSync(join(dir, 'piano-di-test.md'), planMarkdown(execution));
  await writeSummaryPdf(execution, join(dir, 'sintesi.pdf'));

  const sizes = Object.fromEntries(PACK_FILES.map((file) => [file, statSync(join(dir, file)).size])) as PackResult['sizes'];
  return { dir, execution, sizes };
}

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`);

/** What `npm run evidence` and `npm run shards` print of a pack; answers the exit code of the gate (1: a mandatory case not passed). */
export function printPack({ dir, execution, sizes }: PackResult): number {
  console.log(`Pacchetto di evidenze / Evidence pack: ${relative(process.cwd(), dir)}/`);
  for (const [file, bytes] of Object.entries(sizes)) console.log(`  ${file.padEnd(20)} ${size(bytes)}`);
  const counts = OUTCOMES.map((outcome) => `${outcome}: ${execution.cases.filter((c) => c.outcome === outcome).length}`);
  console.log(`Casi / Cases: ${execution.cases.length} (${counts.join(', ')})`);
  if (execution.verdict.outcome === 'Superato') {
    console.log('Esito complessivo / Overall verdict: Superato — every mandatory case passed.');
    return 0;
  }
  console.error('Esito complessivo / Overall verdict: Non superato — mandatory cases not passed:');
  for (const id of execution.verdict.mandatoryNotPassed) {
    const c = execution.cases.find((entry) => entry.id === id)!;
    console.error(`  ${id} ${c.outcome}${c.note ? ` — ${c.note}` : ''}`);
  }
  return 1;
}
