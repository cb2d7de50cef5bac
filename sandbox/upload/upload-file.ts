// The checks the upload service makes on a file before accepting it: a ZIP with exactly one
// `.json` entry within the size limit, holding a JSON document with no unknown fields and no
// duplicates. Each rejection carries the service's title and detail.
import { unzipSync } from 'fflate';
import { ProblemError } from '../problem.ts';

export const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;
export const MAX_DELETE_IUPDS = 100_000;

export type UploadOperation = 'create' | 'update' | 'delete';

const invalid = (title: string, detail: string) => new ProblemError(400, title, detail);

/** The text of the single JSON entry of the ZIP. */
export function readZipEntry(bytes: Uint8Array, maxUnzippedBytes = MAX_UNZIPPED_BYTES): string {
  const names: string[] = [];
  let tooLarge = false;
  let entries: Record<string, Uint8Array>;
  try {
    // The filter sees declared sizes: a ZIP bomb is refused before anything is inflated.
    entries = unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        if (file.originalSize > maxUnzippedBytes) tooLarge = true;
        return names.length === 1 && !tooLarge;
      },
    });
  } catch {
    throw invalid('UNZIP ERROR', 'Could not unzip file');
  }
  if (names.length === 0) throw invalid('INVALID FILE', 'No valid file found in ZIP.');
  if (names.length > 1) throw invalid('INVALID FILE', 'Too many entries in ZIP file.');
  if (!names[0]!.toLowerCase().endsWith('.json')) throw invalid('INVALID FILE', 'ZIP contains unsupported file type.');
  if (tooLarge) throw invalid('INVALID FILE', 'Unzipped content exceeds size limit.');
  return new TextDecoder().decode(entries[names[0]!]);
}

// The fields of the upload model: a plain Jackson ObjectMapper rejects any other.
const FIELDS: Record<string, readonly string[]> = {
  position: [
    'iupd',
    'type',
    'payStandIn',
    'fiscalCode',
    'fullName',
    'streetName',
    'civicNumber',
    'postalCode',
    'city',
    'province',
    'region',
    'country',
    'email',
    'phone',
    'switchToExpired',
    'companyName',
    'officeName',
    'validityDate',
    'paymentDate',
    'status',
    'paymentOption',
  ],
  option: [
    'nav',
    'iuv',
    'amount',
    'description',
    'isPartialPayment',
    'dueDate',
    'retentionDate',
    'fee',
    'notificationFee',
    'transfer',
    'paymentOptionMetadata',
  ],
  transfer: [
    'idTransfer',
    'amount',
    'organizationFiscalCode',
    'remittanceInformation',
    'category',
    'iban',
    'postalIban',
    'stamp',
    'companyName',
    'transferMetadata',
  ],
  stamp: ['hashDocument', 'stampType', 'provincialResidence'],
  metadata: ['key', 'value'],
};

function unknownField(value: unknown, kind: string, path: string): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const allowed = FIELDS[kind]!;
  const extra = Object.keys(record).find((key) => !allowed.includes(key));
  if (extra) return `${path}.${extra}`;
  const children: Array<[string, string]> =
    kind === 'position'
      ? [['paymentOption', 'option']]
      : kind === 'option'
        ? [
            ['transfer', 'transfer'],
            ['paymentOptionMetadata', 'metadata'],
          ]
        : kind === 'transfer'
          ? [['transferMetadata', 'metadata']]
          : [];
  if (kind === 'transfer') {
    const inStamp = unknownField(record.stamp, 'stamp', `${path}.stamp`);
    if (inStamp) return inStamp;
  }
  for (const [field, childKind] of children) {
    const items = record[field];
    if (!Array.isArray(items)) continue;
    for (const [i, item] of items.entries()) {
      const found = unknownField(item, childKind, `${path}.${field}[${i}]`);
      if (found) return found;
    }
  }
  return undefined;
}

const invalidJson = (reason: string) => invalid('INVALID JSON', `Given JSON is invalid for required API payload: ${reason}`);
const invalidPositions = (values: unknown[]) =>
  invalid(
    'INVALID DEBT POSITIONS',
    `Debt positions format is invalid or duplicates were found. Invalid values: [${values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ')}]`,
  );

/** The items whose key was already seen (linear: a file may hold 100 000 items). */
function repeated(keys: string[], items: unknown[]): unknown[] {
  const seen = new Set<string>();
  return items.filter((_, i) => {
    if (seen.has(keys[i]!)) return true;
    seen.add(keys[i]!);
    return false;
  });
}

/** The positions (create/update) or IUPDs (delete) of the file, as plain JSON values. */
export function readUploadDocument(text: string, operation: UploadOperation): unknown[] {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw invalidJson((error as Error).message);
  }
  if (document === null || typeof document !== 'object' || Array.isArray(document)) throw invalidJson('the document must be a JSON object');
  const field = operation === 'delete' ? 'paymentPositionIUPDs' : 'paymentPositions';
  const extra = Object.keys(document).find((key) => key !== field);
  if (extra) throw invalidJson(`Unrecognized field "${extra}"`);
  const items = (document as Record<string, unknown>)[field];
  if (!Array.isArray(items)) throw invalidJson(`"${field}" must be an array`);
  if (operation === 'delete') {
    const bad = items.filter((iupd) => typeof iupd !== 'string' || iupd.trim() === '');
    const duplicates = repeated(
      items.map((iupd) => String(iupd)),
      items,
    );
    if (items.length < 1 || items.length > MAX_DELETE_IUPDS || bad.length > 0 || duplicates.length > 0)
      throw invalidPositions([...bad, ...new Set(duplicates)]);
    return items;
  }
  for (const [i, item] of items.entries()) {
    const found = unknownField(item, 'position', `paymentPositions[${i}]`);
    if (found) throw invalidJson(`Unrecognized field "${found}"`);
  }
  const duplicates = repeated(
    items.map((item) => JSON.stringify(item)),
    items,
  );
  if (items.length < 1 || duplicates.length > 0) throw invalidPositions(duplicates.map((d) => (d as { iupd?: unknown }).iupd));
  return items;
}
