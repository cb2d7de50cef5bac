// The reconciliation ledger of paid notices across runs (issue 12, "Reconciliation across runs").
// On UAT a reporting flow (FdR) appears days after the payment, so every run appends the notices it paid to a
// JSONL file that CI keeps between nightly runs, and each run looks up in the published flows the notices that
// earlier runs paid (see reconcile.ts).
//
// One line per paid notice, never rewritten: the file only grows, by appends (O_APPEND, one write per batch).
//
// A corrupt ledger (a line that is not JSON, or lacks a field, or has one of the wrong type) is never repaired,
// rewritten or truncated by the suite: `readLedger` throws a LedgerError naming the file and the line, and
// `appendPaid` refuses to append (it reads the ledger first) until someone fixes that line by hand — the
// notices it could not record travel in the error (`unrecorded`, and as ready-to-paste JSONL lines in its
// message). Appending after a corrupt line would bury the damage under new lines and make the later repair
// guesswork; refusing keeps the file exactly as it was found and the failure visible in the run that met it.
import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export const DEFAULT_LEDGER_FILE = 'reports/fdr-ledger.jsonl';
export const DEFAULT_PENDING_WORKING_DAYS = 3;
export const MAX_PENDING_WORKING_DAYS = 30;

/** One paid notice, as one line of the ledger. */
export interface LedgerEntry {
  /** The IUV (creditorReferenceId): what a flow's payments carry. */
  iuv: string;
  /** The notice number (NAV), 18 digits. */
  nav: string;
  /** The EC fiscal code whose flows must report the payment. */
  ec: string;
  /** What the flows of `ec` must report for this IUV, in euro cents (the EC's share for a multi-beneficiary notice). */
  amountCents: number;
  /** The PSP that took the payment (the flow's sender), when the run knows it (Checkout may choose it alone). */
  pspId?: string;
  /** When the payment was made, ISO 8601 with an offset (e.g. 2026-12-01T10:15:00.000Z). */
  paymentDate: string;
  /** The run that paid it. */
  runId: string;
  /** When the line was written, ISO 8601. */
  recordedAt: string;
}

/** What a run passes to `appendPaid`: `recordedAt` defaults to the time of the append. */
export type PaidNotice = Omit<LedgerEntry, 'recordedAt'> & { recordedAt?: string };

export class LedgerError extends Error {
  constructor(
    message: string,
    readonly file: string,
    /** 1-based line of the corrupt entry, when the problem is one line. */
    readonly line?: number,
    /** Notices that `appendPaid` refused to record because the ledger is corrupt. */
    readonly unrecorded: LedgerEntry[] = [],
  ) {
    super(message);
    this.name = 'LedgerError';
  }
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const isIsoDateTime = (value: unknown): value is string => typeof value === 'string' && ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));

/** The problems of one would-be entry, each naming the field and the expected form (empty when valid). */
export function entryProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return ['expected a JSON object {iuv, nav, ec, amountCents, pspId, paymentDate, runId, recordedAt}'];
  const record = value as Record<string, unknown>;
  const problems: string[] = [];
  const check = (field: keyof LedgerEntry, ok: (v: unknown) => boolean, form: string, optional = false) => {
    const v = record[field];
    if (v === undefined && optional) return;
    if (v === undefined) problems.push(`"${field}" is missing (expected ${form})`);
    else if (!ok(v)) problems.push(`"${field}" is ${JSON.stringify(v)} (expected ${form})`);
  };
  const text = (pattern: RegExp) => (v: unknown) => typeof v === 'string' && pattern.test(v);
  check('iuv', text(/^[A-Za-z0-9]{1,35}$/), 'the IUV, a string of 1-35 letters/digits');
  check('nav', text(/^\d{18}$/), 'the notice number, a string of 18 digits');
  check('ec', text(/^\d{11}$/), 'the EC fiscal code, a string of 11 digits');
  check('amountCents', (v) => typeof v === 'number' && Number.isSafeInteger(v) && v > 0, 'a positive integer of euro cents');
  check('pspId', text(/^\S{1,35}$/), 'the PSP id, a string of 1-35 characters without spaces', true);
  check('paymentDate', isIsoDateTime, 'an ISO 8601 date-time with an offset, e.g. 2026-12-01T10:15:00Z');
  check('runId', text(/^[A-Za-z0-9]{1,40}$/), 'the run id, letters/digits');
  check('recordedAt', isIsoDateTime, 'an ISO 8601 date-time with an offset');
  return problems;
}

const ADVICE =
  'The suite leaves the ledger exactly as it is and appends nothing to it until it reads cleanly: fix or delete that line by hand ' +
  '(each line is one JSON object {iuv, nav, ec, amountCents, pspId, paymentDate, runId, recordedAt}), or restore the file kept by CI, then run again.';

/**
 * The entries of the ledger, in file order. A missing file is an empty ledger (the first run); blank lines
 * carry nothing and are skipped; any other line that is not a valid entry is a LedgerError naming file and line.
 */
export async function readLedger(file: string): Promise<LedgerEntry[]> {
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new LedgerError(`Cannot read the FdR ledger ${file}: ${(error as Error).message}. Check the FDR_LEDGER setting and the file's permissions.`, file);
  }
  return parseLedger(content, file);
}

/** `readLedger` on text already read (exported for callers that hold the content). */
export function parseLedger(content: string, file: string): LedgerEntry[] {
  const entries: LedgerEntry[] = [];
  const lines = content.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.replace(/\r$/, '');
    if (line.trim() === '') continue;
    const where = `${file}:${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      const excerpt = line.length > 80 ? `${line.slice(0, 80)}…` : line;
      const truncated = index === lines.length - 1 ? ' (the last line, without a newline: possibly a write cut short)' : '';
      throw new LedgerError(
        `The FdR ledger is corrupt at ${where}: line ${index + 1} is not JSON${truncated}: ${JSON.stringify(excerpt)}. ${ADVICE}`,
        file,
        index + 1,
      );
    }
    const problems = entryProblems(value);
    if (problems.length > 0)
      throw new LedgerError(
        `The FdR ledger is corrupt at ${where}: line ${index + 1} is not a paid notice: ${problems.join('; ')}. ${ADVICE}`,
        file,
        index + 1,
      );
    const v = value as LedgerEntry;
    // Only the known fields: the ledger's own shape, whatever else a hand edit left on the line.
    entries.push({
      iuv: v.iuv,
      nav: v.nav,
      ec: v.ec,
      amountCents: v.amountCents,
      ...(v.pspId === undefined ? {} : { pspId: v.pspId }),
      paymentDate: v.paymentDate,
      runId: v.runId,
      recordedAt: v.recordedAt,
    });
  }
  return entries;
}

/**
 * Appends the notices a run paid, one line each, after the existing lines (never rewriting them); creates the
 * folders and the file when missing. Refuses (LedgerError, nothing written) when an entry is invalid or when the
 * existing ledger is corrupt — the refused notices are in the error's `unrecorded`. Answers the lines written.
 */
export async function appendPaid(file: string, notices: readonly PaidNotice[], options: { now?: Date } = {}): Promise<LedgerEntry[]> {
  const recordedAt = (options.now ?? new Date()).toISOString();
  const entries: LedgerEntry[] = notices.map((n) => ({
    iuv: n.iuv,
    nav: n.nav,
    ec: n.ec,
    amountCents: n.amountCents,
    ...(n.pspId === undefined ? {} : { pspId: n.pspId }),
    paymentDate: n.paymentDate,
    runId: n.runId,
    recordedAt: n.recordedAt ?? recordedAt,
  }));
  const invalid = entries.flatMap((entry, i) => entryProblems(entry).map((p) => `notice ${i + 1} (IUV ${JSON.stringify(entry.iuv)}): ${p}`));
  if (invalid.length > 0) throw new LedgerError(`Refused to append to the FdR ledger ${file}: ${invalid.join('; ')}.`, file, undefined, entries);
  if (entries.length === 0) return [];

  let existing = '';
  try {
    existing = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new LedgerError(`Cannot read the FdR ledger ${file} before appending: ${(error as Error).message}.`, file, undefined, entries);
    }
  }
  try {
    parseLedger(existing, file);
  } catch (error) {
    if (!(error instanceof LedgerError)) throw error;
    const lines = entries.map((e) => JSON.stringify(e)).join('\n');
    throw new LedgerError(
      `${error.message}\nThe ${entries.length} notice(s) paid by this run were NOT recorded; once the ledger is fixed, append these lines to it:\n${lines}`,
      file,
      error.line,
      entries,
    );
  }

  // A last line without its newline (a hand edit) must not be joined to the first new one.
  const separator = existing !== '' && !existing.endsWith('\n') ? '\n' : '';
  const data = Buffer.from(separator + entries.map((e) => `${JSON.stringify(e)}\n`).join(''), 'utf8');
  await mkdir(dirname(file), { recursive: true });
  const handle = await open(file, 'a'); // O_APPEND | O_CREAT: each write lands at the end, whoever else appends
  try {
    let offset = 0;
    while (offset < data.length) {
      const { bytesWritten } = await handle.write(data, offset, data.length - offset);
      offset += bytesWritten;
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  return entries;
}

export interface LedgerSettings {
  /** FDR_LEDGER: the ledger file (default reports/fdr-ledger.jsonl, kept between nightly runs by CI). */
  file: string;
  /** FDR_PENDING_WORKING_DAYS: how many working days a notice may wait for its flow before it is missing (default 3). */
  pendingWorkingDays: number;
}

export type LedgerSettingsResult = { settings: LedgerSettings; problems?: undefined } | { settings?: undefined; problems: string[] };

/** FDR_LEDGER and FDR_PENDING_WORKING_DAYS, validated; one message per invalid value, in the style of lib/config.ts. */
export function readLedgerSettings(env: Record<string, string | undefined>): LedgerSettingsResult {
  const problems: string[] = [];
  const read = (name: string) => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };

  const file = read('FDR_LEDGER') ?? DEFAULT_LEDGER_FILE;
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f]/.test(file) || /[/\\]$/.test(file) || /(^|[/\\])\.\.?$/.test(file)) {
    problems.push(`FDR_LEDGER=${JSON.stringify(file)} is invalid: expected the path of the ledger file, e.g. ${DEFAULT_LEDGER_FILE} (default), not a folder.`);
  }

  const daysRaw = read('FDR_PENDING_WORKING_DAYS');
  let pendingWorkingDays = DEFAULT_PENDING_WORKING_DAYS;
  if (daysRaw !== undefined) {
    pendingWorkingDays = /^\d{1,3}$/.test(daysRaw) ? Number(daysRaw) : Number.NaN;
    if (!(pendingWorkingDays >= 0 && pendingWorkingDays <= MAX_PENDING_WORKING_DAYS)) {
      problems.push(
        `FDR_PENDING_WORKING_DAYS=${JSON.stringify(daysRaw)} is invalid: expected whole working days 0..${MAX_PENDING_WORKING_DAYS} (default ${DEFAULT_PENDING_WORKING_DAYS}) that a paid notice may wait for its reporting flow before it is missing.`,
      );
    }
  }

  return problems.length > 0 ? { problems } : { settings: { file, pendingWorkingDays } };
}
