// The single entry of an upload ZIP, read as the service's java.util.zip.ZipInputStream reads it:
// the entry's data is inflated as a stream (fflate's Inflate, in slices that yield to the event
// loop) with the inflated size counted as it grows, so a ZIP bomb stops at the cap ("Unzipped
// content exceeds size limit.", the service's count while reading); at the end of the entry the
// CRC-32 and the size are compared with the local header's (or, with flag bit 3, the data
// descriptor's), as ZipInputStream does ("invalid entry CRC", "invalid entry size" → UNZIP ERROR).
// The central directory is read only to list the entries: a second entry is refused before
// anything is inflated, and so is a declared size above the cap.
import { crc32 } from 'node:zlib';
import { Inflate } from 'fflate';
import { ProblemError } from '../problem.ts';
import { Slicer } from './slices.ts';

export const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;

const invalid = (title: string, detail: string) => new ProblemError(400, title, detail);
const unreadable = () => invalid('UNZIP ERROR', 'Could not unzip file');
const noEntry = () => invalid('INVALID FILE', 'No valid file found in ZIP.');
const tooLarge = () => invalid('INVALID FILE', 'Unzipped content exceeds size limit.');

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const DATA_DESCRIPTOR = 0x08074b50;
const STORED = 0;
const DEFLATED = 8;
const ENCRYPTED = 0x1;
const HAS_DESCRIPTOR = 0x8;
const U32_MAX = 0xffffffff;
/** Compressed bytes per push: at most ~1 000 times that comes out of one push. */
const INPUT_SLICE = 1024;
/** Bytes of a stored (not compressed) entry handed on at a time. */
const STORED_SLICE = 64 * 1024;

/** The service's getFileExtension: what follows the last dot, case-sensitive. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? '' : name.slice(dot + 1);
}

interface CentralEntry {
  name: string;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** Little-endian reads that refuse to go past the data (a truncated archive is unreadable). */
class Bytes {
  readonly #view: DataView;
  constructor(readonly data: Uint8Array) {
    this.#view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }
  #check(at: number, size: number): void {
    if (!Number.isSafeInteger(at) || at < 0 || at + size > this.data.length) throw unreadable();
  }
  u16(at: number): number {
    this.#check(at, 2);
    return this.#view.getUint16(at, true);
  }
  u32(at: number): number {
    this.#check(at, 4);
    return this.#view.getUint32(at, true);
  }
  u64(at: number): number {
    this.#check(at, 8);
    const value = this.#view.getBigUint64(at, true);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw unreadable();
    return Number(value);
  }
  slice(at: number, length: number): Uint8Array {
    this.#check(at, length);
    return this.data.subarray(at, at + length);
  }
}

/** The first entries of the central directory (at most `max`) and how many there are. */
function centralDirectory(zip: Bytes, max: number): { count: number; entries: CentralEntry[] } {
  const length = zip.data.length;
  let end = -1;
  for (let at = length - 22; at >= Math.max(0, length - 22 - 0xffff); at--) {
    if (zip.u32(at) === END_OF_CENTRAL) {
      end = at;
      break;
    }
  }
  if (end < 0) throw unreadable();
  let count = zip.u16(end + 10);
  let offset = zip.u32(end + 16);
  if ((count === 0xffff || offset === U32_MAX) && end >= 20 && zip.u32(end - 20) === ZIP64_LOCATOR) {
    const zip64End = zip.u64(end - 20 + 8);
    if (zip.u32(zip64End) !== ZIP64_END) throw unreadable();
    count = zip.u64(zip64End + 32);
    offset = zip.u64(zip64End + 48);
  }
  const entries: CentralEntry[] = [];
  for (let i = 0; i < Math.min(count, max); i++) {
    if (zip.u32(offset) !== CENTRAL_HEADER) throw unreadable();
    const nameLength = zip.u16(offset + 28);
    const extraLength = zip.u16(offset + 30);
    const commentLength = zip.u16(offset + 32);
    const entry: CentralEntry = {
      name: new TextDecoder().decode(zip.slice(offset + 46, nameLength)),
      compressedSize: zip.u32(offset + 20),
      size: zip.u32(offset + 24),
      localOffset: zip.u32(offset + 42),
    };
    readZip64Extra(zip, offset + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return { count, entries };
}

/** The ZIP64 extended information (id 1) holds, in order, the fields whose 32-bit value is all ones. */
function readZip64Extra(zip: Bytes, at: number, length: number, entry: CentralEntry): void {
  for (let field = at; field + 4 <= at + length; field += 4 + zip.u16(field + 2)) {
    if (zip.u16(field) !== 1) continue;
    let value = field + 4;
    for (const key of ['size', 'compressedSize', 'localOffset'] as const) {
      if (entry[key] !== U32_MAX) continue;
      entry[key] = zip.u64(value);
      value += 8;
    }
    return;
  }
}

/**
 * The content of the single `.json` entry of the ZIP. Data that does not start with a local file
 * header holds no entry for ZipInputStream ("No valid file found in ZIP."); an archive that cannot
 * be read, or an entry whose CRC-32 or size does not match, is "UNZIP ERROR". Each inflated chunk is
 * handed to `sink` as it comes; an error `sink` throws stops the reading.
 */
export async function readZipEntry(
  bytes: Uint8Array,
  maxUnzippedBytes = MAX_UNZIPPED_BYTES,
  sink?: (chunk: Uint8Array) => void,
  slicer = new Slicer(),
): Promise<Uint8Array> {
  const zip = new Bytes(bytes);
  if (bytes.length < 4 || zip.u32(0) !== LOCAL_HEADER) throw noEntry();
  const { count, entries } = centralDirectory(zip, 1);
  const entry = entries[0];
  if (entry === undefined || (count === 1 && entry.name.endsWith('/'))) throw noEntry();
  if (count > 1) throw invalid('INVALID FILE', 'Too many entries in ZIP file.');
  if (extensionOf(entry.name) !== 'json') throw invalid('INVALID FILE', 'ZIP contains unsupported file type.');
  if (entry.size > maxUnzippedBytes) throw tooLarge();

  // The local header is what ZipInputStream reads.
  const local = entry.localOffset;
  if (zip.u32(local) !== LOCAL_HEADER) throw unreadable();
  const flags = zip.u16(local + 6);
  const method = zip.u16(local + 8);
  if (flags & ENCRYPTED || (method !== STORED && method !== DEFLATED)) throw unreadable();
  const start = local + 30 + zip.u16(local + 26) + zip.u16(local + 28);
  let compressedSize = entry.compressedSize;
  let expected: { crc: number; size: number };
  if (flags & HAS_DESCRIPTOR) {
    // "only DEFLATED entries can have EXT descriptor"; the descriptor follows the data, its
    // signature optional.
    if (method === STORED) throw unreadable();
    let at = start + compressedSize;
    if (zip.u32(at) === DATA_DESCRIPTOR) at += 4;
    expected = { crc: zip.u32(at), size: entry.size };
  } else {
    const localCompressed = zip.u32(local + 18);
    const localSize = zip.u32(local + 22);
    if (localCompressed !== U32_MAX) compressedSize = localCompressed;
    expected = { crc: zip.u32(local + 14), size: localSize === U32_MAX ? entry.size : localSize };
  }
  const data = zip.slice(start, compressedSize);

  // The content is written into one buffer of the declared size as it is inflated (collecting the chunks
  // and joining them would hold it twice). Content that does not fit its declared size is not kept: the
  // entry is unreadable then, once read to its end (or refused earlier by the size limit or the sink).
  const content = expected.size <= maxUnzippedBytes ? new Uint8Array(expected.size) : undefined;
  let size = 0;
  let crc = 0;
  const take = (chunk: Uint8Array) => {
    if (chunk.length === 0) return;
    if (content && size + chunk.length <= content.length) content.set(chunk, size);
    size += chunk.length;
    if (size > maxUnzippedBytes) throw tooLarge();
    crc = crc32(chunk, crc);
    sink?.(chunk);
  };
  if (method === STORED) {
    for (let at = 0; at < data.length; at += STORED_SLICE) {
      take(data.subarray(at, at + STORED_SLICE));
      await slicer.tick();
    }
  } else {
    const inflater = new Inflate((chunk) => take(chunk));
    let at = 0;
    do {
      const end = Math.min(at + INPUT_SLICE, data.length);
      try {
        inflater.push(data.subarray(at, end), end === data.length);
      } catch (error) {
        if (error instanceof ProblemError || !(error instanceof Error && 'code' in error)) throw error;
        throw unreadable(); // fflate's errors carry a numeric code: invalid or truncated data
      }
      at = end;
      await slicer.tick();
    } while (at < data.length);
  }
  if (!content || size !== expected.size || crc >>> 0 !== expected.crc) throw unreadable();
  return content;
}
