import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateSchemaTypes, OUTPUT_FILE } from '../scripts/gen-schema-types.ts';

test('lib/schema-types.ts is up to date with schemas/ (else run npm run schemas:types)', async () => {
  assert.equal(readFileSync(OUTPUT_FILE, 'utf8'), await generateSchemaTypes(), 'lib/schema-types.ts is stale: run npm run schemas:types');
});

test('a new optional field of a schema becomes an optional property of its type; $ref and nullable references are typed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'schema-types-'));
  try {
    mkdirSync(join(dir, 'gpd'));
    const base = 'https://pagopa-async-conformance.local/schemas/gpd/';
    writeFileSync(join(dir, 'gpd', 'LocalDateTime.json'), JSON.stringify({ $id: `${base}LocalDateTime.json`, type: ['string', 'null'] }));
    writeFileSync(
      join(dir, 'gpd', 'Position.json'),
      JSON.stringify({
        $id: `${base}Position.json`,
        type: 'object',
        properties: {
          iupd: { type: 'string' },
          newField: { type: ['string', 'null'], description: 'added' },
          due: { $ref: 'LocalDateTime.json', type: 'string' },
          paid: { $ref: 'LocalDateTime.json' },
          kind: { type: 'string', enum: ['F', 'G'] },
          list: { type: 'array', items: { $ref: 'LocalDateTime.json' } },
        },
        required: ['iupd', 'due'],
        additionalProperties: false,
      }),
    );
    const source = await generateSchemaTypes(pathToFileURL(`${dir}/`));
    assert.match(
      source,
      /export interface Position \{\n {2}iupd: string;\n {2}\/\*\* added \*\/\n {2}newField\?: string \| null;\n {2}due: NonNullable<LocalDateTime>;\n {2}paid\?: LocalDateTime;\n {2}kind\?: 'F' \| 'G';\n {2}list\?: LocalDateTime\[\];\n\}/,
    );
    assert.match(source, /export interface SchemaTypes \{\n {2}'gpd\/LocalDateTime': LocalDateTime;\n {2}'gpd\/Position': Position;\n\}/);
    assert.doesNotMatch(source, /\bany\b|\[key: string\]/, 'no any, no index signature');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('keywords the generator does not know fail loudly instead of producing a loose type', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'schema-types-'));
  try {
    mkdirSync(join(dir, 'gpd'));
    writeFileSync(join(dir, 'gpd', 'X.json'), JSON.stringify({ oneOf: [{ type: 'string' }, { type: 'number' }] }));
    await assert.rejects(generateSchemaTypes(pathToFileURL(`${dir}/`)), /gpd\/X: keyword oneOf is not supported/);
    writeFileSync(join(dir, 'gpd', 'X.json'), JSON.stringify({ type: 'object', properties: { a: { type: 'string' } } }));
    await assert.rejects(generateSchemaTypes(pathToFileURL(`${dir}/`)), /must be closed/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
