import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { schemaIds, validateBody, type SchemaId } from './schemas.ts';

type Json = Record<string, unknown>;

const SCHEMAS_DIR = new URL('../schemas/', import.meta.url);
const OPENAPI_DIR = new URL('../../shared/reference/openapi/', import.meta.url);

/** The minimal v1 create body of the notes (§3.6). */
function minimalCreateBody(): Json {
  return {
    iupd: '77777777777-2025-000001',
    type: 'F',
    fiscalCode: 'RSSMRA80A01H501U',
    fullName: 'Mario Rossi',
    companyName: 'Comune di Test',
    switchToExpired: false,
    paymentOption: [
      {
        iuv: '01000000001234519',
        amount: 10000,
        description: 'TARI 2025',
        isPartialPayment: false,
        dueDate: '2026-12-31T23:59:59',
        transfer: [
          {
            idTransfer: '1',
            amount: 10000,
            remittanceInformation: 'TARI 2025',
            category: '9/0101108TS/',
            iban: 'IT30N0103076271000001823603',
          },
        ],
      },
    ],
  };
}

/** What GPD answers to the create above (toPublish=true): read-only fields filled, unset fields null. */
function createResponse(): Json {
  return {
    iupd: '77777777777-2025-000001',
    type: 'F',
    payStandIn: true,
    fiscalCode: 'RSSMRA80A01H501U',
    fullName: 'Mario Rossi',
    streetName: null,
    civicNumber: null,
    postalCode: null,
    city: null,
    province: null,
    region: null,
    country: null,
    email: null,
    phone: null,
    switchToExpired: false,
    companyName: 'Comune di Test',
    officeName: null,
    validityDate: '2025-03-01T10:00:00.123456',
    paymentDate: null,
    status: 'VALID',
    paymentOption: [
      {
        nav: '301000000001234519',
        iuv: '01000000001234519',
        amount: 10000,
        description: 'TARI 2025',
        isPartialPayment: false,
        dueDate: '2026-12-31T23:59:59',
        retentionDate: null,
        fee: 0,
        notificationFee: 0,
        transfer: [
          {
            idTransfer: '1',
            amount: 10000,
            organizationFiscalCode: '77777777777',
            remittanceInformation: 'TARI 2025',
            category: '9/0101108TS/',
            iban: 'IT30N0103076271000001823603',
            postalIban: null,
            stamp: null,
            companyName: null,
            transferMetadata: [],
          },
        ],
        paymentOptionMetadata: [],
      },
    ],
  };
}

/** A GET one response with a paid option, a stamp transfer and metadata. */
function baseResponse(): Json {
  return {
    iupd: '77777777777-2025-000002',
    organizationFiscalCode: '77777777777',
    type: 'G',
    companyName: 'Comune di Test',
    officeName: 'Ufficio Tributi',
    insertedDate: '2025-03-01T09:59:58.123456',
    publishDate: '2025-03-01T10:00:00',
    validityDate: '2025-03-01T10:00:00',
    paymentDate: '2025-03-02T08:30:00.5',
    status: 'PAID',
    lastUpdatedDate: '2025-03-02T08:30:01',
    paymentOption: [
      {
        nav: '301000000001234519',
        iuv: '01000000001234519',
        organizationFiscalCode: '77777777777',
        amount: 11600,
        description: 'TARI 2025',
        isPartialPayment: false,
        dueDate: '2026-12-31T23:59:59',
        retentionDate: null,
        paymentDate: '2025-03-02T08:30:00.5',
        reportingDate: null,
        insertedDate: '2025-03-01T09:59:58.123456',
        paymentMethod: 'CP',
        fee: 150,
        notificationFee: 0,
        pspCompany: 'Banca di Test',
        idReceipt: 'c1a5b3e0f0e14c3f9d1a2b3c4d5e6f70',
        idFlowReporting: null,
        status: 'PO_PAID',
        lastUpdatedDate: '2025-03-02T08:30:01',
        paymentOptionMetadata: [{ key: 'anno', value: '2025' }],
        transfer: [
          {
            organizationFiscalCode: '77777777777',
            companyName: null,
            idTransfer: '1',
            amount: 10000,
            remittanceInformation: 'TARI 2025',
            category: '9/0101108TS/',
            iban: 'IT30N0103076271000001823603',
            postalIban: null,
            stamp: null,
            insertedDate: '2025-03-01T09:59:58.123456',
            status: 'T_UNREPORTED',
            lastUpdatedDate: '2025-03-01T09:59:58.123456',
            transferMetadata: [],
          },
          {
            organizationFiscalCode: '77777777777',
            companyName: null,
            idTransfer: '2',
            amount: 1600,
            remittanceInformation: 'Imposta di bollo',
            category: '9/0301116TS/9/24B0060000000017',
            iban: null,
            postalIban: null,
            stamp: { hashDocument: 'wHpFSLCGZjIvNSXxqtGbxg7275t446DRTk5ZrsdUQ6E=', stampType: '01', provincialResidence: 'RM' },
            insertedDate: '2025-03-01T09:59:58.123456',
            status: 'T_UNREPORTED',
            lastUpdatedDate: '2025-03-01T09:59:58.123456',
            transferMetadata: [{ key: 'k', value: 'v' }],
          },
        ],
      },
    ],
  };
}

/** A fixture copy, typed loosely so that tests can reach and mutate nested members. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = any;
const copy = (value: Json): Body => structuredClone(value);
/** The member of `body` at a JSON Pointer ('' is the body itself). */
const at = (body: Body, pointer: string): Body =>
  pointer
    .split('/')
    .slice(1)
    .reduce((node: Body, key) => node[key], body);

describe('schema files', () => {
  test('every schema file under schemas/ compiles (the ids come from the folder; their types from lib/schema-types.ts)', () => {
    const ids = schemaIds();
    assert.ok(ids.includes('gpd/PaymentPositionModel') && ids.includes('gateway/GatewayError'), ids.join(', '));
    for (const id of ids) {
      assert.equal(validateBody(id, {}).schema, id); // throws if a schema is missing or broken
    }
  });

  test('every object schema is closed (additionalProperties: false)', () => {
    const walk = (node: unknown, where: string): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${where}/${i}`));
      if (node === null || typeof node !== 'object') return;
      const schema = node as Json;
      const types = ([] as unknown[]).concat(schema.type ?? []);
      if (types.includes('object') || 'properties' in schema) {
        assert.equal(schema.additionalProperties, false, `${where} is not closed`);
      }
      for (const [key, child] of Object.entries(schema)) walk(child, `${where}/${key}`);
    };
    for (const id of schemaIds()) walk(JSON.parse(readFileSync(new URL(`${id}.json`, SCHEMAS_DIR), 'utf8')), id);
  });
});

describe('PaymentPositionModel (request)', () => {
  test('the minimal create body passes with no warnings', () => {
    const verdict = validateBody('gpd/PaymentPositionModel', minimalCreateBody());
    assert.deepEqual(verdict, { schema: 'gpd/PaymentPositionModel', valid: true, errors: [], warnings: [] });
  });

  // Missing required properties are reported at the path of the missing property.
  const REQUIRED: Record<string, string[]> = {
    '': ['iupd', 'type', 'fiscalCode', 'fullName', 'companyName', 'switchToExpired'],
    '/paymentOption/0': ['iuv', 'amount', 'description', 'isPartialPayment', 'dueDate'],
    '/paymentOption/0/transfer/0': ['idTransfer', 'amount', 'remittanceInformation', 'category'],
  };
  for (const [path, fields] of Object.entries(REQUIRED)) {
    for (const field of fields) {
      test(`missing ${path}/${field} is an error`, () => {
        const body = copy(minimalCreateBody());
        delete at(body, path)[field];
        const verdict = validateBody('gpd/PaymentPositionModel', body);
        assert.equal(verdict.valid, false);
        assert.deepEqual(verdict.errors, [`${path}/${field}: must have required property '${field}'`]);
      });
    }
  }

  test('stamp fields are all required', () => {
    const body = copy(minimalCreateBody());
    delete body.paymentOption[0].transfer[0].iban;
    body.paymentOption[0].transfer[0].stamp = { stampType: '01' };
    assert.deepEqual(validateBody('gpd/PaymentPositionModel', body).errors, [
      "/paymentOption/0/transfer/0/stamp/hashDocument: must have required property 'hashDocument'",
      "/paymentOption/0/transfer/0/stamp/provincialResidence: must have required property 'provincialResidence'",
    ]);
  });

  const violations: Array<[string, (b: Body) => void, string]> = [
    ['debtor type not F/G', (b) => (b.type = 'X'), '/type: must be equal to one of the allowed values ("F", "G")'],
    [
      'idTransfer 6',
      (b) => (b.paymentOption[0].transfer[0].idTransfer = '6'),
      '/paymentOption/0/transfer/0/idTransfer: must be equal to one of the allowed values ("1", "2", "3", "4", "5")',
    ],
    ['idTransfer as a number', (b) => (b.paymentOption[0].transfer[0].idTransfer = 1), '/paymentOption/0/transfer/0/idTransfer: must be string'],
    ['amount 0', (b) => (b.paymentOption[0].amount = 0), '/paymentOption/0/amount: must be >= 1'],
    ['amount in euros', (b) => (b.paymentOption[0].amount = 100.5), '/paymentOption/0/amount: must be integer'],
    ['amount as a string', (b) => (b.paymentOption[0].amount = '10000'), '/paymentOption/0/amount: must be integer'],
    ['switchToExpired as a string', (b) => (b.switchToExpired = 'false'), '/switchToExpired: must be boolean'],
    ['blank iupd', (b) => (b.iupd = '   '), '/iupd: must match pattern "\\S"'],
    ['companyName of 141 chars', (b) => (b.companyName = 'x'.repeat(141)), '/companyName: must NOT have more than 140 characters'],
    [
      'description of 141 chars',
      (b) => (b.paymentOption[0].description = 'x'.repeat(141)),
      '/paymentOption/0/description: must NOT have more than 140 characters',
    ],
    [
      'remittanceInformation of 141 chars',
      (b) => (b.paymentOption[0].transfer[0].remittanceInformation = 'x'.repeat(141)),
      '/paymentOption/0/transfer/0/remittanceInformation: must NOT have more than 140 characters',
    ],
    ['country in lowercase', (b) => (b.country = 'it'), '/country: must match pattern "^[A-Z]{2}$"'],
    ['country of 3 letters', (b) => (b.country = 'ITA'), '/country: must match pattern "^[A-Z]{2}$"'],
    ['email without @', (b) => (b.email = 'mario.rossi'), '/email: must match format "email"'],
    [
      'iban with spaces',
      (b) => (b.paymentOption[0].transfer[0].iban = 'IT30 N010 3076'),
      '/paymentOption/0/transfer/0/iban: must match pattern "^[A-Za-z0-9]{1,35}$"',
    ],
    [
      'iban of 36 chars',
      (b) => (b.paymentOption[0].transfer[0].iban = 'A'.repeat(36)),
      '/paymentOption/0/transfer/0/iban: must NOT have more than 35 characters',
    ],
    ['dueDate with an offset', (b) => (b.paymentOption[0].dueDate = '2026-12-31T23:59:59+01:00'), '/paymentOption/0/dueDate: must match pattern'],
    ['dueDate as a date only', (b) => (b.paymentOption[0].dueDate = '2026-12-31'), '/paymentOption/0/dueDate: must match pattern'],
    ['dueDate null', (b) => (b.paymentOption[0].dueDate = null), '/paymentOption/0/dueDate: must be string'],
    ['status not in the enum', (b) => (b.status = 'ACTIVE'), '/status: must be equal to one of the allowed values'],
    [
      '6 transfers',
      (b) => (b.paymentOption[0].transfer = Array(6).fill(b.paymentOption[0].transfer[0])),
      '/paymentOption/0/transfer: must NOT have more than 5 items',
    ],
    ['no transfer', (b) => (b.paymentOption[0].transfer = []), '/paymentOption/0/transfer: must NOT have fewer than 1 items'],
    [
      'stampType of 3 chars',
      (b) => (b.paymentOption[0].transfer[0].stamp = { hashDocument: 'h', stampType: '012', provincialResidence: 'RM' }),
      '/paymentOption/0/transfer/0/stamp/stampType: must NOT have more than 2 characters',
    ],
    [
      'stamp province in lowercase',
      (b) => (b.paymentOption[0].transfer[0].stamp = { hashDocument: 'h', stampType: '01', provincialResidence: 'rm' }),
      '/paymentOption/0/transfer/0/stamp/provincialResidence: must match pattern',
    ],
    [
      'hashDocument of 73 chars',
      (b) => (b.paymentOption[0].transfer[0].stamp = { hashDocument: 'h'.repeat(73), stampType: '01', provincialResidence: 'RM' }),
      '/paymentOption/0/transfer/0/stamp/hashDocument: must NOT have more than 72 characters',
    ],
    [
      '11 metadata',
      (b) => (b.paymentOption[0].paymentOptionMetadata = Array.from({ length: 11 }, (_, i) => ({ key: `k${i}`, value: 'v' }))),
      '/paymentOption/0/paymentOptionMetadata: must NOT have more than 10 items',
    ],
    [
      'metadata value of 141 chars',
      (b) => (b.paymentOption[0].transfer[0].transferMetadata = [{ key: 'k', value: 'v'.repeat(141) }]),
      '/paymentOption/0/transfer/0/transferMetadata/0/value: must NOT have more than 140 characters',
    ],
    [
      'metadata without value',
      (b) => (b.paymentOption[0].paymentOptionMetadata = [{ key: 'k' }]),
      "/paymentOption/0/paymentOptionMetadata/0/value: must have required property 'value'",
    ],
  ];
  for (const [what, change, expected] of violations) {
    test(`${what} is an error`, () => {
      const body = copy(minimalCreateBody());
      change(body);
      const verdict = validateBody('gpd/PaymentPositionModel', body);
      assert.equal(verdict.valid, false);
      assert.ok(
        verdict.errors.some((e) => e.startsWith(expected)),
        `expected an error starting with ${JSON.stringify(expected)}, got ${JSON.stringify(verdict.errors)}`,
      );
      assert.deepEqual(verdict.warnings, []);
    });
  }

  test('a non-object body is a root error', () => {
    assert.deepEqual(validateBody('gpd/PaymentPositionModel', 'hello').errors, ['(root): must be object']);
    assert.deepEqual(validateBody('gpd/PaymentPositionModel', null).errors, ['(root): must be object']);
  });

  test('accepted date-time forms: fractions up to 9 digits, trailing Z', () => {
    for (const date of ['2026-12-31T23:59:59', '2026-12-31T23:59:59.1', '2026-12-31T23:59:59.123456789', '2026-12-31T23:59:59Z', '2026-12-31T23:59:59.123Z']) {
      const body = copy(minimalCreateBody());
      body.paymentOption[0].dueDate = date;
      body.validityDate = date;
      assert.equal(validateBody('gpd/PaymentPositionModel', body).valid, true, date);
    }
    for (const date of ['2026-12-31T23:59:59.1234567890', '2026-12-31 23:59:59', '2026-13-01T00:00:00', '2026-12-31T24:00:00', '2026-12-31T23:59']) {
      const body = copy(minimalCreateBody());
      body.paymentOption[0].dueDate = date;
      assert.equal(validateBody('gpd/PaymentPositionModel', body).valid, false, date);
    }
  });

  test('an extra property is a warning, not an error', () => {
    const body = { ...minimalCreateBody(), aca: false };
    assert.deepEqual(validateBody('gpd/PaymentPositionModel', body), {
      schema: 'gpd/PaymentPositionModel',
      valid: true,
      errors: [],
      warnings: ['/aca: unexpected property'],
    });
  });

  test('nested extra properties are warnings with their full path, next to real errors', () => {
    const body = copy(minimalCreateBody());
    body.paymentOption[0].transfer[0].foo = 1;
    body.paymentOption[0].transfer[0].stamp = null;
    body.paymentOption[0]['a/b'] = 2;
    body.paymentOption[0].amount = -1;
    const verdict = validateBody('gpd/PaymentPositionModel', body);
    assert.equal(verdict.valid, false);
    assert.deepEqual(verdict.errors, ['/paymentOption/0/amount: must be >= 1']);
    assert.deepEqual(verdict.warnings.sort(), ['/paymentOption/0/a~1b: unexpected property', '/paymentOption/0/transfer/0/foo: unexpected property']);
  });

  test('a stamp transfer (no iban) with metadata passes', () => {
    const body = copy(minimalCreateBody());
    body.paymentOption[0].transfer[0] = {
      idTransfer: '1',
      amount: 10000,
      remittanceInformation: 'Imposta di bollo',
      category: '9/0301116TS/9/24B0060000000017',
      stamp: { hashDocument: 'wHpFSLCGZjIvNSXxqtGbxg7275t446DRTk5ZrsdUQ6E=', stampType: '01', provincialResidence: 'RM' },
      transferMetadata: [{ key: 'k', value: 'v' }],
    };
    body.paymentOption[0].paymentOptionMetadata = [{ key: 'anno', value: '2025' }];
    assert.deepEqual(validateBody('gpd/PaymentPositionModel', body).errors, []);
  });
});

describe('GPD responses', () => {
  test('the create response (read-only fields, nulls) passes as PaymentPositionModel', () => {
    assert.deepEqual(validateBody('gpd/PaymentPositionModel', createResponse()), {
      schema: 'gpd/PaymentPositionModel',
      valid: true,
      errors: [],
      warnings: [],
    });
  });

  test('a realistic base response passes', () => {
    const verdict = validateBody('gpd/PaymentPositionModelBaseResponse', baseResponse());
    assert.deepEqual([verdict.errors, verdict.warnings], [[], []]);
  });

  test('base response errors: wrong status enum, missing dates as null where mandatory', () => {
    const body = copy(baseResponse());
    body.status = 'UNPAYABLE'; // a v3 status, not a v1 one
    body.paymentOption[0].insertedDate = null;
    body.paymentOption[0].transfer[0].status = 'REPORTED';
    assert.deepEqual(validateBody('gpd/PaymentPositionModelBaseResponse', body).errors, [
      '/status: must be equal to one of the allowed values ("DRAFT", "PUBLISHED", "VALID", "INVALID", "EXPIRED", "PARTIALLY_PAID", "PAID", "REPORTED")',
      '/paymentOption/0/insertedDate: must be string',
      '/paymentOption/0/transfer/0/status: must be equal to one of the allowed values ("T_UNREPORTED", "T_REPORTED")',
    ]);
  });

  // Fields that GPD always sends are required (notes §3.4): a response missing one fails.
  const missingInResponse: Array<[SchemaId, (b: Body) => Body, string, string]> = [
    ['gpd/PaymentPositionModelBaseResponse', (b) => b, '', 'status'],
    ['gpd/PaymentPositionModelBaseResponse', (b) => b, '/paymentOption/0', 'nav'],
    ['gpd/PaymentPositionModelBaseResponse', (b) => b, '/paymentOption/0/transfer/0', 'idTransfer'],
    ['gpd/PaymentOptionModelResponse', (b) => b.paymentOption[0], '', 'nav'],
    ['gpd/PaymentsModelResponse', (b) => b.paymentOption[0], '', 'nav'],
    ['gpd/TransferModelResponse', (b) => b.paymentOption[0].transfer[0], '', 'idTransfer'],
  ];
  for (const [schema, pick, path, field] of missingInResponse) {
    test(`${schema} missing ${path}/${field} is an error`, () => {
      const body = pick(copy(baseResponse()));
      assert.equal(validateBody(schema, body).valid, true);
      delete at(body, path)[field];
      const verdict = validateBody(schema, body);
      assert.equal(verdict.valid, false);
      assert.deepEqual(verdict.errors, [`${path}/${field}: must have required property '${field}'`]);
      assert.deepEqual(verdict.warnings, []);
    });
  }

  test('required response fields are not nullable (except description, which GPD stores as nullable)', () => {
    const body = copy(baseResponse());
    body.status = null;
    body.paymentOption[0].nav = null;
    body.paymentOption[0].transfer[0].idTransfer = null;
    body.paymentOption[0].description = null;
    assert.deepEqual(validateBody('gpd/PaymentPositionModelBaseResponse', body).errors, [
      '/status: must be string',
      '/status: must be equal to one of the allowed values ("DRAFT", "PUBLISHED", "VALID", "INVALID", "EXPIRED", "PARTIALLY_PAID", "PAID", "REPORTED")',
      '/paymentOption/0/nav: must be string',
      '/paymentOption/0/transfer/0/idTransfer: must be string',
    ]);
  });

  test('a list response passes; a new UAT field in a list item is a warning', () => {
    const second = copy(baseResponse());
    second.iupd = '77777777777-2025-000003';
    second.newUatField = 'x';
    const list = {
      payment_position_list: [baseResponse(), second],
      page_info: { page: 0, limit: 10, items_found: 2, total_pages: 1 },
    };
    assert.deepEqual(validateBody('gpd/PaymentPositionsInfo', list), {
      schema: 'gpd/PaymentPositionsInfo',
      valid: true,
      errors: [],
      warnings: ['/payment_position_list/1/newUatField: unexpected property'],
    });
    assert.equal(
      validateBody('gpd/PaymentPositionsInfo', { payment_position_list: [], page_info: { page: 0, limit: 10, items_found: 0, total_pages: 0 } }).valid,
      true,
    );
  });

  test('list response errors: page_info fields required, types checked', () => {
    const verdict = validateBody('gpd/PaymentPositionsInfo', { payment_position_list: {}, page_info: { page: '0', limit: 10, items_found: 0 } });
    assert.deepEqual(verdict.errors, [
      '/payment_position_list: must be array',
      "/page_info/total_pages: must have required property 'total_pages'",
      '/page_info/page: must be integer',
    ]);
    assert.deepEqual(validateBody('gpd/PaymentPositionsInfo', {}).errors, [
      "/payment_position_list: must have required property 'payment_position_list'",
      "/page_info: must have required property 'page_info'",
    ]);
  });

  test('paids response (PaymentsModelResponse) passes', () => {
    const option = copy(baseResponse()).paymentOption[0];
    const paid = {
      ...option,
      pspCompany: 'CLOSED_AS_ALREADY_PAID_BY_EC',
      idReceipt: 'CLOSED_AS_ALREADY_PAID_BY_EC',
      fee: 0,
      lastUpdatedDateNotificationFee: null,
      serviceType: 'GPD',
    };
    assert.deepEqual(validateBody('gpd/PaymentsModelResponse', paid).errors, []);
    assert.deepEqual(validateBody('gpd/PaymentOptionModelResponse', option).errors, []);
  });

  test('IBAN massive update request and response', () => {
    assert.equal(validateBody('gpd/UpdateTransferIbanMassiveModel', { newIban: 'IT60X0542811101000000123456' }).valid, true);
    assert.deepEqual(validateBody('gpd/UpdateTransferIbanMassiveModel', {}).errors, ["/newIban: must have required property 'newIban'"]);
    assert.equal(validateBody('gpd/UpdateTransferIbanMassiveResponse', { description: 'Updated IBAN on 2 Transfers', updatedTransfers: 2 }).valid, true);
    assert.deepEqual(validateBody('gpd/UpdateTransferIbanMassiveResponse', { description: 'x', updatedTransfers: '2' }).errors, [
      '/updatedTransfers: must be integer',
    ]);
    assert.deepEqual(validateBody('gpd/UpdateTransferIbanMassiveResponse', {}).errors, [
      "/description: must have required property 'description'",
      "/updatedTransfers: must have required property 'updatedTransfers'",
    ]);
  });

  test('already-paid and internal pay requests', () => {
    assert.equal(validateBody('gpd/AlreadyPaidPaymentOptionModel', { paymentDate: '2025-03-02T08:30:00Z' }).valid, true);
    assert.equal(validateBody('gpd/AlreadyPaidPaymentOptionModel', { paymentDate: '02/03/2025' }).valid, false);
    const pay = {
      paymentDate: '2025-03-02T08:30:00',
      paymentMethod: 'CP',
      pspCode: 'ABI03069',
      pspTaxCode: '00799960158',
      pspCompany: 'Banca di Test',
      idReceipt: 'r-1',
      fee: '150',
    };
    assert.deepEqual(validateBody('gpd/PayPaymentOptionModel', pay).errors, []);
    assert.deepEqual(validateBody('gpd/PayPaymentOptionModel', { ...pay, idReceipt: undefined, fee: 150 }).errors, [
      "/idReceipt: must have required property 'idReceipt'",
      '/fee: must be string,null',
    ]);
    assert.deepEqual(validateBody('gpd/PayPaymentOptionModel', { ...pay, pspCode: 'x'.repeat(36) }).errors, [
      '/pspCode: must NOT have more than 35 characters',
    ]);
  });

  test('AppInfo', () => {
    assert.equal(validateBody('gpd/AppInfo', { name: 'pagopa-debt-position', version: '0.13.0', environment: 'uat' }).valid, true);
    assert.deepEqual(validateBody('gpd/AppInfo', { name: 1 }).errors, ['/name: must be string']);
  });
});

describe('error and string bodies', () => {
  test('ProblemJson passes and fails', () => {
    const problem = {
      title: 'Not found the debt position',
      status: 404,
      detail: 'Not found a debt position for Organization Fiscal Code 77777777777 and IUPD x',
    };
    assert.deepEqual(validateBody('gpd/ProblemJson', problem), { schema: 'gpd/ProblemJson', valid: true, errors: [], warnings: [] });
    assert.equal(validateBody('gpd/ProblemJson', {}).valid, true); // all optional in the contract
    assert.deepEqual(validateBody('gpd/ProblemJson', { ...problem, status: '404' }).errors, ['/status: must be integer']);
    assert.deepEqual(validateBody('gpd/ProblemJson', { ...problem, status: 99 }).errors, ['/status: must be >= 100']);
    assert.deepEqual(validateBody('gpd/ProblemJson', { ...problem, instance: '/x' }).warnings, ['/instance: unexpected property']);
    // A gateway body is not a ProblemJson: only warnings (unknown fields), the verdict stays valid,
    // which is why the suite checks the status code before picking a schema.
    assert.equal(validateBody('gpd/ProblemJson', { statusCode: 401, message: 'x' }).warnings.length, 2);
  });

  test('GatewayError passes and fails', () => {
    const body = {
      statusCode: 401,
      message: 'Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.',
    };
    assert.deepEqual(validateBody('gateway/GatewayError', body).errors, []);
    assert.deepEqual(validateBody('gateway/GatewayError', { statusCode: '401', message: 'x' }).errors, ['/statusCode: must be integer']);
    assert.deepEqual(validateBody('gateway/GatewayError', { title: 'x', status: 401, detail: 'y' }), {
      schema: 'gateway/GatewayError',
      valid: false,
      errors: ["/statusCode: must have required property 'statusCode'", "/message: must have required property 'message'"],
      warnings: ['/title: unexpected property', '/status: unexpected property', '/detail: unexpected property'],
    });
  });

  test('DeletedMessage is a JSON string', () => {
    assert.equal(validateBody('gpd/DeletedMessage', 'The debt position was successfully deleted').valid, true);
    assert.deepEqual(validateBody('gpd/DeletedMessage', { message: 'deleted' }).errors, ['(root): must be string']);
    assert.deepEqual(validateBody('gpd/DeletedMessage', null).errors, ['(root): must be string']);
  });
});

// ---------------------------------------------------------------------------------------------
// Cross-check against the official contracts: same property names, same `required`, and for each
// property (and for the root) the same JSON type and the same constraints (enum, lengths, bounds, item
// counts, pattern, format), following $refs to non-object schemas on both sides (e.g. FileId.json,
// OperationStatus). Deliberate differences that apply everywhere, so not compared:
// - optional fields also accept null (GPD serialises unset fields as null; Jackson reads null as absent);
// - `format: date-time` (which demands an offset) is our LocalDateTime.json (zone-less, optional Z);
// - not-blank fields (@NotBlank on the server) carry pattern "\S"; `minLength: 0` / `minItems: 0` say nothing.
// Every other difference must be in ALLOWED_DIFFERENCES with its reason.

interface Counterpart {
  file: string;
  name: string;
}
const COUNTERPARTS: Partial<Record<SchemaId, Counterpart>> = {};
const V1_NAMES = [
  'AlreadyPaidPaymentOptionModel',
  'AppInfo',
  'PageInfo',
  'PaymentOptionMetadataModel',
  'PaymentOptionMetadataModelResponse',
  'PaymentOptionModel',
  'PaymentOptionModelResponse',
  'PaymentPositionModel',
  'PaymentPositionModelBaseResponse',
  'PaymentPositionsInfo',
  'PaymentsModelResponse',
  'ProblemJson',
  'Stamp',
  'TransferMetadataModel',
  'TransferMetadataModelResponse',
  'TransferModel',
  'TransferModelResponse',
  'UpdateTransferIbanMassiveModel',
  'UpdateTransferIbanMassiveResponse',
] as const;
for (const name of V1_NAMES) COUNTERPARTS[`gpd/${name}`] = { file: 'gpd-debt-positions-v1.json', name };
COUNTERPARTS['gpd/PayPaymentOptionModel'] = { file: 'gpd-debt-positions-internal-v1.json', name: 'PayPaymentOptionModel' };
COUNTERPARTS['gpd/MultiplePaymentPositionModel'] = { file: 'gpd-debt-positions-v2.json', name: 'MultiplePaymentPositionModel' };
COUNTERPARTS['gpd/MultipleIUPDModel'] = { file: 'gpd-debt-positions-v2.json', name: 'MultipleIUPDModel' };
for (const name of ['UploadStatus', 'UploadReport', 'ResponseEntry', 'FileIdListResponse'] as const) {
  COUNTERPARTS[`upload/${name}`] = { file: 'gpd-upload-v1.json', name };
}
for (const name of ['UploadStatusDTO', 'UploadReportDTO', 'ResponseEntryDTO', 'OperationStatus'] as const) {
  COUNTERPARTS[`upload/${name}`] = { file: 'gpd-upload-v2.json', name };
}
for (const name of ['CtReceiptModelResponse', 'Debtor', 'Payer', 'TransferPA', 'MapEntry'] as const) {
  COUNTERPARTS[`bizevents/${name}`] = { file: 'pagopa-api-bizevents-receipts.json', name };
}
// No counterpart in components.schemas: gpd/LocalDateTime, bizevents/LocalDateTime, upload/StatusTime, upload/ReportTime (our date
// formats), gpd/DeletedMessage and gpd/BulkDeletedMessage (inline `type: string` in the DELETE responses),
// upload/FileId (a plain string there), upload/UploadPositionsFile and upload/UploadIUPDsFile (inside the
// multipart ZIP, which the contract types as binary), gateway/GatewayError (APIM body, not in the contract).

/**
 * The same models again where another contract repeats them: the v2 bulk contract carries the v1 position
 * models (the items of MultiplePaymentPositionModel), ProblemJson and AppInfo; the upload contracts carry a
 * ProblemJson and an AppInfo of the same shape, so upload responses reuse gpd/ProblemJson and gpd/AppInfo.
 */
const REPEATED: Array<[SchemaId, string]> = [
  ...V1_NAMES.filter((name) => !name.startsWith('UpdateTransferIban')).map((name): [SchemaId, string] => [`gpd/${name}`, 'gpd-debt-positions-v2.json']),
  ['gpd/ProblemJson', 'gpd-upload-v1.json'],
  ['gpd/ProblemJson', 'gpd-upload-v2.json'],
  ['gpd/AppInfo', 'gpd-upload-v1.json'],
  ['gpd/AppInfo', 'gpd-upload-v2.json'],
  ['gpd/ProblemJson', 'pagopa-api-bizevents-receipts.json'],
  ['gpd/AppInfo', 'pagopa-api-bizevents-receipts.json'],
];
const COMPARISONS: Array<{ id: SchemaId } & Counterpart> = [
  ...(Object.entries(COUNTERPARTS) as Array<[SchemaId, Counterpart]>).map(([id, counterpart]) => ({ id, ...counterpart })),
  ...REPEATED.map(([id, file]) => ({ id, file, name: id.slice(id.indexOf('/') + 1) })),
];

/** Fields that the response schemas require although the contract leaves every response field optional. */
const OPTION_RESPONSE_REQUIRED = [
  'nav',
  'iuv',
  'organizationFiscalCode',
  'amount',
  'description',
  'isPartialPayment',
  'dueDate',
  'insertedDate',
  'status',
  'lastUpdatedDate',
  'transfer',
];
/** `<id>.<field>.required` entries for response fields that GPD always sends. */
function alwaysSent(id: SchemaId, fields: string[]): Record<string, string> {
  const reason = 'GPD always sends it (notes §3.4); the contract leaves response fields optional';
  return Object.fromEntries(fields.map((field) => [`${id}.${field}.required`, reason]));
}
/** `<id>.<field>.required` entries for fields the upload service always sends. */
function uploadAlwaysSent(id: SchemaId, fields: string[]): Record<string, string> {
  const reason = 'the upload service always sends it (notes §2.4); the contract leaves response fields optional';
  return Object.fromEntries(fields.map((field) => [`${id}.${field}.required`, reason]));
}
const STATUS_TIME = 'the status endpoint writes @JsonFormat yyyy-MM-dd HH:mm:ss, no zone (notes §2.4): StatusTime.json';
const REPORT_TIME = "the report writes @JsonFormat yyyy-MM-dd'T'HH:mm:ss.SSS, no zone (notes §2.4): ReportTime.json";
const FILE_ID_REASON = 'the service builds it as {broker code}_{11-digit EC fiscal code}_{32 lowercase hex} (notes §2.4, §6): FileId.json';
const IBAN_OR_MBD =
  'a transfer credits an IBAN or a digital stamp (MBD), not both; the service writes null for the other (the conformance run relaxes the contract the same way)';
const UPLOAD_PROBLEM_STATUS = 'the upload service answers the same ProblemJson as GPD with HTTP statuses; its contract only leaves status unbounded';

/**
 * `<schema id>.<property>.<keyword>` -> why ours differs from the contract, in every contract that has the model;
 * `<schema id>@<contract file>.<property>.<keyword>` -> the same, for that contract only. Every entry must be in use.
 * Keyword `required`: the property is required on one side only. Property `(root)`: the schema itself.
 */
const ALLOWED_DIFFERENCES: Record<string, string> = {
  'gpd/PaymentPositionModel.country.pattern': 'anchored ^[A-Z]{2}$: Java @Pattern matches the whole string',
  'gpd/Stamp.provincialResidence.pattern': 'anchored ^[A-Z]{2}$: Java @Pattern matches the whole string',
  'gpd/PaymentPositionModel.email.format': 'server validates @Email (notes §3.1)',
  'gpd/PaymentOptionModel.transfer.minItems': 'transfers must add up to amount >= 1 (notes §5.1 rule 7)',
  'gpd/PaymentOptionModel.transfer.maxItems': 'at most 5 transfers per option (notes §5.1 rule 4)',
  'gpd/PageInfo.page.minimum': '@PositiveOrZero on the server model',
  'gpd/PageInfo.limit.minimum': '@Positive on the server model',
  'gpd/PageInfo.items_found.minimum': '@PositiveOrZero on the server model',
  'gpd/PageInfo.total_pages.minimum': '@PositiveOrZero on the server model',
  'gpd/UpdateTransferIbanMassiveResponse.updatedTransfers.minimum': 'a count',
  ...alwaysSent('gpd/PaymentPositionModelBaseResponse', [
    'iupd',
    'organizationFiscalCode',
    'type',
    'companyName',
    'insertedDate',
    'status',
    'lastUpdatedDate',
    'paymentOption',
  ]),
  ...alwaysSent('gpd/PaymentOptionModelResponse', OPTION_RESPONSE_REQUIRED),
  ...alwaysSent('gpd/PaymentsModelResponse', OPTION_RESPONSE_REQUIRED),
  ...alwaysSent('gpd/TransferModelResponse', [
    'organizationFiscalCode',
    'idTransfer',
    'amount',
    'remittanceInformation',
    'category',
    'insertedDate',
    'status',
    'lastUpdatedDate',
  ]),
  ...alwaysSent('gpd/UpdateTransferIbanMassiveResponse', ['description', 'updatedTransfers']),
  // v2 bulk (notes §2.2)
  'gpd/MultiplePaymentPositionModel.paymentPositions.minItems': 'the server requires a non-empty list (notes §2.2)',
  'gpd/MultiplePaymentPositionModel.paymentPositions.maxItems': 'MAX_DEBT_POSITIONS=100 in UAT (notes §2.2)',
  'gpd/MultipleIUPDModel.paymentPositionIUPDs.minItems': 'the server requires a non-empty list (notes §2.2)',
  // upload service (notes §2.4)
  'gpd/ProblemJson@gpd-upload-v1.json.status.minimum': UPLOAD_PROBLEM_STATUS,
  'gpd/ProblemJson@gpd-upload-v1.json.status.maximum': UPLOAD_PROBLEM_STATUS,
  'gpd/ProblemJson@gpd-upload-v2.json.status.minimum': UPLOAD_PROBLEM_STATUS,
  'gpd/ProblemJson@gpd-upload-v2.json.status.maximum': UPLOAD_PROBLEM_STATUS,
  ...uploadAlwaysSent('upload/UploadStatus', ['uploadID', 'processedItem', 'submittedItem', 'startTime']),
  ...uploadAlwaysSent('upload/UploadStatusDTO', ['fileId', 'processedItem', 'submittedItem', 'startTime', 'operationStatus']),
  ...uploadAlwaysSent('upload/UploadReport', ['uploadID', 'processedItem', 'submittedItem', 'responses', 'startTime']),
  ...uploadAlwaysSent('upload/UploadReportDTO', ['fileId', 'processedItem', 'submittedItem', 'responses', 'startTime', 'endTime']),
  ...uploadAlwaysSent('upload/ResponseEntry', ['statusCode', 'statusMessage', 'requestIDs']),
  ...uploadAlwaysSent('upload/ResponseEntryDTO', ['statusCode', 'statusMessage', 'iupds']),
  ...uploadAlwaysSent('upload/FileIdListResponse', ['fileIds', 'size', 'hasMore']),
  ...Object.fromEntries(
    ['UploadStatus', 'UploadStatusDTO', 'UploadReport', 'UploadReportDTO'].flatMap((name) => [
      [`upload/${name}.processedItem.minimum`, 'a count'],
      [`upload/${name}.submittedItem.minimum`, 'a count'],
    ]),
  ),
  'upload/FileIdListResponse.size.minimum': 'a count',
  'upload/ResponseEntry.statusCode.minimum': 'an HTTP status',
  'upload/ResponseEntry.statusCode.maximum': 'an HTTP status',
  'upload/ResponseEntryDTO.statusCode.minimum': 'an HTTP status',
  'upload/ResponseEntryDTO.statusCode.maximum': 'an HTTP status',
  'upload/UploadStatus.uploadID.pattern': FILE_ID_REASON,
  'upload/UploadReport.uploadID.pattern': FILE_ID_REASON,
  'upload/UploadStatusDTO.fileId.pattern': FILE_ID_REASON,
  'upload/UploadReportDTO.fileId.pattern': FILE_ID_REASON,
  'upload/UploadStatus.startTime.date-time': STATUS_TIME,
  'upload/UploadStatusDTO.startTime.date-time': STATUS_TIME,
  'upload/UploadReport.startTime.date-time': REPORT_TIME,
  'upload/UploadReport.endTime.date-time': REPORT_TIME,
  'upload/UploadReportDTO.startTime.date-time': REPORT_TIME,
  'upload/UploadReportDTO.endTime.date-time': REPORT_TIME,
  // biz-events receipts (notes §2.4)
  'bizevents/TransferPA.idTransfer.required': 'a Java int in the service model: always written, never null',
  'bizevents/TransferPA.iban.required': IBAN_OR_MBD,
  'bizevents/TransferPA.mbdAttachment.required': IBAN_OR_MBD,
};

const COMPARED = ['enum', 'maxLength', 'minLength', 'minimum', 'maximum', 'minItems', 'maxItems', 'uniqueItems', 'pattern', 'format'] as const;
/** Our date schemas: a $ref to one of them stands for the contract's `format: date-time` (checked apart). */
const DATE_SCHEMAS = new Set(['LocalDateTime.json', 'StatusTime.json', 'ReportTime.json']);

function loadOurs(id: string): Json {
  return JSON.parse(readFileSync(new URL(`${id}.json`, SCHEMAS_DIR), 'utf8')) as Json;
}

/** Non-null JSON types of one of our schemas. */
function typesOf(schema: Json): string[] {
  return ([] as string[])
    .concat((schema.type as string | string[] | undefined) ?? [])
    .filter((t) => t !== 'null')
    .sort();
}

/** One of our property schemas with a $ref to a sibling non-object, non-date schema replaced by its target. */
function resolveOurs(property: Json, family: string): Json {
  if (typeof property.$ref !== 'string' || DATE_SCHEMAS.has(property.$ref)) return property;
  const target = loadOurs(`${family}/${property.$ref.replace(/\.json$/, '')}`);
  if (typesOf(target).includes('object')) return property;
  const rest = { ...property };
  delete rest.$ref;
  return { ...target, ...rest };
}

/** Non-null JSON types of one of our property schemas, following a $ref to a sibling file. */
function ourTypes(property: Json, family: string): string[] {
  const own = typesOf(property);
  if (own.length === 0 && typeof property.$ref === 'string') return ourTypes(loadOurs(`${family}/${property.$ref.replace(/\.json$/, '')}`), family);
  return own;
}

/** An official property schema with a $ref to a non-object schema of the contract replaced by its target. */
function resolveOfficial(property: Json, schemas: Record<string, Json>): Json {
  if (typeof property.$ref !== 'string') return property;
  const target = schemas[property.$ref.replace('#/components/schemas/', '')];
  assert.ok(target, `unresolved ${property.$ref}`);
  return (target.type ?? 'object') === 'object' ? property : target;
}

/** JSON type of an official property (a $ref left unresolved is an object schema). */
function officialTypes(property: Json): string[] {
  if (typeof property.$ref === 'string') return ['object'];
  return ([] as string[]).concat((property.type as string | undefined) ?? []);
}

/** The compared constraints of a property, minus the differences that apply everywhere. */
function constraints(property: Json, side: 'ours' | 'official'): Partial<Record<(typeof COMPARED)[number], unknown>> {
  const picked: Partial<Record<(typeof COMPARED)[number], unknown>> = {};
  for (const keyword of COMPARED) if (keyword in property) picked[keyword] = property[keyword];
  if (picked.minLength === 0) delete picked.minLength;
  if (picked.minItems === 0) delete picked.minItems;
  if (side === 'official' && picked.format === 'date-time') delete picked.format;
  if (side === 'ours' && picked.pattern === '\\S') delete picked.pattern;
  return picked;
}

describe('cross-check with the official contracts', () => {
  const used = new Set<string>();
  const contracts = new Map<string, Record<string, Json> | undefined>();
  const officialSchemas = (file: string): Record<string, Json> | undefined => {
    if (!contracts.has(file)) {
      const url = new URL(file, OPENAPI_DIR);
      contracts.set(
        file,
        existsSync(url) ? (JSON.parse(readFileSync(url, 'utf8')) as { components: { schemas: Record<string, Json> } }).components.schemas : undefined,
      );
    }
    return contracts.get(file);
  };
  /** Skips (locally) or fails (CI) when the reference contract is not on disk. */
  const missing = (t: { skip: (reason: string) => void }, file: string): boolean => {
    if (officialSchemas(file)) return false;
    const reason = `official contract not found: ${new URL(file, OPENAPI_DIR).pathname}`;
    if (process.env.CI) assert.fail(reason);
    t.skip(reason);
    return true;
  };

  for (const { id, file, name } of COMPARISONS) {
    test(`${id} matches ${file} ${name}`, (t) => {
      if (missing(t, file)) return;
      const schemas = officialSchemas(file) ?? {};
      const official = schemas[name];
      assert.ok(official, `${name} missing from ${file}`);
      const ours = loadOurs(id);
      const family = id.split('/')[0] ?? '';
      /** The allow-list entry for `<property>.<keyword>` in this comparison, marked as used. */
      const allowed = (suffix: string): boolean => {
        const key = [`${id}@${file}.${suffix}`, `${id}.${suffix}`].find((k) => ALLOWED_DIFFERENCES[k]);
        if (key) used.add(key);
        return !!key;
      };

      const officialProps = (official.properties ?? {}) as Record<string, Json>;
      const ourProps = (ours.properties ?? {}) as Record<string, Json>;
      assert.deepEqual(Object.keys(ourProps).sort(), Object.keys(officialProps).sort(), `${id}: property names`);

      const differences: string[] = [];
      const ourRequired = new Set((ours.required as string[] | undefined) ?? []);
      const officialRequired = new Set((official.required as string[] | undefined) ?? []);
      for (const field of [...new Set([...ourRequired, ...officialRequired])].sort()) {
        if (ourRequired.has(field) === officialRequired.has(field) || allowed(`${field}.required`)) continue;
        differences.push(`${id}.${field}.required: ours ${ourRequired.has(field)}, official ${officialRequired.has(field)}`);
      }
      const pairs: Array<[string, Json, Json]> = [
        ['(root)', ours, official],
        ...Object.entries(officialProps).map(([field, off]): [string, Json, Json] => [field, ourProps[field] ?? {}, off]),
      ];
      for (const [field, our, off] of pairs) {
        const [oursResolved, officialResolved] = field === '(root)' ? [our, off] : [resolveOurs(our, family), resolveOfficial(off, schemas)];
        const [oursTypes, officialType] = [ourTypes(oursResolved, family), officialTypes(officialResolved)];
        if (JSON.stringify(oursTypes) !== JSON.stringify(officialType) && !allowed(`${field}.type`)) {
          differences.push(`${id}.${field}.type: ours ${JSON.stringify(oursTypes)}, official ${JSON.stringify(officialType)}`);
        }
        if (off.format === 'date-time' && our.$ref !== 'LocalDateTime.json' && !allowed(`${field}.date-time`)) {
          differences.push(`${id}.${field}.date-time: a date-time in the contract, not a $ref to LocalDateTime.json`);
        }
        const [mine, theirs] = [constraints(oursResolved, 'ours'), constraints(officialResolved, 'official')];
        for (const keyword of COMPARED) {
          if (JSON.stringify(mine[keyword]) === JSON.stringify(theirs[keyword]) || allowed(`${field}.${keyword}`)) continue;
          differences.push(`${id}.${field}.${keyword}: ours ${JSON.stringify(mine[keyword])}, official ${JSON.stringify(theirs[keyword])}`);
        }
      }
      assert.deepEqual(differences, [], `${id} drifted from ${file}`);
    });
  }

  // Declared after the per-schema tests, which node:test runs first, in order.
  test('every allowed difference is still needed', (t) => {
    for (const file of new Set(COMPARISONS.map((c) => c.file))) if (missing(t, file)) return;
    assert.deepEqual(
      Object.keys(ALLOWED_DIFFERENCES).filter((k) => !used.has(k)),
      [],
    );
  });
});

// ---------------------------------------------------------------------------------------------
// v2 bulk and upload service bodies (notes §2.2, §2.4).

const FILE_ID = '06188330150_03482920158_ac5617057f5149ffaf9525044878132f';
const OPERATION_STATUSES = '("IN_PROGRESS", "COMPLETED", "COMPLETED_WITH_WARNINGS", "COMPLETED_UNSUCCESSFULLY")';

/** A valid example of every bulk/upload schema; object ones list the properties they require. */
const EXAMPLES: Array<{ schema: SchemaId; example: () => unknown; required?: string[] }> = [
  {
    schema: 'gpd/MultiplePaymentPositionModel',
    example: () => ({ paymentPositions: [minimalCreateBody(), { ...minimalCreateBody(), iupd: '77777777777-2025-000002' }] }),
    required: ['paymentPositions'],
  },
  {
    schema: 'gpd/MultipleIUPDModel',
    example: () => ({ paymentPositionIUPDs: ['77777777777-2025-000001', '77777777777-2025-000002'] }),
    required: ['paymentPositionIUPDs'],
  },
  { schema: 'gpd/BulkDeletedMessage', example: () => 'The debt position was successfully deleted' },
  { schema: 'upload/UploadPositionsFile', example: () => ({ paymentPositions: [minimalCreateBody()] }), required: ['paymentPositions'] },
  { schema: 'upload/UploadIUPDsFile', example: () => ({ paymentPositionIUPDs: ['77777777777-2025-000001'] }), required: ['paymentPositionIUPDs'] },
  {
    schema: 'upload/UploadStatus',
    example: () => ({ uploadID: FILE_ID, processedItem: 20, submittedItem: 40, startTime: '2026-11-28 10:00:00' }),
    required: ['uploadID', 'processedItem', 'submittedItem', 'startTime'],
  },
  {
    schema: 'upload/UploadStatusDTO',
    example: () => ({ fileId: FILE_ID, processedItem: 20, submittedItem: 40, startTime: '2026-11-28 10:00:00', operationStatus: 'IN_PROGRESS' }),
    required: ['fileId', 'processedItem', 'submittedItem', 'startTime', 'operationStatus'],
  },
  {
    schema: 'upload/ResponseEntry',
    example: () => ({ statusCode: 201, statusMessage: '201 - Debt position CREATED', requestIDs: ['77777777777-2025-000001'] }),
    required: ['statusCode', 'statusMessage', 'requestIDs'],
  },
  {
    schema: 'upload/ResponseEntryDTO',
    example: () => ({ statusCode: 404, statusMessage: '404 - Debt position NOT FOUND', iupds: ['77777777777-2025-000001'] }),
    required: ['statusCode', 'statusMessage', 'iupds'],
  },
  {
    schema: 'upload/UploadReport',
    example: () => ({
      uploadID: FILE_ID,
      processedItem: 2,
      submittedItem: 2,
      responses: [{ statusCode: 201, statusMessage: '201 - Debt position CREATED', requestIDs: ['77777777777-2025-000001', '77777777777-2025-000002'] }],
      startTime: '2026-11-28T10:00:00.123',
      endTime: '2026-11-28T10:00:01.456',
    }),
    required: ['uploadID', 'processedItem', 'submittedItem', 'responses', 'startTime'],
  },
  {
    schema: 'upload/UploadReportDTO',
    example: () => ({
      fileId: FILE_ID,
      processedItem: 2,
      submittedItem: 2,
      responses: [
        { statusCode: 200, statusMessage: '200 - Debt position operation OK', iupds: ['77777777777-2025-000001'] },
        { statusCode: 404, statusMessage: '404 - Debt position NOT FOUND', iupds: ['77777777777-2025-000002'] },
      ],
      startTime: '2026-11-28T10:00:00.000',
      endTime: '2026-11-28T10:00:01.000',
    }),
    required: ['fileId', 'processedItem', 'submittedItem', 'responses', 'startTime', 'endTime'],
  },
  { schema: 'upload/FileIdListResponse', example: () => ({ fileIds: [FILE_ID], size: 1, hasMore: false }), required: ['fileIds', 'size', 'hasMore'] },
  { schema: 'upload/FileId', example: () => FILE_ID },
  { schema: 'upload/OperationStatus', example: () => 'COMPLETED_WITH_WARNINGS' },
  { schema: 'upload/StatusTime', example: () => '2026-11-28 23:59:59' },
  { schema: 'upload/ReportTime', example: () => '2026-11-28T23:59:59.999' },
];

describe('bulk and upload bodies', () => {
  test('every bulk/upload schema has an example here', () => {
    const covered = new Set(EXAMPLES.map((e) => e.schema));
    const expected = schemaIds().filter((id) => id.startsWith('upload/') || /^gpd\/(Multiple|Bulk)/.test(id));
    assert.deepEqual(
      expected.filter((id) => !covered.has(id)),
      [],
    );
  });

  for (const { schema, example, required } of EXAMPLES) {
    test(`${schema}: a valid example passes with no warnings`, () => {
      assert.deepEqual(validateBody(schema, example()), { schema, valid: true, errors: [], warnings: [] });
    });
    if (!required) continue;

    test(`${schema}: requires exactly ${required.join(', ')}`, () => {
      const declared = (loadOurs(schema).required as string[] | undefined) ?? [];
      assert.deepEqual([...declared].sort(), [...required].sort());
    });
    for (const field of required) {
      test(`${schema}: missing /${field} is an error`, () => {
        const body = example() as Json;
        delete body[field];
        assert.deepEqual(validateBody(schema, body), {
          schema,
          valid: false,
          errors: [`/${field}: must have required property '${field}'`],
          warnings: [],
        });
      });
    }
    test(`${schema}: an extra property is a warning, not an error`, () => {
      assert.deepEqual(validateBody(schema, { ...(example() as Json), extra: 1 }), {
        schema,
        valid: true,
        errors: [],
        warnings: ['/extra: unexpected property'],
      });
    });
  }

  test('nested extra properties are warnings with their path', () => {
    const report = copy(EXAMPLES.find((e) => e.schema === 'upload/UploadReportDTO')?.example() as Json);
    report.responses[1].detail = 'x';
    assert.deepEqual(validateBody('upload/UploadReportDTO', report).warnings, ['/responses/1/detail: unexpected property']);
    // The upload service rejects unknown fields in the file (INVALID JSON): the verdict flags them.
    const file = { paymentPositions: [{ ...minimalCreateBody(), aca: true }] };
    assert.deepEqual(validateBody('upload/UploadPositionsFile', file), {
      schema: 'upload/UploadPositionsFile',
      valid: true,
      errors: [],
      warnings: ['/paymentPositions/0/aca: unexpected property'],
    });
  });

  test('a missing field in a nested entry is an error at its path', () => {
    const v1 = copy(EXAMPLES.find((e) => e.schema === 'upload/UploadReport')?.example() as Json);
    delete v1.responses[0].requestIDs;
    assert.deepEqual(validateBody('upload/UploadReport', v1).errors, ["/responses/0/requestIDs: must have required property 'requestIDs'"]);
    const v2 = copy(EXAMPLES.find((e) => e.schema === 'upload/UploadReportDTO')?.example() as Json);
    v2.responses[0] = { statusCode: 200, statusMessage: 'OK', requestIDs: ['a'] }; // a v1 entry in a v2 report
    assert.deepEqual(validateBody('upload/UploadReportDTO', v2), {
      schema: 'upload/UploadReportDTO',
      valid: false,
      errors: ["/responses/0/iupds: must have required property 'iupds'"],
      warnings: ['/responses/0/requestIDs: unexpected property'],
    });
  });

  test('v2 bulk bodies: 1..100 positions, 1..20 IUPDs, each position a PaymentPositionModel', () => {
    const positions = Array.from({ length: 100 }, () => minimalCreateBody());
    assert.deepEqual(validateBody('gpd/MultiplePaymentPositionModel', { paymentPositions: positions }).errors, []);
    assert.deepEqual(validateBody('gpd/MultiplePaymentPositionModel', { paymentPositions: [...positions, minimalCreateBody()] }).errors, [
      '/paymentPositions: must NOT have more than 100 items',
    ]);
    assert.deepEqual(validateBody('gpd/MultiplePaymentPositionModel', { paymentPositions: [] }).errors, [
      '/paymentPositions: must NOT have fewer than 1 items',
    ]);
    const invalid = copy(minimalCreateBody());
    invalid.paymentOption[0].amount = 0;
    assert.deepEqual(validateBody('gpd/MultiplePaymentPositionModel', { paymentPositions: [minimalCreateBody(), invalid] }).errors, [
      '/paymentPositions/1/paymentOption/0/amount: must be >= 1',
    ]);
    assert.deepEqual(validateBody('gpd/MultipleIUPDModel', { paymentPositionIUPDs: Array.from({ length: 20 }, (_, i) => `I${i}`) }).errors, []);
    assert.deepEqual(validateBody('gpd/MultipleIUPDModel', { paymentPositionIUPDs: [] }).errors, ['/paymentPositionIUPDs: must NOT have fewer than 1 items']);
    assert.deepEqual(validateBody('gpd/MultipleIUPDModel', { paymentPositionIUPDs: Array.from({ length: 21 }, (_, i) => `I${i}`) }).errors, [
      '/paymentPositionIUPDs: must NOT have more than 20 items',
    ]);
    assert.deepEqual(validateBody('gpd/MultipleIUPDModel', { paymentPositionIUPDs: [' '] }).errors, ['/paymentPositionIUPDs/0: must match pattern "\\S"']);
    assert.deepEqual(validateBody('gpd/BulkDeletedMessage', { message: 'deleted' }).errors, ['(root): must be string']);
  });

  test('upload files: positions 1..no maximum, IUPDs 1..100 000 and distinct', () => {
    const many = Array.from({ length: 250 }, (_, i) => ({ ...minimalCreateBody(), iupd: `77777777777-2025-${String(i).padStart(6, '0')}` }));
    assert.deepEqual(validateBody('upload/UploadPositionsFile', { paymentPositions: many }).errors, []);
    assert.deepEqual(validateBody('upload/UploadPositionsFile', { paymentPositions: [] }).errors, ['/paymentPositions: must NOT have fewer than 1 items']);
    const invalid = copy(minimalCreateBody());
    delete invalid.paymentOption[0].transfer[0].category;
    assert.deepEqual(validateBody('upload/UploadPositionsFile', { paymentPositions: [invalid] }).errors, [
      "/paymentPositions/0/paymentOption/0/transfer/0/category: must have required property 'category'",
    ]);
    const iupds = Array.from({ length: 100_000 }, (_, i) => `IUPD-${i}`);
    assert.deepEqual(validateBody('upload/UploadIUPDsFile', { paymentPositionIUPDs: iupds }).errors, []);
    assert.deepEqual(validateBody('upload/UploadIUPDsFile', { paymentPositionIUPDs: [...iupds, 'one more'] }).errors, [
      '/paymentPositionIUPDs: must NOT have more than 100000 items',
    ]);
    assert.deepEqual(validateBody('upload/UploadIUPDsFile', { paymentPositionIUPDs: [] }).errors, ['/paymentPositionIUPDs: must NOT have fewer than 1 items']);
    assert.deepEqual(validateBody('upload/UploadIUPDsFile', { paymentPositionIUPDs: ['a', 'b', 'a'] }).errors, [
      '/paymentPositionIUPDs: must NOT have duplicate items (items ## 2 and 0 are identical)',
    ]);
    assert.deepEqual(validateBody('upload/UploadIUPDsFile', { paymentPositionIUPDs: [''] }).errors, ['/paymentPositionIUPDs/0: must match pattern "\\S"']);
  });

  test('operationStatus: every value of the enum passes, another is an error', () => {
    const status = EXAMPLES.find((e) => e.schema === 'upload/UploadStatusDTO')?.example() as Json;
    for (const value of ['IN_PROGRESS', 'COMPLETED', 'COMPLETED_WITH_WARNINGS', 'COMPLETED_UNSUCCESSFULLY']) {
      assert.equal(validateBody('upload/UploadStatusDTO', { ...status, operationStatus: value }).valid, true, value);
    }
    for (const value of ['DONE', 'completed', null]) {
      assert.deepEqual(
        validateBody('upload/UploadStatusDTO', { ...status, operationStatus: value }).errors.filter((e) => !e.endsWith('must be string')),
        [`/operationStatus: must be equal to one of the allowed values ${OPERATION_STATUSES}`],
        String(value),
      );
    }
  });

  // [schema, field, value, expected error (undefined: valid)]
  const dates: Array<[SchemaId, string, unknown, string | undefined]> = [
    ['upload/UploadStatus', 'startTime', '2026-02-28 00:00:00', undefined],
    ['upload/UploadStatus', 'startTime', '2026-11-28T10:00:00', '/startTime: must match pattern'],
    ['upload/UploadStatus', 'startTime', '2024-10-08T14:55:16.302Z', '/startTime: must match pattern'], // the contract's example
    ['upload/UploadStatus', 'startTime', '2026-11-28 10:00:00.123', '/startTime: must match pattern'],
    ['upload/UploadStatus', 'startTime', '2026-11-28 24:00:00', '/startTime: must match pattern'],
    ['upload/UploadStatus', 'startTime', '2026-11-28', '/startTime: must match pattern'],
    ['upload/UploadStatus', 'startTime', null, '/startTime: must be string'],
    ['upload/UploadStatusDTO', 'startTime', '2026-11-28T10:00:00.123', '/startTime: must match pattern'],
    ['upload/UploadStatusDTO', 'startTime', '28/11/2026 10:00:00', '/startTime: must match pattern'],
    ['upload/UploadReport', 'startTime', '2026-11-28 10:00:00', '/startTime: must match pattern'],
    ['upload/UploadReport', 'startTime', '2026-11-28T10:00:00', '/startTime: must match pattern'],
    ['upload/UploadReport', 'startTime', null, '/startTime: must be string'],
    ['upload/UploadReport', 'endTime', null, undefined], // the v1 partial report while processing
    ['upload/UploadReport', 'endTime', '2024-10-08T14:55:16.302Z', '/endTime: must match pattern'],
    ['upload/UploadReport', 'endTime', '2026-11-28T10:00:00.1234', '/endTime: must match pattern'],
    ['upload/UploadReportDTO', 'startTime', '2026-11-28T10:00:00.1', '/startTime: must match pattern'],
    ['upload/UploadReportDTO', 'endTime', '2026-11-28T10:00:00.123+01:00', '/endTime: must match pattern'],
    ['upload/UploadReportDTO', 'endTime', '2026-13-28T10:00:00.123', '/endTime: must match pattern'],
    ['upload/UploadReportDTO', 'endTime', null, '/endTime: must be string'], // v2 answers 425 until the end
  ];
  for (const [schema, field, value, expected] of dates) {
    test(`${schema} ${field} ${JSON.stringify(value)} is ${expected ? 'an error' : 'valid'}`, () => {
      const body = { ...(EXAMPLES.find((e) => e.schema === schema)?.example() as Json), [field]: value };
      const verdict = validateBody(schema, body);
      if (!expected) return assert.deepEqual(verdict.errors, []);
      assert.equal(verdict.errors.length, 1, JSON.stringify(verdict.errors));
      assert.ok(verdict.errors[0]?.startsWith(expected), `expected ${expected}, got ${JSON.stringify(verdict.errors)}`);
    });
  }

  test('file ids: {broker}_{11-digit EC}_{32 lowercase hex}', () => {
    for (const id of [FILE_ID, '77777777777_77777777777_00000000000000000000000000000000', 'BRK1_77777777777_ac5617057f5149ffaf9525044878132f']) {
      assert.deepEqual(validateBody('upload/FileIdListResponse', { fileIds: [id], size: 1, hasMore: false }).errors, [], id);
    }
    for (const id of [
      'not-an-id',
      '06188330150_0348292015_ac5617057f5149ffaf9525044878132f', // EC code of 10 digits
      '06188330150_ABCDE920158_ac5617057f5149ffaf9525044878132f', // EC code not numeric
      '06188330150_03482920158_AC5617057F5149FFAF9525044878132F', // uppercase hex
      '06188330150_03482920158_ac561705-7f51-49ff-af95-25044878132f', // UUID with dashes
      '06188330150_03482920158_ac5617057f5149ffaf9525044878132', // 31 hex
      '_03482920158_ac5617057f5149ffaf9525044878132f', // no broker code
    ]) {
      assert.deepEqual(validateBody('upload/UploadStatus', { uploadID: id, processedItem: 0, submittedItem: 1, startTime: '2026-11-28 10:00:00' }).errors, [
        '/uploadID: must match pattern "^[A-Za-z0-9]+_[0-9]{11}_[0-9a-f]{32}$"',
      ]);
    }
  });

  test('counts and status codes', () => {
    const status = EXAMPLES.find((e) => e.schema === 'upload/UploadStatusDTO')?.example() as Json;
    assert.deepEqual(validateBody('upload/UploadStatusDTO', { ...status, processedItem: -1, submittedItem: '40' }).errors, [
      '/processedItem: must be >= 0',
      '/submittedItem: must be integer',
    ]);
    const entry = EXAMPLES.find((e) => e.schema === 'upload/ResponseEntryDTO')?.example() as Json;
    assert.deepEqual(validateBody('upload/ResponseEntryDTO', { ...entry, statusCode: 600 }).errors, ['/statusCode: must be <= 599']);
    assert.deepEqual(validateBody('upload/ResponseEntryDTO', { ...entry, iupds: [1] }).errors, ['/iupds/0: must be string']);
    assert.deepEqual(validateBody('upload/FileIdListResponse', { fileIds: [], size: -1, hasMore: 'false' }).errors, [
      '/size: must be >= 0',
      '/hasMore: must be boolean',
    ]);
  });

  test('upload service errors are GPD ProblemJson bodies', () => {
    for (const problem of [
      { title: 'NOT A ZIP FILE', status: 400, detail: 'Only ZIP files can be uploaded.' },
      { title: 'STATUS NOT FOUND', status: 404, detail: 'x' },
      { title: 'Too Early', status: 425, detail: 'The report has not been generated yet, wait for the operations to complete.' },
    ]) {
      assert.deepEqual(validateBody('gpd/ProblemJson', problem), { schema: 'gpd/ProblemJson', valid: true, errors: [], warnings: [] });
    }
  });
});

describe('receipts bodies', () => {
  const item = {
    organizationFiscalCode: '77777777777',
    iuv: '01000000001234519',
    debtor: 'RSSMRA80A01H501U',
    paymentDateTime: '2026-11-28T10:00:00',
    status: 'PAID',
  };

  test('a receipts page passes; a missing item field is an error at its path', () => {
    assert.deepEqual(validateBody('receipts/PaymentsResult', { currentPageNumber: 0, length: 1, totalPages: 1, results: [item] }).errors, []);
    const { iuv: _iuv, ...withoutIuv } = item;
    assert.deepEqual(validateBody('receipts/PaymentsResult', { currentPageNumber: 0, length: 1, totalPages: 1, results: [withoutIuv] }).errors, [
      "/results/0/iuv: must have required property 'iuv'",
    ]);
    assert.deepEqual(validateBody('receipts/ReceiptModelResponse', { ...item, amount: 1 }).warnings, ['/amount: unexpected property']);
  });
});

describe('biz-events bodies', () => {
  /** A receipt as the sandbox answers it (absent fields left out). */
  const receipt = (): Body => ({
    receiptId: 'c1a5b3e0f0e14c3f9d1a2b3c4d5e6f70',
    noticeNumber: '301000000001234519',
    fiscalCode: '77777777777',
    outcome: 'OK',
    creditorReferenceId: '01000000001234519',
    paymentAmount: 123.45,
    description: 'TARI 2025',
    companyName: 'Comune di Test',
    officeName: 'Ufficio Tributi',
    debtor: { entityUniqueIdentifierType: 'F', entityUniqueIdentifierValue: 'RSSMRA80A01H501U', fullName: 'Mario Rossi', email: 'mario.rossi@example.com' },
    transferList: [
      {
        idTransfer: 1,
        transferAmount: 120,
        fiscalCodePA: '77777777777',
        iban: 'IT30N0103076271000001823603',
        remittanceInformation: 'TARI',
        transferCategory: '9/0101108TS/',
      },
      {
        idTransfer: 2,
        transferAmount: 3.45,
        fiscalCodePA: '15376371009',
        mbdAttachment: 'PG1hcmNhRGFCb2xsbz4=',
        remittanceInformation: 'Bollo',
        transferCategory: '9/0301116TS/',
      },
    ],
    idPSP: 'ABI03069',
    pspFiscalCode: '00799960158',
    pspCompanyName: 'Banca di Test',
    idChannel: 'ABI03069_01',
    channelDescription: 'app',
    paymentMethod: 'CP',
    fee: 1.5,
    paymentDateTime: '2025-03-01',
    paymentDateTimeFormatted: '2025-03-01T14:30:00',
    applicationDate: '2025-03-01',
    transferDate: '2025-03-01',
  });
  const verdict = (body: unknown) => validateBody('bizevents/CtReceiptModelResponse', body);

  test('a receipt passes with no warnings; so does the UAT form with nulls, a payer and metadata', () => {
    assert.deepEqual(verdict(receipt()), { schema: 'bizevents/CtReceiptModelResponse', valid: true, errors: [], warnings: [] });
    const uat = receipt();
    Object.assign(uat, {
      officeName: null,
      pspPartitaIVA: null,
      primaryCiIncurredFee: null,
      idBundle: null,
      idCiBundle: null,
      payer: { entityUniqueIdentifierType: 'F', entityUniqueIdentifierValue: 'VRDGPP80A01H501X', fullName: 'Giuseppe Verdi', streetName: null, email: null },
      metadata: [{ key: 'k', value: 'v' }],
    });
    Object.assign(uat.debtor, { streetName: null, civicNumber: null, postalCode: null, city: null, stateProvinceRegion: null, country: null });
    Object.assign(uat.transferList[0], { mbdAttachment: null, metadata: null });
    Object.assign(uat.transferList[1], { iban: null, metadata: [{ key: 'tk', value: null }] });
    assert.deepEqual(verdict(uat), { schema: 'bizevents/CtReceiptModelResponse', valid: true, errors: [], warnings: [] });
    assert.deepEqual(verdict({ ...receipt(), payer: null }).errors, []);
  });

  const REQUIRED: Record<string, string[]> = {
    '': [
      'receiptId',
      'noticeNumber',
      'fiscalCode',
      'outcome',
      'creditorReferenceId',
      'paymentAmount',
      'description',
      'companyName',
      'debtor',
      'transferList',
      'idPSP',
      'pspCompanyName',
      'idChannel',
    ],
    '/debtor': ['entityUniqueIdentifierType', 'entityUniqueIdentifierValue', 'fullName'],
    '/transferList/0': ['idTransfer', 'transferAmount', 'fiscalCodePA', 'remittanceInformation', 'transferCategory'],
  };
  for (const [path, fields] of Object.entries(REQUIRED)) {
    for (const field of fields) {
      test(`missing ${path}/${field} is an error`, () => {
        const body = receipt();
        delete at(body, path)[field];
        assert.deepEqual(verdict(body), {
          schema: 'bizevents/CtReceiptModelResponse',
          valid: false,
          errors: [`${path}/${field}: must have required property '${field}'`],
          warnings: [],
        });
      });
    }
  }

  const violations: Array<[string, (b: Body) => void, string]> = [
    ['amount as a string in euros', (b) => (b.paymentAmount = '123.45'), '/paymentAmount: must be number'],
    ['transfer amount as a string', (b) => (b.transferList[0].transferAmount = '120.00'), '/transferList/0/transferAmount: must be number'],
    ['fee as a string', (b) => (b.fee = '1.50'), '/fee: must be number,null'],
    ['idTransfer as a string', (b) => (b.transferList[0].idTransfer = '1'), '/transferList/0/idTransfer: must be integer'],
    ['idTransfer 6', (b) => (b.transferList[1].idTransfer = 6), '/transferList/1/idTransfer: must be <= 5'],
    ['idTransfer 0', (b) => (b.transferList[0].idTransfer = 0), '/transferList/0/idTransfer: must be >= 1'],
    ['paymentDateTime with the time', (b) => (b.paymentDateTime = '2025-03-01T14:30:00'), '/paymentDateTime: must match format "date"'],
    [
      'paymentDateTimeFormatted with a fraction',
      (b) => (b.paymentDateTimeFormatted = '2025-03-01T14:30:00.250'),
      '/paymentDateTimeFormatted: must match pattern',
    ],
    ['paymentDateTimeFormatted with a zone', (b) => (b.paymentDateTimeFormatted = '2025-03-01T14:30:00Z'), '/paymentDateTimeFormatted: must match pattern'],
    ['applicationDate as a date-time', (b) => (b.applicationDate = '2025-03-01T00:00:00'), '/applicationDate: must match format "date"'],
    [
      'debtor type not F/G',
      (b) => (b.debtor.entityUniqueIdentifierType = 'X'),
      '/debtor/entityUniqueIdentifierType: must be equal to one of the allowed values ("F", "G")',
    ],
    ['blank receiptId', (b) => (b.receiptId = ' '), '/receiptId: must match pattern "\\S"'],
    ['null idPSP', (b) => (b.idPSP = null), '/idPSP: must be string'],
    ['null debtor', (b) => (b.debtor = null), '/debtor: must be object'],
    ['transferList as an object', (b) => (b.transferList = b.transferList[0]), '/transferList: must be array'],
    [
      'payer without fullName',
      (b) => (b.payer = { entityUniqueIdentifierType: 'F', entityUniqueIdentifierValue: 'X' }),
      "/payer/fullName: must have required property 'fullName'",
    ],
  ];
  for (const [what, change, expected] of violations) {
    test(`${what} is an error`, () => {
      const body = receipt();
      change(body);
      const { valid, errors, warnings } = verdict(body);
      assert.equal(valid, false);
      assert.equal(errors.length, 1, JSON.stringify(errors));
      assert.ok(errors[0]!.startsWith(expected), `expected ${expected}, got ${JSON.stringify(errors)}`);
      assert.deepEqual(warnings, []);
    });
  }

  test('the XML field names are warnings: e-mail, IBAN, PSPCompanyName are not the JSON ones', () => {
    const body = receipt();
    body.PSPCompanyName = body.pspCompanyName;
    body.debtor['e-mail'] = body.debtor.email;
    body.transferList[0].IBAN = body.transferList[0].iban;
    assert.deepEqual(verdict(body).warnings.sort(), [
      '/PSPCompanyName: unexpected property',
      '/debtor/e-mail: unexpected property',
      '/transferList/0/IBAN: unexpected property',
    ]);
  });

  test('errors are the GPD-shaped ProblemJson; the service code added `code` after the copied contract', () => {
    const problem = { title: 'Biz Event not found', status: 404, detail: 'Not found a biz event for the Organization Fiscal Code 77777777777 and IUR x' };
    assert.deepEqual(validateBody('gpd/ProblemJson', problem), { schema: 'gpd/ProblemJson', valid: true, errors: [], warnings: [] });
    assert.deepEqual(validateBody('gpd/ProblemJson', { ...problem, code: 'BZ_404_002' }).warnings, ['/code: unexpected property']);
  });
});
