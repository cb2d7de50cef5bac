// The checks the upload service (pagopa-gpd-upload, BlobService) makes on a file before accepting
// it: a `.zip` holding exactly one `.json` entry within the size limit (zip-entry.ts), read by a
// plain Jackson ObjectMapper (unknown fields rejected), then bean-validated (PaymentPositionsModel /
// MultipleIUPDModel: at least one element, no duplicates, every position valid). Each rejection
// carries the service's title and detail. Positions are bound once, with the GPD binding; the known
// properties come from the same descriptors (gpd/objects.ts).
// The JSON is read by a streaming scanner while it is inflated (json-scan.ts), which enforces the
// sandbox's limits (positions per file, options and list elements per position) as soon as they are
// passed; the elements are then parsed and bound one by one, in slices that yield to the event loop.
import { createHash } from 'node:crypto';
import { childOf, readOnlyFields, readableFields, type ObjectDescriptor } from '../descriptor.ts';
import { JsonMappingError } from '../jackson.ts';
import { CompactCodec, PackedList } from '../gpd/compact.ts';
import type { PositionInput } from '../gpd/model.ts';
import { MULTIPLE_IUPD_FILE, PAYMENT_POSITION, PAYMENT_POSITIONS_FILE, UPLOAD_PACKAGE } from '../gpd/objects.ts';
import { BeanValidationError, readPositionValue } from '../gpd/request.ts';
import { ProblemError } from '../problem.ts';
import { JsonScanner, JsonSyntaxError, LimitExceeded, type ScanLimits, type ScanResult } from './json-scan.ts';
import { Slicer } from './slices.ts';
import { MAX_UNZIPPED_BYTES, readZipEntry } from './zip-entry.ts';

export { MAX_UNZIPPED_BYTES, extensionOf, readZipEntry } from './zip-entry.ts';

export const MAX_DELETE_IUPDS = 100_000;
/**
 * Sandbox limits (the platform has none for create/update besides the 100 MiB): positions per file,
 * as the delete list's 100 000 and the SANP docs' "about 100K positions" per file; payment options
 * per position, as GPD v3's model (1..100; v1 sets no maximum); list elements of any kind inside one
 * position, above the 6 600 a position within GPD's rules can hold (100 options × (1 + 10 metadata
 * + 5 transfers × (1 + 10 metadata))).
 */
export const MAX_POSITIONS = 100_000;
export const MAX_OPTIONS_PER_POSITION = 100;
export const MAX_LIST_ELEMENTS_PER_POSITION = 10_000;

export type UploadOperation = 'create' | 'update' | 'delete';
/** The positions are kept in compact form (the bound objects of 100 000 positions would take hundreds of MiB). */
export type UploadItems = { operation: 'create' | 'update'; positions: PackedList<PositionInput> } | { operation: 'delete'; iupds: string[] };

/** Identifiers of an upload's positions: not interned. */
const UNIQUE_KEYS = new Set(['iupd', 'iuv', 'nav']);

const invalid = (title: string, detail: string) => new ProblemError(400, title, detail);

// ---- Jackson (plain ObjectMapper: FAIL_ON_UNKNOWN_PROPERTIES) ----

/** A class of the upload's model as Jackson sees it, derived from the platform object's descriptor. */
export interface JavaClass {
  name: string;
  /** Writable properties, in declaration order (read-only ones are ignored, not unknown). */
  known: readonly string[];
  ignored: readonly string[];
  /** Properties holding objects (or lists of objects) of another class. */
  children: Readonly<Record<string, { type: JavaClass; list: boolean }>>;
}
const classes = new WeakMap<ObjectDescriptor, JavaClass>();
/** The upload model's class of a platform object (exported for the single-source test). */
export function javaClass(d: ObjectDescriptor): JavaClass {
  let type = classes.get(d);
  if (type) return type;
  const children: Record<string, { type: JavaClass; list: boolean }> = {};
  type = { name: `${UPLOAD_PACKAGE}.${d.name}`, known: readableFields(d, 'upload'), ignored: readOnlyFields(d, 'upload'), children };
  classes.set(d, type);
  for (const [name, field] of Object.entries(d.fields)) {
    const child = childOf(field.type);
    if (child) children[name] = { type: javaClass(child.of), list: child.list };
  }
  return type;
}
const POSITION = javaClass(PAYMENT_POSITION);
const POSITIONS_FILE = javaClass(PAYMENT_POSITIONS_FILE);
const IUPDS_FILE = javaClass(MULTIPLE_IUPD_FILE);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Jackson's UnrecognizedPropertyException message (without the source location). */
function unrecognized(key: string, type: JavaClass, chain: string): string {
  const known = type.known.map((k) => `"${k}"`).join(', ');
  return (
    `Unrecognized field "${key}" (class ${type.name}), not marked as ignorable (${type.known.length} known properties: ${known}])` +
    ` (through reference chain: ${chain}${type.name}["${key}"])`
  );
}

const isKnown = (key: string, type: JavaClass) => type.known.includes(key) || type.ignored.includes(key);

/** The first unknown property in the tree, as Jackson's message, or undefined. */
function unknownProperty(value: unknown, type: JavaClass, chain: string): string | undefined {
  if (!isObject(value)) return undefined;
  for (const [key, child] of Object.entries(value)) {
    if (!isKnown(key, type)) return unrecognized(key, type, chain);
    const nested = type.children[key];
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
const IUPDS_SIZE = `The list of payment positions IUPD must contain at least one element and at the most ${MAX_DELETE_IUPDS}`;

// ---- reading: scan (syntax, limits, element ranges), then each element on its own ----

interface FileKind {
  type: JavaClass;
  field: string;
  limits: ScanLimits;
}
const POSITIONS: FileKind = {
  type: POSITIONS_FILE,
  field: 'paymentPositions',
  limits: {
    maxItems: MAX_POSITIONS,
    itemsMessage: `The list of payment positions must contain at the most ${MAX_POSITIONS} elements (sandbox limit)`,
    perItem: {
      listKey: 'paymentOption',
      maxList: MAX_OPTIONS_PER_POSITION,
      listMessage: `The list of payment options of a position must contain at the most ${MAX_OPTIONS_PER_POSITION} elements (sandbox limit)`,
      maxNested: MAX_LIST_ELEMENTS_PER_POSITION,
      nestedMessage: `A debt position must hold at the most ${MAX_LIST_ELEMENTS_PER_POSITION} list elements (payment options, transfers, metadata) (sandbox limit)`,
    },
  },
};
const IUPDS: FileKind = { type: IUPDS_FILE, field: 'paymentPositionIUPDs', limits: { maxItems: MAX_DELETE_IUPDS, itemsMessage: IUPDS_SIZE } };

/** The ProblemError of a scanner error (other errors unchanged). */
function scanProblem(error: unknown): unknown {
  if (error instanceof LimitExceeded) return invalidPositions([error.violation]);
  if (error instanceof JsonSyntaxError) return invalidJson(error.message);
  return error;
}

const SCAN_SLICE = 256 * 1024;

/** Scans JSON bytes already in memory, in slices. */
async function scanBytes(bytes: Uint8Array, kind: FileKind, slicer: Slicer): Promise<ScanResult> {
  const scanner = new JsonScanner(kind.field, kind.limits);
  try {
    for (let at = 0; at < bytes.length; at += SCAN_SLICE) {
      scanner.feed(bytes.subarray(at, at + SCAN_SLICE));
      await slicer.tick();
    }
    return scanner.end();
  } catch (error) {
    throw scanProblem(error);
  }
}

const decoder = new TextDecoder();

/** One element of the file's list, parsed on its own. */
function parseItem(content: Uint8Array, scan: ScanResult, index: number): unknown {
  const text = decoder.decode(content.subarray(scan.items[2 * index], scan.items[2 * index + 1]));
  try {
    return JSON.parse(text);
  } catch (error) {
    // Jackson's JsonParseException is not a JsonMappingException: the platform answers 500 here;
    // the sandbox keeps bad input a 400.
    throw invalidJson((error as Error).message);
  }
}

/** The document must be an object of known properties whose list, if any, is an array. */
function checkDocument(content: Uint8Array, scan: ScanResult, kind: FileKind): void {
  const { type, field } = kind;
  if (scan.document !== 'object') {
    throw invalidJson(`Cannot deserialize value of type \`${type.name}\` from ${scan.document === 'array' ? 'Array' : 'non-object'} value`);
  }
  for (const [start, end] of scan.keys) {
    const key = JSON.parse(decoder.decode(content.subarray(start, end))) as string;
    if (!isKnown(key, type)) throw invalidJson(unrecognized(key, type, ''));
  }
  if (scan.field === 'other') {
    throw invalidJson(`Cannot deserialize value of type \`java.util.ArrayList\` from non-array value (through reference chain: ${type.name}["${field}"])`);
  }
}

/** `{paymentPositions: [...]}` of a create or update file, bound and validated. */
async function bindPositions(content: Uint8Array, scan: ScanResult, slicer: Slicer): Promise<PackedList<PositionInput>> {
  checkDocument(content, scan, POSITIONS);
  const count = scan.items.length / 2;
  const messages = new Set<string>();
  // A null list passes @Size and fails later on the platform (500): the sandbox answers 400.
  if (count < 1) messages.add('The list of payment positions must contain at least one element');
  const positions = new PackedList<PositionInput>(new CompactCodec({ unique: UNIQUE_KEYS }));
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    if (slicer.due()) await slicer.yield();
    // Each item is parsed alone and dropped once bound: the JSON tree of the file never exists whole.
    const item = parseItem(content, scan, i);
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
async function bindIupds(content: Uint8Array, scan: ScanResult, slicer: Slicer): Promise<string[]> {
  checkDocument(content, scan, IUPDS);
  if (scan.field === 'absent' || scan.field === 'null') throw invalidPositions(['must not be empty', 'must not be null']);
  const count = scan.items.length / 2;
  const messages = new Set<string>();
  if (count === 0) messages.add('must not be empty');
  if (count < 1 || count > MAX_DELETE_IUPDS) messages.add(IUPDS_SIZE);
  const iupds: string[] = [];
  for (let i = 0; i < count; i++) {
    if (slicer.due()) await slicer.yield();
    const item = parseItem(content, scan, i);
    if (typeof item === 'object' && item !== null) {
      throw invalidJson(
        `Cannot deserialize value of type \`java.lang.String\` from ${Array.isArray(item) ? 'Array' : 'Object'} value (through reference chain: ${IUPDS_FILE.name}["paymentPositionIUPDs"]->java.util.ArrayList[${i}])`,
      );
    }
    // Sandbox policy: a null IUPD is refused here rather than sent on.
    if (item === null) messages.add('must not be null');
    iupds.push(String(item));
  }
  if (new Set(iupds).size !== iupds.length) messages.add(DUPLICATES);
  if (messages.size > 0) throw invalidPositions(messages);
  return iupds;
}

/** The positions of a create or update file's JSON (already unzipped). */
export async function readPositionsFile(bytes: Uint8Array, slicer = new Slicer()): Promise<PositionInput[]> {
  return (await bindPositions(bytes, await scanBytes(bytes, POSITIONS, slicer), slicer)).toArray();
}

/** The IUPDs of a delete file's JSON (already unzipped). */
export async function readIupdsFile(bytes: Uint8Array, slicer = new Slicer()): Promise<string[]> {
  return bindIupds(bytes, await scanBytes(bytes, IUPDS, slicer), slicer);
}

/**
 * An uploaded ZIP, unzipped and read: the JSON is scanned while it is inflated, so a limit passed
 * stops the inflation there. A syntax error waits for the end of the entry, as the service reads the
 * whole entry (and so checks its CRC and size) before parsing it.
 */
export async function readUploadFile(zip: Uint8Array, operation: UploadOperation, maxUnzippedBytes = MAX_UNZIPPED_BYTES): Promise<UploadItems> {
  const kind = operation === 'delete' ? IUPDS : POSITIONS;
  const slicer = new Slicer();
  const scanner = new JsonScanner(kind.field, kind.limits);
  let syntaxError: unknown;
  const content = await readZipEntry(
    zip,
    maxUnzippedBytes,
    (chunk) => {
      if (syntaxError !== undefined) return;
      try {
        scanner.feed(chunk);
      } catch (error) {
        if (!(error instanceof JsonSyntaxError)) throw scanProblem(error);
        syntaxError = error;
      }
    },
    slicer,
  );
  let scan: ScanResult;
  try {
    if (syntaxError !== undefined) throw syntaxError;
    scan = scanner.end();
  } catch (error) {
    throw scanProblem(error);
  }
  if (operation === 'delete') return { operation, iupds: await bindIupds(content, scan, slicer) };
  return { operation, positions: await bindPositions(content, scan, slicer) };
}
