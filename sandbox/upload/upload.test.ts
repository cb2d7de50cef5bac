import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setImmediate as tick } from 'node:timers/promises';
import { strToU8 } from 'fflate';
import type { SandboxOptions } from '../app.ts';
import { DAY, KEYS, ORG, OTHER_ORG, T0, multipart, positionBody, startSandbox, zipOf, type Res, type TestSandbox } from '../test-helpers.ts';

const BROKER = '12345678901';
const BASE = (version: 'v1' | 'v2', org = ORG, broker = BROKER) =>
  `/upload/gpd/debt-positions-service/${version}/brokers/${broker}/organizations/${org}/debtpositions`;
const V2 = BASE('v2');
const KEY = { 'ocp-apim-subscription-key': KEYS.gpd };

let sb: TestSandbox;
before(async () => {
  // The upload rate limit has its own test below.
  sb = await startSandbox({
    subscriptions: [{ key: KEYS.gpd, product: 'gpd', organizations: [ORG, OTHER_ORG] }],
    upload: { retryAfterMs: 1234, chunkIntervalMs: 0, maxRequestBytes: 64 * 1024 },
    rateLimits: { upload: { calls: 100_000, periodMs: 1000 } },
  });
});
after(() => sb.close());

type Part = Parameters<typeof multipart>[0][number];
const zip = zipOf;

async function send(method: 'POST' | 'PUT' | 'DELETE', parts: Part[], base = V2, on = sb): Promise<Res> {
  const { payload, contentType } = multipart(parts);
  const res = await on.app.inject({ method, url: `${base}/file`, payload, headers: { 'content-type': contentType, ...KEY } });
  let body: unknown = res.body;
  try {
    body = JSON.parse(res.body);
  } catch {
    // not JSON
  }
  return { status: res.statusCode, body, headers: res.headers, raw: res.body };
}

const file = (document: unknown): Part => ({ field: 'file', fileName: 'positions.zip', bytes: zip({ 'positions.json': JSON.stringify(document) }) });
const upload = (method: 'POST' | 'PUT' | 'DELETE', document: unknown, base = V2, on = sb) => send(method, [file(document)], base, on);
const get = (path: string, on = sb, headers: Record<string, string> = {}) => on.call('GET', path, { headers: { ...KEY, ...headers } });
const fileIdOf = (res: Res) => {
  assert.equal(res.status, 202, res.raw);
  return /\/file\/([^/]+)\/status$/.exec(String(res.headers.location))![1]!;
};

/** Polls the status until `processedItem` reaches `count` (default: all), with a deadline. */
async function processed(fileId: string, base = V2, on = sb, count?: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const status = (await get(`${base}/file/${fileId}/status`, on)).body;
    if (status.processedItem === (count ?? status.submittedItem)) return;
    assert.ok(Date.now() < deadline, `upload ${fileId} not processed in time: ${JSON.stringify(status)}`);
    await tick();
  }
}
const report = async (fileId: string, base = V2) => (await get(`${base}/file/${fileId}/report`)).body;
const byMessage = (r: { responses: Array<{ statusMessage: string; iupds?: string[]; requestIDs?: string[] }> }) =>
  Object.fromEntries(r.responses.map((e) => [e.statusMessage, (e.iupds ?? e.requestIDs)!.length]));

test('an accepted upload: 202 without body, relative Location, Retry-After in ms, file id {broker}_{ec}_{32 hex}', async () => {
  for (const method of ['POST', 'PUT', 'DELETE'] as const) {
    const document = method === 'DELETE' ? { paymentPositionIUPDs: ['NOT-THERE'] } : { paymentPositions: [positionBody()] };
    const res = await upload(method, document);
    assert.equal(res.status, 202, res.raw);
    assert.equal(res.raw, '');
    assert.match(String(res.headers.location), new RegExp(`^brokers/${BROKER}/organizations/${ORG}/debtpositions/file/${BROKER}_${ORG}_[0-9a-f]{32}/status$`));
    assert.equal(res.headers['retry-after'], '1234 ms');
    await processed(fileIdOf(res));
  }
});

test('create in chunks of 20 with toPublish=true; a duplicate gets its own 409 among 24 × 201', async () => {
  const existing = positionBody();
  assert.equal((await sb.ec('POST', '/debtpositions', { body: existing })).status, 201);
  const positions = [...Array.from({ length: 24 }, () => positionBody()), positionBody({ iuv: existing.paymentOption[0]!.iuv })];
  // The clash is in the second chunk: the first one is written in bulk.
  [positions[3], positions[24]] = [positions[24]!, positions[3]!];
  const fileId = fileIdOf(await upload('POST', { paymentPositions: positions }));
  await processed(fileId);
  const body = await report(fileId);
  assert.deepEqual([body.fileId, body.processedItem, body.submittedItem], [fileId, 25, 25]);
  assert.deepEqual(body.responses, [
    { statusCode: 201, statusMessage: '201 - Debt position CREATED', iupds: positions.filter((_, i) => i !== 3).map((p) => p.iupd) },
    {
      statusCode: 409,
      statusMessage: `409 - Already exists a debt position for the Organization Fiscal Code ${ORG} or one of its payment options is not unique`,
      iupds: [positions[3]!.iupd],
    },
  ]);
  assert.match(body.startTime, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/);
  assert.match(body.endTime, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/);
  const status = (await get(`${V2}/file/${fileId}/status`)).body;
  assert.deepEqual(status, { fileId, processedItem: 25, submittedItem: 25, startTime: '2025-03-01 15:30:00', operationStatus: 'COMPLETED_WITH_WARNINGS' });
  assert.equal((await sb.ec('GET', `/debtpositions/${positions[0]!.iupd}`)).body.status, 'VALID');
  assert.equal((await sb.ec('GET', `/debtpositions/${positions[3]!.iupd}`)).status, 404);
});

test('uploaded positions are published: VALID, or PUBLISHED with a future validity date', async () => {
  const now = positionBody();
  const later = positionBody({ validityInMs: DAY });
  const fileId = fileIdOf(await upload('POST', { paymentPositions: [now, later] }));
  await processed(fileId);
  assert.equal((await get(`${V2}/file/${fileId}/status`)).body.operationStatus, 'COMPLETED');
  assert.equal((await sb.ec('GET', `/debtpositions/${now.iupd}`)).body.status, 'VALID');
  assert.equal((await sb.ec('GET', `/debtpositions/${later.iupd}`)).body.status, 'PUBLISHED');
});

test('GPD business errors per position: 400 with the GPD detail; all failing → COMPLETED_UNSUCCESSFULLY', async () => {
  const past = positionBody({ dueInMs: -DAY });
  const fileId = fileIdOf(await upload('POST', { paymentPositions: [past] }));
  await processed(fileId);
  const body = await report(fileId);
  assert.equal(body.responses.length, 1);
  assert.equal(body.responses[0].statusCode, 400);
  assert.match(body.responses[0].statusMessage, /^400 - Dates congruence error: due_date must be >= validity_date/);
  assert.equal((await get(`${V2}/file/${fileId}/status`)).body.operationStatus, 'COMPLETED_UNSUCCESSFULLY');
});

test('update and delete through upload; missing IUPDs are 404 items', async () => {
  const positions = [positionBody(), positionBody()];
  for (const p of positions) assert.equal((await sb.ec('POST', '/debtpositions', { body: p })).status, 201);
  const update = fileIdOf(
    await upload('PUT', { paymentPositions: [...positions.map((p) => ({ ...p, companyName: 'Via upload' })), positionBody({ iupd: 'GONE-1' })] }),
  );
  await processed(update);
  assert.deepEqual(byMessage(await report(update)), { '200 - Debt position operation OK': 2, '404 - Debt position NOT FOUND': 1 });
  const read = (await sb.ec('GET', `/debtpositions/${positions[0]!.iupd}`)).body;
  assert.deepEqual([read.companyName, read.status], ['Via upload', 'VALID']);

  const removal = fileIdOf(await upload('DELETE', { paymentPositionIUPDs: [...positions.map((p) => p.iupd), 'NOT-THERE'] }));
  await processed(removal);
  assert.deepEqual((await report(removal)).responses, [
    { statusCode: 200, statusMessage: '200 - Debt position operation OK', iupds: positions.map((p) => p.iupd) },
    { statusCode: 404, statusMessage: '404 - Debt position NOT FOUND', iupds: ['NOT-THERE'] },
  ]);
  assert.equal((await sb.ec('GET', `/debtpositions/${positions[0]!.iupd}`)).status, 404);
});

test('v1: uploadID and requestIDs; the same upload is visible through v1 and v2', async () => {
  const fileId = fileIdOf(await upload('POST', { paymentPositions: Array.from({ length: 30 }, () => positionBody()) }, BASE('v1')));
  await processed(fileId, BASE('v1'));
  const status = (await get(`${BASE('v1')}/file/${fileId}/status`)).body;
  assert.deepEqual(status, { uploadID: fileId, processedItem: 30, submittedItem: 30, startTime: '2025-03-01 15:30:00' });
  const body = await report(fileId, BASE('v1'));
  assert.deepEqual(Object.keys(body), ['uploadID', 'processedItem', 'submittedItem', 'responses', 'startTime', 'endTime']);
  assert.equal(body.responses[0].requestIDs.length, 30);
  assert.equal((await report(fileId)).fileId, fileId);
});

test('while processing: v2 status IN_PROGRESS and report 425, v1 partial report; close() stops the upload', async () => {
  const slow = await startSandbox({ upload: { chunkIntervalMs: 60_000 } });
  const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
  const before = timers();
  const fileId = fileIdOf(await upload('POST', { paymentPositions: Array.from({ length: 30 }, () => positionBody()) }, BASE('v1'), slow));
  await processed(fileId, BASE('v1'), slow, 20);
  const status = (await get(`${V2}/file/${fileId}/status`, slow)).body;
  assert.deepEqual([status.processedItem, status.submittedItem, status.operationStatus], [20, 30, 'IN_PROGRESS']);
  const early = await get(`${V2}/file/${fileId}/report`, slow);
  assert.deepEqual(
    [early.status, early.body],
    [425, { title: 'Too Early', status: 425, detail: 'The report has not been generated yet, wait for the operations to complete.' }],
  );
  const partial = await get(`${BASE('v1')}/file/${fileId}/report`, slow);
  assert.equal(partial.status, 200);
  assert.deepEqual([partial.body.processedItem, 'endTime' in partial.body, partial.body.responses[0].requestIDs.length], [20, false, 20]);
  assert.equal(timers(), before + 1, 'the next chunk waits on a timer');
  await slow.close();
  assert.equal(timers(), before, 'closing the app cancels it');
});

test('every file rejection with the service title and detail; nothing is registered', async () => {
  const json = JSON.stringify({ paymentPositions: [positionBody()] });
  const prefix = 'Debt positions format is invalid or duplicates were found. Invalid values: ';
  const twin = positionBody();
  const { iupd: _dropped, ...noIupd } = positionBody();
  const cases: Array<[string, Promise<Res>, string, string | RegExp]> = [
    ['not a .zip', send('POST', [{ field: 'file', fileName: 'p.json', bytes: strToU8(json) }]), 'NOT A ZIP FILE', 'Only ZIP files can be uploaded.'],
    [
      'upper-case .ZIP',
      send('POST', [{ field: 'file', fileName: 'p.ZIP', bytes: zip({ 'p.json': json }) }]),
      'NOT A ZIP FILE',
      'Only ZIP files can be uploaded.',
    ],
    ['missing part', send('POST', [{ field: 'other', fileName: 'p.zip', bytes: zip({ 'p.json': json }) }]), 'EMPTY FILE', 'The zip file is missing'],
    ['no multipart at all', sb.call('POST', `${V2}/file`, { body: {}, headers: KEY }), 'EMPTY FILE', 'The zip file is missing'],
    [
      'two entries (macOS)',
      send('POST', [{ field: 'file', fileName: 'p.zip', bytes: zip({ 'p.json': json, '__MACOSX/._p.json': 'x' }) }]),
      'INVALID FILE',
      'Too many entries in ZIP file.',
    ],
    ['not json', send('POST', [{ field: 'file', fileName: 'p.zip', bytes: zip({ 'p.csv': json }) }]), 'INVALID FILE', 'ZIP contains unsupported file type.'],
    ['empty zip', send('POST', [{ field: 'file', fileName: 'p.zip', bytes: zip({}) }]), 'INVALID FILE', 'No valid file found in ZIP.'],
    ['corrupt', send('POST', [{ field: 'file', fileName: 'p.zip', bytes: strToU8('PK\u0003\u0004garbage') }]), 'UNZIP ERROR', 'Could not unzip file'],
    [
      'unknown field',
      upload('POST', { paymentPositions: [{ ...positionBody(), aca: true }] }),
      'INVALID JSON',
      /^Given JSON is invalid for required API payload: Unrecognized field "aca" \(class it\.gov\.pagopa\.gpd\.upload\.model\.pd\.PaymentPositionModel\), not marked as ignorable/,
    ],
    [
      'bad JSON',
      send('POST', [{ field: 'file', fileName: 'p.zip', bytes: zip({ 'p.json': '{"paymentPositions": [' }) }]),
      'INVALID JSON',
      /^Given JSON is invalid for required API payload: /,
    ],
    ['duplicates', upload('POST', { paymentPositions: [twin, twin] }), 'INVALID DEBT POSITIONS', `${prefix}[there are duplicates in the list]`],
    ['an invalid position', upload('PUT', { paymentPositions: [noIupd] }), 'INVALID DEBT POSITIONS', `${prefix}[iupd is required]`],
    [
      'empty list',
      upload('POST', { paymentPositions: [] }),
      'INVALID DEBT POSITIONS',
      `${prefix}[The list of payment positions must contain at least one element]`,
    ],
    [
      'duplicate IUPDs to delete',
      upload('DELETE', { paymentPositionIUPDs: ['A', 'A'] }),
      'INVALID DEBT POSITIONS',
      `${prefix}[there are duplicates in the list]`,
    ],
    [
      'positions sent to delete',
      upload('DELETE', { paymentPositions: [positionBody()] }),
      'INVALID JSON',
      /Unrecognized field "paymentPositions" \(class it\.gov\.pagopa\.gpd\.upload\.model\.pd\.MultipleIUPDModel\)/,
    ],
  ];
  const before = (await get(`${V2}/files`)).body.fileIds.length;
  for (const [name, pending, title, detail] of cases) {
    const res = await pending;
    assert.equal(res.status, 400, `${name}: ${res.raw}`);
    assert.equal(res.body.title, title, name);
    assert.equal(res.body.status, 400, name);
    if (typeof detail === 'string') assert.equal(res.body.detail, detail, name);
    else assert.match(res.body.detail, detail, name);
  }
  assert.equal((await get(`${V2}/files`)).body.fileIds.length, before, 'no upload was registered');
});

test('a request above maxRequestBytes → 413 before the file is read', async () => {
  const res = await send('POST', [{ field: 'file', fileName: 'p.zip', bytes: new Uint8Array(70 * 1024) }]);
  assert.equal(res.status, 413);
  assert.equal(res.body.title, 'Request Entity Too Large');
  assert.match(res.body.detail, /^The content length \[\d+\] exceeds the maximum allowed content length \[65536\]$/);
});

test('status/report of an unknown id, or of another EC or broker, → 404', async () => {
  const unknown = `${BROKER}_${ORG}_${'0'.repeat(32)}`;
  assert.deepEqual((await get(`${V2}/file/${unknown}/status`)).body, {
    title: 'STATUS NOT FOUND',
    status: 404,
    detail: `The status for given fileId ${unknown} does not exist for GPD`,
  });
  for (const version of ['v1', 'v2'] as const) {
    assert.deepEqual((await get(`${BASE(version)}/file/${unknown}/report`)).body, {
      title: 'Upload blob not found',
      status: 404,
      detail: `The blob for the given upload id ${unknown} does not exist for GPD`,
    });
  }
  const fileId = fileIdOf(await upload('POST', { paymentPositions: [positionBody()] }));
  await processed(fileId);
  assert.equal((await get(`${BASE('v2', OTHER_ORG)}/file/${fileId}/status`)).status, 404, 'another EC of the same key');
  assert.equal((await get(`${BASE('v2', OTHER_ORG)}/file/${fileId}/report`)).status, 404);
  assert.equal((await get(`${BASE('v2', ORG, '99999999999')}/file/${fileId}/status`)).status, 404, 'another broker');
  assert.ok(!(await get(`${BASE('v2', OTHER_ORG)}/files`)).body.fileIds.includes(fileId));
});

test('files listing: Rome dates, window ≤ 7 days, size 100..500, retention 60 days (410/400), continuation token', async () => {
  const files = await startSandbox({ rateLimits: { upload: { calls: 100_000, periodMs: 1000 } }, upload: { chunkIntervalMs: 0 } });
  try {
    const list = (query = '', token?: string) => get(`${V2}/files${query}`, files, token ? { 'x-continuation-token': token } : {});
    const ids: string[] = [];
    for (let i = 0; i < 101; i++) ids.push(fileIdOf(await upload('DELETE', { paymentPositionIUPDs: [`X-${i}`] }, V2, files)));
    const first = await list();
    assert.deepEqual([first.status, first.body.size, first.body.hasMore], [200, 100, true]);
    assert.deepEqual(first.body.fileIds, ids.slice(0, 100));
    const token = String(first.headers['x-continuation-token']);
    const second = await list('', token);
    assert.deepEqual(second.body, { fileIds: ids.slice(100), size: 1, hasMore: false });
    assert.equal(second.headers['x-continuation-token'], undefined);
    // T0 is 2025-03-01 16:30 in Rome.
    assert.equal((await list('?from=2025-03-01&to=2025-03-01')).body.size, 100);
    assert.equal((await list('?from=2025-02-22&to=2025-02-28')).body.size, 0, 'seven days are allowed');
    assert.equal((await list('?size=500')).body.size, 101);

    const bad = async (query: string, status: number, title: string, detail: string) => {
      const res = await list(query);
      assert.deepEqual([res.status, res.body], [status, { title, status, detail }], query);
    };
    await bad('?size=99', 400, 'BAD_REQUEST', 'Invalid size: must be between 100 and 500 (default 100)');
    await bad('?size=501', 400, 'BAD_REQUEST', 'Invalid size: must be between 100 and 500 (default 100)');
    await bad('?from=2025-03-01&to=2025-02-27', 400, 'BAD_REQUEST', 'Invalid range: ensure 1 ≤ (to - from + 1) ≤ 7 and from ≤ to');
    await bad('?from=2025-02-21&to=2025-02-28', 400, 'BAD_REQUEST', 'Invalid range: ensure 1 ≤ (to - from + 1) ≤ 7 and from ≤ to');
    await bad('?from=2025-13-01', 400, 'BAD_REQUEST', "Invalid 'from' date. Expected format: YYYY-MM-DD");
    await bad('?to=01/03/2025', 400, 'BAD_REQUEST', "Invalid 'to' date. Expected format: YYYY-MM-DD");
    // Cutoff = today − 60 days = 2024-12-31.
    await bad(
      '?from=2024-12-25&to=2024-12-31',
      410,
      'GONE',
      'Requested range [2024-12-25, 2024-12-31] is older than the 60-day retention (cutoff 2024-12-31): data has been purged and is no longer available.',
    );
    await bad(
      '?from=2024-12-30&to=2025-01-02',
      400,
      'BAD_REQUEST',
      "Requested 'from' (2024-12-30) is older than the 60-day retention (cutoff 2024-12-31). Use from >= 2024-12-31.",
    );
    assert.equal((await list('?from=2024-12-31&to=2025-01-02')).status, 200);
  } finally {
    await files.close();
  }
});

test('the upload API allows 10 calls per second per key (default), then 429', async () => {
  const limited = await startSandbox();
  try {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await get(`${V2}/files`, limited)).status);
    assert.deepEqual(statuses, [...Array<number>(10).fill(200), 429]);
    const res = await get(`${V2}/files`, limited);
    assert.equal(res.body.statusCode, 429);
    assert.match(res.body.message, /^Rate limit is exceeded\. Try again in \d+ seconds\.$/);
    // The GPD API keeps its own limit.
    assert.equal((await get('/gpd/debt-positions-service/v2/info', limited)).status, 200);
  } finally {
    await limited.close();
  }
});

test('defaults: Retry-After 10000 ms; upload needs the GPD key', async () => {
  const defaults = await startSandbox({} satisfies Partial<SandboxOptions>);
  try {
    const res = await upload('POST', { paymentPositions: [positionBody({ now: T0 })] }, V2, defaults);
    assert.equal(res.headers['retry-after'], '10000 ms');
    const wrongKey = await defaults.call('GET', `${V2}/files`, { headers: { 'ocp-apim-subscription-key': KEYS.internal } });
    assert.equal(wrongKey.status, 401);
    await processed(fileIdOf(res), V2, defaults);
  } finally {
    await defaults.close();
  }
});
