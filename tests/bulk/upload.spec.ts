import { test, expect, literal, reportByIupd } from '../../fixtures/index.ts';
import { zipInMemory } from '../../lib/bulk/upload-zip.ts';
import type { DebtPosition } from '../../lib/gpd/model.ts';
import type { GpdBulkClient } from '../../lib/http/bulk-client.ts';
import { UPLOAD } from '../../lib/texts/upload.ts';

/** The report's answer for each position, to compare whole: one check naming every position that differs. */
function itemByItem<T>(positions: DebtPosition[], answer: (iupd: string) => T): Record<string, T> {
  return Object.fromEntries(positions.map((p) => [p.iupd, answer(p.iupd)]));
}

/** A deterministic sample (first, last and evenly spaced) to verify one by one. */
function sample<T>(items: T[], size = 5): T[] {
  if (items.length <= size) return items;
  return Array.from({ length: size }, (_, i) => items[Math.round((i * (items.length - 1)) / (size - 1))]!);
}

test('[BLK-06] file upload: create N positions → 202, report item by item, positions VALID', async ({ uploads, gpd, factory, config }) => {
  const batch = Array.from({ length: config.bulk.uploadPositions }, () => factory.position());
  uploads.track(batch.map((p) => p.iupd));
  const file = await uploads.positionsFile(batch);
  const upload = await uploads.submit('v2', 'create', file);
  expect(upload.accepted).toBeAcceptedUpload(uploads.ec);
  const report = await uploads.awaitReport('v2', upload);
  expect(report).toMatchObject({ processedItem: batch.length, submittedItem: batch.length });
  const byIupd = reportByIupd(report);
  expect(byIupd.size, 'one result per position').toBe(batch.length);
  expect(
    itemByItem(batch, (iupd) => byIupd.get(iupd)),
    'report, item by item',
  ).toEqual(itemByItem(batch, () => ({ statusCode: 201, statusMessage: UPLOAD.reportCreated })));
  for (const position of sample(batch)) {
    const read = (await gpd.get(position.iupd)).response.body;
    expect([read.status, read.paymentOption[0]!.iuv, read.paymentOption[0]!.amount], position.iupd).toEqual([
      'VALID',
      position.paymentOption[0]!.iuv,
      position.paymentOption[0]!.amount,
    ]);
  }
});

test('[BLK-13] file upload with positions that fail → the report accounts for every position, with status and message', async ({
  uploads,
  positions,
  gpd,
  factory,
  config,
}) => {
  const existing = await positions.createOk(factory.position(), { toPublish: true });
  const valid = Array.from({ length: 24 }, () => factory.position());
  // Schema-valid positions the service refuses one by one: an IUV already used by the EC, a due date in the past.
  const duplicateIuv = factory.position({ paymentOption: [factory.option({ iuv: existing.paymentOption[0]!.iuv })] });
  const pastDue = factory.position({ paymentOption: [factory.option({ dueDate: factory.at(-1) })] });
  // The failing ones inside the file, not at its end: the report must not depend on where they are.
  const batch = [...valid.slice(0, 3), duplicateIuv, ...valid.slice(3, 21), pastDue, ...valid.slice(21)];
  uploads.track(batch.map((p) => p.iupd));
  const upload = await uploads.submit('v2', 'create', await uploads.positionsFile(batch));
  expect(upload.accepted).toBeAcceptedUpload(uploads.ec);
  const report = await uploads.awaitReport('v2', upload);
  expect(report, 'every position of the file processed').toMatchObject({ processedItem: batch.length, submittedItem: batch.length });
  const byIupd = reportByIupd(report);
  expect(
    itemByItem(batch, (iupd) => {
      const item = byIupd.get(iupd);
      return (
        item && {
          statusCode: item.statusCode,
          statusMessage: item.statusCode === 400 ? item.statusMessage.slice(0, UPLOAD.reportDueDate.length) : item.statusMessage,
        }
      );
    }),
    'report, item by item: the failed positions with their status and message too',
  ).toEqual(
    itemByItem(batch, (iupd) =>
      iupd === duplicateIuv.iupd
        ? { statusCode: 409, statusMessage: UPLOAD.reportConflict(config.ecFiscalCode) }
        : iupd === pastDue.iupd
          ? { statusCode: 400, statusMessage: UPLOAD.reportDueDate }
          : { statusCode: 201, statusMessage: UPLOAD.reportCreated },
    ),
  );
  expect(byIupd.size, 'no entry for a position that is not in the file').toBe(batch.length);
  const status = await uploads.client('v2').status(upload.fileId!);
  expect(status.response.body, 'some positions failed: completed with warnings').toMatchObject({ operationStatus: 'COMPLETED_WITH_WARNINGS' });
  for (const failed of [duplicateIuv, pastDue]) expect(await gpd.get(failed.iupd), `${failed.iupd} was not created`).toHaveStatus(404);
  const created = (await gpd.get(valid[3]!.iupd)).response.body;
  expect(created.status, 'a valid position of the same file was created').toBe('VALID');
});

async function createInBatches(gpdBulk: GpdBulkClient, batch: DebtPosition[]) {
  for (let i = 0; i < batch.length; i += 100) expect(await gpdBulk.createMany(batch.slice(i, i + 100), { toPublish: true })).toHaveStatus(201);
}

test('[BLK-07] file upload: update N positions → 200 per position, data updated', async ({ uploads, gpdBulk, gpd, factory, config }) => {
  const batch = Array.from({ length: config.bulk.uploadPositions }, () => factory.position());
  uploads.track(batch.map((p) => p.iupd));

  await test.step(`Create the ${batch.length} positions with the v2 bulk API`, () => createInBatches(gpdBulk, batch));

  const updated = batch.map((p) => ({ ...p, companyName: `${p.companyName} (aggiornato)`.slice(0, 140) }));
  const upload = await uploads.submit('v2', 'update', await uploads.positionsFile(updated));
  expect(upload.accepted).toBeAcceptedUpload(uploads.ec);
  const report = await uploads.awaitReport('v2', upload);
  const byIupd = reportByIupd(report);
  expect(
    itemByItem(updated, (iupd) => byIupd.get(iupd)?.statusCode),
    'report, item by item',
  ).toEqual(itemByItem(updated, () => 200));
  for (const position of sample(updated)) {
    const read = (await gpd.get(position.iupd)).response.body;
    expect([read.status, read.companyName], 'the upload publishes (toPublish=true) and replaces the data').toEqual(['VALID', position.companyName]);
  }
});

test('[BLK-08] file upload: delete N positions → 200 per position, then 404', async ({ uploads, gpdBulk, gpd, factory, config }) => {
  const batch = Array.from({ length: config.bulk.uploadPositions }, () => factory.position());
  uploads.track(batch.map((p) => p.iupd));

  await test.step(`Create the ${batch.length} positions with the v2 bulk API`, () => createInBatches(gpdBulk, batch));

  const upload = await uploads.submit('v2', 'delete', await uploads.iupdsFile(batch.map((p) => p.iupd)));
  expect(upload.accepted).toBeAcceptedUpload(uploads.ec);
  const report = await uploads.awaitReport('v2', upload);
  const byIupd = reportByIupd(report);
  expect(
    itemByItem(batch, (iupd) => byIupd.get(iupd)?.statusCode),
    'report, item by item',
  ).toEqual(itemByItem(batch, () => 200));
  for (const position of sample(batch)) expect(await gpd.get(position.iupd)).toHaveStatus(404);
});

test('[BLK-09] invalid files → 400 with the platform titles', async ({ uploads, factory }) => {
  const client = uploads.client('v2');
  const position = factory.position();
  const json = JSON.stringify({ paymentPositions: [position] });
  const zip = (entries: Record<string, string>, fileName = 'positions.zip') => ({
    fileName,
    data: new Blob([Buffer.from(zipInMemory(entries))], { type: 'application/zip' }),
  });
  const cases: Array<[string, Parameters<typeof client.upload>, string, string | RegExp]> = [
    ['a file that is not a .zip', ['create', { fileName: 'positions.json', data: new Blob([json]) }], UPLOAD.notAZipTitle, UPLOAD.notAZip],
    [
      'no "file" part',
      ['create', { fileName: 'positions.zip', data: new Blob([Buffer.from(zipInMemory({ 'p.json': json }))]) }, 'document'],
      UPLOAD.emptyFileTitle,
      UPLOAD.zipMissing,
    ],
    ['two entries (macOS __MACOSX)', ['create', zip({ 'p.json': json, '__MACOSX/._p.json': 'x' })], UPLOAD.invalidFileTitle, UPLOAD.tooManyEntries],
    ['an entry that is not .json', ['create', zip({ 'p.csv': json })], UPLOAD.invalidFileTitle, UPLOAD.unsupportedFileType],
    [
      'a corrupt archive',
      ['create', { fileName: 'positions.zip', data: new Blob(['PK\u0003\u0004 this is not a zip']) }],
      UPLOAD.unzipErrorTitle,
      UPLOAD.unzipError,
    ],
    [
      'an unknown JSON field',
      ['create', zip({ 'p.json': JSON.stringify({ paymentPositions: [{ ...position, aca: true }] }) })],
      UPLOAD.invalidJsonTitle,
      new RegExp(`^${literal(UPLOAD.invalidJson)}`),
    ],
  ];
  for (const [name, args, title, detail] of cases) {
    await test.step(name, async () => {
      expect(await client.upload(...args)).toBeProblem(400, title, detail);
    });
  }
});

test('[BLK-10] v2 report before completion → 425 Too Early', async ({ uploads, factory, config }) => {
  // Processing must outlast the gap before the report call (the client's upload allowance may hold that call
  // up to one period): three times the configured file size keeps it busy long enough.
  const batch = Array.from({ length: Math.max(config.bulk.uploadPositions * 3, 200) }, () => factory.position());
  uploads.track(batch.map((p) => p.iupd));
  const upload = await uploads.submit('v2', 'create', await uploads.positionsFile(batch));
  expect(upload.accepted).toBeAcceptedUpload(uploads.ec);
  const early = await uploads.client('v2').report(upload.fileId!);
  expect(early).toBeProblem(425, UPLOAD.tooEarlyTitle, UPLOAD.tooEarly);
  await uploads.awaitReport('v2', upload);
});

test('[BLK-11] unknown file id → 404', async ({ uploads, config }) => {
  const fileId = `${config.brokerCode}_${config.ecFiscalCode}_${'0'.repeat(32)}`;
  expect(await uploads.client('v2').status(fileId)).toBeProblem(404, UPLOAD.statusNotFoundTitle);
  expect((await uploads.client('v2').report(fileId)).response.status).toBe(404);
});

test('[BLK-12] file upload through the v1 API: uploadID status and report', async ({ uploads, factory }) => {
  const batch = Array.from({ length: 30 }, () => factory.position());
  uploads.track(batch.map((p) => p.iupd));
  const upload = await uploads.submit('v1', 'create', await uploads.positionsFile(batch));
  expect(upload.accepted).toBeAcceptedUpload(uploads.ec);
  const report = await uploads.awaitReport('v1', upload);
  expect(report).toMatchObject({ uploadID: upload.fileId, processedItem: 30, submittedItem: 30 });
  const status = await uploads.client('v1').status(upload.fileId!);
  expect(status.response.body).toMatchObject({ uploadID: upload.fileId, processedItem: 30, submittedItem: 30 });
  const byIupd = reportByIupd(report);
  expect(
    itemByItem(batch, (iupd) => byIupd.get(iupd)?.statusCode),
    'report, item by item',
  ).toEqual(itemByItem(batch, () => 201));
});
