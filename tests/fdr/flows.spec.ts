import { test, expect } from '../../fixtures/index.ts';
import { FDR } from '../../lib/texts/fdr.ts';
import { MAX_FLOWS_PAGE_SIZE, type FdrClient } from '../../lib/http/fdr-client.ts';
import { lookupWindowStart } from '../../lib/fdr/published-flows.ts';

const DAY_MS = 86_400_000;
/** A PSP id no registry holds. */
const UNKNOWN_PSP = 'CONFORMANCEUNKNOWNPSP';

test('[FDR-01] published flows list: filters, paging and limits', async ({ fdr }) => {
  const now = new Date();
  const all = await fdr.list();
  expect(all).toHaveStatus(200);
  const { count, data, metadata } = all.response.body;
  expect(metadata, 'the default page: the first, of 1000').toMatchObject({ pageSize: MAX_FLOWS_PAGE_SIZE, pageNumber: 1 });
  expect(count, 'count is the total over all pages').toBeGreaterThanOrEqual(data.length);
  const byDateThenName = (a: (typeof data)[number], b: (typeof data)[number]) =>
    Date.parse(a.flowDate) - Date.parse(b.flowDate) || (a.fdr < b.fdr ? -1 : a.fdr > b.fdr ? 1 : 0);
  expect(
    data.map((f) => f.fdr),
    'ordered by flow date, then name',
  ).toEqual([...data].sort(byDateThenName).map((f) => f.fdr));
  const windowStart = lookupWindowStart(now).getTime() - 60_000;
  for (const flow of data) expect(Date.parse(flow.published), `${flow.fdr} published within the last month`).toBeGreaterThan(windowStart);

  let totPage = 0;

  await test.step('size=1: one flow per page, as many pages as flows', async () => {
    const one = await fdr.list({ size: 1 });
    expect(one).toHaveStatus(200);
    expect(one.response.body.metadata.pageSize).toBe(1);
    expect(one.response.body.data.length).toBeLessThanOrEqual(1);
    // A PSP may publish between two calls on UAT: the total only grows.
    expect(one.response.body.count).toBeGreaterThanOrEqual(count);
    expect(one.response.body.metadata.totPage).toBe(one.response.body.count);
    totPage = one.response.body.metadata.totPage;
  });

  await test.step('a page past the last one → 200 with no flows and the same total', async () => {
    const past = await fdr.list({ size: 1, page: Math.max(totPage + 1, 2) });
    expect(past).toHaveStatus(200);
    expect(past.response.body.data).toEqual([]);
    expect(past.response.body.count).toBeGreaterThanOrEqual(totPage);
  });

  // The filter is checked on a PSP that has flows; an EC without any flow yet (UAT) has none to filter on.
  for (const psp of data.slice(0, 1).map((f) => f.pspId)) {
    await test.step(`pspId=${psp}: only that PSP's flows`, async () => {
      const byPsp = await fdr.list({ pspId: psp });
      expect(byPsp).toHaveStatus(200);
      expect(byPsp.response.body.data.length).toBeGreaterThan(0);
      expect(new Set(byPsp.response.body.data.map((f) => f.pspId))).toEqual(new Set([psp]));
    });
  }

  await test.step('size outside 1..1000 and page < 1 → 400 FDR-1000, one violation naming the parameter', async () => {
    for (const [query, parameter, message] of [
      [{ size: 0 }, 'size', 'must be greater than or equal to 1'],
      [{ size: MAX_FLOWS_PAGE_SIZE + 1 }, 'size', `must be less than or equal to ${MAX_FLOWS_PAGE_SIZE}`],
      [{ page: 0 }, 'page', 'must be greater than or equal to 1'],
    ] as const) {
      expect.soft(await fdr.list(query), JSON.stringify(query)).toBeFdrError(400, FDR.badRequest, [{ message, pathEndsWith: `.${FDR.parameter[parameter]}` }]);
    }
  });

  await test.step('publishedGt or flowDate older than one month → 400 FDR-1000', async () => {
    const old = new Date(now.getTime() - 40 * DAY_MS).toISOString();
    expect
      .soft(await fdr.list({ publishedGt: old }))
      .toBeFdrError(400, FDR.badRequest, [{ message: FDR.dateTooOld, pathEndsWith: `.${FDR.parameter.publishedGt}` }]);
    expect.soft(await fdr.list({ flowDate: old })).toBeFdrError(400, FDR.badRequest, [{ message: FDR.dateTooOld, pathEndsWith: `.${FDR.parameter.flowDate}` }]);
  });

  await test.step('an unknown PSP → 400 FDR-2000', async () => {
    expect(await fdr.list({ pspId: UNKNOWN_PSP })).toBeFdrError(400, FDR.unknownPspCode, [{ message: FDR.unknownPsp(UNKNOWN_PSP) }]);
  });
});

/** The configured PSP, else the PSP of a published flow (undefined when there is neither). */
async function knownPsp(fdr: FdrClient, configured: string | undefined): Promise<string | undefined> {
  if (configured) return configured;
  const listed = await fdr.list({ size: 1 });
  expect(listed).toHaveStatus(200);
  return listed.response.body.data[0]?.pspId;
}

test('[FDR-02] unknown flow or malformed flow name', async ({ fdr, config }) => {
  const psp = await knownPsp(fdr, config.fdr.pspId);
  test.skip(!psp, 'Nessun PSP noto: impostare FDR_PSP_ID (o CHECKOUT_PSP_ID) / no known PSP: set FDR_PSP_ID (or CHECKOUT_PSP_ID)');
  const today = new Date().toISOString().slice(0, 10);
  // A suffix no PSP uses: the run id, in letters and digits.
  const unknown = { fdr: `${today}${psp}-C${config.runId}`, revision: 1, pspId: psp! };

  await test.step('unknown flow → 404 FDR-3001', async () => {
    expect(await fdr.flow(unknown)).toBeFdrError(404, FDR.flowNotFoundCode, [{ message: FDR.flowNotFound(unknown.fdr) }]);
  });

  await test.step("the name's first 10 characters are not a date → 400 FDR-3008", async () => {
    const name = `notadate00${psp}-1`;
    expect(await fdr.flow({ ...unknown, fdr: name })).toBeFdrError(400, FDR.badFlowDateCode, [{ message: FDR.badFlowDate(name) }]);
  });

  await test.step('the date is followed by another PSP → 400 FDR-3009', async () => {
    const name = `${today}OTHERPSP-1`;
    expect(await fdr.flow({ ...unknown, fdr: name })).toBeFdrError(400, FDR.badFlowPspCode, [{ message: FDR.badFlowPsp(name) }]);
  });

  await test.step('payments of the unknown flow → 404 FDR-3001', async () => {
    expect(await fdr.payments(unknown)).toBeFdrError(404, FDR.flowNotFoundCode, [{ message: FDR.flowNotFound(unknown.fdr) }]);
  });
});
