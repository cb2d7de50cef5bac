import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DAY, KEYS, ORG, positionBody, startSandbox, type TestSandbox } from '../test-helpers.ts';

const V2 = `/gpd/debt-positions-service/v2/organizations/${ORG}/debtpositions`;
let sb: TestSandbox;
before(async () => {
  sb = await startSandbox();
});
after(() => sb.close());

const bulk = (method: 'POST' | 'PUT' | 'DELETE', body: unknown, query: Record<string, string> = {}) =>
  sb.call(method, V2, { body, query, headers: { 'ocp-apim-subscription-key': KEYS.gpd } });
const statusOf = async (iupd: string) => (await sb.ec('GET', `/debtpositions/${iupd}`)).status;

test('bulk create → 201 without body; positions published with toPublish', async () => {
  const positions = [positionBody(), positionBody()];
  const res = await bulk('POST', { paymentPositions: positions }, { toPublish: 'true' });
  assert.equal(res.status, 201);
  assert.equal(res.raw, '');
  for (const p of positions) assert.equal((await sb.ec('GET', `/debtpositions/${p.iupd}`)).body.status, 'VALID');
});

test('one invalid position rejects the whole batch, nothing is created', async () => {
  const positions = [positionBody(), positionBody(), positionBody()];
  positions[1]!.paymentOption[0]!.transfer[0]!.amount = 1;
  const res = await bulk('POST', { paymentPositions: positions });
  assert.equal(res.status, 400);
  assert.equal(res.body.title, 'Error in the debt position request data');
  for (const p of positions) assert.equal(await statusOf(p.iupd), 404);
});

test('a uniqueness clash late in the batch undoes the positions saved before it', async () => {
  const existing = positionBody();
  assert.equal((await bulk('POST', { paymentPositions: [existing] })).status, 201);
  const fresh = [positionBody(), positionBody()];
  const clash = positionBody({ iuv: existing.paymentOption[0]!.iuv });
  const res = await bulk('POST', { paymentPositions: [...fresh, clash] });
  assert.equal(res.status, 409);
  assert.equal(res.body.title, 'The debt position violated constraints of uniqueness');
  for (const p of [...fresh, clash]) assert.equal(await statusOf(p.iupd), 404);
  assert.equal(await statusOf(existing.iupd), 200);
});

test('limits: 101 positions and 21 IUPDs → 400; empty lists → 400', async () => {
  const tooMany = Array.from({ length: 101 }, () => positionBody());
  assert.deepEqual((await bulk('POST', { paymentPositions: tooMany })).body, {
    title: 'BAD REQUEST',
    status: 400,
    detail: 'paymentPositions: size must be between 1 and 100',
  });
  assert.equal(await statusOf(tooMany[0]!.iupd), 404);
  const iupds = Array.from({ length: 21 }, (_, i) => `X${i}`);
  assert.deepEqual((await bulk('DELETE', { paymentPositionIUPDs: iupds })).body, {
    title: 'BAD REQUEST',
    status: 400,
    detail: 'paymentPositionIUPDs: size must be between 0 and 20',
  });
  assert.deepEqual((await bulk('POST', { paymentPositions: [] })).body, { title: 'BAD REQUEST', status: 400, detail: 'paymentPositions: must not be empty' });
  assert.deepEqual((await bulk('DELETE', { paymentPositionIUPDs: [] })).body, {
    title: 'BAD REQUEST',
    status: 400,
    detail: 'paymentPositionIUPDs: must not be empty',
  });
  const bad = await bulk('POST', '{"paymentPositions": [');
  assert.equal(bad.status, 400);
  assert.match(bad.body.detail, /^JSON parse error: /);
  // Exactly 100 positions and 20 IUPDs are accepted.
  const hundred = Array.from({ length: 100 }, () => positionBody());
  assert.equal((await bulk('POST', { paymentPositions: hundred })).status, 201);
  assert.equal((await bulk('DELETE', { paymentPositionIUPDs: hundred.slice(0, 20).map((p) => p.iupd) })).status, 200);
});

test('bean validation of the positions: v1 messages, paths inside the batch', async () => {
  const ok = positionBody();
  const broken = positionBody();
  const { iupd: _dropped, ...withoutIupd } = broken;
  const res = await bulk('POST', { paymentPositions: [ok, { ...withoutIupd, country: 'it' }] });
  assert.deepEqual(res.body, {
    title: 'BAD REQUEST',
    status: 400,
    detail: 'paymentPositions[1].iupd: iupd is required, paymentPositions[1].country: The country must be reported with two capital letters (example: IT)',
  });
  assert.equal(await statusOf(ok.iupd), 404);
});

test('two positions with the same IUPD in one batch → 409, nothing created', async () => {
  const first = positionBody();
  const twin = positionBody({ iupd: first.iupd });
  const res = await bulk('POST', { paymentPositions: [positionBody(), first, twin] });
  assert.deepEqual(res.body, {
    title: 'The debt position violated constraints of uniqueness',
    status: 409,
    detail: `Already exists a debt position for the Organization Fiscal Code ${ORG} or one of its payment options is not unique`,
  });
  assert.equal(await statusOf(first.iupd), 404);
});

test('the whole batch is checked before anything is written: a 400 after a clash is still a 400', async () => {
  const existing = positionBody();
  assert.equal((await bulk('POST', { paymentPositions: [existing] })).status, 201);
  const invalid = positionBody({ dueInMs: -DAY });
  const res = await bulk('POST', { paymentPositions: [positionBody({ iupd: existing.iupd }), invalid] });
  assert.equal(res.status, 400);
  assert.equal(res.body.title, 'Error in the debt position request data');
  assert.match(res.body.detail, /^Dates congruence error: due_date must be >= validity_date/);
});

test('a failing update in the middle of a bulk update leaves every position as it was', async () => {
  const [a, b] = [positionBody(), positionBody()];
  assert.equal((await bulk('POST', { paymentPositions: [a, b] }, { toPublish: 'true' })).status, 201);
  assert.equal((await sb.ec('POST', `/debtpositions/${b.iupd}/invalidate`)).status, 200);
  const res = await bulk(
    'PUT',
    {
      paymentPositions: [
        { ...a, companyName: 'Nuovo' },
        { ...b, companyName: 'Nuovo' },
      ],
    },
    { toPublish: 'true' },
  );
  assert.equal(res.status, 409);
  assert.equal(res.body.title, 'Existing related payment found or not in updatable state');
  const read = (await sb.ec('GET', `/debtpositions/${a.iupd}`)).body;
  assert.deepEqual([read.companyName, read.status], ['Comune di Test', 'VALID']);
});

test('update and delete name every missing IUPD → 404, and change nothing', async () => {
  const present = positionBody();
  assert.equal((await bulk('POST', { paymentPositions: [present] })).status, 201);
  const res = await bulk('PUT', {
    paymentPositions: [{ ...present, companyName: 'Cambiato' }, positionBody({ iupd: 'MISSING-1' }), positionBody({ iupd: 'MISSING-2' })],
  });
  assert.deepEqual(res.body, {
    title: 'Not found the debt position',
    status: 404,
    detail: `Not found a debt position for Organization Fiscal Code ${ORG} and IUPD [MISSING-1, MISSING-2]`,
  });
  assert.equal((await sb.ec('GET', `/debtpositions/${present.iupd}`)).body.companyName, 'Comune di Test');
  const del = await bulk('DELETE', { paymentPositionIUPDs: [present.iupd, 'MISSING-3'] });
  assert.equal(del.status, 404);
  assert.equal(await statusOf(present.iupd), 200);
});

test('bulk update → 200 without body; bulk delete → 200 with the unquoted message', async () => {
  const positions = [positionBody(), positionBody()];
  assert.equal((await bulk('POST', { paymentPositions: positions })).status, 201);
  const update = await bulk('PUT', { paymentPositions: positions.map((p) => ({ ...p, companyName: 'Aggiornato' })) }, { toPublish: 'true' });
  assert.equal(update.status, 200);
  assert.equal(update.raw, '');
  assert.equal((await sb.ec('GET', `/debtpositions/${positions[0]!.iupd}`)).body.companyName, 'Aggiornato');
  const del = await bulk('DELETE', { paymentPositionIUPDs: positions.map((p) => p.iupd) });
  assert.equal(del.status, 200);
  assert.equal(del.raw, 'The debt position was successfully deleted');
  for (const p of positions) assert.equal(await statusOf(p.iupd), 404);
});

test('a paid position in a bulk delete → 409 and nothing deleted', async () => {
  const [paid, other] = [positionBody(), positionBody()];
  assert.equal((await bulk('POST', { paymentPositions: [paid, other] }, { toPublish: 'true' })).status, 201);
  assert.equal((await sb.ec('POST', `/paymentoptions/paids/${paid.paymentOption[0]!.iuv}`, { body: { paymentDate: '2025-03-01T10:00:00' } })).status, 200);
  const res = await bulk('DELETE', { paymentPositionIUPDs: [other.iupd, paid.iupd] });
  assert.equal(res.status, 409);
  assert.equal(await statusOf(other.iupd), 200, 'the other position is still there');
});

test('v2 paids and /info; the v2 delete path takes an 11-character organization code', async () => {
  const paid = positionBody();
  assert.equal((await bulk('POST', { paymentPositions: [paid] }, { toPublish: 'true' })).status, 201);
  const nav = `3${paid.paymentOption[0]!.iuv}`;
  const res = await sb.call('POST', `/gpd/debt-positions-service/v2/organizations/${ORG}/paymentoptions/paids/${nav}`, {
    body: { paymentDate: '2025-03-01T10:00:00' },
    headers: { 'ocp-apim-subscription-key': KEYS.gpd },
  });
  assert.equal(res.status, 200);
  assert.deepEqual([res.body.status, res.body.idReceipt], ['PO_PAID', 'CLOSED_AS_ALREADY_PAID_BY_EC']);
  const info = await sb.call('GET', '/gpd/debt-positions-service/v2/info', { headers: { 'ocp-apim-subscription-key': KEYS.gpd } });
  assert.equal(info.status, 200);

  const anyEc = await startSandbox({ subscriptions: [{ key: 'any-ec', product: 'gpd', organizations: ['*'] }] });
  try {
    const del = (org: string, body: unknown) =>
      anyEc.call('DELETE', `/gpd/debt-positions-service/v2/organizations/${org}/debtpositions`, { body, headers: { 'ocp-apim-subscription-key': 'any-ec' } });
    assert.deepEqual((await del('1234567890', { paymentPositionIUPDs: ['A'] })).body, {
      title: 'BAD REQUEST',
      status: 400,
      detail: 'deleteMultipleDebtPositions.organizationFiscalCode: must match "\\b\\w{11}\\b"',
    });
    // The body is validated first.
    assert.equal((await del('1234567890', { paymentPositionIUPDs: [] })).body.detail, 'paymentPositionIUPDs: must not be empty');
    assert.equal((await del('12345678901', { paymentPositionIUPDs: ['A'] })).status, 404);
  } finally {
    await anyEc.close();
  }
});

test('the v2 API is rate limited with the GPD limit (same key, same window as v1)', async () => {
  const limited = await startSandbox({ rateLimits: { gpd: { calls: 2, periodMs: 60_000 } } });
  try {
    const headers = { 'ocp-apim-subscription-key': KEYS.gpd };
    assert.equal((await limited.call('GET', '/gpd/debt-positions-service/v2/info', { headers })).status, 200);
    assert.equal((await limited.call('GET', '/gpd/debt-positions-service/v1/info', { headers })).status, 200);
    const res = await limited.call('GET', '/gpd/debt-positions-service/v2/info', { headers });
    assert.equal(res.status, 429);
  } finally {
    await limited.close();
  }
});
