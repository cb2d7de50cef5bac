// HTTP plumbing shared by every API of the sandbox: bodies kept as raw text (each API binds them
// itself, to answer malformed input with the platform's messages), the error handler that turns
// anything into a 4xx ProblemJson, and the gateway-style 404.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { QueryParams } from './gpd/list.ts';
import { ProblemError } from './problem.ts';

export const BODY_LIMIT = 10 * 1024 * 1024;
/** The detail of every unexpected 500 (GPD would print the exception's message). */
export const INTERNAL_ERROR_DETAIL = 'An unexpected error occurred; the sandbox log has the details.';

interface RawBody {
  text: string;
  contentType: string;
  json: boolean;
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

export function installHttpBasics(app: FastifyInstance): void {
  // Every content type is accepted here; the route decides whether it can read it (415 otherwise),
  // as Spring does only for endpoints that take a body.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (request, text, done) => {
    const contentType = request.headers['content-type'] ?? 'application/octet-stream';
    done(null, { text: String(text), contentType, json: JSON_TYPE.test(contentType) } satisfies RawBody);
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    // A 413 refuses a body before (or while) reading it: the connection is closed after the answer, so that
    // the unread rest of the body is never taken for a new request on a keep-alive socket (issue 13).
    if ((error instanceof ProblemError && error.status === 413) || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') reply.header('connection', 'close');
    if (error instanceof ProblemError) return reply.code(error.status).send(error.toJSON());
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.code(413).send({ title: 'Payload Too Large', status: 413, detail: `Request body is larger than ${BODY_LIMIT} bytes` });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.code(415).send(unsupportedMediaType(request.headers['content-type'] ?? 'application/octet-stream').toJSON());
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) return reply.code(400).send({ title: 'BAD REQUEST', status: 400, detail: error.message });
    // The real message (and stack) goes to the log only: a 500 body never carries internal texts.
    request.log.error(error);
    return reply.code(500).send({ title: 'INTERNAL SERVER ERROR', status: 500, detail: INTERNAL_ERROR_DETAIL });
  });

  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ statusCode: 404, message: 'Resource not found' }));
}

const unsupportedMediaType = (contentType: string) => new ProblemError(415, 'Unsupported Media Type', `Content-Type '${contentType}' is not supported.`);

/** The JSON body text of a request (undefined when there is none); a non-JSON body is a 415. */
export function jsonBody(request: FastifyRequest): string | undefined {
  const body = request.body as RawBody | undefined;
  if (body === undefined || body === null) return undefined;
  if (!body.json) throw unsupportedMediaType(body.contentType);
  return body.text;
}

export function queryParams(request: FastifyRequest): QueryParams {
  const query = (request.query ?? {}) as Record<string, string | string[] | undefined>;
  return {
    get: (name) => {
      const value = query[name];
      return Array.isArray(value) ? value[0] : value;
    },
    has: (name) => Object.hasOwn(query, name),
  };
}

/** A path parameter (Fastify has already decoded it). */
export function param(request: FastifyRequest, name: string): string {
  return (request.params as Record<string, string>)[name] ?? '';
}

export function sendJson(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply.code(status).type('application/json').send(JSON.stringify(body));
}
