// Checkout's pages in a real Chromium against the sandbox: names the page looks up in its own tables
// (language, fault category, card-field error code) that come from outside (the `?lng=` query, localStorage,
// the backend's answer, the card gateway's messages) and happen to be Object.prototype properties
// (`constructor`, `__proto__`, `toString`…) are unknown names: Italian texts, the generic error, no text.
// Skipped when no Chromium is installed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import type { Browser, Page } from '@playwright/test';
import { launchChromium, needsChromium } from '../../lib/test-support/chromium.ts';
import { startSandbox, type TestSandbox } from '../test-helpers.ts';
import { CardGateway } from './card-gateway.ts';
import { CARDS_METHOD_ID } from './ecommerce.ts';

const PROTO_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
const SDK_URL = 'http://cards.sandbox.test/monetaweb/resources/hfsdk.js';

describe('Checkout pages: outside names are never taken for table entries', { skip: needsChromium }, () => {
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

  const withPage = async (run: (page: Page, errors: string[]) => Promise<void>) => {
    const context = await browser.newContext({ locale: 'it-IT' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // Nothing leaves the machine: the only outside host is the (stubbed) card gateway.
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    try {
      await run(page, errors);
    } finally {
      await context.close();
    }
  };

  it('?lng= and a stored language named like Object.prototype properties fall back to Italian', async () => {
    for (const name of PROTO_NAMES) {
      await withPage(async (page, errors) => {
        await page.goto(`${base}/?lng=${encodeURIComponent(name)}`);
        assert.equal(await page.locator('h1').textContent(), 'Paga un avviso', `?lng=${name}`);
        await page.evaluate((stored) => localStorage.setItem('i18nextLng', stored), name);
        await page.goto(`${base}/inserisci-dati-avviso`);
        assert.equal(await page.locator('h1').textContent(), 'Cosa devi pagare?', `i18nextLng=${name}`);
        assert.equal(await page.locator('#languageMenu').inputValue(), 'it');
        assert.deepEqual(errors, [], name);
      });
    }
  });

  it('a fault category named like an Object.prototype property shows the generic error', async () => {
    for (const name of PROTO_NAMES) {
      await withPage(async (page, errors) => {
        await page.route('**/ecommerce/checkout/v1/payment-requests/**', (route) =>
          route.fulfill({ status: 502, contentType: 'application/json', body: JSON.stringify({ title: 'x', faultCodeCategory: name, faultCodeDetail: 'X' }) }),
        );
        await page.goto(`${base}/77777777777302000000000000001`);
        await page.locator('#verifyPaymentTitleError').waitFor({ timeout: 10_000 });
        assert.equal(await page.locator('#verifyPaymentTitleError').textContent(), 'Si è verificato un errore imprevisto', name);
        assert.deepEqual(errors, [], name);
      });
    }
  });

  it('an outcome named like an Object.prototype property has no title (as any outcome without a text)', async () => {
    for (const name of PROTO_NAMES) {
      await withPage(async (page, errors) => {
        await page.route('**/ecommerce/checkout/v1/transactions/*/outcomes', (route) =>
          route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ outcome: name, isFinalStatus: true }) }),
        );
        await page.addInitScript(() => sessionStorage.setItem('transaction', JSON.stringify({ transactionId: 't1', authToken: 'a1' })));
        await page.goto(`${base}/esito`);
        await page.locator('#responsePageMessageTitle').waitFor({ state: 'attached', timeout: 10_000 });
        assert.equal(await page.locator('#responsePageMessageTitle').textContent(), '', name);
        assert.deepEqual(errors, [], name);
      });
    }
  });

  it('the outcome page shows totalAmount + fees, as the real front end does (both in euro cents)', async () => {
    await withPage(async (page, errors) => {
      // pagopa-checkout-fe, PaymentResponsePage.tsx: grandTotal = (totalAmount ?? 0) + (fees ?? 0), then moneyFormat.
      await page.route('**/ecommerce/checkout/v1/transactions/*/outcomes', (route) =>
        route.fulfill({
          status: 200,
          contentType: 'application/json',
          body: JSON.stringify({ outcome: 0, isFinalStatus: true, totalAmount: 12000, fees: 15 }),
        }),
      );
      await page.addInitScript(() => sessionStorage.setItem('transaction', JSON.stringify({ transactionId: 't1', authToken: 'a1' })));
      await page.goto(`${base}/esito`);
      await page.locator('#responsePageMessageTitle').waitFor({ state: 'attached', timeout: 10_000 });
      assert.equal(await page.locator('#responsePageMessageTitle').textContent(), 'Hai pagato 120,15\u00a0€');
      assert.deepEqual(errors, []);
    });
  });

  it('a card-field error code named like an Object.prototype property shows no text', async () => {
    await withPage(async (page, errors) => {
      // A stand-in SDK whose card-number field reports each prototype-ish error code, then a known one.
      await page.route(SDK_URL, (route) =>
        route.fulfill({
          contentType: 'text/javascript',
          body: `window.Build = class { constructor(config) {
            config.onAllFieldsLoaded();
            for (const code of ${JSON.stringify(PROTO_NAMES)}) config.onBuildError({ id: 'CARD_NUMBER', errorCode: code });
            config.onBuildError({ id: 'SECURITY_CODE', errorCode: 'constructor' });
            config.onBuildError({ id: 'EXPIRATION_DATE', errorCode: 'HF0006' });
            window.__buildDone = true;
          } confirmData() {} };`,
        }),
      );
      await page.addInitScript(
        ({ methodId }) => {
          if (window.top !== window) return; // not in the (unreachable) card-field frames
          sessionStorage.setItem('useremail', JSON.stringify('mario.rossi@example.org'));
          sessionStorage.setItem('paymentMethod', JSON.stringify({ paymentMethodId: methodId, paymentTypeCode: 'CP' }));
          sessionStorage.setItem('paymentInfo', JSON.stringify({ amount: 10000, paName: 'Comune', description: 'Tassa' }));
        },
        { methodId: CARDS_METHOD_ID },
      );
      await page.goto(`${base}/inserisci-carta`);
      await page.waitForFunction(() => (window as unknown as { __buildDone?: boolean }).__buildDone === true, undefined, { timeout: 10_000 });
      assert.equal(await page.locator('#frame_EXPIRATION_DATE_hint').textContent(), 'Inserisci mm/aa');
      assert.equal(await page.locator('#frame_CARD_NUMBER_hint').textContent(), '');
      assert.equal(await page.locator('#frame_SECURITY_CODE_hint').textContent(), '');
      assert.deepEqual(errors, []);
    });
  });
});

describe("the card gateway's SDK", () => {
  it('gives no message for an error code named like an Object.prototype property', () => {
    const listeners: Array<(event: { origin: string; data: unknown }) => void> = [];
    const window = { addEventListener: (_type: string, listener: (typeof listeners)[number]) => listeners.push(listener) } as Record<string, unknown>;
    const document = { currentScript: { src: SDK_URL }, querySelectorAll: () => [] };
    runInNewContext(readFileSync(new URL('./gateway-web/hfsdk.js', import.meta.url), 'utf8'), { window, document, URL });
    const Build = window.Build as new (config: Record<string, unknown>) => unknown;
    const seen: unknown[] = [];
    new Build({
      onBuildError: ({ errorCode, errorMessage }: { errorCode: string; errorMessage: unknown }) => seen.push([errorCode, errorMessage]),
      onConfirmError: ({ errorCode, errorMessage }: { errorCode: string; errorMessage: unknown }) => seen.push([errorCode, errorMessage]),
    });
    const origin = new URL(SDK_URL).origin;
    for (const code of [...PROTO_NAMES, 'HF0001']) {
      for (const type of ['validity', 'store-error']) {
        for (const listener of listeners)
          listener({ origin, data: { source: 'sandbox-card-gateway', type, id: 'SECURITY_CODE', valid: false, errorCode: code } });
      }
    }
    assert.deepEqual(seen, [
      ...PROTO_NAMES.flatMap((code) => [
        [code, undefined],
        [code, undefined],
      ]),
      ['HF0001', 'Inserisci 3 o 4 cifre'],
      ['HF0001', 'Inserisci 3 o 4 cifre'],
    ]);
  });
});
