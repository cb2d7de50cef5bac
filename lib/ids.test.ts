import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  fiscalCodeCheckChar,
  ibanCheckDigits,
  isValidIban,
  isValidIuv,
  isValidOrganizationFiscalCode,
  isValidPersonalFiscalCode,
  italianCin,
  isLuhnValid,
  iuvCheckDigits,
  luhnCheckDigit,
  makeItalianIban,
  makeIuv,
  makePersonalFiscalCode,
  navFromIuv,
  organizationFiscalCodeCheckDigit,
} from './ids.ts';

/** Small seeded PRNG (mulberry32) so that a failing round trip can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(20250301);
const randomDigits = (n: number): string => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
const randomChar = (alphabet: string): string => alphabet.charAt(Math.floor(random() * alphabet.length));

/** Replaces the character at `index` with a different one from `alphabet`. */
function mutate(text: string, index: number, alphabet: string): string {
  const current = text.charAt(index);
  let replacement = current;
  while (replacement === current) replacement = randomChar(alphabet);
  return text.slice(0, index) + replacement + text.slice(index + 1);
}
const DIGITS = '0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

describe('IUV and NAV', () => {
  test('known example from the notes: segregation 01, base 0000000012345', () => {
    assert.equal(iuvCheckDigits('01', '0000000012345'), '19');
    assert.equal(makeIuv('01', '0000000012345'), '01000000001234519');
    assert.equal(navFromIuv('01000000001234519'), '301000000001234519');
    assert.equal(isValidIuv('01000000001234519'), true);
  });

  test('check digits are left-padded to 2 digits', () => {
    // 3000000000000000 mod 93 = 3
    assert.equal(iuvCheckDigits('00', '0000000000000'), '03');
    assert.equal(makeIuv('00', '0000000000000'), '00000000000000003');
  });

  test('GPD integration-test IUVs have wrong check digits (GPD does not verify them)', () => {
    assert.equal(isValidIuv('03163674189686371'), false);
    assert.equal(isValidIuv('11101751670642134'), false);
  });

  test('round trip over random bases and segregation codes', () => {
    for (let i = 0; i < 500; i++) {
      const seg = randomDigits(2);
      const base = randomDigits(13);
      const iuv = makeIuv(seg, base);
      assert.match(iuv, /^[0-9]{17}$/);
      assert.equal(isValidIuv(iuv), true, iuv);
      assert.equal(navFromIuv(iuv), '3' + iuv);
    }
  });

  test('one changed digit makes the IUV invalid', () => {
    for (let i = 0; i < 300; i++) {
      const iuv = makeIuv(randomDigits(2), randomDigits(13));
      const position = Math.floor(random() * 17);
      // mod 93 tells apart any single-digit change (the difference k*10^n is never a multiple of 93)
      assert.equal(isValidIuv(mutate(iuv, position, DIGITS)), false);
    }
  });

  test('malformed input', () => {
    assert.equal(isValidIuv('0100000000123451'), false);
    assert.equal(isValidIuv('0100000000123451A'), false);
    assert.equal(isValidIuv(''), false);
    assert.throws(() => iuvCheckDigits('1', '0000000012345'), /segregation code/);
    assert.throws(() => makeIuv('01', '000000001234'), /IUV base/);
    assert.throws(() => navFromIuv('123'), /IUV/);
  });
});

describe('personal fiscal code', () => {
  test('Mario Rossi, 1980-01-01, M, Roma (H501) -> RSSMRA80A01H501U', () => {
    assert.equal(fiscalCodeCheckChar('RSSMRA80A01H501'), 'U');
    assert.equal(
      makePersonalFiscalCode({ surname: 'Rossi', name: 'Mario', birthDate: new Date('1980-01-01'), sex: 'M', belfiore: 'H501' }),
      'RSSMRA80A01H501U',
    );
    assert.equal(isValidPersonalFiscalCode('RSSMRA80A01H501U'), true);
  });

  // Examples that circulate in public documentation and tutorials; the check character is
  // recomputed by our algorithm, and the code rebuilt from the personal data.
  const published = [
    { cf: 'RSSMRA85T10A562S', surname: 'Rossi', name: 'Mario', date: '1985-12-10', sex: 'M', belfiore: 'A562' },
    { cf: 'MRTMTT25D09F205Z', surname: 'Moretti', name: 'Matteo', date: '1925-04-09', sex: 'M', belfiore: 'F205' },
    // Vincenzo has 4+ consonants (V N C N Z): the name code takes the 1st, 3rd, 4th -> VCN.
    { cf: 'BNZVCN32S10E573Z', surname: 'Benzi', name: 'Vincenzo', date: '1932-11-10', sex: 'M', belfiore: 'E573' },
    { cf: 'RSSMRA70A01H501S', surname: 'Rossi', name: 'Mario', date: '1970-01-01', sex: 'M', belfiore: 'H501' },
  ] as const;
  for (const p of published) {
    test(`published example ${p.cf}`, () => {
      assert.equal(fiscalCodeCheckChar(p.cf.slice(0, 15)), p.cf.charAt(15));
      assert.equal(isValidPersonalFiscalCode(p.cf), true);
      const built = makePersonalFiscalCode({
        surname: p.surname,
        name: p.name,
        birthDate: new Date(p.date),
        sex: p.sex,
        belfiore: p.belfiore,
      });
      assert.equal(built, p.cf);
    });
  }

  test('name and surname rules: short names padded with X, accents and spaces dropped, F day + 40', () => {
    const cf = makePersonalFiscalCode({ surname: 'Fo', name: 'Ea', birthDate: new Date('2001-02-05'), sex: 'F', belfiore: 'F205' });
    assert.equal(cf.slice(0, 15), 'FOXEAX01B45F205');
    assert.equal(isValidPersonalFiscalCode(cf), true);
    // "De Luca" -> DLC; "Nicolò" -> NCL (3 consonants, accent dropped); December -> T; 31 + 40 = 71
    const cf2 = makePersonalFiscalCode({ surname: 'De Luca', name: 'Nicolò', birthDate: new Date('1999-12-31'), sex: 'F', belfiore: 'H501' });
    assert.equal(cf2.slice(0, 15), 'DLCNCL99T71H501');
    // Gianfranco: consonants G N F R N C -> 1st, 3rd, 4th = GFR; "D'Amico" -> DMC
    const cf3 = makePersonalFiscalCode({ surname: "D'Amico", name: 'Gianfranco', birthDate: new Date('1960-07-15'), sex: 'M', belfiore: 'L219' });
    assert.equal(cf3.slice(0, 15), 'DMCGFR60L15L219');
  });

  test('omocodia variants are accepted when the check character matches', () => {
    // RSSMRA80A01H501U with its last Belfiore digit 1 -> M (omocodia), check recomputed
    const first15 = 'RSSMRA80A01H50M';
    assert.equal(isValidPersonalFiscalCode(first15 + fiscalCodeCheckChar(first15)), true);
  });

  test('round trip over random people', () => {
    const names = ['Mario', 'Anna', 'Giuseppe', 'Lucia', 'Ugo', 'Ida', 'Francesca', 'Pietro', 'Lea', 'Chiara'];
    const surnames = ['Rossi', 'Bianchi', 'Esposito', 'Li', 'Romano', 'Colombo', 'Oe', 'Ricci', 'Marino', 'Greco'];
    for (let i = 0; i < 300; i++) {
      const birthDate = new Date(Date.UTC(1920 + Math.floor(random() * 100), Math.floor(random() * 12), 1 + Math.floor(random() * 28)));
      const cf = makePersonalFiscalCode({
        surname: surnames[i % surnames.length] ?? 'Rossi',
        name: names[Math.floor(random() * names.length)] ?? 'Mario',
        birthDate,
        sex: random() < 0.5 ? 'M' : 'F',
        belfiore: randomChar(UPPER) + randomDigits(3),
      });
      assert.equal(isValidPersonalFiscalCode(cf), true, cf);
    }
  });

  test('one changed character makes it invalid', () => {
    const cf = 'RSSMRA80A01H501U';
    for (let i = 0; i < 16; i++) {
      // letters stay letters, digits stay digits, so only the check character can catch it
      const alphabet = /[0-9]/.test(cf.charAt(i)) ? DIGITS : UPPER;
      for (let k = 0; k < 5; k++) assert.equal(isValidPersonalFiscalCode(mutate(cf, i, alphabet)), false);
    }
  });

  test('malformed codes and input', () => {
    assert.equal(isValidPersonalFiscalCode('rssmra80a01h501u'), false);
    assert.equal(isValidPersonalFiscalCode('RSSMRA80A01H501'), false);
    assert.equal(isValidPersonalFiscalCode('RSSMRA80Z01H501U'), false); // Z is not a month letter
    assert.equal(isValidPersonalFiscalCode('RSSMRA80A32H501' + fiscalCodeCheckChar('RSSMRA80A32H501')), false); // day 32
    assert.equal(isValidPersonalFiscalCode('77777777777'), false);
    assert.throws(() => fiscalCodeCheckChar('RSSMRA80A01H50'), /15 characters/);
    assert.throws(() => makePersonalFiscalCode({ surname: 'Rossi', name: 'Mario', birthDate: new Date('1980-01-01'), sex: 'M', belfiore: 'Roma' }), /Belfiore/);
  });
});

describe('organization fiscal code / partita IVA', () => {
  test('real organization codes are valid', () => {
    for (const code of [
      '15376371009' /* PagoPA S.p.A. */,
      '00488410010' /* TIM S.p.A. */,
      '06363391001' /* Agenzia delle Entrate */,
      '97735020584' /* AgID */,
    ]) {
      assert.equal(isValidOrganizationFiscalCode(code), true, code);
      assert.equal(organizationFiscalCodeCheckDigit(code.slice(0, 10)), code.charAt(10));
    }
  });

  test('77777777777 (the sandbox default EC) is not a valid check digit: GPD does not verify it', () => {
    assert.equal(organizationFiscalCodeCheckDigit('7777777777'), '0');
    assert.equal(isValidOrganizationFiscalCode('77777777777'), false);
  });

  test('round trip and single-digit changes', () => {
    for (let i = 0; i < 500; i++) {
      const first10 = randomDigits(10);
      const code = first10 + organizationFiscalCodeCheckDigit(first10);
      assert.equal(isValidOrganizationFiscalCode(code), true, code);
      // Luhn catches every single-digit change
      assert.equal(isValidOrganizationFiscalCode(mutate(code, Math.floor(random() * 11), DIGITS)), false);
    }
  });

  test('malformed input', () => {
    assert.equal(isValidOrganizationFiscalCode('1537637100'), false);
    assert.equal(isValidOrganizationFiscalCode('1537637100A'), false);
    assert.throws(() => organizationFiscalCodeCheckDigit('123'), /10 digits/);
  });
});

describe('IBAN', () => {
  test('IT60X0542811101000000123456: CIN X, check 60', () => {
    assert.equal(italianCin('05428', '11101', '000000123456'), 'X');
    assert.equal(ibanCheckDigits('IT', 'X0542811101000000123456'), '60');
    assert.equal(makeItalianIban({ abi: '05428', cab: '11101', account: '123456' }), 'IT60X0542811101000000123456');
    assert.equal(isValidIban('IT60X0542811101000000123456'), true);
  });

  test('IT30N0103076271000001823603 (the notes example) is valid', () => {
    assert.equal(italianCin('01030', '76271', '000001823603'), 'N');
    assert.equal(ibanCheckDigits('IT', 'N0103076271000001823603'), '30');
    assert.equal(isValidIban('IT30N0103076271000001823603'), true);
  });

  test('foreign IBANs: only mod 97 is checked', () => {
    assert.equal(isValidIban('GB82WEST12345698765432'), true);
    assert.equal(isValidIban('DE89370400440532013000'), true);
    assert.equal(isValidIban('DE88370400440532013000'), false);
  });

  test('Italian IBAN with right mod 97 but wrong CIN is invalid', () => {
    const bban = 'A0542811101000000123456'; // CIN should be X
    assert.equal(isValidIban('IT' + ibanCheckDigits('IT', bban) + bban), false);
  });

  test('round trip over random bank codes and accounts (digits and letters)', () => {
    for (let i = 0; i < 300; i++) {
      const account = Array.from({ length: 1 + Math.floor(random() * 12) }, () => randomChar(DIGITS + UPPER)).join('');
      const iban = makeItalianIban({ abi: randomDigits(5), cab: randomDigits(5), account });
      assert.match(iban, /^IT[0-9]{2}[A-Z][0-9]{10}[A-Z0-9]{12}$/);
      assert.equal(isValidIban(iban), true, iban);
    }
  });

  test('one changed digit makes it invalid', () => {
    for (let i = 0; i < 300; i++) {
      const iban = makeItalianIban({ abi: randomDigits(5), cab: randomDigits(5), account: randomDigits(12) });
      const position = 5 + Math.floor(random() * 22); // a digit of ABI, CAB or account
      assert.equal(isValidIban(mutate(iban, position, DIGITS)), false);
    }
  });

  test('malformed input', () => {
    assert.equal(isValidIban('IT60 X054 2811 1010 0000 0123 456'), false); // electronic form only
    assert.equal(isValidIban('it60x0542811101000000123456'), false);
    assert.equal(isValidIban('IT60X054281110100000012345'), false); // 26 chars
    assert.equal(isValidIban(''), false);
    assert.throws(() => italianCin('0542', '11101', '000000123456'), /ABI/);
    assert.throws(() => ibanCheckDigits('it', 'X0542811101000000123456'), /country/);
  });
});

test('Luhn: check digits of known test cards, and single-digit errors caught', () => {
  for (const card of ['5255000260000014', '4242424242424242', '4349940199004549', '4333334000098346']) {
    assert.equal(luhnCheckDigit(card.slice(0, -1)), card.slice(-1), card);
    assert.ok(isLuhnValid(card));
    const wrong = `${card.slice(0, -1)}${(Number(card.at(-1)) + 1) % 10}`;
    assert.ok(!isLuhnValid(wrong), wrong);
  }
  assert.ok(!isLuhnValid('42a2'));
});
