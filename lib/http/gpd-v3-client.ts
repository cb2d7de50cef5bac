// Typed client of the GPD debt-positions API v3 (payment plans) for an EC: list, create, get, update,
// delete, publish (v3 has no invalidate, paids or IBAN change). Same operations and transport as the v1
// client (gpd-client.ts), so every exchange is a boxed step with evidence and schema check.
import type { ApiExchange } from './api-client.ts';
import { sendOperation, type CallOptions, type ListQuery, type Operation, type SuccessBody, type Transport } from './gpd-client.ts';
import type { SchemaId } from '../schemas.ts';
import type { DebtPositionStatusV3, DebtPositionV3 } from '../gpd/model.ts';

export const GPD_V3_BASE = '/gpd/debt-positions-service/v3';

/** The v1 list filters, with v3's status values. */
export type ListQueryV3 = Omit<ListQuery, 'status'> & { status?: DebtPositionStatusV3 };

export class GpdV3Client {
  constructor(
    private readonly transport: Transport,
    readonly organization: string,
  ) {}

  private path(options: CallOptions | undefined, suffix: string): string {
    return `${GPD_V3_BASE}/organizations/${encodeURIComponent(options?.organization ?? this.organization)}${suffix}`;
  }

  private call<S extends SchemaId = never>(operation: Operation<S>, options?: CallOptions): Promise<ApiExchange<SuccessBody<S>>> {
    return sendOperation(this.transport, {
      ...operation,
      invalidOnPurpose: options?.invalidOnPurpose ?? false,
      request: { ...operation.request, ...(options?.key !== undefined ? { key: options.key } : {}) },
    });
  }

  create(body: DebtPositionV3 | unknown, query: { toPublish?: boolean } = {}, options?: CallOptions) {
    return this.call(
      {
        action: `Create debt position v3 ${describeIupd(body)}${query.toPublish ? ' (toPublish=true)' : ''}`,
        request: { method: 'POST', path: this.path(options, '/debtpositions'), query: { toPublish: query.toPublish }, body },
        requestSchema: 'gpd-v3/PaymentPositionModelV3',
        successSchema: 'gpd-v3/PaymentPositionModelV3',
      },
      options,
    );
  }

  get(iupd: string, options?: CallOptions) {
    return this.call(
      {
        action: `Get debt position v3 ${iupd}`,
        request: { method: 'GET', path: this.path(options, `/debtpositions/${encodeURIComponent(iupd)}`) },
        successSchema: 'gpd-v3/PaymentPositionModelResponseV3',
      },
      options,
    );
  }

  list(query: ListQueryV3 = {}, options?: CallOptions) {
    return this.call(
      {
        action: 'List debt positions v3',
        request: { method: 'GET', path: this.path(options, '/debtpositions'), query: { ...query } },
        successSchema: 'gpd-v3/PaymentPositionsInfoV3',
      },
      options,
    );
  }

  update(iupd: string, body: DebtPositionV3 | unknown, query: { toPublish?: boolean } = {}, options?: CallOptions) {
    return this.call(
      {
        action: `Update debt position v3 ${iupd}${query.toPublish ? ' (toPublish=true)' : ''}`,
        request: { method: 'PUT', path: this.path(options, `/debtpositions/${encodeURIComponent(iupd)}`), query: { toPublish: query.toPublish }, body },
        requestSchema: 'gpd-v3/PaymentPositionModelV3',
        successSchema: 'gpd-v3/PaymentPositionModelV3',
      },
      options,
    );
  }

  delete(iupd: string, options?: CallOptions) {
    return this.call(
      {
        action: `Delete debt position v3 ${iupd}`,
        request: { method: 'DELETE', path: this.path(options, `/debtpositions/${encodeURIComponent(iupd)}`) },
        successSchema: 'gpd/DeletedMessage',
      },
      options,
    );
  }

  publish(iupd: string, options?: CallOptions) {
    return this.call(
      {
        action: `Publish debt position v3 ${iupd}`,
        request: { method: 'POST', path: this.path(options, `/debtpositions/${encodeURIComponent(iupd)}/publish`) },
        successSchema: 'gpd-v3/PaymentPositionModelV3',
      },
      options,
    );
  }
}

function describeIupd(body: unknown): string {
  const iupd = body !== null && typeof body === 'object' && 'iupd' in body ? (body as { iupd: unknown }).iupd : undefined;
  return typeof iupd === 'string' ? iupd : '(no IUPD)';
}
