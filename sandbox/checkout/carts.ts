// Checkout carts: how an EC's own portal sends a citizen to pay. The EC posts 1..5 notices and its return
// URLs to `/checkout/ec/v1|v2/carts` (with its key, as the contract's security says); the platform's
// payment-requests service checks the body (bean validation → one 400), refuses duplicates and notices the
// Node will not take (checkPosition KO → 422), keeps the cart and answers 302 to the APIM redirect page,
// which sends the browser to Checkout's `/c/{cartId}`; the front end reads the cart back with
// `GET /ecommerce/checkout/v1/carts/{cartId}`. Texts and order of the checks: pagopa-ecommerce-payment-
// requests-service (BaseCartService, ExceptionHandler, CartNotFoundException); see sandbox/README.md.
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { jsonBody, param, sendJson } from '../http.ts';
import { ProblemError } from '../problem.ts';
import { CHECKOUT_V1 } from './ecommerce.ts';
import { NodeFault, type PaymentNode } from './node.ts';
import { queryValue } from './request-values.ts';

export const CARTS_V1 = '/checkout/ec/v1';
export const CARTS_V2 = '/checkout/ec/v2';
/** The client id APIM sets on the EC carts API (`x-client-id`), carried into Checkout's cart URL. */
export const CART_CLIENT_ID = 'CHECKOUT_CART';
/** How many notices a cart may hold (the contract's maxItems; the service's `carts.max_allowed_payment_notices`). */
export const MAX_CART_NOTICES = 5;

export interface CartNotice {
  noticeNumber: string;
  fiscalCode: string;
  amount: number;
  companyName: string;
  description: string;
}

export interface ReturnUrls {
  returnOkUrl: string;
  returnCancelUrl: string;
  returnErrorUrl: string;
  returnWaitingUrl?: string;
}

export interface Cart {
  id: string;
  clientId: string;
  paymentNotices: CartNotice[];
  returnUrls: ReturnUrls;
  emailNotice?: string;
  idCart?: string;
}

/** Spring's answer to any request the bean validation or Jackson's binding refuses. */
const invalidRequest = () => new ProblemError(400, 'Request validation error', 'The input request is invalid');
const unprocessable = (detail: string) => new ProblemError(422, 'Invalid payment info', detail);

class Invalid extends Error {}
const fail = (): never => {
  throw new Invalid();
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const own = (object: Record<string, unknown>, name: string): unknown => (Object.hasOwn(object, name) ? object[name] : undefined);

/** A required (non-null Kotlin) string field; other JSON types are refused (see README: Jackson would coerce scalars). */
function text(object: Record<string, unknown>, name: string, { min = 0, max = Infinity, required = true } = {}): string | undefined {
  const value = own(object, name);
  if (value === undefined || value === null) return required ? fail() : undefined;
  if (typeof value !== 'string') return fail();
  // Bean validation counts UTF-16 code units, as String.length() does.
  if (value.length < min || value.length > max) fail();
  return value;
}

/** A java long as Jackson binds it by default: integers, integral strings, floats truncated. */
function long(value: unknown): number {
  let n: number;
  if (typeof value === 'number') n = Math.trunc(value);
  else if (typeof value === 'string' && /^[+-]?\d+$/.test(value.trim())) n = Number(value.trim());
  else return fail();
  if (!Number.isSafeInteger(n)) fail();
  return n;
}

/** A Boolean as Jackson coerces it by default (true/false, their strings, integers); null stays null. */
function bool(value: unknown): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isInteger(value)) return value !== 0;
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
  return fail();
}

// Non-ASCII characters other than spaces and controls are java.net.URI's "other" characters (allowed).
const URI_CHARS = /^(?:[A-Za-z0-9\-_.!~*'();/?:@&=+$,[\]#]|%[0-9A-Fa-f]{2}|[^\p{ASCII}\s\p{Cc}])*$/u;
/** What `java.net.URI` parses (RFC 2396): relative references such as `www.comune.it/ok.html` included. */
export function isJavaUri(value: string): boolean {
  if (!URI_CHARS.test(value)) return false;
  if ((value.match(/#/g) ?? []).length > 1) return false;
  const scheme = /^([^/?#:]*):/.exec(value);
  if (scheme) {
    if (!/^[A-Za-z][A-Za-z0-9+.-]*$/.test(scheme[1]!)) return false;
    const rest = value.slice(scheme[0].length);
    if (rest === '' || rest.startsWith('#')) return false; // "Expected scheme-specific part"
    if (rest.startsWith('//') && /^\/\/(?:[?#]|$)/.test(rest)) return false; // "Expected authority"
  }
  return true;
}

function uri(object: Record<string, unknown>, name: string, required: boolean): string | undefined {
  const value = own(object, name);
  if (value === undefined || value === null) return required ? fail() : undefined;
  if (typeof value !== 'string' || !isJavaUri(value)) return fail();
  return value;
}

/** Hibernate Validator's @Email, in short: empty is valid; a local part and a domain of dot-separated labels. */
const EMAIL =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u0080-\uFFFF-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u0080-\uFFFF-]+)*@(?:[A-Za-z0-9\u0080-\uFFFF](?:[A-Za-z0-9\u0080-\uFFFF-]{0,61}[A-Za-z0-9\u0080-\uFFFF])?(?:\.[A-Za-z0-9\u0080-\uFFFF](?:[A-Za-z0-9\u0080-\uFFFF-]{0,61}[A-Za-z0-9\u0080-\uFFFF])?)*|\[[0-9.:A-Fa-f]+\])$/u;

function notice(value: unknown): CartNotice {
  if (!isObject(value)) return fail();
  return {
    noticeNumber: text(value, 'noticeNumber', { min: 18, max: 18 })!,
    fiscalCode: text(value, 'fiscalCode', { min: 11, max: 11 })!,
    amount: (() => {
      const raw = own(value, 'amount');
      if (raw === undefined || raw === null) return fail();
      const n = long(raw);
      return n >= 1 ? n : fail();
    })(),
    companyName: text(value, 'companyName', { max: 140 })!,
    description: text(value, 'description', { max: 140 })!,
  };
}

/** The cart request as the service binds and validates it; any violation is the one 400. */
export function parseCartRequest(raw: string | undefined, version: 'v1' | 'v2'): Omit<Cart, 'id' | 'clientId'> & { allCCP?: boolean } {
  if (raw === undefined || raw.trim() === '') throw invalidRequest();
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw invalidRequest();
  }
  try {
    if (!isObject(value)) return fail();
    const notices = own(value, 'paymentNotices');
    if (!Array.isArray(notices) || notices.length < 1 || notices.length > MAX_CART_NOTICES) fail();
    const urls = own(value, 'returnUrls');
    if (!isObject(urls)) return fail();
    const returnUrls: ReturnUrls = {
      returnOkUrl: uri(urls, 'returnOkUrl', true)!,
      returnCancelUrl: uri(urls, 'returnCancelUrl', true)!,
      returnErrorUrl: uri(urls, 'returnErrorUrl', true)!,
    };
    // v1 binds returnWaitingUrl too (optional, and never used: its service keeps it null); v2 requires it.
    const waiting = uri(urls, 'returnWaitingUrl', version === 'v2');
    if (version === 'v2') returnUrls.returnWaitingUrl = waiting;
    const emailNotice = text(value, 'emailNotice', { required: false });
    if (emailNotice !== undefined && emailNotice !== '' && !EMAIL.test(emailNotice)) fail();
    const idCart = text(value, 'idCart', { required: false });
    const allCCP = bool(own(value, 'allCCP'));
    return {
      paymentNotices: (notices as unknown[]).map(notice),
      returnUrls,
      ...(emailNotice === undefined ? {} : { emailNotice }),
      ...(idCart === undefined ? {} : { idCart }),
      ...(allCCP === undefined ? {} : { allCCP }),
    };
  } catch (error) {
    if (error instanceof Invalid) throw invalidRequest();
    throw error;
  }
}

export class Carts {
  readonly #byId = new Map<string, Cart>();

  add(cart: Omit<Cart, 'id'>): Cart {
    const stored = { ...cart, id: randomUUID() };
    this.#byId.set(stored.id, stored);
    return stored;
  }

  get(id: string): Cart | undefined {
    return this.#byId.get(id);
  }

  get size(): number {
    return this.#byId.size;
  }
}

export interface CartsOptions {
  carts: Carts;
  node: PaymentNode;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const origin = (request: FastifyRequest) => `${request.protocol}://${request.host}`;
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The EC's carts API (`/checkout/ec/v1|v2/carts`, behind the gateway). */
export const cartsRoutes: FastifyPluginAsync<CartsOptions> = async (app, { carts, node }) => {
  for (const [version, prefix] of [
    ['v1', CARTS_V1],
    ['v2', CARTS_V2],
  ] as const) {
    app.post(`${prefix}/carts`, async (request, reply) => {
      const cart = parseCartRequest(jsonBody(request), version);
      const rptIds = cart.paymentNotices.map((n) => n.fiscalCode + n.noticeNumber);
      if (new Set(rptIds).size !== rptIds.length) throw unprocessable('Duplicate payment notice values found.');
      // The service builds an RptId of 29 letters or digits (otherwise its generic 500; here the 400).
      if (rptIds.some((id) => !/^[A-Za-z0-9]{29}$/.test(id))) throw invalidRequest();
      // checkPosition: every notice must be one the Node would take now.
      for (const rptId of rptIds) {
        try {
          await node.verify(rptId);
        } catch (error) {
          if (error instanceof NodeFault) throw unprocessable('Invalid payment notice data');
          throw error;
        }
      }
      const { allCCP: _allCCP, ...kept } = cart;
      const stored = carts.add({ ...kept, clientId: CART_CLIENT_ID });
      const location = `${origin(request)}${CHECKOUT_V1}/carts/${stored.id}/redirect?clientId=${CART_CLIENT_ID}`;
      return reply.code(302).header('location', location).send();
    });
  }
};

/** Checkout's side of a cart: the APIM redirect page and the cart the front end reads back (no key). */
export const cartPagesRoutes: FastifyPluginAsync<{ carts: Carts }> = async (app, { carts }) => {
  const find = (request: FastifyRequest) => {
    const id = param(request, 'cartId');
    if (!UUID.test(id)) throw invalidRequest();
    const cart = carts.get(id.toLowerCase());
    if (!cart) throw new ProblemError(404, 'Cart not found', `Cart with id ${id} not found`);
    return cart;
  };

  app.get(`${CHECKOUT_V1}/carts/:cartId`, async (request, reply) => {
    const cart = find(request);
    return sendJson(reply, 200, {
      paymentNotices: cart.paymentNotices,
      returnUrls: cart.returnUrls,
      ...(cart.emailNotice === undefined ? {} : { emailNotice: cart.emailNotice }),
      ...(cart.idCart === undefined ? {} : { idCart: cart.idCart }),
    });
  });

  // APIM's policy: an HTML page that refreshes to Checkout's cart route.
  app.get(`${CHECKOUT_V1}/carts/:cartId/redirect`, async (request, reply) => {
    const cart = find(request);
    const clientId = queryValue(request, 'clientId') ?? cart.clientId;
    const target = `${origin(request)}/c/${cart.id}?clientId=${encodeURIComponent(clientId)}`;
    return reply
      .type('text/html; charset=utf-8')
      .send(`<!DOCTYPE html><html><head><meta http-equiv="refresh" content="0; url=${escapeHtml(target)}"></head><body></body></html>`);
  });
};
