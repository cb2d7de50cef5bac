// Jackson-like binding of JSON request bodies: the same coercions (numbers to strings, "100" to a
// long, "" to null...) and the same failure messages, so that a malformed body gets the platform's
// 400 `JSON parse error: ...` detail. Unknown properties are ignored, as in GPD core.

export class JsonMappingError extends Error {}

export type Reader<T> = (value: unknown) => T | null;
export type JsonObject = Record<string, unknown>;

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

function shape(v: unknown): string {
  if (Array.isArray(v)) return 'Array value (token `JsonToken.START_ARRAY`)';
  if (isObject(v)) return 'Object value (token `JsonToken.START_OBJECT`)';
  if (typeof v === 'boolean') return `Boolean value (token \`JsonToken.VALUE_${v ? 'TRUE' : 'FALSE'}\`)`;
  if (typeof v === 'number') {
    return Number.isInteger(v) ? 'Integer value (token `JsonToken.VALUE_NUMBER_INT`)' : 'Floating-point value (token `JsonToken.VALUE_NUMBER_FLOAT`)';
  }
  return `String value (token \`JsonToken.VALUE_STRING\`)`;
}

function mismatch(javaType: string, v: unknown): JsonMappingError {
  return new JsonMappingError(`Cannot deserialize value of type \`${javaType}\` from ${shape(v)}`);
}

export const readString: Reader<string> = (v) => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw mismatch('java.lang.String', v);
};

const LONG_MAX = Number.MAX_SAFE_INTEGER; // beyond this JS loses precision: treat as out of range

export const readLong: Reader<number> = (v) => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') {
    const n = Math.trunc(v); // ACCEPT_FLOAT_AS_INT is on by default
    if (Math.abs(n) > LONG_MAX) throw new JsonMappingError(`Numeric value (${v}) out of range of long (-9223372036854775808 - 9223372036854775807)`);
    return n;
  }
  if (typeof v === 'string') {
    if (v.trim() === '') return null;
    if (/^[+-]?\d+$/.test(v.trim()) && Math.abs(Number(v)) <= LONG_MAX) return Number(v);
    throw new JsonMappingError(`Cannot deserialize value of type \`java.lang.Long\` from String ${JSON.stringify(v)}: not a valid \`java.lang.Long\` value`);
  }
  throw mismatch('java.lang.Long', v);
};

export const readBoolean: Reader<boolean> = (v) => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number' && Number.isInteger(v)) return v !== 0;
  if (typeof v === 'string') {
    const text = v.trim().toLowerCase();
    if (text === '') return null;
    if (text === 'true' || text === 'false') return text === 'true';
    throw new JsonMappingError(`Cannot deserialize value of type \`java.lang.Boolean\` from String ${JSON.stringify(v)}: only "true" or "false" recognized`);
  }
  throw mismatch('java.lang.Boolean', v);
};

/** A date-time parser that throws an Error whose message is the java.time failure text. */
export function dateTimeReader(parse: (text: string) => number): Reader<number> {
  return (v) => {
    if (v === null || v === undefined) return null;
    if (typeof v !== 'string') throw mismatch('java.time.LocalDateTime', v);
    if (v.trim() === '') return null;
    try {
      return parse(v);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new JsonMappingError(
        `Cannot deserialize value of type \`java.time.LocalDateTime\` from String ${JSON.stringify(v)}: Failed to deserialize java.time.LocalDateTime: (java.time.format.DateTimeParseException) ${reason}`,
      );
    }
  };
}

export function enumReader<T extends string>(javaType: string, values: readonly T[]): Reader<T> {
  return (v) => {
    if (v === null || v === undefined) return null;
    if (typeof v !== 'string') throw mismatch(javaType, v);
    if (v === '') {
      throw new JsonMappingError(`Cannot coerce empty String ("") to \`${javaType}\` value (but could if coercion was enabled using \`CoercionConfig\`)`);
    }
    if ((values as readonly string[]).includes(v)) return v as T;
    throw new JsonMappingError(
      `Cannot deserialize value of type \`${javaType}\` from String ${JSON.stringify(v)}: not one of the values accepted for Enum class: [${values.join(', ')}]`,
    );
  };
}

export function listReader<T>(javaElementType: string, element: Reader<T>): Reader<(T | null)[]> {
  return (v) => {
    if (v === null || v === undefined) return null;
    if (!Array.isArray(v)) throw mismatch(`java.util.ArrayList<${javaElementType}>`, v);
    return v.map(element);
  };
}

/**
 * Binds the known properties of an object, in document order (Jackson stops at the first error).
 * `B` has only optional, nullable properties: what the body said, before bean validation.
 */
export function objectReader<B extends object>(javaType: string, fields: { [K in keyof B]-?: Reader<NonNullable<B[K]>> }): Reader<B> {
  return (v) => {
    if (v === null || v === undefined) return null;
    if (!isObject(v)) throw mismatch(javaType, v);
    const out: Partial<Record<keyof B, unknown>> = {};
    for (const [key, raw] of Object.entries(v)) {
      if (!Object.hasOwn(fields, key)) continue;
      const field = key as keyof B;
      out[field] = fields[field](raw);
    }
    return out as B;
  };
}

/** Jackson's StreamReadConstraints default: documents nested deeper are refused while parsing. */
export const MAX_NESTING_DEPTH = 1000;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The nesting depth the text first exceeds MAX_NESTING_DEPTH at (an iterative scan, strings skipped), or undefined. */
function excessiveDepth(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > MAX_NESTING_DEPTH) return depth;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
  }
  return undefined;
}

/**
 * Parses raw JSON text; syntax errors become JsonMappingError like the rest. A document nested deeper
 * than Jackson allows is refused with its message, so that nothing downstream recurses without bound.
 * The depth is checked first: where a syntax error comes earlier in the text, Jackson reports that one.
 */
export function parseJson(text: string): unknown {
  const depth = excessiveDepth(text);
  if (depth !== undefined) {
    throw new JsonMappingError(
      `Document nesting depth (${depth}) exceeds the maximum allowed (${MAX_NESTING_DEPTH}, from \`StreamReadConstraints.getMaxNestingDepth()\`)`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new JsonMappingError(error instanceof Error ? error.message : 'Malformed JSON');
  }
}
