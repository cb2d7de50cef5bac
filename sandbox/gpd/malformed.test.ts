// Malformed input: always a 4xx with the platform's body, never a 500, never a state change.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { positionBody, startSandbox, type PositionBody, type TestSandbox } from '../test-helpers.ts';

let sb: TestSandbox;
let existing: PositionBody;

beforeEach(async () => {
  sb = await startSandbox();
  existing = positionBody();
  assert.equal((await sb.ec('POST', '/debtpositions', { body: existing })).status, 201);
});
afterEach(() => sb.close());

const badRequest = (detail: string) => ({ title: 'BAD REQUEST', status: 400, detail });
const PKG = 'it.gov.pagopa.debtposition.model';

/** Snapshot of what a client can see: the list and the existing position. */
async function snapshot() {
  return [(await sb.ec('GET', '/debtpositions')).raw, (await sb.ec('GET', `/debtpositions/${existing.iupd}`)).raw];
}

// Bodies are broken on purpose (wrong types included), so they are untyped here.
type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A body derived from a valid one, broken by `edit`. */
function broken(edit: (body: Loose) => void): Loose {
  const body: Loose = positionBody();
  edit(body);
  return body;
}

interface Case {
  name: string;
  payload: string;
  contentType?: string;
  status: number;
  body: unknown;
}

const CASES: Case[] = [
  { name: 'empty body', payload: '', status: 400, body: badRequest('Required request body is missing') },
  { name: 'JSON null', payload: 'null', status: 400, body: badRequest('Required request body is missing') },
  {
    name: 'wrong type (string for a long)',
    payload: JSON.stringify(broken((b) => (b.paymentOption[0].amount = 'abc'))),
    status: 400,
    body: badRequest('JSON parse error: Cannot deserialize value of type `java.lang.Long` from String "abc": not a valid `java.lang.Long` value'),
  },
  {
    name: 'wrong type (object for a list)',
    payload: JSON.stringify(broken((b) => (b.paymentOption = {}))),
    status: 400,
    body: badRequest(
      `JSON parse error: Cannot deserialize value of type \`java.util.ArrayList<${PKG}.pd.PaymentOptionModel>\` from Object value (token \`JsonToken.START_OBJECT\`)`,
    ),
  },
  {
    name: 'wrong type (array for the root)',
    payload: '[]',
    status: 400,
    body: badRequest(
      `JSON parse error: Cannot deserialize value of type \`${PKG}.pd.PaymentPositionModel\` from Array value (token \`JsonToken.START_ARRAY\`)`,
    ),
  },
  {
    name: 'wrong type (text for a boolean)',
    payload: JSON.stringify(broken((b) => (b.switchToExpired = 'maybe'))),
    status: 400,
    body: badRequest('JSON parse error: Cannot deserialize value of type `java.lang.Boolean` from String "maybe": only "true" or "false" recognized'),
  },
  {
    name: 'unknown enum value',
    payload: JSON.stringify(broken((b) => (b.type = 'X'))),
    status: 400,
    body: badRequest(
      `JSON parse error: Cannot deserialize value of type \`${PKG}.enumeration.Type\` from String "X": not one of the values accepted for Enum class: [F, G]`,
    ),
  },
  {
    name: 'date with an offset',
    payload: JSON.stringify(broken((b) => (b.paymentOption[0].dueDate = '2025-12-31T23:59:59+01:00'))),
    status: 400,
    body: badRequest(
      'JSON parse error: Cannot deserialize value of type `java.time.LocalDateTime` from String "2025-12-31T23:59:59+01:00": Failed to deserialize java.time.LocalDateTime: (java.time.format.DateTimeParseException) Text \'2025-12-31T23:59:59+01:00\' could not be parsed, unparsed text found at index 19',
    ),
  },
  {
    name: 'unparseable date',
    payload: JSON.stringify(broken((b) => (b.validityDate = 'tomorrow'))),
    status: 400,
    body: badRequest(
      'JSON parse error: Cannot deserialize value of type `java.time.LocalDateTime` from String "tomorrow": Failed to deserialize java.time.LocalDateTime: (java.time.format.DateTimeParseException) Text \'tomorrow\' could not be parsed at index 0',
    ),
  },
  {
    name: 'missing required fields',
    payload: JSON.stringify(
      broken((b) => {
        delete b.fullName;
        delete b.paymentOption[0].iuv;
        b.paymentOption[0].transfer[0].amount = 0;
      }),
    ),
    status: 400,
    body: badRequest(
      'fullName: full name is required, paymentOption[0].iuv: iuv is required, paymentOption[0].transfer[0].amount: minimum amount is 1 eurocent',
    ),
  },
  {
    name: 'blank and oversize values',
    payload: JSON.stringify(
      broken((b) => {
        b.iupd = ' ';
        b.companyName = 'x'.repeat(141);
        b.country = 'it';
        b.paymentOption[0].transfer[0].iban = 'IT 30';
      }),
    ),
    status: 400,
    body: badRequest(
      'iupd: iupd is required, country: The country must be reported with two capital letters (example: IT), companyName: size must be between 0 and 140, paymentOption[0].transfer[0].iban: IBAN must not contain spaces or special characters.',
    ),
  },
  {
    name: 'wrong content type',
    payload: 'iupd=1',
    contentType: 'application/x-www-form-urlencoded',
    status: 415,
    body: { title: 'Unsupported Media Type', status: 415, detail: "Content-Type 'application/x-www-form-urlencoded' is not supported." },
  },
  {
    name: 'huge body',
    payload: JSON.stringify({ ...positionBody(), padding: 'x'.repeat(11 * 1024 * 1024) }),
    status: 413,
    body: { title: 'Payload Too Large', status: 413, detail: 'Request body is larger than 10485760 bytes' },
  },
];

describe('malformed requests', () => {
  it('bad JSON syntax → 400 JSON parse error', async () => {
    const before = await snapshot();
    const res = await sb.ec('POST', '/debtpositions', { payload: '{"iupd": ', headers: { 'content-type': 'application/json' } });
    assert.equal(res.status, 400);
    assert.deepEqual(Object.keys(res.body), ['title', 'status', 'detail']);
    assert.equal(res.body.title, 'BAD REQUEST');
    assert.match(res.body.detail, /^JSON parse error: /);
    assert.deepEqual(await snapshot(), before);
  });

  for (const c of CASES) {
    for (const method of ['POST', 'PUT'] as const) {
      it(`${method}: ${c.name} → ${c.status}`, async () => {
        const before = await snapshot();
        const path = method === 'POST' ? '/debtpositions' : `/debtpositions/${existing.iupd}`;
        const res = await sb.ec(method, path, { payload: c.payload, headers: { 'content-type': c.contentType ?? 'application/json' } });
        assert.equal(res.status, c.status, res.raw);
        assert.deepEqual(res.body, c.body);
        assert.deepEqual(await snapshot(), before);
      });
    }
  }

  it('unknown properties are ignored', async () => {
    const res = await sb.ec('POST', '/debtpositions', { body: { ...positionBody(), aca: true, extra: { nested: 1 } } });
    assert.equal(res.status, 201);
    assert.equal(res.body.aca, undefined);
  });

  it('Jackson coercions: numbers as strings, dates with Z or fraction', async () => {
    const body = broken((b) => {
      b.paymentOption[0].amount = '10000';
      b.paymentOption[0].dueDate = '2025-12-31T23:59:59.123Z';
    });
    const res = await sb.ec('POST', '/debtpositions', { body });
    assert.equal(res.status, 201);
    assert.equal(res.body.paymentOption[0].amount, 10000);
    assert.equal(res.body.paymentOption[0].dueDate, '2025-12-31T23:59:59.123');
  });

  it('bad query and path values → 400 BAD REQUEST', async () => {
    const before = await snapshot();
    assert.deepEqual(
      (await sb.ec('POST', '/debtpositions', { body: positionBody(), query: { toPublish: 'maybe' } })).body,
      badRequest('Invalid value maybe for property toPublish'),
    );
    assert.deepEqual((await sb.ec('GET', '/debtpositions/bad.iupd')).body, badRequest('getOrganizationDebtPositionByIUPD.iupd: must match "[\\w*\\h-]+"'));
    assert.deepEqual((await sb.ec('DELETE', '/debtpositions/bad.iupd')).body, badRequest('deleteDebtPosition.iupd: must match "[\\w*\\h-]+"'));
    assert.deepEqual(await snapshot(), before);
  });

  it('malformed bodies of the other operations', async () => {
    const before = await snapshot();
    const nav = `3${existing.paymentOption[0]!.iuv}`;
    assert.deepEqual(
      (await sb.internal('POST', `/paymentoptions/${nav}/pay`, { body: { pspCode: 'x'.repeat(36) } })).body,
      badRequest('pspCode: size must be between 0 and 35, pspCompany: pspCompany is required, idReceipt: idReceipt is required'),
    );
    assert.deepEqual(
      (await sb.internal('POST', `/paymentoptions/${nav}/pay`, { body: { pspCompany: 'p', idReceipt: 'r', fee: 'abc' } })).body,
      badRequest('For input string: "abc"'),
    );
    assert.deepEqual(
      (await sb.ec('POST', `/paymentoptions/paids/${nav}`, { body: { paymentDate: '01/03/2025' } })).body,
      badRequest(
        'JSON parse error: Cannot deserialize value of type `java.time.LocalDateTime` from String "01/03/2025": Failed to deserialize java.time.LocalDateTime: (java.time.format.DateTimeParseException) Text \'01/03/2025\' could not be parsed at index 0',
      ),
    );
    assert.deepEqual((await sb.ec('POST', `/paymentoptions/paids/${nav}`)).body, badRequest('Required request body is missing'));
    const patch = (query: Record<string, string>, body: unknown) => sb.ec('PATCH', '/debtpositions/transfers', { query, body });
    assert.deepEqual(
      (await patch({}, { newIban: 'IT1' })).body,
      badRequest("Required request parameter 'oldIban' for method parameter type String is not present"),
    );
    assert.deepEqual((await patch({ oldIban: 'IT0' }, {})).body, badRequest('newIban: must not be null'));
    assert.deepEqual(
      (await patch({ oldIban: 'IT0', limit: '1001' }, { newIban: 'IT1' })).body,
      badRequest('updateTransferIbanMassive.limit: must be less than or equal to 1000'),
    );
    assert.deepEqual((await patch({ oldIban: ' ' }, { newIban: 'IT1' })).body, badRequest('updateTransferIbanMassive.oldIban: must not be blank'));
    assert.deepEqual(await snapshot(), before);
  });
});
