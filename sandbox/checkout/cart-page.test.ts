// The sandbox Checkout's cart flow in a real Chromium: the carts API's Location leads (through the redirect page) to
// `/c/<cartId>`, which opens the e-mail page with the cart's e-mail and the cart in the header; leaving sends the
// browser to the cart's return URLs, as the real front end does: back on the e-mail page and the cancelled page →
// returnCancelUrl, the error page → returnErrorUrl. An unknown cart shows the error modal. Skipped without Chromium.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from '@playwright/test';
import { launchChromium, needsChromium } from '../../lib/test-support/chromium.ts';
import { ORG, startSandbox, type TestSandbox } from '../test-helpers.ts';
import { CardGateway } from './card-gateway.ts';
import { validNotice } from './checkout-test-helpers.ts';

const PORTAL = 'https://portale.comune.test';
const RETURN_URLS = { returnOkUrl: `${PORTAL}/ok`, returnCancelUrl: `${PORTAL}/annullato`, returnErrorUrl: `${PORTAL}/errore` };

describe('Checkout pages: a cart sent by the EC portal', { skip: needsChromium }, () => {
  let sb: TestSandbox;
  let browser: Browser;
  let base: string;
  before(async () => {
    const cardGateway = new CardGateway();
    cardGateway.origin = 'http://cards.sandbox.test';
    sb = await startSandbox({ checkout: { cardGateway, pollDelayMs: 50 } });
    base = await sb.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await sb?.close();
  });

  /** A cart of two fresh notices; answers the Location path (the sandbox names its own host). */
  const newCart = async () => {
    const notices = [await validNotice(sb, 12000), await validNotice(sb, 3050)];
    const res = await sb.call('POST', '/checkout/ec/v1/carts', {
      body: {
        paymentNotices: notices.map((n, i) => ({
          noticeNumber: n.nav,
          fiscalCode: ORG,
          amount: [12000, 3050][i],
          companyName: 'Comune di Test',
          description: `Tassa ${i}`,
        })),
        returnUrls: RETURN_URLS,
        emailNotice: 'mario.rossi@example.org',
      },
    });
    assert.equal(res.status, 302, res.raw);
    const location = new URL(String(res.headers.location));
    return `${location.pathname}${location.search}`;
  };

  const withPage = async (run: (page: Page, errors: string[]) => Promise<void>) => {
    const context = await browser.newContext({ locale: 'it-IT' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.route(`${PORTAL}/**`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>Portale</h1>' }));
    await page.route(/^https?:\/\/(?!127\.0\.0\.1|portale\.comune\.test)/, (route) => route.abort());
    try {
      await run(page, errors);
    } finally {
      await context.close();
    }
  };

  /** Follows the cart's Location to the e-mail page. */
  const openCart = async (page: Page) => {
    await page.goto(`${base}${await newCart()}`);
    await page.waitForURL(/\/inserisci-email$/, { timeout: 10_000 });
  };

  it('the redirect lands on the e-mail page: e-mail prefilled, confirmation empty, the cart total and its notices in the header', async () => {
    await withPage(async (page, errors) => {
      await openCart(page);
      assert.equal(await page.locator('#email').inputValue(), 'mario.rossi@example.org');
      assert.equal(await page.locator('#confirmEmail').inputValue(), '');
      const toggle = page.getByLabel('Apri riepilogo pagamento');
      assert.equal((await toggle.textContent())?.replace(/\s/g, ' '), '150,50 €');
      await toggle.click();
      assert.match((await page.locator('#paynotice-0').textContent()) ?? '', /120,00/);
      assert.match((await page.locator('#paynotice-1').textContent()) ?? '', /30,50/);
      await page.getByLabel('Chiudi', { exact: true }).click();
      assert.equal(await page.locator('#cartDrawer').isHidden(), true);
      assert.deepEqual(errors, []);
    });
  });

  it('"Indietro" on the e-mail page → returnCancelUrl', async () => {
    await withPage(async (page) => {
      await openCart(page);
      await page.getByRole('button', { name: 'Indietro' }).click();
      await page.waitForURL(RETURN_URLS.returnCancelUrl, { timeout: 10_000 });
    });
  });

  it('the cancelled page → returnCancelUrl; the error page → returnErrorUrl', async () => {
    await withPage(async (page) => {
      await openCart(page);
      await page.goto(`${base}/annullato`);
      await page.locator('#redirect-button').click();
      await page.waitForURL(RETURN_URLS.returnCancelUrl, { timeout: 10_000 });
    });
    await withPage(async (page) => {
      await openCart(page);
      await page.goto(`${base}/errore`);
      await page.locator('#koPageButton').click();
      await page.waitForURL(RETURN_URLS.returnErrorUrl, { timeout: 10_000 });
    });
  });

  it('without a cart or a verified notice, the payment pages go home (as their guards do)', async () => {
    for (const path of ['/inserisci-email', '/scegli-metodo', '/inserisci-carta', '/lista-psp']) {
      await withPage(async (page) => {
        await page.goto(`${base}${path}`);
        await page.waitForURL(`${base}/`, { timeout: 10_000 });
        assert.equal(await page.locator('h1').textContent(), 'Paga un avviso', path);
      });
    }
  });

  it('an unknown cart → the error modal, then the error page', async () => {
    await withPage(async (page, errors) => {
      await page.goto(`${base}/c/11111111-2222-4333-8444-555555555555?clientId=CHECKOUT_CART`);
      await page.locator('#idTitleErrorModalPaymentCartPage').waitFor({ timeout: 10_000 });
      await page.locator('#closeError').click();
      await page.waitForURL(/\/errore$/);
      assert.deepEqual(errors, []);
    });
  });
});
