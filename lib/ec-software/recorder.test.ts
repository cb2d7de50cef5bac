// The recording proxy in front of a second sandbox (standing in for UAT): the scripted EC client (plain fetch)
// goes through it unchanged, the recorder's checklist fills in as the sandbox's does, keys pass through but are
// never recorded, production is refused, and the evidence pack built from the recorder's URL lists the cases
// with the EC's calls as their evidence.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { checklistOf, ecClient, ecSandbox, itemsOf, ONBOARDING_CASES } from '../../sandbox/ec-software-test-helpers.ts';
import type { Execution } from '../evidence/execution.ts';
import { EvidenceInputError } from '../evidence/pack.ts';
import { extractPdfText } from '../evidence/pack/pdf-text.ts';
import { RecorderTargetError, startRecorder, type Recorder } from './recorder.ts';
import { buildRecordingPack, loadRecording } from './recording-pack.ts';

describe('recording proxy in front of a second sandbox', () => {
  let sandbox: { app: FastifyInstance; url: string };
  let recorder: Recorder;
  let dir: string;
  before(async () => {
    sandbox = await ecSandbox();
    recorder = await startRecorder({ target: sandbox.url, ecFiscalCode: '77777777777', segregationCodes: ['01'] });
    dir = mkdtempSync(join(tmpdir(), 'recording-pack-'));
  });
  after(async () => {
    await recorder?.close();
    await sandbox?.app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a production target and binds to 127.0.0.1', async () => {
    await assert.rejects(startRecorder({ target: 'https://api.platform.pagopa.it' }), RecorderTargetError);
    assert.match(recorder.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('forwards the onboarding unchanged and its checklist turns each item done; the mistakes show their advice', async () => {
    await ecClient(recorder.url, 'rec-ok').onboarding();
    let items = itemsOf(await checklistOf(recorder.url));
    for (const id of ONBOARDING_CASES) assert.equal(items.get(id)?.status, 'done', id);
    await ecClient(recorder.url, 'rec-ko').mistakes();
    const checklist = await checklistOf(recorder.url);
    items = itemsOf(checklist);
    assert.deepEqual(checklist.problems.flatMap((p) => p.findings.map((f) => f.code)).sort(), ['iuv-check-digits', 'transfers-sum', 'update-trap']);
    assert.equal(items.get('GPD-UPD-03')!.status, 'problems');
    // The second sandbox saw the same calls (nothing lost on the way).
    assert.equal((await checklistOf(sandbox.url)).calls, checklist.calls);
    const text = JSON.stringify(recorder.monitor.recording());
    assert.ok(!text.includes('ec-software-test-gpd-key') && !text.includes('ec-software-test-receipts-key'), 'no key in the recording');
  });

  it('npm run evidence -- --from-recording <recorder URL>: the pack lists the cases with the EC calls as evidence', async () => {
    const recording = await loadRecording(recorder.url);
    const pack = await buildRecordingPack(recording, dir);
    const execution = JSON.parse(readFileSync(join(pack.dir, 'esecuzione.json'), 'utf8')) as Execution & { title: { it: string } };
    assert.match(execution.title.it, /software dell'EC/);
    const byId = new Map(execution.cases.map((c) => [c.id, c]));
    for (const id of ONBOARDING_CASES) {
      const c = byId.get(id)!;
      // The create with a wrong IUV check digit (the mistakes) was accepted: its case is not passed.
      assert.equal(c.outcome, id === 'GPD-CRE-02' ? 'Non superato' : 'Superato', id);
      const ids = recording.calls.filter((call) => call.cases.includes(id)).map((call) => call.requestId);
      assert.deepEqual(c.requestIds, ids, id);
      assert.ok(c.reportLink?.startsWith('report.html#'), id);
    }
    assert.equal(byId.get('GPD-UPD-03')!.outcome, 'Non superato');
    assert.match(byId.get('GPD-UPD-03')!.note!, /toPublish=true/);
    assert.equal(byId.get('GPD-DEL-03')!.outcome, 'Non eseguito');
    assert.equal(byId.get('PAY-01')!.outcome, 'Non eseguito');
    const markdown = readFileSync(join(pack.dir, 'piano-di-test.md'), 'utf8');
    assert.match(markdown, /^# .*software dell'EC/m);
    assert.ok(markdown.includes(byId.get('GPD-CRE-01')!.requestIds[0]!));
    assert.match(
      markdown,
      /\*\*Origine delle evidenze\*\*: Evidenze dalle chiamate del software dell'EC, inoltrate a http:\/\/127\.0\.0\.1:\d+ dal proxy di registrazione/,
    );
    assert.match(await extractPdfText(new Uint8Array(readFileSync(join(pack.dir, 'sintesi.pdf')))), /Origine delle evidenze/);
    for (const file of ['report.html', 'piano-di-test.xlsx', 'sintesi.pdf']) assert.ok(pack.sizes[file as keyof typeof pack.sizes] > 0, file);
  });

  it('--from-recording also reads a recording file; anything else is refused with a clear message', async () => {
    const file = join(dir, 'ec-recording.json');
    writeFileSync(file, JSON.stringify(recorder.monitor.recording()));
    assert.deepEqual((await loadRecording(file)).calls, recorder.monitor.list());
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ format: 'pagopa-async-conformance/esecuzione@1', cases: [] }));
    await assert.rejects(
      loadRecording(join(dir, 'other.json')),
      (error: Error) => error instanceof EvidenceInputError && /not a recording/.test(error.message),
    );
    await assert.rejects(loadRecording(join(dir, 'missing.json')), EvidenceInputError);
    await assert.rejects(loadRecording(`${sandbox.url}/nothing-here`), EvidenceInputError);
  });
});

/** Resolves when `check` holds, polling every 10 ms; rejects after `ms`. */
async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('recording proxy: bodies are streamed, not buffered', () => {
  it('the target gets the first part of a big upload before the client has sent the rest, and the client the first part of the answer', async () => {
    let received = 0;
    let releaseAnswer: () => void = () => {};
    const answerReleased = new Promise<void>((resolve) => (releaseAnswer = resolve));
    const upstream = createServer((req, res) => {
      req.on('data', (chunk: Buffer) => (received += chunk.length));
      req.on('end', () => {
        res.writeHead(202, { 'content-type': 'application/octet-stream' });
        res.write('first-part;');
        void answerReleased.then(() => res.end(`total=${received}`));
      });
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const recorder = await startRecorder({ target: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}` });
    try {
      const chunk = Buffer.alloc(1024 * 1024, 7);
      const url = new URL(`${recorder.url}/upload/gpd/debt-positions-service/v1/brokers/B/organizations/77777777777/debtpositions/file`);
      const req = httpRequest(url, {
        method: 'POST',
        headers: { 'content-type': 'multipart/form-data; boundary=x', 'ocp-apim-subscription-key': 'stream-test-key-1234' },
      });
      const response = new Promise<IncomingMessage>((resolve) => req.once('response', resolve));
      req.write(chunk);
      await until(() => received > 0, 5_000, 'the target saw the first MiB while the client was still sending');
      for (let i = 1; i < 20; i += 1) req.write(chunk);
      req.end();
      const res = await response;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (data: string) => (text += data));
      await until(() => text === 'first-part;', 5_000, 'the client got the first part of the answer before the target ended it');
      releaseAnswer();
      await new Promise((resolve) => res.once('end', resolve));
      assert.equal(text, `first-part;total=${20 * chunk.length}`);
      const [call] = recorder.monitor.list();
      assert.equal(call?.request.bytes, 20 * chunk.length);
      assert.equal(call?.request.body, undefined, 'an upload is counted, not kept');
      assert.ok(!JSON.stringify(recorder.monitor.recording()).includes('stream-test-key-1234'));
    } finally {
      releaseAnswer();
      await recorder.close();
      await new Promise((resolve) => upstream.close(resolve));
    }
  });
});

describe('recording proxy: what only a proxy sees', () => {
  it('a create the client gave up on (its timeout) and then sent again without reading first is flagged as a blind retry', async () => {
    const iupds = new Set<string>();
    const upstream = createServer((req, res) => {
      let text = '';
      req.setEncoding('utf8');
      req.on('data', (data: string) => (text += data));
      req.on('end', () => {
        const { iupd } = JSON.parse(text) as { iupd: string };
        const duplicate = iupds.has(iupd);
        iupds.add(iupd);
        // The first create is slow (past the client's timeout) but happens; the second is a duplicate.
        setTimeout(
          () =>
            res
              .writeHead(duplicate ? 409 : 201, { 'content-type': 'application/json' })
              .end(JSON.stringify(duplicate ? { status: 409, title: 'conflict' } : { iupd, status: 'DRAFT' })),
          duplicate ? 0 : 400,
        );
      });
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const recorder = await startRecorder({ target: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}` });
    try {
      const url = `${recorder.url}/gpd/debt-positions-service/v1/organizations/77777777777/debtpositions`;
      const body = JSON.stringify({ iupd: 'BLIND-1' });
      const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body };
      await assert.rejects(fetch(url, { ...init, signal: AbortSignal.timeout(100) }));
      await until(() => recorder.monitor.list().length === 1, 5_000, 'the aborted create recorded once the target answered');
      const first = recorder.monitor.list()[0]!;
      assert.equal(first.clientAborted, true);
      assert.equal(first.response.status, 201);
      const retry = await fetch(url, init);
      assert.equal(retry.status, 409);
      await until(() => recorder.monitor.list().length === 2, 5_000, 'the retry recorded');
      const second = recorder.monitor.list()[1]!;
      // (The bodies here are bare: their schema findings are beside the point.)
      assert.ok(!first.findings.some((f) => f.code === 'blind-create-retry'));
      const blind = second.findings.find((f) => f.code === 'blind-create-retry');
      assert.match(blind?.advice.en ?? '', /first read the position/);
    } finally {
      await recorder.close();
      await new Promise((resolve) => upstream.close(resolve));
    }
  });

  it('forwards 300 concurrent calls of the scripted client, none lost, each recorded once', async () => {
    const sandbox = await ecSandbox();
    const recorder = await startRecorder({ target: sandbox.url });
    try {
      const client = ecClient(recorder.url, 'concurrent');
      const path = '/gpd/debt-positions-service/v1/organizations/77777777777/debtpositions?limit=1';
      const answers: number[] = [];
      // 3 waves of 100 concurrent calls: past the sandbox's allowance (100 calls / 10 s per key) the answers are 429s,
      // which are forwarded and recorded like any other answer (not lost).
      for (let wave = 0; wave < 3; wave += 1)
        answers.push(...(await Promise.all(Array.from({ length: 100 }, () => client.call('GET', path)))).map((a) => a.status));
      assert.equal(answers.length, 300);
      assert.ok(answers.every((status) => status === 200 || status === 429));
      const recorded = recorder.monitor.list();
      assert.equal(recorded.length, 300);
      assert.equal(new Set(recorded.map((c) => c.requestId)).size, 300, 'one record per call');
      assert.deepEqual(recorded.map((c) => c.response.status).sort(), [...answers].sort());
    } finally {
      await recorder.close();
      await sandbox.app.close();
    }
  });
});
