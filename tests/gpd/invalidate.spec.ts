import { test, expect } from '../../fixtures/index.ts';
import { GPD } from '../../lib/texts/gpd.ts';

// The GPD API v1 cases: not applicable when the EC implements only v3 (GPD_API_VERSIONS).
test.use({ gpdApiVersion: 'v1' });

test('[GPD-INV-01] invalidate a VALID position → INVALID, terminal', async ({ gpd, positions, factory, config }) => {
  const body = factory.position();
  await positions.createOk(body, { toPublish: true });
  const res = await gpd.invalidate(body.iupd);
  expect(res).toHaveStatus(200);
  expect(res.response.body.status).toBe('INVALID');
  expect((await gpd.get(body.iupd)).response.body.status).toBe('INVALID');

  await test.step('INVALID is terminal: it cannot be invalidated or published again', async () => {
    expect(await gpd.invalidate(body.iupd)).toBeProblem(409, GPD.notInvalidableTitle, GPD.notInvalidable(config.ecFiscalCode, body.iupd));
    expect(await gpd.publish(body.iupd)).toBeProblem(409, GPD.notPublishableTitle);
  });
});

test('[GPD-INV-02] invalidate a draft → 409', async ({ gpd, positions, factory, config }) => {
  const body = factory.position();
  await positions.createOk(body);
  expect(await gpd.invalidate(body.iupd)).toBeProblem(409, GPD.notInvalidableTitle, GPD.notInvalidable(config.ecFiscalCode, body.iupd));
  expect((await gpd.get(body.iupd)).response.body.status).toBe('DRAFT');
});
