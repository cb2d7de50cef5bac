// Builds valid GPD v1 bodies with identifiers unique per run, worker and call:
// IUPD `CONF-<run id>-W<worker>-<seq>`, IUV = segregation code + 13-digit base + mod-93 check digits,
// where the base is a nonce of (run id, worker process) (6 digits) + a sequence (7 digits).
// The worker is Playwright's workerIndex, unique per worker process in a run: a restarted worker
// must not reuse the IUVs of its predecessor (paid and invalidated positions keep theirs).
// Debtors, addresses and IBANs come from pools faker builds once per process (lib/gpd/pools.ts):
// per-position faker calls were the cost of a large upload file (issue 16).
import { createHash } from 'node:crypto';
import { makeIuv } from '../ids.ts';
import { gpdDateTime, type DebtPosition, type DebtPositionV3, type Installment, type PaymentOption, type PaymentOptionV3, type Transfer } from './model.ts';
import type { DebtorModel } from '../schema-types.ts';
import { dataPools, pick, type DataPools } from './pools.ts';

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
  private iupdSeq = 0;
  private iuvSeq = 0;
  private readonly nonce: string;
  private readonly now: () => Date;
  private readonly pools: DataPools;

  constructor(private readonly options: FactoryOptions) {
    if (!(Number.isInteger(options.workerIndex) && options.workerIndex >= 0)) throw new RangeError('workerIndex must be an integer ≥ 0');
    // Two workers or two runs get different IUV ranges (a clash would be a 409 on create).
    const digest = createHash('sha256').update(`${options.runId}:${options.workerIndex}`).digest('hex');
    this.nonce = (BigInt(`0x${digest.slice(0, 12)}`) % 1_000_000n).toString().padStart(6, '0');
    this.now = options.now ?? (() => new Date());
    this.pools = dataPools();
  }

  /** `<prefix>-<run id>-W<worker>-<seq>`: tagged with the run id so cleanup can find it. */
  iupd(): string {
    this.iupdSeq += 1;
    return `${IUPD_PREFIX}-${this.options.runId}-W${this.options.workerIndex}-${String(this.iupdSeq).padStart(6, '0')}`;
  }

  iuv(): string {
    this.iuvSeq += 1;
    if (this.iuvSeq > 9_999_999) throw new RangeError('more than 9 999 999 IUVs in one worker');
    const base = `${this.nonce}${String(this.iuvSeq).padStart(7, '0')}`;
    return makeIuv(this.options.segregationCode, base);
  }

  /** A date-time `days` from now (negative: past), as GPD wants it. */
  at(days: number, extraMs = 0): string {
    return gpdDateTime(new Date(this.now().getTime() + days * DAY_MS + extraMs));
  }

  iban(): string {
    return pick(this.pools.ibans);
  }

  transfer(overrides: Partial<Transfer> = {}): Transfer {
    return {
      idTransfer: '1',
      amount: 10_000,
      organizationFiscalCode: this.options.ecFiscalCode,
      remittanceInformation: `TARI ${this.now().getUTCFullYear()} ${pick(this.pools.addresses).streetName}`.slice(0, 140),
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
    return {
      iupd: this.iupd(),
      ...this.person(),
      switchToExpired: false,
      companyName: pick(this.pools.addresses).companyName,
      paymentOption: [this.option()],
      ...overrides,
    };
  }

  /** A natural person with a valid fiscal code and an address (the debtor of v1 and v3 bodies). */
  person(): Required<
    Pick<DebtorModel, 'type' | 'fiscalCode' | 'fullName' | 'streetName' | 'civicNumber' | 'postalCode' | 'city' | 'province' | 'country' | 'email'>
  > {
    const debtor = pick(this.pools.persons);
    const home = pick(this.pools.addresses);
    return {
      type: 'F',
      fiscalCode: debtor.fiscalCode,
      fullName: debtor.fullName,
      streetName: home.streetName,
      civicNumber: home.civicNumber,
      postalCode: home.postalCode,
      city: home.city,
      province: home.province,
      country: 'IT',
      email: debtor.email,
    };
  }

  // ---- GPD v3 (payment plans) ----

  /** One installment (a notice) of a v3 option: new IUV, one transfer of the whole amount. */
  installment(overrides: Partial<Installment> = {}): Installment {
    const amount = overrides.amount ?? 10_000;
    return {
      iuv: this.iuv(),
      amount,
      description: `Tassa rifiuti ${this.now().getUTCFullYear()}`,
      dueDate: this.at(30),
      transfer: [this.transfer({ amount })],
      ...overrides,
    };
  }

  /** A v3 option of `installments.length` installments (one: a single payment; more: a plan), for `debtor`. */
  optionV3(installments: Installment[], overrides: Partial<PaymentOptionV3> = {}): PaymentOptionV3 {
    return {
      description: installments.length > 1 ? `Pagamento in ${installments.length} rate` : 'Pagamento in unica soluzione',
      switchToExpired: false,
      debtor: this.person(),
      installments,
      ...overrides,
    };
  }

  /**
   * A v3 position a citizen may pay in one go (120 €, due in 30 days), in 3 instalments of 40 € (due in 30,
   * 60, 90 days) or in 2 of 60 € (due in 45 and 75 days): a single-payment option and two plans, all for the
   * same debtor.
   */
  positionV3(overrides: Partial<DebtPositionV3> = {}): DebtPositionV3 {
    const debtor = this.person();
    const rates = (amount: number, days: number[]) =>
      days.map((d) => this.installment({ amount, dueDate: this.at(d), description: `Rata con scadenza a ${d} giorni` }));
    return {
      iupd: this.iupd(),
      companyName: pick(this.pools.addresses).companyName,
      paymentOption: [
        this.optionV3([this.installment({ amount: 12_000, description: 'Unica soluzione' })], { debtor }),
        this.optionV3(rates(4_000, [30, 60, 90]), { debtor }),
        this.optionV3(rates(6_000, [45, 75]), { debtor }),
      ],
      ...overrides,
    };
  }
}
