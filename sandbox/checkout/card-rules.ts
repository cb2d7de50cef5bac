// The hosted card fields of the gateway and their validation rules. The rules are one plain ES
// module, gateway-web/card-rules.mjs, that the field pages load from the gateway too
// (`/monetaweb/resources/card-rules.mjs`): the browser and the server apply the same code.
import * as rules from './gateway-web/card-rules.mjs';

export const CARD_FIELDS = ['CARD_NUMBER', 'EXPIRATION_DATE', 'SECURITY_CODE', 'CARDHOLDER_NAME'] as const;
export type CardField = (typeof CARD_FIELDS)[number];

export const { luhn, cardBrand } = rules;

/** The error code of a field value, or undefined when it is valid. */
export function fieldError(field: CardField, value: string, now: Date): string | undefined {
  return rules.fieldError(field, value, now);
}

/** The rules module's path on the gateway and its file name under gateway-web/. */
export const CARD_RULES_PATH = '/monetaweb/resources/card-rules.mjs';
export const CARD_RULES_ASSET = 'card-rules.mjs';
