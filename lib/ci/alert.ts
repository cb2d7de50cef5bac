// The nightly alert's decision (issue 10): from the night's `esecuzione.json` (absent when the evidence pack
// was not built) and the result of the CI job, whether the one alert issue is opened/updated or closed, and
// with which words. Pure: `scripts/alert.ts` applies it (GitHub issue, chat webhook); the workflow only calls
// that script, unconditionally, so the alert fires on the schedule and not only on a manual run.
import { OUTCOME_EN, OUTCOMES, type CaseExecution, type Execution, type Outcome } from '../evidence/execution.ts';

export type RunResult = 'success' | 'failure' | 'cancelled' | 'skipped';
export const RUN_RESULTS: readonly RunResult[] = ['success', 'failure', 'cancelled', 'skipped'];

export interface AlertInput {
  /** The night's execution; absent when the evidence pack was not built. */
  execution?: Execution;
  /** The result of the CI job that ran the suite (GitHub's `needs.<job>.result`). */
  runResult: RunResult;
  /** The night's date, yyyy-mm-dd in Europe/Rome (`romeDate`). */
  date: string;
  runUrl?: string;
  artifactUrl?: string;
}

export type AlertSeverity = 'non-conformance' | 'environment' | 'broken';

/**
 * `close`: a good night, the open alert (if any) gets `comment` and is closed. `open`: the alert issue is
 * opened or updated with `title` and `body` (Markdown); the body's first paragraph is its summary.
 */
export type AlertDecision = { action: 'close'; comment: string } | { action: 'open'; title: string; body: string; severity: AlertSeverity };

/** Ids shown in a summary line before "e altri N / and N more". */
const MAX_IDS = 10;
/** A note is one line of at most this many characters. */
const MAX_NOTE = 300;
/** GitHub refuses issue bodies over 65 536 characters. */
const MAX_BODY = 60_000;

/** Today's date (yyyy-mm-dd) in Europe/Rome names the night. */
export { romeDate } from '../rome-time.ts';

export function decideAlert(input: AlertInput): AlertDecision {
  const { execution, runResult, date } = input;
  // A failed job with the plan Superato: Playwright exits 1 for an optional case too, and a shard that broke
  // would leave mandatory cases "Non eseguito". The plan's verdict decides; the optional failures are named.
  if (execution && execution.verdict.outcome === 'Superato' && (runResult === 'success' || runResult === 'failure')) {
    const links = linkList(input);
    const optional = execution.cases.filter((c) => !c.mandatory && c.outcome !== 'Superato' && c.outcome !== 'Non eseguito').map((c) => c.id);
    const note = optional.length > 0 ? ` Casi facoltativi non superati / optional cases not passed: ${optional.join(', ')}.` : '';
    return {
      action: 'close',
      comment: `Notte del ${date}: tutti i casi obbligatori superati / every mandatory case passed${links ? ` (${links})` : ''}.${note}`,
    };
  }
  if (!execution || execution.verdict.outcome === 'Superato') return broken(input, execution);
  return badNight(input, execution);
}

/** One paragraph of plain text (no Markdown) for a chat webhook. */
export function summaryText(decision: AlertDecision): string {
  if (decision.action === 'close') return plain(decision.comment);
  const firstParagraph = decision.body.split(/\n\s*\n/)[0] ?? '';
  return plain(`${decision.title}. ${firstParagraph}`);
}

function badNight(input: AlertInput, execution: Execution): AlertDecision {
  const { cases } = execution;
  const notPassed = cases.filter((c) => c.outcome === 'Non superato');
  const environment = cases.filter((c) => c.outcome === 'Problema di ambiente');
  const byId = new Map(cases.map((c) => [c.id, c]));
  const mandatoryNonConformances = execution.verdict.mandatoryNotPassed
    .map((id) => byId.get(id))
    .filter((c): c is CaseExecution => c !== undefined && c.outcome !== 'Problema di ambiente');
  const optionalNotPassed = notPassed.filter((c) => !c.mandatory);
  const severity: AlertSeverity = notPassed.length > 0 ? 'non-conformance' : 'environment';

  const summary = [
    `Esito del piano / Plan verdict: **Non superato** (${OUTCOME_EN['Non superato']}).`,
    `Casi obbligatori non superati / mandatory cases not passed: ${idList(mandatoryNonConformances)}.`,
    `Problemi di ambiente / environment problems: ${idList(environment)}.`,
    linkList(input),
  ].filter(Boolean);

  const lines = [
    summary.join(' '),
    '',
    ...countTable(execution),
    '',
    '### Casi obbligatori non superati / Mandatory cases not passed',
    '',
    ...caseLines(mandatoryNonConformances, 'Nessuno / None.'),
  ];
  if (optionalNotPassed.length > 0)
    lines.push('', '### Altri casi non superati (facoltativi) / Other cases not passed (optional)', '', ...caseLines(optionalNotPassed, ''));
  lines.push(
    '',
    '### Problemi di ambiente / Environment problems',
    '',
    'Non sono non conformità della piattaforma: rete, timeout, 502/503/504, 429 dopo i tentativi. / Not platform non-conformances: network, timeouts, gateway errors, throttling.',
    '',
    ...caseLines(environment, 'Nessuno / None.'),
    '',
    ...runSection(input, execution),
  );
  const title = `Conformità notturna ${input.date}: ${notPassed.length} non superati, ${environment.length} problemi di ambiente`;
  return { action: 'open', title, body: cap(lines.join('\n')), severity };
}

function broken(input: AlertInput, execution: Execution | undefined): AlertDecision {
  const { date, runResult } = input;
  const reason = execution
    ? `l'esito del piano sarebbe Superato, ma il job è terminato con \`${runResult}\`: i casi potrebbero non essere stati eseguiti tutti`
    : 'il pacchetto di evidenze (esecuzione.json) non è stato prodotto';
  const reasonEn = execution ? `the plan verdict would be Superato, but the job ended \`${runResult}\`` : 'the evidence pack was not built';
  const links = linkList(input);
  const summary = [
    `L'esecuzione notturna del ${date} non è stata completata (esito del job: \`${runResult}\`): ${reason}.`,
    "Non è un esito di conformità: verificare l'ambiente e rilanciare.",
    `/ The nightly run of ${date} did not complete: ${reasonEn}; this is not a conformance verdict.`,
    links,
  ].filter(Boolean);
  const lines = [summary.join(' '), ''];
  if (execution) lines.push(...countTable(execution), '');
  lines.push(...runSection(input, execution));
  return {
    action: 'open',
    title: `Conformità notturna ${date}: esecuzione non completata (problemi di ambiente)`,
    body: cap(lines.join('\n')),
    severity: 'broken',
  };
}

function countTable(execution: Execution): string[] {
  const count = (outcome: Outcome) => execution.cases.filter((c) => c.outcome === outcome).length;
  return [
    '| Esito / Outcome | Casi / Cases |',
    '| --- | ---: |',
    ...OUTCOMES.map((outcome) => `| ${outcome} / ${OUTCOME_EN[outcome]} | ${count(outcome)} |`),
    `| **Totale / Total** | ${execution.cases.length} |`,
  ];
}

function caseLines(cases: CaseExecution[], none: string): string[] {
  if (cases.length === 0) return none ? [none] : [];
  return cases.map((c) => {
    const note = oneLine(c.note ?? '');
    return `- \`${c.id}\`${c.mandatory ? '' : ' (facoltativo / optional)'} — ${c.outcome}${note ? ` — ${note}` : ''}`;
  });
}

function runSection(input: AlertInput, execution: Execution | undefined): string[] {
  const na = 'non disponibile / not available';
  const lines = [
    '### Esecuzione / Run',
    '',
    `- Esecuzione CI / CI run: ${input.runUrl ? `[${input.runUrl}](${input.runUrl})` : na}`,
    `- Pacchetto di evidenze / Evidence pack: ${input.artifactUrl ? `[${input.artifactUrl}](${input.artifactUrl})` : na}`,
    `- Esito del job / Job result: \`${input.runResult}\`${input.runResult === 'cancelled' || input.runResult === 'skipped' ? ' — esecuzione incompleta / incomplete run' : ''}`,
  ];
  if (execution) {
    const env = execution.environment;
    lines.push(
      `- Ambiente / Target: \`${env.target}\` (${env.apiBaseUrl})`,
      `- EC: \`${env.ecFiscalCode}\` · intermediario / broker \`${env.brokerCode}\` · stazione / station \`${env.stationId}\``,
      `- Run id: \`${env.runId}\` · avvio / start ${execution.startedAt} · suite ${env.suiteVersion}`,
    );
  }
  return lines;
}

function linkList(input: AlertInput): string {
  const links: string[] = [];
  if (input.runUrl) links.push(`[esecuzione / run](${input.runUrl})`);
  if (input.artifactUrl) links.push(`[evidenze / evidence](${input.artifactUrl})`);
  return links.join(', ');
}

function idList(cases: CaseExecution[]): string {
  if (cases.length === 0) return 'nessuno / none';
  const shown = cases.slice(0, MAX_IDS).map((c) => `\`${c.id}\``);
  const rest = cases.length - MAX_IDS;
  return shown.join(', ') + (rest > 0 ? ` e altri ${rest} / and ${rest} more` : '');
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MAX_NOTE ? `${line.slice(0, MAX_NOTE - 1)}…` : line;
}

function cap(body: string): string {
  return body.length > MAX_BODY ? `${body.slice(0, MAX_BODY)}\n\n… (troncato / truncated: vedere il pacchetto di evidenze / see the evidence pack)` : body;
}

/** Markdown → plain text, on one line: links become `text: url`, emphasis and code marks go. */
function plain(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\(([^)\s]*)\)/g, '$1: $2')
    .replace(/\*\*|`/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
