// The FdR organisation API of the sandbox: list, one flow, its payments, /info, the errors of pagoPA's FdR
// service, flows made from the sandbox's payments (D+2, control publish, REPORTED on GPD, revisions).
/* eslint-disable @typescript-eslint/no-explicit-any -- the assertions read arbitrary JSON answers */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DAY, HOUR, KEYS, ORG, OTHER_ORG, T0, transfer, type TestSandbox } from '../test-helpers.ts';
import { DISABLED_PSP } from './flows.ts';
import { oneMonthBefore } from './routes.ts';
import { FDR, FDR_KEY, PSP, fdr, fdrSubscriptions, payNotice, startFdrSandbox } from './test-support.ts';

const LIST = `/organizations/${ORG}/fdrs`;
const flowPath = (f: { fdr: string; revision: number; pspId: string }, org = ORG) =>
  `/organizations/${org}/fdrs/${encodeURIComponent(f.fdr)}/revisions/${f.revision}/psps/${f.pspId}`;
const iso = (ms: number) => new Date(ms).toISOString();

function assertError(res: { status: number; body: any }, status: number, code: string, messages?: (string | RegExp)[]) {
  assert.equal(res.status, status, JSON.stringify(res.body));
  assert.deepEqual(Object.keys(res.body).sort(), ['appErrorCode', 'errors', 'httpStatusCode', 'httpStatusDescription']);
  assert.equal(res.body.httpStatusCode, status);
  assert.equal(res.body.httpStatusDescription, status === 400 ? 'Bad Request' : 'Not Found');
  assert.equal(res.body.appErrorCode, code);
  if (messages) {
    assert.equal(res.body.errors.length, messages.length, JSON.stringify(res.body.errors));
    messages.forEach((m, i) => (typeof m === 'string' ? assert.equal(res.body.errors[i].message, m) : assert.match(res.body.errors[i].message, m)));
  }
}

/** An AppException of the service: one errors[] entry with the message only (the service never sets its path). */
function assertAppError(res: { status: number; body: any }, status: number, code: string, message: string) {
  assertError(res, status, code);
  assert.deepEqual(res.body.errors, [{ message }]);
}

/** A query or path value the service's framework cannot convert (long, Instant): 404 with no body. */
function assertNotConverted(res: { status: number; raw: string }, what: string) {
  assert.equal(res.status, 404, `${what}: ${res.raw.slice(0, 200)}`);
  assert.equal(res.raw, '', what);
}

describe('FdR: gateway and /info', () => {
  let sb: TestSandbox;
  before(async () => (sb = await startFdrSandbox()));
  after(async () => sb.close());

  it('GET /info', async () => {
    const res = await fdr(sb, '/info');
    assert.equal(res.status, 200);
    assert.equal(res.body.name, 'pagopa-fdr');
    assert.equal(res.body.description, 'FDR - Flussi di rendicontazione');
  });

  it("the gateway's 401 (no key, another product's key) and 403 (EC not bound to the key)", async () => {
    assert.equal((await sb.call('GET', `${FDR}${LIST}`)).status, 401);
    assert.equal((await sb.call('GET', `${FDR}${LIST}`, { headers: { 'ocp-apim-subscription-key': KEYS.gpd } })).status, 401);
    assert.equal((await sb.call('GET', `${FDR}${LIST}`, { query: { 'subscription-key': FDR_KEY } })).status, 200);
    const forbidden = await fdr(sb, '/organizations/12345678901/fdrs');
    assert.equal(forbidden.status, 403);
    assert.equal((await fdr(sb, `/organizations/12345678901/fdrs/2025-03-01${PSP}-1/revisions/1/psps/${PSP}`)).status, 403);
  });

  it('no flows → 200 with count 0 (not 404)', async () => {
    const res = await fdr(sb, LIST);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { metadata: { pageSize: 1000, pageNumber: 1, totPage: 0 }, count: 0, data: [] });
  });
});

describe('FdR: flows from payments', () => {
  let sb: TestSandbox;
  before(async () => (sb = await startFdrSandbox()));
  after(async () => sb.close());

  it('a payment → nothing before D+2 → on D+2 one flow with the amounts in euros, its payments, the position REPORTED', async () => {
    const paid = await payNotice(sb, { amount: 12345 });
    await sb.clock.set(Date.UTC(2025, 2, 2, 23, 59, 59, 999)); // D+1, end of day
    assert.equal((await fdr(sb, LIST)).body.count, 0);
    assert.equal((await sb.ec('GET', `/debtpositions/${paid.iupd}`)).body.status, 'PAID');
    sb.clock.set(Date.UTC(2025, 2, 3)); // D+2
    const list = await fdr(sb, LIST);
    assert.equal(list.status, 200);
    assert.equal(list.body.count, 1);
    const [entry] = list.body.data;
    assert.match(entry.fdr, new RegExp(`^2025-03-03${PSP}-\\d+$`));
    assert.deepEqual(entry, { fdr: entry.fdr, pspId: PSP, revision: 1, published: iso(Date.UTC(2025, 2, 3)), flowDate: iso(Date.UTC(2025, 2, 3)) });

    const flow = await fdr(sb, flowPath(entry));
    assert.equal(flow.status, 200);
    assert.equal(flow.body.status, 'PUBLISHED');
    assert.equal(flow.body.fdr, entry.fdr);
    assert.equal(flow.body.sender.pspId, PSP);
    assert.equal(flow.body.receiver.organizationId, ORG);
    assert.equal(flow.body.totPayments, 1);
    assert.equal(flow.body.sumPayments, 123.45);
    assert.equal(flow.body.computedTotPayments, 1);
    assert.equal(flow.body.computedSumPayments, 123.45);

    const payments = await fdr(sb, `${flowPath(entry)}/payments`);
    assert.equal(payments.status, 200);
    assert.deepEqual(payments.body, {
      metadata: { pageSize: 1000, pageNumber: 1, totPage: 1 },
      count: 1,
      data: [{ index: 1, iuv: paid.iuv, iur: paid.iur, idTransfer: 1, pay: 123.45, payStatus: 'EXECUTED', payDate: iso(T0 + HOUR) }],
    });
    const position = (await sb.ec('GET', `/debtpositions/${paid.iupd}`)).body;
    assert.equal(position.status, 'REPORTED');
    assert.equal(position.paymentOption[0].status, 'PO_REPORTED');
    assert.equal(position.paymentOption[0].transfer[0].status, 'T_REPORTED');
  });

  it('grouped by PSP, EC and payment day; one payment entry per transfer of the EC; totals consistent', async () => {
    sb.clock.set(T0);
    const twoEcs = await payNotice(sb, {
      amount: 10000,
      edit: (body) => {
        body.paymentOption[0]!.transfer = [
          transfer(7050, '1'),
          {
            idTransfer: '2',
            amount: 2950,
            remittanceInformation: 'Quota',
            category: '9/0101108TS/',
            iban: 'IT60X0542811101000000123456',
            organizationFiscalCode: OTHER_ORG,
            companyName: 'Altro Ente',
          },
        ];
      },
    });
    const sameDay = await payNotice(sb, { amount: 2001, paymentMs: T0 + 2 * HOUR });
    const otherPsp = await payNotice(sb, { amount: 500, pspCode: 'WOLLNLB1' });
    const nextDay = await payNotice(sb, { amount: 700, paymentMs: T0 + DAY });
    const published = await sb.control('POST', '/fdr/publish');
    assert.equal(published.status, 200);
    // BNLIITRR/ORG/day 1, BNLIITRR/OTHER/day 1, WOLLNLB1/ORG/day 1, BNLIITRR/ORG/day 2
    assert.equal(published.body.published.length, 4);

    const list = await fdr(sb, LIST, { pspId: PSP });
    const flows = await Promise.all(list.body.data.map(async (f: any) => (await fdr(sb, `${flowPath(f)}/payments`)).body.data));
    const ours = flows.find((payments) => payments.some((p: any) => p.iuv === twoEcs.iuv));
    assert.deepEqual(
      ours.map((p: any) => [p.index, p.iuv, p.idTransfer, p.pay]),
      [
        [1, twoEcs.iuv, 1, 70.5],
        [2, sameDay.iuv, 1, 20.01],
      ],
    );
    const ourFlow = list.body.data.find((_: any, i: number) => flows[i] === ours);
    const single = (await fdr(sb, flowPath(ourFlow))).body;
    assert.equal(single.totPayments, 2);
    assert.equal(single.sumPayments, 90.51);
    assert.ok(flows.some((payments) => payments.length === 1 && payments[0].iuv === nextDay.iuv));
    assert.ok(!flows.flat().some((p: any) => p.iuv === otherPsp.iuv));

    const other = await fdr(sb, `/organizations/${OTHER_ORG}/fdrs`);
    assert.equal(other.body.count, 1);
    const otherPayments = (await fdr(sb, `${flowPath(other.body.data[0], OTHER_ORG)}/payments`)).body.data;
    assert.deepEqual(
      otherPayments.map((p: any) => [p.iuv, p.idTransfer, p.pay]),
      [[twoEcs.iuv, 2, 29.5]],
    );
    const position = (await sb.ec('GET', `/debtpositions/${twoEcs.iupd}`)).body;
    assert.equal(position.status, 'REPORTED');
    assert.equal((await sb.control('POST', '/fdr/publish')).body.published.length, 0);
  });

  it('publish with {"iuvs": [...]}: only those payments get their flows now, the others stay pending; a bad body publishes nothing', async () => {
    sb.clock.set(T0);
    const listed = async () => ((await fdr(sb, LIST, { pspId: 'WOLLNLB1' })).body.data as any[]).filter((f) => !before.includes(f.fdr));
    const before: string[] = [];
    before.push(...(await listed()).map((f) => f.fdr)); // flows of the earlier cases
    const chosen = await payNotice(sb, { pspCode: 'WOLLNLB1' });
    const other = await payNotice(sb, { pspCode: 'WOLLNLB1' });
    for (const body of [
      { iuvs: [] },
      { iuvs: 'x' },
      { iuvs: [1] },
      { iuvs: ['x'.repeat(36)] },
      { iuvs: Array.from({ length: 1001 }, (_, i) => String(i)) },
      [chosen.iuv],
      'text',
    ]) {
      const refused = await sb.control('POST', '/fdr/publish', body);
      assert.equal(refused.status, 400, JSON.stringify(body).slice(0, 80));
      assert.match(refused.body.detail, /"iuvs"/);
    }
    assert.deepEqual(await listed(), [], 'a refused request publishes nothing');
    const published = await sb.control('POST', '/fdr/publish', { iuvs: [chosen.iuv, '01999999999999999'] });
    assert.equal(published.status, 200);
    assert.deepEqual(
      published.body.published.map((f: any) => f.payments),
      [1],
    );
    const payments = async (flows: any[]) => (await Promise.all(flows.map(async (f) => (await fdr(sb, `${flowPath(f)}/payments`)).body.data))).flat();
    assert.deepEqual(
      (await payments(await listed())).map((p: any) => p.iuv),
      [chosen.iuv],
    );
    assert.equal((await sb.ec('GET', `/debtpositions/${chosen.iupd}`)).body.status, 'REPORTED');
    assert.equal((await sb.ec('GET', `/debtpositions/${other.iupd}`)).body.status, 'PAID');
    // Then everything pending, as before.
    assert.equal((await sb.control('POST', '/fdr/publish')).body.published.length, 1);
    assert.deepEqual((await payments(await listed())).map((p: any) => p.iuv).sort(), [chosen.iuv, other.iuv].sort());
  });

  it('a republish makes revision n+1; only the latest is listed; the older stays readable', async () => {
    sb.clock.set(T0);
    await payNotice(sb, { pspCode: 'PPAYITR1XXX' });
    await sb.control('POST', '/fdr/publish');
    const [first] = (await fdr(sb, LIST, { pspId: 'PPAYITR1XXX' })).body.data;
    sb.clock.advance(HOUR);
    const again = await sb.control('POST', '/fdr/republish', { organizationId: ORG, pspId: 'PPAYITR1XXX', fdr: first.fdr });
    assert.equal(again.status, 200);
    assert.equal(again.body.revision, 2);
    const list = (await fdr(sb, LIST, { pspId: 'PPAYITR1XXX' })).body;
    assert.equal(list.count, 1);
    assert.equal(list.data[0].fdr, first.fdr);
    assert.equal(list.data[0].revision, 2);
    assert.equal(list.data[0].published, iso(T0 + HOUR));
    assert.equal((await fdr(sb, flowPath(first))).body.revision, 1);
    assert.equal((await fdr(sb, flowPath(list.data[0]))).body.revision, 2);
    assertError(await fdr(sb, flowPath({ ...first, revision: 3 })), 404, 'FDR-3001', [`Flow with ID [${first.fdr}] not found.`]);
    assert.equal((await sb.control('POST', '/fdr/republish', { organizationId: ORG, pspId: 'PPAYITR1XXX', fdr: 'nope' })).status, 404);
    assert.equal((await sb.control('POST', '/fdr/republish', { fdr: 1 })).status, 400);
    assert.equal((await sb.call('POST', '/__sandbox/fdr/publish')).status, 401);
  });
});

describe('FdR: list filters and paging', () => {
  let sb: TestSandbox;
  const names: string[] = [];
  before(async () => {
    sb = await startFdrSandbox();
    // three flows: two PSPs on day 1, one on day 2, each published as its D+2 comes
    await payNotice(sb, { pspCode: 'WOLLNLB1' });
    await payNotice(sb, { pspCode: PSP });
    await payNotice(sb, { paymentMs: T0 + DAY });
    sb.clock.set(Date.UTC(2025, 2, 3, 12));
    await fdr(sb, LIST);
    sb.clock.set(Date.UTC(2025, 2, 4, 12));
    const all = (await fdr(sb, LIST)).body;
    names.push(...all.data.map((f: any) => f.fdr));
  });
  after(async () => sb.close());

  it('ordered by flow date then name; count over all pages; pageSize echoes the size; a page past the end is empty', async () => {
    assert.equal(names.length, 3);
    assert.deepEqual(names.slice(0, 2), [...names.slice(0, 2)].sort());
    assert.match(names[0]!, /^2025-03-03/);
    assert.match(names[2]!, /^2025-03-04/);
    const page1 = (await fdr(sb, LIST, { size: '2' })).body;
    assert.deepEqual(page1.metadata, { pageSize: 2, pageNumber: 1, totPage: 2 });
    assert.equal(page1.count, 3);
    assert.deepEqual(
      page1.data.map((f: any) => f.fdr),
      names.slice(0, 2),
    );
    const page2 = (await fdr(sb, LIST, { size: '2', page: '2' })).body;
    assert.deepEqual(
      page2.data.map((f: any) => f.fdr),
      names.slice(2),
    );
    const past = await fdr(sb, LIST, { size: '2', page: '3' });
    assert.equal(past.status, 200);
    assert.deepEqual(past.body, { metadata: { pageSize: 2, pageNumber: 3, totPage: 2 }, count: 3, data: [] });
    assert.equal((await fdr(sb, LIST, { size: '1000' })).body.count, 3);
    assert.equal((await fdr(sb, LIST, { page: '9223372036854775807', size: '1000' })).body.data.length, 0);
  });

  it('pspId, publishedGt and flowDate filter with strict "greater than"; unknown query parameters are ignored', async () => {
    assert.equal((await fdr(sb, LIST, { pspId: 'WOLLNLB1' })).body.count, 1);
    const day1 = iso(Date.UTC(2025, 2, 3, 12));
    assert.equal((await fdr(sb, LIST, { publishedGt: day1 })).body.count, 1);
    assert.equal((await fdr(sb, LIST, { flowDate: day1 })).body.count, 1);
    assert.equal((await fdr(sb, LIST, { publishedGt: iso(Date.UTC(2025, 2, 3, 12) - 1) })).body.count, 3);
    assert.equal((await fdr(sb, LIST, { publishedGt: '2025-03-03T13:00:00+01:00' })).body.count, 1); // = 12:00Z
    assert.equal((await fdr(sb, LIST, { whatever: 'x', sort: 'desc' })).body.count, 3);
  });

  it('publishedGt/flowDate are read as java Instant.parse (ISO_INSTANT) reads them', async () => {
    const day1 = Date.UTC(2025, 2, 3, 12);
    const count = async (publishedGt: string) => {
      const res = await fdr(sb, LIST, { publishedGt });
      assert.equal(res.status, 200, `${publishedGt}: ${res.raw.slice(0, 200)}`);
      return res.body.count;
    };
    assert.equal(await count('2025-03-03T12:00:00Z'), 1);
    assert.equal(await count('2025-03-03t12:00:00z'), 1); // case-insensitive
    assert.equal(await count('2025-03-03T11:59:59.999999999Z'), 3);
    assert.equal(await count('2025-03-03T12:00:00.Z'), 1); // a point with no digits
    assert.equal(await count('2025-03-03T11:00:00-01:00'), 1);
    assert.equal(await count('2025-03-04T06:00:00+18:00'), 1); // +18:00 is ZoneOffset's upper bound
    assert.equal(await count('2025-03-02T18:00:00-18:00'), 1);
    assert.equal(await count('2025-03-03T13:00:30+01:00:30'), 1); // offset seconds
    assert.equal(await count('2025-03-02T24:00:00Z'), 3); // = 2025-03-03T00:00:00Z
    assert.equal(await count('2025-03-03T23:59:60Z'), 1); // leap second read as :59
    assert.equal(await count('+10000-01-01T00:00:00Z'), 0);
    assert.equal(iso(day1), '2025-03-03T12:00:00.000Z');
    for (const value of [
      '2025-03-04T06:30:00+18:30',
      '2025-03-02T17:30:00-18:30',
      '2025-03-04T06:00:00+18:00:01',
      '2025-03-03T12:00Z', // seconds are required
      '2025-03-03T12:00:00',
      '2025-03-03T12:00:00+01',
      '2025-03-03T12:00:00+0100',
      '2025-03-03T12:00:00.1234567890Z',
      '2025-03-03T12:00:00,5Z',
      '2025-03-03T24:00:01Z',
      '2025-03-03T12:00:60Z',
      '2025-02-29T12:00:00Z',
      '+2025-03-03T12:00:00Z',
      '02025-03-03T12:00:00Z',
      '2025-03-03 12:00:00Z',
      '',
    ]) {
      assertNotConverted(await fdr(sb, LIST, { publishedGt: value }), value);
      assertNotConverted(await fdr(sb, LIST, { flowDate: value }), value);
    }
  });

  it('the one-month rule at the edge: now − 1 month passes, 1 ms earlier is 400 FDR-1000; omitted bounds default to it', async () => {
    const now = sb.now();
    const limit = oneMonthBefore(now);
    assert.equal(iso(limit), '2025-02-04T12:00:00.000Z');
    for (const name of ['publishedGt', 'flowDate']) {
      assert.equal((await fdr(sb, LIST, { [name]: iso(limit) })).status, 200);
      const old = await fdr(sb, LIST, { [name]: iso(limit - 1) });
      assertError(old, 400, 'FDR-1000');
      assert.deepEqual(old.body.errors, [{ path: `getAllPublishedFlows.${name}`, message: 'The date cannot be older than 1 months.' }]);
    }
    // Bean validation: every violation at once, sorted by path (descending), before the EC and PSP checks.
    const all = await sb.call('GET', `${FDR}/organizations/12345678901/fdrs`, {
      headers: { 'ocp-apim-subscription-key': FDR_KEY },
      query: { publishedGt: iso(limit - 1), flowDate: iso(limit - 1), size: '0', pspId: 'NOSUCHPSP' },
    });
    assert.equal(all.status, 403); // this key is bound to ORG and OTHER_ORG only
    const both = await fdr(sb, LIST, { publishedGt: iso(limit - 1), flowDate: iso(limit - 1), size: '0', pspId: 'NOSUCHPSP' });
    assertError(both, 400, 'FDR-1000');
    assert.deepEqual(both.body.errors, [
      { path: 'getAllPublishedFlows.publishedGt', message: 'The date cannot be older than 1 months.' },
      { path: 'getAllPublishedFlows.pageSize', message: 'must be greater than or equal to 1' },
      { path: 'getAllPublishedFlows.flowDate', message: 'The date cannot be older than 1 months.' },
    ]);
    // The flows of 2025-03-03 drop out of the default window one month later.
    sb.clock.set(Date.UTC(2025, 3, 3, 12));
    assert.equal((await fdr(sb, LIST)).body.count, 1);
    sb.clock.set(Date.UTC(2025, 3, 3, 12) - 1);
    assert.equal((await fdr(sb, LIST)).body.count, 3);
    sb.clock.set(Date.UTC(2025, 2, 4, 12));
  });

  it('oneMonthBefore clamps the day as java.time does', () => {
    assert.equal(iso(oneMonthBefore(Date.UTC(2025, 2, 31, 10))), '2025-02-28T10:00:00.000Z');
    assert.equal(iso(oneMonthBefore(Date.UTC(2024, 2, 30))), '2024-02-29T00:00:00.000Z');
    assert.equal(iso(oneMonthBefore(Date.UTC(2025, 0, 15))), '2024-12-15T00:00:00.000Z');
  });

  it('size 1..1000 and page ≥ 1 on the list, size ≥ 1 on payments: 400 FDR-1000, one entry per violation', async () => {
    assertError(await fdr(sb, LIST, { size: '0' }), 400, 'FDR-1000', ['must be greater than or equal to 1']);
    assertError(await fdr(sb, LIST, { size: '1001' }), 400, 'FDR-1000', ['must be less than or equal to 1000']);
    assertError(await fdr(sb, LIST, { page: '0' }), 400, 'FDR-1000', ['must be greater than or equal to 1']);
    const both = await fdr(sb, LIST, { page: '0', size: '1001', pspId: 'x'.repeat(36) });
    assertError(both, 400, 'FDR-1000');
    // The paths name the java parameters (pageNumber, pageSize), sorted descending as ExceptionMappers does.
    assert.deepEqual(both.body.errors, [
      { path: 'getAllPublishedFlows.pspId', message: 'must match "^(.{1,35})$"' },
      { path: 'getAllPublishedFlows.pageSize', message: 'must be less than or equal to 1000' },
      { path: 'getAllPublishedFlows.pageNumber', message: 'must be greater than or equal to 1' },
    ]);
    const [first] = (await fdr(sb, LIST)).body.data;
    const payments = `${flowPath(first)}/payments`;
    assertError(await fdr(sb, payments, { size: '0' }), 400, 'FDR-1000', ['must be greater than or equal to 1']);
    const paging = await fdr(sb, `${flowPath({ ...first, revision: 0 })}/payments`, { size: '0', page: '0' });
    assert.deepEqual(paging.body.errors, [
      { path: 'getPaymentsFromPublishedFlow.revision', message: 'must be greater than or equal to 1' },
      { path: 'getPaymentsFromPublishedFlow.pageSize', message: 'must be greater than or equal to 1' },
      { path: 'getPaymentsFromPublishedFlow.pageNumber', message: 'must be greater than or equal to 1' },
    ]);
    assert.equal((await fdr(sb, LIST, { pspId: ' ' })).body.count, 0); // a blank pspId is not checked as a PSP
    for (const value of ['abc', '1.5', '', '9223372036854775808', '0x10', '1e3']) {
      assertNotConverted(await fdr(sb, LIST, { page: value }), `page ${value}`);
      assertNotConverted(await fdr(sb, LIST, { size: value }), `size ${value}`);
      assertNotConverted(await fdr(sb, payments, { size: value }), `payments size ${value}`);
      assertNotConverted(await fdr(sb, `${flowPath({ ...first, revision: value as any })}/payments`), `revision ${value}`);
    }
    assert.equal((await fdr(sb, LIST, { page: '+1', size: '-0' })).body.errors[0].path, 'getAllPublishedFlows.pageSize');
    assert.equal((await fdr(sb, payments, { size: '5000' })).body.metadata.pageSize, 5000);
    assert.deepEqual((await fdr(sb, payments, { page: '2' })).body.data, []);
  });
});

describe('FdR: errors of one flow and of the list', () => {
  let sb: TestSandbox;
  let flow: { fdr: string; revision: number; pspId: string };
  before(async () => {
    sb = await startFdrSandbox({ subscriptions: fdrSubscriptions(['*']) });
    await payNotice(sb);
    await sb.control('POST', '/fdr/publish');
    flow = (await fdr(sb, LIST)).body.data[0];
  });
  after(async () => sb.close());

  const UNKNOWN_EC = 'Creditor institution with ID [12345678901] is invalid or unknown.';

  it('unknown EC → 400 FDR-2008 (list and flow)', async () => {
    assertAppError(await fdr(sb, '/organizations/12345678901/fdrs'), 400, 'FDR-2008', UNKNOWN_EC);
    assertAppError(await fdr(sb, flowPath(flow, '12345678901')), 400, 'FDR-2008', UNKNOWN_EC);
    assertAppError(await fdr(sb, `${flowPath(flow, '12345678901')}/payments`), 400, 'FDR-2008', UNKNOWN_EC);
  });

  it('the PSPs UAT registers for tests are known before they pay anything: their list is empty, not FDR-2000', async () => {
    // 88888888888: the PSP of pagoPA's own FdR integration suite on UAT (pagopa-fdr integration-test/config).
    const res = await fdr(sb, LIST, { pspId: '88888888888' });
    assert.equal(res.status, 200, res.raw);
    assert.deepEqual(res.body.data, []);
  });

  it('unknown PSP → FDR-2000, disabled PSP → FDR-2001 (query or path), checked before the EC', async () => {
    assertAppError(await fdr(sb, LIST, { pspId: 'NOSUCHPSP' }), 400, 'FDR-2000', 'PSP with ID [NOSUCHPSP] is invalid or unknown.');
    assertAppError(await fdr(sb, LIST, { pspId: DISABLED_PSP }), 400, 'FDR-2001', `PSP with ID [${DISABLED_PSP}] is not enabled.`);
    assertAppError(await fdr(sb, flowPath({ ...flow, pspId: 'NOSUCHPSP' })), 400, 'FDR-2000', 'PSP with ID [NOSUCHPSP] is invalid or unknown.');
    assertAppError(await fdr(sb, `${flowPath({ ...flow, pspId: DISABLED_PSP })}/payments`), 400, 'FDR-2001', `PSP with ID [${DISABLED_PSP}] is not enabled.`);
    assertError(await fdr(sb, '/organizations/12345678901/fdrs', { pspId: 'NOSUCHPSP' }), 400, 'FDR-2000');
    assertError(await fdr(sb, flowPath({ ...flow, pspId: 'NOSUCHPSP' }, '12345678901')), 400, 'FDR-2000');
    assertError(await fdr(sb, flowPath({ ...flow, pspId: DISABLED_PSP }, '12345678901')), 400, 'FDR-2001');
  });

  it('malformed flow name → FDR-3008 (no date) / FDR-3009 (date not followed by <pspId>-); unknown flow → 404 FDR-3001', async () => {
    const long = `2025-02-30${'x'.repeat(300)}`;
    for (const name of ['x', '2025-02-30BNLIITRR-1', '20250301BNLIITRR-1', `2025-3-01${PSP}-1`, long]) {
      assertAppError(await fdr(sb, flowPath({ ...flow, fdr: name })), 400, 'FDR-3008', `Flow identifier [${name}] contains a date that is not compliant.`);
    }
    for (const name of ['2025-03-01', '2025-03-01OTHER-1', `2025-03-01${PSP}1`]) {
      assertAppError(await fdr(sb, flowPath({ ...flow, fdr: name })), 400, 'FDR-3009', `Flow identifier [${name}] contains a PSP ID that is not compliant.`);
    }
    const unknown = `2025-03-01${PSP}-9999999`;
    assertAppError(await fdr(sb, flowPath({ ...flow, fdr: unknown })), 404, 'FDR-3001', `Flow with ID [${unknown}] not found.`);
    assertAppError(await fdr(sb, `${flowPath({ ...flow, fdr: unknown })}/payments`), 404, 'FDR-3001', `Flow with ID [${unknown}] not found.`);
    // LocalDate.parse takes any 4-digit year, 0000 included
    for (const name of [`0000-01-01${PSP}-1`, `0099-02-28${PSP}-1`]) assertError(await fdr(sb, flowPath({ ...flow, fdr: name })), 404, 'FDR-3001');
    assertError(await fdr(sb, flowPath({ ...flow, revision: 0 })), 400, 'FDR-1000');
    assert.deepEqual((await fdr(sb, flowPath({ ...flow, revision: 0 }))).body.errors, [
      { path: 'getSinglePublishedFlow.revision', message: 'must be greater than or equal to 1' },
    ]);
  });
});

describe('FdR: hostile input gets a 4xx and changes nothing', () => {
  let sb: TestSandbox;
  let flow: { fdr: string; revision: number; pspId: string };
  let iupd: string;
  before(async () => {
    sb = await startFdrSandbox({ subscriptions: fdrSubscriptions(['*']) });
    await payNotice(sb);
    await sb.control('POST', '/fdr/publish');
    flow = (await fdr(sb, LIST)).body.data[0];
    iupd = (await payNotice(sb)).iupd; // pending: a hostile request must not publish it
    sb.clock.set(T0 + 3 * DAY);
  });
  after(async () => sb.close());

  const HOSTILE = ['abc', '1e3', '1.5', '', ' ', '-1', '99999999999999999999999', '9'.repeat(300), 'NaN', '0x10', '%00', 'constructor', '__proto__', '💥'];

  it('bad page, size, dates, ids, revisions: 400 or 404, never 500, no flow published', async () => {
    const statuses = new Set<number>();
    const probe = async (path: string, query?: Record<string, string>) => {
      const res = await sb.call('GET', `${FDR}${path}`, { headers: { 'ocp-apim-subscription-key': FDR_KEY }, query });
      assert.ok(res.status >= 400 && res.status < 500, `${path} ${JSON.stringify(query)} → ${res.status} ${res.raw.slice(0, 200)}`);
      statuses.add(res.status);
    };
    for (const value of HOSTILE) {
      for (const name of ['page', 'size', 'publishedGt', 'flowDate']) await probe(LIST, { [name]: value });
      await probe(`${flowPath(flow)}/payments`, { page: value });
      await probe(`${flowPath(flow)}/payments`, { size: value === '' ? '0' : value });
      await probe(`/organizations/${ORG}/fdrs/${encodeURIComponent(flow.fdr)}/revisions/${encodeURIComponent(value)}/psps/${flow.pspId}`);
      await probe(flowPath({ ...flow, fdr: value || 'x' }));
      await probe(flowPath({ ...flow, pspId: encodeURIComponent(value) || 'x' }));
    }
    for (const date of [
      '2025-13-01T00:00:00Z',
      '2025-02-30T00:00:00Z',
      '2025-03-01T24:00:01Z',
      '2025-03-01',
      '2025-03-01T00:00:00',
      '+1000000001-01-01T00:00:00Z',
    ]) {
      await probe(LIST, { publishedGt: date });
    }
    await probe(`/organizations/${encodeURIComponent('x'.repeat(36))}/fdrs`);
    await probe(`/organizations/%00/fdrs`);
    await probe(`/organizations/${ORG}/fdrs/${encodeURIComponent('../../info')}/revisions/1/psps/${PSP}`);
    await probe(`/organizations/${ORG}/fdrs/..%2Finfo/revisions/1/psps/${PSP}`);
    await probe(`/organizations/${ORG}/fdrs/${'x'.repeat(5000)}/revisions/1/psps/${PSP}`);
    await probe(`/organizations/${ORG}/fdrs/${encodeURIComponent(flow.fdr)}/revisions/99999999999999999999/psps/${PSP}`);
    assert.ok(statuses.has(400));
    const position = (await sb.ec('GET', `/debtpositions/${iupd}`)).body;
    assert.equal(position.status, 'PAID', 'a refused request published the pending flow');
    // Valid requests still work afterwards, and publish what is due.
    assert.equal((await fdr(sb, LIST)).body.count, 2);
    assert.equal((await sb.ec('GET', `/debtpositions/${iupd}`)).body.status, 'REPORTED');
  });

  it('the control calls refuse hostile bodies with a 4xx', async () => {
    for (const payload of ['{', 'null', '[]', '{"__proto__":{"x":1}}', JSON.stringify({ organizationId: ORG, pspId: PSP, fdr: 'x'.repeat(5000) })]) {
      const res = await sb.call('POST', '/__sandbox/fdr/republish', {
        payload,
        headers: { 'content-type': 'application/json', 'ocp-apim-subscription-key': KEYS.internal },
      });
      assert.ok(res.status >= 400 && res.status < 500, `${payload.slice(0, 50)} → ${res.status}`);
    }
    const list = (await fdr(sb, LIST)).body;
    assert.ok(list.data.every((f: any) => f.revision === 1));
  });
});

describe('FdR: the pace option', () => {
  it('publishDelayDays 0: a payment is listed on its own day; 1: on D+1', async () => {
    for (const [days, listedAt] of [
      [0, T0 + HOUR],
      [1, Date.UTC(2025, 2, 2)],
    ] as const) {
      const sb = await startFdrSandbox({ fdr: { publishDelayDays: days } });
      try {
        const paid = await payNotice(sb);
        sb.clock.set(listedAt - 1);
        assert.equal((await fdr(sb, LIST)).body.count, days === 0 ? 1 : 0);
        sb.clock.set(listedAt);
        assert.equal((await fdr(sb, LIST)).body.count, 1);
        assert.equal((await sb.ec('GET', `/debtpositions/${paid.iupd}`)).body.status, 'REPORTED');
      } finally {
        await sb.close();
      }
    }
  });
});
