// The outcome page (`/esito`): Checkout polls the transaction outcome and then titles the page.
import { expect, type Page } from '@playwright/test';
import { checkoutStep } from './step.ts';
import { TEXTS, checkoutAmount, type Language } from './texts.ts';

/** UAT's gateway and polling may take long (pagoPA's own suites wait up to 120 s). */
export const OUTCOME_TIMEOUT_MS = 120_000;

export class OutcomePage {
  get title() {
    return this.page.locator('#responsePageMessageTitle');
  }

  constructor(
    private readonly page: Page,
    private readonly language: Language,
  ) {}

  async expectPaid(totalCents: number): Promise<void> {
    const expected = `${TEXTS.paid[this.language]} ${checkoutAmount(totalCents)}`;
    await checkoutStep(this.page, `Outcome "${expected}"`, async () => {
      await expect(this.title).toHaveText(expected, { timeout: OUTCOME_TIMEOUT_MS });
      await expect(this.page).toHaveURL(/\/esito/);
    });
  }
}
