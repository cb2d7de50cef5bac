// Descriptors of the platform's Java model classes: each field with its Java type and its bean
// validation constraints (as GPD's annotations say), in declaration order. One descriptor drives
// the Jackson-like reader (jackson.ts), the bean validation, the list of known properties (the
// upload's unknown-field refusal), the response writer, and the TypeScript type of the validated
// value (`Input<D>`).
import { formatLocalDateTime, parseLocalDateTime } from './dates.ts';
import { dateTimeReader, enumReader, listReader, objectReader, readBoolean, readLong, readString, type Reader } from './jackson.ts';

export type ScalarType = 'string' | 'long' | 'boolean' | 'LocalDateTime';
/** A Java type: a scalar, an enum (`name` relative to the model package), an object of another class, a list. */
export type FieldType = ScalarType | { enum: string; values: readonly string[] } | { object: ObjectDescriptor } | { list: FieldType };

export interface Field {
  type: FieldType;
  /** @NotBlank(message): the value's other constraints apply only when it is not blank. */
  notBlank?: string;
  /** @NotNull(message): the value's other constraints apply only when it is not null. */
  notNull?: string;
  /** @Size of a string or a list; default message `size must be between <min> and <max>`. */
  size?: { min?: number; max: number; message?: string };
  /** @Min of a number. */
  min?: { value: number; message: string };
  /** @Pattern of a string. */
  pattern?: { regex: RegExp; message: string };
  /** A list of `{key}` objects whose keys must be unique (GPD's @UniqueKeys-like check). */
  uniqueKeys?: string;
  /**
   * Jackson READ_ONLY: ignored when a body is read, written in responses. `'gpd'`: read-only in GPD's
   * model only; the upload service's model of the same class has it as an ordinary property.
   */
  readOnly?: true | 'gpd';
  /** A primitive boolean with a field initializer: absent → this value, null → false. */
  absent?: boolean;
  /** A list with a field initializer (`= new ArrayList<>()`): absent → empty (its @Size applies), only null is null. */
  emptyWhenAbsent?: true;
}

export interface ObjectDescriptor {
  /** The class name under the model package, e.g. `pd.TransferModel`. */
  name: string;
  fields: Readonly<Record<string, Field>>;
}

// ---- types derived from a descriptor ----

type Simplify<T> = { [K in keyof T]: T[K] };
type ValueOf<T> = T extends 'string'
  ? string
  : T extends 'long'
    ? number
    : T extends 'boolean'
      ? boolean
      : T extends 'LocalDateTime'
        ? number
        : T extends { enum: string; values: readonly (infer V)[] }
          ? V
          : T extends { object: infer O extends ObjectDescriptor }
            ? Input<O>
            : T extends { list: infer E }
              ? ValueOf<E>[]
              : never;
type Fields<D extends ObjectDescriptor> = D['fields'];
type Writable<D extends ObjectDescriptor> = { [K in keyof Fields<D>]: Fields<D>[K] extends { readOnly: true | 'gpd' } ? never : K }[keyof Fields<D>];
/** Present after validation: required (@NotNull/@NotBlank), a primitive with a default, or a list (absent = empty). */
type Present<F> = F extends { notNull: string } | { notBlank: string } | { absent: boolean } | { type: { list: unknown } } ? true : false;
type PresentKeys<D extends ObjectDescriptor> = { [K in Writable<D>]: Present<Fields<D>[K]> extends true ? K : never }[Writable<D>];

/** The validated value of a body read with descriptor `D` (instants as epoch ms; read-only fields left out). */
export type Input<D extends ObjectDescriptor> = Simplify<
  { [K in PresentKeys<D>]: ValueOf<Fields<D>[K]['type']> } & { [K in Exclude<Writable<D>, PresentKeys<D>>]?: ValueOf<Fields<D>[K]['type']> }
>;

type BodyValueOf<T> = T extends 'LocalDateTime'
  ? string
  : T extends { enum: string }
    ? string
    : T extends { object: infer O extends ObjectDescriptor }
      ? BodyOf<O>
      : T extends { list: infer E }
        ? BodyValueOf<E>[]
        : ValueOf<T>;
type RequiredKeys<D extends ObjectDescriptor> = {
  [K in Writable<D>]: Fields<D>[K] extends { notNull: string } | { notBlank: string } ? K : never;
}[Writable<D>];
/** The JSON body a client writes for `D`: required (@NotNull/@NotBlank) fields present, dates as text, enums as any string. */
export type BodyOf<D extends ObjectDescriptor> = Simplify<
  { [K in RequiredKeys<D>]: BodyValueOf<Fields<D>[K]['type']> } & { [K in Exclude<Writable<D>, RequiredKeys<D>>]?: BodyValueOf<Fields<D>[K]['type']> }
>;

// ---- field lists ----

const entries = (d: ObjectDescriptor): [string, Field][] => Object.entries(d.fields);

/** The properties a reader of `d` binds, in declaration order (`model`: whose model class). */
export function readableFields(d: ObjectDescriptor, model: 'gpd' | 'upload' = 'gpd'): string[] {
  return entries(d)
    .filter(([, f]) => f.readOnly === undefined || (model === 'upload' && f.readOnly === 'gpd'))
    .map(([name]) => name);
}

/** The read-only properties of `d` (in the upload's model: ignorable, not unknown). */
export function readOnlyFields(d: ObjectDescriptor, model: 'gpd' | 'upload' = 'gpd'): string[] {
  const readable = new Set(readableFields(d, model));
  return entries(d)
    .map(([name]) => name)
    .filter((name) => !readable.has(name));
}

/** The descriptor of the objects a field holds (itself or as list elements), if any. */
export function childOf(type: FieldType): { of: ObjectDescriptor; list: boolean } | undefined {
  if (typeof type === 'string' || 'enum' in type) return undefined;
  if ('object' in type) return { of: type.object, list: false };
  const element = childOf(type.list);
  return element && !element.list ? { of: element.of, list: true } : undefined;
}

// ---- Jackson-like reader ----

const readDateTime = dateTimeReader(parseLocalDateTime);
const JAVA_SCALARS: Record<ScalarType, string> = {
  string: 'java.lang.String',
  long: 'java.lang.Long',
  boolean: 'java.lang.Boolean',
  LocalDateTime: 'java.time.LocalDateTime',
};

function javaName(type: FieldType, pkg: string): string {
  if (typeof type === 'string') return JAVA_SCALARS[type];
  if ('enum' in type) return `${pkg}.${type.enum}`;
  if ('object' in type) return `${pkg}.${type.object.name}`;
  return `java.util.ArrayList<${javaName(type.list, pkg)}>`;
}

function fieldReader(type: FieldType, pkg: string): Reader<unknown> {
  if (type === 'string') return readString;
  if (type === 'long') return readLong;
  if (type === 'boolean') return readBoolean;
  if (type === 'LocalDateTime') return readDateTime;
  if ('enum' in type) return enumReader(`${pkg}.${type.enum}`, type.values);
  if ('object' in type) return readerOf(type.object, pkg);
  return listReader(javaName(type.list, pkg), fieldReader(type.list, pkg));
}

/** What a body said for `D`, before validation: every readable property optional and nullable. */
export type Bound = Record<string, unknown>;

const readers = new Map<string, WeakMap<ObjectDescriptor, Reader<Bound>>>();

/** The Jackson-like reader of `d`'s class in package `pkg` (unknown and read-only properties ignored). */
export function readerOf(d: ObjectDescriptor, pkg: string): Reader<Bound> {
  let byDescriptor = readers.get(pkg);
  if (!byDescriptor) readers.set(pkg, (byDescriptor = new WeakMap()));
  let reader = byDescriptor.get(d);
  if (!reader) {
    const fields: Record<string, Reader<unknown>> = {};
    // Set before the fields are built, so that a class holding itself would terminate.
    const built = (value: unknown) => objectReader<Bound>(`${pkg}.${d.name}`, fields as never)(value);
    byDescriptor.set(d, (reader = built));
    for (const name of readableFields(d)) fields[name] = fieldReader(d.fields[name]!.type, pkg);
  }
  return reader;
}

// ---- bean validation ----

export interface Violation {
  path: string;
  message: string;
}

/** Collects violations; `prefix`: the path of the validated object inside the request body. */
export class Violations {
  readonly list: Violation[] = [];
  constructor(private readonly prefix = '') {}
  add(path: string, message: string): void {
    this.list.push({ path: `${this.prefix}${path}`, message });
  }
}

const isBlank = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
const join = (path: string, name: string) => (path === '' ? name : `${path}.${name}`);

/** The constraints of one value other than those on list elements, in the order the platform reports them. */
function checkValue(v: Violations, at: string, value: unknown, f: Field): void {
  if (value === undefined && f.emptyWhenAbsent) value = [];
  if (f.notBlank !== undefined && isBlank(value)) return v.add(at, f.notBlank);
  if (f.notNull !== undefined && (value === null || value === undefined)) return v.add(at, f.notNull);
  if (value === null || value === undefined) return;
  if (f.size) {
    const length = typeof value === 'string' || Array.isArray(value) ? value.length : 0;
    const min = f.size.min ?? 0;
    if (length < min || length > f.size.max) v.add(at, f.size.message ?? `size must be between ${min} and ${f.size.max}`);
  }
  if (f.min && typeof value === 'number' && value < f.min.value) v.add(at, f.min.message);
  if (f.pattern && typeof value === 'string' && !f.pattern.regex.test(value)) v.add(at, f.pattern.message);
  if (f.uniqueKeys !== undefined && Array.isArray(value)) {
    const keys = value.map((m: { key?: unknown } | null) => m?.key);
    if (new Set(keys).size !== keys.length) v.add(at, f.uniqueKeys);
  }
}

const DEFAULTS: Record<ScalarType, unknown> = { string: '', long: 0, boolean: false, LocalDateTime: 0 };

function convert(v: Violations, at: string, value: unknown, f: Field): unknown {
  const child = childOf(f.type);
  if (child?.list) {
    checkValue(v, at, value, f);
    return ((value as unknown[] | null | undefined) ?? []).map((item, i) => {
      if (item === null) {
        v.add(`${at}[${i}]`, 'must not be null');
        return validate(child.of, {}, new Violations(), '');
      }
      return validate(child.of, item as Bound, v, `${at}[${i}]`);
    });
  }
  if (child) {
    if (value === null || value === undefined) {
      if (f.notNull !== undefined) v.add(at, f.notNull);
      return undefined;
    }
    return validate(child.of, value as Bound, v, at);
  }
  if (f.absent !== undefined) return value === undefined ? f.absent : value === true;
  if (value !== null && value !== undefined) return value;
  if (f.notNull === undefined && f.notBlank === undefined) return undefined;
  return typeof f.type === 'string' ? DEFAULTS[f.type] : '';
}

/**
 * Bean validation of a bound `d` at `path`: the constraints of its own scalar values first, in
 * declaration order, then, field by field, those of the objects and lists it holds; the validated value has every readable field, in
 * declaration order (absent optional ones undefined, absent lists empty).
 */
/** The readable fields of `d` with their nested descriptor, worked out once per descriptor (validation runs per object of every request). */
const validationPlans = new WeakMap<ObjectDescriptor, ReadonlyArray<readonly [string, Field, boolean]>>();

function validationPlan(d: ObjectDescriptor): ReadonlyArray<readonly [string, Field, boolean]> {
  let plan = validationPlans.get(d);
  if (!plan) {
    plan = readableFields(d).map((name) => [name, d.fields[name]!, childOf(d.fields[name]!.type) !== undefined] as const);
    validationPlans.set(d, plan);
  }
  return plan;
}

export function validate(d: ObjectDescriptor, bound: Bound, v: Violations, path = ''): Bound {
  const fields = validationPlan(d);
  for (const [name, f, nested] of fields) {
    if (!nested) checkValue(v, join(path, name), bound[name], f);
  }
  const out: Bound = {};
  for (const [name, f] of fields) out[name] = convert(v, join(path, name), bound[name], f);
  return out;
}

/** `validate`, typed by the descriptor. */
export const validated = <D extends ObjectDescriptor>(d: D, bound: Bound, v: Violations, path = ''): Input<D> => validate(d, bound, v, path) as Input<D>;

// ---- response writer ----

/**
 * The response body of `d` for a stored entity: every field in declaration order (read-only ones
 * too), `overrides` before the entity's own values; dates printed without zone.
 */
export function write(d: ObjectDescriptor, entity: object, overrides: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const source = entity as Record<string, unknown>;
  for (const [name, f] of entries(d)) {
    const value = Object.hasOwn(overrides, name) ? overrides[name] : source[name];
    out[name] = writeValue(f.type, value);
  }
  return out;
}

function writeValue(type: FieldType, value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  if (type === 'LocalDateTime') return formatLocalDateTime(value as number);
  if (typeof type === 'string' || 'enum' in type) return value;
  if ('object' in type) return write(type.object, value as object);
  return (value as unknown[]).map((item) => writeValue(type.list, item));
}
