// The asynchronous side of the upload service, as pagopa-gpd-upload-function does it: the file's
// items are split in chunks of 20, each chunk applied through the GPD service like a v2 bulk call
// with toPublish=true; a chunk that fails as a whole is retried item by item so that every IUPD
// gets its own result. Results are grouped by (statusCode, statusMessage) as the report shows them.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.ts';
import { ProblemError } from '../problem.ts';
import type { GpdService } from '../gpd/service.ts';
import { readPositionBody } from '../gpd/request.ts';
import type { PositionInput } from '../gpd/model.ts';
import type { UploadOperation } from './upload-file.ts';

export const CHUNK_SIZE = 20;

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
  groups: Map<string, ResultGroup>;
}

export interface UploadJobsOptions {
  /** Pause between chunks (ms); 0 = as fast as the event loop allows. */
  chunkIntervalMs: number;
}

const SUCCESS = {
  create: [201, '201 - Debt position CREATED'],
  update: [200, '200 - Debt position operation OK'],
  delete: [200, '200 - Debt position operation OK'],
} as const;

export class UploadJobs {
  readonly #jobs = new Map<string, UploadJob>();
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #idle = new Map<string, Array<() => void>>();
  #closed = false;

  constructor(
    private readonly service: GpdService,
    private readonly clock: Clock,
    private readonly options: UploadJobsOptions,
  ) {}

  /** Starts processing `items` (positions or IUPDs) and returns the job at once. */
  submit(broker: string, organization: string, operation: UploadOperation, items: unknown[]): UploadJob {
    const job: UploadJob = {
      fileId: `${broker}_${organization}_${randomUUID().replace(/-/g, '')}`,
      broker,
      organization,
      operation,
      submitted: items.length,
      processed: 0,
      startTime: this.clock.millis(),
      endTime: undefined,
      groups: new Map(),
    };
    this.#jobs.set(job.fileId, job);
    this.#schedule(() => this.#step(job, items, 0));
    return job;
  }

  /** The job of this broker and EC, if any (another EC's id is not found). */
  find(broker: string, organization: string, fileId: string): UploadJob | undefined {
    const job = this.#jobs.get(fileId);
    return job && job.broker === broker && job.organization === organization ? job : undefined;
  }

  list(broker: string, organization: string): UploadJob[] {
    return [...this.#jobs.values()].filter((job) => job.broker === broker && job.organization === organization);
  }

  /** Resolves when the job has finished (tests). */
  whenDone(fileId: string): Promise<void> {
    const job = this.#jobs.get(fileId);
    if (!job || job.endTime !== undefined) return Promise.resolve();
    return new Promise((resolve) => this.#idle.set(fileId, [...(this.#idle.get(fileId) ?? []), resolve]));
  }

  close(): void {
    this.#closed = true;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }

  #schedule(work: () => void): void {
    if (this.#closed) return;
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      work();
    }, this.options.chunkIntervalMs);
    this.#timers.add(timer);
  }

  #step(job: UploadJob, items: unknown[], offset: number): void {
    const chunk = items.slice(offset, offset + CHUNK_SIZE);
    this.#applyChunk(job, chunk);
    job.processed += chunk.length;
    if (job.processed < job.submitted) {
      this.#schedule(() => this.#step(job, items, offset + CHUNK_SIZE));
      return;
    }
    job.endTime = this.clock.millis();
    for (const resolve of this.#idle.get(job.fileId) ?? []) resolve();
    this.#idle.delete(job.fileId);
  }

  #applyChunk(job: UploadJob, chunk: unknown[]): void {
    const org = job.organization;
    const [code, message] = SUCCESS[job.operation];
    if (job.operation === 'delete') {
      const iupds = chunk as string[];
      if (this.#attempt(() => this.service.deleteMany(org, iupds))) return this.#record(job, code, message, iupds);
      for (const iupd of iupds) this.#one(job, iupd, () => this.service.delete(org, iupd));
      return;
    }
    const inputs: PositionInput[] = [];
    for (const item of chunk) {
      // The worker's bean validation: a rejected position gets the bare violation message.
      try {
        inputs.push(readPositionBody(JSON.stringify(item)));
      } catch (error) {
        if (!(error instanceof ProblemError)) throw error;
        this.#record(job, 400, error.detail, [iupdOf(item)]);
      }
    }
    const apply = (input: PositionInput) =>
      job.operation === 'create' ? this.service.create(org, input, true) : this.service.update(org, input.iupd, input, true);
    const many = () => (job.operation === 'create' ? this.service.createMany(org, inputs, true) : this.service.updateMany(org, inputs, true));
    if (inputs.length === 0) return;
    if (this.#attempt(many))
      return this.#record(
        job,
        code,
        message,
        inputs.map((i) => i.iupd),
      );
    for (const input of inputs) this.#one(job, input.iupd, () => apply(input));
  }

  #attempt(work: () => unknown): boolean {
    try {
      work();
      return true;
    } catch (error) {
      if (error instanceof ProblemError) return false;
      throw error;
    }
  }

  #one(job: UploadJob, iupd: string, work: () => unknown): void {
    const [code, message] = SUCCESS[job.operation];
    try {
      work();
      this.#record(job, code, message, [iupd]);
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      if (error.status === 404) this.#record(job, 404, '404 - Debt position NOT FOUND', [iupd]);
      else this.#record(job, error.status, `${error.status} - ${error.detail}`, [iupd]);
    }
  }

  #record(job: UploadJob, statusCode: number, statusMessage: string, iupds: string[]): void {
    const key = `${statusCode}\u0000${statusMessage}`;
    let group = job.groups.get(key);
    if (!group) job.groups.set(key, (group = { statusCode, statusMessage, iupds: [] }));
    group.iupds.push(...iupds);
  }
}

function iupdOf(item: unknown): string {
  const iupd = item !== null && typeof item === 'object' ? (item as { iupd?: unknown }).iupd : undefined;
  return typeof iupd === 'string' ? iupd : '';
}

export type OperationStatus = 'IN_PROGRESS' | 'COMPLETED' | 'COMPLETED_WITH_WARNINGS' | 'COMPLETED_UNSUCCESSFULLY';

export function operationStatus(job: UploadJob): OperationStatus {
  if (job.processed < job.submitted) return 'IN_PROGRESS';
  const groups = [...job.groups.values()];
  const failed = groups.filter((g) => g.statusCode >= 400).reduce((n, g) => n + g.iupds.length, 0);
  if (failed === 0) return 'COMPLETED';
  return failed === job.submitted ? 'COMPLETED_UNSUCCESSFULLY' : 'COMPLETED_WITH_WARNINGS';
}
