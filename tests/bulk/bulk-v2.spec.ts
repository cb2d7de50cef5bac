import { test, expect, literal } from '../../fixtures/index.ts';
import { GPD } from '../../lib/texts/gpd.ts';

const statusOf = (res: { response: { body: { status: string } } }) => res.response.body.status;

test('[BLK-01] bulk create (v2) → 201, every position VALID', async ({ gpdBulk, gpd, positions, factory }) => {
  const batch = Array.from({ length: 10 }, () => factory.position());
  batch.forEach((p) => positions.track(p.iupd));
  const res = await gpdBulk.createMany(batch, { toPublish: true });
  expect(res).toHaveStatus(201);
  expect(res.response.text, 'no body').toBe('');
  for (const position of batch) expect(statusOf(await gpd.get(position.iupd)), position.iupd).toBe('VALID');
});

test('[BLK-02] bulk update (v2) → 200, every position updated', async ({ gpdBulk, gpd, positions, factory }) => {
  const batch = Array.from({ length: 10 }, () => factory.position());
  batch.forEach((p) => positions.track(p.iupd));
  expect(await gpdBulk.createMany(batch)).toHaveStatus(201);
  const updated = batch.map((p) => ({ ...p, paymentOption: p.paymentOption.map((o) => ({ ...o, description: `Rettifica ${p.iupd.slice(-6)}` })) }));
  const res = await gpdBulk.updateMany(updated, { toPublish: true });
  expect(res).toHaveStatus(200);
  expect(res.response.text, 'no body').toBe('');
  for (const position of updated) {
    const read = (await gpd.get(position.iupd)).response.body;
    expect([read.status, read.paymentOption[0]!.description]).toEqual(['VALID', position.paymentOption[0]!.description]);
  }
});

test('[BLK-03] bulk delete (v2) → 200 plain message, then 404', async ({ gpdBulk, gpd, positions, factory }) => {
  const batch = Array.from({ length: 5 }, () => factory.position());
  batch.forEach((p) => positions.track(p.iupd));
  expect(await gpdBulk.createMany(batch)).toHaveStatus(201);
  const res = await gpdBulk.deleteMany(batch.map((p) => p.iupd));
  expect(res).toHaveStatus(200);
  expect(res.response.text, 'v2 answers the plain text, without the quotes of v1').toBe(GPD.deleted);
  for (const position of batch) expect(await gpd.get(position.iupd)).toHaveStatus(404);
});

test('[BLK-04] atomicity: one invalid position rejects the whole batch', async ({ gpdBulk, gpd, positions, factory, config }) => {
  await test.step('a batch with one amount mismatch → 400, nothing created', async () => {
    const batch = Array.from({ length: 5 }, () => factory.position());
    batch.forEach((p) => positions.track(p.iupd));
    batch[2]!.paymentOption[0]!.transfer[0]!.amount -= 1;
    const res = await gpdBulk.createMany(batch, { toPublish: true });
    expect(res).toBeProblem(400, GPD.dataErrorTitle, new RegExp(`^${literal(GPD.amountsCongruence)}`));
    for (const position of batch) expect(await gpd.get(position.iupd), `${position.iupd} was not created`).toHaveStatus(404);
  });

  await test.step('a batch whose last position duplicates an existing IUPD → 409, nothing created', async () => {
    const existing = factory.position();
    await positions.createOk(existing);
    const batch = [...Array.from({ length: 4 }, () => factory.position()), factory.position({ iupd: existing.iupd })];
    batch.forEach((p) => positions.track(p.iupd));
    const res = await gpdBulk.createMany(batch);
    expect(res).toBeProblem(409, GPD.uniquenessTitle, GPD.alreadyExists(config.ecFiscalCode));
    for (const position of batch.slice(0, 4)) expect(await gpd.get(position.iupd), `${position.iupd} was not created`).toHaveStatus(404);
  });

  await test.step('an update naming a missing IUPD → 404 listing it, nothing changed', async () => {
    const present = factory.position();
    await positions.createOk(present);
    const missing = factory.position();
    const res = await gpdBulk.updateMany([{ ...present, companyName: 'Cambiato' }, missing]);
    // The notes give the missing IUPDs in brackets; the service code may list every requested one: accept both.
    expect(res).toBeProblem(
      404,
      GPD.notFoundTitle,
      // The template up to "IUPD ", then the bracketed list.
      new RegExp(`^${literal(GPD.notFound(config.ecFiscalCode, ''))}\\[(.*, )?${literal(missing.iupd)}(, .*)?\\]$`),
    );
    expect((await gpd.get(present.iupd)).response.body.companyName).toBe(present.companyName);
  });
});

test('[BLK-05] batch limits: 101 positions and 21 IUPDs → 400', async ({ gpdBulk, gpd, factory }) => {
  // Not tracked one by one: none may exist, and the teardown sweep removes any the platform kept.
  const batch = Array.from({ length: 101 }, () => factory.position());
  const tooMany = await gpdBulk.createMany(batch, {}, { invalidOnPurpose: true });
  expect(tooMany).toBeProblem(400, GPD.badRequestTitle);
  expect(await gpd.get(batch[0]!.iupd), 'nothing was created').toHaveStatus(404);
  const iupds = Array.from({ length: 21 }, () => factory.iupd());
  expect(await gpdBulk.deleteMany(iupds, { invalidOnPurpose: true })).toBeProblem(400, GPD.badRequestTitle);
});
