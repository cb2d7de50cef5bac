// Client of the Checkout carts API as an EC's portal uses it: it posts the notices to pay and the return URLs,
// and sends the citizen's browser to the `Location` of the 302 (pages/checkout/cart-pages.ts follows it).
import type { ApiExchange } from './api-client.ts';
import { sendOperation, type Transport } from './gpd-client.ts';
import type { CartRequest } from '../schema-types.ts';

export const CARTS_PATHS = { v1: '/checkout/ec/v1/carts', v2: '/checkout/ec/v2/carts' } as const;
export type CartsVersion = keyof typeof CARTS_PATHS;
/** How many notices a cart may hold (contract: paymentNotices maxItems). */
export const MAX_CART_NOTICES = 5;

export class CartsClient {
  constructor(private readonly transport: Transport) {}

  /** POST the cart; a 302 carries the Checkout address in `location` (never followed here). */
  create(cart: CartRequest, options: { version?: CartsVersion; invalidOnPurpose?: boolean } = {}): Promise<ApiExchange<unknown>> {
    const version = options.version ?? 'v1';
    return sendOperation(this.transport, {
      action: `Create a Checkout cart of ${Array.isArray(cart.paymentNotices) ? cart.paymentNotices.length : '?'} notices (${version})`,
      request: { method: 'POST', path: CARTS_PATHS[version], body: cart },
      requestSchema: 'checkout/CartRequest',
      errorSchema: 'checkout/CartProblemJson',
      invalidOnPurpose: options.invalidOnPurpose,
    });
  }
}

/** The Checkout address of a created cart (the 302's Location), or undefined. */
export function cartLocation(exchange: ApiExchange): string | undefined {
  return exchange.response.status === 302 ? exchange.response.headers.location : undefined;
}
