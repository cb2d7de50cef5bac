// In-memory debt positions, per organization (EC fiscal code), with the platform's uniqueness
// constraints: IUPD, IUV and NAV unique per EC (and idTransfer unique per option). A deleted
// position frees its identifiers; INVALID/EXPIRED positions keep them.
// Reads return copies and writes store copies, so an operation that fails half-way changes nothing.
// IUV/NAV indexes keep uniqueness checks constant-time (uploads write 100 000 positions);
// `transaction` undoes every write of a failed batch (v2 bulk is all-or-nothing).
import type { PaymentOption, PaymentPosition } from './model.ts';

export class UniquenessViolation extends Error {}

type CodeIndex = { iuv: Map<string, string>; nav: Map<string, string> };

export class GpdStore {
  readonly #byOrg = new Map<string, Map<string, PaymentPosition>>();
  /** Per organization: IUV → IUPD and NAV → IUPD. */
  readonly #codes = new Map<string, CodeIndex>();
  #sequence = 0;
  /** Undo log of the running transaction: previous value per (org, iupd), undefined = absent. */
  #undo: Array<{ org: string; iupd: string; previous: PaymentPosition | undefined }> | undefined;

  /** Runs `work`; if it throws, every write it made is undone and the error rethrown. */
  transaction<T>(work: () => T): T {
    if (this.#undo) return work();
    this.#undo = [];
    try {
      return work();
    } catch (error) {
      for (const { org, iupd, previous } of this.#undo.reverse()) {
        this.#remove(org, iupd);
        if (previous) this.#put(previous);
      }
      throw error;
    } finally {
      this.#undo = undefined;
    }
  }

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
    this.#undo?.push({ org: pp.organizationFiscalCode, iupd: pp.iupd, previous: existing });
    this.#remove(pp.organizationFiscalCode, pp.iupd);
    this.#put(stored);
    return structuredClone(stored);
  }

  /** For inserts: the IUPD must be new. */
  exists(org: string, iupd: string): boolean {
    return this.#byOrg.get(org)?.has(iupd) ?? false;
  }

  delete(org: string, iupd: string): boolean {
    const existing = this.#byOrg.get(org)?.get(iupd);
    if (!existing) return false;
    this.#undo?.push({ org, iupd, previous: existing });
    this.#remove(org, iupd);
    return true;
  }

  #index(org: string): CodeIndex {
    let index = this.#codes.get(org);
    if (!index) this.#codes.set(org, (index = { iuv: new Map(), nav: new Map() }));
    return index;
  }

  #put(pp: PaymentPosition): void {
    const org = pp.organizationFiscalCode;
    if (!this.#byOrg.has(org)) this.#byOrg.set(org, new Map());
    this.#byOrg.get(org)!.set(pp.iupd, pp);
    const index = this.#index(org);
    for (const po of pp.paymentOption) {
      index.iuv.set(po.iuv, pp.iupd);
      index.nav.set(po.nav, pp.iupd);
    }
  }

  #remove(org: string, iupd: string): void {
    const existing = this.#byOrg.get(org)?.get(iupd);
    if (!existing) return;
    this.#byOrg.get(org)!.delete(iupd);
    const index = this.#index(org);
    for (const po of existing.paymentOption) {
      if (index.iuv.get(po.iuv) === iupd) index.iuv.delete(po.iuv);
      if (index.nav.get(po.nav) === iupd) index.nav.delete(po.nav);
    }
  }

  #positions(org: string): PaymentPosition[] {
    return [...(this.#byOrg.get(org)?.values() ?? [])];
  }

  #checkUnique(pp: PaymentPosition): void {
    const index = this.#index(pp.organizationFiscalCode);
    for (const key of ['iuv', 'nav'] as const) {
      const mine = pp.paymentOption.map((po) => po[key]);
      const takenByOther = (code: string) => {
        const owner = index[key].get(code);
        return owner !== undefined && owner !== pp.iupd;
      };
      if (new Set(mine).size !== mine.length || mine.some(takenByOther)) throw new UniquenessViolation(key);
    }
    for (const po of pp.paymentOption) {
      const ids = po.transfer.map((t) => t.idTransfer);
      if (new Set(ids).size !== ids.length) throw new UniquenessViolation('idTransfer');
    }
  }
}
