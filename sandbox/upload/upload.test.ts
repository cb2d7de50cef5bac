import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { strToU8 } from 'fflate';
import { KEYS, ORG, multipart, positionBody, startSandbox, zipOf, type Res, type TestSandbox } from '../test-helpers.ts';

const BROKER = '12345678901';
const BASE = (version: 'v1' | 'v2') => `/upload/gpd/debt-positions-service/${version}/brokers/${BROKER}/organizations/${ORG}/debtpositions`;
const V2 = BASE('v2');

let sb: TestSandbox;
before(async () => {
  // The upload rate limit has its own test below.
  sb = await startSandbox({
    upload: { retryAfterMs: 1234, chunkIntervalMs: 0, maxRequestBytes: 64 * 1024 },
    rateLimits: { upload: { calls: 100_000, periodMs: 1000 } },
  });
});
after(() => sb.close());

const zip = zipOf;

async function send(method: 'POST' | 'PUT' | 'DELETE', parts: Array<{ field: string; fileName: string; bytes: Uint8Array }>, base = V2): Promise<Res> {
  const { payload, contentType } = multipart(parts);
  const res = await sb.app.inject({ method, url: `${base}/file`, payload, headers: { 'content-type': contentType, 'ocp-apim-subscription-key': KEYS.gpd } });
  let body: unknown = res.body;
  try {
    body = JSON.parse(res.body);
  } catch {
    // not JSON
  }
  return { status: res.statusCode, body, headers: res.headers, raw: res.body };
}

const upload = (method: 'POST' | 'PUT' | 'DELETE', document: unknown, base = V2) =>
  send(method, [{ field: 'file', fileName: 'positions.zip', bytes: zip({ 'positions.json': JSON.stringify(document) }) }], base);
const get = (path: string) => sb.call('GET', path, { headers: { 'ocp-apim-subscription-key': KEYS.gpd } });
const fileIdOf = (res: Res) => /\/file\/([^/]+)\/status$/.exec(String(res.headers.location))![1]!;

const done = (fileId: string, base = V2) => sb.uploadDone(`${base}/file/${fileId}/status`);

test('an accepted upload: 202, relative Location, Retry-After in ms, file id {broker}_{ec}_{32 hex}', async () => {
  const res = await upload('POST', { paymentPositions: [positionBody()] });
  assert.equal(res.status, 202);
  assert.equal(res.raw, '');
  assert.match(String(res.headers.location), new RegExp(`^brokers/${BROKER}/organizations/${ORG}/debtpositions/file/${BROKER}_${ORG}_[0-9a-f]{32}/status$`));
  assert.equal(res.headers['retry-after'], '1234 ms');
  await done(fileIdOf(res));
});

test('create in chunks of 20 with toPublish=true; a duplicate gets its own 409 among 24 × 201', async () => {
  const existing = positionBody();
  await sb.ec('POST', '/debtpositions', { body: existing });
  const positions = [...Array.from({ length: 24 }, () => positionBody()), positionBody({ iuv: existing.paymentOption[0]!.iuv })];
  const res = await upload('POST', { paymentPositions: positions });
  const fileId = fileIdOf(res);
  const early = await get(`${V2}/file/${fileId}/report`);
  assert.deepEqual(early.body, { title: 'Too Early', status: 425, detail: 'The report has not been generated yet, wait for the operations to complete.' });
  assert.equal((await get(`${V2}/file/${fileId}/status`)).body.operationStatus, 'IN_PROGRESS');
  await done(fileId);
  const report = (await get(`${V2}/file/${fileId}/report`)).body;
  assert.equal(report.processedItem, 25);
  const created = report.responses.find((r: { statusCode: number }) => r.statusCode === 201);
  const conflict = report.responses.find((r: { statusCode: number }) => r.statusCode === 409);
  assert.equal(created.statusMessage, '201 - Debt position CREATED');
  assert.equal(created.iupds.length, 24);
  assert.deepEqual(conflict, {
    statusCode: 409,
    statusMessage: `409 - Already exists a debt position for the Organization Fiscal Code ${ORG} or one of its payment options is not unique`,
    iupds: [positions[24]!.iupd],
  });
  assert.match(report.startTime, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/);
  const status = (await get(`${V2}/file/${fileId}/status`)).body;
  assert.equal(status.operationStatus, 'COMPLETED_WITH_WARNINGS');
  assert.match(status.startTime, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  assert.equal((await sb.ec('GET', `/debtpositions/${positions[0]!.iupd}`)).body.status, 'VALID');
});

test('update and delete through upload; missing IUPDs are 404 items', async () => {
  const positions = [positionBody(), positionBody()];
  for (const p of positions) await sb.ec('POST', '/debtpositions', { body: p });
  const update = await upload('PUT', { paymentPositions: positions.map((p) => ({ ...p, companyName: 'Via upload' })) });
  await done(fileIdOf(update));
  assert.equal((await sb.ec('GET', `/debtpositions/${positions[0]!.iupd}`)).body.companyName, 'Via upload');
  const removal = await upload('DELETE', { paymentPositionIUPDs: [...positions.map((p) => p.iupd), 'NOT-THERE'] });
  await done(fileIdOf(removal));
  const report = (await get(`${V2}/file/${fileIdOf(removal)}/report`)).body;
  assert.deepEqual(
    report.responses.map((r: { statusMessage: string; iupds: string[] }) => [r.statusMessage, r.iupds.length]),
    [
      ['200 - Debt position operation OK', 2],
      ['404 - Debt position NOT FOUND', 1],
    ],
  );
  assert.equal((await sb.ec('GET', `/debtpositions/${positions[0]!.iupd}`)).status, 404);
});

test('v1: uploadID, requestIDs and a partial report while processing', async () => {
  const res = await upload('POST', { paymentPositions: Array.from({ length: 30 }, () => positionBody()) }, BASE('v1'));
  const fileId = fileIdOf(res);
  const partial = (await get(`${BASE('v1')}/file/${fileId}/report`)).body;
  assert.equal(partial.uploadID, fileId);
  assert.equal(partial.endTime, null);
  await done(fileId, BASE('v1'));
  const status = (await get(`${BASE('v1')}/file/${fileId}/status`)).body;
  assert.deepEqual(Object.keys(status).sort(), ['processedItem', 'startTime', 'submittedItem', 'uploadID']);
  const report = (await get(`${BASE('v1')}/file/${fileId}/report`)).body;
  assert.equal(report.responses[0].requestIDs.length, 30);
});

test('every file rejection with the service title and detail; nothing is processed', async () => {
  const json = JSON.stringify({ paymentPositions: [positionBody()] });
  const cases: Array<[string, Promise<Res>, number, string, string | RegExp]> = [
    ['not a .zip', send('POST', [{ field: 'file', fileName: 'p.json', bytes: strToU8(json) }]), 400, 'NOT A ZIP FILE', 'Only ZIP files can be uploaded.'],
    ['missing part', send('POST', [{ field: 'other', fileName: 'p.zip', bytes: zip({ 'p.json': json }) }]), 400, 'EMPTY FILE', 'The zip file is missing'],
    [
      'two entries',
      send('POST', [{ field: 'file', fileName: 'p.zip', bytes: zip({ 'p.json': json, '__MACOSX/._p.json': 'x' }) }]),
      400,
      'INVALID FILE',
      'Too many entries in ZIP file.',
    ],
    [
      'not json',
      send('POST', [{ field: 'file', fileName: 'p.zip', bytes: zip({ 'p.csv': json }) }]),
      400,
      'INVALID FILE',
      'ZIP contains unsupported file type.',
    ],
    ['empty zip', send('POST', [{ field: 'file', fileName: 'p.zip', bytes: zip({}) }]), 400, 'INVALID FILE', 'No valid file found in ZIP.'],
    ['corrupt', send('POST', [{ field: 'file', fileName: 'p.zip', bytes: strToU8('PK\u0003\u0004garbage') }]), 400, 'UNZIP ERROR', 'Could not unzip file'],
    [
      'unknown field',
      upload('POST', { paymentPositions: [{ ...positionBody(), aca: true }] }),
      400,
      'INVALID JSON',
      /^Given JSON is invalid for required API payload: Unrecognized field "paymentPositions\[0\]\.aca"$/,
    ],
    [
      'bad JSON',
      send('POST', [{ field: 'file', fileName: 'p.zip', bytes: zip({ 'p.json': '{"paymentPositions": [' }) }]),
      400,
      'INVALID JSON',
      /^Given JSON is invalid/,
    ],
    [
      'duplicates',
      upload('POST', { paymentPositions: [positionBody({ iupd: 'DUP' }), positionBody({ iupd: 'DUP' })].map((p, _, all) => all[0]!) }),
      400,
      'INVALID DEBT POSITIONS',
      /^Debt positions format is invalid or duplicates were found/,
    ],
    ['empty list', upload('POST', { paymentPositions: [] }), 400, 'INVALID DEBT POSITIONS', /^Debt positions format is invalid/],
    [
      'duplicate IUPDs to delete',
      upload('DELETE', { paymentPositionIUPDs: ['A', 'A'] }),
      400,
      'INVALID DEBT POSITIONS',
      'Debt positions format is invalid or duplicates were found. Invalid values: [A]',
    ],
    ['too large', send('POST', [{ field: 'file', fileName: 'p.zip', bytes: new Uint8Array(70 * 1024) }]), 413, 'PAYLOAD TOO LARGE', /maximum size/],
  ];
  const before = (await get(`${V2}/files`)).body.fileIds.length;
  for (const [name, pending, status, title, detail] of cases) {
    const res = await pending;
    assert.equal(res.status, status, `${name}: ${res.raw}`);
    assert.equal(res.body.title, title, name);
    if (typeof detail === 'string') assert.equal(res.body.detail, detail, name);
    else assert.match(res.body.detail, detail, name);
  }
  assert.equal((await get(`${V2}/files`)).body.fileIds.length, before, 'no upload was registered');
});

test('status/report of an unknown id, or of another EC, → 404', async () => {
  const res = await get(`${V2}/file/${BROKER}_${ORG}_${'0'.repeat(32)}/status`);
  assert.equal(res.status, 404);
  assert.equal(res.body.title, 'STATUS NOT FOUND');
  const other = await upload('POST', { paymentPositions: [positionBody()] });
  await done(fileIdOf(other));
  const viaOtherBroker = await get(
    `/upload/gpd/debt-positions-service/v2/brokers/99999999999/organizations/${ORG}/debtpositions/file/${fileIdOf(other)}/status`,
  );
  assert.equal(viaOtherBroker.status, 404);
});

test('files listing: window ≤ 7 days, size 100..500, 410 past retention, continuation token', async () => {
  const listed = await get(`${V2}/files`);
  assert.equal(listed.status, 200);
  assert.equal(listed.body.size, listed.body.fileIds.length);
  assert.equal(listed.body.hasMore, false);
  assert.equal((await get(`${V2}/files?size=99`)).status, 400);
  assert.equal((await get(`${V2}/files?size=501`)).status, 400);
  assert.equal((await get(`${V2}/files?from=2025-03-01&to=2025-02-20`)).status, 400);
  assert.equal((await get(`${V2}/files?from=2025-02-20&to=2025-02-28`)).status, 400, 'more than 7 days');
  assert.equal((await get(`${V2}/files?from=2024-01-01&to=2024-01-03`)).status, 410);
  assert.equal((await get(`${V2}/files?from=2025-13-01`)).status, 400);
});

test('the upload API is rate limited at 10 calls per second per key', async () => {
  const limited = await startSandbox({ rateLimits: { upload: { calls: 3, periodMs: 60_000 } } });
  try {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const res = await limited.call('GET', `${V2}/files`, { headers: { 'ocp-apim-subscription-key': KEYS.gpd } });
      statuses.push(res.status);
    }
    assert.deepEqual(statuses, [200, 200, 200, 429]);
  } finally {
    await limited.close();
  }
});
