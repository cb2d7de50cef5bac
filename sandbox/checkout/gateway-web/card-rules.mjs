// Validation rules of the hosted card fields, with the gateway's error codes (HF0001 CVV,
// HF0004 number, HF0005 unsupported circuit, HF0006 expiry, HF0007 holder). One module for both
// sides: the gateway's server imports it (card-rules.ts) and the field pages load it as served by
// the gateway (`/monetaweb/resources/card-rules.mjs`). Plain JavaScript, types in card-rules.d.mts.

/** Luhn check of a string of digits. */
export function luhn(digits) {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** The circuit of a card number by its prefix, or undefined. */
export function cardBrand(digits) {
  if (/^4/.test(digits)) return 'VISA';
  if (/^(5[1-5]|222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720)/.test(digits)) return 'MASTERCARD';
  if (/^3[47]/.test(digits)) return 'AMEX';
  if (/^(50|5[6-9]|6\d)/.test(digits)) return 'MAESTRO';
  return undefined;
}

/** The error code of a field value, or undefined when it is valid. */
export function fieldError(field, value, now) {
  switch (field) {
    case 'CARD_NUMBER': {
      const digits = value.replace(/\s/g, '');
      if (!/^\d{12,19}$/.test(digits) || !luhn(digits)) return 'HF0004';
      return cardBrand(digits) ? undefined : 'HF0005';
    }
    case 'EXPIRATION_DATE': {
      const match = value.replace(/\s/g, '').match(/^(\d{2})\/?(\d{2})$/);
      if (!match) return 'HF0006';
      const month = Number(match[1]);
      const year = 2000 + Number(match[2]);
      if (month < 1 || month > 12) return 'HF0006';
      // Valid through the last day of the month.
      return Date.UTC(year, month, 1) <= now.getTime() ? 'HF0006' : undefined;
    }
    case 'SECURITY_CODE':
      return /^\d{3,4}$/.test(value) ? undefined : 'HF0001';
    case 'CARDHOLDER_NAME':
      return /^[\p{L}][\p{L} '.-]{1,49}$/u.test(value.trim()) ? undefined : 'HF0007';
    default:
      return undefined;
  }
}
