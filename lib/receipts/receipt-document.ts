// The receipt document of GPD's receipts service (GET /payments/{org}/receipts/{iuv}): the request the Node sent to
// pagopa-gpd-payments, stored as it was marshalled (ReceiveRTService.marshal / marshalV2 at e8d7b300): root
// `paSendRTReq` when the Node used paSendRT, `PaSendRTV2Request` when the station's primitive version is 2 (the
// public sample is V1; a V2 station's receipts are V2). The fields the suite compares have the same names in both.
import { XMLParser } from 'fast-xml-parser';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed documents, read field by field by the assertions
export type ReceiptDoc = Record<string, any>;

export interface ReceiptRequest {
  /** The primitive the Node used (the stored document's root says it). */
  primitive: 'paSendRT' | 'paSendRTV2';
  /** idPA, idBrokerPA, idStation and receipt. */
  request: ReceiptDoc;
}

/** Stored roots (JAXB's) and the SOAP elements (paForNode.xsd), should a document keep its envelope. */
const ROOTS = { paSendRTReq: 'paSendRT', PaSendRTV2Request: 'paSendRTV2', paSendRTV2Request: 'paSendRTV2' } as const;

/** The request of a receipt document (namespace prefixes dropped; a SOAP envelope, if any, opened), or undefined. */
export function receiptRequest(xml: string): ReceiptRequest | undefined {
  const parsed = new XMLParser({ removeNSPrefix: true, parseTagValue: false, ignoreAttributes: true }).parse(xml) as ReceiptDoc;
  for (const [root, primitive] of Object.entries(ROOTS)) {
    const request = (parsed[root] ?? parsed.Envelope?.Body?.[root]) as ReceiptDoc | undefined;
    if (request && typeof request === 'object') return { primitive, request };
  }
  return undefined;
}
