// Checkout pages up to the payment data: home (`/`), notice entry (`/inserisci-dati-avviso`, or the
// `/<fiscal code><notice number>` deep link) with its verify-error modal, and the summary (`/dati-pagamento`).
import { expect, type Page } from '@playwright/test';
import { checkoutStep } from './step.ts';
import { NOTICE_ERROR_TITLES, TEXTS, checkoutAmount, type Language, type NoticeErrorCategory } from './texts.ts';

export class HomePage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
    private readonly language: Language,
  ) {}

  async open(): Promise<void> {
    await checkoutStep(
      this.page,
      `Open Checkout (${this.language})`,
      async () => {
        await this.page.goto(`${this.baseUrl}/`);
        await this.page.locator('#languageMenu').selectOption(this.language);
        await expect(this.page.getByTestId('KeyboardIcon')).toBeVisible();
      },
      { screenshot: false },
    );
  }

  async chooseManualEntry(): Promise<void> {
    await checkoutStep(
      this.page,
      'Choose "Inserisci tu i dati"',
      async () => {
        await this.page.getByTestId('KeyboardIcon').click();
        await expect(this.page).toHaveURL(/\/inserisci-dati-avviso$/);
      },
      { screenshot: false },
    );
  }
}

export class NoticePage {
  get noticeNumber() {
    return this.page.locator('#billCode');
  }
  get fiscalCode() {
    return this.page.locator('#cf');
  }
  get continueButton() {
    return this.page.locator('#paymentNoticeButtonContinue');
  }
  get errorTitle() {
    return this.page.locator('#verifyPaymentTitleError');
  }

  constructor(
    private readonly page: Page,
    private readonly language: Language,
  ) {}

  async submit(fiscalCode: string, noticeNumber: string): Promise<void> {
    await checkoutStep(this.page, `Enter notice ${noticeNumber} of EC ${fiscalCode}`, async () => {
      await this.noticeNumber.fill(noticeNumber);
      await this.fiscalCode.fill(fiscalCode);
      await this.continueButton.click();
    });
  }

  /** The helper texts under the two fields (empty when valid). */
  async expectFieldErrors(errors: { noticeNumber: string; fiscalCode: string }): Promise<void> {
    await checkoutStep(this.page, `Check the field messages "${errors.noticeNumber}" / "${errors.fiscalCode}"`, async () => {
      await expect(this.page.getByTestId('billCode')).toContainText(errors.noticeNumber);
      await expect(this.page.getByTestId('cf')).toContainText(errors.fiscalCode);
      await expect(this.page).toHaveURL(/\/inserisci-dati-avviso$/);
    });
  }

  async expectError(category: NoticeErrorCategory, timeout?: number): Promise<void> {
    const title = NOTICE_ERROR_TITLES[category][this.language];
    await checkoutStep(this.page, `Checkout shows "${title}"`, async () => {
      await expect(this.errorTitle).toHaveText(title, { timeout });
    });
  }
}

export class SummaryPage {
  constructor(
    private readonly page: Page,
    private readonly language: Language,
  ) {}

  async expectNotice(notice: { noticeNumber: string; fiscalCode: string; amountCents: number; payee: string }): Promise<void> {
    const language = this.language;
    await checkoutStep(this.page, `Payment data of notice ${notice.noticeNumber}: ${checkoutAmount(notice.amountCents)}`, async () => {
      await expect(this.page).toHaveURL(/\/dati-pagamento$/);
      await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(TEXTS.summaryTitle[language]);
      const body = this.page.locator('body');
      for (const text of [TEXTS.payee[language], notice.payee, TEXTS.amount[language], checkoutAmount(notice.amountCents)]) {
        await expect(body).toContainText(text);
      }
      // Codes may be shown grouped by spaces.
      for (const code of [notice.noticeNumber, notice.fiscalCode]) await expect(body).toContainText(new RegExp(code.split('').join('\\s?')));
    });
  }

  async goToPayment(): Promise<void> {
    await checkoutStep(this.page, 'Go to the payment', async () => {
      await this.page.locator('#paymentSummaryButtonPay').click();
      await expect(this.page).toHaveURL(/\/inserisci-email$/);
    });
  }
}
