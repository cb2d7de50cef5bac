// The catalogue and the specs must agree: every case has exactly one test, every test id is a case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUE, AREAS, caseIdOfTitle } from './catalogue.ts';

const testsDir = new URL('../tests/', import.meta.url).pathname;

function specFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? specFiles(join(dir, entry.name)) : entry.name.endsWith('.spec.ts') ? [join(dir, entry.name)] : [],
  );
}

function testIds(): string[] {
  const ids: string[] = [];
  for (const file of specFiles(testsDir)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\btest(?:\.\w+)?\(\s*['"`](\[[^\]]+\][^'"`]*)['"`]/g)) {
      const id = caseIdOfTitle(match[1]!);
      assert.ok(id, `${file}: malformed case id in "${match[1]}"`);
      ids.push(id);
    }
  }
  return ids;
}

test('ids are unique and well formed, areas known, titles in Italian and English', () => {
  const ids = CATALOGUE.map((c) => c.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const c of CATALOGUE) {
    assert.equal(caseIdOfTitle(`[${c.id}] x`), c.id);
    assert.ok(c.id.startsWith(`${c.area}-`), c.id);
    assert.ok(AREAS[c.area]);
    assert.ok(c.title.it && c.title.en && c.expected.it && c.expected.en, c.id);
  }
});

test('every catalogue case has exactly one test, and every test id is in the catalogue', () => {
  const found = testIds();
  const catalogue = new Set(CATALOGUE.map((c) => c.id));
  assert.deepEqual(
    found.filter((id) => !catalogue.has(id)),
    [],
    'test ids missing from the catalogue',
  );
  assert.deepEqual(
    [...catalogue].filter((id) => !found.includes(id)),
    [],
    'catalogue cases without a test',
  );
  assert.deepEqual(
    found.filter((id, i) => found.indexOf(id) !== i),
    [],
    'cases with more than one test',
  );
});
