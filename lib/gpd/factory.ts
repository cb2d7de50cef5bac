// Builds valid GPD v1 bodies with identifiers unique per run, worker and call:
// IUPD `<run id>-W<worker>-<seq>`, IUV = segregation code + 13-digit base + mod-93 check digits,
// where the base is a run nonce (7 digits) + worker (2) + sequence (4).
import { createHash } from 'node:crypto';
import { fakerIT as faker } from '@faker-js/faker';
import { makeIuv, makeItalianIban, makePersonalFiscalCode } from '../ids.ts';
import { gpdDateTime, type DebtPosition, type PaymentOption, type Transfer } from './model.ts';

export const IUPD_PREFIX = 'CONF';
const DAY_MS = 86_400_000;

export interface FactoryOptions {
  runId: string;
  workerIndex: number;
  segregationCode: string;
  ecFiscalCode: string;
  now?: () => Date;
}

export class DebtPositionFactory {
  private seq = 0;
  private readonly nonce: string;
  private readonly now: () => Date;

  constructor(private readonly options: FactoryOptions) {
    if (options.workerIndex < 0 || options.workerIndex > 99) throw new RangeError('workerIndex must be 0..99');
    // 7 digits derived from the run id: two runs get different IUV ranges.
    this.nonce = (BigInt(`0x${createHash('sha256').update(options.runId).digest('hex').slice(0, 12)}`) % 10_000_000n).toString().padStart(7, '0');
    this.now = options.now ?? (() => new Date());
  }

  private next(): number {
    this.seq += 1;
    if (this.seq > 9999) throw new RangeError('more than 9999 identifiers in one worker');
    return this.seq;
  }

  /** `<prefix>-<run id>-W<worker>-<seq>`: tagged with the run id so cleanup can find it. */
  iupd(): string {
    return `${IUPD_PREFIX}-${this.options.runId}-W${String(this.options.workerIndex).padStart(2, '0')}-${String(this.next()).padStart(4, '0')}`;
  }

  iuv(): string {
    const base = `${this.nonce}${String(this.options.workerIndex).padStart(2, '0')}${String(this.next()).padStart(4, '0')}`;
    return makeIuv(this.options.segregationCode, base);
  }

  /** A date-time `days` from now (negative: past), as GPD wants it. */
  at(days: number, extraMs = 0): string {
    return gpdDateTime(new Date(this.now().getTime() + days * DAY_MS + extraMs));
  }

  iban(): string {
    return makeItalianIban({ abi: faker.string.numeric(5), cab: faker.string.numeric(5), account: faker.string.numeric(12) });
  }

  transfer(overrides: Partial<Transfer> = {}): Transfer {
    return {
      idTransfer: '1',
      amount: 10_000,
      organizationFiscalCode: this.options.ecFiscalCode,
      remittanceInformation: `TARI ${this.now().getUTCFullYear()} ${faker.location.street()}`.slice(0, 140),
      category: '9/0101108TS/',
      iban: this.iban(),
      ...overrides,
    };
  }

  option(overrides: Partial<PaymentOption> = {}): PaymentOption {
    const amount = overrides.amount ?? 10_000;
    return {
      iuv: this.iuv(),
      amount,
      description: `Tassa rifiuti ${this.now().getUTCFullYear()}`,
      isPartialPayment: false,
      dueDate: this.at(30),
      transfer: [this.transfer({ amount })],
      ...overrides,
    };
  }

  /** A valid single-option position for a natural person, due in 30 days. */
  position(overrides: Partial<DebtPosition> = {}): DebtPosition {
    const sex = faker.helpers.arrayElement(['M', 'F'] as const);
    const name = faker.person.firstName(sex === 'M' ? 'male' : 'female');
    const surname = faker.person.lastName();
    const birthDate = faker.date.birthdate({ min: 18, max: 90, mode: 'age' });
    return {
      iupd: this.iupd(),
      type: 'F',
      fiscalCode: makePersonalFiscalCode({ surname, name, birthDate, sex, belfiore: faker.helpers.arrayElement(['H501', 'F205', 'L219', 'G273', 'A944']) }),
      fullName: `${name} ${surname}`,
      streetName: faker.location.street(),
      civicNumber: faker.location.buildingNumber(),
      postalCode: faker.location.zipCode('#####'),
      city: faker.location.city(),
      province: faker.location.state({ abbreviated: true }).slice(0, 2).toUpperCase(),
      country: 'IT',
      email: faker.internet.email({ firstName: name, lastName: surname }).toLowerCase(),
      switchToExpired: false,
      companyName: `Comune di ${faker.location.city()}`.slice(0, 140),
      paymentOption: [this.option()],
      ...overrides,
    };
  }
}
