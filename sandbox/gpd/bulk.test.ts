import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KEYS, ORG, positionBody, startSandbox, type TestSandbox } from '../test-helpers.ts';

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
    detail: 'paymentPositionIUPDs: size must be between 1 and 20',
  });
  assert.equal((await bulk('POST', { paymentPositions: [] })).status, 400);
  assert.equal((await bulk('POST', '{"paymentPositions": [')).status, 400);
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
