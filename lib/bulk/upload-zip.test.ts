import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { unzipSync, strFromU8 } from 'fflate';
import { iupdsDocument, positionsDocument, writeUploadZip, zipInMemory, UPLOAD_ENTRY_NAME } from './upload-zip.ts';
import { DebtPositionFactory } from '../gpd/factory.ts';

const dir = mkdtempSync(join(tmpdir(), 'upload-zip-'));
const factory = new DebtPositionFactory({ runId: 'RZIPTEST', workerIndex: 0, segregationCode: '01', ecFiscalCode: '77777777777' });

test('a streamed ZIP holds exactly one JSON entry with every position, in order', async () => {
  const positions = Array.from({ length: 1500 }, () => factory.position());
  const written = await writeUploadZip(join(dir, 'create.zip'), positionsDocument(positions));
  const entries = unzipSync(readFileSync(written.path));
  assert.deepEqual(Object.keys(entries), [UPLOAD_ENTRY_NAME]);
  const text = strFromU8(entries[UPLOAD_ENTRY_NAME]!);
  assert.equal(Buffer.byteLength(text), written.jsonBytes);
  const document = JSON.parse(text) as { paymentPositions: Array<{ iupd: string }> };
  assert.deepEqual(
    document.paymentPositions.map((p) => p.iupd),
    positions.map((p) => p.iupd),
  );
  assert.ok(written.zipBytes < written.jsonBytes / 2, 'the entry is deflated');
});

test("the ZIP declares the entry's CRC-32 and sizes, in its data descriptor and its central directory", async () => {
  const positions = Array.from({ length: 300 }, () => factory.position());
  const written = await writeUploadZip(join(dir, 'crc.zip'), positionsDocument(positions));
  const zip = readFileSync(written.path);
  assert.equal(zip.length, written.zipBytes);
  const text = Buffer.from(unzipSync(zip)[UPLOAD_ENTRY_NAME]!);
  const end = zip.length - 22;
  assert.equal(zip.readUInt32LE(end), 0x06054b50);
  assert.equal(zip.readUInt16LE(end + 10), 1, 'one entry');
  const central = zip.readUInt32LE(end + 16);
  assert.equal(zip.readUInt32LE(central), 0x02014b50);
  const [crc, compressedSize, size] = [zip.readUInt32LE(central + 16), zip.readUInt32LE(central + 20), zip.readUInt32LE(central + 24)];
  assert.equal(crc, crc32(text));
  assert.equal(size, text.length);
  const descriptor = central - 16;
  assert.equal(zip.readUInt32LE(descriptor), 0x08074b50);
  assert.deepEqual([zip.readUInt32LE(descriptor + 4), zip.readUInt32LE(descriptor + 8), zip.readUInt32LE(descriptor + 12)], [crc, compressedSize, size]);
  assert.equal(30 + UPLOAD_ENTRY_NAME.length + compressedSize, descriptor, 'the data fills the space between the local header and the descriptor');
});

test('empty and IUPD documents are valid JSON', async () => {
  assert.deepEqual(JSON.parse([...positionsDocument([])].join('')), { paymentPositions: [] });
  assert.deepEqual(JSON.parse([...iupdsDocument(['a', 'b'])].join('')), { paymentPositionIUPDs: ['a', 'b'] });
});

test('in-memory ZIPs keep the given entries', () => {
  const entries = unzipSync(zipInMemory({ 'a.json': '{}', '__MACOSX/._a.json': 'x' }));
  assert.deepEqual(Object.keys(entries).sort(), ['__MACOSX/._a.json', 'a.json']);
});

test('a document that fails half-way fails the write (no ZIP passes for complete)', async () => {
  function* failing() {
    yield '{"paymentPositions":[';
    yield 'x'.repeat(200_000);
    throw new Error('generator broke');
  }
  await assert.rejects(writeUploadZip(join(dir, 'broken.zip'), failing()), /generator broke/);
});
