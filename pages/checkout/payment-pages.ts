// Checkout pages of the payment itself: e-mail, payment method, card (hosted fields in cross-origin
// iframes), PSP list (skipped by Checkout when one PSP is offered) and the check page with "Paga".
import { expect, type Page } from '@playwright/test';
import { checkoutStep } from './step.ts';
import { TEXTS, centsOf, type Language } from './texts.ts';

export interface Card {
  number: string;
  expiry: string;
  cvv: string;
  holder: string;
}

export class EmailPage {
  constructor(private readonly page: Page) {}

  async submit(email: string): Promise<void> {
    await checkoutStep(this.page, `Enter the payer e-mail ${email}`, async () => {
      await this.page.locator('#email').fill(email);
      await this.page.locator('#confirmEmail').fill(email);
      await this.page.locator('#paymentEmailPageButtonContinue').click();
      await expect(this.page).toHaveURL(/\/scegli-metodo$/);
    });
  }
}

export class PaymentMethodPage {
  constructor(private readonly page: Page) {}

  async chooseCard(): Promise<void> {
    await checkoutStep(this.page, 'Choose payment by card', async () => {
      await this.page.locator('[data-qaid="CP"]').click();
      await expect(this.page).toHaveURL(/\/inserisci-carta$/);
    });
  }
}

const CARD_FIELDS = { number: 'CARD_NUMBER', expiry: 'EXPIRATION_DATE', cvv: 'SECURITY_CODE', holder: 'CARDHOLDER_NAME' } as const;

export class CardPage {
  get submitButton() {
    return this.page.locator('#submit');
  }

  constructor(private readonly page: Page) {}

  private field(id: string) {
    return this.page.frameLocator(`#frame_${id}`).locator(`#${id}`);
  }

  /**
   * Types the card into the gateway's fields. Not with fill(): its step title would carry the card
   * number and CVV into every report; the same input events are produced from inside the field, and
   * the trace's copy of the values is redacted (lib/evidence/trace-redaction.ts).
   */
  async enter(card: Card): Promise<void> {
    await checkoutStep(this.page, 'Enter the card data (values not shown)', async () => {
      for (const [key, id] of Object.entries(CARD_FIELDS) as [keyof Card, string][]) {
        const input = this.field(id);
        await expect(input).toBeEditable({ timeout: 30_000 });
        await input.evaluate((element, value) => {
          const field = element as HTMLInputElement;
          field.focus();
          field.select();
          if (!document.execCommand('insertText', false, value)) {
            field.value = value;
            field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value }));
          }
          field.blur();
        }, card[key]);
      }
    });
  }

  async expectSubmitEnabled(enabled: boolean): Promise<void> {
    await checkoutStep(this.page, enabled ? '"Continua" enabled: all card fields valid' : '"Continua" disabled: a card field is not valid', async () => {
      if (enabled) await expect(this.submitButton).toBeEnabled();
      else await expect(this.submitButton).toBeDisabled();
    });
  }

  async submit(): Promise<void> {
    await checkoutStep(this.page, 'Confirm the card', async () => {
      await this.submitButton.click();
      await expect(this.page).toHaveURL(/\/(lista-psp|riepilogo-pagamento)$/, { timeout: 30_000 });
    });
  }
}

export class PspPage {
  constructor(private readonly page: Page) {}

  /** Chooses `pspId` (or the first PSP offered) and answers the id chosen; Checkout skips the page when it offers a
   * single PSP (then the id is the configured one, or unknown). */
  async choose(pspId: string | undefined): Promise<string | undefined> {
    return checkoutStep(this.page, `Choose the PSP ${pspId ?? '(first offered)'}`, async () => {
      if (new URL(this.page.url()).pathname.endsWith('/riepilogo-pagamento')) return pspId;
      const radio = pspId ? this.page.locator(`#psp-radio-${pspId}`) : this.page.locator('input[type="radio"][id^="psp-radio-"]').first();
      await radio.check();
      const chosen = (await radio.getAttribute('id'))?.replace(/^psp-radio-/, '') || undefined;
      await this.page.locator('#paymentPspListPageButtonContinue').click();
      await expect(this.page).toHaveURL(/\/riepilogo-pagamento$/);
      return chosen;
    });
  }
}

export class CheckPage {
  get payButton() {
    return this.page.locator('#paymentCheckPageButtonPay');
  }

  constructor(
    private readonly page: Page,
    private readonly language: Language,
  ) {}

  /** Clicks "Paga <total>" and answers the total it announced, in cents. */
  async pay(): Promise<number> {
    return checkoutStep(this.page, 'Pay', async () => {
      await expect(this.payButton).toContainText(TEXTS.pay[this.language]);
      const total = centsOf(await this.payButton.innerText());
      await this.payButton.click();
      return total;
    });
  }
}
