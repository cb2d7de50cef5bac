// The suite playing pagoPA's Node against the EC's receipt endpoint (paForNode.wsdl paSendRT / paSendRTV2):
// one SOAP 1.1 POST with the operation's SOAPAction, bounded by the Node's timeout; the answer as text, its
// parsed body when it is a SOAP envelope. No key: the endpoint is the EC's own. Assertions are the caller's.
import { parseSoapEnvelope, SoapParseError, type SoapBody } from '../rt/soap.ts';

export interface RtCall {
  url: string;
  soapAction: string;
  requestXml: string;
  /** Absent when no answer came (failure says why). */
  status?: number;
  responseXml?: string;
  ms: number;
  failure?: { kind: 'timeout' | 'network'; detail: string };
  /** The answer's body element, when the answer is a SOAP envelope. */
  body?: SoapBody;
  /** Why the answer is not a SOAP envelope (not XML, no Body, ...). */
  parseError?: string;
}

const MAX_ANSWER_CHARS = 1024 * 1024;

export class RtNodeClient {
  constructor(
    readonly url: string,
    readonly timeoutMs: number,
  ) {}

  async post(soapAction: string, requestXml: string): Promise<RtCall> {
    const started = performance.now();
    const call: RtCall = { url: this.url, soapAction, requestXml, ms: 0 };
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${soapAction}"` },
        body: requestXml,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      call.status = response.status;
      const text = await response.text();
      call.responseXml = text.length > MAX_ANSWER_CHARS ? text.slice(0, MAX_ANSWER_CHARS) : text;
    } catch (error) {
      const name = (error as Error).name;
      call.failure =
        name === 'TimeoutError' || name === 'AbortError'
          ? { kind: 'timeout', detail: `no answer within ${this.timeoutMs} ms (the Node's timeout)` }
          : {
              kind: 'network',
              detail: String(
                (error as { cause?: { code?: string; message?: string } }).cause?.code ??
                  (error as { cause?: { message?: string } }).cause?.message ??
                  (error as Error).message,
              ),
            };
    }
    call.ms = Math.round(performance.now() - started);
    if (call.responseXml !== undefined) {
      try {
        call.body = parseSoapEnvelope(call.responseXml);
      } catch (error) {
        if (!(error instanceof SoapParseError)) throw error;
        call.parseError = error.message;
      }
    }
    return call;
  }
}
