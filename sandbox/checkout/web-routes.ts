// Serves the sandbox's Checkout front end: the page routes of the real Checkout (all answered with the
// single-page app), its static files, `env-config.js` (the `window._env_` settings the real front end
// reads) and the reCAPTCHA stand-in.
import { readFileSync } from 'node:fs';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { param } from '../http.ts';
import type { CardGateway } from './card-gateway.ts';
import { CHECKOUT_V1, CHECKOUT_V2, FEATURE_FLAGS } from './ecommerce.ts';

/** The routes of the real Checkout (`CheckoutRoutes`), plus the `/<fiscal code><notice number>` deep link. */
export const CHECKOUT_ROUTES = [
  '/',
  '/inserisci-dati-avviso',
  '/leggi-codice-qr',
  '/dati-pagamento',
  '/inserisci-email',
  '/scegli-metodo',
  '/inserisci-carta',
  '/lista-psp',
  '/riepilogo-pagamento',
  '/gdi-check',
  '/esito',
  '/errore',
  '/annullato',
] as const;

export interface CheckoutWebOptions {
  cardGateway: CardGateway;
  /** Base delay of the outcome polling (UAT: 3 000 ms). */
  pollDelayMs: number;
}

const file = (name: string) => readFileSync(new URL(`./web/${name}`, import.meta.url), 'utf8');
/** The front end's files by name (a Map: a name such as `constructor` is not a file). */
const STATIC = new Map<string, [body: string, type: string]>([
  ['app.js', [file('app.js'), 'text/javascript; charset=utf-8']],
  ['texts.js', [file('texts.js'), 'text/javascript; charset=utf-8']],
  ['style.css', [file('style.css'), 'text/css; charset=utf-8']],
]);

const origin = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

export const checkoutWebRoutes: FastifyPluginAsync<CheckoutWebOptions> = async (app, options) => {
  const index = file('index.html');
  const recaptcha = file('recaptcha.js');
  const sendIndex = async (_request: FastifyRequest, reply: import('fastify').FastifyReply) => reply.type('text/html; charset=utf-8').send(index);

  for (const route of CHECKOUT_ROUTES) app.get(route, sendIndex);
  app.get('/:rptId(^\\d{29}$)', sendIndex);
  // The cart entry (`/c/<cartId>?clientId=…`), where the carts API's redirect lands.
  app.get('/c/:cartId', sendIndex);

  app.get('/static/:name', async (request, reply) => {
    const entry = STATIC.get(param(request, 'name'));
    if (!entry) return reply.code(404).send({ statusCode: 404, message: 'Resource not found' });
    return reply.type(entry[1]).send(entry[0]);
  });
  app.get('/favicon.ico', async (_request, reply) => reply.code(204).send());
  app.get('/recaptcha/api.js', async (_request, reply) => reply.type('text/javascript; charset=utf-8').send(recaptcha));
  app.get('/env-config.js', async (request, reply) => {
    const settings = {
      CHECKOUT_ENV: 'SANDBOX',
      CHECKOUT_PAGOPA_APIM_HOST: origin(request),
      CHECKOUT_API_ECOMMERCE_BASEPATH: CHECKOUT_V1,
      CHECKOUT_API_ECOMMERCE_BASEPATH_V2: CHECKOUT_V2,
      CHECKOUT_API_FEATURE_FLAGS_BASEPATH: FEATURE_FLAGS,
      CHECKOUT_NPG_SDK_URL: `${options.cardGateway.origin}/monetaweb/resources/hfsdk.js`,
      CHECKOUT_API_TIMEOUT: 30_000,
      CHECKOUT_GDI_CHECK_TIMEOUT: 20_000,
      CHECKOUT_API_RETRY_NUMBERS: 10,
      CHECKOUT_API_RETRY_DELAY: options.pollDelayMs,
    };
    return reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(`window._env_ = ${JSON.stringify(settings)};\n`);
  });
};
