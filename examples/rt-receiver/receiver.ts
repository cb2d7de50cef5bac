// An example of the EC's receipt endpoint (paForNode.wsdl paSendRT / paSendRTV2): what pagoPA's Node calls
// after every payment of a notice of the EC. A starting point for an EC's own software, and the receiver the
// suite's RT cases run against on the sandbox. See README.md here for how it answers and what it stores.
import { appendFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { validateBody } from '../../lib/schemas.ts';
import type { CtReceipt, CtReceiptV2, CtResponse } from '../../lib/schema-types.ts';
import {
  koResponse,
  PA_FOR_NODE_NS,
  parseSoapEnvelope,
  requestVersion,
  RT_OPERATIONS,
  requestOrderProblems,
  rtResponseBody,
  soapEnvelope,
  soapFault,
  SoapParseError,
  type RtFaultCode,
  type RtRequest,
  type RtVersion,
} from '../../lib/rt/soap.ts';

export interface ReceiverOptions {
  /** The EC fiscal codes whose receipts this endpoint takes (idPA). */
  ecFiscalCodes: string[];
  /** The broker (intermediary) and the station this endpoint is (idBrokerPA, idStation). */
  brokerCode: string;
  stationId: string;
  /** A JSON Lines file each accepted receipt is appended to (optional; memory only without it). */
  storeFile?: string;
  /** Largest request accepted (default 1 MiB). */
  maxBodyBytes?: number;
}

/** A receipt as the receiver keeps it: one per notice (EC + IUV), accounted once. */
export interface StoredRt {
  receivedAt: string;
  version: RtVersion;
  idPA: string;
  idBrokerPA: string;
  idStation: string;
  receipt: CtReceipt | CtReceiptV2;
}

/** Every call the receiver answered: what a developer looks at to see what the Node sent and what it got. */
export interface ReceivedCall {
  at: string;
  soapAction: string | undefined;
  element: string | undefined;
  status: number;
  outcome: 'OK' | 'KO' | 'SOAP Fault';
  faultCode?: string;
}

/** The fault strings this example answers (the EC's own texts; the Node only looks at faultCode). */
export const FAULT_STRINGS: Record<RtFaultCode, string> = {
  PAA_SINTASSI_EXTRAXSD: 'Errore di sintassi extra XSD',
  PAA_ID_DOMINIO_ERRATO: 'Identificativo dominio errato',
  PAA_ID_INTERMEDIARIO_ERRATO: 'Identificativo intermediario errato',
  PAA_STAZIONE_INT_ERRATA: 'Stazione intermediario errata',
  PAA_RECEIPT_DUPLICATA: 'Ricevuta duplicata',
  PAA_SYSTEM_ERROR: 'Errore generico',
};

export interface RtReceiver {
  server: Server;
  /** Accepted receipts, in order of arrival. */
  receipts(): StoredRt[];
  /** Every answered call, in order. */
  calls(): ReceivedCall[];
}

class TooLarge extends Error {}

async function readBody(request: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new TooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const xmlHeaders = { 'content-type': 'text/xml; charset=utf-8' };

export function createRtReceiver(options: ReceiverOptions): RtReceiver {
  const stored = new Map<string, StoredRt>();
  const calls: ReceivedCall[] = [];
  const limit = options.maxBodyBytes ?? 1024 * 1024;
  const faultId = options.brokerCode;

  /** The answer to a request of a known primitive (outcome OK, or KO with its fault). */
  function answer(version: RtVersion, namespace: string | undefined, content: unknown, xml: string, at: Date): CtResponse {
    const ko = (code: RtFaultCode, description?: string) => koResponse(code, FAULT_STRINGS[code], faultId, description);
    if (namespace !== PA_FOR_NODE_NS) return ko('PAA_SINTASSI_EXTRAXSD', `the request element is not in the namespace ${PA_FOR_NODE_NS}`);
    const verdict = validateBody(RT_OPERATIONS[version].requestSchema, content);
    // An unknown element is a violation of the XSD's closed sequences, as any other.
    const problems = [...verdict.errors, ...verdict.warnings, ...requestOrderProblems(version, xml)];
    if (problems.length > 0) return ko('PAA_SINTASSI_EXTRAXSD', problems.slice(0, 5).join('; '));
    const request = content as RtRequest;
    if (!options.ecFiscalCodes.includes(request.idPA)) return ko('PAA_ID_DOMINIO_ERRATO', `idPA ${request.idPA} is not served by this station`);
    if (request.idBrokerPA !== options.brokerCode) return ko('PAA_ID_INTERMEDIARIO_ERRATO', `idBrokerPA ${request.idBrokerPA} is not ${options.brokerCode}`);
    if (request.idStation !== options.stationId) return ko('PAA_STAZIONE_INT_ERRATA', `idStation ${request.idStation} is not ${options.stationId}`);
    const key = `${request.idPA}|${request.receipt.creditorReferenceId}`;
    const earlier = stored.get(key);
    // A second receipt of the same notice is never accounted twice: KO PAA_RECEIPT_DUPLICATA (as GPD-payments).
    if (earlier) return ko('PAA_RECEIPT_DUPLICATA', `receipt of IUV ${request.receipt.creditorReferenceId} already received at ${earlier.receivedAt}`);
    const entry: StoredRt = {
      receivedAt: at.toISOString(),
      version,
      idPA: request.idPA,
      idBrokerPA: request.idBrokerPA,
      idStation: request.idStation,
      receipt: request.receipt,
    };
    if (options.storeFile) appendFileSync(options.storeFile, `${JSON.stringify(entry)}\n`);
    stored.set(key, entry);
    return { outcome: 'OK' };
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://receiver');
    if (request.method === 'GET' && url.pathname === '/health')
      return void response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"UP"}');
    if (request.method === 'GET' && url.pathname === '/receipts') {
      return void response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ receipts: [...stored.values()], calls }));
    }
    if (request.method !== 'POST') return void response.writeHead(405, { allow: 'POST' }).end();
    const at = new Date();
    const soapAction = request.headers.soapaction?.toString().replace(/^"|"$/g, '');
    const record = (status: number, outcome: ReceivedCall['outcome'], element?: string, faultCode?: string) =>
      calls.push({ at: at.toISOString(), soapAction, element, status, outcome, faultCode });
    let text: string;
    try {
      text = await readBody(request, limit);
    } catch (error) {
      if (!(error instanceof TooLarge)) throw error;
      record(413, 'SOAP Fault');
      return void response.writeHead(413, xmlHeaders).end(soapFault('Client', `request larger than ${limit} bytes`));
    }
    let body;
    try {
      body = parseSoapEnvelope(text);
    } catch (error) {
      if (!(error instanceof SoapParseError)) throw error;
      record(500, 'SOAP Fault');
      return void response.writeHead(500, xmlHeaders).end(soapFault('Client', error.message));
    }
    const version = requestVersion(body.element);
    if (version === undefined) {
      record(500, 'SOAP Fault', body.element);
      return void response
        .writeHead(500, xmlHeaders)
        .end(soapFault('Client', `unknown operation ${body.element}: this endpoint serves paSendRT and paSendRTV2`));
    }
    let result: CtResponse;
    try {
      result = answer(version, body.namespace, body.content, text, at);
    } catch {
      result = koResponse('PAA_SYSTEM_ERROR', FAULT_STRINGS.PAA_SYSTEM_ERROR, faultId);
    }
    record(200, result.outcome, body.element, result.fault?.faultCode);
    response.writeHead(200, xmlHeaders).end(soapEnvelope(rtResponseBody(version, result)));
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500, xmlHeaders).end(soapFault('Server', 'internal error'));
      else response.destroy();
    });
  });
  return { server, receipts: () => [...stored.values()], calls: () => [...calls] };
}
