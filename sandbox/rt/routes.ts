// Sandbox-only control calls of the receipt push (`/__sandbox/rt`, internal key): the stations with a receipt
// endpoint (read, set, remove), the push of a receipt with every attempt (what the EC's endpoint answered),
// and the Node's retry job on demand. Bad input: 400/404 and no change.
import type { FastifyPluginAsync } from 'fastify';
import { jsonBody, sendJson } from '../http.ts';
import { parseJson } from '../jackson.ts';
import { badRequest, ProblemError } from '../problem.ts';
import type { ReceiptPusher, RtStation } from './push.ts';

export interface RtControlOptions {
  pusher: ReceiptPusher;
}

/** A station id as Back Office names them (`<broker>_NN`, letters, digits, `_`, `-`, `.`), at most 35 characters. */
export const STATION_ID = /^[A-Za-z0-9_.-]{1,35}$/;
const FORM = 'The body must be JSON {"url": "<http(s) URL of the station\'s receipt endpoint>", "primitiveVersion": 1 | 2}';

const quote = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 100 ? `${text.slice(0, 100)}...` : text;
};

/** The endpoint URL (http or https, no credentials), or why not. */
export function checkEndpointUrl(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2048) throw badRequest(`url: ${quote(value)} is not a URL (at most 2048 characters)`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw badRequest(`url: ${quote(value)} is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw badRequest(`url: ${quote(value)} must be http or https`);
  if (url.username || url.password) throw badRequest('url: must not carry credentials');
  return url.href;
}

/** `<stationId>=<url>|<version>` entries, comma separated (SANDBOX_RT_ENDPOINTS); throws a message naming the bad entry. */
export function parseRtEndpoints(text: string): RtStation[] {
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const match = /^([^=]+)=(.+)\|([12])$/.exec(entry);
      if (!match || !STATION_ID.test(match[1]!)) throw new Error(`${quote(entry)} is not <stationId>=<http(s) URL>|<1 or 2>`);
      try {
        return { stationId: match[1]!, url: checkEndpointUrl(match[2]), primitiveVersion: Number(match[3]) as 1 | 2 };
      } catch (error) {
        throw new Error(`${quote(entry)}: ${error instanceof ProblemError ? error.detail : String(error)}`, { cause: error });
      }
    });
}

export const rtControlRoutes: FastifyPluginAsync<RtControlOptions> = async (app, { pusher }) => {
  const stationIdOf = (params: unknown) => {
    const { stationId } = params as { stationId: string };
    if (!STATION_ID.test(stationId)) throw badRequest(`stationId: ${quote(stationId)} is not a station id (letters, digits, _ . -, at most 35)`);
    return stationId;
  };

  app.get('/stations', async (_request, reply) => sendJson(reply, 200, { stations: pusher.stations(), settings: pusher.settings }));

  app.put('/stations/:stationId', async (request, reply) => {
    const stationId = stationIdOf(request.params);
    let body: unknown;
    try {
      body = parseJson(jsonBody(request) ?? '');
    } catch (error) {
      if (error instanceof ProblemError) throw error;
      throw badRequest(FORM);
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest(FORM);
    const { url, primitiveVersion, ...rest } = body as Record<string, unknown>;
    if (Object.keys(rest).length > 0) throw badRequest(`${FORM}; unknown fields ${quote(Object.keys(rest))}`);
    const endpoint = checkEndpointUrl(url);
    if (primitiveVersion !== 1 && primitiveVersion !== 2) throw badRequest(`primitiveVersion: ${quote(primitiveVersion)} must be 1 or 2`);
    const station: RtStation = { stationId, url: endpoint, primitiveVersion };
    pusher.setStation(station);
    return sendJson(reply, 200, station);
  });

  app.delete('/stations/:stationId', async (request, reply) => {
    const stationId = stationIdOf(request.params);
    if (!pusher.removeStation(stationId)) throw new ProblemError(404, 'Not Found', `No receipt endpoint for station ${quote(stationId)}`);
    return reply.code(204).send();
  });

  app.get('/receipts/:organization/:iuv', async (request, reply) => {
    const { organization, iuv } = request.params as { organization: string; iuv: string };
    const push = pusher.get(organization, iuv);
    if (!push) throw new ProblemError(404, 'Not Found', `No receipt push for EC ${quote(organization)} and IUV ${quote(iuv)}`);
    return sendJson(reply, 200, push);
  });

  // The Node's scheduled retry job, now: resends the pushes whose retry is due on the sandbox clock.
  app.post('/retries', async (_request, reply) => sendJson(reply, 200, { attempted: await pusher.runDue() }));
};
