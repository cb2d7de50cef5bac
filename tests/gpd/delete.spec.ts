import { test, expect } from '../../fixtures/index.ts';
import { gpdDateTime } from '../../lib/gpd/model.ts';
import { GPD } from '../../lib/texts/gpd.ts';

// The GPD API v1 cases: not applicable when the EC implements only v3 (GPD_API_VERSIONS).
test.use({ gpdApiVersion: 'v1' });

test('[GPD-DEL-01] delete a draft → 200, then 404', async ({ gpd, positions, factory }) => {
  const body = factory.position();
  await positions.createOk(body);
  const res = await gpd.delete(body.iupd);
  expect(res).toHaveStatus(200);
  expect(res.response.text, 'the body is a JSON string, quotes included').toBe(JSON.stringify(GPD.deleted));
  expect(await gpd.get(body.iupd)).toHaveStatus(404);
});

test('[GPD-DEL-02] delete a VALID position → 200, then 404', async ({ gpd, positions, factory }) => {
  const body = factory.position();
  await positions.createOk(body, { toPublish: true });
  expect(await gpd.delete(body.iupd)).toHaveStatus(200);
  expect(await gpd.get(body.iupd)).toHaveStatus(404);
});

test('[GPD-DEL-03] delete a paid position → 409', async ({ gpd, positions, factory, config }) => {
  const body = factory.position();
  const created = await positions.createOk(body, { toPublish: true });
  expect(await gpd.markAsPaid(created.paymentOption[0]!.nav, gpdDateTime(new Date()))).toHaveStatus(200);
  const res = await gpd.delete(body.iupd);
  expect(res).toBeProblem(409, GPD.paymentFoundTitle, GPD.paymentFound(config.ecFiscalCode, body.iupd));
  expect((await gpd.get(body.iupd)).response.body.status).toBe('PAID');
});

test('[GPD-DEL-04] delete an unknown position → 404', async ({ gpd, factory, config }) => {
  const iupd = factory.iupd();
  expect(await gpd.delete(iupd)).toBeProblem(404, GPD.notFoundTitle, GPD.notFound(config.ecFiscalCode, iupd));
});
