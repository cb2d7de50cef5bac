// Identifiers of the Italian payment world, as pure functions: IUV/NAV (pagoPA aux digit 3),
// personal fiscal code (codice fiscale), organization fiscal code / partita IVA, Italian IBAN.
// Builders throw on malformed input; `isValid*` never throw.

// ---------------------------------------------------------------------------------------------
// IUV and NAV (aux digit 3): IUV = segregation code (2) + base (13) + check (2), NAV = "3" + IUV.

const AUX_DIGIT = '3';

function assertDigits(value: string, length: number, what: string): void {
  if (!new RegExp(`^[0-9]{${length}}$`).test(value)) {
    throw new Error(`${what} must be ${length} digits, got "${value}"`);
  }
}

/** The 2 IUV check digits: ("3" + segregation code + base) mod 93, left-padded. The number exceeds 2^53, hence BigInt. */
export function iuvCheckDigits(segregationCode: string, base13: string): string {
  assertDigits(segregationCode, 2, 'segregation code');
  assertDigits(base13, 13, 'IUV base');
  return (BigInt(AUX_DIGIT + segregationCode + base13) % 93n).toString().padStart(2, '0');
}

/** The 17-digit IUV for aux digit 3. */
export function makeIuv(segregationCode: string, base13: string): string {
  return segregationCode + base13 + iuvCheckDigits(segregationCode, base13);
}

/** The 18-digit notice number (NAV) GPD derives from an aux-digit-3 IUV. */
export function navFromIuv(iuv: string): string {
  assertDigits(iuv, 17, 'IUV');
  return AUX_DIGIT + iuv;
}

/** True for a 17-digit IUV whose last 2 digits are the right check digits. */
export function isValidIuv(iuv: string): boolean {
  if (!/^[0-9]{17}$/.test(iuv)) return false;
  return iuvCheckDigits(iuv.slice(0, 2), iuv.slice(2, 15)) === iuv.slice(15);
}

// ---------------------------------------------------------------------------------------------
// Check letter shared by the personal fiscal code and the IBAN CIN: characters in odd positions
// (1-based) are worth ODD_VALUES, in even positions their plain value (0-9, A=0..Z=25); sum mod 26.

/** Odd-position values for 0-9 and A-Z (0 and A share a value, 1 and B, ...). */
const ODD_VALUES = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
const A = 'A'.charCodeAt(0);

/** Index 0-25 of a digit (0-9) or an uppercase letter (A-Z). */
function charIndex(c: string): number {
  if (c >= '0' && c <= '9') return c.charCodeAt(0) - '0'.charCodeAt(0);
  if (c >= 'A' && c <= 'Z') return c.charCodeAt(0) - A;
  throw new Error(`unexpected character "${c}"`);
}

function oddEvenCheckLetter(chars: string): string {
  let sum = 0;
  for (let i = 0; i < chars.length; i++) {
    const index = charIndex(chars.charAt(i));
    // i is 0-based: i = 0 is position 1, an odd position.
    sum += i % 2 === 0 ? (ODD_VALUES[index] ?? 0) : index;
  }
  return String.fromCharCode(A + (sum % 26));
}

// ---------------------------------------------------------------------------------------------
// Personal fiscal code (16 chars): surname(3) name(3) year(2) month(1) day(2) Belfiore(4) check(1).

const MONTH_LETTERS = 'ABCDEHLMPRST';
/** Letters that replace digits in "omocodia" codes (L=0 ... V=9), issued when two people collide. */
const OMOCODIA_LETTERS = 'LMNPQRSTUV';
const PERSONAL_FISCAL_CODE = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

/** The check character of a personal fiscal code, from its first 15 characters. */
export function fiscalCodeCheckChar(first15: string): string {
  if (!/^[A-Z0-9]{15}$/.test(first15)) throw new Error(`expected 15 characters A-Z/0-9, got "${first15}"`);
  return oddEvenCheckLetter(first15);
}

/** True for a well-formed 16-character personal fiscal code (omocodia allowed) with the right check character. */
export function isValidPersonalFiscalCode(cf: string): boolean {
  if (!PERSONAL_FISCAL_CODE.test(cf)) return false;
  const digit = (c: string): string => {
    const omocodia = OMOCODIA_LETTERS.indexOf(c);
    return omocodia >= 0 ? String(omocodia) : c;
  };
  const day = Number(digit(cf.charAt(9)) + digit(cf.charAt(10)));
  if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) return false;
  return fiscalCodeCheckChar(cf.slice(0, 15)) === cf.charAt(15);
}

/** Uppercase A-Z only: accents dropped (À -> A), apostrophes, spaces and other signs removed. */
function lettersOf(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
}

function splitLetters(text: string): { consonants: string; vowels: string } {
  const letters = lettersOf(text);
  return { consonants: letters.replace(/[AEIOU]/g, ''), vowels: letters.replace(/[^AEIOU]/g, '') };
}

function surnameCode(surname: string): string {
  const { consonants, vowels } = splitLetters(surname);
  return (consonants + vowels + 'XXX').slice(0, 3);
}

function nameCode(name: string): string {
  const { consonants, vowels } = splitLetters(name);
  // With 4+ consonants the name takes the 1st, 3rd and 4th: Gianfranco -> GFR.
  if (consonants.length >= 4) return consonants.charAt(0) + consonants.slice(2, 4);
  return (consonants + vowels + 'XXX').slice(0, 3);
}

export interface PersonalData {
  surname: string;
  name: string;
  /** Date of birth; its UTC calendar date is used. */
  birthDate: Date;
  sex: 'M' | 'F';
  /** Belfiore (cadastral) code of the municipality or foreign country of birth, e.g. H501 = Roma. */
  belfiore: string;
}

/** Builds the personal fiscal code (without omocodia) of a person. */
export function makePersonalFiscalCode(person: PersonalData): string {
  const { surname, name, birthDate, sex, belfiore } = person;
  if (Number.isNaN(birthDate.getTime())) throw new Error('invalid birth date');
  if (!/^[A-Z][0-9]{3}$/.test(belfiore)) throw new Error(`Belfiore code must be a letter and 3 digits, got "${belfiore}"`);
  if (lettersOf(surname) === '' || lettersOf(name) === '') throw new Error('surname and name need at least one letter');
  const year = String(birthDate.getUTCFullYear() % 100).padStart(2, '0');
  const month = MONTH_LETTERS.charAt(birthDate.getUTCMonth());
  const day = String(birthDate.getUTCDate() + (sex === 'F' ? 40 : 0)).padStart(2, '0');
  const first15 = surnameCode(surname) + nameCode(name) + year + month + day + belfiore;
  return first15 + fiscalCodeCheckChar(first15);
}

// ---------------------------------------------------------------------------------------------
// Organization fiscal code / partita IVA: 11 digits, the last a Luhn check digit.

/** The 11th digit: odd positions (1-based) count as is, even ones doubled (minus 9 above 9). */
export function organizationFiscalCodeCheckDigit(first10: string): string {
  assertDigits(first10, 10, 'organization fiscal code prefix');
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const d = Number(first10.charAt(i));
    if (i % 2 === 0) sum += d;
    else sum += d * 2 > 9 ? d * 2 - 9 : d * 2;
  }
  return String((10 - (sum % 10)) % 10);
}

/** True for 11 digits whose last one is the right check digit. */
export function isValidOrganizationFiscalCode(code: string): boolean {
  return /^[0-9]{11}$/.test(code) && organizationFiscalCodeCheckDigit(code.slice(0, 10)) === code.charAt(10);
}

// ---------------------------------------------------------------------------------------------
// IBAN: ISO 13616 check digits (mod 97) and the Italian BBAN = CIN(1) + ABI(5) + CAB(5) + account(12).

/** The Italian CIN letter over ABI + CAB + account (same odd/even tables as the fiscal code). */
export function italianCin(abi: string, cab: string, account12: string): string {
  assertDigits(abi, 5, 'ABI');
  assertDigits(cab, 5, 'CAB');
  if (!/^[A-Z0-9]{12}$/.test(account12)) throw new Error(`account must be 12 characters A-Z/0-9, got "${account12}"`);
  return oddEvenCheckLetter(abi + cab + account12);
}

/** IBAN with letters turned into numbers (A=10 ... Z=35), country and check moved to the end. */
function ibanNumber(countryCode: string, check: string, bban: string): bigint {
  const rearranged = bban + countryCode + check;
  let digits = '';
  for (const c of rearranged) digits += c >= 'A' && c <= 'Z' ? String(charIndex(c) + 10) : c;
  return BigInt(digits);
}

/** The 2 check digits of an IBAN: 98 - (number with check "00") mod 97. */
export function ibanCheckDigits(countryCode: string, bban: string): string {
  if (!/^[A-Z]{2}$/.test(countryCode)) throw new Error(`country code must be 2 letters, got "${countryCode}"`);
  if (!/^[A-Z0-9]{1,30}$/.test(bban)) throw new Error(`BBAN must be 1-30 characters A-Z/0-9, got "${bban}"`);
  return String(98n - (ibanNumber(countryCode, '00', bban) % 97n)).padStart(2, '0');
}

/** An Italian IBAN; the account number is left-padded with zeros to 12 characters. */
export function makeItalianIban(parts: { abi: string; cab: string; account: string }): string {
  const account = parts.account.toUpperCase().padStart(12, '0');
  const bban = italianCin(parts.abi, parts.cab, account) + parts.abi + parts.cab + account;
  return 'IT' + ibanCheckDigits('IT', bban) + bban;
}

/** True for an IBAN in electronic form (no spaces, uppercase) whose mod 97 is 1; Italian ones must also have length 27 and the right CIN. */
export function isValidIban(iban: string): boolean {
  const match = /^([A-Z]{2})([0-9]{2})([A-Z0-9]{1,30})$/.exec(iban);
  if (!match) return false;
  const [, country = '', check = '', bban = ''] = match;
  if (ibanNumber(country, check, bban) % 97n !== 1n) return false;
  if (country !== 'IT') return true;
  const italian = /^([A-Z])([0-9]{5})([0-9]{5})([A-Z0-9]{12})$/.exec(bban);
  if (!italian) return false;
  const [, cin = '', abi = '', cab = '', account = ''] = italian;
  return italianCin(abi, cab, account) === cin;
}

/** The Luhn (mod 10) check digit of a card number's body. */
export function luhnCheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    // Doubling starts from the digit next to the check digit.
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** Whether a card number (digits only) passes the Luhn check. */
export function isLuhnValid(number: string): boolean {
  return /^\d{2,}$/.test(number) && luhnCheckDigit(number.slice(0, -1)) === number.slice(-1);
}
