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
const AUTH_REQUEST_PATH = /\/ecommerce\/checkout\/v1\/transactions\/[^/]+\/auth-requests$/;
const OUTCOMES_PATH = /\/ecommerce\/checkout\/v1\/transactions\/[^/]+\/outcomes$/;

/** The amounts of the authorization request the front end sent (euro cents): the notices' amount and the fee of the PSP chosen. */
export interface AuthorizationAmounts {
  amount: number;
  fee: number;
}

/** The final outcome the backend answered (`TransactionOutcomeInfo`): `totalAmount` is the amount paid fees excluded. */
export interface FinalOutcome {
  outcome: number;
  totalAmount?: number;
  fees?: number;
}

const numberOr = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

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
  #authorization: AuthorizationAmounts | undefined;
  #finalOutcome: FinalOutcome | undefined;

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
      if (response.request().method() === 'POST' && AUTH_REQUEST_PATH.test(url.pathname)) this.#recordAuthorization(response.request().postData());
      if (response.request().method() === 'GET' && OUTCOMES_PATH.test(url.pathname) && response.ok()) {
        response.json().then(
          (body: unknown) => this.#recordOutcome(body),
          () => undefined,
        );
      }
    });
  }

  /** The amounts of the last authorization request (only numbers are kept: the body carries nothing else of use here). */
  get authorization(): AuthorizationAmounts | undefined {
    return this.#authorization;
  }

  /** The last final outcome answered to the front end's polling, if any yet. */
  get finalOutcome(): FinalOutcome | undefined {
    return this.#finalOutcome;
  }

  #recordAuthorization(postData: string | null): void {
    try {
      const body = JSON.parse(postData ?? '') as Record<string, unknown>;
      const amount = numberOr(body.amount);
      const fee = numberOr(body.fee);
      if (amount !== undefined && fee !== undefined) this.#authorization = { amount, fee };
    } catch {
      // not JSON: nothing recorded, and the case that needs it says so
    }
  }

  #recordOutcome(body: unknown): void {
    if (typeof body !== 'object' || body === null) return;
    const fields = body as Record<string, unknown>;
    const outcome = numberOr(fields.outcome);
    if (fields.isFinalStatus !== true || outcome === undefined) return;
    this.#finalOutcome = { outcome, totalAmount: numberOr(fields.totalAmount), fees: numberOr(fields.fees) };
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
