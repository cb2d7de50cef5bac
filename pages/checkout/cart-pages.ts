// A cart sent by the EC's portal (Checkout carts API): the browser follows the 302's Location (APIM's redirect
// page, then Checkout's `/c/<cartId>`), Checkout reads the cart and opens the e-mail page with the cart in its
// header: a button showing the total ("Apri riepilogo pagamento") that opens the notices (`#paynotice-<i>`).
// At the end the outcome page's "Continua" sends the browser to the cart's return URL.
import { expect, type Page } from '@playwright/test';
import { checkoutStep } from './step.ts';
import { OUTCOME_TIMEOUT_MS } from './outcome-page.ts';
import { TEXTS, checkoutAmount, type Language } from './texts.ts';

export interface CartNoticeView {
  /** Cents. */
  amount: number;
}

export class CartPage {
  constructor(
    private readonly page: Page,
    private readonly checkoutUrl: string,
    private readonly language: Language,
  ) {}

  /** Opens the cart's Checkout address in the browser, as the portal's redirect does; Checkout lands on the e-mail page. */
  async open(location: string): Promise<void> {
    await checkoutStep(this.page, `Follow the cart redirect to Checkout (${this.language})`, async () => {
      // The language is chosen on the home page first (Checkout keeps it); otherwise it follows the browser's.
      await this.page.goto(`${this.checkoutUrl}/`);
      await this.page.locator('#languageMenu').selectOption(this.language);
      await this.page.goto(location);
      await expect(this.page, 'Checkout skips notice entry and opens the e-mail page').toHaveURL(/\/inserisci-email$/, { timeout: 30_000 });
    });
  }

  /** The header shows the cart's total; its drawer lists each notice with its amount. */
  async expectNotices(notices: CartNoticeView[]): Promise<void> {
    const total = notices.reduce((sum, n) => sum + n.amount, 0);
    await checkoutStep(this.page, `The cart shows ${notices.length} notices, total ${checkoutAmount(total)}`, async () => {
      const toggle = this.page
        .getByRole('button')
        .filter({ hasText: checkoutAmount(total) })
        .first();
      await expect(toggle).toBeVisible();
      await toggle.click();
      for (const [i, notice] of notices.entries()) await expect(this.page.locator(`#paynotice-${i}`)).toContainText(checkoutAmount(notice.amount));
      await expect(this.page.locator(`#paynotice-${notices.length}`)).toHaveCount(0);
    });
    // Closed, the summary leaves the page of the redirect step: no second screenshot of it.
    await checkoutStep(
      this.page,
      'Close the cart summary',
      async () => {
        await this.page.getByLabel(TEXTS.close[this.language], { exact: true }).first().click();
      },
      { screenshot: false },
    );
  }

  /** The outcome page's "Continua" leaves Checkout for the cart's return URL (which the test serves itself). */
  async continueTo(returnUrl: string): Promise<void> {
    await checkoutStep(this.page, `"${TEXTS.continue[this.language]}" goes back to the portal (${returnUrl})`, async () => {
      const button = this.page.getByRole('button', { name: TEXTS.continue[this.language], exact: true });
      await expect(button).toBeVisible({ timeout: OUTCOME_TIMEOUT_MS });
      await button.click();
      await this.page.waitForURL(returnUrl, { timeout: 30_000 });
    });
  }
}
