// A compact in-memory form of plain data (the store's positions, an upload's bound inputs): a tree of
// plain objects, arrays, strings, numbers, booleans and null becomes one flat array of its values.
// An object is its shape (its keys in order, and which of them hold undefined: those take no slot)
// followed by the values of its defined keys; an array is a length mark followed by its items.
// Shapes and length marks are shared by every row of a codec; strings are interned (equal values
// share one string) except under the keys named unique (identifiers), and the table stops growing at
// `maxStrings` entries; numbers that are boxed (instants) share a box with a recent equal one. Decoding builds fresh objects with the same keys, in the same order, with the
// same values: what structuredClone gave, except that two references to one object in the input
// decode as two equal objects.

/** The keys of an object, in order, and whether each holds a value (false: undefined, no slot). */
class Shape {
  constructor(
    readonly keys: readonly string[],
    readonly defined: readonly boolean[],
  ) {}
}

/** An array of `length` items, which follow it. */
class ListMark {
  constructor(readonly length: number) {}
}

/** An undefined item of an array (an object's undefined values are in its shape). */
const UNDEFINED_ITEM = new (class UndefinedItem {})();

/** Integers the engine stores unboxed in an array slot. */
const SMALL_INTEGER = (n: number) => Number.isInteger(n) && n >= -(2 ** 30) && n < 2 ** 30;
/** How many distinct recent numbers a codec remembers (then it starts over). */
const RECENT_NUMBERS = 4_096;

/** A row: the encoded values, after the prefix the caller put first. */
export type Row = unknown[];

export interface CodecOptions {
  /** Keys whose strings are not interned: identifiers, nearly always unique. */
  unique?: ReadonlySet<string>;
  /** The most strings the intern table holds (default 100 000); past it, new strings are kept as they are. */
  maxStrings?: number;
}

export class CompactCodec {
  readonly #shapes = new Map<string, Shape>();
  readonly #lists: ListMark[] = [];
  readonly #strings = new Map<string, string>();
  readonly #numbers = new Map<number, number>();
  readonly #unique: ReadonlySet<string>;
  readonly #maxStrings: number;
  /** Reused while encoding; each row is copied out at its exact length. */
  readonly #scratch: unknown[] = [];
  #at = 0;

  constructor(options: CodecOptions = {}) {
    this.#unique = options.unique ?? new Set();
    this.#maxStrings = options.maxStrings ?? 100_000;
  }

  /** The row of `value`, after `prefix` (slots the caller reads and writes itself). */
  encode(value: unknown, prefix: readonly unknown[] = []): Row {
    const out = this.#scratch;
    out.length = 0;
    for (const slot of prefix) out.push(slot);
    try {
      this.#write(value, undefined, out);
      return out.slice();
    } finally {
      out.length = 0;
    }
  }

  /** The value encoded in `row` after its prefix of `start` slots, as fresh objects. */
  decode(row: Row, start = 0): unknown {
    this.#at = start;
    return this.#read(row);
  }

  #write(value: unknown, key: string | undefined, out: unknown[]): void {
    switch (typeof value) {
      case 'string':
        out.push(key !== undefined && this.#unique.has(key) ? value : this.#intern(value));
        return;
      case 'number':
        out.push(SMALL_INTEGER(value) ? value : this.#number(value));
        return;
      case 'boolean':
        out.push(value);
        return;
      case 'undefined':
        out.push(UNDEFINED_ITEM);
        return;
      case 'object':
        if (value === null) {
          out.push(null);
          return;
        }
        if (Array.isArray(value)) {
          out.push(this.#list(value.length));
          for (const item of value as unknown[]) this.#write(item, key, out);
          return;
        }
        if (Object.getPrototypeOf(value) === Object.prototype) {
          const record = value as Record<string, unknown>;
          const keys = Object.keys(record);
          const defined = keys.map((k) => record[k] !== undefined);
          out.push(this.#shape(keys, defined));
          for (let i = 0; i < keys.length; i++) if (defined[i]) this.#write(record[keys[i]!], keys[i], out);
          return;
        }
    }
    throw new TypeError(`the compact form holds plain data only, not ${Object.prototype.toString.call(value)}`);
  }

  #read(row: Row): unknown {
    const slot = row[this.#at++];
    if (slot instanceof Shape) {
      const record: Record<string, unknown> = {};
      const { keys, defined } = slot;
      for (let i = 0; i < keys.length; i++) {
        const value = defined[i] ? this.#read(row) : undefined;
        if (keys[i] === '__proto__') Object.defineProperty(record, '__proto__', { value, enumerable: true, writable: true, configurable: true });
        else record[keys[i]!] = value;
      }
      return record;
    }
    if (slot instanceof ListMark) {
      const list: unknown[] = [];
      for (let i = 0; i < slot.length; i++) list.push(this.#read(row));
      return list;
    }
    return slot === UNDEFINED_ITEM ? undefined : slot;
  }

  /** A recent equal number, if any: numbers beyond small integers (instants) are boxed, and equal ones then share one box. */
  #number(value: number): number {
    const known = this.#numbers.get(value);
    if (known !== undefined) return known;
    if (this.#numbers.size >= RECENT_NUMBERS) this.#numbers.clear();
    this.#numbers.set(value, value);
    return value;
  }

  #intern(text: string): string {
    const known = this.#strings.get(text);
    if (known !== undefined) return known;
    if (this.#strings.size < this.#maxStrings) this.#strings.set(text, text);
    return text;
  }

  #shape(keys: string[], defined: boolean[]): Shape {
    const signature = JSON.stringify(keys) + defined.map((d) => (d ? '1' : '0')).join('');
    let shape = this.#shapes.get(signature);
    if (!shape) this.#shapes.set(signature, (shape = new Shape(keys, defined)));
    return shape;
  }

  #list(length: number): ListMark {
    return (this.#lists[length] ??= new ListMark(length));
  }
}

/**
 * A list of values kept in compact form, each decoded once and released when taken (an upload's
 * positions: the worker takes them chunk by chunk, so a large upload shrinks as it goes).
 */
export class PackedList<T> {
  readonly #rows: Array<Row | undefined> = [];

  constructor(private readonly codec: CompactCodec) {}

  get length(): number {
    return this.#rows.length;
  }

  push(value: T): void {
    this.#rows.push(this.codec.encode(value));
  }

  /** The value at `index`, decoded; its row is released. */
  take(index: number): T {
    const row = this.#rows[index];
    if (row === undefined) throw new RangeError(`item ${index} was already taken or does not exist`);
    this.#rows[index] = undefined;
    return this.codec.decode(row) as T;
  }

  /** Every value, decoded (the list keeps its rows). */
  toArray(): T[] {
    return this.#rows.map((row) => {
      if (row === undefined) throw new RangeError('an item was already taken');
      return this.codec.decode(row) as T;
    });
  }
}
