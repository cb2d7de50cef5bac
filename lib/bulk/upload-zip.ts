// Upload files for the GPD massive-upload service: one ZIP holding one JSON document.
// The document is streamed into a deflated ZIP entry and onto disk piece by piece, so 100 000
// positions are written in bounded memory (no whole document, no whole archive in memory).
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { Zip, ZipDeflate, strToU8, zipSync } from 'fflate';
import type { DebtPosition } from '../gpd/model.ts';

export const UPLOAD_ENTRY_NAME = 'debt-positions.json';
const PIECE_BYTES = 64 * 1024;

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

/** Streams a document into `path` as a ZIP with one deflated entry. */
export async function writeUploadZip(path: string, document: Iterable<string>, entryName = UPLOAD_ENTRY_NAME): Promise<ZipWritten> {
  const out = createWriteStream(path);
  let failure: Error | null = null;
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error;
    else {
      out.write(chunk);
      if (final) out.end();
    }
  });
  const entry = new ZipDeflate(entryName, { level: 6 });
  zip.add(entry);
  let jsonBytes = 0;
  let pending = '';
  const flush = async () => {
    const bytes = strToU8(pending);
    jsonBytes += bytes.length;
    pending = '';
    entry.push(bytes);
    if (out.writableNeedDrain) await once(out, 'drain');
  };
  for (const piece of document) {
    pending += piece;
    if (pending.length >= PIECE_BYTES) await flush();
  }
  await flush();
  entry.push(new Uint8Array(0), true);
  zip.end();
  await finished(out);
  if (failure) throw failure;
  return { path, zipBytes: out.bytesWritten, jsonBytes };
}

/** A small ZIP built in memory: `entries` maps names to contents (for malformed-file cases). */
export function zipInMemory(entries: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(entries).map(([name, text]) => [name, strToU8(text)])));
}
