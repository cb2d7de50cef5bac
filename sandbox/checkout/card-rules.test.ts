// The card gateway's server-side field rules (card-rules.ts): Luhn, brand by prefix and the error code
// of each hosted field, with the expiry checked at the month (and year) boundaries.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CARD_FIELDS, cardBrand, fieldError, luhn } from './card-rules.ts';

/** `payload` completed with its Luhn check digit (computed here independently of card-rules). */
function withCheckDigit(payload: string): string {
  let sum = 0;
  [...payload].reverse().forEach((c, i) => {
    const d = Number(c) * (i % 2 === 0 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  });
  return `${payload}${(10 - (sum % 10)) % 10}`;
}

const NOW = new Date(Date.UTC(2026, 5, 15, 12)); // 15 June 2026

describe('luhn', () => {
  it('accepts the usual test card numbers', () => {
    for (const pan of [
      '4242424242424242',
      '4111111111111111',
      '5555555555554444',
      '5255000260000014',
      '2223003122003222',
      '378282246310005',
      '6011111111111117',
    ]) {
      assert.equal(luhn(pan), true, pan);
    }
  });

  it('refuses any single changed digit', () => {
    const pan = '4242424242424242';
    for (let i = 0; i < pan.length; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === pan[i]) continue;
        const changed = `${pan.slice(0, i)}${d}${pan.slice(i + 1)}`;
        assert.equal(luhn(changed), false, changed);
      }
    }
  });

  it('refuses two swapped adjacent digits (other than 0/9)', () => {
    assert.equal(luhn('4111111111111111'), true);
    assert.equal(luhn('1411111111111111'), false);
    assert.equal(luhn('4539578763621486'), true);
    assert.equal(luhn('4539578763621468'), false);
  });

  it('doubles every second digit from the right, whatever the length', () => {
    assert.equal(luhn('18'), true); // 1*2 + 8 = 10
    assert.equal(luhn('81'), false); // 8*2-9 + 1 = 8
    assert.equal(luhn('059'), true); // 9 + (5*2-9) + 0 = 10
    assert.equal(luhn(withCheckDigit('400000000000')), true);
    assert.equal(luhn(withCheckDigit('412345678901234567')), true);
  });
});

describe('cardBrand', () => {
  const cases: Array<[string, string | undefined]> = [
    ['4242424242424242', 'VISA'],
    ['4000000000000002', 'VISA'],
    ['5100000000000008', 'MASTERCARD'],
    ['5555555555554444', 'MASTERCARD'],
    ['2221000000000009', 'MASTERCARD'], // first of the 2-series
    ['2720990000000007', 'MASTERCARD'], // last of the 2-series
    ['2721000000000000', undefined], // just after it
    ['2220990000000000', undefined], // just before it
    ['2300000000000003', 'MASTERCARD'],
    ['340000000000009', 'AMEX'],
    ['378282246310005', 'AMEX'],
    ['3530111333300000', undefined], // JCB is not accepted
    ['36000000000008', undefined], // Diners neither
    ['5018000000000009', 'MAESTRO'],
    ['5600000000000003', 'MAESTRO'],
    ['6759649826438453', 'MAESTRO'],
    ['1234567890123452', undefined],
    ['9999999999999995', undefined],
    ['', undefined],
  ];
  for (const [pan, brand] of cases) {
    it(`${pan || '(empty)'} → ${brand ?? 'unknown'}`, () => assert.equal(cardBrand(pan), brand));
  }
});

describe('fieldError', () => {
  it('knows exactly the four hosted fields, in the order of the form', () => {
    assert.deepEqual(CARD_FIELDS, ['CARD_NUMBER', 'EXPIRATION_DATE', 'SECURITY_CODE', 'CARDHOLDER_NAME']);
  });

  it('CARD_NUMBER: 12 to 19 Luhn-valid digits (spaces ignored), else HF0004; an unknown circuit HF0005', () => {
    assert.equal(fieldError('CARD_NUMBER', '4242424242424242', NOW), undefined);
    assert.equal(fieldError('CARD_NUMBER', '4242 4242 4242 4242', NOW), undefined);
    assert.equal(fieldError('CARD_NUMBER', ' 4242424242424242 ', NOW), undefined);
    assert.equal(fieldError('CARD_NUMBER', withCheckDigit('40000000000'), NOW), undefined, '12 digits');
    assert.equal(fieldError('CARD_NUMBER', withCheckDigit('400000000000000000'), NOW), undefined, '19 digits');
    assert.equal(fieldError('CARD_NUMBER', withCheckDigit('4000000000'), NOW), 'HF0004', '11 digits');
    assert.equal(fieldError('CARD_NUMBER', withCheckDigit('4000000000000000000'), NOW), 'HF0004', '20 digits');
    assert.equal(fieldError('CARD_NUMBER', '4242424242424241', NOW), 'HF0004', 'bad check digit');
    assert.equal(fieldError('CARD_NUMBER', '4242-4242-4242-4242', NOW), 'HF0004', 'only spaces are separators');
    assert.equal(fieldError('CARD_NUMBER', '4242x24242424242', NOW), 'HF0004');
    assert.equal(fieldError('CARD_NUMBER', '', NOW), 'HF0004');
    assert.equal(fieldError('CARD_NUMBER', '0000000000000000', NOW), 'HF0005', 'Luhn-valid but no circuit');
    assert.equal(fieldError('CARD_NUMBER', '3530111333300000', NOW), 'HF0005', 'JCB');
  });

  describe('EXPIRATION_DATE: MM/YY or MMYY, valid through the last instant (UTC) of its month, else HF0006', () => {
    const at = (year: number, monthIndex: number, day = 1, h = 0, m = 0, s = 0, ms = 0) => new Date(Date.UTC(year, monthIndex, day, h, m, s, ms));

    it('this month and later are valid, earlier months are not', () => {
      assert.equal(fieldError('EXPIRATION_DATE', '06/26', NOW), undefined);
      assert.equal(fieldError('EXPIRATION_DATE', '0626', NOW), undefined);
      assert.equal(fieldError('EXPIRATION_DATE', ' 06 / 26 ', NOW), undefined, 'spaces ignored');
      assert.equal(fieldError('EXPIRATION_DATE', '07/26', NOW), undefined);
      assert.equal(fieldError('EXPIRATION_DATE', '01/27', NOW), undefined);
      assert.equal(fieldError('EXPIRATION_DATE', '05/26', NOW), 'HF0006');
      assert.equal(fieldError('EXPIRATION_DATE', '12/25', NOW), 'HF0006');
      assert.equal(fieldError('EXPIRATION_DATE', '06/25', NOW), 'HF0006', 'same month, last year');
    });

    it('expires at the first instant of the next month', () => {
      assert.equal(fieldError('EXPIRATION_DATE', '06/26', at(2026, 5, 1)), undefined, 'first instant of its month');
      assert.equal(fieldError('EXPIRATION_DATE', '06/26', at(2026, 5, 30, 23, 59, 59, 999)), undefined, 'last instant of its month');
      assert.equal(fieldError('EXPIRATION_DATE', '06/26', at(2026, 6, 1)), 'HF0006', 'first instant of July');
    });

    it('December expires at the new year; February at the end of a leap February', () => {
      assert.equal(fieldError('EXPIRATION_DATE', '12/26', at(2026, 11, 31, 23, 59, 59, 999)), undefined);
      assert.equal(fieldError('EXPIRATION_DATE', '12/26', at(2027, 0, 1)), 'HF0006');
      assert.equal(fieldError('EXPIRATION_DATE', '01/27', at(2026, 11, 31, 23, 59, 59, 999)), undefined);
      assert.equal(fieldError('EXPIRATION_DATE', '02/28', at(2028, 1, 29, 12)), undefined, '29 February 2028');
      assert.equal(fieldError('EXPIRATION_DATE', '02/28', at(2028, 2, 1)), 'HF0006');
    });

    it('refuses impossible months and other shapes', () => {
      for (const value of ['00/30', '13/30', '99/30', '6/26', '06/2026', '062026', '06-26', '06.26', 'ab/cd', '', '/']) {
        assert.equal(fieldError('EXPIRATION_DATE', value, NOW), 'HF0006', value);
      }
    });
  });

  it('SECURITY_CODE: 3 or 4 digits, else HF0001', () => {
    for (const value of ['000', '123', '1234']) assert.equal(fieldError('SECURITY_CODE', value, NOW), undefined, value);
    for (const value of ['', '1', '12', '12345', '12a', ' 123', '12 3', '١٢٣']) assert.equal(fieldError('SECURITY_CODE', value, NOW), 'HF0001', value);
  });

  it('CARDHOLDER_NAME: 2 to 50 letters, spaces, apostrophes, dots or hyphens, starting with a letter, else HF0007', () => {
    for (const value of ['Mario Rossi', "Maria D'Amico", 'José Ñúñez-Pérez', 'J. R. R. Tolkien', 'Jo', '  Mario Rossi  ', `M${'a'.repeat(49)}`]) {
      assert.equal(fieldError('CARDHOLDER_NAME', value, NOW), undefined, value);
    }
    for (const value of ['', 'X', '   ', "'Mario", '-Mario', 'Mario 2', 'R2D2', 'Mario@Rossi', `M${'a'.repeat(50)}`]) {
      assert.equal(fieldError('CARDHOLDER_NAME', value, NOW), 'HF0007', value);
    }
  });
});
