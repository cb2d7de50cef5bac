import { test, expect } from '../../fixtures/index.ts';
import { GPD } from '../../lib/texts/gpd.ts';

// The GPD API v1 cases: not applicable when the EC implements only v3 (GPD_API_VERSIONS).
test.use({ gpdApiVersion: 'v1' });

test('[GPD-PUB-01] publish a draft without validity date → VALID', async ({ gpd, positions, factory }) => {
  const body = factory.position();
  await positions.createOk(body);
  const res = await gpd.publish(body.iupd);
  expect(res).toHaveStatus(200);
  expect(res.response.body.status).toBe('VALID');
  expect((await gpd.get(body.iupd)).response.body.status).toBe('VALID');
});

test('[GPD-PUB-02] publish a draft with a future validity date → PUBLISHED', async ({ gpd, positions, factory }) => {
  const body = factory.position({ validityDate: factory.at(3) });
  await positions.createOk(body);
  const res = await gpd.publish(body.iupd);
  expect(res).toHaveStatus(200);
  expect(res.response.body.status).toBe('PUBLISHED');
});

test('[GPD-PUB-03] publish twice → 409', async ({ gpd, positions, factory, config }) => {
  const body = factory.position();
  await positions.createOk(body);
  expect(await gpd.publish(body.iupd)).toHaveStatus(200);
  const again = await gpd.publish(body.iupd);
  expect(again).toBeProblem(409, GPD.notPublishableTitle, GPD.notPublishable(config.ecFiscalCode, body.iupd));
});

test('[GPD-PUB-04] publish after the due date → 409', async ({ gpd, positions, factory, config }) => {
  const body = factory.position();
  await positions.createOk(body);

  await test.step("Move the draft's dates into the past (allowed on update when switchToExpired=false)", async () => {
    const option = { ...body.paymentOption[0]!, dueDate: factory.at(-1) };
    const res = await gpd.update(body.iupd, { ...body, switchToExpired: false, validityDate: factory.at(-2), paymentOption: [option] });
    expect(res).toHaveStatus(200);
    expect(res.response.body.status).toBe('DRAFT');
  });

  const res = await gpd.publish(body.iupd);
  expect(res).toBeProblem(409, GPD.publishAfterDueDateTitle, GPD.publishAfterDueDate(config.ecFiscalCode, body.iupd));
});
