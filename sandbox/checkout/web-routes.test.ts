// Checkout's pages on the sandbox: every route of the real Checkout answers the app, and the
// settings point the front end at this backend and at the card gateway's SDK.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startSandbox, type TestSandbox } from '../test-helpers.ts';
import { CardGateway } from './card-gateway.ts';
import { CHECKOUT_ROUTES } from './web-routes.ts';

describe('Checkout pages', () => {
  let sb: TestSandbox;
  before(async () => {
    const cardGateway = new CardGateway();
    cardGateway.origin = 'http://gateway.test:4321';
    sb = await startSandbox({ checkout: { cardGateway, pollDelayMs: 250 } });
  });
  after(() => sb.close());

  it('every route and the /<fiscal code><notice number> deep link serve the app', async () => {
    for (const route of [...CHECKOUT_ROUTES, '/77777777777302000000000000001']) {
      const res = await sb.call('GET', route);
      assert.equal(res.status, 200, route);
      assert.match(String(res.headers['content-type']), /text\/html/);
      assert.match(res.raw, /<main id="root"/);
      assert.match(res.raw, /\/static\/app\.js/);
    }
  });

  it('other paths are not pages', async () => {
    for (const path of ['/7777777777730200000000000000', '/pagina-che-non-esiste', '/static/missing.js']) {
      assert.equal((await sb.call('GET', path)).status, 404, path);
    }
  });

  it('env-config.js points at this backend, the gateway SDK and the polling delay', async () => {
    const res = await sb.call('GET', '/env-config.js', { headers: { host: 'sandbox.test:5800' } });
    assert.equal(res.status, 200);
    const settings = JSON.parse(/window\._env_ = (\{.*\});/.exec(res.raw)![1]!) as Record<string, unknown>;
    assert.equal(settings.CHECKOUT_PAGOPA_APIM_HOST, 'http://sandbox.test:5800');
    assert.equal(settings.CHECKOUT_API_ECOMMERCE_BASEPATH, '/ecommerce/checkout/v1');
    assert.equal(settings.CHECKOUT_API_ECOMMERCE_BASEPATH_V2, '/ecommerce/checkout/v2');
    assert.equal(settings.CHECKOUT_NPG_SDK_URL, 'http://gateway.test:4321/monetaweb/resources/hfsdk.js');
    assert.equal(settings.CHECKOUT_API_RETRY_DELAY, 250);
  });

  it('serves the scripts the pages need: app, texts in Italian and English, reCAPTCHA stand-in', async () => {
    const texts = await sb.call('GET', '/static/texts.js');
    assert.match(texts.raw, /Non riusciamo a trovare l’avviso/);
    assert.match(texts.raw, /We can’t find the notice/);
    assert.match((await sb.call('GET', '/recaptcha/api.js')).raw, /window\.grecaptcha/);
    assert.match((await sb.call('GET', '/static/app.js')).raw, /paymentNoticeButtonContinue/);
  });

  it('answers CORS preflights of the ecommerce API for another origin', async () => {
    const res = await sb.call('OPTIONS', '/ecommerce/checkout/v2/transactions', {
      headers: { origin: 'https://uat.checkout.example', 'access-control-request-method': 'POST' },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers['access-control-allow-origin'], 'https://uat.checkout.example');
    assert.match(String(res.headers['access-control-allow-headers']), /authorization/);
  });
});
