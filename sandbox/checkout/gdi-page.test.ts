// The card gateway's GDI (3-D Secure) page ends the step as the real front end expects it to end. pagoPA's
// Checkout (pagopa-checkout-fe src/routes/GdiCheckPage.tsx, at a2e53a98 2026-07-31) only shows a loader and a
// hidden iframe with the gateway's page; it listens to nothing from that frame (no `message` listener, no
// polling) and goes to /esito by itself only when CHECKOUT_GDI_CHECK_TIMEOUT (20 s in UAT) expires. So the
// gateway's page must navigate the top window to the outcome URL (`/esito?t=<ms>`, the session's result URL).
// Checked in a real Chromium with a stand-in of that page that, like the real one, listens to nothing.
// Skipped when no Chromium is installed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { Browser } from '@playwright/test';
import { launchChromium, needsChromium } from '../../lib/test-support/chromium.ts';
import { buildCardGatewayApp, CardGateway } from './card-gateway.ts';
import { storeCard } from './checkout-test-helpers.ts';

/** Far above what the test waits: only the gateway's page can end the step in time. */
const GDI_CHECK_TIMEOUT_MS = 20_000;

describe('the GDI page ends the 3-D Secure step as the real front end expects', { skip: needsChromium }, () => {
  let gateway: CardGateway;
  let app: FastifyInstance;
  let browser: Browser;
  let checkout: Server;
  /** The stand-in front end's origin: another site than the gateway's (`localhost` vs `127.0.0.1`), both loopback. */
  let checkoutOrigin: string;
  let gdiUrl = '';
  before(async () => {
    gateway = new CardGateway();
    app = await buildCardGatewayApp(gateway);
    gateway.origin = await app.listen({ host: '127.0.0.1', port: 0 });
    // The stand-in of Checkout's /gdi-check: a hidden iframe and the fallback timer, nothing else.
    checkout = createServer((request, response) => {
      const { pathname } = new URL(request.url ?? '/', 'http://x');
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end(
        pathname === '/esito'
          ? '<h1>esito</h1>'
          : `<p>loader</p><iframe src="${gdiUrl}" style="display: none"></iframe>` +
              `<script>setTimeout(() => location.replace('/esito?timer=1'), ${GDI_CHECK_TIMEOUT_MS})</script>`,
      );
    });
    await new Promise<void>((resolve) => checkout.listen(0, '127.0.0.1', resolve));
    checkoutOrigin = `http://localhost:${(checkout.address() as { port: number }).port}`;
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    checkout?.close();
  });

  it('navigates the top window to <checkout>/esito?t=<ms> once authorized, without any listener in the page', async () => {
    const session = gateway.open(checkoutOrigin, 'it');
    gdiUrl = `${gateway.origin}/monetaweb/gdi/${session.sessionId}`;
    await storeCard(app, session.sessionId);
    let authorized = 0;
    gateway.onAuthorize(async () => {
      authorized += 1;
    });
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      const started = Date.now();
      await page.goto(`${checkoutOrigin}/gdi-check`);
      await page.waitForURL(/\/esito\?t=\d+$/, { timeout: 5_000 });
      assert.ok(Date.now() - started < GDI_CHECK_TIMEOUT_MS, 'before the fallback timer');
      assert.equal(new URL(page.url()).origin, checkoutOrigin);
      assert.equal(authorized, 1, 'the payment was authorized once');
    } finally {
      await context.close();
    }
  });
});
