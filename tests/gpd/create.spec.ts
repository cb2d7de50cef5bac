import { createHash } from 'node:crypto';
import { test, expect, literal } from '../../fixtures/index.ts';
import type { Transfer } from '../../lib/gpd/model.ts';
import { GPD } from '../../lib/texts/gpd.ts';

// The GPD API v1 cases: not applicable when the EC implements only v3 (GPD_API_VERSIONS).
test.use({ gpdApiVersion: 'v1' });

test('[GPD-CRE-01] create a draft (toPublish=false) → DRAFT', async ({ positions, factory }) => {
  const body = factory.position();
  const created = await positions.createOk(body, { toPublish: false });
  expect(created.status).toBe('DRAFT');
  expect(created.iupd).toBe(body.iupd);
  const option = created.paymentOption[0]!;
  expect(option.iuv).toBe(body.paymentOption[0]!.iuv);
  expect(option.nav, 'NAV = aux digit 3 + IUV').toBe(`3${option.iuv}`);
  expect(option.amount).toBe(body.paymentOption[0]!.amount);
});

test('[GPD-CRE-02] create and publish without validity date → VALID', async ({ positions, factory }) => {
  const created = await positions.createOk(factory.position(), { toPublish: true });
  expect(created.status).toBe('VALID');
});

test('[GPD-CRE-03] create and publish with a future validity date → PUBLISHED', async ({ positions, factory }) => {
  const body = factory.position({ validityDate: factory.at(2) });
  const created = await positions.createOk(body, { toPublish: true });
  expect(created.status).toBe('PUBLISHED');
});

test('[GPD-CRE-04] multi-beneficiary position: a transfer to a second EC', async ({ positions, factory, config }) => {
  const option = factory.option({ amount: 10_000 });
  option.transfer = [
    factory.transfer({ idTransfer: '1', amount: 7_000 }),
    factory.transfer({ idTransfer: '2', amount: 3_000, organizationFiscalCode: config.secondEcFiscalCode, companyName: 'Ente beneficiario secondario' }),
  ];
  const created = await positions.createOk(factory.position({ paymentOption: [option] }), { toPublish: true });
  const transfers = created.paymentOption[0]!.transfer;
  expect(transfers).toHaveLength(2);
  expect(transfers.map((t) => [t.idTransfer, t.organizationFiscalCode, t.amount])).toEqual([
    ['1', config.ecFiscalCode, 7_000],
    ['2', config.secondEcFiscalCode, 3_000],
  ]);
});

test('[GPD-CRE-05] installment plan: three installments and a single full-payment option', async ({ positions, factory }) => {
  const installments = [30, 60, 90].map((days) =>
    factory.option({ amount: 4_000, isPartialPayment: true, dueDate: factory.at(days), description: `Rata a ${days} giorni` }),
  );
  const full = factory.option({ amount: 12_000, isPartialPayment: false, dueDate: factory.at(30), description: 'Soluzione unica' });
  const created = await positions.createOk(factory.position({ paymentOption: [full, ...installments] }), { toPublish: true });
  expect(created.status).toBe('VALID');
  expect(created.paymentOption).toHaveLength(4);
  const navs = created.paymentOption.map((o) => o.nav);
  expect(new Set(navs).size, 'every option has its own NAV').toBe(4);
  for (const option of created.paymentOption) expect(option.nav).toBe(`3${option.iuv}`);
  expect(created.paymentOption.filter((o) => o.isPartialPayment === true)).toHaveLength(3);
});

test('[GPD-CRE-06] digital stamp transfer (marca da bollo digitale)', async ({ positions, factory }) => {
  const stamp = { hashDocument: createHash('sha256').update(factory.iupd()).digest('base64'), stampType: '01', provincialResidence: 'RM' };
  const option = factory.option({ amount: 11_600 });
  option.transfer = [factory.transfer({ idTransfer: '1', amount: 10_000 }), factory.transfer({ idTransfer: '2', amount: 1_600, iban: undefined, stamp })];
  const created = await positions.createOk(factory.position({ paymentOption: [option] }));
  const stampTransfer = created.paymentOption[0]!.transfer.find((t) => t.idTransfer === '2');
  // What we sent, not the whole object: the platform may add fields (a schema warning, issue 11 §4).
  expect(stampTransfer?.stamp).toMatchObject(stamp);
  expect(stampTransfer?.iban ?? null).toBeNull();
});

test('[GPD-CRE-07] duplicate IUPD → 409', async ({ positions, factory, config }) => {
  const first = factory.position();
  await positions.createOk(first);
  const res = await positions.create(factory.position({ iupd: first.iupd }));
  expect(res).toBeProblem(409, GPD.uniquenessTitle, GPD.alreadyExists(config.ecFiscalCode));
});

test('[GPD-CRE-08] duplicate IUV → 409', async ({ positions, factory, config, gpd }) => {
  const first = factory.position();
  await positions.createOk(first);
  const second = factory.position();
  second.paymentOption[0]!.iuv = first.paymentOption[0]!.iuv;
  const res = await positions.create(second);
  expect(res).toBeProblem(409, GPD.uniquenessTitle, GPD.alreadyExists(config.ecFiscalCode));
  expect(await gpd.get(second.iupd), 'no position was created for the second IUPD').toHaveStatus(404);
});

test('[GPD-CRE-09] option amount differs from the transfers total → 400', async ({ positions, factory, gpd }) => {
  const option = factory.option({ amount: 10_000 });
  option.transfer = [factory.transfer({ amount: 9_000 })];
  const body = factory.position({ paymentOption: [option] });
  const res = await positions.create(body);
  expect(res).toBeProblem(400, GPD.dataErrorTitle, GPD.amountsMismatch(10000, 9000));
  expect(await gpd.get(body.iupd)).toHaveStatus(404);
});

test('[GPD-CRE-10] more than 5 transfers → 400', async ({ positions, factory }) => {
  const option = factory.option({ amount: 6_000 });
  option.transfer = (['1', '2', '3', '4', '5', '5'] as const).map((idTransfer) => factory.transfer({ idTransfer, amount: 1_000 }));
  const res = await positions.create(factory.position({ paymentOption: [option] }), { invalidOnPurpose: true });
  expect(res).toBeProblem(400, GPD.dataErrorTitle, GPD.tooManyTransfers(6));
});

test('[GPD-CRE-11] IBAN and stamp on the same transfer → 400', async ({ positions, factory }) => {
  const option = factory.option();
  option.transfer = [factory.transfer({ amount: option.amount, stamp: { hashDocument: 'ZmFrZWhhc2g=', stampType: '01', provincialResidence: 'MI' } })];
  const res = await positions.create(factory.position({ paymentOption: [option] }));
  expect(res).toBeProblem(400, GPD.dataErrorTitle, GPD.ibanAndStamp(option.iuv, '1'));
});

test('[GPD-CRE-12] due date in the past → 400', async ({ positions, factory }) => {
  const res = await positions.create(factory.position({ paymentOption: [factory.option({ dueDate: factory.at(-1) })] }));
  expect(res).toBeProblem(400, GPD.dataErrorTitle, new RegExp(`^${literal(GPD.dueDateCongruence)}`));
});

test('[GPD-CRE-13] idTransfer outside 1..5 → 400', async ({ positions, factory }) => {
  const option = factory.option();
  // '6' is deliberately outside the schema's enum.
  option.transfer = [factory.transfer({ idTransfer: '6' as Transfer['idTransfer'], amount: option.amount })];
  const res = await positions.create(factory.position({ paymentOption: [option] }), { invalidOnPurpose: true });
  expect(res).toBeProblem(400, GPD.dataErrorTitle, GPD.transferIdCongruence('6'));
});

test('[GPD-CRE-14] missing required fields → 400 naming them', async ({ gpd, positions, factory }) => {
  const body = factory.position();
  positions.track(body.iupd);
  const { fiscalCode: _debtor, ...withoutDebtor } = body;
  const { iuv: _iuv, ...optionWithoutIuv } = body.paymentOption[0]!;
  const res = await gpd.create({ ...withoutDebtor, paymentOption: [optionWithoutIuv] }, {}, { invalidOnPurpose: true });
  expect(res).toBeProblem(400, GPD.badRequestTitle, /fiscalCode/);
  expect(res).toBeProblem(400, GPD.badRequestTitle, /iuv/);
  expect(await gpd.get(body.iupd)).toHaveStatus(404);
});

test('[GPD-CRE-15] validity date in the past → 400', async ({ positions, factory }) => {
  const res = await positions.create(factory.position({ validityDate: factory.at(-1) }), { toPublish: true });
  expect(res).toBeProblem(400, GPD.dataErrorTitle, new RegExp(`^${literal(GPD.validityDateCongruence)}`));
});

test('[GPD-CRE-16] malformed JSON → 400 and nothing created', async ({ gpd, positions, factory }) => {
  const iupd = factory.iupd();
  positions.track(iupd);
  const res = await gpd.createRaw(`{"iupd": "${iupd}", "type": "F", "paymentOption": [`);
  expect(res).toBeProblem(400, GPD.badRequestTitle);
  expect(await gpd.get(iupd)).toHaveStatus(404);
});
