// The card gateway's stand-in (the role Nexi NPG plays in UAT): hosted card fields on their own
// origin, the SDK script defining the global `Build` class, the card data store behind them and the
// GDI (3-D Secure) page. It is a separate Fastify app, listening on its own port, so that the card
// iframes are cross-origin to Checkout exactly as in UAT. Card data never reaches Checkout: the
// ecommerce backend only reads the masked data (bin, last four digits, expiry, brand).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonBody, param, sendJson, installHttpBasics } from '../http.ts';
import { ProblemError } from '../problem.ts';
import { CARD_FIELDS, CARD_RULES_ASSET, CARD_RULES_PATH, cardBrand, fieldError, type CardField } from './card-rules.ts';
import { headerValue, queryValue } from './request-values.ts';

export interface MaskedCard {
  bin: string;
  lastFourDigits: string;
  /** MM/YY */
  expiringDate: string;
  brand: string;
}

export type SessionState = 'CARD_DATA_COLLECTION' | 'READY_FOR_PAYMENT' | 'PAYMENT_COMPLETE';

export interface CardSession {
  orderId: string;
  sessionId: string;
  correlationId: string;
  /** Origin of the Checkout page that opened the session: the only one the fields talk to. */
  checkoutOrigin: string;
  lang: string;
  values: Partial<Record<CardField, string>>;
  state: SessionState;
  /** The one ecommerce transaction the orderId serves, bound at its activation. */
  transactionId?: string;
}

/** Called when the GDI step authorizes the payment of a session; answers where the browser goes next. */
export type AuthorizationHandler = (session: CardSession, card: MaskedCard) => Promise<void>;

export class CardGateway {
  /** Public origin of the gateway app; set once it listens. */
  origin = 'http://127.0.0.1:0';
  readonly #sessions = new Map<string, CardSession>();
  #onAuthorize: AuthorizationHandler = async () => {};

  onAuthorize(handler: AuthorizationHandler): void {
    this.#onAuthorize = handler;
  }

  open(checkoutOrigin: string, lang: string): CardSession {
    const session: CardSession = {
      // 18 characters, unique: a random part, not the time, tells sessions apart.
      orderId: `E${randomUUID().replaceAll('-', '').slice(0, 17).toUpperCase()}`,
      sessionId: randomUUID(),
      correlationId: randomUUID(),
      checkoutOrigin,
      lang,
      values: {},
      state: 'CARD_DATA_COLLECTION',
    };
    this.#sessions.set(session.orderId, session);
    return session;
  }

  byOrderId(orderId: string): CardSession | undefined {
    return this.#sessions.get(orderId);
  }

  bySessionId(sessionId: string): CardSession | undefined {
    return [...this.#sessions.values()].find((s) => s.sessionId === sessionId);
  }

  /** The four field iframes of a session, as the sessions API lists them. */
  form(session: CardSession): Array<{ type: 'TEXT'; class: 'CARD_FIELD'; id: CardField; src: string }> {
    return CARD_FIELDS.map((id) => ({
      type: 'TEXT',
      class: 'CARD_FIELD',
      id,
      src: `${this.origin}/fe/build/field/${id}?${new URLSearchParams({ sessionid: session.sessionId, lang: session.lang, correlationid: session.correlationId })}`,
    }));
  }

  masked(session: CardSession): MaskedCard | undefined {
    const { CARD_NUMBER: pan, EXPIRATION_DATE: expiry } = session.values;
    if (session.state === 'CARD_DATA_COLLECTION' || !pan || !expiry) return undefined;
    const digits = pan.replace(/\D/g, '');
    const [month, year] = expiry
      .replace(/\D/g, '')
      .match(/^(\d{2})(\d{2})$/)!
      .slice(1);
    return { bin: digits.slice(0, 6), lastFourDigits: digits.slice(-4), expiringDate: `${month}/${year}`, brand: cardBrand(digits) ?? 'UNKNOWN' };
  }

  /** Stores field values; the session is ready for payment once all four are stored and valid. */
  store(session: CardSession, fieldValues: Array<{ id: string; value: string }>, now: Date): SessionState {
    // All checked before any is kept: a refused request stores nothing.
    for (const { id, value } of fieldValues) {
      if (!(CARD_FIELDS as readonly string[]).includes(id)) throw new ProblemError(400, 'Bad Request', `Unknown field ${id}`);
      const error = fieldError(id as CardField, value, now);
      if (error) throw new ProblemError(400, 'Bad Request', `${id}: ${error}`);
    }
    for (const { id, value } of fieldValues) session.values[id as CardField] = value;
    if (session.state === 'CARD_DATA_COLLECTION' && CARD_FIELDS.every((f) => session.values[f] !== undefined)) session.state = 'READY_FOR_PAYMENT';
    return session.state;
  }

  async authorize(session: CardSession): Promise<void> {
    const card = this.masked(session);
    if (!card || session.state !== 'READY_FOR_PAYMENT') throw new ProblemError(409, 'Conflict', 'Session not ready for payment');
    await this.#onAuthorize(session, card);
    session.state = 'PAYMENT_COMPLETE';
  }
}

const asset = (name: string) => readFileSync(new URL(`./gateway-web/${name}`, import.meta.url), 'utf8');
const html = (text: string, values: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => escapeHtml(values[key] ?? ''));
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function buildCardGatewayApp(gateway: CardGateway, options: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false });
  installHttpBasics(app);
  const sdk = asset('hfsdk.js');
  const cardRules = asset(CARD_RULES_ASSET);
  const field = asset('field.html');
  const gdi = asset('gdi.html');
  const fieldLabels = JSON.parse(asset('field-labels.json')) as Record<string, Record<string, string>>;

  app.get('/monetaweb/resources/hfsdk.js', async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-store').send(sdk),
  );

  // The field pages' validation rules: the same module the server applies (card-rules.ts).
  app.get(CARD_RULES_PATH, async (_request, reply) => reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-store').send(cardRules));

  app.get('/fe/build/field/:fieldId', async (request, reply) => {
    const id = param(request, 'fieldId');
    const session = gateway.bySessionId(queryValue(request, 'sessionid') ?? '');
    if (!session || !(CARD_FIELDS as readonly string[]).includes(id)) return reply.code(404).type('text/plain').send('Unknown session or field');
    const labels = fieldLabels[session.lang.startsWith('en') ? 'en' : 'it']!;
    return reply
      .type('text/html; charset=utf-8')
      .send(html(field, { id, sessionId: session.sessionId, correlationId: session.correlationId, parentOrigin: session.checkoutOrigin, label: labels[id]! }));
  });

  // The hosted fields post their values here (NPG's `fe/build/text` shape: `{fieldValues: [{id, value}]}`).
  app.post('/fe/build/text/', async (request, reply) => {
    const session = gateway.bySessionId(headerValue(request, 'session') ?? '');
    if (!session) throw new ProblemError(401, 'Unauthorized', 'Unknown session');
    let body: unknown;
    try {
      body = JSON.parse(jsonBody(request) ?? '{}');
    } catch {
      throw new ProblemError(400, 'Bad Request', 'Malformed JSON request body');
    }
    const fieldValues = (body as { fieldValues?: unknown } | null)?.fieldValues;
    if (!Array.isArray(fieldValues)) throw new ProblemError(400, 'Bad Request', 'fieldValues is required');
    const isFieldValue = (v: unknown): v is { id: string; value: string } =>
      typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string' && typeof (v as { value?: unknown }).value === 'string';
    if (!fieldValues.every(isFieldValue)) throw new ProblemError(400, 'Bad Request', 'Each of fieldValues needs a string id and a string value');
    return sendJson(reply, 200, { state: gateway.store(session, fieldValues, new Date()) });
  });

  app.get('/monetaweb/gdi/:sessionId', async (request, reply) => {
    const session = gateway.bySessionId(param(request, 'sessionId'));
    if (!session) return reply.code(404).type('text/plain').send('Unknown session');
    return reply.type('text/html; charset=utf-8').send(html(gdi, { sessionId: session.sessionId, parentOrigin: session.checkoutOrigin }));
  });

  // The (frictionless) 3-D Secure step: authorizes, then tells Checkout where the outcome page is.
  app.post('/monetaweb/gdi/:sessionId/authorize', async (request, reply) => {
    const session = gateway.bySessionId(param(request, 'sessionId'));
    if (!session) throw new ProblemError(404, 'Not Found', 'Unknown session');
    if (session.state !== 'PAYMENT_COMPLETE') await gateway.authorize(session);
    return sendJson(reply, 200, { redirectUrl: `${session.checkoutOrigin}/esito?t=${Date.now()}` });
  });

  return app;
}
