// The API Management layer in front of the platform's APIs: subscription key (header
// `Ocp-Apim-Subscription-Key` or query `subscription-key`) checked against the API's product,
// EC fiscal code bound to the key, per-key rate limits, and `X-Request-Id` on every response.
// Its error bodies are APIM's `{statusCode, message}`, not ProblemJson.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Product, Subscription } from './app.ts';

export interface RateLimit {
  calls: number;
  periodMs: number;
}

/** Which product's keys an API accepts, and which rate limit applies to it. */
export interface ProtectedApi {
  /** The prefix its routes are registered under (matched against the routed route, not the URL). */
  prefix: string;
  product: Product;
  /** False for an API open to calls without a key (a key, if sent, must still be one of its product's). */
  subscriptionRequired?: boolean;
  /** Per key (`gpd`, `upload`), or per caller address for an open API (`carts`: X-Forwarded-For, as its policy). */
  rateLimit?: RateLimitName;
}

export type RateLimitName = 'gpd' | 'upload' | 'carts';

export interface GatewayOptions {
  subscriptions: Subscription[];
  apis: ProtectedApi[];
  rateLimits: Record<RateLimitName, RateLimit>;
  /** Routes (as registered, prefix included) served without a key (health checks). */
  openPaths: string[];
  /** Time source of the rate limiter: real time, not the sandbox clock (moving it must not refill). */
  now?: () => number;
}

const MISSING_KEY = 'Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.';
const INVALID_KEY = 'Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.';
const FORBIDDEN = 'You are not allowed to access this resource.';
/** Path parameters that carry the EC fiscal code the key must be bound to. */
const ORGANIZATION_PARAMS = ['organizationfiscalcode', 'organization-fiscal-code'];

/** Fixed window per key, like APIM's rate-limit-by-key. */
class RateLimiter {
  readonly #windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly now: () => number) {}

  take(key: string, limit: RateLimit): { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number } {
    const now = this.now();
    let window = this.#windows.get(key);
    if (!window || now - window.start >= limit.periodMs) {
      window = { start: now, count: 0 };
      this.#windows.set(key, window);
    }
    if (window.count >= limit.calls) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + limit.periodMs - now) / 1000)) };
    }
    window.count++;
    return { allowed: true, remaining: limit.calls - window.count };
  }
}

const apimError = (reply: FastifyReply, statusCode: number, message: string) => reply.code(statusCode).send({ statusCode, message });

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function subscriptionKey(request: FastifyRequest): string | undefined {
  const header = first(request.headers['ocp-apim-subscription-key']);
  if (header) return header;
  const query = request.query as Record<string, string | string[] | undefined> | undefined;
  return first(query?.['subscription-key']) || undefined;
}

/** The caller as APIM's rate-limit-by-key on X-Forwarded-For sees it: the header's first address, else the socket's. */
function callerAddress(request: FastifyRequest): string {
  return first(request.headers['x-forwarded-for'])?.split(',')[0]?.trim() || request.ip;
}

export function installGateway(app: FastifyInstance, options: GatewayOptions): void {
  const limiter = new RateLimiter(options.now ?? Date.now);

  app.addHook('onRequest', async (request, reply) => {
    const requestId = first(request.headers['x-request-id']) || randomUUID();
    reply.header('X-Request-Id', requestId);

    // Decide on the route the router matched, not on the request's spelling of it: the router
    // decodes `%67pd`, strips an absolute-form origin... so a prefix test on `request.url` would let
    // such spellings reach a protected handler without a key. A route's registered URL starts with
    // the prefix its plugin was mounted at.
    const route = request.is404 ? undefined : request.routeOptions.url;
    // Unknown operations are APIM's 404, whatever the key.
    if (route === undefined || options.openPaths.includes(route)) return;
    const api = options.apis.find((a) => route === a.prefix || route.startsWith(`${a.prefix}/`));
    if (!api) return;

    const key = subscriptionKey(request);
    if (!key && api.subscriptionRequired !== false) return apimError(reply, 401, MISSING_KEY);
    // APIM checks a key that is sent even where none is required: one not scoped to the API's product is refused.
    const subscription = key === undefined ? undefined : options.subscriptions.find((s) => s.key === key && s.product === api.product);
    if (key !== undefined && !subscription) return apimError(reply, 401, INVALID_KEY);

    if (api.rateLimit) {
      const counter = api.subscriptionRequired === false ? `address:${callerAddress(request)}` : key;
      const verdict = limiter.take(`${api.rateLimit}:${counter}`, options.rateLimits[api.rateLimit]);
      if (!verdict.allowed) {
        reply.header('Retry-After', String(verdict.retryAfterSeconds));
        return apimError(reply, 429, `Rate limit is exceeded. Try again in ${verdict.retryAfterSeconds} seconds.`);
      }
      // Despite its name, APIM's header counts the current window.
      reply.header('x-remaining-calls-per-min', String(verdict.remaining));
    }

    if (!subscription) return;
    const params = (request.params ?? {}) as Record<string, string | undefined>;
    const organization = ORGANIZATION_PARAMS.map((name) => params[name]).find((value) => value !== undefined);
    if (organization !== undefined && !subscription.organizations.includes('*') && !subscription.organizations.includes(organization)) {
      return apimError(reply, 403, FORBIDDEN);
    }
  });
}
