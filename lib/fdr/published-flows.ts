// Reading an EC's published reporting flows whole (every page of the list, every page of each flow's payments),
// in the form reconcile.ts compares with the ledger; and which ledger entries the API can still answer for.
import type { FdrClient, FlowRef } from '../http/fdr-client.ts';
import { MAX_FLOWS_PAGE_SIZE } from '../http/fdr-client.ts';
import { readLedger, type LedgerEntry, type LedgerSettings } from './ledger.ts';
import { reconcile, type FdrFlow, type Reconciliation } from './reconcile.ts';

/** A call of the FdR API answered with something else than 200: the caller's expectation fails with it. */
export class UnexpectedFdrAnswer extends Error {
  constructor(
    readonly action: string,
    readonly status: number,
    text: string,
  ) {
    super(`${action}: HTTP ${status} ${text.slice(0, 300)}`);
    this.name = 'UnexpectedFdrAnswer';
  }
}

/** Every latest-revision flow the list shows for the EC (default window: the last month), with all its payments. */
export async function readPublishedFlows(client: FdrClient): Promise<FdrFlow[]> {
  const refs: FlowRef[] = [];
  for (let page = 1; ; page++) {
    const res = await client.list({ page, size: MAX_FLOWS_PAGE_SIZE });
    if (res.response.status !== 200) throw new UnexpectedFdrAnswer('List published flows', res.response.status, res.response.text);
    const { data, metadata } = res.response.body;
    refs.push(...data.map(({ fdr, revision, pspId }) => ({ fdr, revision, pspId })));
    if (page >= metadata.totPage || data.length === 0) break;
  }
  const flows: FdrFlow[] = [];
  for (const ref of refs)
    flows.push({ name: ref.fdr, revision: ref.revision, pspId: ref.pspId, ec: client.organization, payments: await readPayments(client, ref) });
  return flows;
}

/** Every payment of one flow, in index order as the service gives them. */
export async function readPayments(client: FdrClient, flow: FlowRef) {
  const payments = [];
  for (let page = 1; ; page++) {
    const res = await client.payments(flow, { page, size: MAX_FLOWS_PAGE_SIZE });
    if (res.response.status !== 200) throw new UnexpectedFdrAnswer(`Payments of flow ${flow.fdr}`, res.response.status, res.response.text);
    payments.push(...res.response.body.data);
    if (page >= res.response.body.metadata.totPage || res.response.body.data.length === 0) break;
  }
  return payments;
}

/**
 * now − 1 month (UTC, the day clamped to the month's length): the oldest publication the list may be asked for.
 * A notice paid before it may have its flow outside the window: the API can no longer say, so it is not judged.
 */
export function lookupWindowStart(now: Date): Date {
  const y = now.getUTCMonth() === 0 ? now.getUTCFullYear() - 1 : now.getUTCFullYear();
  const m = (now.getUTCMonth() + 11) % 12;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(now.getUTCDate(), lastDay), now.getUTCHours(), now.getUTCMinutes(), now.getUTCSeconds(), now.getUTCMilliseconds()));
}

/** The ledger entries of `ec` that the flows list can still answer for (paid after the window's start), and the others. */
export function entriesInWindow(entries: readonly LedgerEntry[], ec: string, now: Date): { inWindow: LedgerEntry[]; tooOld: LedgerEntry[] } {
  const start = lookupWindowStart(now).getTime();
  const own = entries.filter((e) => e.ec === ec);
  return { inWindow: own.filter((e) => Date.parse(e.paymentDate) > start), tooOld: own.filter((e) => Date.parse(e.paymentDate) <= start) };
}

/**
 * The ledger against the published flows: the EC's notices paid within the window, each with its state; the older
 * ones only counted. A corrupt ledger is the LedgerError of `readLedger` (the file untouched); the flows are read
 * only when there is something to look up.
 */
export async function reconcileLedger(
  client: FdrClient,
  ledger: LedgerSettings,
  now: Date,
): Promise<{ entries: number; tooOld: number; results: Reconciliation[] }> {
  const entries = await readLedger(ledger.file);
  const { inWindow, tooOld } = entriesInWindow(entries, client.organization, now);
  const flows = inWindow.length > 0 ? await readPublishedFlows(client) : [];
  return { entries: entries.length, tooOld: tooOld.length, results: reconcile(inWindow, flows, { now, pendingWorkingDays: ledger.pendingWorkingDays }) };
}
