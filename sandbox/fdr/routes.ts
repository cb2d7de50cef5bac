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
  NotConvertible,
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

/** @Pattern("^(.{1,35})$") as java.util.regex: its `.` excludes the java line terminators (\u0085 too). */
const ID = /^[^\n\r\u0085\u2028\u2029]{1,35}$/;
const ID_MESSAGE = 'must match "^(.{1,35})$"';
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;
/**
 * java Instant.parse (DateTimeFormatter.ISO_INSTANT, JDK 17): case-insensitive; a 4-digit year (or `-`
 * and 4 digits, or `+` and more than 4); seconds required; `.` and 0..9 fraction digits; `Z` or an
 * offset ±HH:MM[:ss].
 */
const INSTANT = /^([+-]?\d{4,10})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{0,9}))?(?:Z|([+-])(\d{2}):(\d{2})(?::(\d{2}))?)$/i;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** ZoneOffset's range: -18:00..+18:00 inclusive. */
const MAX_OFFSET_SECONDS = 18 * 3600;
/** Past JavaScript's dates (±275760 years) but within Instant's (±1e9 years): only compared, so ±Infinity. */
const JS_MAX_YEAR = 275_759;
const INSTANT_MAX_YEAR = 1_000_000_000;

export const INFO = { name: 'pagopa-fdr', version: '1.1.60', environment: 'sandbox', description: 'FDR - Flussi di rendicontazione' };

const euros = (cents: number) => Number((cents / 100).toFixed(2));
const iso = (ms: number) => new Date(ms).toISOString();

/** Epoch ms of a UTC date-time, or undefined when the date does not exist (any year, 0000..0099 included). */
function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number | undefined {
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, 0);
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? date.getTime() : undefined;
}

const validDate = (y: number, mo: number, d: number) => utc(y, mo, d) !== undefined;

/** java Instant.parse of `text` as epoch ms (the fraction truncated), or undefined when java refuses it. */
export function parseInstant(text: string): number | undefined {
  const m = INSTANT.exec(text);
  if (!m) return undefined;
  const [, year, mo, d, h, mi, s, fraction, sign, oh, om, os] = m;
  // ISO_LOCAL_DATE's year (SignStyle.EXCEEDS_PAD, strict): `+` only past 4 digits, none or `-` with exactly 4.
  const digits = year!.replace(/^[+-]/, '').length;
  if (year!.startsWith('+') ? digits <= 4 : digits !== 4) return undefined;
  const [y, month, day, hour, minute] = [year, mo, d, h, mi].map(Number) as [number, number, number, number, number];
  let second = Number(s);
  const nanos = (fraction ?? '').padEnd(9, '0');
  let extraDays = 0;
  if (hour === 24 && minute === 0 && second === 0 && Number(nanos) === 0) extraDays = 1;
  else if (hour === 23 && minute === 59 && second === 60)
    second = 59; // a leap second is read as :59
  else if (hour > 23 || minute > 59 || second > 59) return undefined;
  let offset = 0;
  if (sign !== undefined) {
    const [hours, minutes, seconds] = [Number(oh), Number(om), Number(os ?? 0)];
    if (minutes > 59 || seconds > 59) return undefined;
    offset = (sign === '-' ? -1 : 1) * (hours * 3600 + minutes * 60 + seconds);
    if (Math.abs(offset) > MAX_OFFSET_SECONDS) return undefined;
  }
  if (Math.abs(y) > JS_MAX_YEAR) {
    if (Math.abs(y) > INSTANT_MAX_YEAR || !validDate(y % 400, month, day)) return undefined;
    return y > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  }
  const local = utc(y, month, day, hour % 24, minute, second);
  if (local === undefined) return undefined;
  return local + extraDays * 86_400_000 - offset * 1000 + Number(nanos.slice(0, 3));
}

/** now − 1 month, as java.time's minus(1, MONTHS) in UTC (the day clamped to the month's length). */
export function oneMonthBefore(now: number): number {
  const d = new Date(now);
  const y = d.getUTCMonth() === 0 ? d.getUTCFullYear() - 1 : d.getUTCFullYear();
  const m = (d.getUTCMonth() + 11) % 12;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
}

/**
 * The parameters of one request as the service's framework takes them: each value converted to its java
 * type first (NotConvertible: 404, no body), then the bean-validation violations of the method, reported
 * together (FDR-1000) with the path `<method>.<java parameter>`, sorted by path descending.
 */
class Violations {
  readonly list: ErrorMessage[] = [];
  constructor(private readonly method: string) {}

  add(javaName: string, message: string): void {
    this.list.push({ path: `${this.method}.${javaName}`, message });
  }

  id(javaName: string, value: string | undefined): void {
    if (value !== undefined && !ID.test(value)) this.add(javaName, ID_MESSAGE);
  }

  /** A java long (Long.parseLong): an optional sign and decimal digits, within 64 bits. */
  long(name: string, javaName: string, text: string | undefined, fallback: bigint, min: bigint, max?: bigint): bigint {
    if (text === undefined) return fallback;
    if (!/^[+-]?\d{1,40}$/.test(text) || BigInt(text) < LONG_MIN || BigInt(text) > LONG_MAX) throw new NotConvertible(name, text);
    const value = BigInt(text);
    if (value < min) this.add(javaName, `must be greater than or equal to ${min}`);
    else if (max !== undefined && value > max) this.add(javaName, `must be less than or equal to ${max}`);
    return value;
  }

  /** An Optional<Instant> with @PastDateLimit(1 MONTHS): refused when before `limit`. */
  instant(name: string, text: string | undefined, limit: number): number | undefined {
    if (text === undefined) return undefined;
    const ms = parseInstant(text);
    if (ms === undefined) throw new NotConvertible(name, text);
    if (ms < limit) this.add(name, DATE_TOO_OLD);
    return ms;
  }

  check(): void {
    if (this.list.length === 0) return;
    throw badRequest([...this.list].sort((a, b) => (a.path! < b.path! ? 1 : a.path! > b.path! ? -1 : 0)));
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
      if (error instanceof NotConvertible) return reply.code(404).send();
      throw error;
    }
  };

  // SemanticValidator.java: PspValidator, then CreditorInstitutionValidator, then FlowNameFormatValidator.
  const checkOrganization = (organizationId: string) => {
    if (!isKnownOrganization(organizationId)) throw unknownOrganization(organizationId);
  };
  const checkPsp = (pspId: string) => {
    if (!flows.isKnownPsp(pspId)) throw unknownPsp(pspId);
    if (pspId === DISABLED_PSP) throw disabledPsp(pspId);
  };

  /** The path of one flow (after the conversions and bean validation), then the flows due are published. */
  const flowPath = async (request: FastifyRequest, violations: Violations) => {
    const revision = violations.long('revision', 'revision', param(request, 'revision'), 1n, 1n);
    violations.check();
    const organizationId = param(request, 'organizationfiscalcode');
    const fdr = param(request, 'fdr');
    const pspId = param(request, 'pspId');
    checkPsp(pspId);
    checkOrganization(organizationId);
    const date = LOCAL_DATE.exec(fdr.slice(0, 10));
    if (!date || !validDate(Number(date[1]), Number(date[2]), Number(date[3]))) throw badFlowDate(fdr);
    if (!fdr.slice(10).startsWith(`${pspId}-`)) throw badFlowPsp(fdr);
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
      const page = v.long('page', 'pageNumber', query.get('page'), 1n, 1n);
      const size = v.long('size', 'pageSize', query.get('size'), 1000n, 1n, 1000n);
      const limit = oneMonthBefore(now());
      const publishedGt = v.instant('publishedGt', query.get('publishedGt'), limit);
      const flowDate = v.instant('flowDate', query.get('flowDate'), limit);
      v.check();
      // A blank pspId is no filter the PSP validator looks at (it still filters: no flow has such a PSP).
      if (pspId !== undefined && pspId.trim() !== '') checkPsp(pspId);
      checkOrganization(organizationId);
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
      const page = v.long('page', 'pageNumber', query.get('page'), 1n, 1n);
      const size = v.long('size', 'pageSize', query.get('size'), 1000n, 1n);
      const flow = await flowPath(request, v);
      const { data, ...rest } = paginate(flow.payments, page, size);
      return { ...rest, data: data.map(payment) };
    }),
  );
};
