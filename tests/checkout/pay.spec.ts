import { test, expect, CARD_PAYMENT_SEQUENCE } from '../../fixtures/index.ts';
import { gpdDateTime } from '../../lib/gpd/model.ts';
import { navFromIuv } from '../../lib/ids.ts';
import { TEXTS } from '../../pages/checkout/texts.ts';

type Fixtures = Parameters<Parameters<typeof test>[2]>[0];

/** The payment data GPD keeps on a paid option (the fields read here). */
interface PaidOption {
  status: string;
  paymentDate?: string;
  pspCompany?: string;
  idReceipt?: string;
  fee?: number;
}

test('[PAY-01] card payment of a VALID notice → outcome page, position PAID on GPD', async ({ payOnCheckout, checkout }) => {
  const paid = await payOnCheckout();

  await test.step('Checkout called its backend in the documented order, each call answered 200', async () => {
    const calls = checkout.backendCalls;
    let next = 0;
    for (const [method, path] of CARD_PAYMENT_SEQUENCE) {
      const index = calls.findIndex((c, i) => i >= next && c.method === method && path.test(c.path) && c.status === 200);
      expect(index, `${method} ${path.source} among calls ${next}.. of ${JSON.stringify(calls)}`).toBeGreaterThanOrEqual(next);
      next = index + 1;
    }
  });

  await test.step('Outcome amount = notice amount + fee of the chosen PSP; the backend answers totalAmount fees excluded', async () => {
    // The fee of the chosen PSP as the front end sent it in the authorization request (euro cents).
    const authorization = checkout.authorization;
    expect(authorization, 'the authorization request carried the amount and the fee').toMatchObject({ amount: paid.amount, fee: expect.any(Number) });
    const fee = authorization!.fee;
    // The outcome page showed `paid.total` (checked when it appeared): the real front end prints totalAmount + fees.
    expect(paid.total, '"Hai pagato" and "Paga" show the notice amount plus the fee').toBe(paid.amount + fee);
    // TransactionOutcomeInfo: totalAmount is the amount paid fees excluded, fees apart.
    await expect
      .poll(() => checkout.finalOutcome, { message: 'the final outcome answered to Checkout' })
      .toMatchObject({ outcome: 0, totalAmount: paid.amount, fees: fee });
  });

  const option = paid.paid.paymentOption[0] as unknown as PaidOption;

  await test.step('GPD holds the payment data', async () => {
    expect(option.status).toBe('PO_PAID');
    expect(paid.paid.paymentDate, 'payment date of the position').toEqual(expect.any(String));
    expect(option.paymentDate, 'payment date of the option').toEqual(expect.any(String));
    expect(option.pspCompany, 'PSP that took the payment').toEqual(expect.any(String));
    expect(option.idReceipt, 'receipt id (payment token)').toEqual(expect.any(String));
    expect.soft(option.fee, 'the fee paid on Checkout').toBe(paid.total - paid.amount);
  });
});

test('[PAY-02] unknown notice → "Non riusciamo a trovare l’avviso"', async ({ checkout, factory, config }) => {
  const noticeNumber = navFromIuv(factory.iuv());
  await checkout.enterNotice({ fiscalCode: config.ecFiscalCode, noticeNumber });
  await checkout.notice.expectError('PAYMENT_UNKNOWN');
});

test('[PAY-03] notice of a DRAFT position → not found', async ({ checkout, positions, factory, config }) => {
  const created = await positions.createOk(factory.position());
  expect(created.status).toBe('DRAFT');
  await checkout.enterNotice({ fiscalCode: config.ecFiscalCode, noticeNumber: created.paymentOption[0]!.nav });
  await checkout.notice.expectError('PAYMENT_UNKNOWN');
});

test('[PAY-04] notice of an INVALID position → revoked', async ({ checkout, positions, factory, gpd, config }) => {
  const body = factory.position();
  const created = await positions.createOk(body, { toPublish: true });
  expect(await gpd.invalidate(body.iupd)).toHaveStatus(200);
  await checkout.enterNotice({ fiscalCode: config.ecFiscalCode, noticeNumber: created.paymentOption[0]!.nav });
  await checkout.notice.expectError('PAYMENT_CANCELED');
});

test('[PAY-05] notice past its due date with switchToExpired → expired', async ({ checkout, positions, factory, config }) => {
  // Due in a few seconds: creation needs a future due date; the Node sees the expiry once it has passed.
  const base = factory.position({ switchToExpired: true });
  const body = { ...base, paymentOption: [{ ...base.paymentOption[0]!, dueDate: factory.at(0, 8_000) }] };
  const created = await positions.createOk(body, { toPublish: true });
  const notice = { fiscalCode: config.ecFiscalCode, noticeNumber: created.paymentOption[0]!.nav };
  await expect(async () => {
    await checkout.openDeepLink(notice);
    await checkout.notice.expectError('PAYMENT_EXPIRED', 5_000);
  }, 'Checkout reports the notice expired once its due date has passed').toPass({ timeout: 120_000, intervals: [2_000, 5_000, 10_000] });
});

test('[PAY-06] notice already paid → "Questo avviso è stato già pagato!"', async ({ checkout, positions, factory, gpd, config }) => {
  const created = await positions.createOk(factory.position(), { toPublish: true });
  const noticeNumber = created.paymentOption[0]!.nav;
  // Paid outside pagoPA and reported by the EC ("paids"): for the Node the notice is paid.
  expect(await gpd.markAsPaid(noticeNumber, gpdDateTime(new Date()))).toHaveStatus(200);
  await checkout.enterNotice({ fiscalCode: config.ecFiscalCode, noticeNumber });
  await checkout.notice.expectError('PAYMENT_DUPLICATED');
});

/** A new VALID notice opened by its deep link, with its payment data checked (in the app's language). */
async function expectNewNoticeByDeepLink({ checkout, positions, factory, config }: Pick<Fixtures, 'checkout' | 'positions' | 'factory' | 'config'>) {
  const body = factory.position();
  const created = await positions.createOk(body, { toPublish: true });
  const option = created.paymentOption[0]!;
  const notice = { fiscalCode: config.ecFiscalCode, noticeNumber: option.nav };
  await checkout.openDeepLink(notice);
  await checkout.summary.expectNotice({ ...notice, amountCents: option.amount, payee: body.companyName });
}

test('[PAY-07] deep link /<fiscal code><notice number> → payment data', async ({ checkout, positions, factory, config }) => {
  await expectNewNoticeByDeepLink({ checkout, positions, factory, config });
});

test.describe('Checkout in English', () => {
  test.use({ checkoutLanguage: 'en' });

  test('[PAY-08] Checkout in English: payment data and errors in English', async ({ checkout, positions, factory, config }) => {
    await expectNewNoticeByDeepLink({ checkout, positions, factory, config });

    await checkout.enterNotice({ fiscalCode: config.ecFiscalCode, noticeNumber: navFromIuv(factory.iuv()) });
    await checkout.notice.expectError('PAYMENT_UNKNOWN');
  });
});

test('[PAY-09] checks on the data entered: notice fields and card fields', async ({ checkout, positions, factory, config }) => {
  const language = checkout.language;
  await checkout.home.open();
  await checkout.home.chooseManualEntry();

  await test.step('empty fields → required', async () => {
    await checkout.notice.continueButton.click();
    await checkout.notice.expectFieldErrors({ noticeNumber: TEXTS.required[language], fiscalCode: TEXTS.required[language] });
  });

  await test.step('wrong lengths → 18 and 11 digits', async () => {
    await checkout.notice.submit('1234567890', '30200000000000001');
    await checkout.notice.expectFieldErrors({ noticeNumber: TEXTS.noticeDigits[language], fiscalCode: TEXTS.fiscalCodeDigits[language] });
  });

  const body = factory.position();
  const created = await positions.createOk(body, { toPublish: true });
  await checkout.notice.submit(config.ecFiscalCode, created.paymentOption[0]!.nav);
  await checkout.summary.goToPayment();
  await checkout.email.submit(config.checkout.payerEmail);
  await checkout.method.chooseCard();

  const card = config.checkout.card;
  const wrongDigit = (Number(card.number.at(-1)) + 1) % 10;
  await checkout.card.enter({ ...card, number: `${card.number.slice(0, -1)}${wrongDigit}` });
  await checkout.card.expectSubmitEnabled(false);
  await checkout.card.enter(card);
  await checkout.card.expectSubmitEnabled(true);
});
