// The calls of the EC's own software, as the sandbox (a Fastify hook) and the recording proxy in front of UAT
// see them: what was asked, what was answered, when, with which request id. Keys never get here: headers
// with a secret name and the `subscription-key` query parameter are masked when a call is taken in
// (lib/redact.ts), and known key values are replaced wherever they appear.
import type { Bilingual } from '../evidence/execution.ts';

/** The APIs an EC's software calls (the platform's base paths, same as api.uat.platform.pagopa.it). */
export type Api = 'gpd-v1' | 'gpd-v2' | 'upload-v1' | 'upload-v2' | 'receipts' | 'biz' | 'fdr';

export type Operation =
  | 'info'
  | 'create'
  | 'list'
  | 'get'
  | 'update'
  | 'delete'
  | 'publish'
  | 'invalidate'
  | 'paid'
  | 'bulk-create'
  | 'bulk-update'
  | 'bulk-delete'
  | 'upload-create'
  | 'upload-update'
  | 'upload-delete'
  | 'upload-status'
  | 'upload-report'
  | 'upload-files'
  | 'receipt'
  | 'receipts-list'
  | 'biz-receipt'
  | 'fdr-list'
  | 'fdr-flow'
  | 'fdr-payments'
  | 'other';

export interface Route {
  api: Api;
  operation: Operation;
  /** The EC of the path (organizationfiscalcode). */
  ec?: string;
  iupd?: string;
  fileId?: string;
  iuv?: string;
}

/** A call as it is taken in: what the sandbox hook or the proxy saw, before the checks. */
export interface CallInput {
  /** When the request arrived. */
  at: Date;
  ms: number;
  method: string;
  /** Path and query as sent (origin-form). */
  url: string;
  requestHeaders: Record<string, string | string[] | undefined>;
  /** The body text (JSON or other), or only its size when it was streamed (upload ZIPs). */
  requestBody?: string | { bytes: number };
  status: number;
  responseHeaders: Record<string, string | string[] | undefined>;
  responseBody?: string;
  /** The client went away before the answer was complete (e.g. its own timeout). */
  clientAborted?: boolean;
}

export type Severity = 'error' | 'warning';

/** A problem found in a call: what is wrong and what to do about it. */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  message: Bilingual;
  advice: Bilingual;
}

export type FindingCode =
  | 'schema'
  | 'unexpected-property'
  | 'malformed-json'
  | 'iuv-check-digits'
  | 'iuv-segregation-code'
  | 'nav-mismatch'
  | 'transfers-sum'
  | 'too-many-transfers'
  | 'iban-and-stamp'
  | 'id-transfer'
  | 'due-date-past'
  | 'validity-date-past'
  | 'date-with-zone'
  | 'to-publish-value'
  | 'iupd-mismatch'
  | 'update-trap'
  | 'blind-create-retry'
  | 'upload-poll-too-fast'
  | 'rate-limited'
  | 'retry-after-ignored';

/** A recorded call with its checks and the catalogue cases it evidences. */
export interface RecordedCall {
  /** 1, 2, … in arrival order. */
  seq: number;
  at: string;
  ms: number;
  requestId: string;
  method: string;
  /** Path and query, key masked. */
  url: string;
  route?: Route;
  request: { headers: Record<string, string>; body?: unknown; bytes?: number };
  response: { status: number; headers: Record<string, string>; body?: unknown };
  clientAborted?: boolean;
  findings: Finding[];
  /** Catalogue case ids this call evidences. */
  cases: string[];
}

const GPD_V1 = /^\/gpd\/debt-positions-service\/v1\/organizations\/([^/]+)\/(debtpositions|paymentoptions)(?:\/([^/]+))?(?:\/([^/]+))?(?:\/([^/]+))?$/;
const GPD_V2 = /^\/gpd\/debt-positions-service\/v2\/organizations\/([^/]+)\/debtpositions$/;
const UPLOAD =
  /^\/upload\/gpd\/debt-positions-service\/(v1|v2)\/brokers\/[^/]+\/organizations\/([^/]+)\/debtpositions\/(?:file(?:\/([^/]+)\/(status|report))?|files)$/;
const RECEIPTS = /^\/gpd\/payments-receipts-service\/v1\/payments\/([^/]+)\/receipts(?:\/([^/]+))?$/;
const BIZ = /^\/bizevents\/service\/v1\/organizations\/([^/]+)\/receipts\/[^/]+(?:\/paymentoptions\/([^/]+))?$/;
const FDR = /^\/fdr-org\/service\/v1\/organizations\/([^/]+)\/fdrs(?:\/[^/]+\/revisions\/[^/]+\/psps\/[^/]+(\/payments)?)?$/;
const INFO =
  /^\/(gpd\/debt-positions-service\/v[12]|upload\/gpd\/debt-positions-service\/v[12]|gpd\/payments-receipts-service\/v1|bizevents\/service\/v1|fdr-org\/service\/v1)\/info$/;

function decode(segment: string | undefined): string | undefined {
  if (segment === undefined) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

const INFO_API: Record<string, Api> = {
  'gpd/debt-positions-service/v1': 'gpd-v1',
  'gpd/debt-positions-service/v2': 'gpd-v2',
  'upload/gpd/debt-positions-service/v1': 'upload-v1',
  'upload/gpd/debt-positions-service/v2': 'upload-v2',
  'gpd/payments-receipts-service/v1': 'receipts',
  'bizevents/service/v1': 'biz',
  'fdr-org/service/v1': 'fdr',
};

/** The API and operation of a call, from its method and path; undefined for a path no EC API serves. */
export function routeOf(method: string, path: string): Route | undefined {
  const m = method.toUpperCase();
  let match: RegExpExecArray | null;
  if ((match = INFO.exec(path))) return { api: INFO_API[match[1]!]!, operation: 'info' };
  if ((match = GPD_V1.exec(path))) {
    const [, ec, collection, a, b, c] = match;
    if (collection === 'paymentoptions') return { api: 'gpd-v1', operation: b === 'paids' || c !== undefined ? 'paid' : 'other', ec: decode(ec) };
    const iupd = decode(a);
    if (b !== undefined && c !== undefined) return { api: 'gpd-v1', operation: 'other', ec: decode(ec), iupd };
    if (b === 'publish' && m === 'POST') return { api: 'gpd-v1', operation: 'publish', ec: decode(ec), iupd };
    if (b === 'invalidate' && m === 'POST') return { api: 'gpd-v1', operation: 'invalidate', ec: decode(ec), iupd };
    if (b !== undefined) return { api: 'gpd-v1', operation: 'other', ec: decode(ec), iupd };
    if (iupd === undefined) return { api: 'gpd-v1', operation: m === 'POST' ? 'create' : m === 'GET' ? 'list' : 'other', ec: decode(ec) };
    const byMethod: Record<string, Operation> = { GET: 'get', PUT: 'update', DELETE: 'delete' };
    return { api: 'gpd-v1', operation: byMethod[m] ?? 'other', ec: decode(ec), iupd };
  }
  if ((match = GPD_V2.exec(path))) {
    const byMethod: Record<string, Operation> = { POST: 'bulk-create', PUT: 'bulk-update', DELETE: 'bulk-delete' };
    return { api: 'gpd-v2', operation: byMethod[m] ?? 'other', ec: decode(match[1]) };
  }
  if ((match = UPLOAD.exec(path))) {
    const [, version, ec, fileId, what] = match;
    const api: Api = version === 'v1' ? 'upload-v1' : 'upload-v2';
    if (path.endsWith('/files')) return { api, operation: m === 'GET' ? 'upload-files' : 'other', ec: decode(ec) };
    if (what)
      return { api, operation: m === 'GET' ? (what === 'status' ? 'upload-status' : 'upload-report') : 'other', ec: decode(ec), fileId: decode(fileId) };
    const byMethod: Record<string, Operation> = { POST: 'upload-create', PUT: 'upload-update', DELETE: 'upload-delete' };
    return { api, operation: byMethod[m] ?? 'other', ec: decode(ec) };
  }
  if ((match = RECEIPTS.exec(path))) {
    const iuv = decode(match[2]);
    return {
      api: 'receipts',
      operation: m !== 'GET' ? 'other' : iuv === undefined ? 'receipts-list' : 'receipt',
      ec: decode(match[1]),
      ...(iuv ? { iuv } : {}),
    };
  }
  if ((match = BIZ.exec(path))) return { api: 'biz', operation: m === 'GET' ? 'biz-receipt' : 'other', ec: decode(match[1]) };
  if ((match = FDR.exec(path))) {
    const operation: Operation = m !== 'GET' ? 'other' : path.endsWith('/fdrs') ? 'fdr-list' : match[2] ? 'fdr-payments' : 'fdr-flow';
    return { api: 'fdr', operation, ec: decode(match[1]) };
  }
  return undefined;
}

/** True for the paths of the APIs an EC's software calls (the ones recorded): not Checkout, the Node's internal API or the sandbox's control API. */
export function isEcApiPath(path: string): boolean {
  return /^\/(gpd\/debt-positions-service\/|upload\/gpd\/debt-positions-service\/|gpd\/payments-receipts-service\/|bizevents\/service\/|fdr-org\/service\/)/.test(
    path,
  );
}

/**
 * The header the suite's own HTTP client sets on every call (lib/http/api-client.ts), so that the sandbox and
 * the recorder can tell its calls from the EC's software's. The EC's software needs no change: it simply does
 * not send it.
 */
export const SUITE_CLIENT_HEADER = 'x-conformance-suite';
