// The few GitHub REST calls of the nightly alert (issue 10), over Node's global `fetch`: find the one open
// alert issue (by label), create it, update it, comment on it, close it. `applyAlert` turns a decision of
// lib/ci/alert.ts into those calls. The token goes in the Authorization header and nowhere else: errors
// name the method, the path and the status.
import type { AlertDecision } from './alert.ts';

export const ALERT_LABEL = 'conformita-notturna';
const TIMEOUT_MS = 30_000;
/** GitHub's answer excerpt kept in an error message. */
const MAX_MESSAGE = 200;

export interface Issue {
  number: number;
  title: string;
  html_url?: string;
}

export interface GitHubIssues {
  readonly apiUrl: string;
  readonly repo: string;
  /** The open issue with `label` (the oldest if more than one), pull requests excluded; undefined when none. */
  findOpenAlert(label: string): Promise<Issue | undefined>;
  createIssue(title: string, body: string, labels: string[]): Promise<Issue>;
  updateIssue(number: number, fields: { title: string; body: string }): Promise<void>;
  comment(number: number, body: string): Promise<void>;
  closeIssue(number: number): Promise<void>;
}

export interface GitHubIssuesOptions {
  /** `owner/name` (GitHub Actions: `GITHUB_REPOSITORY`). */
  repo: string;
  token: string;
  /** Default: `GITHUB_API_URL`, else https://api.github.com (GitHub Enterprise sets `GITHUB_API_URL`). */
  apiUrl?: string;
}

export function createGitHubIssues(options: GitHubIssuesOptions): GitHubIssues {
  const { repo, token } = options;
  if (!/^[\w.-]+\/[\w.-]+$/.test(repo)) throw new Error(`GitHub repository must be owner/name, got "${repo}"`);
  const apiUrl = (options.apiUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, '');
  const redact = (text: string) => (token ? text.split(token).join('***') : text);

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${apiUrl}${path}`, {
        method,
        headers: {
          accept: 'application/vnd.github+json',
          authorization: `Bearer ${token}`,
          'x-github-api-version': '2022-11-28',
          'user-agent': 'pagopa-async-conformance-alert',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new Error(redact(`GitHub API ${method} ${path}: no answer (${cause?.code ?? cause?.message ?? (error as Error).message})`), { cause: error });
    }
    const text = await response.text();
    if (!response.ok) {
      const message = answerMessage(text).replace(/\s+/g, ' ').trim().slice(0, MAX_MESSAGE);
      throw new Error(redact(`GitHub API ${method} ${path}: ${response.status} ${response.statusText}${message ? ` — ${message}` : ''}`));
    }
    return (text ? JSON.parse(text) : undefined) as T;
  }

  const issues = `/repos/${repo}/issues`;
  return {
    apiUrl,
    repo,
    async findOpenAlert(label) {
      const found = await call<(Issue & { pull_request?: unknown })[]>('GET', `${issues}?state=open&labels=${encodeURIComponent(label)}&per_page=100`);
      return found
        .filter((issue) => issue.pull_request === undefined)
        .sort((a, b) => a.number - b.number)
        .map(({ number, title, html_url }) => ({ number, title, html_url }))[0];
    },
    createIssue: (title, body, labels) => call<Issue>('POST', issues, { title, body, labels }),
    async updateIssue(number, { title, body }) {
      await call('PATCH', `${issues}/${number}`, { title, body });
    },
    async comment(number, body) {
      await call('POST', `${issues}/${number}/comments`, { body });
    },
    async closeIssue(number) {
      await call('PATCH', `${issues}/${number}`, { state: 'closed', state_reason: 'completed' });
    },
  };
}

/** GitHub's `message` of an error answer, else the answer's text. */
function answerMessage(text: string): string {
  try {
    return String((JSON.parse(text) as { message?: unknown }).message ?? '');
  } catch {
    return text;
  }
}

export type AlertApplied = { action: 'created' | 'updated' | 'closed'; number: number } | { action: 'nothing' };

/**
 * open → update the one open alert issue (title, body, and a comment "Aggiornato: …" so that its watchers are
 * notified) or create it with `label`; close → comment on the open alert and close it, nothing when none is open.
 */
export async function applyAlert(client: GitHubIssues, decision: AlertDecision, label = ALERT_LABEL): Promise<AlertApplied> {
  const current = await client.findOpenAlert(label);
  if (decision.action === 'close') {
    if (!current) return { action: 'nothing' };
    await client.comment(current.number, decision.comment);
    await client.closeIssue(current.number);
    return { action: 'closed', number: current.number };
  }
  if (!current) {
    const created = await client.createIssue(decision.title, decision.body, [label]);
    return { action: 'created', number: created.number };
  }
  await client.updateIssue(current.number, { title: decision.title, body: decision.body });
  const summary = decision.body.split(/\n\s*\n/)[0] ?? '';
  await client.comment(current.number, `Aggiornato: ${decision.title}\n\n${summary}`);
  return { action: 'updated', number: current.number };
}
