// Client of the biz-events organization receipts API ("BIZ - Recupero ricevute Ente Creditore"): the
// receipt of a payment as JSON (CtReceiptModelResponse, amounts in euros), by IUR (the payment token)
// and optionally by IUV.
import { sendOperation, type Transport } from './gpd-client.ts';

export const BIZEVENTS_BASE = '/bizevents/service/v1';

export class BizEventsClient {
  constructor(
    private readonly transport: Transport,
    readonly organization: string,
  ) {}

  private path(iur: string, suffix = ''): string {
    return `${BIZEVENTS_BASE}/organizations/${encodeURIComponent(this.organization)}/receipts/${encodeURIComponent(iur)}${suffix}`;
  }

  /** The receipt whose payment token is `iur`; the EC may be any beneficiary of its transfers. */
  receipt(iur: string) {
    return sendOperation(this.transport, {
      action: `Get biz-events receipt of IUR ${iur}`,
      request: { method: 'GET', path: this.path(iur) },
      successSchema: 'bizevents/CtReceiptModelResponse',
    });
  }

  /** The receipt of IUR `iur` and IUV `iuv`; the EC must be the one that issued the notice. */
  receiptForOption(iur: string, iuv: string) {
    return sendOperation(this.transport, {
      action: `Get biz-events receipt of IUR ${iur} and IUV ${iuv}`,
      request: { method: 'GET', path: this.path(iur, `/paymentoptions/${encodeURIComponent(iuv)}`) },
      successSchema: 'bizevents/CtReceiptModelResponse',
    });
  }
}
