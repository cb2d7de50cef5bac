// The asynchronous side of the upload service, as pagopa-gpd-upload-function does it: the file's
// items are split in chunks of 20 and each chunk is applied through the GPD service exactly like a
// v2 bulk call with toPublish=true; a chunk that fails as a whole is retried item by item (a v2
// call with one item) so that every IUPD gets its own result. Results are grouped incrementally by
// (statusCode, statusMessage), as the report shows them: per item only its IUPD is kept.
// Chunks run on timers (the event loop stays free); `close()` stops every upload in progress. A chunk
// whose positions hold more than MAX_CALL_WEIGHT list elements is applied in several smaller bulk
// calls, with a turn of the event loop between them when a slice has used its budget: each item
// gets the same result (a failing call is retried item by item either way), and no chunk of heavy
// positions blocks other clients for long.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { PositionInput } from '../gpd/model.ts';
import type { GpdService } from '../gpd/service.ts';
import { ProblemError } from '../problem.ts';
import { Slicer } from './slices.ts';
import type { UploadItems, UploadOperation } from './upload-file.ts';

export const CHUNK_SIZE = 20;
/** Options, transfers and metadata entries (plus one per item) GPD is given in one call at most. */
export const MAX_CALL_WEIGHT = 10_000;

/** The size of an item for GPD: one, plus every element of its lists. */
function weight(item: PositionInput | string): number {
  if (typeof item === 'string') return 1;
  let total = 1;
  for (const po of item.paymentOption) {
    total += 1 + po.paymentOptionMetadata.length;
    for (const t of po.transfer) total += 1 + t.transferMetadata.length;
  }
  return total;
}

/** The chunk's items in order, in calls of at most MAX_CALL_WEIGHT (a heavier item goes alone). */
function calls(chunk: Array<PositionInput | string>): Array<Array<PositionInput | string>> {
  const result: Array<Array<PositionInput | string>> = [];
  let current: Array<PositionInput | string> = [];
  let load = 0;
  for (const item of chunk) {
    const w = weight(item);
    if (current.length > 0 && load + w > MAX_CALL_WEIGHT) {
      result.push(current);
      current = [];
      load = 0;
    }
    current.push(item);
    load += w;
  }
  if (current.length > 0) result.push(current);
  return result;
}

export interface ResultGroup {
  statusCode: number;
  statusMessage: string;
  iupds: string[];
}

export interface UploadJob {
  fileId: string;
  broker: string;
  organization: string;
  operation: UploadOperation;
  submitted: number;
  processed: number;
  startTime: number;
  endTime: number | undefined;
  /** Report entries in order of first appearance, keyed by code and message. */
  groups: Map<string, ResultGroup>;
}

export interface UploadJobsOptions {
  /** Pause between two chunks (ms); 0 = next turn of the event loop. */
  chunkIntervalMs: number;
  /** Where progress lines of large uploads go (`npm run sandbox`: its console); none by default. */
  progress?: (line: string) => void;
}

/** Uploads of more items than this get progress lines: at every further tenth done, or every PROGRESS_EVERY_MS. */
export const PROGRESS_ABOVE = 1_000;
export const PROGRESS_EVERY_MS = 5_000;

/** 40000 → "40 000" (the figures of the progress lines). */
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

/** The items of an upload, each taken once, in order, and released when taken. */
interface ItemSource {
  readonly length: number;
  take(index: number): PositionInput | string;
}

function releasing(list: Array<string | undefined>): ItemSource {
  return {
    length: list.length,
    take: (index) => {
      const item = list[index]!;
      list[index] = undefined;
      return item;
    },
  };
}

/** The worker's fixed messages for 2xx (and for a 404, as the notes give it). */
const MESSAGES = {
  201: '201 - Debt position CREATED',
  200: '200 - Debt position operation OK',
  404: '404 - Debt position NOT FOUND',
  500: '500 - Internal Server Error: operation not completed',
} as const;

type Pending = { cancel: () => void };

export class UploadJobs {
  readonly #jobs = new Map<string, UploadJob>();
  readonly #pending = new Set<Pending>();
  readonly #waiters = new Map<string, Array<() => void>>();
  #closed = false;

  constructor(
    private readonly service: GpdService,
    private readonly clock: Clock,
    private readonly options: UploadJobsOptions,
  ) {}

  /** Registers the upload and starts processing it in the background; returns at once. */
  submit(broker: string, organization: string, items: UploadItems): UploadJob {
    if (this.#closed) throw new ProblemError(503, 'SERVICE UNAVAILABLE', 'The upload service is shutting down');
    const list: ItemSource = items.operation === 'delete' ? releasing(items.iupds) : items.positions;
    const job: UploadJob = {
      fileId: `${broker}_${organization}_${randomUUID().replace(/-/g, '')}`,
      broker,
      organization,
      operation: items.operation,
      submitted: list.length,
      processed: 0,
      startTime: this.clock.millis(),
      endTime: undefined,
      groups: new Map(),
    };
    this.#jobs.set(job.fileId, job);
    // The first chunk goes at once (next turn of the event loop), the others after the pause.
    this.#schedule(() => this.#step(job, list, 0), 0);
    return job;
  }

  /** The job of this broker and EC, if any (another EC's or broker's id is not found). */
  find(broker: string, organization: string, fileId: string): UploadJob | undefined {
    const job = this.#jobs.get(fileId);
    return job && job.broker === broker && job.organization === organization ? job : undefined;
  }

  list(broker: string, organization: string): UploadJob[] {
    return [...this.#jobs.values()].filter((job) => job.broker === broker && job.organization === organization);
  }

  /** Resolves when the job has finished, or when the service is closed (tests, benchmarks). */
  whenDone(fileId: string): Promise<void> {
    const job = this.#jobs.get(fileId);
    if (!job || job.endTime !== undefined || this.#closed) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.set(fileId, [...(this.#waiters.get(fileId) ?? []), resolve]));
  }

  /** Stops every upload in progress (their status stays as it is) and releases the waiters. */
  close(): void {
    this.#closed = true;
    for (const pending of this.#pending) pending.cancel();
    this.#pending.clear();
    for (const resolve of [...this.#waiters.values()].flat()) resolve();
    this.#waiters.clear();
  }

  #schedule(work: () => void, delayMs = this.options.chunkIntervalMs): void {
    if (this.#closed) return;
    const run = () => {
      this.#pending.delete(pending);
      work();
    };
    let pending: Pending;
    if (delayMs > 0) {
      const timer = setTimeout(run, delayMs);
      pending = { cancel: () => clearTimeout(timer) };
    } else {
      const immediate = setImmediate(run);
      pending = { cancel: () => clearImmediate(immediate) };
    }
    this.#pending.add(pending);
  }

  #step(job: UploadJob, items: ItemSource, offset: number, progress = { tenths: 0, at: performance.now() }): void {
    const end = Math.min(offset + CHUNK_SIZE, items.length);
    // Each item is decoded when its chunk comes and released: a 100 000-position upload shrinks as it goes.
    const chunk: Array<PositionInput | string> = [];
    for (let i = offset; i < end; i++) chunk.push(items.take(i));
    this.#call(job, calls(chunk), 0, () => {
      job.processed += chunk.length;
      this.#progress(job, progress);
      if (job.processed < job.submitted) {
        this.#schedule(() => this.#step(job, items, end, progress));
        return;
      }
      job.endTime = this.clock.millis();
      for (const resolve of this.#waiters.get(job.fileId) ?? []) resolve();
      this.#waiters.delete(job.fileId);
    });
  }

  /** A progress line when a further tenth of a large upload is done, or PROGRESS_EVERY_MS after the last line. */
  #progress(job: UploadJob, progress: { tenths: number; at: number }): void {
    const log = this.options.progress;
    if (!log || job.submitted <= PROGRESS_ABOVE) return;
    const tenths = Math.floor((job.processed * 10) / job.submitted);
    const now = performance.now();
    if (tenths === progress.tenths && now - progress.at < PROGRESS_EVERY_MS) return;
    progress.tenths = tenths;
    progress.at = now;
    log(`upload ${job.fileId}: ${grouped(job.processed)} / ${grouped(job.submitted)} positions`);
  }

  /** Runs the chunk's calls from `index`, yielding between two calls when the slice is used up. */
  #call(job: UploadJob, batches: Array<Array<PositionInput | string>>, index: number, done: () => void): void {
    const slicer = new Slicer();
    for (let i = index; i < batches.length; i++) {
      if (i > index && slicer.due()) {
        this.#schedule(() => this.#call(job, batches, i, done), 0);
        return;
      }
      const batch = batches[i]!;
      try {
        this.#applyChunk(job, batch);
      } catch (error) {
        // Not a GPD answer: a sandbox bug. Reported as the worker reports a 5xx, never thrown from a timer.
        const iupds = batch.map((item) => (typeof item === 'string' ? item : item.iupd));
        this.#record(job, 500, `${MESSAGES[500]} (${(error as Error).message})`, iupds);
      }
    }
    done();
  }

  #applyChunk(job: UploadJob, chunk: Array<PositionInput | string>): void {
    const org = job.organization;
    let call: (items: Array<PositionInput | string>) => void;
    if (job.operation === 'delete') call = (items) => this.service.deleteMany(org, items as string[]);
    else if (job.operation === 'create') call = (items) => this.service.createMany(org, items as PositionInput[], true);
    else call = (items) => this.service.updateMany(org, items as PositionInput[], true);
    const success = job.operation === 'create' ? 201 : 200;
    const iupdOf = (item: PositionInput | string) => (typeof item === 'string' ? item : item.iupd);

    const failure = attempt(() => call(chunk));
    if (failure === undefined) return this.#record(job, success, MESSAGES[success], chunk.map(iupdOf));
    for (const item of chunk) {
      const error = attempt(() => call([item]));
      if (error === undefined) this.#record(job, success, MESSAGES[success], [iupdOf(item)]);
      else this.#record(job, error.status, error.status === 404 ? MESSAGES[404] : `${error.status} - ${error.detail.trim()}`, [iupdOf(item)]);
    }
  }

  #record(job: UploadJob, statusCode: number, statusMessage: string, iupds: string[]): void {
    const key = `${statusCode} ${statusMessage}`;
    let group = job.groups.get(key);
    if (!group) job.groups.set(key, (group = { statusCode, statusMessage, iupds: [] }));
    for (const iupd of iupds) group.iupds.push(iupd);
  }
}

/** Runs a GPD call: undefined on success, its ProblemError otherwise. */
function attempt(work: () => void): ProblemError | undefined {
  try {
    work();
    return undefined;
  } catch (error) {
    if (error instanceof ProblemError) return error;
    throw error;
  }
}

export type OperationStatus = 'IN_PROGRESS' | 'COMPLETED' | 'COMPLETED_WITH_WARNINGS' | 'COMPLETED_UNSUCCESSFULLY';

/** StatusService.getOperationStatus. */
export function operationStatus(job: UploadJob): OperationStatus {
  if (job.processed < job.submitted) return 'IN_PROGRESS';
  const groups = [...job.groups.values()];
  if (groups.length > 0 && groups.every((g) => g.statusCode >= 400)) return 'COMPLETED_UNSUCCESSFULLY';
  if (groups.some((g) => g.statusCode >= 400)) return 'COMPLETED_WITH_WARNINGS';
  return 'COMPLETED';
}
