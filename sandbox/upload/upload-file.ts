// The checks the upload service (pagopa-gpd-upload, BlobService) makes on a file before accepting
// it: a `.zip` holding exactly one `.json` entry within the size limit, read by a plain Jackson
// ObjectMapper (unknown fields rejected), then bean-validated (PaymentPositionsModel /
// MultipleIUPDModel: at least one element, no duplicates, every position valid). Each rejection
// carries the service's title and detail. Positions are bound once, with the GPD binding.
import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { JsonMappingError } from '../jackson.ts';
import type { PositionInput } from '../gpd/model.ts';
import { BeanValidationError, readPositionValue } from '../gpd/request.ts';
import { ProblemError } from '../problem.ts';

export const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;
export const MAX_DELETE_IUPDS = 100_000;

export type UploadOperation = 'create' | 'update' | 'delete';

const invalid = (title: string, detail: string) => new ProblemError(400, title, detail);
const LOCAL_FILE_HEADER = [0x50, 0x4b, 0x03, 0x04];

/** The service's getFileExtension: what follows the last dot, case-sensitive. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? '' : name.slice(dot + 1);
}

/**
 * The content of the single `.json` entry of the ZIP. Data that does not start with a local file
 * header holds no entry for java.util.zip.ZipInputStream ("No valid file found in ZIP."); an
 * archive that cannot be read is "UNZIP ERROR". Any second entry (a `__MACOSX/` folder, `.DS_Store`)
 * is refused before anything is inflated, and so is a declared size above the limit.
 */
export function readZipEntry(bytes: Uint8Array, maxUnzippedBytes = MAX_UNZIPPED_BYTES): Uint8Array {
  if (!LOCAL_FILE_HEADER.every((byte, i) => bytes[i] === byte)) throw invalid('INVALID FILE', 'No valid file found in ZIP.');
  const names: string[] = [];
  let declaredTooLarge = false;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        if (file.originalSize > maxUnzippedBytes) declaredTooLarge = true;
        return names.length === 1 && !declaredTooLarge && extensionOf(file.name) === 'json';
      },
    });
  } catch {
    throw invalid('UNZIP ERROR', 'Could not unzip file');
  }
  const [name] = names;
  if (name === undefined || (names.length === 1 && name.endsWith('/'))) throw invalid('INVALID FILE', 'No valid file found in ZIP.');
  if (names.length > 1) throw invalid('INVALID FILE', 'Too many entries in ZIP file.');
  if (extensionOf(name) !== 'json') throw invalid('INVALID FILE', 'ZIP contains unsupported file type.');
  const content = entries[name];
  if (declaredTooLarge || content === undefined || content.length > maxUnzippedBytes) throw invalid('INVALID FILE', 'Unzipped content exceeds size limit.');
  return content;
}

// ---- Jackson (plain ObjectMapper: FAIL_ON_UNKNOWN_PROPERTIES) ----

const PD = 'it.gov.pagopa.gpd.upload.model.pd';
interface JavaClass {
  name: string;
  /** Writable properties, in declaration order (read-only ones are ignored, not unknown). */
  known: readonly string[];
  ignored?: readonly string[];
  /** Properties holding objects (or lists of objects) of another class. */
  children?: Readonly<Record<string, { type: JavaClass; list: boolean }>>;
}
const METADATA = (kind: string): JavaClass => ({ name: `${PD}.${kind}MetadataModel`, known: ['key', 'value'] });
const STAMP: JavaClass = { name: `${PD}.Stamp`, known: ['hashDocument', 'stampType', 'provincialResidence'] };
const TRANSFER: JavaClass = {
  name: `${PD}.TransferModel`,
  known: [
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
  children: { stamp: { type: STAMP, list: false }, transferMetadata: { type: METADATA('Transfer'), list: true } },
};
const OPTION: JavaClass = {
  name: `${PD}.PaymentOptionModel`,
  known: ['nav', 'iuv', 'amount', 'description', 'isPartialPayment', 'dueDate', 'retentionDate', 'fee', 'transfer', 'paymentOptionMetadata'],
  ignored: ['notificationFee'],
  children: { transfer: { type: TRANSFER, list: true }, paymentOptionMetadata: { type: METADATA('PaymentOption'), list: true } },
};
const POSITION: JavaClass = {
  name: `${PD}.PaymentPositionModel`,
  known: [
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
    'paymentOption',
  ],
  ignored: ['paymentDate', 'status'],
  children: { paymentOption: { type: OPTION, list: true } },
};
const POSITIONS_FILE: JavaClass = { name: `${PD}.PaymentPositionsModel`, known: ['paymentPositions'] };
const IUPDS_FILE: JavaClass = { name: `${PD}.MultipleIUPDModel`, known: ['paymentPositionIUPDs'] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Jackson's UnrecognizedPropertyException message (without the source location), or undefined. */
function unknownProperty(value: unknown, type: JavaClass, chain: string): string | undefined {
  if (!isObject(value)) return undefined;
  for (const [key, child] of Object.entries(value)) {
    if (!type.known.includes(key) && !type.ignored?.includes(key)) {
      const known = type.known.map((k) => `"${k}"`).join(', ');
      return (
        `Unrecognized field "${key}" (class ${type.name}), not marked as ignorable (${type.known.length} known properties: ${known}])` +
        ` (through reference chain: ${chain}${type.name}["${key}"])`
      );
    }
    const nested = type.children?.[key];
    if (!nested) continue;
    const here = `${chain}${type.name}["${key}"]->`;
    if (!nested.list) {
      const found = unknownProperty(child, nested.type, here);
      if (found) return found;
    } else if (Array.isArray(child)) {
      for (const [i, item] of child.entries()) {
        const found = unknownProperty(item, nested.type, `${here}java.util.ArrayList[${i}]->`);
        if (found) return found;
      }
    }
  }
  return undefined;
}

const invalidJson = (reason: string) => invalid('INVALID JSON', `Given JSON is invalid for required API payload: ${reason}`);

function parseDocument(bytes: Uint8Array, type: JavaClass, field: string): unknown {
  let document: unknown;
  try {
    document = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    // Jackson's JsonParseException is not a JsonMappingException: the platform answers 500 here;
    // the sandbox keeps bad input a 400.
    throw invalidJson((error as Error).message);
  }
  if (!isObject(document))
    throw invalidJson(`Cannot deserialize value of type \`${type.name}\` from ${Array.isArray(document) ? 'Array' : 'non-object'} value`);
  const unknown = unknownProperty(document, { ...type, children: {} }, '');
  if (unknown) throw invalidJson(unknown);
  const items = document[field];
  if (items !== undefined && items !== null && !Array.isArray(items)) {
    throw invalidJson(`Cannot deserialize value of type \`java.util.ArrayList\` from non-array value (through reference chain: ${type.name}["${field}"])`);
  }
  return items ?? null;
}

// ---- bean validation (GPDValidator: the set of violation messages) ----

/** Java's String.hashCode. */
function javaHash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(31, h) + text.charCodeAt(i)) | 0;
  return h;
}

/** The iteration order of a java.util.HashSet<String> filled with `values` in this order. */
export function javaHashSetOrder(values: Iterable<string>): string[] {
  const unique = [...new Set(values)];
  let capacity = 16;
  while (unique.length > capacity * 0.75) capacity *= 2;
  const bucket = (s: string) => {
    const h = javaHash(s);
    return (h ^ (h >>> 16)) & (capacity - 1);
  };
  return unique
    .map((value, order) => ({ value, order, bucket: bucket(value) }))
    .sort((a, b) => a.bucket - b.bucket || a.order - b.order)
    .map((e) => e.value);
}

const invalidPositions = (messages: Iterable<string>) =>
  invalid('INVALID DEBT POSITIONS', `Debt positions format is invalid or duplicates were found. Invalid values: [${javaHashSetOrder(messages).join(', ')}]`);

const DUPLICATES = 'there are duplicates in the list';

/** `{paymentPositions: [...]}` of a create or update file, bound and validated. */
export function readPositionsFile(bytes: Uint8Array): PositionInput[] {
  const items = parseDocument(bytes, POSITIONS_FILE, 'paymentPositions') as unknown[] | null;
  const messages = new Set<string>();
  // A null list passes @Size and fails later on the platform (500): the sandbox answers 400.
  if (items === null || items.length < 1) messages.add('The list of payment positions must contain at least one element');
  const positions: PositionInput[] = [];
  const seen = new Set<string>();
  for (const [i, item] of (items ?? []).entries()) {
    // Each parsed item is dropped once bound: the JSON tree and the bound positions never coexist whole.
    items![i] = undefined;
    const unknown = unknownProperty(item, POSITION, `${POSITIONS_FILE.name}["paymentPositions"]->java.util.ArrayList[${i}]->`);
    if (unknown) throw invalidJson(unknown);
    if (item === null) {
      messages.add('must not be null');
      continue;
    }
    let position: PositionInput;
    try {
      position = readPositionValue(item, `paymentPositions[${i}].`);
    } catch (error) {
      if (error instanceof JsonMappingError) throw invalidJson(error.message);
      if (!(error instanceof BeanValidationError)) throw error;
      for (const v of error.violations) messages.add(v.message);
      continue;
    }
    // Lombok equals over the whole model: compare a digest of the bound position.
    const digest = createHash('sha1').update(JSON.stringify(position)).digest('base64');
    if (seen.has(digest)) messages.add(DUPLICATES);
    seen.add(digest);
    positions.push(position);
  }
  if (messages.size > 0) throw invalidPositions(messages);
  return positions;
}

/** `{paymentPositionIUPDs: [...]}` of a delete file (1..100 000, no duplicates). */
export function readIupdsFile(bytes: Uint8Array): string[] {
  const items = parseDocument(bytes, IUPDS_FILE, 'paymentPositionIUPDs') as unknown[] | null;
  const size = 'The list of payment positions IUPD must contain at least one element and at the most 100000';
  if (items === null) throw invalidPositions(['must not be empty', 'must not be null']);
  const messages = new Set<string>();
  if (items.length === 0) messages.add('must not be empty');
  if (items.length < 1 || items.length > MAX_DELETE_IUPDS) messages.add(size);
  const iupds = items.map((item, i) => {
    if (typeof item === 'object' && item !== null) {
      throw invalidJson(
        `Cannot deserialize value of type \`java.lang.String\` from ${Array.isArray(item) ? 'Array' : 'Object'} value (through reference chain: ${IUPDS_FILE.name}["paymentPositionIUPDs"]->java.util.ArrayList[${i}])`,
      );
    }
    // Sandbox policy: a null IUPD is refused here rather than sent on.
    if (item === null) messages.add('must not be null');
    return String(item);
  });
  if (new Set(iupds).size !== iupds.length) messages.add(DUPLICATES);
  if (messages.size > 0) throw invalidPositions(messages);
  return iupds;
}
