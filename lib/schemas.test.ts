import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { validateBody, type SchemaId } from './schemas.ts';

type Json = Record<string, unknown>;

// Every SchemaId, checked by tsc to be exhaustive; the test below compares it with the files on disk.
const ALL_IDS: Record<SchemaId, true> = {
  'gateway/GatewayError': true,
  'gpd/AlreadyPaidPaymentOptionModel': true,
  'gpd/AppInfo': true,
  'gpd/DeletedMessage': true,
  'gpd/LocalDateTime': true,
  'gpd/PageInfo': true,
  'gpd/PayPaymentOptionModel': true,
  'gpd/PaymentOptionMetadataModel': true,
  'gpd/PaymentOptionMetadataModelResponse': true,
  'gpd/PaymentOptionModel': true,
  'gpd/PaymentOptionModelResponse': true,
  'gpd/PaymentPositionModel': true,
  'gpd/PaymentPositionModelBaseResponse': true,
  'gpd/PaymentPositionsInfo': true,
  'gpd/PaymentsModelResponse': true,
  'gpd/ProblemJson': true,
  'gpd/Stamp': true,
  'gpd/TransferMetadataModel': true,
  'gpd/TransferMetadataModelResponse': true,
  'gpd/TransferModel': true,
  'gpd/TransferModelResponse': true,
  'gpd/UpdateTransferIbanMassiveModel': true,
  'gpd/UpdateTransferIbanMassiveResponse': true,
  'gpd/BulkDeletedMessage': true,
  'gpd/MultipleIUPDModel': true,
  'gpd/MultiplePaymentPositionModel': true,
  'upload/FileId': true,
  'upload/FileIdListResponse': true,
  'upload/OperationStatus': true,
  'upload/ReportTime': true,
  'upload/ResponseEntry': true,
  'upload/ResponseEntryDTO': true,
  'upload/StatusTime': true,
  'upload/UploadIUPDsFile': true,
  'upload/UploadPositionsFile': true,
  'upload/UploadReport': true,
  'upload/UploadReportDTO': true,
  'upload/UploadStatus': true,
  'upload/UploadStatusDTO': true,
};

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
  test('SchemaId lists exactly the files under schemas/, each compiling', () => {
    const onDisk: string[] = [];
    for (const family of readdirSync(SCHEMAS_DIR, { withFileTypes: true })) {
      if (!family.isDirectory()) continue;
      for (const file of readdirSync(new URL(`${family.name}/`, SCHEMAS_DIR))) {
        if (file.endsWith('.json')) onDisk.push(`${family.name}/${file.replace(/\.json$/, '')}`);
      }
    }
    assert.deepEqual(onDisk.sort(), Object.keys(ALL_IDS).sort());
    for (const id of Object.keys(ALL_IDS) as SchemaId[]) {
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
    for (const id of Object.keys(ALL_IDS)) walk(JSON.parse(readFileSync(new URL(`${id}.json`, SCHEMAS_DIR), 'utf8')), id);
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
// property the same JSON type and the same constraints (enum, lengths, bounds, item counts, pattern,
// format). Deliberate differences that apply everywhere, so not compared:
// - optional fields also accept null (GPD serialises unset fields as null; Jackson reads null as absent);
// - `format: date-time` (which demands an offset) is our LocalDateTime.json (zone-less, optional Z);
// - not-blank fields (@NotBlank on the server) carry pattern "\S"; `minLength: 0` / `minItems: 0` say nothing.
// Every other difference must be in ALLOWED_DIFFERENCES with its reason.

const COUNTERPARTS: Partial<Record<SchemaId, { file: string; name: string }>> = {};
for (const name of [
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
] as const) {
  COUNTERPARTS[`gpd/${name}`] = { file: 'gpd-debt-positions-v1.json', name };
}
COUNTERPARTS['gpd/PayPaymentOptionModel'] = { file: 'gpd-debt-positions-internal-v1.json', name: 'PayPaymentOptionModel' };
COUNTERPARTS['gpd/MultiplePaymentPositionModel'] = { file: 'gpd-debt-positions-v2.json', name: 'MultiplePaymentPositionModel' };
COUNTERPARTS['gpd/MultipleIUPDModel'] = { file: 'gpd-debt-positions-v2.json', name: 'MultipleIUPDModel' };
for (const name of ['UploadStatus', 'UploadReport', 'ResponseEntry', 'FileIdListResponse'] as const) {
  COUNTERPARTS[`upload/${name}`] = { file: 'gpd-upload-v1.json', name };
}
for (const name of ['UploadStatusDTO', 'UploadReportDTO', 'ResponseEntryDTO'] as const) {
  COUNTERPARTS[`upload/${name}`] = { file: 'gpd-upload-v2.json', name };
}
// No counterpart in components.schemas: gpd/LocalDateTime (our shared date-time), gpd/DeletedMessage
// (inline `type: string` in the DELETE response), gateway/GatewayError (APIM body, not in the contract).

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

/**
 * `<schema id>.<property>.<keyword>` -> why ours differs from the contract. Every entry must be in use.
 * Keyword `required`: the property is required on one side only.
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
  'upload/UploadStatus.startTime.date-time': 'the status endpoint writes yyyy-MM-dd HH:mm:ss (notes §2.4): StatusTime.json',
  'upload/UploadStatusDTO.startTime.date-time': 'the status endpoint writes yyyy-MM-dd HH:mm:ss (notes §2.4): StatusTime.json',
  'upload/UploadReport.startTime.date-time': "the report writes yyyy-MM-dd'T'HH:mm:ss.SSS without zone (notes §2.4): ReportTime.json",
  'upload/UploadReport.endTime.date-time': "the report writes yyyy-MM-dd'T'HH:mm:ss.SSS without zone (notes §2.4): ReportTime.json",
  'upload/UploadReportDTO.startTime.date-time': "the report writes yyyy-MM-dd'T'HH:mm:ss.SSS without zone (notes §2.4): ReportTime.json",
  'upload/UploadReportDTO.endTime.date-time': "the report writes yyyy-MM-dd'T'HH:mm:ss.SSS without zone (notes §2.4): ReportTime.json",
  'upload/UploadStatusDTO.operationStatus.type': 'the contract $refs a string enum (OperationStatus); ours is the same enum in its own file',
};

/** `<id>.<field>.required` entries for fields the upload service always sends. */
function uploadAlwaysSent(id: SchemaId, fields: string[]): Record<string, string> {
  const reason = 'the upload service always sends it (notes §2.4); the contract leaves response fields optional';
  return Object.fromEntries(fields.map((field) => [`${id}.${field}.required`, reason]));
}

const COMPARED = ['enum', 'maxLength', 'minLength', 'minimum', 'maximum', 'minItems', 'maxItems', 'uniqueItems', 'pattern', 'format'] as const;

function loadOurs(id: string): Json {
  return JSON.parse(readFileSync(new URL(`${id}.json`, SCHEMAS_DIR), 'utf8')) as Json;
}

/** Non-null JSON types of one of our property schemas, following a $ref to a sibling file. */
function ourTypes(property: Json, family: string): string[] {
  const own = ([] as string[]).concat((property.type as string | string[] | undefined) ?? []);
  if (own.length === 0 && typeof property.$ref === 'string') {
    return ourTypes(loadOurs(`${family}/${property.$ref.replace(/\.json$/, '')}`), family);
  }
  return own.filter((t) => t !== 'null').sort();
}

/** JSON type of an official property (a $ref is an object schema there). */
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

describe('cross-check with the official v1 contracts', () => {
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

  for (const [id, counterpart] of Object.entries(COUNTERPARTS) as Array<[SchemaId, { file: string; name: string }]>) {
    test(`${id} matches ${counterpart.file} ${counterpart.name}`, (t) => {
      if (missing(t, counterpart.file)) return;
      const official = officialSchemas(counterpart.file)?.[counterpart.name];
      assert.ok(official, `${counterpart.name} missing from ${counterpart.file}`);
      const ours = loadOurs(id);
      const family = id.split('/')[0] ?? '';

      const officialProps = (official.properties ?? {}) as Record<string, Json>;
      const ourProps = (ours.properties ?? {}) as Record<string, Json>;
      assert.deepEqual(Object.keys(ourProps).sort(), Object.keys(officialProps).sort(), `${id}: property names`);

      const differences: string[] = [];
      const ourRequired = new Set((ours.required as string[] | undefined) ?? []);
      const officialRequired = new Set((official.required as string[] | undefined) ?? []);
      for (const name of [...new Set([...ourRequired, ...officialRequired])].sort()) {
        if (ourRequired.has(name) === officialRequired.has(name)) continue;
        const key = `${id}.${name}.required`;
        if (ALLOWED_DIFFERENCES[key]) {
          used.add(key);
          continue;
        }
        differences.push(`${key}: ours ${ourRequired.has(name)}, official ${officialRequired.has(name)}`);
      }
      for (const [name, off] of Object.entries(officialProps)) {
        const our = ourProps[name] ?? {};
        const key = `${id}.${name}`;
        const [oursTypes, officialType] = [ourTypes(our, family), officialTypes(off)];
        const allowed = (suffix: string) => !!ALLOWED_DIFFERENCES[`${key}.${suffix}`] && used.add(`${key}.${suffix}`);
        if (JSON.stringify(oursTypes) !== JSON.stringify(officialType) && !allowed('type')) {
          differences.push(`${key}.type: ours ${JSON.stringify(oursTypes)}, official ${JSON.stringify(officialType)}`);
        }
        if (off.format === 'date-time' && our.$ref !== 'LocalDateTime.json' && !allowed('date-time')) {
          differences.push(`${key}.date-time: a date-time in the contract, not a $ref to LocalDateTime.json`);
        }
        const [mine, theirs] = [constraints(our, 'ours'), constraints(off, 'official')];
        for (const keyword of COMPARED) {
          if (JSON.stringify(mine[keyword]) === JSON.stringify(theirs[keyword])) continue;
          if (ALLOWED_DIFFERENCES[`${key}.${keyword}`]) {
            used.add(`${key}.${keyword}`);
            continue;
          }
          differences.push(`${key}.${keyword}: ours ${JSON.stringify(mine[keyword])}, official ${JSON.stringify(theirs[keyword])}`);
        }
      }
      assert.deepEqual(differences, [], `${id} drifted from the contract`);
    });
  }

  // Declared after the per-schema tests, which node:test runs first, in order.
  test('every allowed difference is still needed', (t) => {
    if (missing(t, 'gpd-debt-positions-v1.json')) return;
    assert.deepEqual(
      Object.keys(ALLOWED_DIFFERENCES).filter((k) => !used.has(k)),
      [],
    );
  });
});

describe('bulk and upload bodies', () => {
  const fileId = '77777777777_77777777777_ac5617057f5149ffaf9525044878132f';

  test('v2 bulk bodies: 1..100 positions, 1..20 IUPDs', () => {
    const positions = Array.from({ length: 100 }, () => minimalCreateBody());
    assert.deepEqual(validateBody('gpd/MultiplePaymentPositionModel', { paymentPositions: positions }).errors, []);
    assert.deepEqual(validateBody('gpd/MultiplePaymentPositionModel', { paymentPositions: [...positions, minimalCreateBody()] }).errors, [
      '/paymentPositions: must NOT have more than 100 items',
    ]);
    assert.deepEqual(validateBody('gpd/MultipleIUPDModel', { paymentPositionIUPDs: [] }).errors, ['/paymentPositionIUPDs: must NOT have fewer than 1 items']);
    assert.equal(validateBody('gpd/MultipleIUPDModel', { paymentPositionIUPDs: Array.from({ length: 21 }, (_, i) => `I${i}`) }).valid, false);
  });

  test('upload files: unknown fields are flagged, IUPDs must be distinct', () => {
    const verdict = validateBody('upload/UploadPositionsFile', { paymentPositions: [{ ...minimalCreateBody(), aca: true }] });
    assert.deepEqual(verdict.warnings, ['/paymentPositions/0/aca: unexpected property']);
    assert.deepEqual(validateBody('upload/UploadIUPDsFile', { paymentPositionIUPDs: ['a', 'a'] }).errors, [
      '/paymentPositionIUPDs: must NOT have duplicate items (items ## 1 and 0 are identical)',
    ]);
  });

  test('status: v1 and v2 shapes, the service date format, the operation status enum', () => {
    const v2 = { fileId, processedItem: 20, submittedItem: 40, startTime: '2026-11-28 10:00:00', operationStatus: 'IN_PROGRESS' };
    assert.deepEqual(validateBody('upload/UploadStatusDTO', v2).errors, []);
    assert.deepEqual(validateBody('upload/UploadStatusDTO', { ...v2, startTime: '2026-11-28T10:00:00Z' }).errors.length, 1);
    assert.match(
      validateBody('upload/UploadStatusDTO', { ...v2, operationStatus: 'DONE' }).errors.join(),
      /operationStatus: must be equal to one of the allowed values/,
    );
    assert.deepEqual(validateBody('upload/UploadStatus', { uploadID: fileId, processedItem: 1, submittedItem: 1 }).errors, [
      "/startTime: must have required property 'startTime'",
    ]);
  });

  test('reports: v1 partial (endTime null) and v2 complete', () => {
    const responses = [{ statusCode: 201, statusMessage: '201 - Debt position CREATED', iupds: ['a'] }];
    const v2 = { fileId, processedItem: 1, submittedItem: 1, responses, startTime: '2026-11-28T10:00:00.123', endTime: '2026-11-28T10:00:01.456' };
    assert.deepEqual(validateBody('upload/UploadReportDTO', v2).errors, []);
    assert.equal(validateBody('upload/UploadReportDTO', { ...v2, endTime: null }).valid, false);
    const v1 = { uploadID: fileId, processedItem: 0, submittedItem: 1, responses: [], startTime: '2026-11-28T10:00:00.123', endTime: null };
    assert.deepEqual(validateBody('upload/UploadReport', v1).errors, []);
    assert.deepEqual(validateBody('upload/UploadReport', { ...v1, responses: [{ statusCode: 201, statusMessage: 'x' }] }).errors, [
      "/responses/0/requestIDs: must have required property 'requestIDs'",
    ]);
  });

  test('files listing and file ids', () => {
    assert.deepEqual(validateBody('upload/FileIdListResponse', { fileIds: [fileId], size: 1, hasMore: false }).errors, []);
    assert.equal(validateBody('upload/FileIdListResponse', { fileIds: ['not-an-id'], size: 1, hasMore: false }).valid, false);
  });
});
