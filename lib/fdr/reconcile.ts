// Reconciliation of the ledger's paid notices against the published reporting flows (FdR) of their EC.
// Each notice is reconciled (in a flow, right amount), pending (not yet in a flow, but younger than the delay),
// missing (older and not in any flow: a failure naming the IUV) or amount-mismatch (in a flow with another
// amount: a failure with both amounts). Having no flow at all is not a failure by itself: age alone decides.
import type { LedgerEntry } from './ledger.ts';
import { DEFAULT_PENDING_WORKING_DAYS } from './ledger.ts';
import { romeDate } from '../rome-time.ts';

/** One payment of a flow (`GET .../payments`): `pay` is in euros, as the API carries it (number or decimal string). */
export interface FdrPayment {
  iuv: string;
  pay: number | string;
  idTransfer: number;
  iur?: string;
  index?: number;
  payStatus?: string;
  payDate?: string;
}

/** A published flow of the EC `ec` (the flow's receiver.organizationId), sent by `pspId`, with all its payments. */
export interface FdrFlow {
  name: string;
  revision: number;
  ec: string;
  pspId: string;
  payments: FdrPayment[];
}

export interface FlowRef {
  name: string;
  revision: number;
  pspId: string;
}

export type Reconciliation =
  | { state: 'reconciled'; ok: true; entry: LedgerEntry; flow: FlowRef; detail: string }
  | { state: 'pending'; ok: true; entry: LedgerEntry; workingDaysElapsed: number; missingFrom: string; detail: string }
  | { state: 'missing'; ok: false; entry: LedgerEntry; workingDaysElapsed: number; failure: string; detail: string }
  | {
      state: 'amount-mismatch';
      ok: false;
      entry: LedgerEntry;
      flow: FlowRef;
      expectedCents: number;
      foundCents: number | undefined;
      failure: string;
      detail: string;
    };

export type ReconciliationState = Reconciliation['state'];

export interface ReconcileOptions {
  now: Date;
  /** Working days a notice may wait for its flow (default 3): younger is pending, older is missing. */
  pendingWorkingDays?: number;
}

/** Every ledger entry's state against the flows, in ledger order. Only the latest revision of each flow counts. */
export function reconcile(entries: readonly LedgerEntry[], flows: readonly FdrFlow[], options: ReconcileOptions): Reconciliation[] {
  const pendingWorkingDays = options.pendingWorkingDays ?? DEFAULT_PENDING_WORKING_DAYS;
  if (!(Number.isInteger(pendingWorkingDays) && pendingWorkingDays >= 0))
    throw new RangeError(`pendingWorkingDays must be a whole number ≥ 0, not ${pendingWorkingDays}`);
  const today = romeDate(options.now);
  // One pass over the flows: (EC, IUV) → what each current flow reports for it, so a ledger that grows night after
  // night is matched in time proportional to ledger + flows, not their product.
  const reported = new Map<string, Array<{ flow: { name: string; revision: number; pspId: string }; cents: number | undefined }>>();
  for (const flow of latestRevisions(flows)) {
    const byIuv = new Map<string, FdrPayment[]>();
    for (const payment of flow.payments) {
      const same = byIuv.get(payment.iuv);
      if (same) same.push(payment);
      else byIuv.set(payment.iuv, [payment]);
    }
    for (const [iuv, payments] of byIuv) {
      const key = `${flow.ec}/${iuv}`;
      const found = { flow: { name: flow.name, revision: flow.revision, pspId: flow.pspId }, cents: sumCents(payments) };
      const already = reported.get(key);
      if (already) already.push(found);
      else reported.set(key, [found]);
    }
  }

  return entries.map((entry): Reconciliation => {
    const found = reported.get(`${entry.ec}/${entry.iuv}`) ?? [];

    if (found.length === 0) {
      const paid = romeDate(new Date(entry.paymentDate));
      const workingDaysElapsed = workingDaysBetween(paid, today);
      if (workingDaysElapsed < pendingWorkingDays) {
        const missingFrom = addWorkingDays(paid, pendingWorkingDays);
        return {
          state: 'pending',
          ok: true,
          entry,
          workingDaysElapsed,
          missingFrom,
          detail: `IUV ${entry.iuv} (EC ${entry.ec}, paid ${paid}) is not in any published flow yet: ${workingDaysElapsed} of ${pendingWorkingDays} working day(s) elapsed; missing from ${missingFrom}.`,
        };
      }
      const failure =
        `IUV ${entry.iuv} (notice ${entry.nav}, EC ${entry.ec}, ${formatCents(entry.amountCents)}, PSP ${entry.pspId ?? '(not recorded)'}, paid ${paid} by run ${entry.runId}) ` +
        `is missing: not in any published flow of EC ${entry.ec} after ${workingDaysElapsed} working day(s) (allowed: ${pendingWorkingDays}).`;
      return { state: 'missing', ok: false, entry, workingDaysElapsed, failure, detail: failure };
    }

    const match = found.find((f) => f.cents === entry.amountCents);
    if (match) {
      return {
        state: 'reconciled',
        ok: true,
        entry,
        flow: match.flow,
        detail: `IUV ${entry.iuv} reconciled: ${formatCents(entry.amountCents)} in flow ${match.flow.name} revision ${match.flow.revision} (PSP ${match.flow.pspId}).`,
      };
    }
    const first = found[0]!;
    const where = found
      .map((f) => `flow ${f.flow.name} revision ${f.flow.revision} reports ${f.cents === undefined ? 'an amount that is not euros' : formatCents(f.cents)}`)
      .join('; ');
    const failure = `IUV ${entry.iuv} (notice ${entry.nav}, EC ${entry.ec}) amount mismatch: paid ${formatCents(entry.amountCents)}, but ${where}.`;
    return {
      state: 'amount-mismatch',
      ok: false,
      entry,
      flow: first.flow,
      expectedCents: entry.amountCents,
      foundCents: first.cents,
      failure,
      detail: failure,
    };
  });
}

/** How many results are in each state. */
export function countStates(results: readonly Reconciliation[]): Record<ReconciliationState, number> {
  const counts: Record<ReconciliationState, number> = { reconciled: 0, pending: 0, missing: 0, 'amount-mismatch': 0 };
  for (const r of results) counts[r.state]++;
  return counts;
}

function latestRevisions(flows: readonly FdrFlow[]): FdrFlow[] {
  const latest = new Map<string, FdrFlow>();
  for (const flow of flows) {
    const key = JSON.stringify([flow.ec, flow.pspId, flow.name]);
    const seen = latest.get(key);
    if (!seen || flow.revision > seen.revision) latest.set(key, flow);
  }
  return [...latest.values()];
}

/** The payments' total in cents, or undefined when one of them is not an amount in euros. */
function sumCents(payments: readonly FdrPayment[]): number | undefined {
  let total = 0;
  for (const p of payments) {
    const cents = euroToCents(p.pay);
    if (cents === undefined) return undefined;
    total += cents;
  }
  return total;
}

/**
 * Euros (a number such as 12.3, or a decimal string such as "12.30") as integer cents, without float error;
 * undefined when it is not a non-negative amount with at most two significant decimals.
 */
export function euroToCents(value: number | string): number | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return undefined;
    const cents = Math.round(value * 100);
    return Math.abs(value * 100 - cents) < 1e-6 && Number.isSafeInteger(cents) ? cents : undefined;
  }
  if (typeof value !== 'string') return undefined;
  const m = /^(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!m) return undefined;
  const decimals = m[2] ?? '';
  if (/[^0]/.test(decimals.slice(2))) return undefined;
  const cents = Number(m[1]) * 100 + Number(decimals.slice(0, 2).padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : undefined;
}

/** Cents as euros for messages, e.g. 1230 → "12.30 EUR". */
export function formatCents(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')} EUR`;
}

// ---- Working days (Italy) ------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;

// Payments and flows are dated in Italy (Europe/Rome).
export { romeDate };

/** Easter Sunday (Gregorian calendar, anonymous algorithm), as yyyy-mm-dd. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const holidaysByYear = new Map<number, ReadonlySet<string>>();

/** Italian national holidays of a year (yyyy-mm-dd): the fixed ones and Easter Monday (worked out once a year). */
export function italianHolidays(year: number): ReadonlySet<string> {
  let holidays = holidaysByYear.get(year);
  if (!holidays) holidaysByYear.set(year, (holidays = holidaysOf(year)));
  return holidays;
}

function holidaysOf(year: number): Set<string> {
  const fixed = ['01-01', '01-06', '04-25', '05-01', '06-02', '08-15', '11-01', '12-08', '12-25', '12-26'];
  // San Francesco d'Assisi, national holiday again from 2026 (legge 151/2025).
  if (year >= 2026) fixed.push('10-04');
  const easterMonday = toIso(toMs(easterSunday(year)) + DAY_MS);
  return new Set([...fixed.map((md) => `${year}-${md}`), easterMonday]);
}

/** Monday..Friday and not an Italian national holiday. */
export function isWorkingDay(date: string): boolean {
  const weekday = new Date(toMs(date)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !italianHolidays(Number(date.slice(0, 4))).has(date);
}

/** Working days after `from` up to and including `to` (dates yyyy-mm-dd); 0 when `to` is not after `from`. */
export function workingDaysBetween(from: string, to: string): number {
  let count = 0;
  for (let t = toMs(from) + DAY_MS, end = toMs(to); t <= end; t += DAY_MS) if (isWorkingDay(toIso(t))) count++;
  return count;
}

/** The `n`-th working day after `date` (yyyy-mm-dd); `date` itself when n is 0. */
export function addWorkingDays(date: string, n: number): string {
  let t = toMs(date);
  for (let left = n; left > 0;) {
    t += DAY_MS;
    if (isWorkingDay(toIso(t))) left--;
  }
  return toIso(t);
}

function toMs(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!);
}

function toIso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
