import { test, expect } from '../../fixtures/index.ts';
import { RECEIPTS } from '../../lib/texts/receipts.ts';

test('[RIC-04] receipt of an unpaid notice → the documented error', async ({ receipts, positions, factory, config }) => {
  const body = factory.position();
  await positions.createOk(body, { toPublish: true });
  const iuv = body.paymentOption[0]!.iuv;
  const res = await receipts.get(iuv);
  // The receipts service answers 404 when it holds no receipt, 422 when GPD still has the option unpaid (notes §2.5).
  const [status, title, detail] =
    res.response.status === 404 ? [404, RECEIPTS.notFoundTitle, RECEIPTS.notFound(config.ecFiscalCode, iuv)] : [422, RECEIPTS.recoveryFailedTitle, undefined];
  expect(res).toBeProblem(status, title, detail);
});

test('[RIC-05] receipts list: paging and filter rules', async ({ receipts }) => {
  const first = await receipts.list({ pageSize: 100 });
  expect(first).toHaveStatus(200);
  const page = first.response.body;
  expect(page.currentPageNumber).toBe(0);
  expect(page, 'length counts the items of this page').toHaveLength(page.results.length);
  expect(page.length).toBeLessThanOrEqual(100);

  await test.step('a page past the last one → 400', async () => {
    expect(await receipts.list({ pageNum: page.totalPages + 1 })).toBeProblem(400, RECEIPTS.notEnoughElementsTitle, RECEIPTS.pageTooBig);
  });

  await test.step('pageSize above 100 → 400', async () => {
    expect((await receipts.list({ pageSize: 101 })).response.status).toBe(400);
  });

  await test.step('"from" after "to" → 400 Invalid date range', async () => {
    expect(await receipts.list({ from: '2026-01-02', to: '2026-01-01' })).toBeProblem(400, RECEIPTS.invalidDateRangeTitle);
  });
});
