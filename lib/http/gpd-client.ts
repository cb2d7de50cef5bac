// Typed client of the GPD debt-positions API v1 for an EC. Each operation knows the schema of
// its request body and of its success response, so every exchange can be checked the same way.
import type { ApiExchange, ApiRequest } from './api-client.ts';
import type { SchemaId, SchemaType } from '../schemas.ts';
import type { DebtPosition, DebtPositionStatus } from '../gpd/model.ts';

export const GPD_V1_BASE = '/gpd/debt-positions-service/v1';

export interface Operation<S extends SchemaId = SchemaId> {
  /** Business name of the call, e.g. "Create debt position". */
  action: string;
  request: ApiRequest;
  requestSchema?: SchemaId;
  /** Schema of the 2xx body; it also types the body of the exchange (`sendOperation`). */
  successSchema?: S;
  /** Schema of the service's own error body (default GPD's ProblemJson); the gateway's 401/403/429 body is recognised whatever this says. */
  errorSchema?: SchemaId;
  /** The body is deliberately invalid (negative case): its schema check must fail. */
  invalidOnPurpose?: boolean;
}

/** Where each exchange goes: the suite attaches evidence, scripts may just collect. */
export type Transport = (operation: Operation) => Promise<ApiExchange>;

/** The type of the 2xx body of an operation whose success schema is `S` (`unknown` without one). */
export type SuccessBody<S extends SchemaId> = [S] extends [never] ? unknown : SchemaType<S>;

/**
 * Sends an operation through a transport, typing the exchange's body by the operation's success
 * schema: the one place where the untyped transport meets the generated types. The body is checked
 * against that schema by the evidence transport.
 */
export function sendOperation<S extends SchemaId = never>(transport: Transport, operation: Operation<S>): Promise<ApiExchange<SuccessBody<S>>> {
  return transport(operation) as Promise<ApiExchange<SuccessBody<S>>>;
}

export interface ListQuery {
  limit?: number;
  page?: number;
  status?: DebtPositionStatus;
  orderby?: 'INSERTED_DATE' | 'IUPD' | 'STATUS' | 'COMPANY_NAME';
  ordering?: 'ASC' | 'DESC';
  due_date_from?: string;
  due_date_to?: string;
  payment_date_from?: string;
  payment_date_to?: string;
  payment_date_time_from?: string;
  payment_date_time_to?: string;
}

export interface CallOptions {
  /** Send as this EC instead of the configured one. */
  organization?: string;
  /** Override the key (`null`: no key). */
  key?: string | null;
  invalidOnPurpose?: boolean;
}

export class GpdClient {
  constructor(
    private readonly transport: Transport,
    readonly organization: string,
  ) {}

  private path(options: CallOptions | undefined, suffix: string): string {
    return `${GPD_V1_BASE}/organizations/${encodeURIComponent(options?.organization ?? this.organization)}${suffix}`;
  }

  private call<S extends SchemaId = never>(operation: Operation<S>, options?: CallOptions): Promise<ApiExchange<SuccessBody<S>>> {
    return sendOperation(this.transport, {
      ...operation,
      invalidOnPurpose: options?.invalidOnPurpose ?? false,
      request: { ...operation.request, ...(options?.key !== undefined ? { key: options.key } : {}) },
    });
  }

  info(options?: CallOptions) {
    return this.call({ action: 'Service info', request: { method: 'GET', path: `${GPD_V1_BASE}/info` }, successSchema: 'gpd/AppInfo' }, options);
  }

  create(body: DebtPosition | unknown, query: { toPublish?: boolean } = {}, options?: CallOptions) {
    return this.call(
      {
        action: `Create debt position ${describeIupd(body)}${query.toPublish ? ' (toPublish=true)' : ''}`,
        request: { method: 'POST', path: this.path(options, '/debtpositions'), query: { toPublish: query.toPublish }, body },
        requestSchema: 'gpd/PaymentPositionModel',
        successSchema: 'gpd/PaymentPositionModel',
      },
      options,
    );
  }

  /** Sends a body verbatim (malformed JSON, wrong content type). */
  createRaw(text: string, contentType = 'application/json', options?: CallOptions) {
    return this.call(
      {
        action: 'Create debt position (malformed request)',
        request: { method: 'POST', path: this.path(options, '/debtpositions'), rawBody: { text, contentType } },
      },
      options,
    );
  }

  get(iupd: string, options?: CallOptions) {
    return this.call(
      {
        action: `Get debt position ${iupd}`,
        request: { method: 'GET', path: this.path(options, `/debtpositions/${encodeURIComponent(iupd)}`) },
        successSchema: 'gpd/PaymentPositionModelBaseResponse',
      },
      options,
    );
  }

  list(query: ListQuery = {}, options?: CallOptions) {
    return this.call(
      {
        action: 'List debt positions',
        request: { method: 'GET', path: this.path(options, '/debtpositions'), query: { ...query } },
        successSchema: 'gpd/PaymentPositionsInfo',
      },
      options,
    );
  }

  update(iupd: string, body: DebtPosition | unknown, query: { toPublish?: boolean } = {}, options?: CallOptions) {
    return this.call(
      {
        action: `Update debt position ${iupd}${query.toPublish ? ' (toPublish=true)' : ''}`,
        request: { method: 'PUT', path: this.path(options, `/debtpositions/${encodeURIComponent(iupd)}`), query: { toPublish: query.toPublish }, body },
        requestSchema: 'gpd/PaymentPositionModel',
        successSchema: 'gpd/PaymentPositionModel',
      },
      options,
    );
  }

  delete(iupd: string, options?: CallOptions) {
    return this.call(
      {
        action: `Delete debt position ${iupd}`,
        request: { method: 'DELETE', path: this.path(options, `/debtpositions/${encodeURIComponent(iupd)}`) },
        successSchema: 'gpd/DeletedMessage',
      },
      options,
    );
  }

  publish(iupd: string, options?: CallOptions) {
    return this.call(
      {
        action: `Publish debt position ${iupd}`,
        request: { method: 'POST', path: this.path(options, `/debtpositions/${encodeURIComponent(iupd)}/publish`) },
        successSchema: 'gpd/PaymentPositionModel',
      },
      options,
    );
  }

  invalidate(iupd: string, options?: CallOptions) {
    return this.call(
      {
        action: `Invalidate debt position ${iupd}`,
        request: { method: 'POST', path: this.path(options, `/debtpositions/${encodeURIComponent(iupd)}/invalidate`) },
        successSchema: 'gpd/PaymentPositionModel',
      },
      options,
    );
  }

  markAsPaid(nav: string, paymentDate: string, options?: CallOptions) {
    return this.call(
      {
        action: `Mark payment option ${nav} as already paid`,
        request: { method: 'POST', path: this.path(options, `/paymentoptions/paids/${encodeURIComponent(nav)}`), body: { paymentDate } },
        requestSchema: 'gpd/AlreadyPaidPaymentOptionModel',
        successSchema: 'gpd/PaymentsModelResponse',
      },
      options,
    );
  }

  changeIban(oldIban: string, newIban: string, options?: CallOptions & { limit?: number }) {
    return this.call(
      {
        action: 'Change IBAN of unpaid transfers',
        request: { method: 'PATCH', path: this.path(options, '/debtpositions/transfers'), query: { oldIban, limit: options?.limit }, body: { newIban } },
        requestSchema: 'gpd/UpdateTransferIbanMassiveModel',
        successSchema: 'gpd/UpdateTransferIbanMassiveResponse',
      },
      options,
    );
  }
}

function describeIupd(body: unknown): string {
  const iupd = body !== null && typeof body === 'object' && 'iupd' in body ? (body as { iupd: unknown }).iupd : undefined;
  return typeof iupd === 'string' ? iupd : '(no IUPD)';
}

/** Schema of an error body: the gateway's `{statusCode, message}`, else the service's own (GPD's ProblemJson unless told). */
export function errorSchemaFor(body: unknown, serviceSchema: SchemaId = 'gpd/ProblemJson'): SchemaId {
  return body !== null && typeof body === 'object' && 'statusCode' in body ? 'gateway/GatewayError' : serviceSchema;
}
