// What GPD's massive-upload service (pagopa-gpd-upload, v1 and v2) answers: the problem titles and
// details of the file checks, status and report, and the report's per-item status messages
// (reference notes gpd-api.md §2.4). The sandbox keeps its own copy on purpose.

import { GPD } from './gpd.ts';

export const UPLOAD = {
  /** File name not ending in .zip (BlobService). */
  notAZipTitle: 'NOT A ZIP FILE',
  notAZip: 'Only ZIP files can be uploaded.',
  /** No "file" part in the multipart request. */
  emptyFileTitle: 'EMPTY FILE',
  zipMissing: 'The zip file is missing',
  /** The ZIP's entries are not exactly one .json file (BlobService). */
  invalidFileTitle: 'INVALID FILE',
  tooManyEntries: 'Too many entries in ZIP file.',
  unsupportedFileType: 'ZIP contains unsupported file type.',
  /** A corrupt archive. */
  unzipErrorTitle: 'UNZIP ERROR',
  unzipError: 'Could not unzip file',
  /** The start of the detail of a JSON the payload schema refuses (the validation errors follow). */
  invalidJsonTitle: 'INVALID JSON',
  invalidJson: 'Given JSON is invalid for required API payload',
  /** v2 report asked before the processing ends (endTime null). */
  tooEarlyTitle: 'Too Early',
  tooEarly: 'The report has not been generated yet, wait for the operations to complete.',
  /** Status of an unknown file id. */
  statusNotFoundTitle: 'STATUS NOT FOUND',
  /** A report item for a created position: "<status> - <message>" (pagopa-gpd-upload-function). */
  reportCreated: '201 - Debt position CREATED',
  /** A report item for a position whose IUPD or one of whose IUVs the EC already has. */
  reportConflict: (ec: string) => `409 - ${GPD.alreadyExists(ec)}`,
  /** The start of a report item for a position due in the past (the dates follow). */
  reportDueDate: `400 - ${GPD.dueDateCongruence}`,
} as const;
