// In-memory debt positions, per organization (EC fiscal code), with the platform's uniqueness
// constraints: IUPD, IUV and NAV unique per EC (and idTransfer unique per option). A deleted
// position frees its identifiers; INVALID/EXPIRED positions keep them.
// Reads return copies and writes store copies, so an operation that fails half-way changes nothing.
import type { PaymentOption, PaymentPosition } from './model.ts';

export class UniquenessViolation extends Error {}

export class GpdStore {
  readonly #byOrg = new Map<string, Map<string, PaymentPosition>>();
  #sequence = 0;

  get(org: string, iupd: string): PaymentPosition | undefined {
    const pp = this.#byOrg.get(org)?.get(iupd);
    return pp && structuredClone(pp);
  }

  list(org: string): PaymentPosition[] {
    return [...(this.#byOrg.get(org)?.values() ?? [])].map((pp) => structuredClone(pp));
  }

  organizations(): string[] {
    return [...this.#byOrg.keys()];
  }

  /** The position owning an option that passes `test`. */
  findByOption(org: string, test: (po: PaymentOption) => boolean): PaymentPosition | undefined {
    const pp = this.#positions(org).find((p) => p.paymentOption.some(test));
    return pp && structuredClone(pp);
  }

  /** Inserts or replaces (same IUPD); throws UniquenessViolation and stores nothing on a clash. */
  save(pp: PaymentPosition): PaymentPosition {
    this.#checkUnique(pp);
    const stored = structuredClone(pp);
    const existing = this.#byOrg.get(pp.organizationFiscalCode)?.get(pp.iupd);
    stored.id = existing?.id ?? ++this.#sequence;
    if (!this.#byOrg.has(pp.organizationFiscalCode)) this.#byOrg.set(pp.organizationFiscalCode, new Map());
    this.#byOrg.get(pp.organizationFiscalCode)!.set(pp.iupd, stored);
    return structuredClone(stored);
  }

  /** For inserts: the IUPD must be new. */
  exists(org: string, iupd: string): boolean {
    return this.#byOrg.get(org)?.has(iupd) ?? false;
  }

  delete(org: string, iupd: string): boolean {
    return this.#byOrg.get(org)?.delete(iupd) ?? false;
  }

  #positions(org: string): PaymentPosition[] {
    return [...(this.#byOrg.get(org)?.values() ?? [])];
  }

  #checkUnique(pp: PaymentPosition): void {
    const others = this.#positions(pp.organizationFiscalCode).filter((p) => p.iupd !== pp.iupd);
    const taken = (key: 'iuv' | 'nav') => new Set(others.flatMap((p) => p.paymentOption.map((po) => po[key])));
    for (const key of ['iuv', 'nav'] as const) {
      const used = taken(key);
      const mine = pp.paymentOption.map((po) => po[key]);
      if (new Set(mine).size !== mine.length || mine.some((code) => used.has(code))) throw new UniquenessViolation(key);
    }
    for (const po of pp.paymentOption) {
      const ids = po.transfer.map((t) => t.idTransfer);
      if (new Set(ids).size !== ids.length) throw new UniquenessViolation('idTransfer');
    }
  }
}
