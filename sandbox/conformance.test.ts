// Fidelity measured: every response of a representative run must match the response schema that
// the official OpenAPI files declare for that operation and status. The files are read from
// ../shared/reference/openapi (next to the repository) at test time, never copied.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { Ajv, type AnySchemaObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { FDR, FDR_KEY, fdrSubscriptions, payNotice } from './fdr/test-support.ts';
import {
  DAY,
  HOUR,
  KEYS,
  ORG,
  PAYMENT_BODY,
  ids,
  planBody,
  plansV3Body,
  positionBody,
  startSandbox,
  transfer,
  v3 as v3Call,
  type Res,
  type TestSandbox,
} from './test-helpers.ts';

const SPEC_DIR = fileURLToPath(new URL('../../shared/reference/openapi/', import.meta.url));
const SPECS = {
  v1: 'gpd-debt-positions-v1.json',
  internal: 'gpd-debt-positions-internal-v1.json',
  v2: 'gpd-debt-positions-v2.json',
  uploadV1: 'gpd-upload-v1.json',
  uploadV2: 'gpd-upload-v2.json',
  receipts: 'gpd-receipts.json',
  bizevents: 'pagopa-api-bizevents-receipts.json',
  // FdR: the service contract (pagopa-fdr) is the reference for paths and bodies; every FdR answer is also
  // checked against the published one (pagopa-api), which lacks only `/info`.
  fdr: 'pagopa-fdr-org-openapi.json',
  fdrPublished: 'pagopa-api-fdr-organization.json',
  // Checkout carts (issue 13): the EC's carts API, v1 and v2.
  cartsV1: 'pagopa-api-checkout-ec-v1.json',
  cartsV2: 'pagopa-api-checkout-ec-v2.json',
  // GPD v3 (issue 13): the service contract and the published one; every v3 answer is checked against both.
  v3: 'gpd-debt-positions-v3.json',
  v3Published: 'pagopa-api-gpd-v3.json',
} as const;
type Api = keyof typeof SPECS;
const available = Object.values(SPECS).every((file) => existsSync(`${SPEC_DIR}${file}`));

/**
 * Answers the platform gives (notes, from the service code) that the contract does not declare:
 * checked against the contract's ProblemJson instead.
 */
const CONTRACT_GAPS: Record<string, string> = {
  'v2 PUT /organizations/{organizationfiscalcode}/debtpositions 404': 'a bulk update naming missing IUPDs is a 404 (notes §2.2); the contract omits it',
  'v2 DELETE /organizations/{organizationfiscalcode}/debtpositions 400': 'the contract declares the 400 without a body; the service sends ProblemJson',
  'cartsV1 POST /carts 422':
    'duplicate notices or a notice checkPosition refuses: 422 ProblemJson (pagopa-ecommerce-payment-requests-service, BaseCartService and its own spec); the EC contract declares only 400 and 500',
  'cartsV2 POST /carts 422': 'as cartsV1',
  'v1 GET /organizations/{organizationfiscalcode}/debtpositions/{iupd} 422':
    "a position with several payment plans (created through v3) is a 422 MULTI_INSTALLMENT_NOT_SUPPORTED_IN_V1 (the service's DebtPositionController, notes §2.3); this copy of the contract omits it",
};

/**
 * Defects of a contract's schemas that no real answer could satisfy, relaxed before validating:
 * api -> schema -> required properties dropped from it, with the reason.
 */
const CONTRACT_DEFECTS: Partial<Record<Api, Record<string, { notRequired: string[]; reason: string }>>> = {
  bizevents: {
    TransferPA: {
      notRequired: ['iban', 'mbdAttachment'],
      reason:
        'required together, yet a transfer credits either an IBAN or a digital stamp (MBD); the service writes null for the other, which the non-nullable string rejects too',
    },
  },
};

interface Recorded {
  api: Api;
  method: string;
  template: string;
  res: Res;
}

/** OpenAPI object schemas with additionalProperties: false, so that undeclared fields are caught too. */
function closeObjects(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closeObjects);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = closeObjects(value);
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

/** OpenAPI 3.0's boolean `exclusiveMaximum`/`exclusiveMinimum` (the Checkout EC contracts' status code) in the
 * JSON Schema form Ajv reads: the bound itself. */
function numericBounds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(numericBounds);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = numericBounds(value);
  for (const [flag, bound] of [
    ['exclusiveMaximum', 'maximum'],
    ['exclusiveMinimum', 'minimum'],
  ] as const) {
    if (typeof out[flag] !== 'boolean') continue;
    if (out[flag] === true && typeof out[bound] === 'number') {
      out[flag] = out[bound];
      delete out[bound];
    } else delete out[flag];
  }
  return out;
}

function loadValidator() {
  // strict: false because the copied specs carry OpenAPI keywords and string defaults ("true").
  const ajv = new Ajv({ strict: false, useDefaults: false, allErrors: true });
  addFormatsModule.default(ajv);
  // GPD serialises LocalDateTime without a zone (2025-03-01T10:00:00), which RFC 3339 `date-time`
  // rejects: real UAT answers would fail too. Validate with the ISO form where the zone is optional.
  ajv.addFormat('date-time', ajv.formats['iso-date-time']!);
  const specs = {} as Record<
    Api,
    { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: AnySchemaObject }> }> }>> }
  >;
  for (const [api, file] of Object.entries(SPECS) as [Api, string][]) {
    const spec = numericBounds(closeObjects(JSON.parse(readFileSync(`${SPEC_DIR}${file}`, 'utf8')))) as AnySchemaObject;
    for (const [name, { notRequired }] of Object.entries(CONTRACT_DEFECTS[api] ?? {})) {
      const schema = spec.components.schemas[name] as { required: string[] };
      assert.ok(
        notRequired.every((field) => schema.required.includes(field)),
        `${api} ${name}: the contract no longer requires ${notRequired.join(', ')}; drop the defect entry`,
      );
      schema.required = schema.required.filter((field) => !notRequired.includes(field));
    }
    ajv.addSchema(spec, api);
    specs[api] = spec as (typeof specs)[Api];
  }
  const operations = (api: Api) =>
    Object.entries(specs[api].paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => m !== 'parameters')
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
  const validate = (r: Recorded): string[] => {
    const operation = specs[r.api].paths[r.template]?.[r.method.toLowerCase()];
    if (!operation) return [`${r.method} ${r.template} is not an operation of the ${r.api} spec`];
    const gap = CONTRACT_GAPS[`${r.api} ${r.method} ${r.template} ${r.res.status}`];
    const response = gap
      ? { content: { 'application/json': { schema: { $ref: '#/components/schemas/ProblemJson' } } } }
      : operation.responses[String(r.res.status)];
    if (!response) return [`status ${r.res.status} is not declared`];
    const schema = response.content?.['application/json']?.schema;
    // An empty answer (v2 bulk 201/200, upload 202) conforms when the contract declares no JSON for it.
    if (!schema) return r.res.raw === '' ? [] : [`status ${r.res.status} declares no JSON body`];
    const ref = typeof schema.$ref === 'string' ? schema.$ref.replace(/^#/, `${r.api}#`) : undefined;
    const validate = ajv.compile(ref ? { $ref: ref } : schema);
    return validate(r.res.body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
  };
  return { validate, operations };
}

/** Drives every operation through success and error paths, recording each response. */
async function representativeRun(sb: TestSandbox): Promise<Recorded[]> {
  const recorded: Recorded[] = [];
  const P = '/organizations/{organizationfiscalcode}';
  const rec = async (api: Api, method: string, template: string, res: Promise<Res>) => {
    recorded.push({ api, method, template, res: await res });
  };
  const v1 = (method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH', template: string, path: string, options?: Parameters<TestSandbox['ec']>[2]) =>
    rec('v1', method, `${P}${template}`, sb.ec(method, path, options));
  const internal = (method: 'GET' | 'POST', template: string, path: string, options?: Parameters<TestSandbox['ec']>[2]) =>
    rec('internal', method, `${P}${template}`, sb.internal(method, path, options));

  await rec('v1', 'GET', '/info', sb.call('GET', '/gpd/debt-positions-service/v1/info', { headers: { 'ocp-apim-subscription-key': KEYS.gpd } }));
  await rec('internal', 'GET', '/info', sb.call('GET', '/gpd/api/v1/info', { headers: { 'ocp-apim-subscription-key': KEYS.internal } }));

  // A rich position: every optional field, metadata, a stamp, a second beneficiary, installments.
  const rich = planBody();
  Object.assign(rich.body, {
    streetName: 'Via Roma',
    civicNumber: '1',
    postalCode: '00100',
    city: 'Roma',
    province: 'RM',
    region: 'Lazio',
    country: 'IT',
    email: 'mario.rossi@example.com',
    phone: '+39061234567',
    officeName: 'Ufficio Tributi',
    payStandIn: false,
  });
  const firstOption = rich.body.paymentOption[0]!;
  Object.assign(firstOption, { retentionDate: '2025-12-31T00:00:00', paymentOptionMetadata: [{ key: 'k', value: 'v' }] });
  firstOption.transfer = [
    { ...transfer(7000, '1'), transferMetadata: [{ key: 'tk', value: 'tv' }] },
    {
      idTransfer: '2',
      amount: 3000,
      remittanceInformation: 'Bollo',
      category: '9/0101108TS/',
      stamp: { hashDocument: 'a'.repeat(44), stampType: '01', provincialResidence: 'RM' },
      organizationFiscalCode: '15376371009',
      companyName: 'Altro Ente',
    },
  ];
  await v1('POST', '/debtpositions', '/debtpositions', { body: rich.body, query: { toPublish: 'true' } });
  const draft = positionBody();
  await v1('POST', '/debtpositions', '/debtpositions', { body: draft });
  const published = positionBody({ validityInMs: HOUR });
  await v1('POST', '/debtpositions', '/debtpositions', { body: published, query: { toPublish: 'true' } });
  await v1('POST', '/debtpositions', '/debtpositions', { body: draft }); // 409
  await v1('POST', '/debtpositions', '/debtpositions', { body: positionBody({ dueInMs: -DAY }) }); // 400 business
  await v1('POST', '/debtpositions', '/debtpositions', { body: { iupd: 'x' } }); // 400 bean validation
  await v1('POST', '/debtpositions', '/debtpositions', { payload: '{', headers: { 'content-type': 'application/json' } }); // 400 JSON

  await v1('GET', '/debtpositions/{iupd}', `/debtpositions/${rich.body.iupd}`);
  await v1('GET', '/debtpositions/{iupd}', '/debtpositions/unknown');
  await v1('GET', '/debtpositions', '/debtpositions');
  await v1('GET', '/debtpositions', '/debtpositions', {
    query: { due_date_from: '2025-03-20', status: 'VALID', orderby: 'IUPD', ordering: 'ASC', limit: '2' },
  });
  await v1('GET', '/debtpositions', '/debtpositions', { query: { limit: '51' } });
  await v1('GET', '/debtpositions', '/debtpositions', { query: { due_date_from: '2025-03-01', payment_date_from: '2025-03-01' } });
  await v1('GET', '/debtpositions', '/debtpositions', { query: { due_date_from: '2025-03-01', due_date_to: '2025-05-01' } });

  await v1('PUT', '/debtpositions/{iupd}', `/debtpositions/${draft.iupd}`, { body: { ...draft, officeName: 'Ufficio' } });
  await v1('PUT', '/debtpositions/{iupd}', `/debtpositions/${draft.iupd}`, { body: { ...draft, iupd: 'other' } });
  const unknown = positionBody();
  await v1('PUT', '/debtpositions/{iupd}', `/debtpositions/${unknown.iupd}`, { body: unknown });
  await v1('POST', '/debtpositions/{iupd}/publish', `/debtpositions/${draft.iupd}/publish`);
  await v1('POST', '/debtpositions/{iupd}/publish', `/debtpositions/${draft.iupd}/publish`); // 409
  await v1('POST', '/debtpositions/{iupd}/publish', '/debtpositions/unknown/publish'); // 404
  await v1('POST', '/debtpositions/{iupd}/invalidate', `/debtpositions/${published.iupd}/invalidate`);
  await v1('POST', '/debtpositions/{iupd}/invalidate', `/debtpositions/${published.iupd}/invalidate`); // 409
  await v1('PUT', '/debtpositions/{iupd}', `/debtpositions/${published.iupd}`, { body: published }); // 409 INVALID

  const paid = ids();
  await v1('POST', '/debtpositions', '/debtpositions', { body: positionBody({ iupd: paid.iupd, iuv: paid.iuv }), query: { toPublish: 'true' } });
  await v1('POST', '/paymentoptions/paids/{nav}', `/paymentoptions/paids/${paid.nav}`, { body: { paymentDate: '2025-03-01T12:00:00.250' } });
  await v1('POST', '/paymentoptions/paids/{nav}', `/paymentoptions/paids/${paid.nav}`, { body: {} }); // 409
  await v1('POST', '/paymentoptions/paids/{nav}', '/paymentoptions/paids/300000000000000000', { body: {} }); // 404
  await v1('POST', '/paymentoptions/paids/{nav}', `/paymentoptions/paids/${paid.nav}`, { body: { paymentDate: 'x' } }); // 400
  await v1('GET', '/debtpositions/{iupd}', `/debtpositions/${paid.iupd}`);
  await v1('DELETE', '/debtpositions/{iupd}', `/debtpositions/${paid.iupd}`); // 409
  await v1('PATCH', '/debtpositions/transfers', '/debtpositions/transfers', {
    query: { oldIban: 'IT30N0103076271000001823603' },
    body: { newIban: 'IT60X0542811101000000123456' },
  });
  await v1('PATCH', '/debtpositions/transfers', '/debtpositions/transfers', { query: { oldIban: 'x', limit: '5000' }, body: { newIban: 'y' } });
  await v1('DELETE', '/debtpositions/{iupd}', `/debtpositions/${draft.iupd}`);
  await v1('DELETE', '/debtpositions/{iupd}', `/debtpositions/${draft.iupd}`); // 404

  // The Node's side.
  const [installment] = rich.installments;
  await internal('GET', '/paymentoptions/{nav}', `/paymentoptions/${installment}`);
  await internal('GET', '/paymentoptions/{nav}', '/paymentoptions/300000000000000000');
  await internal('POST', '/paymentoptions/{nav}/pay', `/paymentoptions/${installment}/pay`, {
    body: { ...PAYMENT_BODY, pspCode: 'PSP', pspTaxCode: '123', fee: '100' },
  });
  await internal('POST', '/paymentoptions/{nav}/pay', `/paymentoptions/${installment}/pay`, { body: PAYMENT_BODY }); // 409
  await internal('POST', '/paymentoptions/{nav}/pay', `/paymentoptions/${rich.single}/pay`, { body: PAYMENT_BODY }); // 404
  await internal('POST', '/paymentoptions/{nav}/pay', `/paymentoptions/${installment}/pay`, { body: {} }); // 400
  const iuv = installment!.slice(1);
  await internal('POST', '/paymentoptions/{iuv}/transfers/{transferid}/report', `/paymentoptions/${iuv}/transfers/1/report`);
  await internal('POST', '/paymentoptions/{iuv}/transfers/{transferid}/report', `/paymentoptions/${iuv}/transfers/1/report`); // 409
  await internal('POST', '/paymentoptions/{iuv}/transfers/{transferid}/report', `/paymentoptions/${iuv}/transfers/9/report`); // 404
  await internal('GET', '/paymentoptions/{iuv}/debtposition', `/paymentoptions/${iuv}/debtposition`);
  await internal('GET', '/debtpositions', '/debtpositions');
  await internal('GET', '/debtpositions/{iupd}', `/debtpositions/${rich.body.iupd}`);

  // GPD v2 bulk.
  const V2 = `/gpd/debt-positions-service/v2/organizations/${ORG}/debtpositions`;
  const gpdKey = { 'ocp-apim-subscription-key': KEYS.gpd };
  const bulk = (method: 'POST' | 'PUT' | 'DELETE', body: unknown) =>
    rec('v2', method, `${P}/debtpositions`, sb.call(method, V2, { body, headers: gpdKey, query: { toPublish: 'true' } }));
  const batch = [positionBody(), positionBody()];
  await bulk('POST', { paymentPositions: batch });
  await bulk('POST', { paymentPositions: batch }); // 409
  await bulk('PUT', { paymentPositions: batch });
  await bulk('PUT', { paymentPositions: [positionBody()] }); // 404
  await bulk('DELETE', { paymentPositionIUPDs: Array.from({ length: 21 }, (_, i) => `X${i}`) }); // 400
  await rec('v2', 'GET', '/info', sb.call('GET', '/gpd/debt-positions-service/v2/info', { headers: gpdKey }));

  // Upload service, v1 and v2.
  for (const [api, version, id] of [
    ['uploadV1', 'v1', 'upload-id'],
    ['uploadV2', 'v2', 'file-id'],
  ] as const) {
    const base = `/upload/gpd/debt-positions-service/${version}/brokers/${ORG}/organizations/${ORG}/debtpositions`;
    const T = '/brokers/{broker-code}/organizations/{organization-fiscal-code}/debtpositions';
    const accepted = await sb.upload('POST', `${base}/file`, { paymentPositions: [positionBody()] });
    await rec(api, 'POST', `${T}/file`, Promise.resolve(accepted));
    await rec(api, 'POST', `${T}/file`, sb.upload('POST', `${base}/file`, { paymentPositions: [] })); // 400
    const fileId = /\/file\/([^/]+)\/status$/.exec(String(accepted.headers.location))![1]!;
    await sb.uploadDone(`${base}/file/${fileId}/status`);
    await rec(api, 'GET', `${T}/file/{${id}}/status`, sb.call('GET', `${base}/file/${fileId}/status`, { headers: gpdKey }));
    await rec(api, 'GET', `${T}/file/{${id}}/report`, sb.call('GET', `${base}/file/${fileId}/report`, { headers: gpdKey }));
    await rec(api, 'GET', `${T}/file/{${id}}/status`, sb.call('GET', `${base}/file/${ORG}_${ORG}_${'0'.repeat(32)}/status`, { headers: gpdKey })); // 404
    await rec(api, 'GET', `${T}/files`, sb.call('GET', `${base}/files`, { headers: gpdKey }));
    await rec(api, 'GET', '/info', sb.call('GET', `/upload/gpd/debt-positions-service/${version}/info`, { headers: gpdKey }));
  }

  // GPD receipts (the XML document itself is checked field by field in receipts/receipts.test.ts).
  const receiptsKey = { 'ocp-apim-subscription-key': KEYS.receipts };
  const R = `/gpd/payments-receipts-service/v1/payments/${ORG}/receipts`;
  const unpaid = positionBody();
  await sb.ec('POST', '/debtpositions', { body: unpaid, query: { toPublish: 'true' } });
  await rec('receipts', 'GET', '/info', sb.call('GET', '/gpd/payments-receipts-service/v1/info', { headers: receiptsKey }));
  await rec('receipts', 'GET', '/payments/{organizationfiscalcode}/receipts', sb.call('GET', R, { headers: receiptsKey }));
  await rec('receipts', 'GET', '/payments/{organizationfiscalcode}/receipts', sb.call('GET', R, { headers: receiptsKey, query: { pageSize: '0' } })); // 400
  await rec('receipts', 'GET', '/payments/{organizationfiscalcode}/receipts/{iuv}', sb.call('GET', `${R}/01999999999999999`, { headers: receiptsKey })); // 404
  await rec(
    'receipts',
    'GET',
    '/payments/{organizationfiscalcode}/receipts/{iuv}',
    sb.call('GET', `${R}/${unpaid.paymentOption[0]!.iuv}`, { headers: receiptsKey }),
  ); // 422

  // Biz-events receipts (every field is checked in bizevents/bizevents.test.ts): an installment of the rich position paid with
  // the PSP data the Node sends, a second payment reusing a token (422), unknown IUR and IUV (404).
  const bizKey = { 'ocp-apim-subscription-key': KEYS.biz };
  const B = `/bizevents/service/v1/organizations/${ORG}/receipts`;
  const [IUR, IUR_IUV] = [
    '/organizations/{organizationfiscalcode}/receipts/{iur}',
    '/organizations/{organizationfiscalcode}/receipts/{iur}/paymentoptions/{iuv}',
  ];
  const psp = { pspCode: 'ABI03069', pspTaxCode: '00799960158', pspCompany: 'Banca di Test', paymentMethod: 'CP', fee: '150' };
  const second = rich.installments[1]!; // the first one was paid above, without PSP data
  assert.equal((await sb.internal('POST', `/paymentoptions/${second}/pay`, { body: { ...PAYMENT_BODY, ...psp, idReceipt: 'conformance-token' } })).status, 200);
  await rec('bizevents', 'GET', IUR, sb.call('GET', `${B}/conformance-token`, { headers: bizKey }));
  await rec('bizevents', 'GET', IUR_IUV, sb.call('GET', `${B}/conformance-token/paymentoptions/${second.slice(1)}`, { headers: bizKey }));
  await rec('bizevents', 'GET', IUR, sb.call('GET', `${B}/unknown-token`, { headers: bizKey })); // 404
  await rec('bizevents', 'GET', IUR_IUV, sb.call('GET', `${B}/conformance-token/paymentoptions/01999999999999999`, { headers: bizKey })); // 404
  const reused = positionBody();
  await sb.ec('POST', '/debtpositions', { body: reused, query: { toPublish: 'true' } });
  const reusedPay = await sb.internal('POST', `/paymentoptions/3${reused.paymentOption[0]!.iuv}/pay`, {
    body: { ...PAYMENT_BODY, ...psp, idReceipt: 'conformance-token' },
  });
  assert.equal(reusedPay.status, 200);
  await rec('bizevents', 'GET', IUR, sb.call('GET', `${B}/conformance-token`, { headers: bizKey })); // 422

  // FdR (every rule is checked in fdr/fdr.test.ts): flows made from payments with a PSP, published by the
  // control call; each answer recorded against both FdR contracts (the published one has no /info).
  const fdrKey = { 'ocp-apim-subscription-key': FDR_KEY };
  const fdrRec = async (template: string, path: string, query?: Record<string, string>) => {
    const res = await sb.call('GET', `${FDR}${path}`, { headers: fdrKey, query });
    recorded.push({ api: 'fdr', method: 'GET', template, res });
    if (template !== '/info') recorded.push({ api: 'fdrPublished', method: 'GET', template, res });
    return res;
  };
  const [LIST, ONE] = ['/organizations/{organizationId}/fdrs', '/organizations/{organizationId}/fdrs/{fdr}/revisions/{revision}/psps/{pspId}'];
  const PAYMENTS = `${ONE}/payments`;
  await fdrRec('/info', '/info');
  await fdrRec(LIST, `/organizations/${ORG}/fdrs`); // before any flow: count 0
  for (const pspCode of ['BNLIITRR', 'BNLIITRR', 'WOLLNLB1']) await payNotice(sb, { pspCode });
  assert.equal((await sb.control('POST', '/fdr/publish')).status, 200);
  const flows = await fdrRec(LIST, `/organizations/${ORG}/fdrs`);
  await fdrRec(LIST, `/organizations/${ORG}/fdrs`, { pspId: 'WOLLNLB1', size: '1', page: '5' }); // past the end
  await fdrRec(LIST, `/organizations/${ORG}/fdrs`, { size: '0', page: '0' }); // 400 FDR-1000, two violations
  await fdrRec(LIST, `/organizations/${ORG}/fdrs`, { publishedGt: '2000-01-01T00:00:00Z' }); // 400 one-month rule
  await fdrRec(LIST, `/organizations/${ORG}/fdrs`, { pspId: 'NOSUCHPSP' }); // 400 FDR-2000
  const [flow] = flows.body.data as { fdr: string; revision: number; pspId: string }[];
  const one = `/organizations/${ORG}/fdrs/${flow!.fdr}/revisions/${flow!.revision}/psps/${flow!.pspId}`;
  await fdrRec(ONE, one);
  await fdrRec(PAYMENTS, `${one}/payments`);
  await fdrRec(PAYMENTS, `${one}/payments`, { size: '1', page: '2' });
  await fdrRec(ONE, `/organizations/${ORG}/fdrs/${flow!.fdr}/revisions/99/psps/${flow!.pspId}`); // 404 FDR-3001
  await fdrRec(ONE, `/organizations/${ORG}/fdrs/not-a-flow/revisions/1/psps/${flow!.pspId}`); // 400 FDR-3008
  await fdrRec(PAYMENTS, `/organizations/${ORG}/fdrs/${flow!.fdr}/revisions/1/psps/${flow!.pspId}/payments`, { size: '0' }); // 400

  // Checkout carts (issue 13): 302 (no body), 400 and 422 ProblemJson, on v1 and v2.
  const cartNotice = ids();
  await sb.ec('POST', '/debtpositions', { body: positionBody({ iupd: cartNotice.iupd, iuv: cartNotice.iuv }), query: { toPublish: 'true' } });
  const notice = { noticeNumber: cartNotice.nav, fiscalCode: ORG, amount: 10000, companyName: 'Comune', description: 'Tassa' };
  const returnUrls = { returnOkUrl: 'https://ec.test/ok', returnCancelUrl: 'https://ec.test/ko', returnErrorUrl: 'https://ec.test/err' };
  for (const [api, prefix, urls] of [
    ['cartsV1', '/checkout/ec/v1', returnUrls],
    ['cartsV2', '/checkout/ec/v2', { ...returnUrls, returnWaitingUrl: 'https://ec.test/wait' }],
  ] as const) {
    const cart = (body: unknown) =>
      // No key: APIM does not require one for this API (sandbox/README.md, Checkout carts).
      rec(api, 'POST', '/carts', sb.call('POST', `${prefix}/carts`, { body }));
    await cart({ paymentNotices: [notice], returnUrls: urls, emailNotice: 'a@b.it' }); // 302
    await cart({ paymentNotices: Array.from({ length: 6 }, () => notice), returnUrls: urls }); // 400
    await cart({ paymentNotices: [notice, notice], returnUrls: urls }); // 422
  }
  // GPD v3 (every rule is checked in gpd/v3.test.ts): each answer recorded against both v3 contracts.
  const v3 = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', template: string, path: string, options?: Parameters<TestSandbox['ec']>[2]) => {
    const res = await v3Call(sb, method, path, options);
    for (const api of ['v3', 'v3Published'] as const) recorded.push({ api, method, template: `${P}${template}`, res });
    return res;
  };
  const plans = plansV3Body({ now: sb.now() });
  const richV3 = structuredClone(plans.body) as typeof plans.body & { officeName?: string; payStandIn?: boolean };
  Object.assign(richV3, { officeName: 'Ufficio Tributi', payStandIn: false });
  Object.assign(richV3.paymentOption[0]!, { retentionDate: '2099-12-31T00:00:00' });
  Object.assign(richV3.paymentOption[1]!.installments[0]!, { installmentMetadata: [{ key: 'k', value: 'v' }] });
  await v3('POST', '/debtpositions', '/debtpositions', { body: richV3, query: { toPublish: 'true' } });
  await v3('POST', '/debtpositions', '/debtpositions', { body: richV3, query: { toPublish: 'true' } }); // 409
  await v3('POST', '/debtpositions', '/debtpositions', { body: { iupd: 'x', companyName: 'C', paymentOption: [] } }); // 400
  const dup = plansV3Body({ now: sb.now() });
  dup.body.paymentOption[1]!.installments[1]!.iuv = dup.body.paymentOption[1]!.installments[0]!.iuv;
  await v3('POST', '/debtpositions', '/debtpositions', { body: dup.body }); // 400, empty detail
  await v3('GET', '/debtpositions/{iupd}', `/debtpositions/${richV3.iupd}`);
  await v3('GET', '/debtpositions/{iupd}', '/debtpositions/unknown'); // 404
  await v3('GET', '/debtpositions', '/debtpositions', { query: { limit: '5', status: 'VALID' } });
  await v3('GET', '/debtpositions', '/debtpositions', { query: { limit: '51' } }); // 400
  await v3('PUT', '/debtpositions/{iupd}', `/debtpositions/${richV3.iupd}`, { body: { ...richV3, officeName: 'Altro ufficio' } });
  await v3('PUT', '/debtpositions/{iupd}', `/debtpositions/${richV3.iupd}`, { body: { ...richV3, iupd: 'other' } }); // 400
  await v3('PUT', '/debtpositions/{iupd}', '/debtpositions/unknown', { body: { ...richV3, iupd: 'unknown' } }); // 404
  await v3('POST', '/debtpositions/{iupd}/publish', `/debtpositions/${richV3.iupd}/publish`);
  await v3('POST', '/debtpositions/{iupd}/publish', `/debtpositions/${richV3.iupd}/publish`); // 409
  await v3('POST', '/debtpositions/{iupd}/publish', '/debtpositions/unknown/publish'); // 404
  const paidV3 = plansV3Body({ now: sb.now() });
  await v3('POST', '/debtpositions', '/debtpositions', { body: paidV3.body, query: { toPublish: 'true' } });
  assert.equal((await sb.internal('POST', `/paymentoptions/${paidV3.planA[0]}/pay`, { body: { ...PAYMENT_BODY, idReceipt: 'v3-receipt' } })).status, 200);
  await v3('GET', '/debtpositions/{iupd}', `/debtpositions/${paidV3.body.iupd}`); // PARTIALLY_PAID, a paid installment
  await v3('PUT', '/debtpositions/{iupd}', `/debtpositions/${paidV3.body.iupd}`, { body: paidV3.body }); // 409
  await v3('DELETE', '/debtpositions/{iupd}', `/debtpositions/${paidV3.body.iupd}`); // 409
  await v3('DELETE', '/debtpositions/{iupd}', `/debtpositions/${richV3.iupd}`);
  await v3('DELETE', '/debtpositions/{iupd}', `/debtpositions/${richV3.iupd}`); // 404
  // v1's 422 for a position with several plans (declared by the v1 contract).
  await v1('GET', '/debtpositions/{iupd}', `/debtpositions/${paidV3.body.iupd}`);
  return recorded;
}

describe('conformance with the official OpenAPI', () => {
  if (!available) {
    const reason = `official OpenAPI files not found in ${SPEC_DIR}`;
    it('needs the reference specs', { skip: process.env.CI ? false : `${reason} (skipped outside CI)` }, () => {
      assert.fail(`${reason}: the conformance check needs ../shared/reference/openapi next to the repository`);
    });
    return;
  }

  it('every response of a representative run matches its declared schema', async () => {
    const { validate, operations } = loadValidator();
    const sb = await startSandbox({ subscriptions: fdrSubscriptions() });
    try {
      const recorded = await representativeRun(sb);
      const statuses = new Set(recorded.map((r) => r.res.status));
      assert.deepEqual([...statuses].sort(), [200, 201, 202, 302, 400, 404, 409, 422]);
      const failures = recorded.flatMap((r) => validate(r).map((problem) => `${r.api} ${r.method} ${r.template} → ${r.res.status}: ${problem}`));
      assert.deepEqual(failures, []);
      // Every operation of the EC API v1 was exercised.
      const exercised = new Set(recorded.filter((r) => r.api === 'v1').map((r) => `${r.method} ${r.template}`));
      assert.deepEqual(
        operations('v1').filter((op) => !exercised.has(op)),
        [],
      );
      assert.equal(recorded.find((r) => r.template.endsWith('/paids/{nav}'))!.res.body.organizationFiscalCode, ORG);
      // Both biz-events operations answered 200, 404 and (by IUR) 422.
      assert.deepEqual(
        recorded.filter((r) => r.api === 'bizevents').map((r) => `${r.template.endsWith('{iuv}') ? 'IUR+IUV' : 'IUR'} ${r.res.status}`),
        ['IUR 200', 'IUR+IUV 200', 'IUR 404', 'IUR+IUV 404', 'IUR 422'],
      );
      // Every FdR operation of the service contract was exercised, with its 200 and its 400/404.
      const fdrAnswers = new Set(recorded.filter((r) => r.api === 'fdr').map((r) => `${r.method} ${r.template} ${r.res.status}`));
      for (const op of operations('fdr')) assert.ok(fdrAnswers.has(`${op} 200`), `${op} not exercised`);
      for (const op of operations('fdr').filter((o) => o !== 'GET /info')) assert.ok(fdrAnswers.has(`${op} 400`), `${op}: no 400 recorded`);
      assert.ok(fdrAnswers.has('GET /organizations/{organizationId}/fdrs/{fdr}/revisions/{revision}/psps/{pspId} 404'));
      // The carts API answered 302, 400 and 422 on both versions.
      assert.deepEqual(
        recorded.filter((r) => r.api.startsWith('carts')).map((r) => `${r.api} ${r.res.status}`),
        ['cartsV1 302', 'cartsV1 400', 'cartsV1 422', 'cartsV2 302', 'cartsV2 400', 'cartsV2 422'],
      );
      // Every v3 operation was exercised, and v1 answered 422 for the position with several plans.
      const v3Exercised = new Set(recorded.filter((r) => r.api === 'v3').map((r) => `${r.method} ${r.template}`));
      for (const api of ['v3', 'v3Published'] as const)
        assert.deepEqual(
          operations(api).filter((op) => !v3Exercised.has(op)),
          [],
          api,
        );
      assert.ok(recorded.some((r) => r.api === 'v1' && r.res.status === 422 && r.res.body.title === 'MULTI_INSTALLMENT_NOT_SUPPORTED_IN_V1'));
    } finally {
      await sb.close();
    }
  });
});
