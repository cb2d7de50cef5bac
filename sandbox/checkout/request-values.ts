// Query and header values of Checkout's routes, read without trusting their shape: a query parameter given
// twice arrives as an array (→ 400: Checkout sends each once), a missing one may share its name with an
// Object.prototype property (`constructor`, `toString`), and Node keeps some repeated headers as arrays.
import type { FastifyRequest } from 'fastify';
import { ProblemError } from '../problem.ts';

/** A query parameter given once, trimmed; undefined when absent or blank; given more than once → 400. */
export function queryValue(request: FastifyRequest, name: string): string | undefined {
  const query = request.query as Record<string, unknown> | null | undefined;
  if (typeof query !== 'object' || query === null || !Object.hasOwn(query, name)) return undefined;
  const value = query[name];
  if (Array.isArray(value)) throw new ProblemError(400, 'Bad Request', `Query parameter ${name} must be given once`);
  return typeof value === 'string' ? value.trim() || undefined : undefined;
}

/** A request header, trimmed (the first one when repeated); undefined when absent or blank. */
export function headerValue(request: FastifyRequest, name: string): string | undefined {
  const raw: unknown = request.headers[name.toLowerCase()];
  const value: unknown = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === 'string' ? value.trim() || undefined : undefined;
}
