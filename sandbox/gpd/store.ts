// In-memory debt positions, per organization (EC fiscal code), with the platform's uniqueness
// constraints: IUPD, IUV and NAV unique per EC (and idTransfer unique per option). A deleted
// position frees its identifiers; INVALID/EXPIRED positions keep them.
// Positions are kept in compact form (compact.ts: one flat row per position, repeated strings shared),
// written once on save and decoded into fresh objects on every read, so callers may change what they
// read (or what they saved) and an operation that fails half-way changes nothing.
// IUV/NAV indexes point at the rows (no copies) and keep lookups and uniqueness checks constant-time
// (uploads write 100 000 positions); `transaction` undoes every write of a failed batch (v2 bulk is
// all-or-nothing).
import { CompactCodec, type Row } from './compact.ts';
import type { PaymentPosition } from './model.ts';

export class UniquenessViolation extends Error {}

/** A stored position: [put sequence, IUPD, id, ...the position's compact form]. */
type PositionRow = Row & { 0: number; 1: string; 2: number };
const SEQ = 0;
const IUPD = 1;
const ID = 2;
const PREFIX = 3;

type CodeIndex = { iuv: Map<string, PositionRow>; nav: Map<string, PositionRow> };

/** Identifiers: nearly every value is unique, so they are not interned. */
const UNIQUE_KEYS = new Set(['iupd', 'iuv', 'nav', 'idReceipt', 'idFlowReporting', 'hashDocument']);

export class GpdStore {
  readonly #codec = new CompactCodec({ unique: UNIQUE_KEYS });
  /** Per organization, IUPD → row, in the order of the last write of each position. */
  readonly #byOrg = new Map<string, Map<string, PositionRow>>();
  /** Per organization: IUV → row and NAV → row. */
  readonly #codes = new Map<string, CodeIndex>();
  #sequence = 0;
  /** Increases on every write: a row's place in its organization's iteration order. */
  #writes = 0;
  /** Undo log of the running transaction: previous row per (org, iupd), undefined = absent. */
  #undo: Array<{ org: string; iupd: string; previous: PositionRow | undefined }> | undefined;

  /** Runs `work`; if it throws, every write it made is undone and the error rethrown. */
  transaction<T>(work: () => T): T {
    if (this.#undo) return work();
    this.#undo = [];
    try {
      return work();
    } catch (error) {
      for (const { org, iupd, previous } of this.#undo.reverse()) {
        this.#remove(org, iupd);
        if (previous) this.#put(org, previous);
      }
      throw error;
    } finally {
      this.#undo = undefined;
    }
  }

  get(org: string, iupd: string): PaymentPosition | undefined {
    const row = this.#byOrg.get(org)?.get(iupd);
    return row && this.#decode(row);
  }

  list(org: string): PaymentPosition[] {
    return [...(this.#byOrg.get(org)?.values() ?? [])].map((row) => this.#decode(row));
  }

  organizations(): string[] {
    return [...this.#byOrg.keys()];
  }

  /** The position owning the option with this IUV. */
  findByIuv(org: string, iuv: string): PaymentPosition | undefined {
    const row = this.#codes.get(org)?.iuv.get(iuv);
    return row && this.#decode(row);
  }

  /**
   * The position owning an option whose NAV or IUV is `code`: the first such position in the
   * organization's order (a code may be one position's NAV and another's IUV).
   */
  findByNavOrIuv(org: string, code: string): PaymentPosition | undefined {
    const index = this.#codes.get(org);
    const byNav = index?.nav.get(code);
    const byIuv = index?.iuv.get(code);
    const row = byNav && byIuv ? (byNav[SEQ] < byIuv[SEQ] ? byNav : byIuv) : (byNav ?? byIuv);
    return row && this.#decode(row);
  }

  /** Inserts or replaces (same IUPD); throws UniquenessViolation and stores nothing on a clash. */
  save(pp: PaymentPosition): PaymentPosition {
    const org = pp.organizationFiscalCode;
    this.#checkUnique(pp);
    const existing = this.#byOrg.get(org)?.get(pp.iupd);
    const id = existing?.[ID] ?? ++this.#sequence;
    // The id set on a shallow copy (in place, or last if the input has none); the row is the store's own copy.
    const saved = { ...pp, id };
    const row = this.#codec.encode(saved, [0, pp.iupd, id]) as PositionRow;
    this.#undo?.push({ org, iupd: pp.iupd, previous: existing });
    this.#remove(org, pp.iupd);
    this.#put(org, row, pp.paymentOption);
    // What was stored, without decoding it again: the store holds none of these objects.
    return saved;
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

  #decode(row: PositionRow): PaymentPosition {
    return this.#codec.decode(row, PREFIX) as PaymentPosition;
  }

  #index(org: string): CodeIndex {
    let index = this.#codes.get(org);
    if (!index) this.#codes.set(org, (index = { iuv: new Map(), nav: new Map() }));
    return index;
  }

  /** `options`: the position's IUVs and NAVs, when the caller has them (else read from the row). */
  #put(org: string, row: PositionRow, options: ReadonlyArray<{ iuv: string; nav: string }> = this.#decode(row).paymentOption): void {
    row[SEQ] = ++this.#writes;
    let positions = this.#byOrg.get(org);
    if (!positions) this.#byOrg.set(org, (positions = new Map()));
    positions.set(row[IUPD], row);
    const index = this.#index(org);
    for (const po of options) {
      index.iuv.set(po.iuv, row);
      index.nav.set(po.nav, row);
    }
  }

  #remove(org: string, iupd: string): void {
    const existing = this.#byOrg.get(org)?.get(iupd);
    if (!existing) return;
    this.#byOrg.get(org)!.delete(iupd);
    const index = this.#index(org);
    for (const po of this.#decode(existing).paymentOption) {
      if (index.iuv.get(po.iuv) === existing) index.iuv.delete(po.iuv);
      if (index.nav.get(po.nav) === existing) index.nav.delete(po.nav);
    }
  }

  #checkUnique(pp: PaymentPosition): void {
    const index = this.#index(pp.organizationFiscalCode);
    for (const key of ['iuv', 'nav'] as const) {
      const mine = pp.paymentOption.map((po) => po[key]);
      const takenByOther = (code: string) => {
        const owner = index[key].get(code);
        return owner !== undefined && owner[IUPD] !== pp.iupd;
      };
      if (new Set(mine).size !== mine.length || mine.some(takenByOther)) throw new UniquenessViolation(key);
    }
    for (const po of pp.paymentOption) {
      const ids = po.transfer.map((t) => t.idTransfer);
      if (new Set(ids).size !== ids.length) throw new UniquenessViolation('idTransfer');
    }
  }
}
