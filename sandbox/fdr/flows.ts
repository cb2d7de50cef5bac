// The reporting flows (FdR) of the sandbox, made from its own payments as PSPs make them: the transfers
// paid through pagoPA are grouped by PSP, beneficiary EC and payment day (UTC); each group becomes one
// flow, published on D+`publishDelayDays` (default 2, as production) of the sandbox clock — checked
// lazily on each FdR request — or at once through `publishPending` (the control call). Publishing a
// flow marks its transfers as reported on GPD (through the `report` callback: the internal reporting
// path). A PSP may republish a flow under the same name: a new revision, which hides the older ones.
import type { StoredReceipt } from '../receipts/receipt-store.ts';

import { DAY_MS } from '../dates.ts';
/** A PSP the registry knows but has disabled (FDR-2001): a test handle, no payment can name it. */
export const DISABLED_PSP = 'SANDBOXDISABLEDPSP';
/**
 * PSPs known whether or not they have paid anything yet: the ones Checkout offers on the sandbox, and 88888888888,
 * the test PSP UAT registers (the PSP of pagoPA's own FdR integration suite, pagopa-fdr integration-test/config).
 */
const REGISTERED_PSPS = ['BNLIITRR', 'WOLLNLB1', 'PPAYITR1XXX', '88888888888'];

export interface FlowPayment {
  index: number;
  iuv: string;
  iur: string;
  idTransfer: number;
  /** Euro cents (written as euros). */
  payCents: number;
  payStatus: 'EXECUTED';
  payDate: number;
}

export interface FlowRevision {
  fdr: string;
  revision: number;
  pspId: string;
  organizationId: string;
  organizationName: string;
  pspName: string;
  pspFiscalCode: string;
  created: number;
  published: number;
  flowDate: number;
  /** yyyy-MM-dd */
  regulationDate: string;
  regulation: string;
  payments: FlowPayment[];
}

/** One transfer of a payment, waiting for its flow. */
interface PendingTransfer {
  /** The EC that issued the notice (owner of the position on GPD). */
  owner: string;
  iuv: string;
  iur: string;
  idTransfer: number;
  amountCents: number;
  payDate: number;
  pspId: string;
  pspName: string;
  pspFiscalCode: string;
  beneficiary: string;
  beneficiaryName: string;
}

export type Reporter = (owner: string, iuv: string, idTransfer: string) => Promise<void>;

const flowKey = (organizationId: string, pspId: string, fdr: string) => JSON.stringify([organizationId, pspId, fdr]);
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const startOfDay = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS;

export class FlowStore {
  readonly #pending: PendingTransfer[] = [];
  /** flowKey(organizationId, pspId, fdr) → its revisions, oldest first. */
  readonly #flows = new Map<string, FlowRevision[]>();
  readonly #psps = new Set(REGISTERED_PSPS);
  #sequence = 0;

  constructor(
    private readonly now: () => number,
    private readonly report: Reporter,
    private readonly publishDelayDays = 2,
  ) {}

  /** A payment through pagoPA: one pending transfer per transfer of the receipt (no PSP, no flow). */
  addPayment(stored: StoredReceipt): void {
    const { receipt } = stored;
    if (!receipt.idPSP) return;
    this.#psps.add(receipt.idPSP);
    for (const t of receipt.transfers) {
      this.#pending.push({
        owner: stored.organizationFiscalCode,
        iuv: stored.iuv,
        iur: receipt.receiptId || stored.iuv,
        idTransfer: Number(t.idTransfer),
        amountCents: t.amountCents,
        payDate: stored.paymentMs,
        pspId: receipt.idPSP,
        pspName: receipt.pspCompanyName,
        pspFiscalCode: receipt.pspFiscalCode ?? receipt.idPSP,
        beneficiary: t.fiscalCodePA,
        beneficiaryName: t.fiscalCodePA === stored.organizationFiscalCode ? receipt.companyName : t.fiscalCodePA,
      });
    }
  }

  isKnownPsp(pspId: string): boolean {
    return this.#psps.has(pspId) || pspId === DISABLED_PSP;
  }

  /** Publishes the groups whose D+n has come (all of them with `all`, only the transfers of `iuvs` when given); returns the flows published. */
  async publishDue(all = false, iuvs?: readonly string[]): Promise<FlowRevision[]> {
    const now = this.now();
    const only = iuvs && new Set(iuvs);
    const due = this.#pending.filter((p) => (!only || only.has(p.iuv)) && (all || startOfDay(p.payDate) + this.publishDelayDays * DAY_MS <= now));
    if (due.length === 0) return [];
    // Taken out at once (synchronously), so that two requests never publish the same transfer twice.
    for (const p of due) this.#pending.splice(this.#pending.indexOf(p), 1);
    const groups = new Map<string, PendingTransfer[]>();
    for (const p of due) {
      const key = JSON.stringify([p.pspId, p.beneficiary, day(p.payDate)]);
      groups.set(key, [...(groups.get(key) ?? []), p]);
    }
    const published: FlowRevision[] = [];
    for (const transfers of groups.values()) {
      transfers.sort((a, b) => a.payDate - b.payDate || a.iuv.localeCompare(b.iuv) || a.idTransfer - b.idTransfer);
      const [first] = transfers as [PendingTransfer];
      this.#sequence++;
      const fdr = `${day(now)}${first.pspId}-${String(this.#sequence).padStart(7, '0')}`;
      const flow: FlowRevision = {
        fdr,
        revision: 1,
        pspId: first.pspId,
        organizationId: first.beneficiary,
        organizationName: first.beneficiaryName,
        pspName: first.pspName,
        pspFiscalCode: first.pspFiscalCode,
        created: now,
        published: now,
        flowDate: now,
        regulationDate: day(startOfDay(first.payDate) + DAY_MS),
        regulation: `SCT ${first.pspId} ${day(first.payDate)}`.slice(0, 35),
        payments: transfers.map((t, i) => ({
          index: i + 1,
          iuv: t.iuv,
          iur: t.iur,
          idTransfer: t.idTransfer,
          payCents: t.amountCents,
          payStatus: 'EXECUTED',
          payDate: t.payDate,
        })),
      };
      this.#flows.set(flowKey(flow.organizationId, flow.pspId, fdr), [flow]);
      published.push(flow);
      // GPD learns of the reporting as from the platform's FdR: each transfer through the internal API.
      for (const t of transfers) await this.report(t.owner, t.iuv, String(t.idTransfer));
    }
    return published;
  }

  /** A PSP publishing the flow again under the same name: revision n+1 with the same payments. */
  republish(organizationId: string, pspId: string, fdr: string): FlowRevision | undefined {
    const revisions = this.#flows.get(flowKey(organizationId, pspId, fdr));
    const latest = revisions?.at(-1);
    if (!revisions || !latest) return undefined;
    const now = this.now();
    const next: FlowRevision = {
      ...latest,
      revision: latest.revision + 1,
      created: now,
      published: now,
      flowDate: now,
      payments: latest.payments.map((p) => ({ ...p })),
    };
    revisions.push(next);
    return next;
  }

  /** The latest revision of each flow of the EC, filtered, ordered by flow date then name. */
  latest(organizationId: string, filter: { pspId?: string; publishedGt: number; flowDateGt: number }): FlowRevision[] {
    return [...this.#flows.values()]
      .map((revisions) => revisions.at(-1)!)
      .filter(
        (f) =>
          f.organizationId === organizationId &&
          (filter.pspId === undefined || f.pspId === filter.pspId) &&
          f.published > filter.publishedGt &&
          f.flowDate > filter.flowDateGt,
      )
      .sort((a, b) => a.flowDate - b.flowDate || (a.fdr < b.fdr ? -1 : a.fdr > b.fdr ? 1 : 0));
  }

  get(organizationId: string, pspId: string, fdr: string, revision: bigint): FlowRevision | undefined {
    return this.#flows.get(flowKey(organizationId, pspId, fdr))?.find((f) => BigInt(f.revision) === revision);
  }
}
