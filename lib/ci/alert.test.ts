import { test, describe, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decideAlert, romeDate, summaryText, type AlertDecision } from './alert.ts';
import type { CaseExecution, Execution, Outcome } from '../evidence/execution.ts';

const VERDICT_OF_OUTCOME = { Superato: 'passed', 'Non superato': 'nonconformance', 'Problema di ambiente': 'environment', 'Non eseguito': 'not-run' } as const;

/** One case of a test execution: `[id, outcome, mandatory?, note?]`. */
type CaseSpec = [id: string, outcome: Outcome, mandatory?: boolean, note?: string];

function makeExecution(specs: CaseSpec[]): Execution {
  const cases: CaseExecution[] = specs.map(([id, outcome, mandatory = true, note]) => ({
    id,
    onboardingStep: 6,
    area: 'GPD-CRE',
    mandatory,
    title: { it: `Caso ${id}`, en: `Case ${id}` },
    preconditions: { it: '-', en: '-' },
    steps: { it: ['-'], en: ['-'] },
    expected: { it: '-', en: '-' },
    outcome,
    verdict: VERDICT_OF_OUTCOME[outcome],
    requestIds: [],
    ...(note ? { note } : {}),
  }));
  const mandatoryNotPassed = cases.filter((c) => c.mandatory && c.outcome !== 'Superato').map((c) => c.id);
  return {
    format: 'pagopa-async-conformance/esecuzione@1',
    generatedAt: '2025-03-02T01:30:00.000Z',
    startedAt: '2025-03-02T01:00:00.000Z',
    durationMs: 1_800_000,
    environment: {
      runId: 'run-20250302-abc',
      target: 'uat',
      apiBaseUrl: 'https://api.uat.platform.pagopa.it',
      checkoutUrl: 'https://uat.checkout.pagopa.it',
      ecFiscalCode: '77777777777',
      brokerCode: '77777777777',
      stationId: '77777777777_01',
      segregationCode: '01',
      suiteVersion: '0.1.0',
      playwrightVersion: '1.65.1',
      nodeVersion: 'v20.19.0',
      keyFingerprints: {},
      owner: '',
    },
    verdict: { outcome: mandatoryNotPassed.length === 0 ? 'Superato' : 'Non superato', mandatoryNotPassed },
    cases,
  };
}

const RUN_URL = 'https://github.com/ente/conformance/actions/runs/42';
const ARTIFACT_URL = 'https://github.com/ente/conformance/actions/runs/42/artifacts/7';
const DATE = '2025-03-02';

const open = (decision: AlertDecision) => {
  assert.equal(decision.action, 'open');
  return decision as Extract<AlertDecision, { action: 'open' }>;
};

describe('decideAlert', () => {
  const good = makeExecution([
    ['ACC-01', 'Superato'],
    ['GPD-CRE-01', 'Superato'],
    ['RIC-09', 'Non superato', false, 'optional case'],
  ]);
  const bad = makeExecution([
    ['ACC-01', 'Superato'],
    ['GPD-CRE-01', 'Non superato', true, 'expect(received).toBe(expected): 400 instead of 201'],
    ['GPD-PUB-02', 'Non superato', true, 'status PUBLISHED expected\nsecond line'],
    ['PAY-03', 'Problema di ambiente', true, 'EnvironmentError: 503 from Checkout'],
    ['BLK-04', 'Non eseguito', true, 'key for bulk not configured'],
    ['RIC-09', 'Problema di ambiente', false, 'timeout on receipts'],
  ]);
  const onlyEnvironment = makeExecution([
    ['ACC-01', 'Superato'],
    ['PAY-03', 'Problema di ambiente', true, 'EnvironmentError: 503 from Checkout'],
  ]);

  const table: { name: string; input: Parameters<typeof decideAlert>[0]; check: (d: AlertDecision) => void }[] = [
    {
      name: 'good night: Superato and a successful run → close, with the run link',
      input: { execution: good, runResult: 'success', date: DATE, runUrl: RUN_URL, artifactUrl: ARTIFACT_URL },
      check: (d) => {
        assert.equal(d.action, 'close');
        if (d.action !== 'close') return;
        assert.match(d.comment, /^Notte del 2025-03-02: tutti i casi obbligatori superati \/ every mandatory case passed/);
        assert.ok(d.comment.includes(RUN_URL));
      },
    },
    {
      name: 'bad night with non-conformances → open, counts over all cases, severity non-conformance',
      input: { execution: bad, runResult: 'failure', date: DATE, runUrl: RUN_URL, artifactUrl: ARTIFACT_URL },
      check: (d) => {
        const o = open(d);
        assert.equal(o.title, 'Conformità notturna 2025-03-02: 2 non superati, 2 problemi di ambiente');
        assert.equal(o.severity, 'non-conformance');
        const body = o.body;
        assert.match(body, /Superato \/ Passed \| 1 \|/);
        assert.match(body, /Non superato \/ Not passed \| 2 \|/);
        assert.match(body, /Problema di ambiente \/ Environment problem \| 2 \|/);
        assert.match(body, /Non eseguito \/ Not run \| 1 \|/);
        // Mandatory cases not passed, one line each with outcome and note (the note on one line).
        assert.match(body, /^- `GPD-CRE-01` — Non superato — expect\(received\)\.toBe\(expected\): 400 instead of 201$/m);
        assert.match(body, /^- `GPD-PUB-02` — Non superato — status PUBLISHED expected second line$/m);
        assert.match(body, /^- `BLK-04` — Non eseguito — key for bulk not configured$/m);
        // Environment problems apart: after their own heading, not among the non-conformances.
        const [nonConformances, environment] = body.split('### Casi obbligatori non superati')[1]!.split('### Problemi di ambiente');
        assert.ok(environment, 'an environment section after the non-conformances');
        assert.ok(!nonConformances!.includes('PAY-03') && !nonConformances!.includes('RIC-09'));
        assert.match(environment, /^- `PAY-03` — Problema di ambiente — EnvironmentError: 503 from Checkout$/m);
        assert.match(environment, /`RIC-09` \(facoltativo \/ optional\) — Problema di ambiente — timeout on receipts/);
        assert.ok(body.includes(RUN_URL) && body.includes(ARTIFACT_URL));
        assert.ok(body.includes('run-20250302-abc') && body.includes('uat') && body.includes('77777777777'));
        assert.ok(body.indexOf('Esito') < body.indexOf('Outcome'), 'Italian first');
      },
    },
    {
      name: 'bad night with only environment problems → open, severity environment',
      input: { execution: onlyEnvironment, runResult: 'failure', date: DATE, runUrl: RUN_URL },
      check: (d) => {
        const o = open(d);
        assert.equal(o.title, 'Conformità notturna 2025-03-02: 0 non superati, 1 problemi di ambiente');
        assert.equal(o.severity, 'environment');
        assert.match(o.body, /`PAY-03` — Problema di ambiente/);
        assert.match(o.body, /non disponibile \/ not available/, 'no artefact link given');
      },
    },
    {
      name: 'broken: no execution (the pack was not built) → open, severity broken',
      input: { runResult: 'failure', date: DATE, runUrl: RUN_URL },
      check: (d) => {
        const o = open(d);
        assert.equal(o.title, 'Conformità notturna 2025-03-02: esecuzione non completata (problemi di ambiente)');
        assert.equal(o.severity, 'broken');
        assert.match(o.body, /non è stata completata/);
        assert.match(o.body, /did not complete/);
        assert.ok(o.body.includes(RUN_URL));
      },
    },
    {
      name: 'a failed job with the plan Superato (an optional case failed) → close, naming the optional case',
      input: {
        execution: makeExecution([
          ['ACC-01', 'Superato'],
          ['BLK-01', 'Non superato', false],
        ]),
        runResult: 'failure',
        date: DATE,
      },
      check: (d) => {
        assert.equal(d.action, 'close');
        assert.match(d.action === 'close' ? d.comment : '', /optional cases not passed: BLK-01/);
      },
    },
    {
      name: 'broken: a cancelled run whose verdict would be Superato → open, severity broken',
      input: { execution: good, runResult: 'cancelled', date: DATE, runUrl: RUN_URL },
      check: (d) => {
        const o = open(d);
        assert.equal(o.title, 'Conformità notturna 2025-03-02: esecuzione non completata (problemi di ambiente)');
        assert.equal(o.severity, 'broken');
        assert.match(o.body, /cancelled/);
        assert.ok(o.body.includes('run-20250302-abc'));
      },
    },
    {
      name: 'broken: a skipped run is not a good night either',
      input: { execution: good, runResult: 'skipped', date: DATE },
      check: (d) => assert.equal(open(d).severity, 'broken'),
    },
    {
      name: 'a Non superato verdict stays a bad night (with its counts) even when the run was cancelled',
      input: { execution: bad, runResult: 'cancelled', date: DATE },
      check: (d) => {
        const o = open(d);
        assert.equal(o.severity, 'non-conformance');
        assert.match(o.body, /cancelled/);
      },
    },
  ];
  for (const { name, input, check } of table) test(name, () => check(decideAlert(input)));
});

describe('summaryText', () => {
  test('a bad night: one plain-text paragraph with the title, the cases and the links', () => {
    const execution = makeExecution([
      ['GPD-CRE-01', 'Non superato', true, 'x'],
      ['PAY-03', 'Problema di ambiente'],
    ]);
    const text = summaryText(decideAlert({ execution, runResult: 'failure', date: DATE, runUrl: RUN_URL, artifactUrl: ARTIFACT_URL }));
    assert.ok(text.startsWith('Conformità notturna 2025-03-02: 1 non superati, 1 problemi di ambiente'));
    assert.ok(text.includes('GPD-CRE-01') && text.includes('PAY-03'));
    assert.ok(text.includes(RUN_URL) && text.includes(ARTIFACT_URL));
    assert.ok(!text.includes('\n'), 'one paragraph');
    assert.doesNotMatch(text, /\*\*|\]\(|`/, 'no Markdown');
  });
  test('a good night and a broken run', () => {
    const good = summaryText(decideAlert({ execution: makeExecution([['ACC-01', 'Superato']]), runResult: 'success', date: DATE, runUrl: RUN_URL }));
    assert.match(good, /^Notte del 2025-03-02: tutti i casi obbligatori superati \/ every mandatory case passed/);
    assert.ok(good.includes(RUN_URL));
    assert.doesNotMatch(good, /\]\(/);
    const broken = summaryText(decideAlert({ runResult: 'cancelled', date: DATE, runUrl: RUN_URL }));
    assert.match(broken, /^Conformità notturna 2025-03-02: esecuzione non completata \(problemi di ambiente\)/);
    assert.ok(broken.includes(RUN_URL) && !broken.includes('\n'));
  });
  test('a long list of cases is cut', () => {
    const execution = makeExecution(Array.from({ length: 30 }, (_, i): CaseSpec => [`GPD-CRE-${String(i).padStart(2, '0')}`, 'Non superato']));
    const text = summaryText(decideAlert({ execution, runResult: 'failure', date: DATE }));
    assert.ok(text.includes('GPD-CRE-09') && !text.includes('GPD-CRE-10'));
    assert.match(text, /e altri 20 \/ and 20 more/);
  });
});

describe('romeDate', () => {
  test('the date in Europe/Rome, across midnight and daylight saving', () => {
    assert.equal(romeDate(new Date('2025-03-01T23:30:00Z')), '2025-03-02'); // CET, UTC+1
    assert.equal(romeDate(new Date('2025-07-01T21:59:00Z')), '2025-07-01'); // CEST, UTC+2
    assert.equal(romeDate(new Date('2025-07-01T22:00:00Z')), '2025-07-02');
  });
});

describe('scripts/alert.ts (the CLI the workflow calls)', () => {
  const ROOT = fileURLToPath(new URL('../..', import.meta.url));
  const TOKEN = 'ghs_cliTokenNeverPrinted987654321';
  const HOOK_PATH = '/hooks/T000/B000/secret-xyz-webhook';
  const requests: { method: string; path: string; body: unknown; authorization?: string }[] = [];
  let openIssues: { number: number; title: string }[] = [];
  let githubStatus = 200;
  let hookStatus = 200;
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      const path = req.url ?? '';
      requests.push({ method: req.method ?? '', path, body: text ? JSON.parse(text) : undefined, authorization: req.headers.authorization });
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (path === HOOK_PATH) return send(hookStatus, hookStatus < 300 ? { ok: true } : { error: 'boom' });
      if (githubStatus !== 200) return send(githubStatus, { message: 'Bad credentials' });
      if (req.method === 'GET') return send(200, openIssues);
      if (req.method === 'POST' && path === '/repos/ente/conformance/issues') return send(201, { number: 101 });
      send(req.method === 'POST' ? 201 : 200, {});
    });
  });
  const url = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let dir = '';
  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    dir = mkdtempSync(join(tmpdir(), 'alert-cli-'));
  });
  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    requests.length = 0;
    openIssues = [];
    githubStatus = 200;
    hookStatus = 200;
  });

  function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
    const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(GITHUB_|NOTIFY_WEBHOOK_URL$|CI$|GITLAB_CI$)/.test(k))) as Record<
      string,
      string
    >;
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/alert.ts', ...args], { cwd: ROOT, env: { ...base, ...env } });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, output }));
    });
  }
  const github = () => ({ GITHUB_API_URL: url(), GITHUB_TOKEN: TOKEN, GITHUB_REPOSITORY: 'ente/conformance' });
  const calls = () => requests.map((r) => `${r.method} ${r.path.replace(/\?.*$/, '')}`);
  const writeExecution = (name: string, execution: Execution) => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(execution));
    return path;
  };

  test('a bad night: creates the issue and posts the summary to the webhook, exit 0, the secrets never printed', async () => {
    const path = writeExecution(
      'bad.json',
      makeExecution([
        ['GPD-CRE-01', 'Non superato', true, 'expect(received).toBe(201)'],
        ['PAY-03', 'Problema di ambiente'],
      ]),
    );
    const args = ['--execution', path, '--run-result', 'failure', '--run-url', RUN_URL, '--artifact-url', ARTIFACT_URL, '--date', DATE];
    const { code, output } = await run(args, { ...github(), NOTIFY_WEBHOOK_URL: `${url()}${HOOK_PATH}` });
    assert.equal(code, 0, output);
    assert.deepEqual(calls(), ['GET /repos/ente/conformance/issues', 'POST /repos/ente/conformance/issues', `POST ${HOOK_PATH}`]);
    const issue = requests[1]!.body as { title: string; labels: string[] };
    assert.equal(issue.title, 'Conformità notturna 2025-03-02: 1 non superati, 1 problemi di ambiente');
    assert.deepEqual(issue.labels, ['conformita-notturna']);
    assert.equal(requests[1]!.authorization, `Bearer ${TOKEN}`);
    const hook = requests[2]!.body as { text: string };
    assert.deepEqual(Object.keys(hook), ['text']);
    assert.ok(hook.text.startsWith(issue.title) && hook.text.includes(RUN_URL));
    assert.match(output, /#101/);
    assert.ok(!output.includes('secret-xyz') && !output.includes(TOKEN), output);
  });

  test('a broken run (no esecuzione.json): updates the open alert with "esecuzione non completata"', async () => {
    openIssues = [{ number: 12, title: 'Conformità notturna 2025-03-01: 1 non superati, 0 problemi di ambiente' }];
    const { code, output } = await run(['--execution', join(dir, 'missing', 'esecuzione.json'), '--run-result', 'cancelled', '--date', DATE], github());
    assert.equal(code, 0, output);
    assert.deepEqual(calls(), [
      'GET /repos/ente/conformance/issues',
      'PATCH /repos/ente/conformance/issues/12',
      'POST /repos/ente/conformance/issues/12/comments',
    ]);
    assert.equal((requests[1]!.body as { title: string }).title, 'Conformità notturna 2025-03-02: esecuzione non completata (problemi di ambiente)');
  });

  test('a good night closes the open alert; a failing webhook is reported without its URL and exits 1', async () => {
    openIssues = [{ number: 12, title: 'Conformità notturna 2025-03-01: …' }];
    hookStatus = 500;
    const path = writeExecution('good.json', makeExecution([['ACC-01', 'Superato']]));
    const { code, output } = await run(['--execution', path, '--run-result', 'success', '--date', DATE], {
      ...github(),
      NOTIFY_WEBHOOK_URL: `${url()}${HOOK_PATH}`,
    });
    assert.equal(code, 1, output);
    assert.deepEqual(calls(), [
      'GET /repos/ente/conformance/issues',
      'POST /repos/ente/conformance/issues/12/comments',
      'PATCH /repos/ente/conformance/issues/12',
      `POST ${HOOK_PATH}`,
    ]);
    assert.match(output, /500/);
    assert.ok(!output.includes('secret-xyz') && !output.includes(url()), output);
  });

  test('a GitHub error exits 1, naming the call and not the token; the webhook still gets the summary', async () => {
    githubStatus = 401;
    const { code, output } = await run(['--execution', join(dir, 'none.json'), '--run-result', 'failure', '--date', DATE], {
      ...github(),
      NOTIFY_WEBHOOK_URL: `${url()}${HOOK_PATH}`,
    });
    assert.equal(code, 1, output);
    assert.match(output, /GET \/repos\/ente\/conformance\/issues.*401/);
    assert.ok(!output.includes(TOKEN));
    assert.deepEqual(calls(), ['GET /repos/ente/conformance/issues', `POST ${HOOK_PATH}`]);
  });

  test('neither GitHub nor a webhook: prints the decision only, exit 0', async () => {
    const { code, output } = await run(['--execution', join(dir, 'none.json'), '--run-result', 'failure', '--date', DATE], {});
    assert.equal(code, 0, output);
    assert.equal(requests.length, 0);
    assert.match(output, /Conformità notturna 2025-03-02: esecuzione non completata \(problemi di ambiente\)/);
  });

  test('on GitHub Actions without GITHUB_TOKEN the alert cannot fire: exit 1', async () => {
    const { code, output } = await run(['--execution', join(dir, 'none.json'), '--run-result', 'failure', '--date', DATE], {
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: 'ente/conformance',
    });
    assert.equal(code, 1, output);
    assert.match(output, /GITHUB_TOKEN/);
  });

  test('a bad argument is a usage error (exit 2)', async () => {
    const bad = await run(['--execution', 'x.json', '--run-result', 'maybe'], {});
    assert.equal(bad.code, 2, bad.output);
    assert.match(bad.output, /--run-result/);
    const badDate = await run(['--execution', 'x.json', '--run-result', 'success', '--date', '02/03/2025'], {});
    assert.equal(badDate.code, 2, badDate.output);
  });
});
