import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CompactCodec, PackedList } from './compact.ts';

/** Keys in order, with `undefined` values and their presence, at every level. */
const layout = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(layout)
    : typeof value === 'object' && value !== null
      ? Object.entries(value).map(([k, v]) => [k, k in value, layout(v)])
      : value;

test('a value decodes as structuredClone gives it: same keys in the same order, undefined keys kept, types kept', () => {
  const codec = new CompactCodec({ unique: new Set(['iuv']) });
  const value = {
    id: 0,
    iupd: 'IUPD-1',
    validityDate: undefined,
    big: 1_767_225_600_000,
    negativeZero: -0,
    fraction: 0.1,
    flag: false,
    nothing: null,
    empty: {},
    list: [],
    paymentOption: [
      { iuv: '01000000000000001', transfer: [{ idTransfer: '1', amount: 100, metadata: [{ key: 'k', value: 'v' }] }], extra: undefined },
      { iuv: '01000000000000002', transfer: [], holes: [undefined, 'x', null] },
    ],
    z: 'last',
  };
  const decoded = codec.decode(codec.encode(value));
  assert.deepEqual(decoded, structuredClone(value));
  assert.deepEqual(layout(decoded), layout(structuredClone(value)));
  assert.ok(Object.is((decoded as { negativeZero: number }).negativeZero, -0));
});

test('a "__proto__" key is an own property, as structuredClone keeps it', () => {
  const codec = new CompactCodec();
  const value = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
  const decoded = codec.decode(codec.encode(value)) as Record<string, unknown>;
  assert.equal(Object.getPrototypeOf(decoded), Object.prototype);
  assert.deepEqual(Object.keys(decoded), ['__proto__', 'a']);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test('every decode gives fresh objects: changing one changes neither the row nor the next decode', () => {
  const codec = new CompactCodec();
  const row = codec.encode({ a: { b: [1, 2] } });
  const first = codec.decode(row) as { a: { b: number[] } };
  first.a.b.push(3);
  first.a = { b: [] };
  assert.deepEqual(codec.decode(row), { a: { b: [1, 2] } });
});

test('a prefix stays in the first slots and is skipped by decode', () => {
  const codec = new CompactCodec();
  const row = codec.encode({ x: 'y' }, [7, 'key']);
  assert.deepEqual(row.slice(0, 2), [7, 'key']);
  assert.deepEqual(codec.decode(row, 2), { x: 'y' });
});

test('only plain data is stored: a Date, a Map or a function is refused', () => {
  const codec = new CompactCodec();
  for (const bad of [new Date(0), new Map(), () => 1, 1n]) assert.throws(() => codec.encode({ bad }), TypeError);
});

test('rows of equal shapes are as long as their defined values (shapes and marks are shared, undefined takes no slot)', () => {
  const codec = new CompactCodec();
  const row = codec.encode({ a: 'x', b: undefined, c: [1, 2], d: { e: true } });
  // shape, 'x', list mark, 1, 2, shape, true
  assert.equal(row.length, 7);
  const other = codec.encode({ a: 'y', b: undefined, c: [3, 4], d: { e: false } });
  assert.equal(other[0], row[0]);
  assert.equal(other[2], row[2]);
});

test('a packed list decodes each item once, in order, and releases it', () => {
  const list = new PackedList<{ n: number }>(new CompactCodec());
  for (let n = 0; n < 3; n++) list.push({ n });
  assert.equal(list.length, 3);
  assert.deepEqual(list.toArray(), [{ n: 0 }, { n: 1 }, { n: 2 }]);
  assert.deepEqual(list.take(1), { n: 1 });
  assert.throws(() => list.take(1), RangeError);
  assert.throws(() => list.toArray(), RangeError);
  assert.equal(list.length, 3);
});
