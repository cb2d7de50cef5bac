// The receipt push of pagoPA's Node to an EC station (paForNode.wsdl: paSendRT, paSendRTV2): SOAP 1.1
// envelopes built and parsed with fast-xml-parser. Bodies are written in the XSD's element order (the
// sequences of paForNode.xsd), children unqualified (the XSD has no elementFormDefault), the wrapper
// element in the paForNode namespace. Parsed bodies are plain objects (every value a string, lists as
// arrays) checked with our schemas `rt/*` (schemas/rt/); lib/rt/soap.test.ts validates what we build
// against the official XSDs.
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import type { CtReceipt, CtReceiptV2, CtResponse, CtSubject, PaSendRTReq, PaSendRTV2Request } from '../schema-types.ts';
import type { SchemaId } from '../schemas.ts';
import { RT } from '../texts/rt.ts';

export type RtVersion = 1 | 2;

export const SOAP_ENV_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const PA_FOR_NODE_NS = 'http://pagopa-api.pagopa.gov.it/pa/paForNode.xsd';

/** Per primitive version: the WSDL operation (= soapAction), its request and response elements and our schemas. */
export const RT_OPERATIONS = {
  1: { soapAction: 'paSendRT', request: 'paSendRTReq', response: 'paSendRTRes', requestSchema: 'rt/PaSendRTReq', responseSchema: 'rt/CtResponse' },
  2: {
    soapAction: 'paSendRTV2',
    request: 'paSendRTV2Request',
    response: 'paSendRTV2Response',
    requestSchema: 'rt/PaSendRTV2Request',
    responseSchema: 'rt/CtResponse',
  },
} as const satisfies Record<RtVersion, { soapAction: string; request: string; response: string; requestSchema: SchemaId; responseSchema: SchemaId }>;

export type RtRequest<V extends RtVersion = RtVersion> = V extends 1 ? PaSendRTReq : PaSendRTV2Request;

/** Fault codes an EC station may answer to paSendRT(V2) (lib/texts/rt.ts). */
export const RT_FAULT_CODES = Object.values(RT);
export type RtFaultCode = (typeof RT)[keyof typeof RT];

// --- XSD element order -------------------------------------------------------------------------------

const SUBJECT = ['uniqueIdentifier', 'fullName', 'streetName', 'civicNumber', 'postalCode', 'city', 'stateProvinceRegion', 'country', 'e-mail'];
const UNIQUE_IDENTIFIER = ['entityUniqueIdentifierType', 'entityUniqueIdentifierValue'];
const TRANSFER_V1 = ['idTransfer', 'transferAmount', 'fiscalCodePA', 'IBAN', 'remittanceInformation', 'transferCategory', 'metadata'];
const TRANSFER_V2 = [
  'idTransfer',
  'transferAmount',
  'fiscalCodePA',
  'companyName',
  'IBAN',
  'MBDAttachment',
  'remittanceInformation',
  'transferCategory',
  'metadata',
];
const RECEIPT_HEAD = [
  'receiptId',
  'noticeNumber',
  'fiscalCode',
  'outcome',
  'creditorReferenceId',
  'paymentAmount',
  'description',
  'companyName',
  'officeName',
  'debtor',
];
const RECEIPT_PSP = ['transferList', 'idPSP', 'pspFiscalCode', 'pspPartitaIVA', 'PSPCompanyName', 'idChannel', 'channelDescription', 'payer', 'paymentMethod'];
const RECEIPT_V1 = [...RECEIPT_HEAD, ...RECEIPT_PSP, 'fee', 'paymentDateTime', 'applicationDate', 'transferDate', 'metadata', 'standIn'];
const RECEIPT_V2 = [
  ...RECEIPT_HEAD,
  ...RECEIPT_PSP,
  'paymentNote',
  'fee',
  'primaryCiIncurredFee',
  'idBundle',
  'idCiBundle',
  'paymentDateTime',
  'applicationDate',
  'transferDate',
  'metadata',
  'standIn',
];
const REQUEST = ['idPA', 'idBrokerPA', 'idStation', 'receipt'];
const FAULT = ['faultCode', 'faultString', 'id', 'description', 'serial', 'originalFaultCode', 'originalFaultString', 'originalDescription'];

type Node = Record<string, unknown>;

/** The object's fields in `order` (absent ones left out): the builder writes keys in insertion order. */
function ordered(value: object, order: string[]): Node {
  const source = value as Node;
  const unknown = Object.keys(source).filter((key) => !order.includes(key));
  if (unknown.length > 0) throw new Error(`fields not in the XSD sequence: ${unknown.join(', ')}`);
  return Object.fromEntries(order.filter((key) => source[key] !== undefined).map((key) => [key, source[key]]));
}

function subject(value: CtSubject | undefined): Node | undefined {
  if (!value) return undefined;
  return ordered({ ...value, uniqueIdentifier: ordered(value.uniqueIdentifier, UNIQUE_IDENTIFIER) }, SUBJECT);
}

function receiptNode(version: RtVersion, receipt: CtReceipt | CtReceiptV2): Node {
  const transferOrder = version === 1 ? TRANSFER_V1 : TRANSFER_V2;
  return ordered(
    {
      ...receipt,
      debtor: subject(receipt.debtor),
      payer: subject(receipt.payer),
      transferList: { transfer: receipt.transferList.transfer.map((t) => ordered(t, transferOrder)) },
    },
    version === 1 ? RECEIPT_V1 : RECEIPT_V2,
  );
}

const builder = new XMLBuilder({ suppressEmptyNode: false, ignoreAttributes: false, attributeNamePrefix: '@_', format: true, indentBy: '  ' });

/** `<pafn:element xmlns:pafn="…">…</pafn:element>`: a body element of paForNode.xsd as a standalone document. */
function bodyElement(element: string, content: Node): string {
  return builder.build({ [`pafn:${element}`]: { '@_xmlns:pafn': PA_FOR_NODE_NS, ...content } }) as string;
}

/** The paSendRTReq / paSendRTV2Request body element (what the XSD validates). */
export function rtRequestBody<V extends RtVersion>(version: V, request: RtRequest<V>): string {
  const content = ordered({ ...request, receipt: receiptNode(version, request.receipt) }, REQUEST);
  return bodyElement(RT_OPERATIONS[version].request, content);
}

/** The paSendRTRes / paSendRTV2Response body element. */
export function rtResponseBody(version: RtVersion, response: CtResponse): string {
  return bodyElement(
    RT_OPERATIONS[version].response,
    ordered({ ...response, fault: response.fault ? ordered(response.fault, FAULT) : undefined }, ['outcome', 'fault']),
  );
}

/** A SOAP 1.1 envelope around one body element (its XML declaration, if any, dropped). */
export function soapEnvelope(body: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<soapenv:Envelope xmlns:soapenv="${SOAP_ENV_NS}">\n<soapenv:Header/>\n<soapenv:Body>\n` +
    `${body.replace(/^<\?xml[^>]*\?>\s*/, '').trimEnd()}\n</soapenv:Body>\n</soapenv:Envelope>\n`
  );
}

/** A SOAP 1.1 Fault envelope (faultcode `soapenv:Client` or `soapenv:Server`). */
export function soapFault(faultcode: 'Client' | 'Server', faultstring: string): string {
  const body = builder.build({ 'soapenv:Fault': { faultcode: `soapenv:${faultcode}`, faultstring } }) as string;
  return soapEnvelope(body);
}

/** A KO answer with its fault (id: who raised it, e.g. the EC's fiscal code). */
export function koResponse(faultCode: RtFaultCode, faultString: string, id: string, description?: string): CtResponse {
  return { outcome: 'KO', fault: { faultCode, faultString, id, description } };
}

// --- Element order (the XSD's sequences; our JSON schemas cannot see it) ---------------------------

type Sequence = { order: string[]; children?: Record<string, Sequence> };
const subjectSequence: Sequence = { order: SUBJECT, children: { uniqueIdentifier: { order: UNIQUE_IDENTIFIER } } };
const metadataSequence: Sequence = { order: ['mapEntry'], children: { mapEntry: { order: ['key', 'value'] } } };
const receiptSequence = (version: RtVersion): Sequence => ({
  order: version === 1 ? RECEIPT_V1 : RECEIPT_V2,
  children: {
    debtor: subjectSequence,
    payer: subjectSequence,
    metadata: metadataSequence,
    transferList: {
      order: ['transfer'],
      children: { transfer: { order: version === 1 ? TRANSFER_V1 : TRANSFER_V2, children: { metadata: metadataSequence } } },
    },
  },
});
const REQUEST_SEQUENCES: Record<RtVersion, Sequence> = {
  1: { order: REQUEST, children: { receipt: receiptSequence(1) } },
  2: { order: REQUEST, children: { receipt: receiptSequence(2) } },
};

type OrderedNode = Record<string, unknown>;
const orderedParser = new XMLParser({ preserveOrder: true, ignoreAttributes: true, removeNSPrefix: true, parseTagValue: false, processEntities: false });
const tagOf = (node: OrderedNode) => Object.keys(node).find((key) => key !== ':@' && key !== '#text');

function orderProblems(children: OrderedNode[], sequence: Sequence, path: string): string[] {
  const problems: string[] = [];
  let last = -1;
  let lastName = '';
  for (const child of children) {
    const name = tagOf(child);
    if (name === undefined) continue;
    const index = sequence.order.indexOf(name);
    if (index === -1) continue; // an unknown element: the schemas report it
    if (index < last) problems.push(`${path}/${name}: must come before ${lastName} (the XSD's sequence)`);
    else [last, lastName] = [index, name];
    const inner = sequence.children?.[name];
    if (inner) problems.push(...orderProblems(child[name] as OrderedNode[], inner, `${path}/${name}`));
  }
  return problems;
}

/** Elements of a paSendRT(V2) request out of the XSD's order (the envelope's request element, by local names). */
export function requestOrderProblems(version: RtVersion, xml: string): string[] {
  const find = (nodes: OrderedNode[], name: string) => nodes.find((node) => tagOf(node) === name)?.[name] as OrderedNode[] | undefined;
  const root = orderedParser.parse(xml) as OrderedNode[];
  const body = find(find(root, 'Envelope') ?? [], 'Body') ?? [];
  const request = find(body, RT_OPERATIONS[version].request);
  return request ? orderProblems(request, REQUEST_SEQUENCES[version], '') : [];
}

// --- Parsing ---------------------------------------------------------------------------------------

const LISTS = new Set(['transfer', 'mapEntry']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  isArray: (name) => LISTS.has(name.replace(/^[^:]*:/, '')),
});

export class SoapParseError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SoapParseError';
  }
}

/** The body element of an envelope: its local name, namespace and content (prefixes and attributes dropped). */
export interface SoapBody {
  element: string;
  namespace: string | undefined;
  content: unknown;
}

const localName = (name: string) => name.replace(/^[^:]*:/, '');
const prefixOf = (name: string) => (name.includes(':') ? name.slice(0, name.indexOf(':')) : '');
const elementKeys = (node: Node) => Object.keys(node).filter((key) => !key.startsWith('@_') && key !== '#text' && key !== '?xml');

/** Prefixes and attributes dropped; an element with only text becomes its text, an empty one ''. */
function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (typeof value !== 'object' || value === null) return value;
  const node = value as Node;
  const keys = elementKeys(node);
  if (keys.length === 0) return typeof node['#text'] === 'string' ? node['#text'] : '';
  return Object.fromEntries(keys.map((key) => [localName(key), strip(node[key])]));
}

/** `<?xml version="1.x" encoding="…" standalone="yes|no"?>` at the very start (XML 1.0 §2.8). */
const XML_DECLARATION =
  /^<\?xml\s+version\s*=\s*(["'])1\.[0-9]+\1(?:\s+encoding\s*=\s*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:\s+standalone\s*=\s*(["'])(?:yes|no)\3)?\s*\?>/;

/** Parses a SOAP 1.1 envelope with one body element. Not XML, a DTD, no envelope or no body: SoapParseError. */
export function parseSoapEnvelope(xml: string): SoapBody {
  if (/<!DOCTYPE/i.test(xml)) throw new SoapParseError('a SOAP message must not contain a DTD');
  // fast-xml-parser's validator lets a malformed XML declaration through; an XML parser does not.
  if (/^\s*<\?xml[\s?]/.test(xml) && !XML_DECLARATION.test(xml)) throw new SoapParseError('not well-formed XML: a malformed XML declaration');
  if (/<\?xml[\s?]/i.test(xml.replace(XML_DECLARATION, ''))) throw new SoapParseError('not well-formed XML: an XML declaration must come first, once');
  const check = XMLValidator.validate(xml);
  if (check !== true) throw new SoapParseError(`not well-formed XML: ${check.err.msg} (line ${check.err.line})`);
  let root: Node;
  try {
    root = parser.parse(xml) as Node;
  } catch (error) {
    throw new SoapParseError(`not well-formed XML: ${(error as Error).message}`, { cause: error }); // what the validator let through
  }
  const envelopeKey = elementKeys(root).find((key) => localName(key) === 'Envelope');
  if (!envelopeKey) throw new SoapParseError('no SOAP Envelope');
  const envelope = root[envelopeKey] as Node;
  if (typeof envelope !== 'object' || envelope === null) throw new SoapParseError('empty SOAP Envelope');
  const declared = (node: Node, prefix: string) => node[prefix ? `@_xmlns:${prefix}` : '@_xmlns'] as string | undefined;
  if (declared(envelope, prefixOf(envelopeKey)) !== SOAP_ENV_NS) throw new SoapParseError(`the Envelope is not in the SOAP 1.1 namespace ${SOAP_ENV_NS}`);
  const bodyKey = elementKeys(envelope).find((key) => localName(key) === 'Body');
  const body = bodyKey ? (envelope[bodyKey] as Node) : undefined;
  if (!body || typeof body !== 'object') throw new SoapParseError('no SOAP Body');
  const children = elementKeys(body);
  if (children.length !== 1) throw new SoapParseError(`the SOAP Body must hold one element, found ${children.length}`);
  const key = children[0]!;
  const element = body[key] as Node;
  const prefix = prefixOf(key);
  const namespace = (typeof element === 'object' ? declared(element, prefix) : undefined) ?? declared(body, prefix) ?? declared(envelope, prefix);
  return { element: localName(key), namespace, content: strip(element) };
}

/** The SOAP Fault of a parsed body, if it is one. */
export function soapFaultOf(body: SoapBody): { faultcode: string; faultstring: string } | undefined {
  if (body.element !== 'Fault') return undefined;
  const content = (body.content ?? {}) as Record<string, unknown>;
  return { faultcode: String(content.faultcode ?? ''), faultstring: String(content.faultstring ?? '') };
}

/** The primitive version of a request element name (paSendRTReq → 1, paSendRTV2Request → 2), if it is one. */
export function requestVersion(element: string): RtVersion | undefined {
  return element === RT_OPERATIONS[1].request ? 1 : element === RT_OPERATIONS[2].request ? 2 : undefined;
}

/** The primitive version of a response element name, if it is one. */
export function responseVersion(element: string): RtVersion | undefined {
  return element === RT_OPERATIONS[1].response ? 1 : element === RT_OPERATIONS[2].response ? 2 : undefined;
}
