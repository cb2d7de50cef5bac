import { test, expect, cartNotice, type PaidCart } from '../../fixtures/index.ts';
import { cartLocation, MAX_CART_NOTICES } from '../../lib/http/cart-client.ts';
import { CARTS } from '../../lib/texts/checkout-carts.ts';
import type { ReceiptsClient } from '../../lib/http/receipts-client.ts';
import type { CartPaymentNotice } from '../../lib/schema-types.ts';

/** GPD's receipts service has the receipt of a Checkout payment within this (UAT builds it asynchronously). */
const RECEIPT_TIMEOUT_MS = 120_000;

/** The payment data GPD keeps on a paid option (the fields read here). */
function paidOption(notice: PaidCart['notices'][number]): { status?: string; pspCompany?: string } {
  return (notice.paid.paymentOption?.[0] ?? {}) as { status?: string; pspCompany?: string };
}

/** Every notice of the cart is PAID on GPD, by the same PSP, and has its receipt. */
async function expectEachPaidWithReceipt(cart: PaidCart, receipts: ReceiptsClient): Promise<void> {
  for (const notice of cart.notices) {
    await test.step(`Notice ${notice.nav}: PO_PAID on GPD and its receipt`, async () => {
      const option = paidOption(notice);
      expect(option.status).toBe('PO_PAID');
      expect(option.pspCompany, 'one payment: the same PSP took every notice').toBe(paidOption(cart.notices[0]!).pspCompany);
      expect(option.pspCompany).toEqual(expect.any(String));
      await expect
        .poll(async () => (await receipts.get(notice.iuv)).response.status, {
          message: `receipt of IUV ${notice.iuv} available`,
          timeout: RECEIPT_TIMEOUT_MS,
          intervals: [1_000, 2_000, 5_000],
        })
        .toBe(200);
    });
  }
}

test('[PAY-10] carrello di un avviso inviato dal portale dell’EC e pagato', async ({ payCartOnCheckout, factory, receipts }) => {
  const cart = await payCartOnCheckout([factory.position()]);
  expect(cart.notices).toHaveLength(1);
  expect(cart.total - cart.amount, 'the fee charged on top of the notice').toBeGreaterThanOrEqual(0);
  await expectEachPaidWithReceipt(cart, receipts);
});

test('[PAY-11] carrello di più avvisi pagato in una sola transazione', async ({ payCartOnCheckout, factory, receipts }) => {
  const bodies = [12_000, 3_050, 99].map((amount) => factory.position({ paymentOption: [factory.option({ amount })] }));
  const cart = await payCartOnCheckout(bodies);
  expect(cart.notices.map((n) => n.amount)).toEqual([12_000, 3_050, 99]);
  expect(cart.amount).toBe(15_149);
  await expectEachPaidWithReceipt(cart, receipts);
});

test('[PAY-12] carrello non valido rifiutato', async ({ carts, portal, positions, factory, gpd, config }) => {
  const bodies = Array.from({ length: MAX_CART_NOTICES + 1 }, () => factory.position());
  const notices: CartPaymentNotice[] = [];
  for (const body of bodies) notices.push(cartNotice(body, await positions.createOk(body, { toPublish: true }), config.ecFiscalCode));
  const refused = { title: CARTS.invalidRequestTitle, status: 400, detail: CARTS.invalidRequest };

  await test.step(`${notices.length} notices (at most ${MAX_CART_NOTICES}) → 400`, async () => {
    const res = await carts.create({ paymentNotices: notices, returnUrls: portal.returnUrls }, { invalidOnPurpose: true });
    expect(res).toHaveStatus(400);
    expect(res.response.body).toMatchObject(refused);
    expect(cartLocation(res), 'no redirect to Checkout').toBeUndefined();
  });

  await test.step('a notice number of 17 digits → 400', async () => {
    const res = await carts.create(
      { paymentNotices: [{ ...notices[0]!, noticeNumber: notices[0]!.noticeNumber.slice(1) }], returnUrls: portal.returnUrls },
      { invalidOnPurpose: true },
    );
    expect(res).toHaveStatus(400);
    expect(res.response.body).toMatchObject(refused);
  });

  await test.step('the same notice twice → 422', async () => {
    const res = await carts.create({ paymentNotices: [notices[0]!, notices[0]!], returnUrls: portal.returnUrls });
    expect(res).toHaveStatus(422);
    expect(res.response.body).toMatchObject({ title: CARTS.invalidPaymentInfoTitle, status: 422, detail: CARTS.duplicateNotices });
    expect(cartLocation(res)).toBeUndefined();
  });

  await test.step('the positions are untouched: VALID, unpaid', async () => {
    for (const body of bodies) {
      const res = await gpd.get(body.iupd);
      expect(res).toHaveStatus(200);
      expect(res.response.body).toMatchObject({ iupd: body.iupd, status: 'VALID' });
    }
  });
});
