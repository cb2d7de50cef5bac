// Sandbox-only control API (`/__sandbox`): read and move the clock, run the platform's scheduled
// jobs on demand, health. Protected by the internal key (except health).
import type { FastifyPluginAsync } from 'fastify';
import type { Clock } from './clock.ts';
import { parseLocalDateTime } from './dates.ts';
import type { GpdService } from './gpd/service.ts';
import { jsonBody, sendJson } from './http.ts';
import { parseJson } from './jackson.ts';
import { badRequest } from './problem.ts';

export interface ControlOptions {
  clock: Clock;
  service: GpdService;
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO instant: with `Z` or an offset, or zone-less (then UTC, like the GPD dates). */
function parseInstant(text: string): number | undefined {
  if (ISO_WITH_OFFSET.test(text)) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? undefined : ms;
  }
  try {
    return parseLocalDateTime(text);
  } catch {
    return undefined;
  }
}

function readClockCommand(text: string | undefined): { set: number } | { advanceMs: number } {
  let body: unknown;
  try {
    body = parseJson(text ?? '');
  } catch {
    throw badRequest('The body must be JSON: {"set": "<ISO date-time>"} or {"advanceMs": <milliseconds>}');
  }
  const command = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const hasSet = 'set' in command;
  const hasAdvance = 'advanceMs' in command;
  if (hasSet === hasAdvance) throw badRequest('Give exactly one of "set" (ISO date-time) or "advanceMs" (milliseconds)');
  if (hasSet) {
    const instant = typeof command.set === 'string' ? parseInstant(command.set) : undefined;
    if (instant === undefined) throw badRequest(`set: ${JSON.stringify(command.set)} is not an ISO date-time`);
    return { set: instant };
  }
  const ms = command.advanceMs;
  if (typeof ms !== 'number' || !Number.isSafeInteger(ms)) throw badRequest(`advanceMs: ${JSON.stringify(ms)} is not an integer number of milliseconds`);
  return { advanceMs: ms };
}

export const controlRoutes: FastifyPluginAsync<ControlOptions> = async (app, { clock, service }) => {
  const clockState = () => ({ now: clock.now().toISOString() });

  app.get('/health', async (_request, reply) => sendJson(reply, 200, { status: 'UP' }));

  app.get('/clock', async (_request, reply) => sendJson(reply, 200, clockState()));

  app.post('/clock', async (request, reply) => {
    const command = readClockCommand(jsonBody(request));
    if ('set' in command) clock.set(command.set);
    else clock.advance(command.advanceMs);
    return sendJson(reply, 200, clockState());
  });

  app.post('/batches/validate', async (_request, reply) => sendJson(reply, 200, { updated: service.runValidationBatch() }));

  app.post('/batches/expire', async (_request, reply) => sendJson(reply, 200, { updated: service.runExpiryBatch() }));
};
