// Upload files for the GPD massive-upload service: one ZIP holding one JSON document.
// The document is streamed through Node's deflate into a ZIP entry and onto disk piece by piece, so
// 100 000 positions are written in bounded memory (no whole document, no whole archive in memory).
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createDeflateRaw, crc32 } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import type { DebtPosition } from '../gpd/model.ts';

export const UPLOAD_ENTRY_NAME = 'debt-positions.json';
const PIECE_BYTES = 64 * 1024;
/** zlib's default level, the one `zip` and most archivers write. */
export const UPLOAD_DEFLATE_LEVEL = 6;

/** The pieces of `{"<field>":[...]}`, one item at a time. */
function* arrayDocument(field: string, items: Iterable<unknown>): Generator<string> {
  yield `{"${field}":[`;
  let first = true;
  for (const item of items) {
    yield (first ? '' : ',') + JSON.stringify(item);
    first = false;
  }
  yield ']}';
}

/** `{"paymentPositions":[...]}` (upload POST/PUT). */
export const positionsDocument = (positions: Iterable<DebtPosition>) => arrayDocument('paymentPositions', positions);

/** `{"paymentPositionIUPDs":[...]}` (upload DELETE). */
export const iupdsDocument = (iupds: Iterable<string>) => arrayDocument('paymentPositionIUPDs', iupds);

export interface ZipWritten {
  path: string;
  zipBytes: number;
  jsonBytes: number;
}

const LOCAL_HEADER = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
const HAS_DESCRIPTOR = 0x0008;
const UTF8_NAME = 0x0800;
const DEFLATED = 8;
const VERSION = 20;
/** Without ZIP64 (not needed: GPD caps the unzipped content at 100 MiB) sizes must fit 32 bits. */
const U32_MAX = 0xffffffff;

/** MS-DOS time and date of `at` (local time, as ZIP tools write them). */
function dosDateTime(at: Date): { time: number; date: number } {
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | (at.getSeconds() >> 1),
    date: ((Math.max(at.getFullYear(), 1980) - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  };
}

/** The document's text as UTF-8 buffers of about PIECE_BYTES, with its CRC-32 and size counted on the way. */
function* utf8Pieces(document: Iterable<string>, totals: { crc: number; bytes: number }): Generator<Buffer> {
  let pending = '';
  for (const piece of document) {
    pending += piece;
    if (pending.length >= PIECE_BYTES) {
      const bytes = Buffer.from(pending, 'utf8');
      pending = '';
      totals.crc = crc32(bytes, totals.crc);
      totals.bytes += bytes.length;
      yield bytes;
    }
  }
  const bytes = Buffer.from(pending, 'utf8');
  totals.crc = crc32(bytes, totals.crc);
  totals.bytes += bytes.length;
  yield bytes;
}

/**
 * Streams a document into `path` as a ZIP with one deflated entry. Node's native deflate does the
 * compression (several times faster than a JavaScript one: it was most of a large file's cost);
 * the entry is written with a data descriptor (flag bit 3), as streaming ZIP writers do, since its
 * CRC and sizes are known only at the end; memory stays bounded by the stream's buffers.
 */
export async function writeUploadZip(path: string, document: Iterable<string>, entryName = UPLOAD_ENTRY_NAME): Promise<ZipWritten> {
  const name = Buffer.from(entryName, 'utf8');
  const flags = HAS_DESCRIPTOR | UTF8_NAME;
  const { time, date } = dosDateTime(new Date());
  const totals = { crc: 0, bytes: 0 };
  let compressed = 0;
  let zipBytes = 0;

  const local = Buffer.alloc(30);
  local.writeUInt32LE(LOCAL_HEADER, 0);
  local.writeUInt16LE(VERSION, 4);
  local.writeUInt16LE(flags, 6);
  local.writeUInt16LE(DEFLATED, 8);
  local.writeUInt16LE(time, 10);
  local.writeUInt16LE(date, 12);
  // CRC and sizes (14..25) stay 0: they follow the data in the descriptor.
  local.writeUInt16LE(name.length, 26);

  async function* frame(deflated: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    yield Buffer.concat([local, name]);
    for await (const chunk of deflated) {
      compressed += chunk.length;
      yield chunk;
    }
    if (compressed > U32_MAX || totals.bytes > U32_MAX) throw new RangeError('upload ZIP entry above 4 GiB (ZIP64 is not written)');
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(DATA_DESCRIPTOR, 0);
    descriptor.writeUInt32LE(totals.crc >>> 0, 4);
    descriptor.writeUInt32LE(compressed, 8);
    descriptor.writeUInt32LE(totals.bytes, 12);
    const centralOffset = local.length + name.length + compressed + descriptor.length;
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_HEADER, 0);
    central.writeUInt16LE(VERSION, 4);
    central.writeUInt16LE(VERSION, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(DEFLATED, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(totals.crc >>> 0, 16);
    central.writeUInt32LE(compressed, 20);
    central.writeUInt32LE(totals.bytes, 24);
    central.writeUInt16LE(name.length, 28);
    // extra, comment, disk, attributes and the local header's offset (0) stay 0.
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_CENTRAL, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(central.length + name.length, 12);
    end.writeUInt32LE(centralOffset, 16);
    yield Buffer.concat([descriptor, central, name, end]);
  }

  const out = createWriteStream(path);
  await pipeline(
    Readable.from(utf8Pieces(document, totals)),
    createDeflateRaw({ level: UPLOAD_DEFLATE_LEVEL }),
    frame,
    async function* (zip: AsyncIterable<Buffer>) {
      for await (const chunk of zip) {
        zipBytes += chunk.length;
        yield chunk;
      }
    },
    out,
  );
  return { path, zipBytes, jsonBytes: totals.bytes };
}

/** A small ZIP built in memory: `entries` maps names to contents (for malformed-file cases). */
export function zipInMemory(entries: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(entries).map(([name, text]) => [name, strToU8(text)])));
}
