import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { makeIuv } from '../ids.ts';
import { CATALOGUE } from '../catalogue.ts';
import { REDACTED } from '../redact.ts';
import type { CallInput, RecordedCall } from './calls.ts';
import { routeOf } from './calls.ts';
import { buildChecklist, isEvidenceable } from './checklist.ts';
import { EcSoftwareMonitor } from './monitor.ts';

const EC = '77777777777';
const GPD = `/gpd/debt-positions-service/v1/organizations/${EC}/debtpositions`;
const NOW = Date.parse('2026-07-01T10:00:00Z');
const KEY = 'the-ec-own-gpd-key-0123456789';

function position(iupd: string, base = '0000000000001', overrides: Record<string, unknown> = {}) {
  return {
    iupd,
    type: 'F',
    fiscalCode: 'RSSMRA80A01H501U',
    fullName: 'Mario Rossi',
    companyName: 'Comune di Prova',
    switchToExpired: false,
    paymentOption: [
      {
        iuv: makeIuv('01', base),
        amount: 1000,
        description: 'Tassa',
        isPartialPayment: false,
        dueDate: '2026-12-31T23:59:59',
        transfer: [{ idTransfer: '1', amount: 1000, remittanceInformation: 'Tassa', category: '9/0101108TS/', iban: 'IT60X0542811101000000123456' }],
      },
    ],
    ...overrides,
  };
}

class Session {
  readonly monitor = new EcSoftwareMonitor({
    source: { kind: 'sandbox', target: 'http://sandbox', ecFiscalCode: EC, segregationCodes: ['01'] },
    secrets: [KEY],
    now: () => NOW,
  });
  private t = NOW;
  call(
    method: string,
    url: string,
    status: number,
    options: {
      body?: unknown;
      answer?: unknown;
      headers?: Record<string, string>;
      answerHeaders?: Record<string, string>;
      aborted?: boolean;
      after?: number;
    } = {},
  ): RecordedCall {
    this.t += options.after ?? 1000;
    const input: CallInput = {
      at: new Date(this.t),
      ms: 5,
      method,
      url,
      requestHeaders: { 'ocp-apim-subscription-key': KEY, 'x-request-id': `req-${this.t}`, ...options.headers },
      ...(options.body !== undefined ? { requestBody: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) } : {}),
      status,
      responseHeaders: { 'x-request-id': `req-${this.t}`, ...options.answerHeaders },
      ...(options.answer !== undefined ? { responseBody: JSON.stringify(options.answer) } : {}),
      ...(options.aborted ? { clientAborted: true } : {}),
    };
    return this.monitor.record(input);
  }
}

const codes = (call: RecordedCall) => call.findings.map((f) => f.code);

describe('EC software engine: routes', () => {
  it('names the API, operation and identifiers of each EC path', () => {
    assert.deepEqual(routeOf('PUT', `${GPD}/IUPD-1`), { api: 'gpd-v1', operation: 'update', ec: EC, iupd: 'IUPD-1' });
    assert.deepEqual(routeOf('POST', `${GPD}/a%2Fb/publish`), { api: 'gpd-v1', operation: 'publish', ec: EC, iupd: 'a/b' });
    assert.equal(
      routeOf('GET', `/upload/gpd/debt-positions-service/v2/brokers/B/organizations/${EC}/debtpositions/file/F1/report`)?.operation,
      'upload-report',
    );
    assert.equal(routeOf('GET', `/gpd/payments-receipts-service/v1/payments/${EC}/receipts`)?.operation, 'receipts-list');
    assert.equal(routeOf('GET', '/fdr-org/service/v1/organizations/X/fdrs/F/revisions/1/psps/P/payments')?.operation, 'fdr-payments');
    assert.equal(routeOf('GET', '/gpd/api/v1/organizations/X/debtpositions'), undefined);
  });
});

describe('EC software engine: rules of one call', () => {
  it('a clean create is evidence of a draft create and carries no finding; keys are never kept', () => {
    const s = new Session();
    const call = s.call('POST', `${GPD}?toPublish=false&subscription-key=${KEY}`, 201, {
      body: position('P1'),
      answer: { ...position('P1'), status: 'DRAFT' },
    });
    assert.deepEqual(call.findings, []);
    assert.deepEqual(call.cases, ['GPD-CRE-01', 'ACC-03']);
    assert.equal(call.request.headers['ocp-apim-subscription-key'], REDACTED);
    assert.ok(!JSON.stringify(s.monitor.recording()).includes(KEY));
  });

  it('a wrong IUV check digit, another segregation code and a NAV that is not 3 + IUV are errors with advice', () => {
    const s = new Session();
    const body = position('P2');
    const option = body.paymentOption[0]!;
    const wrong = `${option.iuv.slice(0, 15)}${String((Number(option.iuv.slice(15)) + 1) % 93).padStart(2, '0')}`;
    const call = s.call('POST', `${GPD}?toPublish=true`, 201, {
      body: { ...body, paymentOption: [{ ...option, iuv: wrong, nav: `3${option.iuv}` }] },
      answer: { status: 'VALID' },
    });
    assert.deepEqual(codes(call).sort(), ['iuv-check-digits', 'nav-mismatch']);
    assert.ok(call.findings.every((f) => f.advice.it && f.advice.en));
    const other = s.call('POST', `${GPD}?toPublish=true`, 201, {
      body: position('P3', undefined, { paymentOption: [{ ...option, iuv: makeIuv('02', '0000000000009') }] }),
      answer: { status: 'VALID' },
    });
    assert.deepEqual(codes(other), ['iuv-segregation-code']);
  });

  it('transfers that do not add up, six transfers, IBAN with stamp, idTransfer 6, past dates and zoned dates', () => {
    const s = new Session();
    const option = position('x').paymentOption[0]!;
    const transfer = option.transfer[0]!;
    const body = position('P4', undefined, {
      validityDate: '2026-06-01T00:00:00',
      paymentOption: [
        {
          ...option,
          amount: 999,
          dueDate: '2026-12-31T23:59:59+02:00',
          transfer: [1, 2, 3, 4, 5, 6].map((n) => ({
            ...transfer,
            idTransfer: String(n),
            amount: n === 1 ? 1000 : 1,
            ...(n === 2 ? { stamp: { hashDocument: 'x', stampType: '01', provincialResidence: 'RM' } } : {}),
          })),
        },
      ],
    });
    const call = s.call('POST', `${GPD}?toPublish=maybe`, 400, { body });
    for (const code of [
      'transfers-sum',
      'too-many-transfers',
      'iban-and-stamp',
      'id-transfer',
      'validity-date-past',
      'date-with-zone',
      'to-publish-value',
      'schema',
    ])
      assert.ok(codes(call).includes(code as never), code);
    const malformed = s.call('POST', GPD, 400, { body: '{"iupd":' });
    assert.deepEqual(codes(malformed), ['malformed-json']);
    assert.deepEqual(malformed.cases, ['GPD-CRE-16']);
  });
});

describe('EC software engine: sequences', () => {
  it('the update trap: a VALID position updated without toPublish=true that falls back to DRAFT is flagged with advice', () => {
    const s = new Session();
    s.call('POST', `${GPD}?toPublish=true`, 201, { body: position('T1'), answer: { status: 'VALID' } });
    const trap = s.call('PUT', `${GPD}/T1`, 200, { body: position('T1'), answer: { status: 'DRAFT' } });
    assert.deepEqual(codes(trap), ['update-trap']);
    assert.match(trap.findings[0]!.advice.en, /toPublish=true/);
    assert.ok(trap.cases.includes('GPD-UPD-03'));
    const good = s.call('PUT', `${GPD}/T1?toPublish=true`, 200, { body: position('T1'), answer: { status: 'VALID' } });
    assert.deepEqual(codes(good), []);
    assert.ok(good.cases.includes('GPD-UPD-01'), 'the position was DRAFT after the trap');
  });

  it('a create retried after a timeout without reading the position first is flagged; with a read in between it is not', () => {
    const s = new Session();
    s.call('POST', GPD, 201, { body: position('R1'), answer: { status: 'DRAFT' }, aborted: true });
    const blind = s.call('POST', GPD, 409, { body: position('R1') });
    assert.deepEqual(codes(blind), ['blind-create-retry']);
    assert.ok(blind.cases.includes('GPD-CRE-07'));
    s.call('POST', GPD, 201, { body: position('R2', '0000000000002'), answer: { status: 'DRAFT' }, aborted: true });
    s.call('GET', `${GPD}/R2`, 200, { answer: { status: 'DRAFT' } });
    assert.deepEqual(codes(s.call('POST', GPD, 409, { body: position('R2', '0000000000002') })), []);
  });

  it('an upload polled before its Retry-After is flagged, after it is not; a 429 and a call inside its wait are flagged', () => {
    const s = new Session();
    const upload = `/upload/gpd/debt-positions-service/v2/brokers/B/organizations/${EC}/debtpositions/file`;
    const accepted = s.call('POST', upload, 202, {
      body: { bytes: 100 } as never,
      answerHeaders: { location: `brokers/B/organizations/${EC}/debtpositions/file/F-1/status`, 'retry-after': '10' },
    });
    assert.deepEqual(accepted.cases, ['BLK-06', 'ACC-03']);
    assert.deepEqual(codes(s.call('GET', `${upload}/F-1/status`, 200, { after: 2000 })), ['upload-poll-too-fast']);
    assert.deepEqual(codes(s.call('GET', `${upload}/F-1/status`, 200, { after: 9000 })), []);
    assert.deepEqual(codes(s.call('GET', `${GPD}?limit=5`, 429, { answerHeaders: { 'retry-after': '8' } })), ['rate-limited']);
    assert.deepEqual(codes(s.call('GET', `${GPD}?limit=5`, 200, { after: 1000, answer: { payment_position_list: [] } })), ['retry-after-ignored']);
    assert.deepEqual(codes(s.call('GET', `${GPD}?limit=5`, 200, { after: 9000, answer: { payment_position_list: [] } })), []);
  });
});

describe('EC software engine: mapping to the catalogue', () => {
  it('maps the lifecycle and its refusals to their cases', () => {
    const s = new Session();
    const cases = (call: RecordedCall) => call.cases.filter((c) => !c.startsWith('ACC'));
    assert.deepEqual(cases(s.call('POST', `${GPD}?toPublish=true`, 201, { body: position('M1'), answer: { status: 'VALID' } })), ['GPD-CRE-02']);
    assert.deepEqual(cases(s.call('POST', `${GPD}/M1/publish`, 409, { answer: { title: 'x' } })), ['GPD-PUB-03']);
    assert.deepEqual(cases(s.call('GET', `${GPD}/M1`, 200, { answer: { status: 'VALID' } })), ['GPD-GET-01']);
    assert.deepEqual(cases(s.call('DELETE', `${GPD}/M1`, 200, { answer: 'deleted' })), ['GPD-DEL-02']);
    assert.deepEqual(cases(s.call('GET', `${GPD}/M1`, 404, { answer: { status: 404 } })), ['GPD-GET-02']);
    assert.deepEqual(cases(s.call('POST', GPD, 201, { body: position('M2', '0000000000003'), answer: { status: 'DRAFT' } })), ['GPD-CRE-01']);
    assert.deepEqual(cases(s.call('POST', `${GPD}/M2/invalidate`, 409, { answer: {} })), ['GPD-INV-02']);
    assert.deepEqual(cases(s.call('POST', `${GPD}/M2/publish`, 200, { answer: { status: 'VALID' } })), ['GPD-PUB-01']);
    assert.deepEqual(cases(s.call('POST', `${GPD}/M2/invalidate`, 200, { answer: { status: 'INVALID' } })), ['GPD-INV-01']);
    assert.deepEqual(cases(s.call('PUT', `${GPD}/M2`, 409, { body: position('M2', '0000000000003') })), ['GPD-UPD-06']);
    assert.deepEqual(cases(s.call('GET', `${GPD}?status=VALID&page=1&limit=10`, 200, { answer: {} })), ['GPD-GET-03', 'GPD-GET-06', 'GPD-GET-07']);
    const refused = s.call('POST', GPD, 400, { body: position('M3', '0000000000004', { paymentOption: [{ ...position('x').paymentOption[0]!, amount: 5 }] }) });
    assert.deepEqual(cases(refused), ['GPD-CRE-09']);
    assert.deepEqual(s.call('GET', `${GPD}?limit=1`, 401, { headers: { 'ocp-apim-subscription-key': '' } }).cases, ['ACC-02']);
    assert.deepEqual(s.call('GET', `/gpd/payments-receipts-service/v1/payments/${EC}/receipts/123`, 422, { answer: {} }).cases, ['RIC-04']);
  });

  it('the checklist: a refusal the EC provoked is its case done; a problem of a positive case is "done with problems"; the rest not yet', () => {
    const s = new Session();
    s.call('POST', GPD, 400, { body: position('C1', undefined, { paymentOption: [{ ...position('x').paymentOption[0]!, amount: 5 }] }) });
    s.call('POST', `${GPD}?toPublish=true`, 201, {
      body: position('C2', '1234567890123', { paymentOption: [{ ...position('x').paymentOption[0]!, iuv: '01123456789012300' }] }),
      answer: { status: 'VALID' },
    });
    const checklist = buildChecklist(s.monitor.recording());
    const items = new Map(checklist.steps.flatMap((step) => step.items).map((i) => [i.id, i]));
    assert.equal(items.get('GPD-CRE-09')!.status, 'done');
    assert.equal(items.get('GPD-CRE-02')!.status, 'problems');
    assert.equal(items.get('GPD-CRE-02')!.problems[0]!.findings[0]!.code, 'iuv-check-digits');
    assert.equal(items.get('GPD-DEL-01')!.status, 'todo');
    assert.deepEqual(
      checklist.problems.map((p) => p.findings.map((f) => f.code)),
      [['transfers-sum'], ['iuv-check-digits']],
    );
    const listed = new Set([...items.keys(), ...checklist.notEvidenceable.map((c) => c.id)]);
    assert.deepEqual([...listed].sort(), CATALOGUE.map((c) => c.id).sort(), 'every case is either an item or said not evidenceable');
    assert.ok(!isEvidenceable(CATALOGUE.find((c) => c.id === 'PAY-01')!));
  });
});

describe('EC software engine: any call is taken in', () => {
  it('never throws and never keeps the key, whatever the method, path, query, bodies and headers', () => {
    const paths = fc.constantFrom(
      GPD,
      `${GPD}/x`,
      `${GPD}/x/publish`,
      `${GPD}/%E0%A4%A/invalidate`,
      '/gpd/debt-positions-service/v2/organizations/%/debtpositions',
      `/upload/gpd/debt-positions-service/v1/brokers/b/organizations/${EC}/debtpositions/file/%ZZ/status`,
      '/gpd/payments-receipts-service/v1/payments/x/receipts/y',
      '/fdr-org/service/v1/organizations/x/fdrs/a/revisions/b/psps/c/payments',
      '//evil/../x',
      'http://host/gpd/debt-positions-service/v1/info',
    );
    const json = fc.oneof(
      fc.json(),
      fc.constant(JSON.stringify(position('F1'))),
      fc.constant(JSON.stringify({ paymentPositions: [position('F2'), 7, null], paymentPositionIUPDs: 'x' })),
      fc.constant('{"__proto__":{"polluted":1},"paymentOption":[{"iuv":12,"transfer":{"length":9}}]}'),
      fc.string(),
    );
    fc.assert(
      fc.property(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'get'),
        paths,
        fc.string(),
        json,
        fc.option(json, { nil: undefined }),
        fc.integer({ min: 100, max: 599 }),
        fc.dictionary(fc.constantFrom('retry-after', 'location', 'x-request-id', 'content-type'), fc.string()),
        fc.boolean(),
        (method, path, query, requestBody, responseBody, status, answerHeaders, aborted) => {
          const monitor = new EcSoftwareMonitor({ source: { kind: 'recorder', target: 'http://t', segregationCodes: ['01'] }, secrets: [KEY] });
          const call = monitor.record({
            at: new Date(NOW),
            ms: 1,
            method,
            url: `${path}?${query}&subscription-key=${KEY}`,
            requestHeaders: { 'Ocp-Apim-Subscription-Key': KEY, authorization: `Bearer ${KEY}` },
            requestBody,
            status,
            responseHeaders: answerHeaders,
            ...(responseBody !== undefined ? { responseBody } : {}),
            clientAborted: aborted,
          });
          assert.ok(!JSON.stringify(monitor.recording()).includes(KEY));
          assert.ok(Array.isArray(call.cases) && Array.isArray(call.findings));
          assert.equal(({} as Record<string, unknown>).polluted, undefined);
          buildChecklist(monitor.recording());
        },
      ),
      { numRuns: 400 },
    );
  });
});
