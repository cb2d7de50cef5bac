// One descriptor per platform object (gpd/objects.ts) is the only list of its fields: the GPD reader
// binds exactly its readable fields, the upload's unknown-field refusal lists exactly its upload
// properties, the PaymentPositionModel response writes its fields in its order, the types of model.ts
// follow it, and a field added to a copy of a descriptor reaches the reader, the validation, the
// upload's known list and the writer with no other edit.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { childOf, readableFields, readerOf, readOnlyFields, validate, Violations, write, type FieldType, type ObjectDescriptor } from './descriptor.ts';
import { JsonMappingError } from './jackson.ts';
import type { Metadata, OptionInput, Stamp } from './gpd/model.ts';
import { GPD_PACKAGE, PAYMENT_OPTION, PAYMENT_OPTION_METADATA, PAYMENT_POSITION, PLATFORM_OBJECTS, STAMP, TRANSFER, TRANSFER_METADATA } from './gpd/objects.ts';
import { readPositionBody } from './gpd/request.ts';
import { javaClass, readPositionsFile } from './upload/upload-file.ts';
import { positionBody, startSandbox, T0, at } from './test-helpers.ts';

/** A value of the wrong JSON shape for `type`: Jackson's reader refuses it. */
const wrong = (type: FieldType): unknown => (typeof type === 'object' && 'list' in type ? {} : []);
const throwsMapping = (fn: () => unknown) => {
  try {
    fn();
    return false;
  } catch (error) {
    if (error instanceof JsonMappingError) return true;
    throw error;
  }
};

/** The fields the GPD reader of `d` binds, found by feeding each field (and an unknown one) a wrong value. */
function boundFields(d: ObjectDescriptor): string[] {
  const reader = readerOf(d, GPD_PACKAGE);
  assert.equal(
    throwsMapping(() => reader({ notAField: [] })),
    false,
    `${d.name}: unknown fields are ignored`,
  );
  return Object.entries(d.fields)
    .filter(([name, field]) => throwsMapping(() => reader({ [name]: wrong(field.type) })))
    .map(([name]) => name);
}

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

/** The known properties named by the upload's refusal of an unknown field placed by `put` in a valid position. */
async function uploadKnown(put: (position: Record<string, unknown>) => void): Promise<{ className: string; known: string[] }> {
  const position = positionBody() as Record<string, unknown>;
  put(position);
  const error = await readPositionsFile(json({ paymentPositions: [position] })).then(
    () => assert.fail('an unknown field must be refused'),
    (e: Error & { detail?: string }) => e,
  );
  const detail = (error as { detail?: string }).detail ?? error.message;
  const match = /\(class ([\w.]+)\), not marked as ignorable \((\d+) known properties: (.*?)\]\)/.exec(detail);
  assert.ok(match, detail);
  const known = [...match[3]!.matchAll(/"(\w+)"/g)].map((m) => m[1]!);
  assert.equal(known.length, Number(match[2]));
  return { className: match[1]!, known };
}

describe('platform object descriptors: the single source of each object’s fields', () => {
  it('the GPD reader binds exactly the readable fields of each descriptor (read-only and unknown ones ignored)', () => {
    for (const d of PLATFORM_OBJECTS) assert.deepEqual(boundFields(d), readableFields(d), d.name);
  });

  it('the upload refuses an unknown field with exactly the descriptor’s upload properties, at every level', async () => {
    const option = (p: Record<string, unknown>) => (p.paymentOption as Record<string, unknown>[])[0]!;
    const transfer = (p: Record<string, unknown>) => (option(p).transfer as Record<string, unknown>[])[0]!;
    const cases: [ObjectDescriptor, (p: Record<string, unknown>) => void][] = [
      [PAYMENT_POSITION, (p) => (p.zzz = 1)],
      [PAYMENT_OPTION, (p) => (option(p).zzz = 1)],
      [PAYMENT_OPTION_METADATA, (p) => (option(p).paymentOptionMetadata = [{ key: 'a', value: 'b', zzz: 1 }])],
      [TRANSFER, (p) => (transfer(p).zzz = 1)],
      [STAMP, (p) => (transfer(p).stamp = { zzz: 1 })],
      [TRANSFER_METADATA, (p) => (transfer(p).transferMetadata = [{ zzz: 1 }])],
    ];
    for (const [d, put] of cases) {
      const { className, known } = await uploadKnown(put);
      assert.equal(className, `it.gov.pagopa.gpd.upload.model.${d.name}`);
      assert.deepEqual(known, readableFields(d, 'upload'), d.name);
      assert.deepEqual(javaClass(d).known, known, d.name);
    }
    // The read-only properties are ignorable there, not unknown.
    const position = positionBody() as Record<string, unknown>;
    for (const name of readOnlyFields(PAYMENT_POSITION, 'upload')) position[name] = null;
    const first = (position.paymentOption as Record<string, unknown>[])[0]!;
    for (const name of readOnlyFields(PAYMENT_OPTION, 'upload')) first[name] = null;
    first.fee = 0; // writable in the upload's model
    assert.equal((await readPositionsFile(json({ paymentPositions: [position] }))).length, 1);
  });

  it('the PaymentPositionModel response writes the descriptors’ fields, in their order, at every level', async () => {
    const sb = await startSandbox();
    try {
      const body = positionBody();
      Object.assign(body, { streetName: 'Via Roma', officeName: 'Ufficio', country: 'IT', validityDate: at(T0, 3_600_000) });
      const o = body.paymentOption[0]!;
      Object.assign(o, { retentionDate: at(T0, 90 * 86_400_000), paymentOptionMetadata: [{ key: 'a', value: 'b' }] });
      Object.assign(o.transfer[0]!, {
        iban: undefined,
        stamp: { hashDocument: 'h', stampType: '01', provincialResidence: 'RM' },
        transferMetadata: [{ key: 'k', value: 'v' }],
      });
      const res = await sb.ec('POST', '/debtpositions', { body });
      assert.equal(res.status, 201, res.raw);
      const inOrder = (d: ObjectDescriptor, value: Record<string, unknown>) => {
        const names = Object.keys(d.fields);
        assert.deepEqual(
          Object.keys(value),
          names.filter((n) => n in value),
          d.name,
        );
        for (const [name, field] of Object.entries(d.fields)) {
          const child = childOf(field.type);
          const v = value[name];
          if (!child || v === undefined) continue;
          for (const item of child.list ? (v as Record<string, unknown>[]) : [v as Record<string, unknown>]) inOrder(child.of, item);
        }
      };
      inOrder(PAYMENT_POSITION, res.body);
      // Everything the body said comes back (no field of the descriptor left out by the writer).
      for (const name of [...readableFields(PAYMENT_POSITION), 'status']) if (name !== 'paymentDate') assert.ok(name in res.body || !(name in body), name);
      assert.deepEqual(res.body.paymentOption[0].transfer[0].stamp, o.transfer[0]!.stamp);
    } finally {
      await sb.close();
    }
  });

  it('the validated types follow the descriptors (compile-time)', () => {
    type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
    const stamp: Equal<Stamp, { hashDocument: string; stampType: string; provincialResidence: string }> = true;
    const metadata: Equal<Metadata, { key: string; value: string }> = true;
    const optionKeys: Equal<keyof OptionInput, Exclude<keyof (typeof PAYMENT_OPTION)['fields'], 'fee' | 'notificationFee'>> = true;
    assert.ok(stamp && metadata && optionKeys);
  });

  it('a field added to a copy of a descriptor is read, validated, known to the upload and written, with no other edit', () => {
    const transfer = {
      ...TRANSFER,
      fields: { ...TRANSFER.fields, note: { type: 'string', size: { max: 5 } } },
    } as const satisfies ObjectDescriptor;
    const option = { ...PAYMENT_OPTION, fields: { ...PAYMENT_OPTION.fields, transfer: { type: { list: { object: transfer } } } } } as const;
    const position = { ...PAYMENT_POSITION, fields: { ...PAYMENT_POSITION.fields, paymentOption: { type: { list: { object: option } } } } } as const;
    // The original's reader ignores it; the copy's binds it, with Jackson's type check and messages.
    const body = positionBody();
    (body.paymentOption[0]!.transfer[0] as Record<string, unknown>).note = 'too long';
    assert.doesNotThrow(() => readPositionBody(JSON.stringify(body)));
    const reader = readerOf(position, GPD_PACKAGE);
    (body.paymentOption[0]!.transfer[0] as Record<string, unknown>).note = {};
    assert.throws(() => reader(body), { message: 'Cannot deserialize value of type `java.lang.String` from Object value (token `JsonToken.START_OBJECT`)' });
    (body.paymentOption[0]!.transfer[0] as Record<string, unknown>).note = 'too long';
    const v = new Violations();
    const value = validate(position, reader(body)!, v);
    assert.deepEqual(v.list, [{ path: 'paymentOption[0].transfer[0].note', message: 'size must be between 0 and 5' }]);
    assert.equal(((value.paymentOption as OptionInput[])[0]!.transfer[0] as Record<string, unknown>).note, 'too long');
    // The upload's known properties and the response writer follow.
    assert.deepEqual(javaClass(transfer).known, [...javaClass(TRANSFER).known, 'note']);
    assert.equal(javaClass(position).children.paymentOption!.type.children.transfer!.type, javaClass(transfer));
    assert.deepEqual(Object.keys(write(transfer, { note: 'x' })), [...Object.keys(TRANSFER.fields), 'note']);
  });
});
