// The EC's own software against the sandbox (issue 15): a scripted client written with plain fetch
// (examples/ec-software) performs the onboarding steps; the sandbox records and checks its calls, the checklist
// turns each item done, the deliberate mistakes show their problem with its advice, the suite's own calls are
// not recorded and keys are never kept.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Recording } from '../lib/ec-software/monitor.ts';
import { SUITE_CLIENT_HEADER } from '../lib/ec-software/calls.ts';
import { EC, GPD_KEY, INTERNAL_KEY, RECEIPTS_KEY, checklistOf, ecClient, ecSandbox, itemsOf, ONBOARDING_CASES } from './ec-software-test-helpers.ts';

describe('EC software on the sandbox: recording, checks, checklist', () => {
  let sandbox: { app: FastifyInstance; url: string };
  before(async () => {
    sandbox = await ecSandbox();
  });
  after(async () => sandbox?.app.close());

  it('the onboarding done right turns its items done, with the calls as evidence and no problem', async () => {
    const before = itemsOf(await checklistOf(sandbox.url));
    for (const id of ONBOARDING_CASES) assert.equal(before.get(id)?.status, 'todo', id);
    await ecClient(sandbox.url, 'ok').onboarding();
    const checklist = await checklistOf(sandbox.url);
    const items = itemsOf(checklist);
    for (const id of ONBOARDING_CASES) {
      assert.equal(items.get(id)?.status, 'done', id);
      assert.ok(
        items.get(id)!.calls.every((c) => c.requestId !== ''),
        id,
      );
    }
    assert.deepEqual(checklist.problems, []);
    assert.equal(items.get('GPD-UPD-03')!.status, 'todo');
    const recording = (await (await fetch(`${sandbox.url}/__sandbox/recording`)).json()) as Recording;
    assert.ok(recording.calls.length >= ONBOARDING_CASES.length - 2);
    assert.ok(!JSON.stringify(recording).includes(GPD_KEY) && !JSON.stringify(recording).includes(RECEIPTS_KEY), 'no key in the recording');
  });

  it("the suite's own calls (its header) and other paths are not recorded", async () => {
    const count = (await checklistOf(sandbox.url)).calls;
    const res = await fetch(`${sandbox.url}/gpd/debt-positions-service/v1/organizations/${EC}/debtpositions?limit=1`, {
      headers: { 'Ocp-Apim-Subscription-Key': GPD_KEY, [SUITE_CLIENT_HEADER]: 'pagopa-async-conformance' },
    });
    assert.equal(res.status, 200);
    await fetch(`${sandbox.url}/__sandbox/health`);
    assert.equal((await checklistOf(sandbox.url)).calls, count);
  });

  it('the mistakes (update trap, wrong IUV check digit, transfers not adding up) show their problem with advice', async () => {
    await ecClient(sandbox.url, 'ko').mistakes();
    const checklist = await checklistOf(sandbox.url);
    const codes = checklist.problems.flatMap((p) => p.findings.map((f) => f.code));
    assert.deepEqual(codes.sort(), ['iuv-check-digits', 'transfers-sum', 'update-trap']);
    for (const finding of checklist.problems.flatMap((p) => p.findings)) assert.ok(finding.advice.it.length > 10 && finding.advice.en.length > 10);
    const items = itemsOf(checklist);
    assert.equal(items.get('GPD-UPD-03')!.status, 'problems');
    assert.match(items.get('GPD-UPD-03')!.problems[0]!.findings[0]!.advice.en, /toPublish=true/);
    assert.equal(items.get('GPD-CRE-02')!.status, 'problems', 'the create with a wrong IUV was accepted: done with problems');
    assert.equal(items.get('GPD-CRE-09')!.status, 'done', 'the refusal it provoked evidences the negative case');
  });

  it('a call without a key is ACC-01; the reset needs the internal key and forgets every call', async () => {
    const res = await fetch(`${sandbox.url}/gpd/debt-positions-service/v1/organizations/${EC}/debtpositions`);
    assert.equal(res.status, 401);
    assert.equal(itemsOf(await checklistOf(sandbox.url)).get('ACC-01')!.status, 'done');
    assert.equal((await fetch(`${sandbox.url}/__sandbox/recording/reset`, { method: 'POST' })).status, 401);
    const reset = await fetch(`${sandbox.url}/__sandbox/recording/reset`, { method: 'POST', headers: { 'Ocp-Apim-Subscription-Key': INTERNAL_KEY } });
    assert.equal(reset.status, 204);
    assert.equal((await checklistOf(sandbox.url)).calls, 0);
  });

  it('hostile queries on the checklist get an answer, never a 500', async () => {
    for (const query of ['?lang=__proto__&format=html', '?lang=en&lang=it&format=html&part=main', '?format=%ZZ', '?part=constructor']) {
      const res = await fetch(`${sandbox.url}/__sandbox/checklist${query}`);
      assert.ok(res.status < 500, `${query}: ${res.status}`);
      await res.arrayBuffer();
    }
  });
});
