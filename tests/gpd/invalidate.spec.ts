import { test, expect } from '../../fixtures/index.ts';

const NOT_INVALIDABLE = 'Existing related payment found or not in invalidable state';

test('[GPD-INV-01] invalidate a VALID position → INVALID, terminal', async ({ gpd, positions, factory, config }) => {
  const body = factory.position();
  await positions.createOk(body, { toPublish: true });
  const res = await gpd.invalidate(body.iupd);
  expect(res).toHaveStatus(200);
  expect(res.response.body.status).toBe('INVALID');
  expect((await gpd.get(body.iupd)).response.body.status).toBe('INVALID');

  await test.step('INVALID is terminal: it cannot be invalidated or published again', async () => {
    expect(await gpd.invalidate(body.iupd)).toBeProblem(
      409,
      NOT_INVALIDABLE,
      `A payment transaction has already been carried out or, the debt position with Organization Fiscal Code ${config.ecFiscalCode} and IUPD ${body.iupd}, is not in invalidable state`,
    );
    expect(await gpd.publish(body.iupd)).toBeProblem(409, 'Existing related payment found or not in publishable state');
  });
});

test('[GPD-INV-02] invalidate a draft → 409', async ({ gpd, positions, factory, config }) => {
  const body = factory.position();
  await positions.createOk(body);
  expect(await gpd.invalidate(body.iupd)).toBeProblem(
    409,
    NOT_INVALIDABLE,
    `A payment transaction has already been carried out or, the debt position with Organization Fiscal Code ${config.ecFiscalCode} and IUPD ${body.iupd}, is not in invalidable state`,
  );
  expect((await gpd.get(body.iupd)).response.body.status).toBe('DRAFT');
});
