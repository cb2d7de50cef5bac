// Prints a random Luhn-valid VISA test number and a random 4-digit CVV ("<number> <cvv>"), the canary card
// of `npm test`: the secret scan then proves neither appears in any output.
import { randomInt } from 'node:crypto';

const body = `4${Array.from({ length: 14 }, () => randomInt(10)).join('')}`;
let sum = 0;
for (let i = 0; i < body.length; i++) {
  // Doubling starts from the digit next to the (missing) check digit.
  let d = Number(body[body.length - 1 - i]);
  if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
  sum += d;
}
const check = (10 - (sum % 10)) % 10;
console.log(`${body}${check} ${String(randomInt(1000, 10000))}`);
