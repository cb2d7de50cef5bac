import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { findInOutputs, findSecrets } from './secret-scan.ts';

const SECRET = '5ec4e7c0ffee5ec4e7c0ffee5ec4e7c0';

test('finds a secret in a plain file and inside a compressed ZIP entry, and nothing in clean files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scan-'));
  mkdirSync(join(dir, 'nested'));
  writeFileSync(join(dir, 'clean.json'), '{"key":"***REDACTED***"}');
  writeFileSync(join(dir, 'nested', 'leak.txt'), `header ${SECRET}`);
  writeFileSync(join(dir, 'trace.zip'), zipSync({ 'trace.trace': strToU8(`{"x":"${SECRET}"}`.repeat(50)) }, { level: 9 }));
  writeFileSync(join(dir, 'clean.zip'), zipSync({ 'a.txt': strToU8('nothing here'.repeat(50)) }, { level: 9 }));
  const result = findSecrets([dir, join(dir, 'missing')], [SECRET]);
  assert.equal(result.scanned, 4);
  assert.deepEqual(result.leaks.sort(), [join(dir, 'nested', 'leak.txt'), `${join(dir, 'trace.zip')}!trace.trace`]);
});

test('findInOutputs applies a predicate to files and ZIP entries, and skips images', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scan-'));
  writeFileSync(join(dir, 'snapshot.json'), '{"__playwright_value_":"4321"}');
  writeFileSync(join(dir, 'shot.png'), '{"__playwright_value_":"4321"}');
  writeFileSync(join(dir, 'trace.zip'), zipSync({ 'test.trace': strToU8('{"params":{"value":"4321"}}'), 'b.txt': strToU8('clean') }));
  const found = findInOutputs([dir], (text) => /"(value|__playwright_value_)":"4321"/.test(text));
  assert.deepEqual(found.sort(), [join(dir, 'snapshot.json'), `${join(dir, 'trace.zip')}!test.trace`].sort());
});
