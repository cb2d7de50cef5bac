// Our JSON Schemas (schemas/<family>/<Name>.json, draft 2020-12), compiled once with Ajv.
// Every object schema is closed (additionalProperties: false) so that drift is visible, but an
// unknown property is only a WARNING: UAT may add fields without breaking the contract.
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020, type AnySchemaObject, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { SchemaTypes } from './schema-types.ts';

/** A schema file under schemas/, as `'gpd/PaymentPositionModel'`: the keys of the generated `SchemaTypes`
 * (lib/schema-types.ts, regenerated from the folder by `npm run schemas:types`). */
export type SchemaId = keyof SchemaTypes;
/** The type of a body described by schema `S`. */
export type SchemaType<S extends SchemaId> = SchemaTypes[S];

export interface SchemaVerdict {
  schema: SchemaId;
  valid: boolean;
  errors: string[];
  warnings: string[];
}

export const SCHEMAS_DIR = new URL('../schemas/', import.meta.url);
/** Base of every `$id`; `$id` = BASE + '<family>/<Name>.json'. */
const ID_BASE = 'https://pagopa-async-conformance.local/schemas/';

// ajv-formats is CommonJS: under NodeNext its default import is module.exports, whose `default`
// property is the plugin itself (the same function at runtime, the typed one for tsc).
const addFormats = addFormatsModule.default;

let validators: Map<string, ValidateFunction> | undefined;

/** `<family>/<Name>` for every JSON file under `dir` (default schemas/), sorted: the runtime list of schema ids. */
export function schemaIds(dir: URL = SCHEMAS_DIR): SchemaId[] {
  const ids: string[] = [];
  for (const family of readdirSync(dir, { withFileTypes: true })) {
    if (!family.isDirectory()) continue;
    for (const file of readdirSync(new URL(`${family.name}/`, dir))) {
      if (file.endsWith('.json')) ids.push(`${family.name}/${file.slice(0, -'.json'.length)}`);
    }
  }
  // Equal to keyof SchemaTypes as long as lib/schema-types.ts is fresh (lib/schema-types.test.ts).
  return ids.sort() as SchemaId[];
}

function compileAll(): Map<string, ValidateFunction> {
  // allowUnionTypes: optional GPD fields are typed ["string", "null"] because GPD writes nulls.
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  const ids = schemaIds();
  for (const id of ids) {
    const schema = JSON.parse(readFileSync(new URL(`${id}.json`, SCHEMAS_DIR), 'utf8')) as AnySchemaObject;
    if (schema.$id !== `${ID_BASE}${id}.json`) {
      throw new Error(`schemas/${id}.json: $id must be ${ID_BASE}${id}.json, found ${schema.$id ?? 'none'}`);
    }
    ajv.addSchema(schema);
  }
  const compiled = new Map<string, ValidateFunction>();
  for (const id of ids) {
    const validate = ajv.getSchema(`${ID_BASE}${id}.json`);
    if (!validate) throw new Error(`schema ${id} did not compile`);
    compiled.set(id, validate);
  }
  return compiled;
}

/** JSON Pointer segment for a property name (RFC 6901 escaping). */
function pointerSegment(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}

function formatError(error: ErrorObject): string {
  const path = error.instancePath || '(root)';
  if (error.keyword === 'required') {
    // Point at the missing property itself, as the unexpected-property warnings do.
    const missing = (error.params as { missingProperty: string }).missingProperty;
    return `${error.instancePath}/${pointerSegment(missing)}: ${error.message ?? 'is required'}`;
  }
  if (error.keyword === 'enum') {
    const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
    return `${path}: ${error.message ?? 'invalid value'} (${allowed.map((v) => JSON.stringify(v)).join(', ')})`;
  }
  return `${path}: ${error.message ?? error.keyword}`;
}

/**
 * Validates `data` against one of our schemas. Unknown properties become warnings
 * (`"/foo: unexpected property"`) and leave `valid` true; any other violation is an error.
 */
export function validateBody(schema: SchemaId, data: unknown): SchemaVerdict {
  validators ??= compileAll();
  const validate = validators.get(schema);
  if (!validate) throw new Error(`unknown schema id: ${schema}`);
  validate(data);
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const error of validate.errors ?? []) {
    if (error.keyword === 'additionalProperties') {
      const extra = (error.params as { additionalProperty: string }).additionalProperty;
      warnings.push(`${error.instancePath}/${pointerSegment(extra)}: unexpected property`);
    } else {
      errors.push(formatError(error));
    }
  }
  return { schema, valid: errors.length === 0, errors, warnings };
}
