// The Node's receipt push (paSendRT / paSendRTV2) to the stations of an EC that have a receipt endpoint,
// after every successful payment. As pagoPA's Node does (pagopa-nodo-dei-pagamenti-test, features
// paSendRTV2 *_timeout_retry / *_malformata_retry): per recipient the status goes NOTICE_GENERATED → NOTICE_SENT
// → NOTIFIED on outcome OK; on a timeout, a malformed answer or an unreachable endpoint a retry is recorded
// and a scheduled job resends, up to a maximum number of attempts (then FAILED); a KO is final unless
// `retryOnKo`. Production's attempts and interval are not public: settings. Retries run on the sandbox clock.
// Nothing here can break a payment: the push starts after the receipt is stored, and every error is an attempt.
import type { Clock } from '../clock.ts';
import type { StoredReceipt } from '../receipts/receipt-store.ts';
import { unsendable, OPERATIONS, readStationAnswer, rtRequestEnvelope, type PrimitiveVersion } from './envelope.ts';

export interface RtStation {
  stationId: string;
  /** The station's receipt endpoint (http or https). */
  url: string;
  primitiveVersion: PrimitiveVersion;
}

export interface RtPushSettings {
  /** How long the Node waits for the station's answer (default 10 000 ms). */
  timeoutMs: number;
  /** Attempts in all, the first included (default 5). */
  maxAttempts: number;
  /** Time between an attempt that failed and the next (sandbox clock; default 60 000 ms). */
  retryIntervalMs: number;
  /** Whether a KO answer is retried too (default false: the station's KO is its final answer). */
  retryOnKo: boolean;
}

export const DEFAULT_RT_PUSH: RtPushSettings = { timeoutMs: 10_000, maxAttempts: 5, retryIntervalMs: 60_000, retryOnKo: false };

export type PushStatus = 'NOTICE_GENERATED' | 'NOTICE_SENT' | 'NOTIFIED' | 'FAILED';
/** NOT_SENT: the receipt could not be written for the station (see `detail`), nothing was sent. */
export type AttemptOutcome = 'OK' | 'KO' | 'TIMEOUT' | 'MALFORMED' | 'UNREACHABLE' | 'NOT_SENT';

export interface PushAttempt {
  /** Sandbox-clock time of the call. */
  at: string;
  /** The station's HTTP status (absent when there was no answer). */
  httpStatus?: number;
  outcome: AttemptOutcome;
  faultCode?: string;
  faultString?: string;
  /** What was wrong, for TIMEOUT / MALFORMED / UNREACHABLE, or the fault's description. */
  detail?: string;
  durationMs: number;
}

/** The push of one receipt to one station. */
export interface StationPush {
  stationId: string;
  url: string;
  primitiveVersion: PrimitiveVersion;
  soapAction: string;
  /** The SOAP envelope sent (the same at every attempt), for the EC developer to compare with what arrived. */
  envelope?: string;
  status: PushStatus;
  statusHistory: PushStatus[];
  attempts: PushAttempt[];
  /** Sandbox-clock time of the next attempt, while a retry is scheduled. */
  nextAttemptAt?: string;
}

export interface ReceiptPush {
  organizationFiscalCode: string;
  iuv: string;
  receiptId: string;
  noticeNumber: string;
  stations: StationPush[];
}

interface Pending {
  receipt: StoredReceipt;
  push: StationPush;
  station: RtStation;
  nextAtMs: number | undefined;
  inFlight: boolean;
}

const MAX_ANSWER_BYTES = 1024 * 1024;

/** The answer's text, at most MAX_ANSWER_BYTES (a larger answer is malformed). */
async function readLimited(response: Response): Promise<string | undefined> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_ANSWER_BYTES) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export class ReceiptPusher {
  readonly #stations = new Map<string, RtStation>();
  readonly #pushes = new Map<string, ReceiptPush>();
  readonly #pending: Pending[] = [];
  readonly #running = new Set<Promise<void>>();
  readonly #aborts = new Set<AbortController>();
  #timer: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(
    private readonly clock: Clock,
    readonly settings: RtPushSettings,
    /** Broker of the EC's stations (idBrokerPA). */
    private readonly brokerOf: (organization: string) => string,
    stations: RtStation[] = [],
    /** How often (real time) the retry job looks for due retries; 0: only when `runDue` is called. */
    jobIntervalMs = 1_000,
  ) {
    for (const station of stations) this.#stations.set(station.stationId, station);
    if (jobIntervalMs > 0) {
      this.#timer = setInterval(() => void this.runDue(), jobIntervalMs);
      this.#timer.unref();
    }
  }

  stations(): RtStation[] {
    return [...this.#stations.values()];
  }

  setStation(station: RtStation): void {
    this.#stations.set(station.stationId, station);
  }

  removeStation(stationId: string): boolean {
    return this.#stations.delete(stationId);
  }

  get(organization: string, iuv: string): ReceiptPush | undefined {
    return this.#pushes.get(`${organization}|${iuv}`);
  }

  /** Starts the push of a stored receipt to every station with an endpoint (does not wait for it). */
  push(receipt: StoredReceipt): void {
    if (this.#closed || this.#stations.size === 0) return;
    const record: ReceiptPush = {
      organizationFiscalCode: receipt.organizationFiscalCode,
      iuv: receipt.iuv,
      receiptId: receipt.receipt.receiptId,
      noticeNumber: receipt.receipt.noticeNumber,
      stations: [],
    };
    this.#pushes.set(`${record.organizationFiscalCode}|${record.iuv}`, record);
    for (const station of this.#stations.values()) {
      const push: StationPush = {
        stationId: station.stationId,
        url: station.url,
        primitiveVersion: station.primitiveVersion,
        soapAction: OPERATIONS[station.primitiveVersion].soapAction,
        status: 'NOTICE_GENERATED',
        statusHistory: ['NOTICE_GENERATED'],
        attempts: [],
      };
      record.stations.push(push);
      const problem = unsendable(receipt.receipt, station.primitiveVersion);
      if (problem) {
        // Nothing is sent: the attempt records why (outcome NOT_SENT), the push ends FAILED.
        push.attempts.push({ at: this.clock.now().toISOString(), outcome: 'NOT_SENT', detail: problem, durationMs: 0 });
        this.#setStatus(push, 'FAILED');
        continue;
      }
      const pending: Pending = { receipt, push, station, nextAtMs: undefined, inFlight: false };
      this.#pending.push(pending);
      void this.#track(this.#attempt(pending));
    }
  }

  /** The scheduled job: resends every push whose retry is due on the sandbox clock. Resolves when those attempts end. */
  async runDue(): Promise<number> {
    const now = this.clock.millis();
    const due = this.#pending.filter((p) => !p.inFlight && p.nextAtMs !== undefined && p.nextAtMs <= now);
    await Promise.all(due.map((p) => this.#track(this.#attempt(p))));
    return due.length;
  }

  /** Resolves when no attempt is in flight. */
  async idle(): Promise<void> {
    while (this.#running.size > 0) await Promise.all([...this.#running]);
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearInterval(this.#timer);
    for (const abort of this.#aborts) abort.abort();
    await this.idle();
  }

  #track(work: Promise<void>): Promise<void> {
    this.#running.add(work);
    return work.finally(() => this.#running.delete(work));
  }

  #setStatus(push: StationPush, status: PushStatus): void {
    push.status = status;
    if (push.statusHistory.at(-1) !== status) push.statusHistory.push(status);
  }

  async #attempt(pending: Pending): Promise<void> {
    const { push, station, receipt } = pending;
    pending.inFlight = true;
    pending.nextAtMs = undefined;
    delete push.nextAttemptAt;
    const startedAt = this.clock.now().toISOString();
    const started = performance.now();
    let envelope: string;
    try {
      envelope = rtRequestEnvelope(station.primitiveVersion, receipt.receipt, {
        idPA: receipt.organizationFiscalCode,
        idBrokerPA: this.brokerOf(receipt.organizationFiscalCode),
        idStation: station.stationId,
      });
    } catch (error) {
      push.attempts.push({ at: startedAt, outcome: 'NOT_SENT', detail: `the receipt could not be written: ${(error as Error).message}`, durationMs: 0 });
      this.#setStatus(push, 'FAILED');
      this.#pending.splice(this.#pending.indexOf(pending), 1);
      return;
    }
    push.envelope = envelope;
    this.#setStatus(push, 'NOTICE_SENT');
    const abort = new AbortController();
    this.#aborts.add(abort);
    const timer = setTimeout(() => abort.abort(), this.settings.timeoutMs);
    let attempt: Omit<PushAttempt, 'at' | 'durationMs'>;
    try {
      const response = await fetch(station.url, {
        method: 'POST',
        headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${push.soapAction}"` },
        body: envelope,
        signal: abort.signal,
        redirect: 'manual',
      });
      const text = await readLimited(response);
      const answer =
        text === undefined
          ? ({ kind: 'MALFORMED', reason: `answer larger than ${MAX_ANSWER_BYTES} bytes` } as const)
          : readStationAnswer(station.primitiveVersion, text);
      if (answer.kind === 'OK' && response.status === 200) attempt = { httpStatus: response.status, outcome: 'OK' };
      else if (answer.kind === 'KO' && response.status === 200)
        attempt = { httpStatus: response.status, outcome: 'KO', faultCode: answer.faultCode, faultString: answer.faultString, detail: answer.description };
      else attempt = { httpStatus: response.status, outcome: 'MALFORMED', detail: answer.kind === 'MALFORMED' ? answer.reason : `HTTP ${response.status}` };
    } catch (error) {
      attempt = abort.signal.aborted
        ? { outcome: 'TIMEOUT', detail: this.#closed ? 'the sandbox closed' : `no answer within ${this.settings.timeoutMs} ms` }
        : { outcome: 'UNREACHABLE', detail: String((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message) };
    } finally {
      clearTimeout(timer);
      this.#aborts.delete(abort);
    }
    push.attempts.push({ at: startedAt, ...attempt, durationMs: Math.round(performance.now() - started) });
    pending.inFlight = false;
    const retry = attempt.outcome !== 'OK' && (attempt.outcome !== 'KO' || this.settings.retryOnKo);
    if (attempt.outcome === 'OK') this.#setStatus(push, 'NOTIFIED');
    else if (retry && push.attempts.length < this.settings.maxAttempts && !this.#closed) {
      pending.nextAtMs = this.clock.millis() + this.settings.retryIntervalMs;
      push.nextAttemptAt = new Date(pending.nextAtMs).toISOString();
      return;
    } else this.#setStatus(push, 'FAILED');
    this.#pending.splice(this.#pending.indexOf(pending), 1);
  }
}
