// Client of the GPD receipts API ("GPD - Recupero ricevute"): the EC's receipts list and one
// receipt by IUV (an XML paSendRTReq document).
import { sendOperation, type Transport } from './gpd-client.ts';

export const RECEIPTS_BASE = '/gpd/payments-receipts-service/v1';

export interface ReceiptsQuery {
  pageNum?: number;
  pageSize?: number;
  debtor?: string;
  service?: string;
  from?: string;
  to?: string;
  debtorOrIuv?: string;
}

export class ReceiptsClient {
  constructor(
    private readonly transport: Transport,
    readonly organization: string,
  ) {}

  private path(suffix = ''): string {
    return `${RECEIPTS_BASE}/payments/${encodeURIComponent(this.organization)}/receipts${suffix}`;
  }

  list(query: ReceiptsQuery = {}) {
    return sendOperation(this.transport, {
      action: 'List receipts',
      request: { method: 'GET', path: this.path(), query: { ...query } },
      successSchema: 'receipts/PaymentsResult',
    });
  }

  /** The receipt document (XML text in `response.text`). */
  get(iuv: string) {
    return sendOperation(this.transport, {
      action: `Get receipt of IUV ${iuv}`,
      request: { method: 'GET', path: this.path(`/${encodeURIComponent(iuv)}`), headers: { accept: 'application/xml, application/json' } },
    });
  }
}
