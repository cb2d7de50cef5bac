import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { CARD_NUMBER_MASK, CVV_MASK, redactCardData, redactTraceFile } from './trace-redaction.ts';

const secrets = { number: '4242424242424242', cvv: '737' };

test('masks the card number, plain or grouped', () => {
  const out = redactCardData('pan 4242424242424242 and 4242 4242 4242 4242 and 4242-4242-4242-4242', secrets);
  assert.equal(out, `pan ${CARD_NUMBER_MASK} and ${CARD_NUMBER_MASK} and ${CARD_NUMBER_MASK}`);
});

test('masks the CVV where a trace keeps values, and nowhere else', () => {
  const call = '{"type":"before","params":{"arg":{"value":{"s":"737"}}},"title":"Evaluate"}';
  const snapshot = '["INPUT",{"id":"SECURITY_CODE","__playwright_value_":"737"}]';
  const body = '{"fieldValues":[{"id":"SECURITY_CODE","value":"737"}]}';
  const escaped = '{"postData":"{\\"id\\":\\"SECURITY_CODE\\",\\"value\\":\\"737\\"}"}';
  for (const text of [call, snapshot, body, escaped]) {
    const out = redactCardData(text, secrets);
    assert.ok(!out.includes('"737'), `${text} → ${out}`);
    assert.ok(out.includes(CVV_MASK));
  }
  // Other numbers that happen to contain the CVV stay as they are.
  const unrelated = '{"amount":7370,"timestamp":1737000000,"id":"737a"}';
  assert.equal(redactCardData(unrelated, secrets), unrelated);
});

test('rewrites a trace ZIP in place: text entries masked, binary entries untouched', () => {
  const dir = mkdtempSync(join(tmpdir(), 'trace-'));
  const path = join(dir, 'trace.zip');
  const image = new Uint8Array([0xff, 0xd8, 0xff, 0x00, 1, 2, 3]);
  writeFileSync(
    path,
    zipSync({
      'test.trace': strToU8('{"params":{"value":"4242424242424242"}}\n'),
      'resources/0123456789abcdef0123456789abcdef01234567': strToU8('{"fieldValues":[{"id":"SECURITY_CODE","value":"737"}]}'),
      'resources/page@1.jpeg': image,
    }),
  );
  assert.equal(redactTraceFile(path, secrets), true);
  const entries = unzipSync(readFileSync(path));
  assert.ok(strFromU8(entries['test.trace']!).includes(CARD_NUMBER_MASK));
  assert.ok(!strFromU8(entries['test.trace']!).includes('4242424242424242'));
  assert.ok(strFromU8(entries['resources/0123456789abcdef0123456789abcdef01234567']!).includes(CVV_MASK));
  assert.deepEqual(entries['resources/page@1.jpeg'], image);
  assert.equal(redactTraceFile(path, secrets), false, 'a clean trace is left as it is');
});
