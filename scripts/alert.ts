// `npm run alert -- --execution <esecuzione.json> --run-result <success|failure|cancelled|skipped>
//   [--run-url <url>] [--artifact-url <url>] [--date yyyy-mm-dd]`
// The nightly alert (issue 10), called by the workflow on every run (`if: always()`), the schedule included:
// decides (lib/ci/alert.ts) and applies. GITHUB_TOKEN + GITHUB_REPOSITORY → the one alert issue is opened,
// updated or closed (GITHUB_API_URL for GitHub Enterprise); NOTIFY_WEBHOOK_URL → the summary is POSTed as
// {"text": …}; neither → the decision is printed only (GitLab: the failed pipeline is the alert, plus the webhook).
// Exit 0 when the alert was applied, bad night included (another step fails the run); 1 when applying
// failed; 2 on a usage error. The token and the webhook URL are secrets: never printed.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { decideAlert, romeDate, RUN_RESULTS, summaryText, type AlertDecision, type RunResult } from '../lib/ci/alert.ts';
import { applyAlert, createGitHubIssues } from '../lib/ci/github-issues.ts';
import type { Execution } from '../lib/evidence/execution.ts';

const USAGE =
  'npm run alert -- --execution <esecuzione.json> --run-result <success|failure|cancelled|skipped> [--run-url <url>] [--artifact-url <url>] [--date yyyy-mm-dd]';
const EXECUTION_FORMAT = 'pagopa-async-conformance/esecuzione@1';
const WEBHOOK_TIMEOUT_MS = 15_000;

class UsageError extends Error {}

function parse() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        execution: { type: 'string' },
        'run-result': { type: 'string' },
        'run-url': { type: 'string' },
        'artifact-url': { type: 'string' },
        date: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (!values.execution) throw new UsageError('--execution is required (the path of esecuzione.json; it may not exist)');
  const runResult = values['run-result'];
  if (!RUN_RESULTS.includes(runResult as RunResult)) throw new UsageError(`--run-result must be one of ${RUN_RESULTS.join(', ')}, got "${runResult ?? ''}"`);
  const date = values.date ?? romeDate();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(`--date must be yyyy-mm-dd, got "${date}"`);
  return {
    executionPath: values.execution,
    runResult: runResult as RunResult,
    date,
    runUrl: values['run-url'] || undefined,
    artifactUrl: values['artifact-url'] || undefined,
  };
}

/** The night's execution; undefined (a broken run) when the file is missing or is not an esecuzione.json. */
async function readExecution(path: string): Promise<Execution | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.log(`esecuzione.json non trovato / not found (${code ?? 'unreadable'}): ${path} — esecuzione non completata / run not completed`);
    return undefined;
  }
  try {
    const execution = JSON.parse(text) as Execution;
    if (execution?.format === EXECUTION_FORMAT && Array.isArray(execution.cases) && execution.verdict) return execution;
    console.log(`${path} non è un ${EXECUTION_FORMAT} / is not one — trattato come esecuzione non completata / treated as a broken run`);
  } catch {
    console.log(`${path}: JSON non valido / invalid JSON — trattato come esecuzione non completata / treated as a broken run`);
  }
  return undefined;
}

function describe(decision: AlertDecision): string {
  return decision.action === 'close' ? `close — ${decision.comment}` : `open (${decision.severity}) — ${decision.title}`;
}

async function postWebhook(url: string, text: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
  } catch (error) {
    // Neither the message nor the error as cause: an invalid URL's message quotes the URL, and the URL is the secret.
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? 'fetch failed';
    // eslint-disable-next-line preserve-caught-error -- the caught error may quote the secret URL
    throw new Error(`webhook NOTIFY_WEBHOOK_URL: nessuna risposta / no answer (${cause})`);
  }
  await response.body?.cancel();
  if (!response.ok) throw new Error(`webhook NOTIFY_WEBHOOK_URL: risposta / answer ${response.status} ${response.statusText}`);
}

async function main(): Promise<number> {
  let args;
  try {
    args = parse();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\nUso / Usage: ${USAGE}`);
    return 2;
  }
  const execution = await readExecution(args.executionPath);
  const decision = decideAlert({ execution, runResult: args.runResult, date: args.date, runUrl: args.runUrl, artifactUrl: args.artifactUrl });
  console.log(`Decisione / Decision: ${describe(decision)}`);

  const { GITHUB_TOKEN: token, GITHUB_REPOSITORY: repo, NOTIFY_WEBHOOK_URL: webhook } = process.env;
  let failed = false;
  let applied = false;

  if (token && repo) {
    applied = true;
    try {
      const client = createGitHubIssues({ repo, token });
      const result = await applyAlert(client, decision);
      const done =
        result.action === 'nothing'
          ? 'nessun avviso aperto da chiudere / no open alert to close'
          : `issue #${result.number} ${{ created: 'aperta / created', updated: 'aggiornata / updated', closed: 'chiusa / closed' }[result.action]}`;
      console.log(`GitHub (${repo}): ${done}`);
    } catch (error) {
      failed = true;
      console.error(`GitHub: avviso non applicato / alert not applied: ${(error as Error).message}`);
    }
  } else if (process.env.GITHUB_ACTIONS === 'true') {
    // On GitHub Actions a missing token would silence the alert: that is a failure, not a no-op.
    failed = true;
    console.error("GitHub Actions senza GITHUB_TOKEN (o GITHUB_REPOSITORY): l'avviso non può essere applicato / the alert cannot be applied.");
  }

  if (webhook) {
    applied = true;
    try {
      await postWebhook(webhook, summaryText(decision));
      console.log('Webhook NOTIFY_WEBHOOK_URL: riepilogo inviato / summary sent');
    } catch (error) {
      failed = true;
      console.error((error as Error).message);
    }
  }

  if (!applied) {
    console.log('Né GitHub né webhook configurati: solo la decisione / Neither GitHub nor a webhook configured: the decision only.');
    console.log(decision.action === 'close' ? decision.comment : `${decision.title}\n\n${decision.body}`);
  }
  return failed ? 1 : 0;
}

process.exitCode = await main();
