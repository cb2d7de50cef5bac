// Writes lib/schema-types.ts: one TypeScript type per JSON Schema under schemas/ and the
// `SchemaTypes` map from schema id to type, so the suite's body types follow the schemas.
// Run: npm run schemas:types. lib/schema-types.test.ts fails when the checked-in file is stale.
//
// Our schemas use a small subset of draft 2020-12 (type, enum, properties, required, items,
// additionalProperties: false, $ref to a file, $ref + "type" to narrow a nullable reference),
// which this generator covers completely; anything else fails loudly instead of becoming `any`.
// Closed objects list their known fields and no index signature: the platform may add fields
// (a schema warning, not an error), but the suite only reads the fields it knows.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { SCHEMAS_DIR, schemaIds } from '../lib/schemas.ts';

export const OUTPUT_FILE = new URL('../lib/schema-types.ts', import.meta.url);

interface JsonSchema {
  $schema?: string;
  $id?: string;
  $ref?: string;
  $comment?: string;
  title?: string;
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: boolean;
  [keyword: string]: unknown;
}

/** Keywords that only constrain values (checked by Ajv at runtime) and do not change the type. */
const VALUE_KEYWORDS = new Set([
  '$schema',
  '$id',
  '$comment',
  'title',
  'description',
  'readOnly',
  'pattern',
  'format',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'minItems',
  'maxItems',
  'uniqueItems',
]);
const TYPE_KEYWORDS = new Set(['$ref', 'type', 'enum', 'properties', 'required', 'items', 'additionalProperties']);

const pascal = (text: string): string =>
  text.replace(/(^|[^A-Za-z0-9])([a-z])/g, (_m, _sep: string, c: string) => c.toUpperCase()).replace(/[^A-Za-z0-9]/g, '');

/** Type names: the schema's file name, prefixed by its family where two families share a name. */
function typeNames(ids: string[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const id of ids) count.set(id.split('/')[1]!, (count.get(id.split('/')[1]!) ?? 0) + 1);
  return new Map(
    ids.map((id) => {
      const [family, name] = id.split('/') as [string, string];
      return [id, count.get(name)! > 1 ? `${pascal(family)}${pascal(name)}` : pascal(name)];
    }),
  );
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const key = (name: string): string => (IDENTIFIER.test(name) ? name : `'${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`);
const doc = (text: string | undefined, indent: string): string => (text ? `${indent}/** ${text.replace(/\*\//g, '*\\/')} */\n` : '');

class Generator {
  private readonly names: Map<string, string>;
  private readonly schemas = new Map<string, JsonSchema>();

  constructor(private readonly dir: URL) {
    const ids = schemaIds(dir);
    this.names = typeNames(ids);
    for (const id of ids) this.schemas.set(id, JSON.parse(readFileSync(new URL(`${id}.json`, dir), 'utf8')) as JsonSchema);
  }

  /** The schema id a `$ref` of a schema of `family` points at. */
  private refId(ref: string, family: string, where: string): string {
    const match = /^(?:\.\.\/([A-Za-z0-9_-]+)\/)?([A-Za-z0-9_-]+)\.json$/.exec(ref);
    const id = match ? `${match[1] ?? family}/${match[2]}` : undefined;
    if (!id || !this.schemas.has(id)) throw new Error(`${where}: $ref ${ref} is not a schema file of schemas/`);
    return id;
  }

  private typesOf(node: JsonSchema): string[] {
    return node.type === undefined ? [] : ([] as string[]).concat(node.type);
  }

  private expr(node: JsonSchema, family: string, where: string, indent: string): string {
    for (const keyword of Object.keys(node)) {
      if (!VALUE_KEYWORDS.has(keyword) && !TYPE_KEYWORDS.has(keyword)) throw new Error(`${where}: keyword ${keyword} is not supported by the type generator`);
    }
    const types = this.typesOf(node);
    if (node.$ref !== undefined) {
      const id = this.refId(node.$ref, family, where);
      const name = this.names.get(id)!;
      const target = this.typesOf(this.schemas.get(id)!);
      // "$ref" + "type": "string" narrows a nullable reference (a mandatory GPD date).
      if (types.length > 0 && target.includes('null') && !types.includes('null')) return `NonNullable<${name}>`;
      return name;
    }
    if (node.enum !== undefined) return node.enum.map((value) => JSON.stringify(value)).join(' | ');
    if (types.length === 0) throw new Error(`${where}: a schema without type, enum or $ref would be unknown`);
    return types.map((type) => this.single(type, node, family, where, indent)).join(' | ');
  }

  private single(type: string, node: JsonSchema, family: string, where: string, indent: string): string {
    switch (type) {
      case 'string':
      case 'boolean':
      case 'null':
        return type;
      case 'integer':
      case 'number':
        return 'number';
      case 'array': {
        if (!node.items) throw new Error(`${where}: an array without items`);
        const item = this.expr(node.items, family, `${where}/items`, indent);
        return /^[A-Za-z0-9_<>]+$/.test(item) ? `${item}[]` : `Array<${item}>`;
      }
      case 'object':
        return this.object(node, family, where, indent);
      default:
        throw new Error(`${where}: type ${type} is not supported`);
    }
  }

  private object(node: JsonSchema, family: string, where: string, indent: string): string {
    if (node.additionalProperties !== false) throw new Error(`${where}: objects must be closed (additionalProperties: false)`);
    const required = new Set(node.required ?? []);
    const inner = `${indent}  `;
    const lines = Object.entries(node.properties ?? {}).map(
      ([name, child]) =>
        `${doc(child.description, inner)}${inner}${key(name)}${required.has(name) ? '' : '?'}: ${this.expr(child, family, `${where}/properties/${name}`, inner)};\n`,
    );
    return lines.length === 0 ? 'Record<string, never>' : `{\n${lines.join('')}${indent}}`;
  }

  source(): string {
    const out: string[] = [
      '// GENERATED FILE, DO NOT EDIT: the TypeScript types of the JSON Schemas under schemas/.',
      '// Regenerate with `npm run schemas:types` (scripts/gen-schema-types.ts) after changing a schema;',
      '// lib/schema-types.test.ts fails when this file is out of date.',
      '',
    ];
    for (const [id, schema] of this.schemas) {
      const [family] = id.split('/') as [string];
      const name = this.names.get(id)!;
      const body = this.expr(schema, family, id, '');
      const comment = doc(`\`${id}\`${schema.description ? `: ${schema.description}` : ''}`, '');
      out.push(
        this.typesOf(schema).length === 1 && this.typesOf(schema)[0] === 'object' && schema.$ref === undefined && body.startsWith('{')
          ? `${comment}export interface ${name} ${body}\n`
          : `${comment}export type ${name} = ${body};\n`,
      );
    }
    out.push('/** Schema id (`<family>/<Name>`, a file under schemas/) → the type of a body it describes. */');
    out.push('export interface SchemaTypes {');
    for (const id of this.schemas.keys()) out.push(`  '${id}': ${this.names.get(id)!};`);
    out.push('}\n');
    return out.join('\n');
  }
}

/** The content lib/schema-types.ts must have for the schemas in `dir`, formatted by the project's prettier. */
export async function generateSchemaTypes(dir: URL = SCHEMAS_DIR): Promise<string> {
  const filepath = fileURLToPath(OUTPUT_FILE);
  const options = (await prettier.resolveConfig(filepath)) ?? {};
  return prettier.format(new Generator(dir).source(), { ...options, filepath });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(OUTPUT_FILE, await generateSchemaTypes());
  console.log(`wrote ${fileURLToPath(OUTPUT_FILE)}`);
}
