// `npm run evidence -- --from-recording <file|URL>`: the same evidence pack as a suite run (esecuzione.json,
// report.html, piano-di-test.xlsx/.md, sintesi.pdf), built from the recorded calls of the EC's own software and
// titled as such. A case evidenced by clean calls is Superato, by calls with problems Non superato (the problems
// and their advice are its note), a case no call evidenced Non eseguito with the reason; each case's evidence is
// the request ids of the EC's calls.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUE } from '../catalogue.ts';
import { allureMetadata } from '../evidence/case-metadata.ts';
import { generateReport, prepareAllureResults } from '../evidence/allure-report.ts';
import { OUTCOME_OF, type CaseExecution, type Execution, type RunEnvironment, type Verdict } from '../evidence/execution.ts';
import { catalogueFields, knownDifferenceField, withReportLinks } from '../evidence/build-execution.ts';
import { EvidenceInputError, PACK_FILES, romeStamp, type PackResult } from '../evidence/pack.ts';
import { writePlanXlsx } from '../evidence/pack/plan-xlsx.ts';
import { planMarkdown } from '../evidence/pack/plan-markdown.ts';
import { PLAN_TITLE } from '../evidence/pack/plan-columns.ts';
import { writeSummaryPdf } from '../evidence/pack/summary-pdf.ts';
import { caseState, notEvidenceable } from './checklist.ts';
import { RECORDING_FORMAT, type Recording } from './monitor.ts';

export const RECORDING_TITLE = { it: "Evidenze dalle chiamate del software dell'EC", en: "Evidence from the calls of the EC's software" };

const NA = 'non disponibile (registrazione del software EC)';

function environmentOf(recording: Recording): RunEnvironment {
  const via = recording.source.kind === 'sandbox' ? 'sandbox' : `proxy di registrazione → ${recording.source.target}`;
  return {
    runId: `registrazione-${recording.startedAt}`,
    target: `software-ec (${via})`,
    apiBaseUrl: recording.source.target,
    checkoutUrl: NA,
    ecFiscalCode: recording.source.ecFiscalCode ?? 'sconosciuto',
    brokerCode: NA,
    stationId: NA,
    segregationCode: recording.source.segregationCodes?.join(', ') ?? NA,
    suiteVersion: (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version,
    playwrightVersion: NA,
    nodeVersion: process.version,
    keyFingerprints: {},
    owner: process.env.EVIDENCE_OWNER?.trim() ?? '',
    evidenceSource:
      recording.source.kind === 'sandbox'
        ? { it: `${RECORDING_TITLE.it}, ricevute dalla sandbox`, en: `${RECORDING_TITLE.en}, received by the sandbox` }
        : {
            it: `${RECORDING_TITLE.it}, inoltrate a ${recording.source.target} dal proxy di registrazione`,
            en: `${RECORDING_TITLE.en}, forwarded to ${recording.source.target} by the recording proxy`,
          },
  };
}

/** esecuzione.json of a recording: every catalogue case once, its outcome from the EC's calls. */
export function recordingExecution(recording: Recording, now = new Date()): Execution {
  const cases: CaseExecution[] = CATALOGUE.map((entry) => {
    const reason = notEvidenceable(entry);
    const state = reason ? undefined : caseState(entry, recording.calls);
    const verdict: Verdict = !state || state.status === 'todo' ? 'not-run' : state.status === 'done' ? 'passed' : 'nonconformance';
    const times = state?.calls.map((c) => Date.parse(c.at)) ?? [];
    const evidence = recording.calls.filter((c) => c.cases.includes(entry.id));
    const start = times.length > 0 ? Math.min(...times) : undefined;
    const end = evidence.length > 0 ? Math.max(...evidence.map((c) => Date.parse(c.at) + c.ms)) : undefined;
    const calls = state?.calls.map((c) => `#${c.seq} ${c.method} ${c.url} → ${c.status}`) ?? [];
    const problems = state?.problems.flatMap((p) => p.findings.map((f) => `#${p.seq}: ${f.message.it} — Consiglio: ${f.advice.it}`)) ?? [];
    const note = reason
      ? `Non verificabile dalle chiamate del software dell'EC: ${reason.it}`
      : state!.status === 'todo'
        ? "Il software dell'EC non ha fatto chiamate che evidenzino il caso"
        : [`Chiamate del software dell'EC: ${calls.join('; ')}`, ...problems].join('\n');
    return {
      ...catalogueFields(entry),
      outcome: OUTCOME_OF[verdict],
      verdict,
      ...(start !== undefined && end !== undefined ? { start: new Date(start).toISOString(), end: new Date(end).toISOString(), durationMs: end - start } : {}),
      requestIds: state?.calls.map((c) => c.requestId).filter(Boolean) ?? [],
      note,
      ...knownDifferenceField(entry.id),
    };
  });
  // The EC's software evidences what it did: the gate counts the mandatory cases it can evidence.
  const mandatoryNotPassed = cases.filter((c) => c.mandatory && c.outcome !== 'Superato' && !c.note?.startsWith('Non verificabile')).map((c) => c.id);
  const first = recording.calls[0]?.at ?? recording.startedAt;
  const last = recording.calls.at(-1);
  return {
    format: 'pagopa-async-conformance/esecuzione@1',
    generatedAt: now.toISOString(),
    startedAt: first,
    durationMs: last ? Date.parse(last.at) + last.ms - Date.parse(first) : 0,
    environment: environmentOf(recording),
    verdict: { outcome: mandatoryNotPassed.length === 0 ? 'Superato' : 'Non superato', mandatoryNotPassed },
    cases,
  };
}

const ALLURE_STATUS: Record<Verdict, string> = {
  passed: 'passed',
  nonconformance: 'failed',
  environment: 'broken',
  'suite-defect': 'broken',
  'not-run': 'skipped',
};

/** One Allure result per case, each EC call a step `METHOD url → status (ms)` with its request id. */
function writeAllureResults(recording: Recording, execution: Execution, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const c of execution.cases) {
    const entry = CATALOGUE.find((e) => e.id === c.id)!;
    const meta = allureMetadata(entry);
    const calls = recording.calls.filter((call) => call.cases.includes(c.id));
    const start = c.start ? Date.parse(c.start) : Date.parse(execution.startedAt);
    const uuid = randomUUID();
    const result = {
      uuid,
      historyId: c.id,
      testCaseId: c.id,
      name: meta.name,
      fullName: `software-ec:${c.id}`,
      status: ALLURE_STATUS[c.verdict],
      statusDetails: c.note ? { message: c.note } : {},
      stage: 'finished',
      start,
      stop: c.end ? Date.parse(c.end) : start,
      labels: meta.labels,
      links: meta.links,
      description: `${RECORDING_TITLE.it} / ${RECORDING_TITLE.en}\n\n${meta.description}`,
      parameters: [],
      attachments: [],
      steps: calls.map((call) => ({
        name: `${call.method} ${call.url} → ${call.response.status} (${call.ms} ms) [${call.requestId}]`,
        status: call.findings.length > 0 && c.verdict === 'nonconformance' ? 'failed' : 'passed',
        stage: 'finished',
        start: Date.parse(call.at),
        stop: Date.parse(call.at) + call.ms,
        statusDetails: call.findings.length > 0 ? { message: call.findings.map((f) => `${f.message.it} — ${f.advice.it}`).join('\n') } : {},
        steps: [],
        attachments: [],
        parameters: [],
      })),
    };
    writeFileSync(join(dir, `${uuid}-result.json`), JSON.stringify(result));
  }
}

/** Reads a recording from a file or from a sandbox/recorder URL (its /__sandbox/recording). */
export async function loadRecording(source: string): Promise<Recording> {
  let text: string;
  if (/^https?:\/\//i.test(source)) {
    const url = /\/__sandbox\/recording\/?$/.test(new URL(source).pathname) ? source : `${source.replace(/\/+$/, '')}/__sandbox/recording`;
    const res = await fetch(url).catch((error: unknown) => {
      throw new EvidenceInputError(`Cannot read the recording at ${url}: ${(error as Error).message}`);
    });
    if (!res.ok) throw new EvidenceInputError(`Cannot read the recording at ${url}: HTTP ${res.status}`);
    text = await res.text();
  } else {
    try {
      text = readFileSync(source, 'utf8');
    } catch (error) {
      throw new EvidenceInputError(`Cannot read the recording ${source}: ${(error as Error).message}`);
    }
  }
  let recording: Recording;
  try {
    recording = JSON.parse(text) as Recording;
  } catch {
    throw new EvidenceInputError(`${source} is not a recording (invalid JSON)`);
  }
  if (recording?.format !== RECORDING_FORMAT || !Array.isArray(recording.calls))
    throw new EvidenceInputError(`${source} is not a recording of the EC's software (format ${RECORDING_FORMAT} expected)`);
  return recording;
}

export async function buildRecordingPack(recording: Recording, reportsDir: string, now = new Date()): Promise<PackResult> {
  const unlinked = recordingExecution(recording, now);
  const environment = unlinked.environment;
  const dir = join(reportsDir, `evidence-software-ec-${environment.ecFiscalCode}-${romeStamp(new Date(unlinked.startedAt))}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const raw = join(reportsDir, '.recording-allure-raw');
  const prepared = join(reportsDir, '.recording-allure-results');
  rmSync(raw, { recursive: true, force: true });
  try {
    writeAllureResults(recording, unlinked, raw);
    const ids = prepareAllureResults(raw, prepared, new Map(unlinked.cases.map((c) => [c.id, c.verdict])));
    const execution = withReportLinks(unlinked, new Map([...ids].map(([caseId, id]) => [caseId, `report.html#${id}`])));
    writeFileSync(join(dir, 'esecuzione.json'), JSON.stringify({ ...execution, title: RECORDING_TITLE }, null, 2));
    const name = `${RECORDING_TITLE.it} — ${environment.ecFiscalCode} — ${environment.target}`;
    await generateReport({ resultsDir: prepared, file: join(dir, 'report.html'), name, appendHistory: false });
    await writePlanXlsx(execution, join(dir, 'piano-di-test.xlsx'));
    writeFileSync(
      join(dir, 'piano-di-test.md'),
      planMarkdown(execution).replace(`# ${PLAN_TITLE}`, `# ${PLAN_TITLE} — ${RECORDING_TITLE.it}\n\n_${RECORDING_TITLE.en}_`),
    );
    await writeSummaryPdf(execution, join(dir, 'sintesi.pdf'));
    const sizes = Object.fromEntries(PACK_FILES.map((file) => [file, statSync(join(dir, file)).size])) as PackResult['sizes'];
    return { dir, execution, sizes };
  } finally {
    rmSync(raw, { recursive: true, force: true });
    rmSync(prepared, { recursive: true, force: true });
  }
}
