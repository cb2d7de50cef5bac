import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crc32, deflateRawSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { ProblemError } from '../problem.ts';
import { positionBody } from '../test-helpers.ts';
import { javaHashSetOrder, readIupdsFile, readPositionsFile, readZipEntry } from './upload-file.ts';

const json = (value: unknown) => strToU8(JSON.stringify(value));

/** Expects a 400 with this title and detail, thrown or as a rejected promise. */
async function rejects(work: () => unknown, title: string, detail: string | RegExp): Promise<void> {
  await assert.rejects(
    async () => work(),
    (error: unknown) => {
      assert.ok(error instanceof ProblemError, String(error));
      assert.deepEqual([error.status, error.title], [400, title]);
      if (typeof detail === 'string') assert.equal(error.detail, detail);
      else assert.match(error.detail, detail);
      return true;
    },
  );
}

test('unzipped size limit: declared or actual size above it → INVALID FILE', async () => {
  const bytes = zipSync({ 'p.json': new Uint8Array(2048).fill(0x20) });
  assert.equal((await readZipEntry(bytes, 2048)).length, 2048);
  await rejects(() => readZipEntry(bytes, 2047), 'INVALID FILE', 'Unzipped content exceeds size limit.');
});

test('ZIP entry rules: a folder entry counts, extensions are case-sensitive, non-ZIP data holds no entry', async () => {
  await rejects(() => readZipEntry(zipSync({ 'dir/': new Uint8Array(0), 'dir/p.json': json({}) })), 'INVALID FILE', 'Too many entries in ZIP file.');
  await rejects(() => readZipEntry(zipSync({ 'dir/': new Uint8Array(0) })), 'INVALID FILE', 'No valid file found in ZIP.');
  await rejects(() => readZipEntry(zipSync({ 'P.JSON': json({}) })), 'INVALID FILE', 'ZIP contains unsupported file type.');
  await rejects(() => readZipEntry(new Uint8Array(100)), 'INVALID FILE', 'No valid file found in ZIP.');
  await rejects(() => readZipEntry(strToU8('PK\u0003\u0004 truncated')), 'UNZIP ERROR', 'Could not unzip file');
});

test('Invalid values are the set of violation messages, in java.util.HashSet order', async () => {
  // Two different messages, ordered by their Java hash buckets, not by appearance.
  const messages = ['iupd is required', 'there are duplicates in the list'];
  assert.deepEqual(javaHashSetOrder(messages), javaHashSetOrder([...messages].reverse()));
  assert.deepEqual(javaHashSetOrder(['b', 'a', 'b']), ['a', 'b']);
  const { iupd: _dropped, ...noIupd } = positionBody();
  const twin = positionBody();
  await rejects(
    () => readPositionsFile(json({ paymentPositions: [noIupd, twin, twin] })),
    'INVALID DEBT POSITIONS',
    `Debt positions format is invalid or duplicates were found. Invalid values: [${javaHashSetOrder(messages).join(', ')}]`,
  );
});

test('delete file: 1..100 000 IUPDs without duplicates', async () => {
  const size = 'The list of payment positions IUPD must contain at least one element and at the most 100000';
  const prefix = 'Debt positions format is invalid or duplicates were found. Invalid values: ';
  const many = Array.from({ length: 100_000 }, (_, i) => `IUPD-${i}`);
  assert.equal((await readIupdsFile(json({ paymentPositionIUPDs: many }))).length, 100_000);
  await rejects(() => readIupdsFile(json({ paymentPositionIUPDs: [...many, 'IUPD-X'] })), 'INVALID DEBT POSITIONS', `${prefix}[${size}]`);
  await rejects(() => readIupdsFile(json({ paymentPositionIUPDs: ['A', 'A'] })), 'INVALID DEBT POSITIONS', `${prefix}[there are duplicates in the list]`);
  await rejects(
    () => readIupdsFile(json({ paymentPositionIUPDs: [] })),
    'INVALID DEBT POSITIONS',
    `${prefix}[${javaHashSetOrder(['must not be empty', size]).join(', ')}]`,
  );
  await rejects(
    () => readIupdsFile(json({})),
    'INVALID DEBT POSITIONS',
    `${prefix}[${javaHashSetOrder(['must not be empty', 'must not be null']).join(', ')}]`,
  );
  await rejects(
    () => readIupdsFile(json({ paymentPositionIUPDs: ['A'], extra: 1 })),
    'INVALID JSON',
    /^Given JSON is invalid for required API payload: Unrecognized field "extra"/,
  );
});

test('positions file: Jackson errors are INVALID JSON, unknown fields anywhere in the tree', async () => {
  const position = positionBody();
  position.paymentOption[0]!.transfer[0]!.stamp = { hashDocument: 'h', stampType: '01', provincialResidence: 'RM', extra: true } as never;
  await rejects(
    () => readPositionsFile(json({ paymentPositions: [position] })),
    'INVALID JSON',
    'Given JSON is invalid for required API payload: Unrecognized field "extra" (class it.gov.pagopa.gpd.upload.model.pd.Stamp), not marked as ignorable (3 known properties: "hashDocument", "stampType", "provincialResidence"]) (through reference chain: it.gov.pagopa.gpd.upload.model.pd.PaymentPositionsModel["paymentPositions"]->java.util.ArrayList[0]->it.gov.pagopa.gpd.upload.model.pd.PaymentPositionModel["paymentOption"]->java.util.ArrayList[0]->it.gov.pagopa.gpd.upload.model.pd.PaymentOptionModel["transfer"]->java.util.ArrayList[0]->it.gov.pagopa.gpd.upload.model.pd.TransferModel["stamp"]->it.gov.pagopa.gpd.upload.model.pd.Stamp["extra"])',
  );
  // Read-only properties are ignored, not unknown.
  assert.equal((await readPositionsFile(json({ paymentPositions: [{ ...positionBody(), status: 'VALID', paymentDate: null }] }))).length, 1);
  await rejects(
    () => readPositionsFile(json({ paymentPositions: [{ ...positionBody(), switchToExpired: 'maybe' }] })),
    'INVALID JSON',
    /Cannot deserialize value of type `java.lang.Boolean`/,
  );
  await rejects(() => readPositionsFile(strToU8('{"paymentPositions": [')), 'INVALID JSON', /^Given JSON is invalid for required API payload: /);
  await rejects(
    () => readPositionsFile(json({ paymentPositions: [] })),
    'INVALID DEBT POSITIONS',
    'Debt positions format is invalid or duplicates were found. Invalid values: [The list of payment positions must contain at least one element]',
  );
});

// ---- issue 8: the ZIP is read as java.util.zip.ZipInputStream reads it, with a cap on the inflated size ----

const u32 = (bytes: Uint8Array, at: number, value: number) => new DataView(bytes.buffer, bytes.byteOffset).setUint32(at, value, true);
const readU32 = (bytes: Uint8Array, at: number) => new DataView(bytes.buffer, bytes.byteOffset).getUint32(at, true);
/** Offset of the (single) central directory header. */
const centralHeader = (zip: Uint8Array) => readU32(zip, zip.length - 22 + 16);

test('an entry whose CRC-32 does not match its data is UNZIP ERROR (stored or deflated, local header checked)', async () => {
  for (const level of [0, 6] as const) {
    const zip = zipSync({ 'p.json': json({ paymentPositions: [positionBody()] }) }, { level });
    const flipped = zip.slice();
    flipped[14] = flipped[14]! ^ 0x01;
    await rejects(() => readZipEntry(flipped), 'UNZIP ERROR', 'Could not unzip file');
  }
});

test('a declared size that lies does not get past the cap: inflation stops at the limit', async () => {
  const zip = zipSync({ 'p.json': new Uint8Array(8 * 1024 * 1024).fill(0x20) }, { level: 9 });
  // Both headers claim 100 bytes: only the inflated data can tell.
  u32(zip, 22, 100);
  u32(zip, centralHeader(zip) + 24, 100);
  await rejects(() => readZipEntry(zip, 1024 * 1024), 'INVALID FILE', 'Unzipped content exceeds size limit.');
  // Within the cap, the wrong size is a corrupt entry (ZipInputStream: "invalid entry size").
  await rejects(() => readZipEntry(zip, 16 * 1024 * 1024), 'UNZIP ERROR', 'Could not unzip file');
});

test('a declared size above the data, or beyond the cap in the local header only, is UNZIP ERROR; a true one gives the data', async () => {
  const data = json({ paymentPositions: [positionBody(), positionBody()] });
  for (const level of [0, 6] as const) {
    const zip = zipSync({ 'p.json': data }, { level });
    assert.deepEqual(await readZipEntry(zip), data);
    for (const [claimed, cap] of [
      [data.length + 1, undefined],
      [0xfffffff0, 1024 * 1024],
    ] as const) {
      const lying = zip.slice();
      u32(lying, 22, claimed);
      await rejects(() => readZipEntry(lying, cap), 'UNZIP ERROR', 'Could not unzip file');
    }
  }
});

/** A ZIP as java.util.zip.ZipOutputStream writes it: flag bit 3, sizes and CRC in a data descriptor. */
function zipWithDataDescriptor(name: string, content: Uint8Array): Uint8Array {
  const data = deflateRawSync(content);
  const crc = crc32(content);
  const nameBytes = strToU8(name);
  const local = new Uint8Array(30 + nameBytes.length);
  const view = new DataView(local.buffer);
  view.setUint32(0, 0x04034b50, true);
  view.setUint16(4, 20, true);
  view.setUint16(6, 0x0808, true);
  view.setUint16(8, 8, true);
  view.setUint16(26, nameBytes.length, true);
  local.set(nameBytes, 30);
  const descriptor = new Uint8Array(16);
  const dv = new DataView(descriptor.buffer);
  dv.setUint32(0, 0x08074b50, true);
  dv.setUint32(4, crc, true);
  dv.setUint32(8, data.length, true);
  dv.setUint32(12, content.length, true);
  const central = new Uint8Array(46 + nameBytes.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, 0x02014b50, true);
  cv.setUint16(4, 20, true);
  cv.setUint16(6, 20, true);
  cv.setUint16(8, 0x0808, true);
  cv.setUint16(10, 8, true);
  cv.setUint32(16, crc, true);
  cv.setUint32(20, data.length, true);
  cv.setUint32(24, content.length, true);
  cv.setUint16(28, nameBytes.length, true);
  central.set(nameBytes, 46);
  const centralAt = local.length + data.length + descriptor.length;
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, 1, true);
  ev.setUint16(10, 1, true);
  ev.setUint32(12, central.length, true);
  ev.setUint32(16, centralAt, true);
  return new Uint8Array(Buffer.concat([local, data, descriptor, central, end]));
}

test('a data descriptor (flag bit 3, as ZipOutputStream writes) is read, and its CRC-32 is checked', async () => {
  const content = json({ paymentPositions: [positionBody()] });
  const zip = zipWithDataDescriptor('p.json', content);
  assert.deepEqual(await readZipEntry(zip), content);
  // The descriptor's CRC follows its signature, after the compressed data.
  const bad = zip.slice();
  const descriptorAt = bad.length - 22 - (46 + 6) - 16;
  assert.equal(readU32(bad, descriptorAt), 0x08074b50);
  u32(bad, descriptorAt + 4, readU32(bad, descriptorAt + 4) ^ 1);
  await rejects(() => readZipEntry(bad), 'UNZIP ERROR', 'Could not unzip file');
});
