// Sandbox-only control API (`/__sandbox`): read and move the clock, run the platform's scheduled
// jobs on demand, publish the pending FdR flows, health. Protected by the internal key (except health).
import type { FastifyPluginAsync } from 'fastify';
import { CLOCK_MAX_MS, CLOCK_MIN_MS, isRepresentable, type Clock } from './clock.ts';
import { parseLocalDateTime, parseOffsetDateTime } from './dates.ts';
import type { FlowRevision, FlowStore } from './fdr/flows.ts';
import type { GpdService } from './gpd/service.ts';
import { jsonBody, sendJson } from './http.ts';
import { parseJson } from './jackson.ts';
import { badRequest, ProblemError } from './problem.ts';

export interface ControlOptions {
  clock: Clock;
  service: GpdService;
  flows: FlowStore;
}

const HAS_OFFSET = /(?:Z|[+-]\d{2}:\d{2})$/;
const RANGE = `outside the range the clock can represent (${new Date(CLOCK_MIN_MS).toISOString()} to ${new Date(CLOCK_MAX_MS).toISOString()})`;

/** An ISO instant: with `Z` or an offset, or zone-less (then UTC, like the GPD dates); impossible dates are refused. */
function parseInstant(text: string): number | undefined {
  try {
    return HAS_OFFSET.test(text) ? parseOffsetDateTime(text) : parseLocalDateTime(text);
  } catch {
    return undefined;
  }
}

/** A value as it is quoted in a message, cut short (the body may be up to 10 MiB). */
function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 100 ? `${text.slice(0, 100)}...` : text;
}

/** The body as a JSON value (400 with `form` when it is not JSON), and its fields when it is an object (else none). */
function readJsonCommand(text: string | undefined, form: string): { body: unknown; command: Record<string, unknown> } {
  let body: unknown;
  try {
    body = parseJson(text ?? '');
  } catch {
    throw badRequest(form);
  }
  return { body, command: (typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {}) as Record<string, unknown> };
}

function readClockCommand(text: string | undefined, now: number): { set: number } | { advanceMs: number } {
  const { command } = readJsonCommand(text, 'The body must be JSON: {"set": "<ISO date-time>"} or {"advanceMs": <milliseconds>}');
  const hasSet = 'set' in command;
  const hasAdvance = 'advanceMs' in command;
  if (hasSet === hasAdvance) throw badRequest('Give exactly one of "set" (ISO date-time) or "advanceMs" (milliseconds)');
  if (hasSet) {
    const instant = typeof command.set === 'string' ? parseInstant(command.set) : undefined;
    if (instant === undefined) throw badRequest(`set: ${quote(command.set)} is not an ISO date-time`);
    if (!isRepresentable(instant)) throw badRequest(`set: ${quote(command.set)} is ${RANGE}`);
    return { set: instant };
  }
  const ms = command.advanceMs;
  if (typeof ms !== 'number' || !Number.isSafeInteger(ms)) throw badRequest(`advanceMs: ${quote(ms)} is not an integer number of milliseconds`);
  if (!isRepresentable(now + ms)) throw badRequest(`advanceMs: ${ms} would move the clock ${RANGE}`);
  return { advanceMs: ms };
}

const PUBLISH_FORM = 'The body, when given, must be JSON {"iuvs": ["<IUV>", ...]}: 1 to 1000 IUVs of 1-35 characters';

/** The IUVs whose pending flows to publish, or undefined (no body: every pending flow). */
function readPublishCommand(text: string | undefined): string[] | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const { body, command } = readJsonCommand(text, PUBLISH_FORM);
  const iuvs = command.iuvs;
  if (!Array.isArray(iuvs) || iuvs.length === 0 || iuvs.length > 1000 || !iuvs.every((iuv) => typeof iuv === 'string' && iuv.length >= 1 && iuv.length <= 35)) {
    throw badRequest(`${PUBLISH_FORM}; got ${quote(body)}`);
  }
  return iuvs as string[];
}

const flowSummary = (f: FlowRevision) => ({ organizationId: f.organizationId, pspId: f.pspId, fdr: f.fdr, revision: f.revision, payments: f.payments.length });

export const controlRoutes: FastifyPluginAsync<ControlOptions> = async (app, { clock, service, flows }) => {
  const clockState = () => ({ now: clock.now().toISOString() });

  app.get('/health', async (_request, reply) => sendJson(reply, 200, { status: 'UP' }));

  app.get('/clock', async (_request, reply) => sendJson(reply, 200, clockState()));

  app.post('/clock', async (request, reply) => {
    const command = readClockCommand(jsonBody(request), clock.millis());
    if ('set' in command) clock.set(command.set);
    else clock.advance(command.advanceMs);
    return sendJson(reply, 200, clockState());
  });

  app.post('/batches/validate', async (_request, reply) => sendJson(reply, 200, { updated: service.runValidationBatch() }));

  app.post('/batches/expire', async (_request, reply) => sendJson(reply, 200, { updated: service.runExpiryBatch() }));

  // FdR: the PSPs publish now, whatever its day, every pending flow, or only those of the payments of the given
  // IUVs (a test asks for its own: other tests' positions must not turn REPORTED under their feet).
  app.post('/fdr/publish', async (request, reply) => {
    const iuvs = readPublishCommand(jsonBody(request));
    const published = await flows.publishDue(true, iuvs);
    return sendJson(reply, 200, { published: published.map(flowSummary) });
  });

  // FdR: the PSP publishes a flow again under the same name (revision n+1, the same payments).
  app.post('/fdr/republish', async (request, reply) => {
    const { command } = readJsonCommand(jsonBody(request), 'The body must be JSON: {"organizationId": "<EC>", "pspId": "<PSP>", "fdr": "<flow name>"}');
    const { organizationId, pspId, fdr } = command;
    if (typeof organizationId !== 'string' || typeof pspId !== 'string' || typeof fdr !== 'string') {
      throw badRequest('Give "organizationId", "pspId" and "fdr" (strings) of a published flow');
    }
    const next = flows.republish(organizationId, pspId, fdr);
    if (!next) throw new ProblemError(404, 'Not Found', `No published flow ${quote(fdr)} of PSP ${quote(pspId)} for EC ${quote(organizationId)}`);
    return sendJson(reply, 200, flowSummary(next));
  });
};
