// The list endpoint: paging, filters, ordering, date groups and their rules.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { DAY, ORG, ids, positionBody, startSandbox, type Res, type TestSandbox } from '../test-helpers.ts';

let sb: TestSandbox;
beforeEach(async () => {
  sb = await startSandbox();
});
afterEach(() => sb.close());

const list = (query: Record<string, string> = {}) => sb.ec('GET', '/debtpositions', { query });
const iupds = (res: Res) => res.body.payment_position_list.map((p: { iupd: string }) => p.iupd);
const badRequest = (detail: string) => ({ title: 'BAD REQUEST', status: 400, detail });
const EXCLUSIVE = {
  title: 'Exclusive Parameters',
  status: 400,
  detail: 'Parameters due_date_to, due_date_from and payment_date_from, payment_date_toandpayment_date_time_from, payment_date_time_to are mutual exclusive',
};
const notRecoverable = (from: string, to: string, days: number) => ({
  title: 'The debt positions cannot be recovered',
  status: 400,
  detail: `Debt positions cannot be recovered. Verify that due_date_to >= due_date_from and that the interval between the two dates not exceed the maximum number of days allowed [due_date_from= ${from}, due_date_to= ${to}, days_between_from_to= ${days}, max_days_interval= 30]`,
});

async function createMany(n: number, toPublish = false): Promise<string[]> {
  const created = [];
  for (let i = 0; i < n; i++) {
    const body = positionBody({ companyName: `Comune ${String.fromCharCode(90 - i)}` });
    assert.equal((await sb.ec('POST', '/debtpositions', { body, query: { toPublish: String(toPublish) } })).status, 201);
    created.push(body.iupd);
    sb.clock.advance(1000); // distinct insertion dates
  }
  return created;
}

describe('list: paging', () => {
  it('defaults to 10 items, newest first; page_info counts the items of this page', async () => {
    const created = await createMany(12);
    const first = await list();
    assert.equal(first.status, 200);
    assert.deepEqual(first.body.page_info, { page: 0, limit: 10, items_found: 10, total_pages: 2 });
    assert.deepEqual(iupds(first), created.slice().reverse().slice(0, 10));
    const second = await list({ page: '1' });
    assert.deepEqual(second.body.page_info, { page: 1, limit: 10, items_found: 2, total_pages: 2 });
    assert.deepEqual((await list({ page: '5', limit: '5' })).body.page_info, { page: 5, limit: 5, items_found: 0, total_pages: 3 });
  });

  it('limit must be 1..50 and page ≥ 0', async () => {
    assert.deepEqual((await list({ limit: '0' })).body, badRequest('getOrganizationDebtPositions.limit: must be greater than 0'));
    assert.deepEqual((await list({ limit: '51' })).body, badRequest('getOrganizationDebtPositions.limit: must be less than or equal to 50'));
    assert.deepEqual((await list({ page: '-1' })).body, badRequest('getOrganizationDebtPositions.page: must be greater than or equal to 0'));
    assert.equal((await list({ limit: '50' })).status, 200);
    assert.deepEqual((await list({ limit: 'ten' })).body, badRequest('Invalid value ten for property limit'));
    assert.deepEqual((await list({ status: 'OPEN' })).body, badRequest('Invalid value OPEN for property status'));
    assert.deepEqual((await list({ orderby: 'AMOUNT' })).body, badRequest('Invalid value AMOUNT for property orderby'));
  });
});

describe('list: filters and ordering', () => {
  it('filters by status', async () => {
    const [draft] = await createMany(1);
    const [valid] = await createMany(1, true);
    assert.deepEqual(iupds(await list({ status: 'DRAFT' })), [draft]);
    assert.deepEqual(iupds(await list({ status: 'VALID' })), [valid]);
    assert.deepEqual(iupds(await list({ status: 'PAID' })), []);
  });

  it('orders by IUPD, COMPANY_NAME, STATUS, INSERTED_DATE in either direction', async () => {
    const created = await createMany(3);
    await sb.ec('POST', `/debtpositions/${created[1]}/publish`);
    assert.deepEqual(iupds(await list({ orderby: 'IUPD', ordering: 'ASC' })), created.slice().sort());
    assert.deepEqual(iupds(await list({ orderby: 'IUPD', ordering: 'DESC' })), created.slice().sort().reverse());
    // Company names were Z, Y, X in creation order.
    assert.deepEqual(iupds(await list({ orderby: 'COMPANY_NAME', ordering: 'ASC' })), created.slice().reverse());
    assert.deepEqual(iupds(await list({ orderby: 'STATUS', ordering: 'DESC' })).at(0), created[1]);
    assert.deepEqual(iupds(await list({ orderby: 'INSERTED_DATE', ordering: 'ASC' })), created);
  });

  it('due_date_from/to: positions with an option due in the window, showing only those options', async () => {
    const body = positionBody({ dueInMs: DAY });
    body.paymentOption.push({ ...positionBody({ dueInMs: 40 * DAY }).paymentOption[0]! });
    await sb.ec('POST', '/debtpositions', { body });
    const late = positionBody({ dueInMs: 40 * DAY });
    await sb.ec('POST', '/debtpositions', { body: late });
    const res = await list({ due_date_from: '2025-03-01', due_date_to: '2025-03-05' });
    assert.deepEqual(iupds(res), [body.iupd]);
    assert.equal(res.body.payment_position_list[0].paymentOption.length, 1);
    assert.deepEqual(iupds(await list({ due_date_from: '2025-04-01', due_date_to: '2025-04-20' })), [late.iupd, body.iupd]);
  });

  it('a single due-date bound means the other one ± 30 days', async () => {
    const dueAt = async (iso: string) => {
      const body = positionBody();
      body.paymentOption[0]!.dueDate = iso;
      assert.equal((await sb.ec('POST', '/debtpositions', { body })).status, 201);
      return body.iupd;
    };
    const inside = await dueAt('2025-03-31T23:00:00');
    const april = await dueAt('2025-04-01T00:00:00');
    assert.deepEqual(iupds(await list({ due_date_from: '2025-03-01' })), [inside]);
    const first = await dueAt('2025-03-16T00:00:00');
    await dueAt('2025-03-15T23:59:59');
    const last = await dueAt('2025-04-15T23:00:00');
    assert.deepEqual(iupds(await list({ due_date_to: '2025-04-15', orderby: 'INSERTED_DATE', ordering: 'ASC' })), [inside, april, first, last]);
  });

  it('payment_date_from/to and payment_date_time_from/to filter on the position payment date', async () => {
    const paidOn = async (paymentDate: string) => {
      const { iupd, iuv, nav } = ids();
      await sb.ec('POST', '/debtpositions', { body: positionBody({ iupd, iuv }), query: { toPublish: 'true' } });
      assert.equal((await sb.ec('POST', `/paymentoptions/paids/${nav}`, { body: { paymentDate } })).status, 200);
      return iupd;
    };
    const morning = await paidOn('2025-03-02T10:00:00');
    const evening = await paidOn('2025-03-02T20:00:00');
    await paidOn('2025-03-05T10:00:00');
    await createMany(1, true); // unpaid: no payment date
    const asc = { orderby: 'INSERTED_DATE', ordering: 'ASC' };
    assert.deepEqual(iupds(await list({ ...asc, payment_date_from: '2025-03-02', payment_date_to: '2025-03-02' })), [morning, evening]);
    assert.deepEqual(iupds(await list({ ...asc, payment_date_time_from: '2025-03-02T09:00:00', payment_date_time_to: '2025-03-02T11:00:00' })), [morning]);
  });

  it('date groups are mutually exclusive (by parameter presence)', async () => {
    const combinations: Record<string, string>[] = [
      { due_date_from: '2025-03-01', payment_date_to: '2025-03-02' },
      { due_date_to: '2025-03-01', payment_date_time_from: '2025-03-01T00:00:00' },
      { payment_date_from: '2025-03-01', payment_date_time_to: '2025-03-01T00:00:00' },
      { due_date_from: '', payment_date_from: '' },
    ];
    for (const query of combinations) assert.deepEqual((await list(query)).body, EXCLUSIVE);
  });

  it('windows longer than 30 days or reversed → 400 with the platform detail', async () => {
    assert.deepEqual(
      (await list({ due_date_from: '2025-01-01', due_date_to: '2025-02-01' })).body,
      notRecoverable('2025-01-01T00:00', '2025-02-01T23:59:59.999999999', 31),
    );
    assert.equal((await list({ due_date_from: '2025-01-01', due_date_to: '2025-01-31' })).status, 200);
    assert.deepEqual(
      (await list({ due_date_from: '2025-02-10', due_date_to: '2025-02-01' })).body,
      notRecoverable('2025-02-10T00:00', '2025-02-01T23:59:59.999999999', -8),
    );
    assert.deepEqual(
      (await list({ payment_date_time_from: '2025-01-01T10:00:00', payment_date_time_to: '2025-02-05T10:30:00' })).body,
      notRecoverable('2025-01-01T10:00', '2025-02-05T10:30', 35),
    );
    assert.deepEqual((await list({ due_date_from: '2025-13-01' })).body, badRequest('Invalid value 2025-13-01 for property due_date_from'));
  });

  it('lists only the positions of the EC in the path', async () => {
    await createMany(1);
    const other = await sb.call('GET', `/gpd/api/v1/organizations/12345678901/debtpositions`, {
      headers: { 'ocp-apim-subscription-key': 'test-internal-key' },
    });
    assert.deepEqual(other.body.payment_position_list, []);
    assert.equal((await list()).body.payment_position_list[0].organizationFiscalCode, ORG);
  });
});
