// The massive-upload service (`/upload/gpd/debt-positions-service/v1|v2`): a ZIP in a multipart
// part `file` is checked, accepted with 202 + Location + Retry-After and processed asynchronously;
// status, report and the files listing follow the service's formats (v1 `uploadID`, v2 `fileId`).
import multipart from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { DAY_MS, parseLocalDate } from '../dates.ts';
import { param, queryParams, sendJson } from '../http.ts';
import { ProblemError } from '../problem.ts';
import { extensionOf, readUploadFile, type UploadOperation } from './upload-file.ts';
import { operationStatus, type UploadJob, type UploadJobs } from './upload-jobs.ts';

export interface UploadRoutesOptions {
  version: 'v1' | 'v2';
  jobs: UploadJobs;
  retryAfterMs: number;
  /** Request size limit (micronaut.server.max-request-size): 413 above it. */
  maxRequestBytes: number;
  /** Unzipped size limit (zip.content.size); default 100 MiB. */
  maxUnzippedBytes?: number;
  /** Epoch ms of "now" (the sandbox clock). */
  now: () => number;
}

export const UPLOAD_APP_INFO = { name: 'pagopa-gpd-upload', version: '0.5.3-sandbox', environment: 'sandbox' };
// Fastify reads '-' as a separator of parameters: camelCase names here.
const BASE = '/brokers/:brokerCode/organizations/:organizationfiscalcode/debtpositions';
const RETENTION_DAYS = 60;
const MAX_RANGE_DAYS = 7;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
/** A LocalDateTime of the service (UTC in its container) as `yyyy-MM-dd HH:mm:ss` (status). */
const statusTime = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
/** As `yyyy-MM-dd'T'HH:mm:ss.SSS` (report). */
const reportTime = (ms: number) => new Date(ms).toISOString().slice(0, 23);
/** The calendar date in Europe/Rome (the files listing works on Rome dates), as epoch ms of that date at 00:00 UTC. */
function romeDate(ms: number): number {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(ms);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'));
}
const isoDate = (dayMs: number) => {
  const d = new Date(dayMs);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};

const broker = (request: FastifyRequest) => param(request, 'brokerCode');
const organization = (request: FastifyRequest) => param(request, 'organizationfiscalcode');
const problem = (status: number, title: string, detail: string) => new ProblemError(status, title, detail);
const tooLarge = (length: number, max: number) =>
  problem(413, 'Request Entity Too Large', `The content length [${length}] exceeds the maximum allowed content length [${max}]`);

export const uploadRoutes: FastifyPluginAsync<UploadRoutesOptions> = async (app, options) => {
  const { version, jobs } = options;
  await app.register(multipart, { limits: { fileSize: options.maxRequestBytes, files: 1, fields: 10, parts: 20 } });

  // micronaut.server.max-request-size: a declared length above the limit is refused before reading; then, as
  // Micronaut's DroppingInboundHandler, the rest of the body is read and dropped and the connection kept, so a
  // client still writing it gets its 413 (keep-alive.test.ts). Not through the error handler, which closes.
  app.addHook('onRequest', async (request, reply) => {
    const length = Number(request.headers['content-length']);
    if (!(Number.isFinite(length) && length > options.maxRequestBytes)) return;
    request.raw.resume();
    return reply.code(413).send(tooLarge(length, options.maxRequestBytes).toJSON());
  });

  app.get('/info', async (_request, reply) => sendJson(reply, 200, UPLOAD_APP_INFO));

  const accept = (operation: UploadOperation) => async (request: FastifyRequest, reply: FastifyReply) => {
    // Read in slices that yield to the event loop; nothing is registered unless the whole file passes.
    const items = await readUploadFile(await readFilePart(request, options.maxRequestBytes), operation, options.maxUnzippedBytes);
    const job = jobs.submit(broker(request), organization(request), items);
    return (
      reply
        .code(202)
        // Each segment encoded: the path parameters (and the file id made of them) may hold any character.
        .header(
          'Location',
          `brokers/${encodeURIComponent(job.broker)}/organizations/${encodeURIComponent(job.organization)}/debtpositions/file/${encodeURIComponent(job.fileId)}/status`,
        )
        .header('Retry-After', `${options.retryAfterMs} ms`)
        .send()
    );
  };
  app.post(`${BASE}/file`, accept('create'));
  app.put(`${BASE}/file`, accept('update'));
  app.delete(`${BASE}/file`, accept('delete'));

  app.get(`${BASE}/file/:fileId/status`, async (request, reply) => {
    const id = param(request, 'fileId');
    const job = jobs.find(broker(request), organization(request), id);
    if (!job) throw problem(404, 'STATUS NOT FOUND', `The status for given fileId ${id} does not exist for GPD`);
    const counts = { processedItem: job.processed, submittedItem: job.submitted, startTime: statusTime(job.startTime) };
    return sendJson(
      reply,
      200,
      version === 'v1' ? { uploadID: job.fileId, ...counts } : { fileId: job.fileId, ...counts, operationStatus: operationStatus(job) },
    );
  });

  app.get(`${BASE}/file/:fileId/report`, async (request, reply) => {
    const id = param(request, 'fileId');
    const job: UploadJob | undefined = jobs.find(broker(request), organization(request), id);
    // No status record: the service falls back to the report blob, which does not exist either.
    if (!job) throw problem(404, 'Upload blob not found', `The blob for the given upload id ${id} does not exist for GPD`);
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
      // Micronaut leaves nulls out (NON_NULL): a v1 report in progress has no endTime.
      ...(job.endTime === undefined ? {} : { endTime: reportTime(job.endTime) }),
    });
  });

  // GET .../files: the upload's CommonCheck rules, in the controller's order.
  app.get(`${BASE}/files`, async (request, reply) => {
    const query = queryParams(request);
    const today = romeDate(options.now());
    const to = readDate(query.get('to'), 'to', today);
    const from = readDate(query.get('from'), 'from', to - (MAX_RANGE_DAYS - 1) * DAY_MS);
    const days = (to - from) / DAY_MS + 1;
    if (from > to || days > MAX_RANGE_DAYS) throw problem(400, 'BAD_REQUEST', 'Invalid range: ensure 1 ≤ (to - from + 1) ≤ 7 and from ≤ to');
    const sizeText = query.get('size')?.trim() || '100';
    if (!/^[+-]?\d{1,10}$/.test(sizeText)) {
      throw problem(400, 'BAD REQUEST', `Failed to convert argument [size] for value [${sizeText}] due to: For input string: "${sizeText}"`);
    }
    const size = Number(sizeText);
    if (size < 100 || size > 500) throw problem(400, 'BAD_REQUEST', 'Invalid size: must be between 100 and 500 (default 100)');
    const cutoff = today - RETENTION_DAYS * DAY_MS;
    if (to <= cutoff) {
      throw problem(
        410,
        'GONE',
        `Requested range [${isoDate(from)}, ${isoDate(to)}] is older than the 60-day retention (cutoff ${isoDate(cutoff)}): data has been purged and is no longer available.`,
      );
    }
    if (from < cutoff) {
      throw problem(
        400,
        'BAD_REQUEST',
        `Requested 'from' (${isoDate(from)}) is older than the 60-day retention (cutoff ${isoDate(cutoff)}). Use from >= ${isoDate(cutoff)}.`,
      );
    }
    const inRange = jobs
      .list(broker(request), organization(request))
      .filter((job) => {
        const day = romeDate(job.startTime);
        return day >= from && day <= to;
      })
      .map((job) => job.fileId);
    // The continuation token is opaque (Cosmos DB's); here, the offset of the next page.
    const token = request.headers['x-continuation-token'];
    const offset = typeof token === 'string' && /^\d+$/.test(token) ? Number(token) : 0;
    const page = inRange.slice(offset, offset + size);
    const hasMore = offset + size < inRange.length;
    if (hasMore) reply.header('x-continuation-token', String(offset + size));
    return sendJson(reply, 200, { fileIds: page, size: page.length, hasMore });
  });
};

/** LocalDate.parse of `from`/`to`, or the default when absent or blank. */
function readDate(text: string | undefined, name: 'from' | 'to', fallback: number): number {
  if (text === undefined || text.trim() === '') return fallback;
  const day = parseLocalDate(text);
  if (day === undefined) throw problem(400, 'BAD_REQUEST', `Invalid '${name}' date. Expected format: YYYY-MM-DD`);
  return day;
}

/** The bytes of the multipart part `file`, with the service's checks on its presence and name. */
async function readFilePart(request: FastifyRequest, maxBytes: number): Promise<Uint8Array> {
  if (!request.isMultipart()) throw problem(400, 'EMPTY FILE', 'The zip file is missing');
  let found: Uint8Array | undefined;
  let notZip = false;
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file') continue;
      // Every part is drained: the request must be read to its end.
      const bytes = await part.toBuffer();
      if (part.fieldname !== 'file' || found || notZip) continue;
      if (extensionOf(part.filename) !== 'zip') notZip = true;
      else found = bytes;
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(Number(request.headers['content-length']) || maxBytes + 1, maxBytes);
    throw problem(400, 'BAD REQUEST', `Malformed multipart request: ${(error as Error).message}`);
  }
  if (notZip) throw problem(400, 'NOT A ZIP FILE', 'Only ZIP files can be uploaded.');
  if (!found) throw problem(400, 'EMPTY FILE', 'The zip file is missing');
  return found;
}
