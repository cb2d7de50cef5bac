import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { JsonScanner, JsonSyntaxError, LimitExceeded, type ScanLimits, type ScanResult } from './json-scan.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const NO_LIMITS: ScanLimits = { maxItems: Infinity, itemsMessage: 'items' };
const LIMITS: ScanLimits = {
  maxItems: 3,
  itemsMessage: 'items',
  perItem: { listKey: 'paymentOption', maxList: 2, listMessage: 'options', maxNested: 5, nestedMessage: 'nested' },
};

/** Feeds `bytes` cut at `cuts` (offsets), then ends. */
function scan(bytes: Uint8Array, limits = NO_LIMITS, cuts: number[] = []): ScanResult {
  const scanner = new JsonScanner('paymentPositions', limits);
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    scanner.feed(bytes.subarray(from, cut));
    from = cut;
  }
  scanner.feed(bytes.subarray(from));
  return scanner.end();
}

const accepts = (text: string) => {
  try {
    scan(encode(text));
    return true;
  } catch (error) {
    if (error instanceof JsonSyntaxError) return false;
    throw error;
  }
};
const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};
const items = (bytes: Uint8Array, result: ScanResult) =>
  Array.from({ length: result.items.length / 2 }, (_, i) => JSON.parse(new TextDecoder().decode(bytes.subarray(result.items[2 * i], result.items[2 * i + 1]))));

test('the scanner accepts exactly what JSON.parse accepts', () => {
  const cases = ['{}', '[]', ' 1 ', '-0.5e+10', '"a\\u00e9\\n"', 'true', 'null', '{"a":[1,{"b":null}]}'];
  const wrong = [
    '',
    '{',
    '{"a"}',
    '{"a":}',
    '[1,]',
    '[,1]',
    '01',
    '1.',
    '.5',
    '-',
    '1e',
    '"\\x"',
    '"\\u12"',
    '"a\u0001"',
    'tru',
    'nul',
    '{} {}',
    '[1 2]',
    "{'a':1}",
    '{"a":1,}',
    '[}',
    '{]',
  ];
  for (const text of cases) assert.ok(accepts(text), text);
  for (const text of wrong) assert.ok(!accepts(text), text);
  fc.assert(
    fc.property(fc.json(), (text) => accepts(text)),
    { numRuns: 300 },
  );
  // A valid document with one byte replaced or removed: both readers agree.
  fc.assert(
    fc.property(fc.json(), fc.nat(), fc.constantFrom('', '{', '}', '[', ']', ',', ':', '"', '\\', '0', '-', 'e', '.', ' ', 'x', '\u0001'), (text, at, by) => {
      const i = text.length === 0 ? 0 : at % text.length;
      const mutated = text.slice(0, i) + by + text.slice(i + 1);
      assert.equal(accepts(mutated), parses(mutated), JSON.stringify(mutated));
    }),
    { numRuns: 1000 },
  );
});

test('the result does not depend on where the chunks are cut', () => {
  fc.assert(
    fc.property(fc.array(fc.jsonValue(), { maxLength: 5 }), fc.array(fc.nat()), (list, offsets) => {
      const bytes = encode(JSON.stringify({ other: 1, paymentPositions: list }, null, 1));
      const cuts = offsets.map((o) => o % (bytes.length + 1));
      const whole = scan(bytes);
      assert.deepEqual(scan(bytes, NO_LIMITS, cuts), whole);
      assert.deepEqual(
        items(bytes, whole),
        list.map((v) => JSON.parse(JSON.stringify(v))),
      );
    }),
    { numRuns: 300 },
  );
});

test('top-level keys, the field (last occurrence, escaped or not) and a leading BOM', () => {
  const text = '\ufeff{"x": 1, "paymentPositions": [1], "payment\\u0050ositions" : [ {"a": [2]} , null ] }';
  const bytes = encode(text);
  const result = scan(bytes);
  assert.equal(result.document, 'object');
  assert.deepEqual(
    result.keys.map(([s, e]) => JSON.parse(new TextDecoder().decode(bytes.subarray(s, e)))),
    ['x', 'paymentPositions', 'paymentPositions'],
  );
  assert.equal(result.field, 'array');
  assert.deepEqual(items(bytes, result), [{ a: [2] }, null]);
  assert.equal(scan(encode('{"paymentPositions": null}')).field, 'null');
  assert.equal(scan(encode('{"paymentPositions": "x"}')).field, 'other');
  assert.equal(scan(encode('{"other": {"paymentPositions": []}}')).field, 'absent');
  assert.equal(scan(encode('[1]')).document, 'array');
  assert.throws(() => scan(encode('\ufeff\ufeff{}')), JsonSyntaxError);
});

test('limits stop the reading where they are passed; deep nesting is a syntax error, not a stack overflow', () => {
  const over = (text: string, violation: string) =>
    assert.throws(
      () => scan(encode(text), LIMITS),
      (error: unknown) => error instanceof LimitExceeded && error.violation === violation,
    );
  // Passed before the end of the document: the rest (here invalid) is never read.
  over('{"paymentPositions": [{}, {}, {}, {}, !!!', 'items');
  over('{"paymentPositions": [{"paymentOption": [{}, {}, {}]', 'options');
  over('{"paymentPositions": [{"paymentOption": [{"transfer": [1, 2, 3, 4, 5]}]}', 'nested');
  // Within the limits; the nested count starts again for every element.
  const fine = '{"paymentPositions": [{"paymentOption": [{}, {"transfer": [1, 2, 3]}]}, {"paymentOption": [{"transfer": [1, 2, 3]}, {}]}]}';
  assert.equal(scan(encode(fine), LIMITS).items.length, 4);
  // Another key's list is not a list of options.
  assert.equal(scan(encode('{"paymentPositions": [{"other": [1, 2, 3]}]}'), LIMITS).items.length, 2);
  assert.throws(() => scan(encode('['.repeat(100_000))), /nesting depth \(1001\) exceeds the maximum allowed \(1000\)/);
  assert.doesNotThrow(() => scan(encode(`${'['.repeat(1000)}${']'.repeat(1000)}`)));
});
