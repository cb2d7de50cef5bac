// Client of the FdR organisation API ("FdR - Flussi di Rendicontazione" key, product of step 5): the EC's
// published reporting flows, one flow, its payments. Errors are the FdR service's own body (fdr/ErrorResponse).
import type { ApiExchange } from './api-client.ts';
import { sendOperation, type Operation, type SuccessBody, type Transport } from './gpd-client.ts';
import type { SchemaId, SchemaType } from '../schemas.ts';

export const FDR_BASE = '/fdr-org/service/v1';

/** Query of the flows list; the dates are strict "greater than" bounds (ISO instants). */
export interface FlowsQuery {
  pspId?: string;
  publishedGt?: string;
  flowDate?: string;
  page?: number;
  size?: number;
}

/** A flow as the list names it: what the single-flow and payments paths need. */
export type FlowRef = Pick<SchemaType<'fdr/FlowByPSP'>, 'fdr' | 'revision' | 'pspId'>;
export type FdrPayment = SchemaType<'fdr/Payment'>;

/** The largest page the list allows (size 1..1000). */
export const MAX_FLOWS_PAGE_SIZE = 1000;

export class FdrClient {
  constructor(
    private readonly transport: Transport,
    readonly organization: string,
  ) {}

  private call<S extends SchemaId = never>(operation: Operation<S>): Promise<ApiExchange<SuccessBody<S>>> {
    return sendOperation(this.transport, { ...operation, errorSchema: 'fdr/ErrorResponse' });
  }

  private path(suffix = ''): string {
    return `${FDR_BASE}/organizations/${encodeURIComponent(this.organization)}/fdrs${suffix}`;
  }

  private flowPath(flow: FlowRef): string {
    return this.path(`/${encodeURIComponent(flow.fdr)}/revisions/${encodeURIComponent(String(flow.revision))}/psps/${encodeURIComponent(flow.pspId)}`);
  }

  info() {
    return this.call({ action: 'FdR service info', request: { method: 'GET', path: `${FDR_BASE}/info` }, successSchema: 'fdr/InfoResponse' });
  }

  /** The latest published revision of each flow of the EC (default window: the last month). */
  list(query: FlowsQuery = {}) {
    return this.call({
      action: 'List published flows',
      request: { method: 'GET', path: this.path(), query: { ...query } },
      successSchema: 'fdr/PaginatedFlowsResponse',
    });
  }

  flow(flow: FlowRef) {
    return this.call({
      action: `Get flow ${flow.fdr} revision ${flow.revision}`,
      request: { method: 'GET', path: this.flowPath(flow) },
      successSchema: 'fdr/SingleFlowResponse',
    });
  }

  payments(flow: FlowRef, query: { page?: number; size?: number } = {}) {
    return this.call({
      action: `Get payments of flow ${flow.fdr} revision ${flow.revision}`,
      request: { method: 'GET', path: `${this.flowPath(flow)}/payments`, query: { ...query } },
      successSchema: 'fdr/PaginatedPaymentsResponse',
    });
  }
}
