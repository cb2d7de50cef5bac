// The FdR organisation API (`/fdr-org/service/v1`, product `fdr`): the published flows of an EC, one
// flow, its payments, `/info`. Behaviour as pagoPA's FdR service code (issue 12, notes §3.1); paths as
// its service contract (pagopa-fdr-org-openapi.json). The EC path parameter is named as the other
// APIs' (`organizationfiscalcode`), so that the gateway holds it to the key's bindings (403).
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { param, queryParams, sendJson } from '../http.ts';
import {
  badFlowDate,
  badFlowPsp,
  badRequest,
  DATE_TOO_OLD,
  disabledPsp,
  FdrError,
  flowNotFound,
  shown,
  unknownOrganization,
  unknownPsp,
  type ErrorMessage,
} from './errors.ts';
import { DISABLED_PSP, type FlowPayment, type FlowRevision, type FlowStore } from './flows.ts';

export interface FdrRoutesOptions {
  flows: FlowStore;
  now: () => number;
  /** Whether the EC is registered on the platform (FDR-2008 otherwise). */
  isKnownOrganization: (organizationId: string) => boolean;
}

const ID = /^(.{1,35})$/;
const ID_MESSAGE = 'must match "^(.{1,35})$"';
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const INFO = { name: 'pagopa-fdr', version: '1.1.60', environment: 'sandbox', description: 'FDR - Flussi di rendicontazione' };

const euros = (cents: number) => Number((cents / 100).toFixed(2));
const iso = (ms: number) => new Date(ms).toISOString();

function validDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** java.time Instant text (ISO-8601 with Z or an offset), or undefined. */
function parseInstant(text: string): number | undefined {
  const m = INSTANT.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  if (!validDate(y, mo, d) || h > 23 || mi > 59 || s > 59) return undefined;
  const fraction = Number(`0.${m[7] ?? '0'}`) * 1000;
  let ms = Date.UTC(y, mo - 1, d, h, mi, s) + Math.floor(fraction);
  const zone = m[8]!;
  if (zone !== 'Z') {
    const [oh, om] = zone.slice(1).split(':').map(Number) as [number, number];
    if (oh > 18 || om > 59) return undefined;
    ms -= (zone[0] === '-' ? -1 : 1) * (oh * 60 + om) * 60_000;
  }
  return ms;
}

/** now − 1 month, as java.time's minus(1, MONTHS) in UTC (the day clamped to the month's length). */
export function oneMonthBefore(now: number): number {
  const d = new Date(now);
  const y = d.getUTCMonth() === 0 ? d.getUTCFullYear() - 1 : d.getUTCFullYear();
  const m = (d.getUTCMonth() + 11) % 12;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
}

/** Collects the violations of one request, each as one errors[] entry. */
class Violations {
  readonly list: ErrorMessage[] = [];
  constructor(private readonly operation: string) {}

  add(name: string, message: string): void {
    this.list.push({ path: `${this.operation}.${name}`, message });
  }

  id(name: string, value: string | undefined): void {
    if (value !== undefined && !ID.test(value)) this.add(name, ID_MESSAGE);
  }

  long(name: string, text: string | undefined, fallback: bigint, min: bigint, max?: bigint): bigint {
    if (text === undefined) return fallback;
    if (!/^[+-]?\d{1,40}$/.test(text) || BigInt(text) < LONG_MIN || BigInt(text) > LONG_MAX) {
      this.list.push({ path: name, message: `Bad request. Field [${name}] is [${shown(text)}]. Not match a correct value` });
      return fallback;
    }
    const value = BigInt(text);
    if (value < min) this.add(name, `must be greater than or equal to ${min}`);
    else if (max !== undefined && value > max) this.add(name, `must be less than or equal to ${max}`);
    return value;
  }

  instant(name: string, text: string | undefined): number | undefined {
    if (text === undefined) return undefined;
    const ms = parseInstant(text);
    if (ms === undefined) {
      this.list.push({
        path: name,
        message: `Bad request. Field [${name}] is [${shown(text)}]. Expected ISO-8601 [2011-12-03T10:15:30Z] [2023-04-05T09:21:37.810000Z]`,
      });
    }
    return ms;
  }

  check(): void {
    if (this.list.length > 0) throw badRequest(this.list);
  }
}

/** The page `page` (1-based, possibly far past the end) of `items`, with the service's metadata. */
function paginate<T>(items: T[], page: bigint, size: bigint) {
  const count = items.length;
  const offset = (page - 1n) * size;
  const data = offset >= BigInt(count) ? [] : items.slice(Number(offset), Number(offset + size > BigInt(count) ? BigInt(count) : offset + size));
  const totPage = Number((BigInt(count) + size - 1n) / size);
  return { metadata: { pageSize: Number(size), pageNumber: Number(page), totPage }, count, data };
}

const flowByPsp = (f: FlowRevision) => ({ fdr: f.fdr, pspId: f.pspId, revision: f.revision, published: iso(f.published), flowDate: iso(f.flowDate) });

const sumCents = (payments: FlowPayment[]) => payments.reduce((sum, p) => sum + p.payCents, 0);

function singleFlow(f: FlowRevision) {
  const sum = euros(sumCents(f.payments));
  const pspName = (f.pspName.length >= 3 ? f.pspName : `PSP ${f.pspId}`).slice(0, 70);
  return {
    status: 'PUBLISHED',
    revision: f.revision,
    created: iso(f.created),
    updated: iso(f.published),
    fdr: f.fdr,
    fdrDate: iso(f.flowDate),
    regulation: f.regulation,
    regulationDate: f.regulationDate,
    bicCodePouringBank: 'UNCRITMMXXX',
    sender: {
      type: 'LEGAL_PERSON',
      id: f.pspFiscalCode.slice(0, 35),
      pspId: f.pspId,
      pspName,
      pspBrokerId: f.pspFiscalCode.slice(0, 35),
      channelId: `${f.pspFiscalCode}_01`.slice(0, 35),
    },
    receiver: { id: f.organizationId, organizationId: f.organizationId, organizationName: (f.organizationName || f.organizationId).slice(0, 140) },
    published: iso(f.published),
    computedTotPayments: f.payments.length,
    computedSumPayments: sum,
    totPayments: f.payments.length,
    sumPayments: sum,
  };
}

const payment = (p: FlowPayment) => ({
  index: p.index,
  iuv: p.iuv,
  iur: p.iur,
  idTransfer: p.idTransfer,
  pay: euros(p.payCents),
  payStatus: p.payStatus,
  payDate: iso(p.payDate),
});

const ORGANIZATION = '/organizations/:organizationfiscalcode';
const FLOW = `${ORGANIZATION}/fdrs/:fdr/revisions/:revision/psps/:pspId`;

export const fdrRoutes: FastifyPluginAsync<FdrRoutesOptions> = async (app, { flows, now, isKnownOrganization }) => {
  const handle = (operation: (request: FastifyRequest) => Promise<unknown>) => async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      return sendJson(reply, 200, await operation(request));
    } catch (error) {
      if (error instanceof FdrError) return sendJson(reply, error.status, error.toJSON());
      throw error;
    }
  };

  const checkOrganization = (organizationId: string) => {
    if (!isKnownOrganization(organizationId)) throw unknownOrganization(organizationId);
  };
  const checkPsp = (pspId: string) => {
    if (!flows.isKnownPsp(pspId)) throw unknownPsp(pspId);
    if (pspId === DISABLED_PSP) throw disabledPsp(pspId);
  };

  /** The path of one flow, validated in the service's order; then the flows due are published. */
  const flowPath = async (request: FastifyRequest, violations: Violations) => {
    const organizationId = param(request, 'organizationfiscalcode');
    const fdr = param(request, 'fdr');
    const pspId = param(request, 'pspId');
    const revision = violations.long('revision', param(request, 'revision'), 1n, 1n);
    violations.check();
    checkOrganization(organizationId);
    checkPsp(pspId);
    const date = LOCAL_DATE.exec(fdr.slice(0, 10));
    if (!date || !validDate(Number(date[1]), Number(date[2]), Number(date[3]))) throw badFlowDate(fdr);
    if (!fdr.slice(10).startsWith(`${pspId}-`)) throw badFlowPsp(fdr, pspId);
    await flows.publishDue();
    const flow = flows.get(organizationId, pspId, fdr, revision);
    if (!flow) throw flowNotFound(fdr);
    return flow;
  };

  app.get('/info', async (_request, reply) => sendJson(reply, 200, INFO));

  app.get(
    `${ORGANIZATION}/fdrs`,
    handle(async (request) => {
      const v = new Violations('getAllPublishedFlows');
      const query = queryParams(request);
      const organizationId = param(request, 'organizationfiscalcode');
      v.id('organizationId', organizationId);
      const pspId = query.get('pspId');
      v.id('pspId', pspId);
      const page = v.long('page', query.get('page'), 1n, 1n);
      const size = v.long('size', query.get('size'), 1000n, 1n, 1000n);
      const publishedGt = v.instant('publishedGt', query.get('publishedGt'));
      const flowDate = v.instant('flowDate', query.get('flowDate'));
      v.check();
      checkOrganization(organizationId);
      if (pspId !== undefined) checkPsp(pspId);
      const limit = oneMonthBefore(now());
      const old: ErrorMessage[] = [];
      if (publishedGt !== undefined && publishedGt < limit) old.push({ path: 'publishedGt', message: DATE_TOO_OLD });
      if (flowDate !== undefined && flowDate < limit) old.push({ path: 'flowDate', message: DATE_TOO_OLD });
      if (old.length > 0) throw badRequest(old);
      await flows.publishDue();
      const found = flows.latest(organizationId, { pspId, publishedGt: publishedGt ?? limit, flowDateGt: flowDate ?? limit });
      const { data, ...rest } = paginate(found, page, size);
      return { ...rest, data: data.map(flowByPsp) };
    }),
  );

  app.get(
    FLOW,
    handle(async (request) => singleFlow(await flowPath(request, new Violations('getSinglePublishedFlow')))),
  );

  app.get(
    `${FLOW}/payments`,
    handle(async (request) => {
      const v = new Violations('getPaymentsFromPublishedFlow');
      const query = queryParams(request);
      const page = v.long('page', query.get('page'), 1n, 1n);
      const size = v.long('size', query.get('size'), 1000n, 1n);
      const flow = await flowPath(request, v);
      const { data, ...rest } = paginate(flow.payments, page, size);
      return { ...rest, data: data.map(payment) };
    }),
  );
};
