// The sandbox's recording of the EC's own software (issue 15): every call to an EC API (GPD v1/v2, upload,
// receipts, biz-events, FdR) that does not carry the suite's header is taken in by the checking engine
// (lib/ec-software/monitor.ts), with the keys masked. Served without a key, as the health check (a page a
// browser opens; no key in it, only the calls' test data, on the sandbox's loopback address by default):
//   GET  /__sandbox/checklist   the checklist, JSON, or the page (Italian/English) when a browser asks for HTML
//   GET  /__sandbox/recording   the recorded calls (what `npm run evidence -- --from-recording <url>` reads)
// and with the internal key:
//   POST /__sandbox/recording/reset   forget every call (a new session of the EC's software)
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isEcApiPath, SUITE_CLIENT_HEADER } from '../lib/ec-software/calls.ts';
import { CHECKLIST_PATH, RECORDING_PATH, checklistAnswer } from '../lib/ec-software/checklist-http.ts';
import type { EcSoftwareMonitor } from '../lib/ec-software/monitor.ts';

interface RawBody {
  text?: unknown;
}

const started = new WeakMap<FastifyRequest, { at: Date; payload?: string }>();

/** Records every EC call that is not the suite's. */
export function installEcRecording(app: FastifyInstance, monitor: EcSoftwareMonitor): void {
  app.addHook('onRequest', async (request) => {
    const path = request.url.split('?', 1)[0]!;
    if (request.headers[SUITE_CLIENT_HEADER] !== undefined || !isEcApiPath(path)) return;
    started.set(request, { at: new Date() });
  });
  app.addHook('onSend', async (request, _reply, payload) => {
    const entry = started.get(request);
    if (entry && (typeof payload === 'string' || Buffer.isBuffer(payload))) entry.payload = payload.toString();
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    const entry = started.get(request);
    if (!entry) return;
    started.delete(request);
    const body = request.body as RawBody | undefined;
    const length = Number(request.headers['content-length']);
    monitor.record({
      at: entry.at,
      ms: reply.elapsedTime,
      method: request.method,
      url: request.url,
      requestHeaders: request.headers,
      ...(typeof body?.text === 'string' ? { requestBody: body.text } : Number.isFinite(length) && length > 0 ? { requestBody: { bytes: length } } : {}),
      status: reply.statusCode,
      responseHeaders: reply.getHeaders() as Record<string, string | string[] | undefined>,
      ...(entry.payload !== undefined ? { responseBody: entry.payload } : {}),
      ...(request.raw.aborted || reply.raw.writableFinished === false ? { clientAborted: true } : {}),
    });
  });
}

/** The checklist and the recording (open paths), and the reset (internal key), mounted at /__sandbox. */
export function ecSoftwareRoutes(monitor: EcSoftwareMonitor) {
  return async (app: FastifyInstance) => {
    // Asked by the route matched (any spelling the router accepts), with the request's query.
    const answer = (path: string) => async (request: FastifyRequest, reply: FastifyReply) => {
      const query = new URLSearchParams(request.query as Record<string, string>).toString();
      const local = checklistAnswer(monitor, 'GET', `${path}?${query}`, request.headers.accept)!;
      return reply.code(local.status).header('cache-control', 'no-store').type(local.contentType).send(local.body);
    };
    app.get('/checklist', answer(CHECKLIST_PATH));
    app.get('/recording', answer(RECORDING_PATH));
    app.post('/recording/reset', async (_request, reply) => {
      monitor.reset();
      return reply.code(204).send();
    });
  };
}
