// Prints a random Luhn-valid VISA test number and a random 4-digit CVV ("<number> <cvv>"), the canary
// card of `npm test`: the secret scan then proves neither appears in any output.
import { randomInt } from 'node:crypto';
import { luhnCheckDigit } from '../lib/ids.ts';

const body = `4${Array.from({ length: 14 }, () => randomInt(10)).join('')}`;
console.log(`${body}${luhnCheckDigit(body)} ${String(randomInt(1000, 10000))}`);
