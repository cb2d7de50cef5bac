// The massive-upload service (`/upload/gpd/debt-positions-service/v1|v2`): a ZIP in a multipart
// part `file` is checked, accepted with 202 + Location + Retry-After and processed asynchronously;
// status, report and the files listing follow the service's formats (v1 `uploadID`, v2 `fileId`).
import multipart from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { param, queryParams, sendJson } from '../http.ts';
import { ProblemError } from '../problem.ts';
import { readUploadDocument, readZipEntry, type UploadOperation } from './upload-file.ts';
import { operationStatus, type UploadJob, type UploadJobs } from './upload-jobs.ts';

export interface UploadRoutesOptions {
  version: 'v1' | 'v2';
  jobs: UploadJobs;
  retryAfterMs: number;
  maxRequestBytes: number;
  /** Today's date where the service runs (Europe/Rome), for the files listing. */
  today: () => string;
}

export const UPLOAD_APP_INFO = { name: 'pagopa-gpd-upload', version: '0.5.3-sandbox', environment: 'sandbox' };
// Fastify reads '-' as a separator of parameters: camelCase names here.
const BASE = '/brokers/:brokerCode/organizations/:organizationfiscalcode/debtpositions';
const DAY_MS = 86_400_000;
const RETENTION_DAYS = 60;

const statusTime = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
const reportTime = (ms: number) => new Date(ms).toISOString().slice(0, 23);
const broker = (request: FastifyRequest) => param(request, 'brokerCode');
const organization = (request: FastifyRequest) => param(request, 'organizationfiscalcode');
const problem = (status: number, title: string, detail: string) => new ProblemError(status, title, detail);

export const uploadRoutes: FastifyPluginAsync<UploadRoutesOptions> = async (app, options) => {
  const { version, jobs } = options;
  await app.register(multipart, { limits: { fileSize: options.maxRequestBytes, files: 1, fields: 10 } });

  app.get('/info', async (_request, reply) => sendJson(reply, 200, UPLOAD_APP_INFO));

  const accept = (operation: UploadOperation) => async (request: FastifyRequest, reply: FastifyReply) => {
    const bytes = await readFilePart(request, options.maxRequestBytes);
    const items = readUploadDocument(readZipEntry(bytes), operation);
    const job = jobs.submit(broker(request), organization(request), operation, items);
    return reply
      .code(202)
      .header('Location', `brokers/${job.broker}/organizations/${job.organization}/debtpositions/file/${job.fileId}/status`)
      .header('Retry-After', `${options.retryAfterMs} ms`)
      .send();
  };
  app.post(`${BASE}/file`, accept('create'));
  app.put(`${BASE}/file`, accept('update'));
  app.delete(`${BASE}/file`, accept('delete'));

  const jobOf = (request: FastifyRequest, title: string): UploadJob => {
    const id = param(request, 'fileId');
    const job = jobs.find(broker(request), organization(request), id);
    if (!job) throw problem(404, title, `Upload with id ${id} not found for broker ${broker(request)} and organization ${organization(request)}`);
    return job;
  };

  app.get(`${BASE}/file/:fileId/status`, async (request, reply) => {
    const job = jobOf(request, 'STATUS NOT FOUND');
    const counts = { processedItem: job.processed, submittedItem: job.submitted, startTime: statusTime(job.startTime) };
    return sendJson(
      reply,
      200,
      version === 'v1' ? { uploadID: job.fileId, ...counts } : { fileId: job.fileId, ...counts, operationStatus: operationStatus(job) },
    );
  });

  app.get(`${BASE}/file/:fileId/report`, async (request, reply) => {
    const job = jobOf(request, 'REPORT NOT FOUND');
    if (version === 'v2' && job.endTime === undefined) {
      throw problem(425, 'Too Early', 'The report has not been generated yet, wait for the operations to complete.');
    }
    const ids = version === 'v1' ? 'requestIDs' : 'iupds';
    const responses = [...job.groups.values()].map((g) => ({ statusCode: g.statusCode, statusMessage: g.statusMessage, [ids]: g.iupds }));
    return sendJson(reply, 200, {
      [version === 'v1' ? 'uploadID' : 'fileId']: job.fileId,
      processedItem: job.processed,
      submittedItem: job.submitted,
      responses,
      startTime: reportTime(job.startTime),
      endTime: job.endTime === undefined ? null : reportTime(job.endTime),
    });
  });

  app.get(`${BASE}/files`, async (request, reply) => {
    const query = queryParams(request);
    const to = readDate(query.get('to') ?? options.today(), 'to');
    const from = readDate(query.get('from') ?? isoDate(to - 6 * DAY_MS), 'from');
    const sizeText = query.get('size') ?? '100';
    const size = /^\d+$/.test(sizeText) ? Number(sizeText) : NaN;
    if (!(size >= 100 && size <= 500)) throw problem(400, 'BAD REQUEST', 'size must be between 100 and 500');
    if (from > to) throw problem(400, 'BAD REQUEST', "'from' must be before or equal to 'to'");
    if (to - from > 6 * DAY_MS) throw problem(400, 'BAD REQUEST', 'The date range must not exceed 7 days');
    const oldest = readDate(options.today(), 'today') - RETENTION_DAYS * DAY_MS;
    if (to < oldest) throw problem(410, 'GONE', `Upload records are kept for ${RETENTION_DAYS} days`);
    if (from < oldest) throw problem(400, 'BAD REQUEST', `Upload records are kept for ${RETENTION_DAYS} days: 'from' is too old`);
    const inRange = jobs
      .list(broker(request), organization(request))
      .filter((job) => {
        const day = readDate(isoDate(job.startTime), 'startTime');
        return day >= from && day <= to;
      })
      .map((job) => job.fileId);
    const tokenText = request.headers['x-continuation-token'];
    const offset = typeof tokenText === 'string' && /^\d+$/.test(tokenText) ? Number(tokenText) : 0;
    const page = inRange.slice(offset, offset + size);
    const hasMore = offset + size < inRange.length;
    if (hasMore) reply.header('x-continuation-token', String(offset + size));
    return sendJson(reply, 200, { fileIds: page, size: page.length, hasMore });
  });
};

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function readDate(text: string, name: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : NaN;
  if (Number.isNaN(ms) || isoDate(ms) !== text) throw new ProblemError(400, 'BAD REQUEST', `Invalid date for '${name}': ${text} (expected yyyy-MM-dd)`);
  return ms;
}

/** The bytes of the multipart part `file`, with the service's checks on its presence and name. */
async function readFilePart(request: FastifyRequest, maxBytes: number): Promise<Uint8Array> {
  if (!request.isMultipart()) throw problem(400, 'EMPTY FILE', 'The zip file is missing');
  let found: Uint8Array | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file') continue;
      if (part.fieldname !== 'file' || found) {
        await part.toBuffer();
        continue;
      }
      if (!part.filename.toLowerCase().endsWith('.zip')) {
        await part.toBuffer();
        throw problem(400, 'NOT A ZIP FILE', 'Only ZIP files can be uploaded.');
      }
      found = await part.toBuffer();
    }
  } catch (error) {
    if (error instanceof ProblemError) throw error;
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw problem(413, 'PAYLOAD TOO LARGE', `The request exceeds the maximum size of ${maxBytes} bytes`);
    }
    throw problem(400, 'BAD REQUEST', `Malformed multipart request: ${(error as Error).message}`);
  }
  if (!found) throw problem(400, 'EMPTY FILE', 'The zip file is missing');
  return found;
}
