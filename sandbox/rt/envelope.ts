// The Node's paSendRT / paSendRTV2 call to an EC station (paForNode.wsdl), as the sandbox's Node writes it:
// a SOAP 1.1 envelope whose body is the request element of paForNode.xsd (children unqualified, in the XSD's
// order), from the same receipt data as the GPD receipts XML and the biz event. Amounts in euros with two
// decimals. And the reading of the station's answer: outcome OK / KO with a fault, or why it is not one.
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { receiptElement, type ReceiptData, type ReceiptTransfer } from '../receipts/receipt-store.ts';

export type PrimitiveVersion = 1 | 2;

const SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';
const PA_FOR_NODE = 'http://pagopa-api.pagopa.gov.it/pa/paForNode.xsd';

export const OPERATIONS = {
  1: { soapAction: 'paSendRT', request: 'paSendRTReq', response: 'paSendRTRes' },
  2: { soapAction: 'paSendRTV2', request: 'paSendRTV2Request', response: 'paSendRTV2Response' },
} as const;

export interface StationAddress {
  idPA: string;
  idBrokerPA: string;
  idStation: string;
}

const builder = new XMLBuilder({ format: true, indentBy: '  ', ignoreAttributes: false, attributeNamePrefix: '@_' });

/** A digital stamp as the receipt carries it (MBDAttachment, base64): here a small document naming the stamp's hash. */
const mbdAttachment = (hash: string) => Buffer.from(`<marcaDaBollo><ImprontaDocumento>${hash}</ImprontaDocumento></marcaDaBollo>`).toString('base64');

/** Why a receipt cannot travel in primitive `version` (the XSD would refuse it), or undefined. */
export function unsendable(receipt: ReceiptData, version: PrimitiveVersion): string | undefined {
  if (!receipt.idPSP || !receipt.idChannel) return 'the payment names no PSP (pay without pspCode): a receipt needs idPSP and idChannel';
  if (version === 1 && receipt.transfers.some((t) => t.iban === undefined)) return 'a paSendRT (V1) receipt cannot carry a digital stamp';
  return undefined;
}

/** The SOAP envelope of paSendRT (V1) or paSendRTV2 for `receipt`, addressed to `station`. */
export function rtRequestEnvelope(version: PrimitiveVersion, receipt: ReceiptData, station: StationAddress): string {
  const stamp = (t: ReceiptTransfer) => (t.iban === undefined && t.stampHash !== undefined ? mbdAttachment(t.stampHash) : undefined);
  const body = {
    idPA: station.idPA,
    idBrokerPA: station.idBrokerPA,
    idStation: station.idStation,
    receipt: receiptElement(receipt, version === 2 ? stamp : undefined),
  };
  const xml = builder.build({
    'soapenv:Envelope': {
      '@_xmlns:soapenv': SOAP_ENV,
      '@_xmlns:pafn': PA_FOR_NODE,
      'soapenv:Header': '',
      'soapenv:Body': { [`pafn:${OPERATIONS[version].request}`]: body },
    },
  }) as string;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`;
}

/** What the station answered, as the Node classifies it. */
export type StationAnswer =
  | { kind: 'OK' }
  | { kind: 'KO'; faultCode: string; faultString?: string; description?: string }
  /** Not a paSendRT(V2) response: not XML, no envelope, a SOAP Fault, the wrong element, no outcome. */
  | { kind: 'MALFORMED'; reason: string };

const parser = new XMLParser({ removeNSPrefix: false, parseTagValue: false, ignoreAttributes: false, attributeNamePrefix: '@_', processEntities: false });

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown) => (typeof value === 'string' ? value : isNode(value) && typeof value['#text'] === 'string' ? value['#text'] : undefined);
const local = (name: string) => name.slice(name.indexOf(':') + 1);
const prefix = (name: string) => (name.includes(':') ? name.slice(0, name.indexOf(':')) : '');
/** The child element of `node` with local name `name`: its qualified name and content. */
function child(node: Node, name: string): [string, unknown] | undefined {
  const key = Object.keys(node).find((k) => !k.startsWith('@_') && local(k) === name);
  return key === undefined ? undefined : [key, node[key]];
}
/** The namespace a prefix stands for on an element, looking up its ancestors (innermost first). */
const namespaceOf = (qualified: string, scopes: Node[]) => {
  const attribute = prefix(qualified) ? `@_xmlns:${prefix(qualified)}` : '@_xmlns';
  for (const scope of scopes) if (typeof scope[attribute] === 'string') return scope[attribute];
  return undefined;
};

export function readStationAnswer(version: PrimitiveVersion, xml: string): StationAnswer {
  if (/<!DOCTYPE/i.test(xml)) return { kind: 'MALFORMED', reason: 'the answer contains a DTD' };
  const declaration =
    /^<\?xml\s+version\s*=\s*(["'])1\.[0-9]+\1(?:\s+encoding\s*=\s*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:\s+standalone\s*=\s*(["'])(?:yes|no)\3)?\s*\?>/;
  // fast-xml-parser's validator lets a malformed or misplaced XML declaration through; the Node's parser does not.
  const misplaced = /<\?xml[\s?]/i.test(xml.replace(declaration, ''));
  if (misplaced || XMLValidator.validate(xml) !== true) return { kind: 'MALFORMED', reason: 'the answer is not well-formed XML' };
  let root: Node;
  try {
    root = parser.parse(xml) as Node;
  } catch {
    return { kind: 'MALFORMED', reason: 'the answer is not well-formed XML' }; // what the validator let through
  }
  const envelope = child(root, 'Envelope');
  const envelopeNode = envelope && isNode(envelope[1]) ? envelope[1] : undefined;
  const body = envelopeNode ? child(envelopeNode, 'Body') : undefined;
  const bodyNode = body && isNode(body[1]) ? body[1] : undefined;
  if (!envelope || !envelopeNode || !bodyNode || namespaceOf(envelope[0], [envelopeNode]) !== SOAP_ENV) {
    return { kind: 'MALFORMED', reason: 'the answer is not a SOAP 1.1 envelope with a Body' };
  }
  const fault = child(bodyNode, 'Fault');
  if (fault && isNode(fault[1])) {
    return {
      kind: 'MALFORMED',
      reason: `SOAP Fault ${text(child(fault[1], 'faultcode')?.[1]) ?? ''}: ${text(child(fault[1], 'faultstring')?.[1]) ?? ''}`.trim(),
    };
  }
  const found = child(bodyNode, OPERATIONS[version].response);
  const response = found && isNode(found[1]) ? found[1] : undefined;
  if (!found || !response) return { kind: 'MALFORMED', reason: `the Body holds no ${OPERATIONS[version].response}` };
  if (namespaceOf(found[0], [response, bodyNode, envelopeNode]) !== PA_FOR_NODE) {
    return { kind: 'MALFORMED', reason: `${OPERATIONS[version].response} is not in the namespace ${PA_FOR_NODE}` };
  }
  // The children are unqualified (paForNode.xsd has no elementFormDefault): read by their names.
  const outcome = text(response.outcome);
  if (outcome === 'OK') return { kind: 'OK' };
  if (outcome === 'KO') {
    const faultNode = isNode(response.fault) ? response.fault : {};
    const faultCode = text(faultNode.faultCode);
    if (!faultCode) return { kind: 'MALFORMED', reason: 'outcome KO without fault/faultCode' };
    return { kind: 'KO', faultCode, faultString: text(faultNode.faultString), description: text(faultNode.description) };
  }
  return { kind: 'MALFORMED', reason: `outcome ${JSON.stringify(outcome ?? null)} is neither OK nor KO` };
}
