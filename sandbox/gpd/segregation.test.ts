// `segregationCodes` on the EC operations (issue 13). The published specs declare it; the gateway fills it
// for intermediaries that have segregation codes (notes gpd-api.md §2.5, §6; onboarding-testplan.md §1.2),
// and GPD applies it whenever it arrives (pagopa-debt-position DebtPositionController and
// PaymentPositionCRUDService): the list keeps only the options whose IUV starts with one of the codes; create,
// get, update and delete answer 403 DEBT_POSITION_FORBIDDEN for a position whose first IUV starts with none of
// them (after the 404 of an unknown IUPD); GET and DELETE one hold the value to `\d{2}(,\d{2})*`. Without it
// nothing is filtered or checked.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DAY, DEBTOR_V3, KEYS, ORG, T0, at, ids, installment, positionBody, startSandbox, v3, type TestSandbox } from '../test-helpers.ts';

const V2 = `/gpd/debt-positions-service/v2/organizations/${ORG}/debtpositions`;

let sb: TestSandbox;
before(async () => {
  sb = await startSandbox();
});
after(() => sb.close());

/** A position whose IUV starts with the segregation code `code`. */
function positionWithCode(code: string, companyName?: string) {
  const { iuv } = ids();
  return positionBody({ iuv: `${code}${iuv.slice(2)}`, companyName });
}

const forbidden = (iupd: string) => ({
  title: 'The payment position is forbidden',
  status: 403,
  detail: `The caller does not have proper authorization to access or modify the IUVs in the payment position. [Organization Fiscal Code=${ORG}, IUPD=${iupd}]`,
});
const bulk = (method: 'POST' | 'PUT' | 'DELETE', body: unknown, query: Record<string, string>) =>
  sb.call(method, V2, { body, query, headers: { 'ocp-apim-subscription-key': KEYS.gpd } });
const listIupds = async (query: Record<string, string>) => {
  const res = await sb.ec('GET', '/debtpositions', { query: { limit: '50', ...query } });
  assert.equal(res.status, 200, res.raw);
  return (res.body.payment_position_list as Array<{ iupd: string }>).map((p) => p.iupd);
};

test('list: without segregationCodes every position; with it only those whose IUV starts with one of the codes', async () => {
  const company = `Segregazione ${Date.now()}`;
  const a = positionWithCode('01', company);
  const b = positionWithCode('02', company);
  for (const body of [a, b]) assert.equal((await sb.ec('POST', '/debtpositions', { body })).status, 201);
  const all = await listIupds({});
  assert.ok(all.includes(a.iupd) && all.includes(b.iupd), 'both without the parameter');
  const only01 = await listIupds({ segregationCodes: '01' });
  assert.ok(only01.includes(a.iupd), '01 listed with segregationCodes=01');
  assert.ok(!only01.includes(b.iupd), '02 left out with segregationCodes=01');
  const both = await listIupds({ segregationCodes: '02,01' });
  assert.ok(both.includes(a.iupd) && both.includes(b.iupd), 'both with segregationCodes=02,01');
  assert.deepEqual(await listIupds({ segregationCodes: '47' }), [], 'none with a code no IUV starts with');
});

test('create: 403 when the IUV starts with none of the codes (nothing stored); 201 when it starts with one', async () => {
  const refused = positionWithCode('02');
  const res = await sb.ec('POST', '/debtpositions', { body: refused, query: { segregationCodes: '01,03' } });
  assert.equal(res.status, 403, res.raw);
  assert.deepEqual(res.body, forbidden(refused.iupd));
  assert.equal((await sb.ec('GET', `/debtpositions/${refused.iupd}`)).status, 404, 'nothing stored');
  const accepted = positionWithCode('03');
  assert.equal((await sb.ec('POST', '/debtpositions', { body: accepted, query: { segregationCodes: '01,03' } })).status, 201);
});

test('get, update, delete one: 404 for an unknown IUPD first, then 403 outside the codes, nothing changed', async () => {
  const body = positionWithCode('02');
  assert.equal((await sb.ec('POST', '/debtpositions', { body })).status, 201);
  const query = { segregationCodes: '01' };
  assert.equal((await sb.ec('GET', '/debtpositions/NOT-THERE', { query })).status, 404);
  assert.deepEqual((await sb.ec('GET', `/debtpositions/${body.iupd}`, { query })).body, forbidden(body.iupd));
  const updated = await sb.ec('PUT', `/debtpositions/${body.iupd}`, { body: { ...body, companyName: 'Altro' }, query });
  assert.deepEqual(updated.body, forbidden(body.iupd));
  assert.deepEqual((await sb.ec('DELETE', `/debtpositions/${body.iupd}`, { query })).body, forbidden(body.iupd));
  const stored = await sb.ec('GET', `/debtpositions/${body.iupd}`, { query: { segregationCodes: '02' } });
  assert.equal(stored.status, 200, 'readable with its own code');
  assert.equal(stored.body.companyName, body.companyName, 'the refused update changed nothing');
  assert.equal((await sb.ec('DELETE', `/debtpositions/${body.iupd}`, { query: { segregationCodes: '02' } })).status, 200);
});

test('GET and DELETE one hold segregationCodes to \\d{2}(,\\d{2})* (400, the method named)', async () => {
  const body = positionWithCode('01');
  assert.equal((await sb.ec('POST', '/debtpositions', { body })).status, 201);
  for (const value of ['1', '01,', '01;02', 'ab', '']) {
    const got = await sb.ec('GET', `/debtpositions/${body.iupd}`, { query: { segregationCodes: value } });
    assert.equal(got.status, 400, `GET ${JSON.stringify(value)}`);
    assert.equal(got.body.detail, 'getOrganizationDebtPositionByIUPD.segregationCodes: must match "\\d{2}(,\\d{2})*"');
    const deleted = await sb.ec('DELETE', `/debtpositions/${body.iupd}`, { query: { segregationCodes: value } });
    assert.equal(deleted.body.detail, 'deleteDebtPosition.segregationCodes: must match "\\d{2}(,\\d{2})*"');
  }
  assert.equal((await sb.ec('GET', `/debtpositions/${body.iupd}`)).status, 200, 'still there');
});

test('v2 bulk create, update and delete: 403 for a position outside the codes, nothing written', async () => {
  const inside = positionWithCode('01');
  const outside = positionWithCode('02');
  const created = await bulk('POST', { paymentPositions: [inside, outside] }, { segregationCodes: '01' });
  assert.deepEqual(created.body, forbidden(outside.iupd));
  assert.equal((await sb.ec('GET', `/debtpositions/${inside.iupd}`)).status, 404, 'the batch is all or nothing');
  assert.equal((await bulk('POST', { paymentPositions: [inside, outside] }, { segregationCodes: '01,02' })).status, 201);
  const updated = await bulk('PUT', { paymentPositions: [inside, { ...outside, companyName: 'Altro' }] }, { segregationCodes: '01' });
  assert.deepEqual(updated.body, forbidden(outside.iupd));
  assert.equal((await sb.ec('GET', `/debtpositions/${outside.iupd}`)).body.companyName, outside.companyName);
  const deleted = await bulk('DELETE', { paymentPositionIUPDs: [inside.iupd, outside.iupd] }, { segregationCodes: '01' });
  assert.deepEqual(deleted.body, forbidden(outside.iupd));
  assert.equal((await sb.ec('GET', `/debtpositions/${inside.iupd}`)).status, 200, 'nothing deleted');
});

// v3 (pagopa-debt-position DebtPositionControllerV3, IDebtPositionControllerV3): the same service calls with the
// codes, and the @Pattern on every CRUD operation, not only GET/DELETE one.
const V3_METHODS = {
  create: 'createDebtPosition',
  list: 'getOrganizationDebtPositions',
  get: 'getOrganizationDebtPositionByIUPD',
  update: 'updateDebtPosition',
  delete: 'deleteDebtPosition',
} as const;

/** A v3 position of one single payment whose IUV starts with `code`. */
function v3WithCode(code: string) {
  const { iupd, iuv } = ids();
  return {
    iupd,
    companyName: 'Comune di Test',
    paymentOption: [
      { description: 'Unica soluzione', switchToExpired: false, debtor: DEBTOR_V3, installments: [installment(`${code}${iuv.slice(2)}`, at(T0, 10 * DAY))] },
    ],
  };
}

test('v3: create, get, update and delete answer 403 outside the codes and change nothing; the list keeps only the codes’ positions', async () => {
  const refused = v3WithCode('02');
  const created = await v3(sb, 'POST', '/debtpositions', { body: refused, query: { segregationCodes: '01,03' } });
  assert.deepEqual([created.status, created.body], [403, forbidden(refused.iupd)], created.raw);
  assert.equal((await v3(sb, 'GET', `/debtpositions/${refused.iupd}`)).status, 404, 'nothing stored');

  const body = v3WithCode('02');
  assert.equal((await v3(sb, 'POST', '/debtpositions', { body, query: { segregationCodes: '02' } })).status, 201);
  const query = { segregationCodes: '01' };
  assert.deepEqual((await v3(sb, 'GET', `/debtpositions/${body.iupd}`, { query })).body, forbidden(body.iupd));
  assert.deepEqual((await v3(sb, 'PUT', `/debtpositions/${body.iupd}`, { body: { ...body, companyName: 'Altro' }, query })).body, forbidden(body.iupd));
  assert.deepEqual((await v3(sb, 'DELETE', `/debtpositions/${body.iupd}`, { query })).body, forbidden(body.iupd));
  const listed = async (codes: string) =>
    ((await v3(sb, 'GET', '/debtpositions', { query: { limit: '50', segregationCodes: codes } })).body.payment_position_list as Array<{ iupd: string }>).map(
      (p) => p.iupd,
    );
  assert.ok(!(await listed('01')).includes(body.iupd), 'left out of the list with segregationCodes=01');
  assert.ok((await listed('02')).includes(body.iupd), 'listed with segregationCodes=02');
  const stored = await v3(sb, 'GET', `/debtpositions/${body.iupd}`, { query: { segregationCodes: '02' } });
  assert.equal(stored.body.companyName, body.companyName, 'the refused update changed nothing');
  assert.equal((await v3(sb, 'DELETE', `/debtpositions/${body.iupd}`, { query: { segregationCodes: '02' } })).status, 200);
});

test('v3 holds segregationCodes to \\d{2}(,\\d{2})* on every CRUD operation (400, the method named)', async () => {
  const body = v3WithCode('01');
  assert.equal((await v3(sb, 'POST', '/debtpositions', { body })).status, 201);
  for (const value of ['1', '01,', 'ab']) {
    const query = { segregationCodes: value };
    const answers = {
      create: await v3(sb, 'POST', '/debtpositions', { body: v3WithCode('01'), query }),
      list: await v3(sb, 'GET', '/debtpositions', { query }),
      get: await v3(sb, 'GET', `/debtpositions/${body.iupd}`, { query }),
      update: await v3(sb, 'PUT', `/debtpositions/${body.iupd}`, { body: { ...body, companyName: 'Altro' }, query }),
      delete: await v3(sb, 'DELETE', `/debtpositions/${body.iupd}`, { query }),
    };
    for (const [operation, res] of Object.entries(answers)) {
      assert.equal(res.status, 400, `${operation} ${JSON.stringify(value)}: ${res.raw}`);
      assert.equal(res.body.detail, `${V3_METHODS[operation as keyof typeof V3_METHODS]}.segregationCodes: must match "\\d{2}(,\\d{2})*"`);
    }
  }
  const stored = await v3(sb, 'GET', `/debtpositions/${body.iupd}`);
  assert.equal(stored.body.companyName, body.companyName, 'still there, unchanged');
});
