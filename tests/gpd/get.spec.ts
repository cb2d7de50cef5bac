import { test, expect } from '../../fixtures/index.ts';
import { gpdDate } from '../../lib/gpd/model.ts';
import { GPD } from '../../lib/texts/gpd.ts';

// The GPD API v1 cases: not applicable when the EC implements only v3 (GPD_API_VERSIONS).
test.use({ gpdApiVersion: 'v1' });

const DAY_MS = 86_400_000;

test('[GPD-GET-01] get one position → data consistent with creation', async ({ gpd, positions, factory, config }) => {
  const body = factory.position({ officeName: 'Ufficio Tributi' });
  await positions.createOk(body, { toPublish: true });
  const res = await gpd.get(body.iupd);
  expect(res).toHaveStatus(200);
  const read = res.response.body;
  expect(read).toMatchObject({
    iupd: body.iupd,
    organizationFiscalCode: config.ecFiscalCode,
    type: 'F',
    companyName: body.companyName,
    officeName: 'Ufficio Tributi',
    status: 'VALID',
  });
  const sent = body.paymentOption[0]!;
  expect(read.paymentOption[0]).toMatchObject({
    iuv: sent.iuv,
    nav: `3${sent.iuv}`,
    amount: sent.amount,
    description: sent.description,
    isPartialPayment: false,
    status: 'PO_UNPAID',
  });
  expect(String(read.paymentOption[0]!.dueDate).slice(0, 19)).toBe(sent.dueDate);
  expect(read.paymentOption[0]!.transfer[0]).toMatchObject({
    idTransfer: '1',
    amount: sent.transfer[0]!.amount,
    iban: sent.transfer[0]!.iban,
    category: sent.transfer[0]!.category,
    status: 'T_UNREPORTED',
  });
  expect(read, 'the read model carries no debtor data').not.toHaveProperty('fiscalCode');
  expect(read).not.toHaveProperty('fullName');
});

test('[GPD-GET-02] get an unknown position → 404', async ({ gpd, factory, config }) => {
  const iupd = factory.iupd();
  expect(await gpd.get(iupd)).toBeProblem(404, GPD.notFoundTitle, GPD.notFound(config.ecFiscalCode, iupd));
});

test('[GPD-GET-03] list filtered by status → only that status', async ({ gpd, positions, factory }) => {
  const draft = factory.position();
  const valid = factory.position();
  await positions.createOk(draft);
  await positions.createOk(valid, { toPublish: true });
  const res = await gpd.list({ status: 'DRAFT', limit: 50, orderby: 'INSERTED_DATE', ordering: 'DESC' });
  expect(res).toHaveStatus(200);
  const items = res.response.body.payment_position_list;
  expect(
    items.every((item) => item.status === 'DRAFT'),
    `statuses: ${[...new Set(items.map((i) => i.status))].join(',')}`,
  ).toBe(true);
  expect(items.map((i) => i.iupd)).toContain(draft.iupd);
  expect(items.map((i) => i.iupd)).not.toContain(valid.iupd);
});

test('[GPD-GET-04] list filtered by due date → only due dates in the interval', async ({ gpd, positions, factory }) => {
  const due = new Date(Date.now() + 45 * DAY_MS);
  const body = factory.position({ paymentOption: [factory.option({ dueDate: `${gpdDate(due)}T12:00:00` })] });
  await positions.createOk(body);
  const day = gpdDate(due);
  const res = await gpd.list({ due_date_from: day, due_date_to: day, limit: 50, orderby: 'INSERTED_DATE', ordering: 'DESC' });
  expect(res).toHaveStatus(200);
  const items = res.response.body.payment_position_list;
  for (const item of items) {
    expect(
      item.paymentOption.some((o) => o.dueDate.slice(0, 10) === day),
      `${item.iupd} has a due date on ${day}`,
    ).toBe(true);
  }
  expect(items.map((i) => i.iupd)).toContain(body.iupd);
});

test('[GPD-GET-05] list ordering by inserted date, ascending and descending', async ({ gpd, positions, factory }) => {
  for (let i = 0; i < 3; i += 1) await positions.createOk(factory.position());
  for (const ordering of ['ASC', 'DESC'] as const) {
    const res = await gpd.list({ orderby: 'INSERTED_DATE', ordering, limit: 20 });
    expect(res).toHaveStatus(200);
    const dates = res.response.body.payment_position_list.map((i) => i.insertedDate);
    expect(dates.length).toBeGreaterThanOrEqual(3);
    const sorted = [...dates].sort();
    expect(dates, `insertedDate ${ordering}`).toEqual(ordering === 'ASC' ? sorted : sorted.reverse());
  }
});

test('[GPD-GET-06] list pagination → consistent page_info, disjoint pages', async ({ gpd, positions, factory }) => {
  // Paged inside a due-date window that only this case uses, so parallel cases creating and
  // deleting positions cannot shift the pages between the two calls.
  const day = gpdDate(new Date(Date.now() + 52 * DAY_MS));
  for (let i = 0; i < 4; i += 1) await positions.createOk(factory.position({ paymentOption: [factory.option({ dueDate: `${day}T08:00:00` })] }));
  const window = { due_date_from: day, due_date_to: day, limit: 2, orderby: 'IUPD', ordering: 'ASC' } as const;
  const first = await gpd.list({ ...window, page: 0 });
  const second = await gpd.list({ ...window, page: 1 });
  expect(first).toHaveStatus(200);
  expect(second).toHaveStatus(200);
  expect(first.response.body.page_info).toMatchObject({ page: 0, limit: 2, items_found: 2 });
  expect(second.response.body.page_info).toMatchObject({ page: 1, limit: 2 });
  expect(first.response.body.page_info.total_pages).toBeGreaterThanOrEqual(2);
  expect(second.response.body.page_info.items_found).toBe(second.response.body.payment_position_list.length);
  const a = first.response.body.payment_position_list.map((i) => i.iupd);
  const b = second.response.body.payment_position_list.map((i) => i.iupd);
  expect([...a, ...b], 'IUPD ascending across the two pages').toEqual([...a, ...b].sort());
  expect(
    a.filter((iupd) => b.includes(iupd)),
    'no position on both pages',
  ).toEqual([]);
});

test('[GPD-GET-07] page limit: default 10, at most 50', async ({ gpd, positions, factory }) => {
  for (let i = 0; i < 11; i += 1) await positions.createOk(factory.position());
  const byDefault = await gpd.list();
  expect(byDefault).toHaveStatus(200);
  expect(byDefault.response.body.page_info.limit).toBe(10);
  expect(byDefault.response.body.payment_position_list).toHaveLength(10);
  expect(await gpd.list({ limit: 50 })).toHaveStatus(200);
  expect(await gpd.list({ limit: 51 })).toBeProblem(400, GPD.badRequestTitle, /limit/);
  expect(await gpd.list({ limit: 0 })).toBeProblem(400, GPD.badRequestTitle, /limit/);
});

test('[GPD-GET-08] filter date rules: 30-day window and exclusive groups → 400', async ({ gpd }) => {
  const from = new Date(Date.now() + DAY_MS);

  await test.step('an interval longer than 30 days is refused', async () => {
    const res = await gpd.list({ due_date_from: gpdDate(from), due_date_to: gpdDate(new Date(from.getTime() + 31 * DAY_MS)) });
    expect(res).toBeProblem(400, GPD.notRecoverableTitle, /max_days_interval= 30\]$/);
  });

  await test.step('"to" before "from" is refused', async () => {
    const res = await gpd.list({ due_date_from: gpdDate(from), due_date_to: gpdDate(new Date(from.getTime() - DAY_MS)) });
    expect(res).toBeProblem(400, GPD.notRecoverableTitle);
  });

  await test.step('due-date and payment-date filters together are refused', async () => {
    const res = await gpd.list({ due_date_from: gpdDate(from), payment_date_from: gpdDate(from) });
    expect(res).toBeProblem(400, GPD.exclusiveParametersTitle, GPD.exclusiveParameters);
  });
});
