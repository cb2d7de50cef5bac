// `toPublish` is read as Spring reads a boolean request parameter (StringToBooleanConverter: trimmed,
// case-insensitive true/on/yes/1 and false/off/no/0; empty → the default false; anything else → 400
// "Invalid value X for property toPublish"). pagoPA's own GPD integration suite sends `toPublish=True`
// (issue 13). Checked on every operation that takes it: v1 create and update, v2 bulk create and update.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { KEYS, ORG, positionBody, startSandbox, type TestSandbox } from '../test-helpers.ts';

const V2 = `/gpd/debt-positions-service/v2/organizations/${ORG}/debtpositions`;
const TRUE_VALUES = ['True', 'TRUE', 'true', ' true ', 'On', 'YES', 'yes', '1'];
const FALSE_VALUES = ['False', 'FALSE', 'Off', 'No', '0', ''];
const INVALID_VALUES = ['tru', 'T', '2', 'yes please', 'null'];

let sb: TestSandbox;
before(async () => {
  sb = await startSandbox();
});
after(() => sb.close());

const statusOf = async (iupd: string) => (await sb.ec('GET', `/debtpositions/${iupd}`)).body.status as string;
const bulk = (method: 'POST' | 'PUT', positions: unknown[], toPublish: string) =>
  sb.call(method, V2, { body: { paymentPositions: positions }, query: { toPublish }, headers: { 'ocp-apim-subscription-key': KEYS.gpd } });
const invalid = (value: string) => ({ title: 'BAD REQUEST', status: 400, detail: `Invalid value ${value} for property toPublish` });

test('v1 create: True, TRUE, On, YES, 1… publish (VALID); False, Off, No, 0 and empty do not (DRAFT)', async () => {
  for (const [values, expected] of [
    [TRUE_VALUES, 'VALID'],
    [FALSE_VALUES, 'DRAFT'],
  ] as const) {
    for (const value of values) {
      const res = await sb.ec('POST', '/debtpositions', { body: positionBody(), query: { toPublish: value } });
      assert.equal(res.status, 201, `toPublish=${JSON.stringify(value)}: ${res.raw}`);
      assert.equal(res.body.status, expected, `toPublish=${JSON.stringify(value)}`);
    }
  }
});

test('v1 update: toPublish=True keeps a VALID position VALID; toPublish=False moves it to DRAFT', async () => {
  const body = positionBody();
  assert.equal((await sb.ec('POST', '/debtpositions', { body, query: { toPublish: 'True' } })).status, 201);
  const kept = await sb.ec('PUT', `/debtpositions/${body.iupd}`, { body: { ...body, companyName: 'Comune nuovo' }, query: { toPublish: 'True' } });
  assert.equal(kept.status, 200, kept.raw);
  assert.equal(kept.body.status, 'VALID');
  const drafted = await sb.ec('PUT', `/debtpositions/${body.iupd}`, { body, query: { toPublish: 'False' } });
  assert.equal(drafted.status, 200, drafted.raw);
  assert.equal(drafted.body.status, 'DRAFT');
});

test('v2 bulk create and update read toPublish=True and =Yes the same way', async () => {
  const positions = [positionBody(), positionBody()];
  assert.equal((await bulk('POST', positions, 'True')).status, 201);
  for (const p of positions) assert.equal(await statusOf(p.iupd), 'VALID');
  assert.equal((await bulk('PUT', positions, 'Yes')).status, 200);
  for (const p of positions) assert.equal(await statusOf(p.iupd), 'VALID');
  assert.equal((await bulk('PUT', positions, 'OFF')).status, 200);
  for (const p of positions) assert.equal(await statusOf(p.iupd), 'DRAFT');
});

test('a value Spring cannot read as a boolean → 400 "Invalid value X for property toPublish", nothing written', async () => {
  for (const value of INVALID_VALUES) {
    const body = positionBody();
    const created = await sb.ec('POST', '/debtpositions', { body, query: { toPublish: value } });
    assert.equal(created.status, 400, value);
    assert.deepEqual(created.body, invalid(value));
    assert.equal((await sb.ec('GET', `/debtpositions/${body.iupd}`)).status, 404, `${value}: nothing created`);
    const batch = [positionBody()];
    const bulkCreated = await bulk('POST', batch, value);
    assert.equal(bulkCreated.status, 400, value);
    assert.deepEqual(bulkCreated.body, invalid(value));
    assert.equal((await sb.ec('GET', `/debtpositions/${batch[0]!.iupd}`)).status, 404, `${value}: nothing created in bulk`);
  }
  const existing = positionBody();
  await sb.ec('POST', '/debtpositions', { body: existing, query: { toPublish: 'true' } });
  const updated = await sb.ec('PUT', `/debtpositions/${existing.iupd}`, { body: { ...existing, companyName: 'Altro' }, query: { toPublish: 'vero' } });
  assert.deepEqual(updated.body, invalid('vero'));
  assert.equal(await statusOf(existing.iupd), 'VALID', 'the refused update changed nothing');
  assert.deepEqual((await bulk('PUT', [existing], 'vero')).body, invalid('vero'));
});
