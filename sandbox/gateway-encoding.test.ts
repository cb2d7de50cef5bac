// The gateway must see the path the router routes: percent-encoded, doubled, dotted or absolute-form
// spellings of a protected API's path never reach its handler without the key, the EC binding and the
// rate limit apply to them as to the plain spelling, and nothing changes state.
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, it } from 'node:test';
import fc from 'fast-check';
import { BASE_PATHS } from './app.ts';
import { KEYS, ORG, OTHER_ORG, PAYMENT_BODY, positionBody, reachState, startSandbox, type Res, type TestSandbox } from './test-helpers.ts';

const MISSING = {
  statusCode: 401,
  message: 'Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.',
};
const INVALID = { statusCode: 401, message: 'Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.' };
const FORBIDDEN = { statusCode: 403, message: 'You are not allowed to access this resource.' };
const NOT_FOUND = { statusCode: 404, message: 'Resource not found' };
const key = (k: string) => ({ headers: { 'ocp-apim-subscription-key': k } });

type ProductName = keyof typeof BASE_PATHS;
/** For every protected API: an operation that answers 2xx with the right key, and that key. */
const TARGETS: Record<ProductName, { path: string; key: string; other: string }> = {
  gpdV1: { path: `/organizations/${ORG}/debtpositions`, key: KEYS.gpd, other: KEYS.internal },
  gpdV2: { path: '/info', key: KEYS.gpd, other: KEYS.receipts },
  uploadV1: { path: `/brokers/${ORG}/organizations/${ORG}/debtpositions/files`, key: KEYS.gpd, other: KEYS.internal },
  uploadV2: { path: `/brokers/${ORG}/organizations/${ORG}/debtpositions/files`, key: KEYS.gpd, other: KEYS.biz },
  receipts: { path: `/payments/${ORG}/receipts`, key: KEYS.receipts, other: KEYS.gpd },
  bizEvents: { path: `/organizations/${ORG}/receipts/receipt-enc`, key: KEYS.biz, other: KEYS.gpd },
  gpdInternal: { path: `/organizations/${ORG}/debtpositions`, key: KEYS.internal, other: KEYS.gpd },
  control: { path: '/clock', key: KEYS.internal, other: KEYS.gpd },
  gpdV3: { path: `/organizations/${ORG}/debtpositions`, key: KEYS.gpd, other: KEYS.receipts },
};
const PRODUCTS = Object.keys(BASE_PATHS) as ProductName[];

/** %XX of one character (upper- or lower-case hex). */
const pct = (ch: string, lower = false) => {
  const hex = ch.charCodeAt(0).toString(16).padStart(2, '0');
  return `%${lower ? hex : hex.toUpperCase()}`;
};
/** The prefix with the characters at `positions` percent-encoded (slashes are never encoded here). */
const encodeAt = (prefix: string, positions: ReadonlySet<number>, lower = false) =>
  [...prefix].map((ch, i) => (positions.has(i) && ch !== '/' ? pct(ch, lower) : ch)).join('');

/** Every spelling of `prefix` with one character encoded, in both cases, plus the whole prefix encoded. */
function encodedSpellings(prefix: string): string[] {
  const spellings = new Set<string>();
  for (let i = 0; i < prefix.length; i++) {
    if (prefix[i] === '/') continue;
    spellings.add(encodeAt(prefix, new Set([i])));
    spellings.add(encodeAt(prefix, new Set([i]), true));
  }
  spellings.add(encodeAt(prefix, new Set([...prefix].map((_, i) => i))));
  return [...spellings];
}

/** Spellings that change the path's structure rather than its characters. */
function structuralSpellings(prefix: string): string[] {
  const segments = prefix.split('/').slice(1);
  const out = new Set<string>([`/${prefix}`, prefix.toUpperCase(), `${prefix.replace(/^\//, '/./')}`, `${prefix}/.`, `${prefix}%2F`]);
  for (let i = 1; i <= segments.length; i++) {
    const head = `/${segments.slice(0, i).join('/')}`;
    const tail = segments.slice(i).length ? `/${segments.slice(i).join('/')}` : '';
    out.add(`${head}/${tail}`); // a doubled slash
    out.add(`${head}/.${tail}`);
    out.add(`${head}/x/..${tail}`);
    out.add(`${head}/%2E${tail}`);
    out.add(`${head}/%2e%2e/${segments[i - 1]}${tail}`);
    out.add(`${head}%2F${tail.slice(1)}`);
  }
  return [...out].filter((s) => s !== prefix);
}

async function payWithReceipt(sb: TestSandbox): Promise<void> {
  const reached = await reachState(sb, 'VALID');
  const paid = await sb.internal('POST', `/paymentoptions/${reached.nav}/pay`, { body: { ...PAYMENT_BODY, idReceipt: 'receipt-enc', pspCode: 'BNLIITRR' } });
  assert.equal(paid.status, 200, paid.raw);
}

/** A 2xx must only ever be answered to a request that carried the product's key. */
function assertRefusedWithoutKey(res: Res, url: string): void {
  assert.ok(res.status === 401 || res.status === 404, `${url}: ${res.status} ${res.raw}`);
  assert.deepEqual(res.body, res.status === 401 ? MISSING : NOT_FOUND, url);
}

describe('gateway and encoded paths', () => {
  let sb: TestSandbox;
  afterEach(() => sb.close());

  it('answers 401 to percent-encoded spellings of every protected prefix, and serves them with the key', async () => {
    const plenty = { calls: 10_000, periodMs: 10_000 };
    sb = await startSandbox({ rateLimits: { gpd: plenty, upload: plenty } });
    await payWithReceipt(sb);
    for (const product of PRODUCTS) {
      const prefix = BASE_PATHS[product];
      const target = TARGETS[product];
      const plain = await sb.call('GET', `${prefix}${target.path}`, key(target.key));
      assert.ok(plain.status >= 200 && plain.status < 300, `${product}: ${plain.status} ${plain.raw}`);
      for (const spelling of encodedSpellings(prefix)) {
        const url = `${spelling}${target.path}`;
        // The router decodes unreserved characters: these reach the handler, so the gateway must see them.
        assert.deepEqual((await sb.call('GET', url)).body, MISSING, url);
        assert.deepEqual((await sb.call('GET', url, key('not-a-key'))).body, INVALID, url);
        assert.deepEqual((await sb.call('GET', url, key(target.other))).body, INVALID, url);
        assert.equal((await sb.call('GET', url, key(target.key))).status, plain.status, url);
      }
    }
  });

  it('never answers 2xx without a key to any mix of encoded characters (property)', async () => {
    sb = await startSandbox();
    await payWithReceipt(sb);
    for (const product of PRODUCTS) {
      const prefix = BASE_PATHS[product];
      const target = TARGETS[product];
      await fc.assert(
        fc.asyncProperty(fc.uniqueArray(fc.nat({ max: prefix.length - 1 }), { maxLength: prefix.length }), fc.boolean(), async (positions, lower) => {
          const url = `${encodeAt(prefix, new Set(positions), lower)}${target.path}`;
          assertRefusedWithoutKey(await sb.call('GET', url), url);
        }),
        { numRuns: 40 },
      );
    }
  });

  it('refuses structural spellings (//, /./, /../, case, %2F, %2E) without a key, on a real socket', async () => {
    sb = await startSandbox();
    await payWithReceipt(sb);
    await sb.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = sb.app.server.address() as AddressInfo;
    // node:http sends the request target exactly as given (inject would resolve dot segments).
    const raw = (path: string, headers: Record<string, string> = {}) =>
      new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, path, method: 'GET', headers }, (res) => {
          let text = '';
          res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        });
        req.on('error', reject).end();
      });
    for (const product of PRODUCTS) {
      const prefix = BASE_PATHS[product];
      const target = TARGETS[product];
      const spellings = [
        ...structuralSpellings(prefix),
        encodeAt(prefix, new Set([1])),
        // An absolute-form request target: the router routes its path.
        `http://sandbox.invalid${prefix}`,
        `http://sandbox.invalid${encodeAt(prefix, new Set([2]))}`,
      ];
      for (const spelling of spellings) {
        const url = `${spelling}${target.path}`;
        const res = await raw(url);
        assert.ok(res.status === 401 || res.status === 404, `${url}: ${res.status} ${res.text}`);
        assert.deepEqual(JSON.parse(res.text), res.status === 401 ? MISSING : NOT_FOUND, url);
        const withKey = await raw(url, { 'ocp-apim-subscription-key': target.key });
        assert.ok(withKey.status === 404 || (withKey.status >= 200 && withKey.status < 300), `${url} with key: ${withKey.status} ${withKey.text}`);
      }
    }
  });

  it('applies the EC binding (403) to encoded prefixes and to an encoded EC in the path', async () => {
    sb = await startSandbox();
    const encOther = [...OTHER_ORG].map((ch) => pct(ch)).join('');
    const encOwn = [...ORG].map((ch) => pct(ch, true)).join('');
    const v1 = encodeAt(BASE_PATHS.gpdV1, new Set([1]));
    const v2 = encodeAt(BASE_PATHS.gpdV2, new Set([5]));
    const upload = encodeAt(BASE_PATHS.uploadV2, new Set([3]));
    const receipts = encodeAt(BASE_PATHS.receipts, new Set([1]));
    const biz = encodeAt(BASE_PATHS.bizEvents, new Set([4]));
    const forbidden: Array<[string, string, string, unknown?]> = [
      ['GET', `${BASE_PATHS.gpdV1}/organizations/${encOther}/debtpositions`, KEYS.gpd],
      ['GET', `${v1}/organizations/${OTHER_ORG}/debtpositions`, KEYS.gpd],
      ['GET', `${v1}/organizations/${encOther}/debtpositions`, KEYS.gpd],
      ['POST', `${v1}/organizations/${encOther}/debtpositions`, KEYS.gpd, positionBody()],
      ['POST', `${v2}/organizations/${encOther}/debtpositions`, KEYS.gpd, { paymentPositions: [positionBody()] }],
      ['GET', `${upload}/brokers/${ORG}/organizations/${encOther}/debtpositions/files`, KEYS.gpd],
      ['GET', `${receipts}/payments/${encOther}/receipts`, KEYS.receipts],
      ['GET', `${biz}/organizations/${encOther}/receipts/receipt-enc`, KEYS.biz],
    ];
    for (const [method, url, k, body] of forbidden) {
      const res = await sb.call(method as 'GET' | 'POST', url, { ...key(k), body });
      assert.equal(res.status, 403, `${method} ${url}: ${res.raw}`);
      assert.deepEqual(res.body, FORBIDDEN);
    }
    // The EC bound to the key, however it is spelled, is the same EC.
    assert.equal((await sb.call('GET', `${v1}/organizations/${encOwn}/debtpositions`, key(KEYS.gpd))).status, 200);
    // Nothing was created in the other EC.
    assert.equal(
      (await sb.call('GET', `${BASE_PATHS.gpdInternal}/organizations/${OTHER_ORG}/debtpositions`, key(KEYS.internal))).body.page_info.items_found,
      0,
    );
  });

  it('counts encoded spellings in the same rate-limit window (GPD and upload)', async () => {
    sb = await startSandbox({ rateLimits: { gpd: { calls: 3, periodMs: 10_000 }, upload: { calls: 2, periodMs: 10_000 } } });
    const list = `/organizations/${ORG}/debtpositions`;
    const gpdUrls = [`${BASE_PATHS.gpdV1}${list}`, `${encodeAt(BASE_PATHS.gpdV1, new Set([1]))}${list}`, `${encodeAt(BASE_PATHS.gpdV2, new Set([29]))}/info`];
    for (const url of gpdUrls) assert.equal((await sb.call('GET', url, key(KEYS.gpd))).status, 200, url);
    for (const url of [`${encodeAt(BASE_PATHS.gpdV1, new Set([5]), true)}${list}`, `${BASE_PATHS.gpdV1}${list}`]) {
      const limited = await sb.call('GET', url, key(KEYS.gpd));
      assert.equal(limited.status, 429, url);
      assert.deepEqual(limited.body, { statusCode: 429, message: 'Rate limit is exceeded. Try again in 10 seconds.' });
    }
    const files = `/brokers/${ORG}/organizations/${ORG}/debtpositions/files`;
    assert.equal((await sb.call('GET', `${encodeAt(BASE_PATHS.uploadV1, new Set([1]))}${files}`, key(KEYS.gpd))).status, 200);
    assert.equal((await sb.call('GET', `${encodeAt(BASE_PATHS.uploadV2, new Set([8]))}${files}`, key(KEYS.gpd))).status, 200);
    assert.equal((await sb.call('GET', `${encodeAt(BASE_PATHS.uploadV1, new Set([10]), true)}${files}`, key(KEYS.gpd))).status, 429);
  });

  it('changes nothing for write operations on encoded paths without a key', async () => {
    sb = await startSandbox();
    const existing = await reachState(sb, 'VALID');
    const before = (await sb.ec('GET', '/debtpositions')).raw;
    const clockBefore = (await sb.control('GET', '/clock')).raw;
    const v1 = encodeAt(BASE_PATHS.gpdV1, new Set([1]));
    const v2 = encodeAt(BASE_PATHS.gpdV2, new Set([26]));
    const internal = encodeAt(BASE_PATHS.gpdInternal, new Set([7]));
    const control = encodeAt(BASE_PATHS.control, new Set([1]));
    const upload = encodeAt(BASE_PATHS.uploadV1, new Set([1]));
    const writes: Array<['POST' | 'PUT' | 'DELETE', string, unknown?]> = [
      ['POST', `${v1}/organizations/${ORG}/debtpositions`, positionBody()],
      ['DELETE', `${v1}/organizations/${ORG}/debtpositions/${existing.iupd}`],
      ['POST', `${v1}/organizations/${ORG}/debtpositions/${existing.iupd}/invalidate`],
      ['POST', `${v2}/organizations/${ORG}/debtpositions`, { paymentPositions: [positionBody()] }],
      ['DELETE', `${v2}/organizations/${ORG}/debtpositions`, { paymentPositionIUPDs: [existing.iupd] }],
      ['POST', `${internal}/organizations/${ORG}/paymentoptions/${existing.nav}/pay`, PAYMENT_BODY],
      ['DELETE', `${internal}/organizations/${ORG}/debtpositions/${existing.iupd}`],
      ['POST', `${upload}/brokers/${ORG}/organizations/${ORG}/debtpositions/file`, {}],
      ['POST', `${control}/clock`, { advanceMs: 86_400_000 }],
      ['POST', `${control}/batches/expire`],
    ];
    for (const [method, url, body] of writes) {
      const res = await sb.call(method, url, { body });
      assert.equal(res.status, 401, `${method} ${url}: ${res.raw}`);
      assert.deepEqual(res.body, MISSING);
    }
    assert.equal((await sb.ec('GET', '/debtpositions')).raw, before);
    assert.equal((await sb.control('GET', '/clock')).raw, clockBefore);
  });

  it('keeps health open however it is spelled', async () => {
    sb = await startSandbox();
    for (const url of ['/__sandbox/health', '/%5F_sandbox/health', '/__sandbox/%68ealth']) {
      assert.deepEqual((await sb.call('GET', url)).body, { status: 'UP' }, url);
    }
  });
});
