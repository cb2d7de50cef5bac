// Checkout as one object: the pages in the order a payer meets them, and the payment of a notice
// from the home page to the outcome. Nothing in here knows whether it runs on the sandbox or UAT.
import type { Page } from '@playwright/test';
import type { CheckoutConfig } from '../../lib/config.ts';
import { HomePage, NoticePage, SummaryPage } from './notice-pages.ts';
import { CardPage, CheckPage, EmailPage, PaymentMethodPage, PspPage } from './payment-pages.ts';
import { OutcomePage } from './outcome-page.ts';
import { CartPage } from './cart-pages.ts';
import { attachScreenshot, checkoutStep } from './step.ts';
import type { Language } from './texts.ts';

/** A call of Checkout's front end to its backend, as evidence of the call sequence (onboarding step 8). */
export interface BackendCall {
  method: string;
  /** Path without query (the reCAPTCHA token stays out). */
  path: string;
  status: number;
}

const BACKEND_PATHS = /^\/(ecommerce\/checkout|checkout\/feature-flags)\//;

export interface NoticeRef {
  fiscalCode: string;
  noticeNumber: string;
}

export class CheckoutApp {
  readonly home: HomePage;
  readonly notice: NoticePage;
  readonly summary: SummaryPage;
  readonly email: EmailPage;
  readonly method: PaymentMethodPage;
  readonly card: CardPage;
  readonly psp: PspPage;
  readonly check: CheckPage;
  readonly outcome: OutcomePage;
  /** A cart sent by the EC's portal (its redirect, the notices in the header, the way back to the portal). */
  readonly cart: CartPage;
  readonly #calls: BackendCall[] = [];

  /** The language of Checkout's UI, chosen on the home page; every page object checks the texts of this one. */
  readonly language: Language;

  constructor(
    readonly page: Page,
    readonly settings: CheckoutConfig,
    language: Language = settings.language,
  ) {
    this.language = language;
    this.home = new HomePage(page, settings.url, language);
    this.notice = new NoticePage(page, language);
    this.summary = new SummaryPage(page, language);
    this.email = new EmailPage(page);
    this.method = new PaymentMethodPage(page);
    this.card = new CardPage(page);
    this.psp = new PspPage(page);
    this.check = new CheckPage(page, language);
    this.outcome = new OutcomePage(page, language);
    this.cart = new CartPage(page, settings.url, language);
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (BACKEND_PATHS.test(url.pathname)) this.#calls.push({ method: response.request().method(), path: url.pathname, status: response.status() });
    });
  }

  /** The backend calls the page has made so far, in order. */
  get backendCalls(): readonly BackendCall[] {
    return [...this.#calls];
  }

  /** Home → "Inserisci tu i dati" → notice code and EC fiscal code → Continue. */
  async enterNotice(notice: NoticeRef): Promise<void> {
    await this.home.open();
    await this.home.chooseManualEntry();
    await this.notice.submit(notice.fiscalCode, notice.noticeNumber);
  }

  /** The QR-code / deep-link entry: `/<fiscal code><notice number>` verifies at once. */
  async openDeepLink(notice: NoticeRef): Promise<void> {
    await checkoutStep(this.page, `Open the deep link /${notice.fiscalCode}${notice.noticeNumber} (${this.language})`, async () => {
      // The language is chosen on the home page first: the deep link keeps it (stored by Checkout).
      await this.page.goto(`${this.settings.url}/`);
      await this.page.locator('#languageMenu').selectOption(this.language);
      await this.page.goto(`${this.settings.url}/${notice.fiscalCode}${notice.noticeNumber}`);
    });
  }

  /** From the payment data page to the outcome: e-mail, card, PSP, "Paga". Answers the total paid (cents) and the PSP chosen, when known. */
  async payVerifiedNotice(): Promise<{ total: number; pspId: string | undefined }> {
    await this.summary.goToPayment();
    return this.payFromEmailPage();
  }

  /** From the e-mail page to the outcome (where a cart starts): e-mail, card, PSP, "Paga". Answers the total paid (cents) and the PSP chosen, when known. */
  async payFromEmailPage(): Promise<{ total: number; pspId: string | undefined }> {
    await this.email.submit(this.settings.payerEmail);
    await this.method.chooseCard();
    await this.card.enter(this.settings.card);
    await this.card.expectSubmitEnabled(true);
    await this.card.submit();
    const pspId = await this.psp.choose(this.settings.pspId);
    const total = await this.check.pay();
    await this.outcome.expectPaid(total);
    return { total, pspId };
  }

  async screenshot(title: string): Promise<void> {
    await attachScreenshot(this.page, title);
  }
}
