// The checking engine of the EC's own software: takes in each call (from the sandbox's hook or the recording
// proxy), masks the keys, checks it on its own (rules.ts) and in sequence with the earlier ones (the update
// trap, a create retried blindly, an upload polled before its Retry-After, 429s and calls made while told to
// wait), and maps it to the catalogue cases it evidences, the negative ones included. The checklist and the
// evidence pack are built from what it holds (checklist.ts, recording-execution.ts).
import { createHash } from 'node:crypto';
import { retryAfterMs } from '../http/api-client.ts';
import { Redactor } from '../redact.ts';
import { GPD } from '../texts/gpd.ts';
import { routeOf, type CallInput, type Finding, type RecordedCall, type Route } from './calls.ts';
import { callFindings, type ParsedBody } from './rules.ts';

export const RECORDING_FORMAT = 'pagopa-async-conformance/ec-recording@1';

/** Where the calls were seen: the sandbox itself, or the recording proxy in front of a target (UAT). */
export interface RecordingSource {
  kind: 'sandbox' | 'recorder';
  /** The origin the calls were answered by (the sandbox, or the proxy's target). */
  target: string;
  ecFiscalCode?: string;
  segregationCodes?: string[];
}

export interface Recording {
  format: typeof RECORDING_FORMAT;
  source: RecordingSource;
  startedAt: string;
  generatedAt: string;
  /** Calls dropped because the recording was full (oldest first). */
  dropped: number;
  calls: RecordedCall[];
}

export interface MonitorOptions {
  source: RecordingSource;
  /** Known key values, replaced wherever they appear (secret-named headers are masked in any case). */
  secrets?: Iterable<string>;
  /** The platform's clock (the sandbox's), for the date rules; default Date.now. */
  now?: () => number;
  /** Calls kept (oldest dropped first, counted in `dropped`); default 5 000. */
  maxCalls?: number;
  /** Bodies longer than this are kept as their size only (they are checked whole all the same); default 16 KiB. */
  maxBodyChars?: number;
}

/** What the engine knows of a position from the answers it saw. */
interface PositionState {
  status?: string;
  /** The last create of this IUPD whose answer the client may not have seen (aborted, 5xx), not followed by a read. */
  unseenCreate?: number;
}

const PAYABLE = new Set(['VALID', 'PUBLISHED']);
const PAID = new Set(['PAID', 'PARTIALLY_PAID', 'REPORTED']);
const CLOSED = new Set(['INVALID', 'EXPIRED']);

const asRecord = (value: unknown): Record<string, unknown> | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

function flat(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

function parse(text: string | undefined): ParsedBody {
  if (text === undefined || text.trim() === '') return { kind: 'none' };
  try {
    return { kind: 'json', value: JSON.parse(text) as unknown };
  } catch {
    return { kind: 'malformed' };
  }
}

/** The catalogue case a refused create evidences, by the rule the request broke (the case's point: not a problem of that case). */
export const PROVOKED_BY: Record<string, readonly Finding['code'][]> = {
  'GPD-CRE-09': ['transfers-sum'],
  'GPD-CRE-10': ['too-many-transfers', 'schema'],
  'GPD-CRE-11': ['iban-and-stamp'],
  'GPD-CRE-12': ['due-date-past'],
  'GPD-CRE-13': ['id-transfer', 'schema'],
  'GPD-CRE-14': ['schema'],
  'GPD-CRE-15': ['validity-date-past'],
  'GPD-CRE-16': ['malformed-json'],
  'GPD-UPD-07': ['iupd-mismatch'],
  'BLK-04': ['transfers-sum', 'too-many-transfers', 'iban-and-stamp', 'due-date-past', 'id-transfer', 'schema', 'validity-date-past'],
  'BLK-05': ['schema'],
};

const CREATE_REFUSALS: [Finding['code'], string][] = [
  ['malformed-json', 'GPD-CRE-16'],
  ['transfers-sum', 'GPD-CRE-09'],
  ['too-many-transfers', 'GPD-CRE-10'],
  ['iban-and-stamp', 'GPD-CRE-11'],
  ['validity-date-past', 'GPD-CRE-15'],
  ['due-date-past', 'GPD-CRE-12'],
  ['id-transfer', 'GPD-CRE-13'],
];

export class EcSoftwareMonitor {
  private readonly redactor: Redactor;
  private readonly calls: RecordedCall[] = [];
  private readonly positions = new Map<string, PositionState>();
  /** Upload file id → the instant before which its status should not be polled. */
  private readonly uploads = new Map<string, number>();
  /** Rate bucket → the instant a 429 said to wait until. */
  private readonly throttledUntil = new Map<string, number>();
  private readonly startedAt = new Date();
  private seq = 0;
  private dropped = 0;

  constructor(private readonly options: MonitorOptions) {
    this.redactor = new Redactor(options.secrets ?? []);
  }

  get source(): RecordingSource {
    return this.options.source;
  }

  record(input: CallInput): RecordedCall {
    const url = new URL(input.url, 'http://recorded.invalid');
    const route = routeOf(input.method, url.pathname);
    const requestHeaders = flat(input.requestHeaders);
    const responseHeaders = flat(input.responseHeaders);
    const requestBody = typeof input.requestBody === 'string' ? parse(input.requestBody) : ({ kind: 'none' } as const);
    const responseBody = parse(input.responseBody);
    const at = input.at.getTime();
    const findings: Finding[] = [];
    const cases: string[] = [];
    const context = { segregationCodes: this.options.source.segregationCodes ?? [], now: this.options.now?.() ?? at };

    // The platform's allowance is per key and per bucket: the key's fingerprint tells keys apart (never the key).
    const bucket = `${route?.api.startsWith('upload') ? 'upload' : 'gpd'}:${keyFingerprint(requestHeaders, url.searchParams)}`;
    const waitUntil = this.throttledUntil.get(bucket);
    if (waitUntil !== undefined && at < waitUntil)
      findings.push({
        code: 'retry-after-ignored',
        severity: 'warning',
        message: {
          it: `Chiamata fatta ${waitUntil - at} ms prima della fine dell'attesa chiesta da un 429 (Retry-After)`,
          en: `Call made ${waitUntil - at} ms before the end of the wait a 429 asked for (Retry-After)`,
        },
        advice: {
          it: 'Dopo un 429 attendere il Retry-After prima di ogni chiamata della stessa chiave',
          en: 'After a 429 wait the Retry-After before any call with the same key',
        },
      });
    if (input.status === 429) {
      const wait = retryAfterMs(responseHeaders['retry-after'], at) ?? 1000;
      this.throttledUntil.set(bucket, at + input.ms + wait);
      findings.push({
        code: 'rate-limited',
        severity: 'warning',
        message: { it: 'Risposta 429: limite di chiamate superato', en: '429 answer: call limit exceeded' },
        advice: {
          it: 'Restare entro 100 chiamate ogni 10 s per chiave su GPD e 10 al secondo sul caricamento file; rispettare Retry-After',
          en: 'Stay within 100 calls per 10 s per key on GPD and 10 per second on the file upload; honour Retry-After',
        },
      });
    }

    if (route) {
      findings.push(...callFindings(route, url.searchParams, requestBody, context));
      const gatewayAnswer = input.status === 401 || input.status === 403 || input.status === 429;
      if (!gatewayAnswer) this.sequence(route, input, url.searchParams, requestBody, responseBody, responseHeaders, findings, cases);
      cases.push(...accessCases(route, input.status, requestHeaders, url.searchParams));
    }

    const call: RecordedCall = {
      seq: ++this.seq,
      at: input.at.toISOString(),
      ms: Math.round(input.ms),
      requestId: responseHeaders['x-request-id'] ?? requestHeaders['x-request-id'] ?? '',
      method: input.method.toUpperCase(),
      url: this.redactor.url(input.url),
      ...(route ? { route } : {}),
      request: { headers: this.redactor.headers(requestHeaders), ...this.body(input.requestBody, requestBody) },
      response: { status: input.status, headers: this.redactor.headers(responseHeaders), ...this.body(input.responseBody, responseBody) },
      ...(input.clientAborted ? { clientAborted: true } : {}),
      findings,
      cases: [...new Set(cases)],
    };
    this.calls.push(call);
    const max = this.options.maxCalls ?? 5_000;
    while (this.calls.length > max) {
      this.calls.shift();
      this.dropped += 1;
    }
    return call;
  }

  private body(raw: CallInput['requestBody'], parsed: ParsedBody): { body?: unknown; bytes?: number } {
    if (raw === undefined) return {};
    if (typeof raw !== 'string') return { bytes: raw.bytes };
    const bytes = Buffer.byteLength(raw);
    if (raw.length > (this.options.maxBodyChars ?? 16_384)) return { bytes };
    return { body: parsed.kind === 'json' ? this.redactor.json(parsed.value) : this.redactor.text(raw), bytes };
  }

  private sequence(
    route: Route,
    input: CallInput,
    query: URLSearchParams,
    requestBody: ParsedBody,
    responseBody: ParsedBody,
    responseHeaders: Record<string, string>,
    findings: Finding[],
    cases: string[],
  ): void {
    const status = input.status;
    const ok = status >= 200 && status < 300;
    const answer = responseBody.kind === 'json' ? asRecord(responseBody.value) : undefined;
    const answered = typeof answer?.status === 'string' ? answer.status : undefined;
    const key = `${route.ec ?? ''}\u0000${route.iupd ?? ''}`;
    const request = requestBody.kind === 'json' ? asRecord(requestBody.value) : undefined;
    const published = query.get('toPublish')?.trim().toLowerCase() === 'true';
    const codes = new Set(findings.map((f) => f.code));

    switch (route.operation) {
      case 'create': {
        const iupd = typeof request?.iupd === 'string' ? request.iupd : undefined;
        const positionKey = `${route.ec ?? ''}\u0000${iupd ?? ''}`;
        const known = iupd === undefined ? undefined : this.positions.get(positionKey);
        if (known?.unseenCreate !== undefined)
          findings.push({
            code: 'blind-create-retry',
            severity: 'warning',
            message: {
              it: `Creazione dello IUPD ${iupd} ripetuta senza verificare l'esito della precedente (chiamata ${known.unseenCreate}, senza risposta letta)`,
              en: `Create of IUPD ${iupd} repeated without checking the outcome of the previous one (call ${known.unseenCreate}, answer not read)`,
            },
            advice: {
              it: 'Dopo un timeout o un 5xx su una creazione leggere prima la posizione (GET …/debtpositions/{iupd}): la creazione può essere già avvenuta',
              en: 'After a timeout or a 5xx on a create, first read the position (GET …/debtpositions/{iupd}): the create may already have happened',
            },
          });
        if (iupd !== undefined) {
          const state = this.positions.get(positionKey) ?? {};
          if (input.clientAborted || status >= 500) state.unseenCreate = this.seq + 1;
          else delete state.unseenCreate;
          if (ok && answered) state.status = answered;
          this.positions.set(positionKey, state);
        }
        if (ok) {
          cases.push(answered === 'VALID' ? 'GPD-CRE-02' : answered === 'PUBLISHED' ? 'GPD-CRE-03' : 'GPD-CRE-01');
          const options = Array.isArray(request?.paymentOption) ? (request.paymentOption as unknown[]).map(asRecord) : [];
          const transfers = options.flatMap((o) => (Array.isArray(o?.transfer) ? (o.transfer as unknown[]).map(asRecord) : []));
          if (transfers.some((t) => typeof t?.organizationFiscalCode === 'string' && t.organizationFiscalCode !== '' && t.organizationFiscalCode !== route.ec))
            cases.push('GPD-CRE-04');
          if (options.length > 1) cases.push('GPD-CRE-05');
          if (transfers.some((t) => asRecord(t?.stamp))) cases.push('GPD-CRE-06');
        } else if (status === 409) {
          cases.push(known?.status !== undefined || known?.unseenCreate !== undefined ? 'GPD-CRE-07' : 'GPD-CRE-08');
        } else if (status === 400) {
          const refusal = CREATE_REFUSALS.find(([code]) => codes.has(code));
          if (refusal) cases.push(refusal[1]);
          else if (codes.has('schema')) cases.push('GPD-CRE-14');
        }
        return;
      }
      case 'publish':
      case 'invalidate':
      case 'update':
      case 'delete':
      case 'get': {
        const state = this.positions.get(key) ?? {};
        const before = state.status;
        if (route.operation === 'get') delete state.unseenCreate;
        const caseId = positionCase(route.operation, status, before, answered, published, answer, findings);
        if (caseId) cases.push(caseId);
        if (route.operation === 'update' && ok && before !== undefined && PAYABLE.has(before) && answered === 'DRAFT' && !published)
          findings.push({
            code: 'update-trap',
            severity: 'warning',
            message: {
              it: `Aggiornamento di una posizione ${before} senza toPublish=true: la posizione è tornata in DRAFT e non è più pagabile`,
              en: `Update of a ${before} position without toPublish=true: the position went back to DRAFT and can no longer be paid`,
            },
            advice: {
              it: 'Per aggiornare una posizione pubblicata lasciandola pagabile inviare PUT …/debtpositions/{iupd}?toPublish=true',
              en: 'To update a published position and keep it payable send PUT …/debtpositions/{iupd}?toPublish=true',
            },
          });
        if (ok) state.status = route.operation === 'delete' ? 'DELETED' : (answered ?? state.status);
        if (status === 404) delete state.status;
        this.positions.set(key, state);
        return;
      }
      case 'list':
        if (ok) {
          if (query.has('status')) cases.push('GPD-GET-03');
          if (query.has('due_date_from') || query.has('due_date_to')) cases.push('GPD-GET-04');
          if (query.has('orderby')) cases.push('GPD-GET-05');
          if (Number(query.get('page') ?? '0') >= 1) cases.push('GPD-GET-06');
          if (query.has('limit')) cases.push('GPD-GET-07');
          for (const position of Array.isArray(answer?.payment_position_list) ? (answer.payment_position_list as unknown[]).map(asRecord) : []) {
            if (typeof position?.iupd !== 'string' || typeof position.status !== 'string') continue;
            const state = this.positions.get(`${route.ec ?? ''}\u0000${position.iupd}`) ?? {};
            state.status = position.status;
            delete state.unseenCreate;
            this.positions.set(`${route.ec ?? ''}\u0000${position.iupd}`, state);
          }
        } else if (status === 400) cases.push('GPD-GET-08');
        return;
      case 'bulk-create':
      case 'bulk-update':
      case 'bulk-delete': {
        if (ok) cases.push(route.operation === 'bulk-create' ? 'BLK-01' : route.operation === 'bulk-update' ? 'BLK-02' : 'BLK-03');
        const items = Array.isArray(request?.paymentPositions)
          ? request.paymentPositions.length
          : Array.isArray(request?.paymentPositionIUPDs)
            ? request.paymentPositionIUPDs.length
            : 0;
        const limit = route.operation === 'bulk-delete' ? 20 : 100;
        if (status >= 400 && status < 500 && items > limit) cases.push('BLK-05');
        else if (status >= 400 && status < 500 && items >= 2) cases.push('BLK-04');
        return;
      }
      case 'upload-create':
      case 'upload-update':
      case 'upload-delete':
        if (status === 202) {
          cases.push(route.operation === 'upload-create' ? 'BLK-06' : route.operation === 'upload-update' ? 'BLK-07' : 'BLK-08');
          if (route.api === 'upload-v1') cases.push('BLK-12');
          const fileId = /\/file\/([^/]+)\/status/.exec(responseHeaders.location ?? '')?.[1];
          const wait = retryAfterMs(responseHeaders['retry-after'], input.at.getTime());
          if (fileId && wait !== undefined) this.uploads.set(safeDecode(fileId), input.at.getTime() + input.ms + wait);
        } else if (status === 400) cases.push('BLK-09');
        return;
      case 'upload-status':
      case 'upload-report': {
        const notBefore = route.fileId === undefined ? undefined : this.uploads.get(route.fileId);
        const at = input.at.getTime();
        if (notBefore !== undefined && at < notBefore)
          findings.push({
            code: 'upload-poll-too-fast',
            severity: 'warning',
            message: {
              it: `Stato del caricamento ${route.fileId} chiesto ${notBefore - at} ms prima del Retry-After`,
              en: `Status of upload ${route.fileId} asked ${notBefore - at} ms before the Retry-After`,
            },
            advice: {
              it: 'Attendere il Retry-After della risposta 202 (e di ogni risposta di stato che lo indica) prima di interrogare lo stato',
              en: 'Wait the Retry-After of the 202 answer (and of every status answer that gives one) before polling the status',
            },
          });
        const wait = retryAfterMs(responseHeaders['retry-after'], at);
        if (route.fileId !== undefined && wait !== undefined) this.uploads.set(route.fileId, at + input.ms + wait);
        if (status === 404) cases.push('BLK-11');
        if (status === 425 && route.operation === 'upload-report') cases.push('BLK-10');
        return;
      }
      case 'receipt':
        if (ok) cases.push('RIC-01');
        else if (status === 422) cases.push('RIC-04');
        return;
      case 'receipts-list':
        if (ok) cases.push('RIC-02');
        if ((ok && (query.has('page') || query.has('limit'))) || status === 400) cases.push('RIC-05');
        return;
      case 'biz-receipt':
        if (ok) cases.push('RIC-03');
        return;
      case 'fdr-list':
        if (ok) cases.push('FDR-01');
        return;
      case 'fdr-flow':
      case 'fdr-payments':
        if (status === 404 || status === 400) cases.push('FDR-02');
        else if (ok && route.operation === 'fdr-payments') cases.push('FDR-03');
        return;
      default:
        return;
    }
  }

  /** The calls recorded so far, oldest first (a copy). */
  list(): RecordedCall[] {
    return [...this.calls];
  }

  recording(now = new Date()): Recording {
    return {
      format: RECORDING_FORMAT,
      source: this.options.source,
      startedAt: this.startedAt.toISOString(),
      generatedAt: now.toISOString(),
      dropped: this.dropped,
      calls: this.list(),
    };
  }

  /** Forgets every call and what it knew (a new session of the EC's software). */
  reset(): void {
    this.calls.length = 0;
    this.positions.clear();
    this.uploads.clear();
    this.throttledUntil.clear();
    this.dropped = 0;
  }
}

function keyFingerprint(headers: Record<string, string>, query: URLSearchParams): string {
  const key = headers['ocp-apim-subscription-key'] ?? query.get('subscription-key') ?? '';
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function positionCase(
  operation: 'publish' | 'invalidate' | 'update' | 'delete' | 'get',
  status: number,
  before: string | undefined,
  answered: string | undefined,
  published: boolean,
  answer: Record<string, unknown> | undefined,
  findings: Finding[],
): string | undefined {
  const ok = status >= 200 && status < 300;
  switch (operation) {
    case 'get':
      return ok ? 'GPD-GET-01' : status === 404 ? 'GPD-GET-02' : undefined;
    case 'publish':
      if (ok) return answered === 'PUBLISHED' ? 'GPD-PUB-02' : 'GPD-PUB-01';
      if (status === 409) return answer?.title === GPD.publishAfterDueDateTitle ? 'GPD-PUB-04' : 'GPD-PUB-03';
      return undefined;
    case 'invalidate':
      return ok ? 'GPD-INV-01' : status === 409 && before === 'DRAFT' ? 'GPD-INV-02' : undefined;
    case 'delete':
      if (ok) return before === 'DRAFT' ? 'GPD-DEL-01' : before !== undefined && PAYABLE.has(before) ? 'GPD-DEL-02' : undefined;
      if (status === 409) return 'GPD-DEL-03';
      return status === 404 ? 'GPD-DEL-04' : undefined;
    case 'update':
      if (ok) {
        if (before === 'DRAFT') return 'GPD-UPD-01';
        if (before !== undefined && PAYABLE.has(before)) return published ? 'GPD-UPD-02' : 'GPD-UPD-03';
        return answered === 'DRAFT' ? 'GPD-UPD-01' : published ? 'GPD-UPD-02' : undefined;
      }
      if (status === 404) return 'GPD-UPD-04';
      if (status === 409)
        return before !== undefined && PAID.has(before) ? 'GPD-UPD-05' : before !== undefined && CLOSED.has(before) ? 'GPD-UPD-06' : undefined;
      if (status === 400 && findings.some((f) => f.code === 'iupd-mismatch')) return 'GPD-UPD-07';
      return undefined;
  }
}

/** The access cases a call evidences: gateway answers (401, 403) and a working key per product. */
function accessCases(route: Route, status: number, headers: Record<string, string>, query: URLSearchParams): string[] {
  const withKey = headers['ocp-apim-subscription-key'] !== undefined || query.has('subscription-key');
  if (status === 401) return [withKey ? 'ACC-02' : 'ACC-01'];
  if (status === 403) return ['ACC-04'];
  if (status < 200 || status >= 300) return [];
  if (route.api === 'receipts') return ['ACC-05'];
  if (route.api === 'fdr') return ['ACC-07'];
  if (route.api === 'biz') return ['ACC-08'];
  return ['ACC-03'];
}
