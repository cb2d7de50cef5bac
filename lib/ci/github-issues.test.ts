import { test, describe, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { applyAlert, createGitHubIssues, type GitHubIssues } from './github-issues.ts';
import type { AlertDecision } from './alert.ts';

interface Recorded {
  method: string;
  path: string;
  body: unknown;
  authorization: string | undefined;
}

const TOKEN = 'ghs_fakeTokenThatMustNeverLeak0123456789';
const REPO = 'ente/conformance';

/** A fake of the few GitHub REST routes the alert uses; every request is recorded. */
class FakeGitHub {
  requests: Recorded[] = [];
  /** What `GET /repos/{repo}/issues` answers (the real API returns pull requests too). */
  open: { number: number; title: string; pull_request?: object }[] = [];
  /** When set, every request gets this status. */
  failWith: number | undefined;
  private server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      const path = req.url ?? '';
      this.requests.push({ method: req.method ?? '', path, body: text ? JSON.parse(text) : undefined, authorization: req.headers.authorization });
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (this.failWith) return send(this.failWith, { message: 'Resource not accessible by integration' });
      const base = `/repos/${REPO}/issues`;
      if (req.method === 'GET' && path.startsWith(`${base}?`)) return send(200, this.open);
      if (req.method === 'POST' && path === base) return send(201, { number: 101, title: JSON.parse(text).title });
      const match = /^\/repos\/ente\/conformance\/issues\/(\d+)(\/comments)?$/.exec(path);
      if (match && req.method === 'PATCH' && !match[2]) return send(200, { number: Number(match[1]), ...JSON.parse(text) });
      if (match && req.method === 'POST' && match[2]) return send(201, { id: 1 });
      send(404, { message: 'Not Found' });
    });
  });
  get url() {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  start() {
    return new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }
  stop() {
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
  calls() {
    return this.requests.map((r) => `${r.method} ${r.path}`);
  }
}

const OPEN: AlertDecision = {
  action: 'open',
  title: 'Conformità notturna 2025-03-02: 1 non superati, 0 problemi di ambiente',
  body: 'Corpo\n\nDettagli',
  severity: 'non-conformance',
};
const CLOSE: AlertDecision = { action: 'close', comment: 'Notte del 2025-03-03: tutti i casi obbligatori superati / every mandatory case passed' };
const LIST = `GET /repos/${REPO}/issues?state=open&labels=conformita-notturna&per_page=100`;

describe('applyAlert on a fake GitHub API', () => {
  const github = new FakeGitHub();
  let client: GitHubIssues;
  before(() => github.start());
  after(() => github.stop());
  beforeEach(() => {
    github.requests = [];
    github.open = [];
    github.failWith = undefined;
    client = createGitHubIssues({ repo: REPO, token: TOKEN, apiUrl: github.url });
  });

  test('a bad night with no open alert creates the issue, labelled', async () => {
    assert.deepEqual(await applyAlert(client, OPEN), { action: 'created', number: 101 });
    assert.deepEqual(github.calls(), [LIST, `POST /repos/${REPO}/issues`]);
    assert.deepEqual(github.requests[1]!.body, { title: OPEN.title, body: 'Corpo\n\nDettagli', labels: ['conformita-notturna'] });
  });

  test('a bad night with an open alert updates it (title, body, a comment); a pull request with the label is ignored', async () => {
    github.open = [
      { number: 55, title: 'PR with the label', pull_request: { url: 'x' } },
      { number: 12, title: 'Conformità notturna 2025-03-01: …' },
    ];
    assert.deepEqual(await applyAlert(client, OPEN), { action: 'updated', number: 12 });
    assert.deepEqual(github.calls(), [LIST, `PATCH /repos/${REPO}/issues/12`, `POST /repos/${REPO}/issues/12/comments`]);
    assert.deepEqual(github.requests[1]!.body, { title: OPEN.title, body: 'Corpo\n\nDettagli' });
    assert.match((github.requests[2]!.body as { body: string }).body, /^Aggiornato: Conformità notturna 2025-03-02/);
  });

  test('a good night comments on the open alert and closes it', async () => {
    github.open = [{ number: 12, title: 'Conformità notturna 2025-03-02: …' }];
    assert.deepEqual(await applyAlert(client, CLOSE), { action: 'closed', number: 12 });
    assert.deepEqual(github.calls(), [LIST, `POST /repos/${REPO}/issues/12/comments`, `PATCH /repos/${REPO}/issues/12`]);
    assert.deepEqual(github.requests[1]!.body, { body: CLOSE.action === 'close' ? CLOSE.comment : '' });
    assert.deepEqual(github.requests[2]!.body, { state: 'closed', state_reason: 'completed' });
  });

  test('a good night with nothing open does nothing (a labelled pull request is not an alert)', async () => {
    github.open = [{ number: 55, title: 'PR', pull_request: {} }];
    assert.deepEqual(await applyAlert(client, CLOSE), { action: 'nothing' });
    assert.deepEqual(github.calls(), [LIST]);
  });

  test('another label is honoured', async () => {
    await applyAlert(client, CLOSE, 'nightly alert');
    assert.deepEqual(github.calls(), [`GET /repos/${REPO}/issues?state=open&labels=nightly%20alert&per_page=100`]);
  });

  test('a 403 answer is an error naming the method, the path and the status, never the token', async () => {
    github.failWith = 403;
    await assert.rejects(applyAlert(client, OPEN), (error: Error) => {
      assert.match(error.message, /GET \/repos\/ente\/conformance\/issues\?state=open/);
      assert.match(error.message, /403/);
      assert.ok(!error.message.includes(TOKEN));
      assert.ok(!String(error.stack).includes(TOKEN));
      return true;
    });
    await assert.rejects(client.closeIssue(12), /PATCH \/repos\/ente\/conformance\/issues\/12.*403/);
  });

  test('an unreachable API is an error naming the path, never the token', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const offline = createGitHubIssues({ repo: REPO, token: TOKEN, apiUrl: `http://127.0.0.1:${port}` });
    await assert.rejects(offline.comment(3, 'x'), (error: Error) => {
      assert.match(error.message, /POST \/repos\/ente\/conformance\/issues\/3\/comments: no answer \(ECONNREFUSED\)/);
      assert.ok(!error.message.includes(TOKEN));
      return true;
    });
  });

  test('the token is sent as Authorization: Bearer, with the GitHub JSON media type', async () => {
    await applyAlert(client, OPEN);
    assert.ok(github.requests.length > 0);
    for (const r of github.requests) assert.equal(r.authorization, `Bearer ${TOKEN}`);
  });

  test('the base URL comes from GITHUB_API_URL (a trailing slash tolerated), api.github.com otherwise', async () => {
    const saved = process.env.GITHUB_API_URL;
    try {
      process.env.GITHUB_API_URL = `${github.url}/`;
      await createGitHubIssues({ repo: REPO, token: TOKEN }).findOpenAlert('conformita-notturna');
      assert.deepEqual(github.calls(), [LIST]);
      delete process.env.GITHUB_API_URL;
      assert.equal(createGitHubIssues({ repo: REPO, token: TOKEN }).apiUrl, 'https://api.github.com');
    } finally {
      if (saved === undefined) delete process.env.GITHUB_API_URL;
      else process.env.GITHUB_API_URL = saved;
    }
  });

  test('a repository that is not owner/name is refused', () => {
    assert.throws(() => createGitHubIssues({ repo: 'conformance', token: TOKEN }), /owner\/name/);
  });
});
