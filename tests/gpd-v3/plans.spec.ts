// GPD v3 (issue 13): debt positions with several payment plans, for an EC that uses v3 (GPD_API_VERSIONS).
import { test, expect } from '../../fixtures/index.ts';
import { gpdDate, type DebtPositionV3 } from '../../lib/gpd/model.ts';
import { GPD } from '../../lib/texts/gpd.ts';
import type { PaymentOptionModelResponseV3, PaymentOptionModelV3 } from '../../lib/schema-types.ts';

test.use({ gpdApiVersion: 'v3' });

const DAY_MS = 86_400_000;

type AnswerOption = PaymentOptionModelV3 | PaymentOptionModelResponseV3;

/** The answered option holding the first installment of `sent` (GPD orders options by earliest due date). */
function optionOf(options: readonly AnswerOption[] | undefined, sent: DebtPositionV3['paymentOption'][number]): AnswerOption | undefined {
  return options?.find((o) => o.installments?.[0]?.iuv === sent.installments[0]!.iuv);
}

/** What GPD must answer for an option the suite sent: its debtor, and its installments in due-date order. */
function expectedOption(sent: DebtPositionV3['paymentOption'][number], status = 'UNPAID') {
  return {
    switchToExpired: sent.switchToExpired,
    debtor: { type: sent.debtor.type, fiscalCode: sent.debtor.fiscalCode, fullName: sent.debtor.fullName },
    installments: sent.installments.map((i) => ({ iuv: i.iuv, nav: `3${i.iuv}`, amount: i.amount, description: i.description, status })),
  };
}

/** Every installment of the position due `days`..`days + n` days from now (a window only this case's positions use). */
function dueFrom(body: DebtPositionV3, days: number, at: (days: number) => string): DebtPositionV3 {
  let n = 0;
  for (const option of body.paymentOption) for (const installment of option.installments) installment.dueDate = at(days + n++);
  return body;
}

test('[GPD-V3-01] create with two payment plans and a single payment → VALID, plans and debtors as sent', async ({ positionsV3, factory }) => {
  const body = factory.positionV3();
  const created = await positionsV3.createOk(body, { toPublish: true });
  expect(created).toMatchObject({ iupd: body.iupd, companyName: body.companyName, status: 'VALID' });
  expect(created.paymentOption, 'one option per plan and one for the single payment').toHaveLength(3);
  for (const sent of body.paymentOption) {
    const got = optionOf(created.paymentOption, sent);
    expect(got, `option of IUV ${sent.installments[0]!.iuv}`).toMatchObject(expectedOption(sent));
    expect(
      got!.installments!.map((i) => String(i.dueDate).slice(0, 19)),
      'installments in due-date order',
    ).toEqual(sent.installments.map((i) => i.dueDate));
  }
});

test('[GPD-V3-02] publish a v3 draft → VALID; publish again → 409', async ({ gpdV3, positionsV3, factory, config }) => {
  const body = factory.positionV3();
  expect((await positionsV3.createOk(body)).status).toBe('DRAFT');
  const published = await gpdV3.publish(body.iupd);
  expect(published).toHaveStatus(200);
  expect(published.response.body).toMatchObject({ iupd: body.iupd, status: 'VALID' });
  expect(published.response.body.paymentOption).toHaveLength(3);
  const again = await gpdV3.publish(body.iupd);
  expect(again).toHaveStatus(409);
  expect(again.response.body).toMatchObject({ title: GPD.notPublishableTitle, detail: GPD.notPublishable(config.ecFiscalCode, body.iupd) });
});

test('[GPD-V3-03] read a position with plans → data consistent with creation', async ({ gpdV3, positionsV3, factory, config }) => {
  const body = factory.positionV3();
  await positionsV3.createOk(body, { toPublish: true });
  const res = await gpdV3.get(body.iupd);
  expect(res).toHaveStatus(200);
  const read = res.response.body;
  expect(read).toMatchObject({ iupd: body.iupd, organizationFiscalCode: config.ecFiscalCode, companyName: body.companyName, status: 'VALID' });
  expect(read.paymentOption).toHaveLength(3);
  for (const sent of body.paymentOption) {
    const got = optionOf(read.paymentOption, sent) as PaymentOptionModelResponseV3 | undefined;
    expect(got, `option of IUV ${sent.installments[0]!.iuv}`).toMatchObject(expectedOption(sent));
    for (const [i, installment] of (got?.installments ?? []).entries()) {
      const transfer = sent.installments[i]!.transfer[0]!;
      expect(installment).toMatchObject({ organizationFiscalCode: config.ecFiscalCode });
      expect(installment.transfer?.[0]).toMatchObject({
        idTransfer: '1',
        amount: transfer.amount,
        iban: transfer.iban,
        category: transfer.category,
        status: 'T_UNREPORTED',
      });
    }
  }
});

test('[GPD-V3-04] list with status and due-date filters → the v3 positions expected', async ({ gpdV3, positionsV3, factory }) => {
  const published = dueFrom(factory.positionV3(), 300, (d) => factory.at(d));
  const draft = dueFrom(factory.positionV3(), 300, (d) => factory.at(d));
  await positionsV3.createOk(published, { toPublish: true });
  await positionsV3.createOk(draft);
  const window = { due_date_from: gpdDate(new Date(Date.now() + 299 * DAY_MS)), due_date_to: gpdDate(new Date(Date.now() + 320 * DAY_MS)) };
  const list = async (status: 'VALID' | 'DRAFT') => {
    const res = await gpdV3.list({ ...window, status, orderby: 'INSERTED_DATE', ordering: 'DESC', limit: 50 });
    expect(res).toHaveStatus(200);
    expect(res.response.body.page_info).toMatchObject({ page: 0, limit: 50 });
    return res.response.body.payment_position_list;
  };
  const valid = await list('VALID');
  expect(
    valid.find((p) => p.iupd === published.iupd),
    'the published position, with its options',
  ).toMatchObject({ status: 'VALID', paymentOption: expect.any(Array) });
  expect(valid.map((p) => p.iupd)).not.toContain(draft.iupd);
  const drafts = await list('DRAFT');
  expect(drafts.map((p) => p.iupd)).toContain(draft.iupd);
  expect(drafts.map((p) => p.iupd)).not.toContain(published.iupd);
});

test('[GPD-V3-05] update the plans with toPublish=true → VALID with the new plans; another IUPD in the body → 400', async ({ gpdV3, positionsV3, factory }) => {
  const body = factory.positionV3();
  await positionsV3.createOk(body, { toPublish: true });
  const changed = structuredClone(body);
  changed.paymentOption = changed.paymentOption.slice(0, 2);
  const single = changed.paymentOption[0]!.installments[0]!;
  single.amount = 11_000;
  single.transfer[0]!.amount = 11_000;
  const updated = await gpdV3.update(body.iupd, changed, { toPublish: true });
  expect(updated).toHaveStatus(200);
  expect(updated.response.body).toMatchObject({ iupd: body.iupd, status: 'VALID' });
  expect(updated.response.body.paymentOption).toHaveLength(2);
  const read = await gpdV3.get(body.iupd);
  expect(read).toHaveStatus(200);
  expect(read.response.body.paymentOption).toHaveLength(2);
  expect(optionOf(read.response.body.paymentOption, changed.paymentOption[0]!)).toMatchObject(expectedOption(changed.paymentOption[0]!));
  const mismatch = await gpdV3.update(body.iupd, { ...changed, iupd: `${body.iupd}-X` }, { toPublish: true });
  expect(mismatch).toHaveStatus(400);
  expect(mismatch.response.body).toMatchObject({ title: GPD.dataErrorTitle, detail: GPD.iupdMismatch(body.iupd, `${body.iupd}-X`) });
});

test('[GPD-V3-06] delete a v3 position → 200, then 404', async ({ gpdV3, positionsV3, factory, config }) => {
  const body = factory.positionV3();
  await positionsV3.createOk(body, { toPublish: true });
  const deleted = await gpdV3.delete(body.iupd);
  expect(deleted).toHaveStatus(200);
  expect(deleted.response.body).toBe(GPD.deleted);
  const read = await gpdV3.get(body.iupd);
  expect(read).toHaveStatus(404);
  expect(read.response.body).toMatchObject({ title: GPD.notFoundTitle, detail: GPD.notFound(config.ecFiscalCode, body.iupd) });
});

test('[GPD-V3-07] a position with several plans through v1: GET → 422, left out of the v1 list; listed by v3', async ({
  gpd,
  gpdV3,
  positionsV3,
  factory,
  config,
}) => {
  const body = dueFrom(factory.positionV3(), 330, (d) => factory.at(d));
  await positionsV3.createOk(body, { toPublish: true });
  const read = await gpd.get(body.iupd);
  expect(read).toHaveStatus(422);
  expect(read.response.body).toMatchObject({ title: GPD.multiInstallmentV1Title, detail: GPD.multiInstallmentV1(config.ecFiscalCode, body.iupd) });
  const query = {
    status: 'VALID',
    due_date_from: gpdDate(new Date(Date.now() + 329 * DAY_MS)),
    due_date_to: gpdDate(new Date(Date.now() + 350 * DAY_MS)),
    orderby: 'INSERTED_DATE',
    ordering: 'DESC',
    limit: 50,
  } as const;
  const v1 = await gpd.list(query);
  expect(v1).toHaveStatus(200);
  expect(
    v1.response.body.payment_position_list.map((p) => p.iupd),
    'v1 leaves out positions with several plans',
  ).not.toContain(body.iupd);
  const v3 = await gpdV3.list(query);
  expect(v3).toHaveStatus(200);
  expect(v3.response.body.payment_position_list.map((p) => p.iupd)).toContain(body.iupd);
});
