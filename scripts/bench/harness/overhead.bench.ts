// Figure 1 (run by scripts/bench/harness.ts): the same GET of one position, alternately through the
// suite's GPD client as every spec uses it (fixture `gpd`: request and response schema checks, the call's
// step `METHOD path → status (ms) · business name`, the redacted request and response attached, the
// X-Request-Id check)
// and as a raw undici request on the same pool (same path, headers, body read and parsed). The two
// alternate which goes first. The calls are spread over tests of CALLS_PER_TEST pairs, the size of a
// case of the suite (a Playwright step costs more the more steps its test already has); after each
// test writes its calls' wall times to BENCH_HARNESS_OUT.<test>. Then as many tests of the evidence
// floor, apart so that their reporting does not slow the calls timed above: CALLS_PER_TEST times one
// step holding one attachment the size of a call's, no HTTP (BENCH_HARNESS_OUT.floor-<test>).
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { test, expect } from '../../../fixtures/index.ts';
import { poolFor } from '../../../lib/http/api-client.ts';
import { GPD_V1_BASE } from '../../../lib/http/gpd-client.ts';
import { EXCHANGE_ATTACHMENT, exchangeAttachment } from '../../../lib/evidence/exchange-evidence.ts';

const WARM_UP = 2;
export const CALLS_PER_TEST = 25;
const tests = Math.ceil(Number(process.env.BENCH_HARNESS_CALLS) / CALLS_PER_TEST);

for (let index = 0; index < tests; index += 1)
  test(`harness overhead per API call (${index + 1}/${tests})`, async ({ gpd, factory, config }) => {
    const calls = CALLS_PER_TEST;
    const created = await gpd.create(factory.position());
    expect(created).toHaveStatus(201);
    const iupd = created.response.body.iupd;
    const url = new URL(`${config.apiBaseUrl}${GPD_V1_BASE}/organizations/${config.ecFiscalCode}/debtpositions/${encodeURIComponent(iupd)}`);
    const pool = poolFor(url.origin);
    const key = config.keys.gpd!;

    const viaHarness = async () => {
      const started = performance.now();
      const exchange = await gpd.get(iupd);
      const ms = performance.now() - started;
      return { ms, status: exchange.response.status };
    };
    const raw = async () => {
      const started = performance.now();
      const res = await pool.request({
        method: 'GET',
        path: url.pathname,
        headers: { accept: 'application/json', 'x-request-id': randomUUID(), 'ocp-apim-subscription-key': key },
      });
      JSON.parse(await res.body.text());
      const ms = performance.now() - started;
      return { ms, status: res.statusCode };
    };

    const timings = { harness: [] as number[], raw: [] as number[], floor: [] as number[] };
    const statuses = new Set<number>();
    for (let i = 0; i < WARM_UP + calls; i += 1) {
      const [first, second] = i % 2 === 0 ? [viaHarness, raw] : [raw, viaHarness];
      const a = await first();
      const b = await second();
      statuses.add(a.status).add(b.status);
      if (i < WARM_UP) continue;
      timings[first === raw ? 'raw' : 'harness'].push(a.ms);
      timings[second === raw ? 'raw' : 'harness'].push(b.ms);
    }
    expect([...statuses], 'every call answered 200').toEqual([200]);
    writeFileSync(`${process.env.BENCH_HARNESS_OUT!}.${index}`, JSON.stringify(timings));
  });

for (let index = 0; index < tests; index += 1)
  test(`evidence floor per API call (${index + 1}/${tests})`, async ({ gpd, factory }) => {
    const created = await gpd.create(factory.position());
    expect(created).toHaveStatus(201);
    const exchange = await gpd.get(created.response.body.iupd);
    // What SPEC §5 asks of every call, with nothing else: its step and its request/response attached.
    const title = `GET ${new URL(exchange.request.url).pathname} → 200 (0 ms) · evidence floor`;
    const attachment = exchangeAttachment(exchange, undefined, undefined);
    const floor: number[] = [];
    for (let i = 0; i < WARM_UP + CALLS_PER_TEST; i += 1) {
      const started = performance.now();
      await test.step(title, async () => {
        await test.info().attach(EXCHANGE_ATTACHMENT, { contentType: 'application/json', body: attachment });
      });
      if (i >= WARM_UP) floor.push(performance.now() - started);
    }
    writeFileSync(`${process.env.BENCH_HARNESS_OUT!}.floor-${index}`, JSON.stringify({ harness: [], raw: [], floor }));
  });
