import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JsonMappingError, MAX_NESTING_DEPTH, parseJson } from './jackson.ts';

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const TOO_DEEP = (depth: number) =>
  new JsonMappingError(`Document nesting depth (${depth}) exceeds the maximum allowed (1000, from \`StreamReadConstraints.getMaxNestingDepth()\`)`);

describe('parseJson', () => {
  it('accepts documents nested up to the Jackson limit (1000)', () => {
    assert.equal(MAX_NESTING_DEPTH, 1000);
    assert.ok(Array.isArray(parseJson(nested(1000))));
    assert.deepEqual(parseJson(`{"a":${nested(999)}}`), { a: JSON.parse(nested(999)) });
  });

  it('refuses deeper documents with the StreamReadConstraints message, however deep', () => {
    assert.throws(() => parseJson(nested(1001)), TOO_DEEP(1001));
    assert.throws(() => parseJson(`${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`), TOO_DEEP(1001));
    assert.throws(() => parseJson(`{"x":1,"y":[${nested(1000)}]}`), TOO_DEEP(1001));
  });

  it('does not count brackets inside strings, nor siblings', () => {
    assert.equal((parseJson(JSON.stringify({ text: '['.repeat(5000), esc: '\\"[[[' })) as { text: string }).text, '['.repeat(5000));
    assert.equal((parseJson(`[${Array(5000).fill('[[]]').join(',')}]`) as unknown[]).length, 5000);
  });

  it('keeps syntax errors as mapping errors', () => {
    assert.throws(() => parseJson('{"a": '), JsonMappingError);
  });
});
