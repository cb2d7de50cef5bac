import { test, expect } from '../../fixtures/index.ts';
import { gpdDateTime } from '../../lib/gpd/model.ts';
import { GPD } from '../../lib/texts/gpd.ts';

// The GPD API v1 cases: not applicable when the EC implements only v3 (GPD_API_VERSIONS).
test.use({ gpdApiVersion: 'v1' });

test('[GPD-UPD-01] update a draft → data replaced, still DRAFT', async ({ gpd, positions, factory }) => {
  const body = factory.position();
  await positions.createOk(body);
  const option = factory.option({ iuv: body.paymentOption[0]!.iuv, amount: 25_050, description: 'Importo rettificato' });
  const updated = { ...body, companyName: 'Comune di Rettifica', paymentOption: [option] };
  const res = await gpd.update(body.iupd, updated);
  expect(res).toHaveStatus(200);
  const read = (await gpd.get(body.iupd)).response.body;
  expect(read.status).toBe('DRAFT');
  expect(read.companyName).toBe('Comune di Rettifica');
  expect(read.paymentOption.map((o) => [o.amount, o.description])).toEqual([[25_050, 'Importo rettificato']]);
});

test('[GPD-UPD-02] update a VALID position with toPublish=true → stays VALID', async ({ gpd, positions, factory }) => {
  const body = factory.position();
  await positions.createOk(body, { toPublish: true });
  const res = await gpd.update(body.iupd, { ...body, officeName: 'Ufficio Tributi' }, { toPublish: true });
  expect(res).toHaveStatus(200);
  expect(res.response.body.status).toBe('VALID');
  expect((await gpd.get(body.iupd)).response.body.status).toBe('VALID');
});

test('[GPD-UPD-03] update a VALID position without toPublish → back to DRAFT (platform trap)', async ({ gpd, positions, factory }) => {
  const body = factory.position();
  await positions.createOk(body, { toPublish: true });
  const res = await gpd.update(body.iupd, { ...body, officeName: 'Ufficio Tributi' });
  expect(res).toHaveStatus(200);
  expect(res.response.body.status, 'the platform resets the position to DRAFT: it is no longer payable').toBe('DRAFT');
  expect((await gpd.get(body.iupd)).response.body.status).toBe('DRAFT');
});

test('[GPD-UPD-04] update an unknown position → 404', async ({ gpd, factory, config }) => {
  const body = factory.position();
  const res = await gpd.update(body.iupd, body);
  expect(res).toBeProblem(404, GPD.notFoundTitle, GPD.notFound(config.ecFiscalCode, body.iupd));
});

test('[GPD-UPD-05] update a paid position → 409', async ({ gpd, positions, factory, config }) => {
  const body = factory.position();
  const created = await positions.createOk(body, { toPublish: true });
  const paid = await gpd.markAsPaid(created.paymentOption[0]!.nav, gpdDateTime(new Date()));
  expect(paid).toHaveStatus(200);
  expect((await gpd.get(body.iupd)).response.body.status).toBe('PAID');
  expect(await gpd.update(body.iupd, body, { toPublish: true })).toBeProblem(409, GPD.notUpdatableTitle, GPD.notUpdatable(config.ecFiscalCode, body.iupd));
});

test('[GPD-UPD-06] update an invalidated position → 409', async ({ gpd, positions, factory, config }) => {
  const body = factory.position();
  await positions.createOk(body, { toPublish: true });
  expect(await gpd.invalidate(body.iupd)).toHaveStatus(200);
  expect(await gpd.update(body.iupd, body, { toPublish: true })).toBeProblem(409, GPD.notUpdatableTitle, GPD.notUpdatable(config.ecFiscalCode, body.iupd));
});

test('[GPD-UPD-07] body IUPD differs from the path IUPD → 400', async ({ gpd, positions, factory }) => {
  const body = factory.position();
  await positions.createOk(body);
  const other = factory.iupd();
  const res = await gpd.update(body.iupd, { ...body, iupd: other });
  expect(res).toBeProblem(400, GPD.dataErrorTitle, GPD.iupdMismatch(body.iupd, other));
});
