import { test } from 'node:test';
import assert from 'node:assert/strict';
import { strToU8, zipSync } from 'fflate';
import { ProblemError } from '../problem.ts';
import { positionBody } from '../test-helpers.ts';
import { javaHashSetOrder, readIupdsFile, readPositionsFile, readZipEntry } from './upload-file.ts';

const json = (value: unknown) => strToU8(JSON.stringify(value));

function rejects(work: () => unknown, title: string, detail: string | RegExp): void {
  assert.throws(work, (error: unknown) => {
    assert.ok(error instanceof ProblemError, String(error));
    assert.deepEqual([error.status, error.title], [400, title]);
    if (typeof detail === 'string') assert.equal(error.detail, detail);
    else assert.match(error.detail, detail);
    return true;
  });
}

test('unzipped size limit: declared or actual size above it → INVALID FILE', () => {
  const bytes = zipSync({ 'p.json': new Uint8Array(2048).fill(0x20) });
  assert.equal(readZipEntry(bytes, 2048).length, 2048);
  rejects(() => readZipEntry(bytes, 2047), 'INVALID FILE', 'Unzipped content exceeds size limit.');
});

test('ZIP entry rules: a folder entry counts, extensions are case-sensitive, non-ZIP data holds no entry', () => {
  rejects(() => readZipEntry(zipSync({ 'dir/': new Uint8Array(0), 'dir/p.json': json({}) })), 'INVALID FILE', 'Too many entries in ZIP file.');
  rejects(() => readZipEntry(zipSync({ 'dir/': new Uint8Array(0) })), 'INVALID FILE', 'No valid file found in ZIP.');
  rejects(() => readZipEntry(zipSync({ 'P.JSON': json({}) })), 'INVALID FILE', 'ZIP contains unsupported file type.');
  rejects(() => readZipEntry(new Uint8Array(100)), 'INVALID FILE', 'No valid file found in ZIP.');
  rejects(() => readZipEntry(strToU8('PK\u0003\u0004 truncated')), 'UNZIP ERROR', 'Could not unzip file');
});

test('Invalid values are the set of violation messages, in java.util.HashSet order', () => {
  // Two different messages, ordered by their Java hash buckets, not by appearance.
  const messages = ['iupd is required', 'there are duplicates in the list'];
  assert.deepEqual(javaHashSetOrder(messages), javaHashSetOrder([...messages].reverse()));
  assert.deepEqual(javaHashSetOrder(['b', 'a', 'b']), ['a', 'b']);
  const { iupd: _dropped, ...noIupd } = positionBody();
  const twin = positionBody();
  rejects(
    () => readPositionsFile(json({ paymentPositions: [noIupd, twin, twin] })),
    'INVALID DEBT POSITIONS',
    `Debt positions format is invalid or duplicates were found. Invalid values: [${javaHashSetOrder(messages).join(', ')}]`,
  );
});

test('delete file: 1..100 000 IUPDs without duplicates', () => {
  const size = 'The list of payment positions IUPD must contain at least one element and at the most 100000';
  const prefix = 'Debt positions format is invalid or duplicates were found. Invalid values: ';
  const many = Array.from({ length: 100_000 }, (_, i) => `IUPD-${i}`);
  assert.equal(readIupdsFile(json({ paymentPositionIUPDs: many })).length, 100_000);
  rejects(() => readIupdsFile(json({ paymentPositionIUPDs: [...many, 'IUPD-X'] })), 'INVALID DEBT POSITIONS', `${prefix}[${size}]`);
  rejects(() => readIupdsFile(json({ paymentPositionIUPDs: ['A', 'A'] })), 'INVALID DEBT POSITIONS', `${prefix}[there are duplicates in the list]`);
  rejects(
    () => readIupdsFile(json({ paymentPositionIUPDs: [] })),
    'INVALID DEBT POSITIONS',
    `${prefix}[${javaHashSetOrder(['must not be empty', size]).join(', ')}]`,
  );
  rejects(() => readIupdsFile(json({})), 'INVALID DEBT POSITIONS', `${prefix}[${javaHashSetOrder(['must not be empty', 'must not be null']).join(', ')}]`);
  rejects(
    () => readIupdsFile(json({ paymentPositionIUPDs: ['A'], extra: 1 })),
    'INVALID JSON',
    /^Given JSON is invalid for required API payload: Unrecognized field "extra"/,
  );
});

test('positions file: Jackson errors are INVALID JSON, unknown fields anywhere in the tree', () => {
  const position = positionBody();
  position.paymentOption[0]!.transfer[0]!.stamp = { hashDocument: 'h', stampType: '01', provincialResidence: 'RM', extra: true } as never;
  rejects(
    () => readPositionsFile(json({ paymentPositions: [position] })),
    'INVALID JSON',
    'Given JSON is invalid for required API payload: Unrecognized field "extra" (class it.gov.pagopa.gpd.upload.model.pd.Stamp), not marked as ignorable (3 known properties: "hashDocument", "stampType", "provincialResidence"]) (through reference chain: it.gov.pagopa.gpd.upload.model.pd.PaymentPositionsModel["paymentPositions"]->java.util.ArrayList[0]->it.gov.pagopa.gpd.upload.model.pd.PaymentPositionModel["paymentOption"]->java.util.ArrayList[0]->it.gov.pagopa.gpd.upload.model.pd.PaymentOptionModel["transfer"]->java.util.ArrayList[0]->it.gov.pagopa.gpd.upload.model.pd.TransferModel["stamp"]->it.gov.pagopa.gpd.upload.model.pd.Stamp["extra"])',
  );
  // Read-only properties are ignored, not unknown.
  assert.equal(readPositionsFile(json({ paymentPositions: [{ ...positionBody(), status: 'VALID', paymentDate: null }] })).length, 1);
  rejects(
    () => readPositionsFile(json({ paymentPositions: [{ ...positionBody(), switchToExpired: 'maybe' }] })),
    'INVALID JSON',
    /Cannot deserialize value of type `java.lang.Boolean`/,
  );
  rejects(() => readPositionsFile(strToU8('{"paymentPositions": [')), 'INVALID JSON', /^Given JSON is invalid for required API payload: /);
  rejects(
    () => readPositionsFile(json({ paymentPositions: [] })),
    'INVALID DEBT POSITIONS',
    'Debt positions format is invalid or duplicates were found. Invalid values: [The list of payment positions must contain at least one element]',
  );
});
