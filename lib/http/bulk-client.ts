// Clients of the bulk APIs an EC uses: GPD v2 (many positions per call, all-or-nothing) and the
// massive-upload service (a ZIP file processed asynchronously, v1 and v2 flavours).
import { retryAfterMs, type ApiExchange } from './api-client.ts';
import { sendOperation, type CallOptions, type Operation, type SuccessBody, type Transport } from './gpd-client.ts';
import type { SchemaId } from '../schemas.ts';
import type { DebtPosition } from '../gpd/model.ts';

export const GPD_V2_BASE = '/gpd/debt-positions-service/v2';
export const UPLOAD_BASE = { v1: '/upload/gpd/debt-positions-service/v1', v2: '/upload/gpd/debt-positions-service/v2' } as const;
export type UploadVersion = keyof typeof UPLOAD_BASE;

export class GpdBulkClient {
  constructor(
    private readonly transport: Transport,
    readonly organization: string,
  ) {}

  private path(options?: CallOptions): string {
    return `${GPD_V2_BASE}/organizations/${encodeURIComponent(options?.organization ?? this.organization)}/debtpositions`;
  }

  private call<S extends SchemaId = never>(operation: Operation<S>, options?: CallOptions): Promise<ApiExchange<SuccessBody<S>>> {
    return sendOperation(this.transport, { ...operation, invalidOnPurpose: options?.invalidOnPurpose ?? false });
  }

  createMany(positions: DebtPosition[] | unknown[], query: { toPublish?: boolean } = {}, options?: CallOptions) {
    return this.call(
      {
        action: `Bulk create ${positions.length} debt positions (v2)${query.toPublish ? ' (toPublish=true)' : ''}`,
        request: { method: 'POST', path: this.path(options), query: { toPublish: query.toPublish }, body: { paymentPositions: positions } },
        requestSchema: 'gpd/MultiplePaymentPositionModel',
      },
      options,
    );
  }

  updateMany(positions: DebtPosition[], query: { toPublish?: boolean } = {}, options?: CallOptions) {
    return this.call(
      {
        action: `Bulk update ${positions.length} debt positions (v2)${query.toPublish ? ' (toPublish=true)' : ''}`,
        request: { method: 'PUT', path: this.path(options), query: { toPublish: query.toPublish }, body: { paymentPositions: positions } },
        requestSchema: 'gpd/MultiplePaymentPositionModel',
      },
      options,
    );
  }

  deleteMany(iupds: string[], options?: CallOptions) {
    return this.call(
      {
        action: `Bulk delete ${iupds.length} debt positions (v2)`,
        request: { method: 'DELETE', path: this.path(options), body: { paymentPositionIUPDs: iupds } },
        requestSchema: 'gpd/MultipleIUPDModel',
        successSchema: 'gpd/BulkDeletedMessage',
      },
      options,
    );
  }
}

export type UploadOperation = 'create' | 'update' | 'delete';
const UPLOAD_METHOD = { create: 'POST', update: 'PUT', delete: 'DELETE' } as const;

export interface UploadFile {
  fileName: string;
  data: Blob;
}

/** The schemas of the upload service's status and report, by version (v1 calls the id uploadID, v2 fileId). */
type UploadSchemas<V extends UploadVersion> = V extends 'v1'
  ? { status: 'upload/UploadStatus'; report: 'upload/UploadReport' }
  : { status: 'upload/UploadStatusDTO'; report: 'upload/UploadReportDTO' };

export class UploadClient<V extends UploadVersion = UploadVersion> {
  constructor(
    private readonly transport: Transport,
    readonly version: V,
    readonly broker: string,
    readonly organization: string,
  ) {}

  private path(suffix: string): string {
    return `${UPLOAD_BASE[this.version]}/brokers/${encodeURIComponent(this.broker)}/organizations/${encodeURIComponent(this.organization)}/debtpositions${suffix}`;
  }

  /** Sends the ZIP (multipart part `file`); the platform answers 202 with `Location` and `Retry-After`. */
  upload(operation: UploadOperation, file: UploadFile | undefined, field = 'file') {
    return sendOperation(this.transport, {
      action: `Upload file ${file?.fileName ?? '(no file)'} to ${operation} debt positions (${this.version})`,
      request: {
        method: UPLOAD_METHOD[operation],
        path: this.path('/file'),
        ...(file ? { multipart: { field, fileName: file.fileName, data: file.data } } : { body: undefined }),
      },
    });
  }

  status(fileId: string) {
    return sendOperation(this.transport, {
      action: `Upload status of ${fileId} (${this.version})`,
      request: { method: 'GET', path: this.path(`/file/${encodeURIComponent(fileId)}/status`) },
      successSchema: (this.version === 'v1' ? 'upload/UploadStatus' : 'upload/UploadStatusDTO') as UploadSchemas<V>['status'],
    });
  }

  report(fileId: string) {
    return sendOperation(this.transport, {
      action: `Upload report of ${fileId} (${this.version})`,
      request: { method: 'GET', path: this.path(`/file/${encodeURIComponent(fileId)}/report`) },
      successSchema: (this.version === 'v1' ? 'upload/UploadReport' : 'upload/UploadReportDTO') as UploadSchemas<V>['report'],
    });
  }
}

/** The file id from a 202's relative `Location: brokers/…/file/{fileId}/status`. */
export function fileIdOf(location: string | undefined): string | undefined {
  return location ? /\/file\/([^/]+)\/status$/.exec(location)?.[1] : undefined;
}

/** What a 202 to an upload says: where its status is, its file id, how long to wait. Checked by `toBeAcceptedUpload`. */
export interface UploadAcceptance {
  location?: string;
  fileId?: string;
  retryAfterMs?: number;
}

export function uploadAcceptance(exchange: ApiExchange): UploadAcceptance {
  const location = exchange.response.headers.location;
  return { location, fileId: fileIdOf(location), retryAfterMs: retryAfterMs(exchange.response.headers['retry-after']) };
}
